//! Problems found while rendering, located by byte offset and turned into file lines at the end.

use std::cell::{Cell, RefCell};

use crate::{Problem, Severity};

/// Beyond this many, problems are summed up in one last line: a pasted page full of `<font>`
/// tags should not produce a report longer than the post.
const MAX_PROBLEMS: usize = 100;

/// Collects problems from the adapters of one render. They share it by reference, hence the
/// `RefCell`; nothing here is ever borrowed across a call.
#[derive(Debug)]
pub(super) struct Report<'s> {
    source: &'s str,
    first_line: usize,
    found: RefCell<Vec<(usize, Severity, String)>>,
    /// Problems beyond the cap, counted but not kept.
    more: Cell<usize>,
}

impl<'s> Report<'s> {
    pub(super) fn new(source: &'s str, first_line: usize) -> Self {
        Self {
            source,
            first_line,
            found: RefCell::new(Vec::new()),
            more: Cell::new(0),
        }
    }

    fn add(&self, offset: usize, severity: Severity, message: String) {
        let mut found = self.found.borrow_mut();
        if found.len() < MAX_PROBLEMS {
            found.push((offset, severity, message));
        } else {
            self.more.set(self.more.get() + 1);
        }
    }

    /// Something was lost: the post does not render as written.
    pub(super) fn error(&self, offset: usize, message: impl Into<String>) {
        self.add(offset, Severity::Error, message.into());
    }

    /// Worth a look; nothing was lost.
    pub(super) fn warning(&self, offset: usize, message: impl Into<String>) {
        self.add(offset, Severity::Warning, message.into());
    }

    /// The problems in source order, with 1-based file lines. Beyond the cap, the first ones
    /// reported are kept (adapters report in about source order).
    pub(super) fn into_problems(self) -> Vec<Problem> {
        let mut found = self.found.into_inner();
        found.sort_by_key(|(offset, _, _)| *offset);
        let extra = self.more.get();

        let mut problems = Vec::with_capacity(found.len() + 1);
        let (mut line, mut counted_to) = (self.first_line, 0);
        for (offset, severity, message) in found {
            let offset = offset.min(self.source.len());
            line += self.source.as_bytes()[counted_to..offset]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            counted_to = offset;
            problems.push(Problem {
                line,
                severity,
                message,
            });
        }
        if extra > 0 {
            problems.push(Problem::warning(
                line,
                format!("{extra} more problems like these are not listed"),
            ));
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_file_lines_in_order() {
        let report = Report::new("a\nb\nc\n", 5);
        report.warning(4, "third");
        report.error(0, "first");
        report.warning(2, "second");
        let lines: Vec<(usize, &str)> = report
            .into_problems()
            .iter()
            .map(|p| {
                (
                    p.line,
                    if p.severity == Severity::Error {
                        "e"
                    } else {
                        "w"
                    },
                )
            })
            .collect();
        assert_eq!(lines, [(5, "e"), (6, "w"), (7, "w")]);
    }

    #[test]
    fn floods_are_summed_up() {
        let report = Report::new("x", 1);
        for _ in 0..250 {
            report.error(0, "same");
        }
        let problems = report.into_problems();
        assert_eq!(problems.len(), MAX_PROBLEMS + 1);
        assert_eq!(
            problems[MAX_PROBLEMS].message,
            "150 more problems like these are not listed"
        );
    }
}
