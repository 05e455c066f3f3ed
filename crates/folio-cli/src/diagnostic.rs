//! One problem in one file, printed the way compilers print them so editors and CI annotations
//! can jump to it: `path:line:column: severity: message` (`path:line: …` when the column is
//! unknown).

use std::fmt;
use std::path::{Path, PathBuf};

use folio_core::{Problem, Severity};
use serde::Serialize;

/// A [`Problem`] and the file it is in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Diagnostic {
    /// The file as the user named it (relative paths stay relative, so output is portable).
    pub(crate) path: PathBuf,
    pub(crate) line: usize,
    pub(crate) column: Option<usize>,
    pub(crate) severity: Severity,
    pub(crate) message: String,
}

impl Diagnostic {
    /// The problem, located in `path`. A note for the writer is a warning here: the CLI is where
    /// the writer reads it.
    pub(crate) fn new(path: &Path, problem: &Problem) -> Self {
        let severity = match problem.severity {
            Severity::Note => Severity::Warning,
            severity => severity,
        };
        Self {
            path: path.to_owned(),
            line: problem.line,
            column: problem.column,
            severity,
            message: problem.message.clone(),
        }
    }

    /// An error at `line` of `path`.
    pub(crate) fn error(path: &Path, line: usize, message: impl Into<String>) -> Self {
        Self::new(path, &Problem::error(line, message))
    }

    /// A warning at `line` of `path`.
    pub(crate) fn warning(path: &Path, line: usize, message: impl Into<String>) -> Self {
        Self::new(path, &Problem::warning(line, message))
    }

    /// The same diagnostic at a 1-based character column.
    pub(crate) fn at_column(self, column: usize) -> Self {
        Self {
            column: Some(column),
            ..self
        }
    }

    pub(crate) fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:", self.path.display(), self.line)?;
        if let Some(column) = self.column {
            write!(f, "{column}:")?;
        }
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning | Severity::Note => "warning",
        };
        write!(f, " {severity}: {}", self.message)
    }
}

/// Counts of errors and warnings in a list of diagnostics.
pub(crate) fn tally(diagnostics: &[Diagnostic]) -> (usize, usize) {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    (errors, diagnostics.len() - errors)
}

/// `1 post`, `2 posts`.
pub(crate) fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_like_a_compiler_with_or_without_a_column() {
        let path = Path::new("public/posts/你好.md");
        assert_eq!(
            Diagnostic::error(path, 3, "bad").at_column(7).to_string(),
            "public/posts/你好.md:3:7: error: bad"
        );
        assert_eq!(
            Diagnostic::warning(path, 1, "hmm").to_string(),
            "public/posts/你好.md:1: warning: hmm"
        );
    }

    #[test]
    fn counts_read_naturally() {
        assert_eq!(count(1, "post"), "1 post");
        assert_eq!(count(0, "post"), "0 posts");
        assert_eq!(
            tally(&[Diagnostic::warning(Path::new("a"), 1, "w")]),
            (0, 1)
        );
    }
}
