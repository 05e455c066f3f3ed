//! A problem found in a post: a line number and a message a writer can act on.
//!
//! Problems never stop a post from rendering. The app shows them as a notice above the post,
//! and the CLI prints them as `file:line: message`.

use serde::{Deserialize, Serialize};

/// How bad a [`Problem`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Something was lost or ignored: the post renders, but not as written.
    Error,
    /// Worth a look, nothing was lost.
    Warning,
}

/// One thing wrong with a post, located by its 1-based line in the source file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// 1-based line in the source file (front matter included).
    pub line: usize,
    /// How bad it is.
    pub severity: Severity,
    /// What is wrong, in words a writer understands.
    pub message: String,
}

impl Problem {
    /// An error at `line`.
    pub fn error(line: usize, message: impl Into<String>) -> Self {
        Self {
            line,
            severity: Severity::Error,
            message: message.into(),
        }
    }

    /// A warning at `line`.
    pub fn warning(line: usize, message: impl Into<String>) -> Self {
        Self {
            line,
            severity: Severity::Warning,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.line, self.message)
    }
}
