//! YAML front matter through `saphyr`, with file line numbers and a guard against deep nesting.
//!
//! What this module knows about `saphyr` 0.3 (each point has a test in `tests.rs`):
//! - Marker lines are 1-based and columns 0-based, counted from the start of the text it was
//!   given, so a file line is the marker line plus the lines before the front matter.
//! - Its loader recurses once per nesting level of block collections with no limit, so deeply
//!   indented input overflows the stack (an abort, not a panic, and the browser's stack is small).
//!   [`nesting_bound`] rejects such input before `saphyr` sees it. (Flow collections, `[[[`,
//!   are also capped by `saphyr` at about 255 levels, but the bound counts them too.)
//! - A tab in indentation is reported at the start of the scalar before it, often a line too
//!   early; the error is moved to the line with the tab.
//! - Duplicate keys are an error that does not name the key; the key is read back from the text.
//! - A tagged node's inner value has no position, so errors inside it use the tag's line.

use saphyr::{LoadableYamlNode, MarkedYaml, Scalar, ScanError, YamlData};

use super::lines::lines;
use super::{Field, FrontMatter, FrontMatterError, MAX_DEPTH};
use crate::{Map, Value};

#[cfg(test)]
mod tests;

/// How large [`nesting_bound`] may get before the text is refused. The bound over-counts (every
/// `- `, `: `, bracket and indentation step counts), so it is twice the real limit. Measured on a
/// release build, `saphyr` loads 128 nested levels within 256 KiB of stack; the browser gives
/// wasm 1 MiB.
const NESTING_BOUND_LIMIT: usize = 2 * MAX_DEPTH;

/// Parses the YAML block of `front_matter` into top-level fields.
pub(super) fn parse(front_matter: &FrontMatter<'_>) -> Result<Vec<Field>, FrontMatterError> {
    let at = Locator::new(front_matter);
    if let Some(line) = nesting_bound(front_matter.text) {
        return Err(FrontMatterError::TooDeep {
            line: at.file_line(line + 1),
            limit: MAX_DEPTH,
        });
    }
    let documents =
        MarkedYaml::load_from_str(front_matter.text).map_err(|error| at.scan_error(&error))?;
    if let Some(second) = documents.get(1) {
        return Err(FrontMatterError::Yaml {
            line: at.file_line(second.span.start.line()),
            column: 1,
            message: "a second YAML document starts here; front matter is a single document"
                .to_owned(),
        });
    }
    let Some(root) = documents.first() else {
        return Ok(Vec::new());
    };
    let root = untag(root);
    let root_line = at.file_line(root.span.start.line());
    match &root.data {
        YamlData::Mapping(mapping) => mapping
            .iter()
            .map(|(key, value)| {
                let line = at.file_line(key.span.start.line());
                Ok(Field {
                    key: key_text(key, &at)?,
                    value: convert(value, 1, &at, line)?,
                    line,
                })
            })
            .collect(),
        // An empty document, or one holding only `~`: no fields, nothing wrong.
        YamlData::BadValue | YamlData::Value(Scalar::Null) => Ok(Vec::new()),
        _ => Err(FrontMatterError::NotAMapping {
            line: root_line,
            found: kind(root),
        }),
    }
}

/// Turns `saphyr` positions into file positions.
struct Locator<'a> {
    text: &'a str,
    /// File lines before the text's first line.
    lines_before: usize,
    closing_line: usize,
}

impl<'a> Locator<'a> {
    fn new(front_matter: &FrontMatter<'a>) -> Self {
        Locator {
            text: front_matter.text,
            lines_before: front_matter.first_line - 1,
            closing_line: front_matter.closing_line,
        }
    }

    /// The file line of a 1-based `saphyr` line. Line 0 (a node without a position) and lines
    /// past the text (the end of input) land on the closing fence.
    fn file_line(&self, yaml_line: usize) -> usize {
        if yaml_line == 0 {
            return self.closing_line;
        }
        (yaml_line + self.lines_before).min(self.closing_line)
    }

    fn error(&self, yaml_line: usize, message: impl Into<String>) -> FrontMatterError {
        FrontMatterError::Yaml {
            line: self.file_line(yaml_line),
            column: 1,
            message: message.into(),
        }
    }

    fn scan_error(&self, error: &ScanError) -> FrontMatterError {
        let marker = error.marker();
        let (mut line, mut column) = (marker.line(), marker.col());
        let mut message = error.info().to_owned();
        let source_line = |line: usize| {
            lines(self.text)
                .nth(line.saturating_sub(1))
                .map_or("", |l| l.text)
        };
        if message.contains("duplicated key") {
            let key = source_line(line)
                .chars()
                .skip(column)
                .take_while(|&c| c != ':')
                .collect::<String>();
            message = match key.trim() {
                "" => "a key appears twice; each key may appear only once".to_owned(),
                key => format!("the key `{key}` appears twice; each key may appear only once"),
            };
        } else if message.contains("quoted scalar") {
            // `saphyr` says "invalid indentation in quoted scalar" or "found unexpected end of
            // stream" for what is nearly always a missing closing quote.
            message = format!("{message} (is a closing quote missing?)");
        } else if message
            .split(|c: char| !c.is_alphabetic())
            .any(|word| word == "tab" || word == "tabs")
        {
            if let Some((tab_line, tab_column)) = first_indenting_tab(self.text, line) {
                (line, column) = (tab_line, tab_column);
            }
            message = format!("{message}; YAML indents with spaces, never tabs");
        } else if source_line(line)
            .chars()
            .skip(column.saturating_sub(1))
            .take(2)
            .any(|c| c == '\t')
        {
            message = format!("{message} (a tab here is not allowed; use a space)");
        }
        FrontMatterError::Yaml {
            line: self.file_line(line),
            column: column + 1,
            message,
        }
    }
}

/// The first line, from 1-based `from_line` on, whose indentation holds a tab, as a 1-based line
/// and 0-based column.
fn first_indenting_tab(text: &str, from_line: usize) -> Option<(usize, usize)> {
    lines(text)
        .enumerate()
        .skip(from_line.saturating_sub(1))
        .find_map(|(index, line)| {
            let indentation = line.text.len() - line.text.trim_start_matches([' ', '\t']).len();
            line.text[..indentation]
                .find('\t')
                .map(|column| (index + 1, column))
        })
}

/// Refuses text that could nest deeper than `saphyr` can load safely, returning the 0-based line
/// where the bound first passes [`NESTING_BOUND_LIMIT`].
///
/// The bound over-estimates the nesting depth: a block collection either starts on a line
/// indented deeper than its parent's line, or after a `- `, `? ` or `: ` on its own line, and a
/// sequence may sit at its parent key's indentation. So each line's bound is its parent line's
/// bound (the nearest earlier line indented less) plus two plus its indicators. Every `[` and `{`
/// so far is added on top, because flow collections nest without indentation.
fn nesting_bound(text: &str) -> Option<usize> {
    let mut parents: Vec<(usize, usize)> = Vec::new();
    let mut brackets = 0;
    for (index, line) in lines(text).enumerate() {
        let content = line.text.trim_start_matches(' ');
        brackets += content.matches(['[', '{']).count();
        if content.trim().is_empty() || content.starts_with('#') {
            continue;
        }
        let indentation = line.text.len() - content.len();
        while parents
            .last()
            .is_some_and(|&(indent, _)| indent >= indentation)
        {
            parents.pop();
        }
        let parent_bound = parents.last().map_or(0, |&(_, bound)| bound);
        let bound = parent_bound + 2 + indicators(content);
        if bound + brackets > NESTING_BOUND_LIMIT {
            return Some(index);
        }
        parents.push((indentation, bound));
    }
    None
}

/// How many block indicators (`-`, `?` or `:` followed by a space or the line's end) a line has.
fn indicators(content: &str) -> usize {
    let mut chars = content.chars().peekable();
    let mut count = 0;
    while let Some(c) = chars.next() {
        if matches!(c, '-' | '?' | ':') && chars.peek().is_none_or(|next| next.is_whitespace()) {
            count += 1;
        }
    }
    count
}

fn untag<'n, 'i>(node: &'n MarkedYaml<'i>) -> &'n MarkedYaml<'i> {
    match &node.data {
        YamlData::Tagged(_, inner) => untag(inner),
        _ => node,
    }
}

/// A mapping key as text. Numbers and booleans are keys in YAML; Folio keeps their text.
fn key_text(key: &MarkedYaml<'_>, at: &Locator<'_>) -> Result<String, FrontMatterError> {
    match &untag(key).data {
        YamlData::Value(Scalar::String(text)) => Ok(text.to_string()),
        YamlData::Value(Scalar::Boolean(flag)) => Ok(flag.to_string()),
        YamlData::Value(Scalar::Integer(number)) => Ok(number.to_string()),
        YamlData::Value(Scalar::FloatingPoint(number)) => Ok(number.to_string()),
        _ => Err(at.error(
            key.span.start.line(),
            format!("a key must be text, but this key is {}", kind(key)),
        )),
    }
}

/// What a node is, in the words of [`Value::kind`], without converting it.
fn kind(node: &MarkedYaml<'_>) -> &'static str {
    match &untag(node).data {
        YamlData::Value(Scalar::Null) | YamlData::BadValue => "nothing",
        YamlData::Value(Scalar::Boolean(_)) => "a true/false value",
        YamlData::Value(Scalar::Integer(_) | Scalar::FloatingPoint(_)) => "a number",
        YamlData::Value(Scalar::String(_)) | YamlData::Representation(..) => "text",
        YamlData::Sequence(_) => "a list",
        YamlData::Mapping(_) => "a map of keys",
        YamlData::Tagged(..) | YamlData::Alias(_) => "an alias",
    }
}

/// Converts a node at nesting `depth`; `line` is the file line to blame when the node has no
/// position of its own.
fn convert(
    node: &MarkedYaml<'_>,
    depth: usize,
    at: &Locator<'_>,
    line: usize,
) -> Result<Value, FrontMatterError> {
    let line = match node.span.start.line() {
        0 => line,
        yaml_line => at.file_line(yaml_line),
    };
    if depth > MAX_DEPTH {
        return Err(FrontMatterError::TooDeep {
            line,
            limit: MAX_DEPTH,
        });
    }
    let yaml_error = |message: &str| FrontMatterError::Yaml {
        line,
        column: node.span.start.col() + 1,
        message: message.to_owned(),
    };
    Ok(match &node.data {
        YamlData::Value(scalar) => match scalar {
            Scalar::Null => Value::Null,
            Scalar::Boolean(flag) => Value::Bool(*flag),
            Scalar::Integer(number) => Value::Integer(*number),
            Scalar::FloatingPoint(number) => Value::Float(number.into_inner()),
            Scalar::String(text) => Value::String(text.to_string()),
        },
        YamlData::Representation(text, ..) => Value::String(text.to_string()),
        YamlData::Sequence(items) => Value::List(
            items
                .iter()
                .map(|item| convert(item, depth + 1, at, line))
                .collect::<Result<_, _>>()?,
        ),
        YamlData::Mapping(mapping) => {
            let mut map = Map::new();
            for (key, value) in mapping {
                let key_line = match key.span.start.line() {
                    0 => line,
                    yaml_line => at.file_line(yaml_line),
                };
                map.insert(key_text(key, at)?, convert(value, depth + 1, at, key_line)?);
            }
            Value::Map(map)
        }
        YamlData::Tagged(_, inner) => convert(inner, depth, at, line)?,
        YamlData::Alias(_) => return Err(yaml_error("an alias here could not be resolved")),
        // `saphyr` leaves this for a value its tag rejects and for an alias to an anchor that is
        // still being defined (`a: &a [*a]`).
        YamlData::BadValue => {
            return Err(yaml_error(
                "this value cannot be read: its tag does not fit it (as in `!!int abc`) or it refers to its own anchor",
            ));
        }
    })
}
