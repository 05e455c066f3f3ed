//! What the adapters of one render report besides HTML: problems, and the link and image
//! destinations they kept. Both are located by byte offset and turned into file lines and
//! columns at the end.

use std::cell::{Cell, OnceCell, RefCell};

use super::LinkRef;
use crate::{Problem, Severity};

/// Beyond this many, problems are summed up in one last line: a pasted page full of `<font>`
/// tags should not produce a report longer than the post.
const MAX_PROBLEMS: usize = 100;

/// Collects problems, links and images from the adapters of one render. They share it by
/// reference, hence the `RefCell`s; nothing here is ever borrowed across a call.
#[derive(Debug)]
pub(super) struct Report<'s> {
    lines: LineIndex<'s>,
    found: RefCell<Vec<(usize, Severity, String)>>,
    /// Problems beyond the cap, counted but not kept.
    more: Cell<usize>,
    /// Link destinations as written, by offset (for `folio check` and `folio import`).
    links: RefCell<Vec<(usize, String)>>,
    /// Image sources as written, by offset.
    images: RefCell<Vec<(usize, String)>>,
}

/// Everything a [`Report`] collected, located.
#[derive(Debug, Default)]
pub(super) struct Findings {
    pub(super) problems: Vec<Problem>,
    pub(super) links: Vec<LinkRef>,
    pub(super) images: Vec<LinkRef>,
}

impl<'s> Report<'s> {
    pub(super) fn new(source: &'s str, first_line: usize) -> Self {
        Self {
            lines: LineIndex::new(source, first_line),
            found: RefCell::new(Vec::new()),
            more: Cell::new(0),
            links: RefCell::new(Vec::new()),
            images: RefCell::new(Vec::new()),
        }
    }

    /// A link kept in the HTML, with its destination as the author wrote it.
    pub(super) fn link(&self, offset: usize, url: &str) {
        self.links.borrow_mut().push((offset, url.to_owned()));
    }

    /// An image kept in the HTML, with its source as the author wrote it.
    pub(super) fn image(&self, offset: usize, url: &str) {
        self.images.borrow_mut().push((offset, url.to_owned()));
    }

    /// The 1-based file line and character column of a byte offset in the body.
    pub(super) fn locate(&self, offset: usize) -> (usize, usize) {
        self.lines.locate(offset)
    }

    /// The problems, links and images, located by file line and column.
    pub(super) fn finish(self) -> Findings {
        let locate = |found: Vec<(usize, String)>| {
            found
                .into_iter()
                .map(|(offset, url)| {
                    let (line, column) = self.lines.locate(offset);
                    LinkRef { url, line, column }
                })
                .collect()
        };
        Findings {
            links: locate(self.links.take()),
            images: locate(self.images.take()),
            problems: self.into_problems(),
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

    /// For the writer only (see [`Severity::Note`]): read the way the post's own system reads
    /// it, or dropped where a reader would not miss it.
    pub(super) fn note(&self, offset: usize, message: impl Into<String>) {
        self.add(offset, Severity::Note, message.into());
    }

    /// The problems in source order, with 1-based file lines and columns. Beyond the cap, the
    /// first ones reported are kept (adapters report in about source order).
    fn into_problems(self) -> Vec<Problem> {
        let mut found = self.found.into_inner();
        crate::order::sort_by_key(&mut found, |(offset, _, _)| *offset);
        let extra = self.more.get();

        let mut problems = Vec::with_capacity(found.len() + 1);
        let mut line = self.lines.first_line;
        for (offset, severity, message) in found {
            let (at, column) = self.lines.locate(offset);
            line = at;
            problems.push(Problem {
                line,
                column: Some(column),
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

/// Byte offsets to 1-based file lines and character columns, with one pass over the source.
#[derive(Debug)]
struct LineIndex<'s> {
    source: &'s str,
    first_line: usize,
    /// Byte offset where each line of `source` starts.
    starts: Vec<usize>,
    /// Characters before each block of [`BLOCK`] bytes, counted the first time a column lies
    /// further than that from its line start: a line holding thousands of links is counted once,
    /// not once per link.
    blocks: OnceCell<Vec<usize>>,
}

/// Bytes per block of [`LineIndex::blocks`].
const BLOCK: usize = 256;

/// Characters in `bytes` (from one character boundary to another): the bytes that start one.
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

impl<'s> LineIndex<'s> {
    fn new(source: &'s str, first_line: usize) -> Self {
        let starts = std::iter::once(0)
            .chain(source.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self {
            source,
            first_line,
            starts,
            blocks: OnceCell::new(),
        }
    }

    /// Line and column of `offset` (clamped to the source; a column counts characters, so a
    /// CJK character is one column, as editors count them).
    fn locate(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.source.len());
        let index = self
            .starts
            .partition_point(|&start| start <= offset)
            .saturating_sub(1);
        let start = self.starts.get(index).copied().unwrap_or(0);
        let column = if offset - start <= BLOCK {
            chars_in(&self.source.as_bytes()[start..offset])
        } else {
            self.chars_before(offset) - self.chars_before(start)
        };
        (self.first_line + index, column + 1)
    }

    /// Characters before byte `at`.
    fn chars_before(&self, at: usize) -> usize {
        let bytes = self.source.as_bytes();
        let blocks = self.blocks.get_or_init(|| {
            let mut before = 0;
            bytes
                .chunks(BLOCK)
                .map(|block| {
                    let at_start = before;
                    before += chars_in(block);
                    at_start
                })
                .collect()
        });
        // The end of a source whose length is a multiple of BLOCK starts no block.
        let block = (at / BLOCK).min(blocks.len().saturating_sub(1));
        blocks.get(block).copied().unwrap_or(0) + chars_in(&bytes[block * BLOCK..at])
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
            .finish()
            .problems
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
    fn offsets_get_character_columns() {
        let source = "ab\n中文 x\n\nlast";
        let lines = LineIndex::new(source, 3);
        assert_eq!(lines.locate(0), (3, 1));
        assert_eq!(lines.locate(2), (3, 3));
        assert_eq!(lines.locate(3), (4, 1));
        assert_eq!(lines.locate("ab\n中文 ".len()), (4, 4));
        assert_eq!(lines.locate(source.len() - 4), (6, 1));
        assert_eq!(lines.locate(usize::MAX), (6, 5));
    }

    #[test]
    fn columns_far_along_a_line_count_characters() {
        let line = "中a".repeat(400);
        let source = format!("x\n{line}\n{line}");
        let lines = LineIndex::new(&source, 1);
        let second = 2;
        let third = 2 + line.len() + 1;
        for k in [0, 1, 85, 86, 87, 399] {
            let at = k * "中a".len();
            assert_eq!(lines.locate(second + at), (2, 2 * k + 1), "{k}");
            assert_eq!(lines.locate(third + at + 3), (3, 2 * k + 2), "{k}");
        }
        assert_eq!(lines.locate(source.len()), (3, line.chars().count() + 1));
        let whole = "a".repeat(2 * BLOCK);
        assert_eq!(
            LineIndex::new(&whole, 1).locate(whole.len()),
            (1, 2 * BLOCK + 1)
        );
    }

    #[test]
    fn floods_are_summed_up() {
        let report = Report::new("x", 1);
        for _ in 0..250 {
            report.error(0, "same");
        }
        let problems = report.finish().problems;
        assert_eq!(problems.len(), MAX_PROBLEMS + 1);
        assert_eq!(
            problems[MAX_PROBLEMS].message,
            "150 more problems like these are not listed"
        );
    }
}
