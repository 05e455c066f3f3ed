//! A problem found in a post: a line number (and a column, when known) and a message a writer
//! can act on.
//!
//! Problems never stop a post from rendering. The app shows errors and warnings as a notice above
//! the post, and the CLI prints every problem as `file:line:column: severity: message`.

use serde::{Deserialize, Serialize};

use crate::json::{FromJson, Json, JsonError};

/// How bad a [`Problem`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Something was lost or ignored: the post renders, but not as written.
    Error,
    /// Worth a look, nothing was lost.
    Warning,
    /// For the writer only: Folio read the source its own way, and a reader misses nothing a
    /// Folio page could show (a Vue component shown as nothing, `<font>` shown as its text).
    /// The CLI lists it as a warning; pages never show it.
    Note,
}

/// One thing wrong with a post, located by its 1-based line in the source file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// 1-based line in the source file (front matter included).
    pub line: usize,
    /// 1-based character column on that line, when the parser that found the problem knows it.
    /// Left out of JSON when unknown, so manifests and reports written before it still read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// How bad it is.
    pub severity: Severity,
    /// What is wrong, in words a writer understands.
    pub message: String,
}

impl FromJson for Problem {
    fn from_value(json: Json<'_>) -> Result<Self, JsonError> {
        let mut object = json.into_object()?;
        let severity: String = object.required("severity")?;
        Ok(Self {
            line: object.required("line")?,
            column: object.optional("column")?,
            severity: match severity.as_str() {
                "error" => Severity::Error,
                "warning" => Severity::Warning,
                "note" => Severity::Note,
                other => return Err(JsonError::new(format!("unknown severity `{other}`"))),
            },
            message: object.required("message")?,
        })
    }
}

impl Problem {
    /// An error at `line`.
    pub fn error(line: usize, message: impl Into<String>) -> Self {
        Self {
            line,
            column: None,
            severity: Severity::Error,
            message: message.into(),
        }
    }

    /// A [note](Severity::Note) at `line`.
    pub fn note(line: usize, message: impl Into<String>) -> Self {
        Self {
            line,
            column: None,
            severity: Severity::Note,
            message: message.into(),
        }
    }

    /// Whether a page shows it in its notice: errors and warnings are, notes are for the CLI.
    ///
    /// ```
    /// use folio_core::Problem;
    /// assert!(Problem::warning(1, "x").is_shown_on_page());
    /// assert!(!Problem::note(1, "x").is_shown_on_page());
    /// ```
    pub fn is_shown_on_page(&self) -> bool {
        self.severity != Severity::Note
    }

    /// The class of the notice that lists `problems`: a warning when any is an error, else
    /// information.
    ///
    /// ```
    /// use folio_core::Problem;
    /// assert_eq!(Problem::notice_class(&[Problem::warning(1, "x")]), "notice notice-info");
    /// assert_eq!(Problem::notice_class(&[Problem::error(1, "x")]), "notice notice-warning");
    /// ```
    pub fn notice_class(problems: &[Self]) -> &'static str {
        if problems.iter().any(|p| p.severity == Severity::Error) {
            "notice notice-warning"
        } else {
            "notice notice-info"
        }
    }

    /// A warning at `line`.
    pub fn warning(line: usize, message: impl Into<String>) -> Self {
        Self {
            line,
            column: None,
            severity: Severity::Warning,
            message: message.into(),
        }
    }

    /// The same problem, pointing at a 1-based character column of its line.
    ///
    /// ```
    /// let problem = folio_core::Problem::error(3, "bad").at_column(7);
    /// assert_eq!(problem.column, Some(7));
    /// assert_eq!(problem.to_string(), "3: bad");
    /// ```
    pub fn at_column(self, column: usize) -> Self {
        Self {
            column: Some(column),
            ..self
        }
    }
}

impl std::fmt::Display for Problem {
    /// `line: message`, as before columns existed: the app shows this text, and a column means
    /// little to a reader looking at the rendered post.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.line, self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_without_a_column_still_reads_and_none_is_left_out() {
        let old = r#"{"line":2,"severity":"warning","message":"m"}"#;
        let problem: Problem = serde_json::from_str(old).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(problem, Problem::warning(2, "m"));
        assert_eq!(serde_json::to_string(&problem).ok().as_deref(), Some(old));
        let located = serde_json::to_string(&problem.at_column(4)).unwrap_or_default();
        assert_eq!(
            located,
            r#"{"line":2,"column":4,"severity":"warning","message":"m"}"#
        );
    }
}
