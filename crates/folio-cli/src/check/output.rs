//! How `folio check` prints what it found: one line a problem for people and editors, or one
//! JSON document for CI.

use std::io::Write;

use anyhow::{Context, Result};
use serde::Serialize;

use crate::diagnostic::{Diagnostic, count, tally};

/// `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// `path:line:column: severity: message` lines on stdout, a summary on stderr.
    Text,
    /// one JSON document on stdout: `{"problems": [...], "summary": {...}}`.
    Json,
}

/// The totals at the end.
#[derive(Debug, Serialize)]
pub(super) struct Summary {
    /// Markdown files read.
    files: usize,
    /// Of those, posts with a usable slug.
    posts: usize,
    pub(super) errors: usize,
    pub(super) warnings: usize,
}

impl Summary {
    pub(super) fn new(files: usize, posts: usize, diagnostics: &[Diagnostic]) -> Self {
        let (errors, warnings) = tally(diagnostics);
        Self {
            files,
            posts,
            errors,
            warnings,
        }
    }
}

#[derive(Debug, Serialize)]
struct Report<'a> {
    problems: &'a [Diagnostic],
    summary: &'a Summary,
}

pub(super) fn print(format: Format, diagnostics: &[Diagnostic], summary: &Summary) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match format {
        Format::Text => {
            for diagnostic in diagnostics {
                writeln!(out, "{diagnostic}").context("writing to stdout")?;
            }
            eprintln!(
                "folio: checked {} ({}): {}, {}",
                count(summary.files, "file"),
                count(summary.posts, "post"),
                count(summary.errors, "error"),
                count(summary.warnings, "warning"),
            );
        }
        Format::Json => {
            let report = Report {
                problems: diagnostics,
                summary,
            };
            serde_json::to_writer_pretty(&mut out, &report).context("writing JSON to stdout")?;
            writeln!(out).context("writing to stdout")?;
        }
    }
    Ok(())
}
