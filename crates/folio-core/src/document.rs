//! A whole post file read into meta, body and problems, without ever failing.
//!
//! This is the one entry point the CLI and the app share: [`parse_document`] splits the front
//! matter off, parses it, reads [`PostMeta`] from it, and turns anything wrong along the way into
//! [`Problem`]s with file lines. A broken front matter costs the post its meta, never its body.

use crate::front_matter::{self, FrontMatterError, FrontMatterFormat};
use crate::{PostMeta, Problem};

#[cfg(test)]
mod tests;

/// A post file, read.
#[derive(Debug, Clone, PartialEq)]
pub struct Document<'a> {
    /// What the front matter says; default when there is none or it could not be parsed.
    pub meta: PostMeta,
    /// The front-matter format found, even when its content was broken; `None` without one.
    pub format: Option<FrontMatterFormat>,
    /// The Markdown after the front matter. The whole file when the front matter is never closed.
    pub body: &'a str,
    /// 1-based file line where `body` starts.
    pub body_line: usize,
    /// Everything that could not be read, by file line.
    pub problems: Vec<Problem>,
}

/// Reads a post file. Never fails and never panics: whatever is wrong with the front matter
/// (bad YAML or TOML, wrong types, impossible dates, no closing fence) becomes a [`Problem`], and
/// the body is always returned. The caller has already replaced invalid UTF-8.
///
/// ```
/// use folio_core::{parse_document, Date, FrontMatterFormat};
///
/// let doc = parse_document("---\ntitle: 雨夜书店\ndate: '2026-02-13'\n---\n\n正文\n");
/// assert_eq!(doc.meta.title.as_deref(), Some("雨夜书店"));
/// assert_eq!(doc.meta.date, Some(Date::parse("2026-02-13")?));
/// assert_eq!(doc.format, Some(FrontMatterFormat::Yaml));
/// assert_eq!((doc.body, doc.body_line), ("\n正文\n", 5));
/// assert!(doc.problems.is_empty());
///
/// let broken = parse_document("---\ntitle: [unclosed\n---\nStill here.\n");
/// assert_eq!(broken.body, "Still here.\n");
/// assert_eq!(broken.meta.title, None);
/// assert_eq!(broken.problems.len(), 1);
/// # Ok::<(), folio_core::DateError>(())
/// ```
pub fn parse_document(source: &str) -> Document<'_> {
    let split = match front_matter::split(source) {
        Ok(split) => split,
        Err(error) => {
            let format = match error {
                FrontMatterError::Unclosed { format, .. } => Some(format),
                _ => None,
            };
            let body = source.strip_prefix('\u{feff}').unwrap_or(source);
            return Document {
                meta: PostMeta::default(),
                format,
                body,
                body_line: 1,
                problems: vec![Problem::error(
                    error.line(),
                    format!("{error}; until then the whole file is shown as the post"),
                )],
            };
        }
    };
    let mut document = Document {
        meta: PostMeta::default(),
        format: split.front_matter.map(|f| f.format),
        body: split.body,
        body_line: split.body_line,
        problems: Vec::new(),
    };
    if let Some(front_matter) = split.front_matter {
        match front_matter::parse_fields(&front_matter) {
            Ok(fields) => (document.meta, document.problems) = PostMeta::from_fields(fields),
            Err(error) => {
                let problem = Problem::error(
                    error.line(),
                    format!("{error}; the front matter was ignored"),
                );
                document.problems.push(match error.column() {
                    Some(column) => problem.at_column(column),
                    None => problem,
                });
            }
        }
    }
    document
}
