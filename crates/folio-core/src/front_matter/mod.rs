//! Front matter: finding it at the top of a post and parsing it into ordered fields.
//!
//! Two steps, each usable alone: [`split`] finds the fenced block (YAML between `---` lines,
//! closed by `---` or `...`; TOML between `+++` lines) and the body after it, and [`parse_fields`]
//! turns the block into [`Field`]s that remember the file line of their key. Reading meaning into
//! the fields is [`PostMeta`](crate::PostMeta)'s job, and [`parse_document`](crate::parse_document)
//! puts the three together without ever failing.
//!
//! Every line number here is a 1-based line of the whole file, fences included, so the CLI can
//! print `file:line` and an editor lands on the right line.

use serde::{Deserialize, Serialize};

use crate::Value;

mod lines;
mod toml;
mod yaml;

#[cfg(test)]
mod tests;

/// How deeply front-matter values may nest. Real front matter is two or three levels deep; the
/// cap keeps every recursive walk over a [`Value`] (conversion, serialization, dropping) far from
/// the browser's stack limit, and below the limit of 128 of the JSON readers (`serde_json` and
/// [`crate::json`]) when a file holding them is read back.
pub const MAX_DEPTH: usize = 64;

/// The language a front-matter block is written in, told by its fence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FrontMatterFormat {
    /// Between `---` lines (Jekyll, Hexo, Hugo, VitePress, Zola).
    Yaml,
    /// Between `+++` lines (Hugo, Zola).
    Toml,
}

impl FrontMatterFormat {
    /// The fence that opens this format: `---` or `+++`.
    pub fn fence(self) -> &'static str {
        match self {
            FrontMatterFormat::Yaml => "---",
            FrontMatterFormat::Toml => "+++",
        }
    }

    fn closes(self, line: &str) -> bool {
        match self {
            FrontMatterFormat::Yaml => line == "---" || line == "...",
            FrontMatterFormat::Toml => line == "+++",
        }
    }
}

/// The fenced block at the top of a post, fences excluded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FrontMatter<'a> {
    /// YAML or TOML.
    pub format: FrontMatterFormat,
    /// The text between the fences, each line with its ending.
    pub text: &'a str,
    /// File line of the opening fence: 1, or later after blank lines.
    pub opening_line: usize,
    /// File line of the first line of `text` (the line after the opening fence).
    pub first_line: usize,
    /// File line of the closing fence.
    pub closing_line: usize,
}

/// A post cut into its front matter (if any) and its body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split<'a> {
    /// The fenced block, or `None` when the post starts straight with Markdown.
    pub front_matter: Option<FrontMatter<'a>>,
    /// Everything after the closing fence (or the whole file, minus a byte-order mark).
    pub body: &'a str,
    /// File line where `body` starts.
    pub body_line: usize,
}

/// One top-level front-matter entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The key as written (case kept).
    pub key: String,
    /// The value, with nested maps in source order.
    pub value: Value,
    /// File line of the key.
    pub line: usize,
}

/// Why front matter could not be split off or parsed. Every variant knows its file line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FrontMatterError {
    /// An opening fence with no closing fence after it.
    #[error(
        "the front matter that starts on line {line} with `{fence}` is never closed: add a `{fence}` line after its last field",
        fence = format.fence()
    )]
    Unclosed {
        /// File line of the opening fence.
        line: usize,
        /// What the fence announced.
        format: FrontMatterFormat,
    },
    /// The YAML parser rejected the block.
    #[error("YAML front matter, column {column}: {message}")]
    Yaml {
        /// File line of the problem.
        line: usize,
        /// 1-based character column.
        column: usize,
        /// What the parser said.
        message: String,
    },
    /// The TOML parser rejected the block.
    #[error("TOML front matter, column {column}: {message}")]
    Toml {
        /// File line of the problem.
        line: usize,
        /// 1-based character column.
        column: usize,
        /// What the parser said.
        message: String,
    },
    /// Valid YAML whose top level is a list or a single value instead of `key: value` fields.
    #[error("front matter must be `key: value` fields, but it is {found}")]
    NotAMapping {
        /// File line where the top-level value starts.
        line: usize,
        /// What it is instead ("a list", "text", ...).
        found: &'static str,
    },
    /// Values nested deeper than [`MAX_DEPTH`].
    #[error("front matter nests values more than {limit} levels deep")]
    TooDeep {
        /// File line where the nesting goes past the limit.
        line: usize,
        /// The limit.
        limit: usize,
    },
}

impl FrontMatterError {
    /// The 1-based file line the error points at.
    pub fn line(&self) -> usize {
        match self {
            FrontMatterError::Unclosed { line, .. }
            | FrontMatterError::Yaml { line, .. }
            | FrontMatterError::Toml { line, .. }
            | FrontMatterError::NotAMapping { line, .. }
            | FrontMatterError::TooDeep { line, .. } => *line,
        }
    }

    /// The 1-based character column, when the YAML or TOML parser reported one.
    pub fn column(&self) -> Option<usize> {
        match self {
            FrontMatterError::Yaml { column, .. } | FrontMatterError::Toml { column, .. } => {
                Some(*column)
            }
            FrontMatterError::Unclosed { .. }
            | FrontMatterError::NotAMapping { .. }
            | FrontMatterError::TooDeep { .. } => None,
        }
    }
}

/// Cuts `source` into front matter and body.
///
/// Front matter opens with `---` or `+++` on the first line that is not blank (after an optional
/// UTF-8 byte-order mark): Hugo and Zola accept blank lines before it, and sites they built have
/// them. Fences may carry trailing spaces or tabs, and any line ending works. A post without an
/// opening fence is all body. An opening fence without a closing one is an error, since guessing
/// where the front matter ends could swallow the post.
///
/// ```
/// use folio_core::front_matter::{split, FrontMatterFormat};
///
/// let post = split("---\ntitle: Hello\n---\n# Hello\n")?;
/// let front_matter = post.front_matter.expect("front matter");
/// assert_eq!(front_matter.format, FrontMatterFormat::Yaml);
/// assert_eq!(front_matter.text, "title: Hello\n");
/// assert_eq!((post.body, post.body_line), ("# Hello\n", 4));
///
/// let late = split("\n\n+++\ntitle = 'Hi'\n+++\nBody\n")?;
/// assert_eq!(late.front_matter.map(|f| (f.opening_line, f.first_line)), Some((3, 4)));
/// assert_eq!((late.body, late.body_line), ("Body\n", 6));
/// # Ok::<(), folio_core::front_matter::FrontMatterError>(())
/// ```
pub fn split(source: &str) -> Result<Split<'_>, FrontMatterError> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let no_front_matter = Split {
        front_matter: None,
        body: source,
        body_line: 1,
    };
    let mut lines = lines::lines(source).enumerate();
    let Some((opening_index, opening)) = lines
        .by_ref()
        .find(|(_, line)| !line.text.trim_matches([' ', '\t']).is_empty())
    else {
        return Ok(no_front_matter);
    };
    let opening_line = opening_index + 1;
    let format = match trim_fence(opening.text) {
        "---" => FrontMatterFormat::Yaml,
        "+++" => FrontMatterFormat::Toml,
        _ => return Ok(no_front_matter),
    };
    for (index, line) in lines {
        if format.closes(trim_fence(line.text)) {
            let closing_line = index + 1;
            return Ok(Split {
                front_matter: Some(FrontMatter {
                    format,
                    text: &source[opening.next..line.start],
                    opening_line,
                    first_line: opening_line + 1,
                    closing_line,
                }),
                body: &source[line.next..],
                body_line: closing_line + 1,
            });
        }
    }
    Err(FrontMatterError::Unclosed {
        line: opening_line,
        format,
    })
}

/// Parses the block into top-level fields in source order.
///
/// YAML follows YAML 1.2 (so `yes` and unquoted dates are text, and duplicate keys are an
/// error); TOML follows TOML 1.1 and its datetimes become text in their TOML form. A block with
/// nothing but comments gives no fields.
///
/// ```
/// use folio_core::front_matter::{parse_fields, split};
/// use folio_core::Value;
///
/// let split = split("+++\ntitle = \"Hello\"\ndate = 2026-02-13\n+++\n")?;
/// let fields = parse_fields(&split.front_matter.expect("front matter"))?;
/// assert_eq!(fields[1].key, "date");
/// assert_eq!(fields[1].value, Value::String("2026-02-13".into()));
/// assert_eq!(fields[1].line, 3);
/// # Ok::<(), folio_core::front_matter::FrontMatterError>(())
/// ```
pub fn parse_fields(front_matter: &FrontMatter<'_>) -> Result<Vec<Field>, FrontMatterError> {
    // Read as the body is (see `crate::chars`): a control character pasted into a title costs
    // the title a U+FFFD, not the whole front matter a parse error.
    let text = crate::chars::clean(front_matter.text);
    let front_matter = &FrontMatter {
        text: &text,
        ..*front_matter
    };
    match front_matter.format {
        FrontMatterFormat::Yaml => yaml::parse(front_matter),
        FrontMatterFormat::Toml => toml::parse(front_matter),
    }
}

fn trim_fence(line: &str) -> &str {
    line.trim_end_matches([' ', '\t'])
}
