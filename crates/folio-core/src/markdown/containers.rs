//! VitePress's custom containers and its `[[toc]]`, read natively:
//!
//! ```text
//! ::: tip 标题                :::: details 两层          [[toc]]
//! Markdown inside             ::: warning
//! :::                         inner
//!                             :::
//!                             ::::
//! ```
//!
//! `tip`, `info`, `warning` and `danger` become titled boxes like the GitHub alerts, `details` a
//! `<details>` (its title the `<summary>`), `code-group` a group of labelled code blocks, `raw`
//! and `v-pre` plain wrappers (in `v-pre`, `{{ … }}` is text). `[[toc]]` is the post's contents.
//!
//! pulldown-cmark knows none of this, so [`mark`] finds the marker lines first (outside code
//! fences, after any `>` and indentation, so containers work inside quotes and lists) and
//! writes each over with as many `*` as it has bytes: the parser reads a thematic break there,
//! which ends a paragraph or a lazy list line as a container's end must, and every byte offset
//! still points at the source. [`Containers`] turns those breaks into the start and end of a
//! block (a `BlockQuote` without a kind, which no `>` quote that starts there can be), so raw
//! HTML scopes and every adapter see a properly nested block; [`super::blocks`] writes it. A
//! container left open when its quote or list item ends is closed there; one never closed runs
//! to the end of the post, with a warning. A marker the parser did not read as a break (inside
//! an HTML block, or an indented code block) is put back as written.
//!
//! Like VitePress, a `:::` line closes the innermost container opened with as many colons, so
//! an outer container opened with `::::` holds inner ones; unlike VitePress, a `:::` in a code
//! block inside a container is code, and containers nest with three colons each too.

use std::collections::VecDeque;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::report::Report;
use super::{Spanned, is_inline};

/// What a container is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Tip,
    Info,
    Warning,
    Danger,
    Details,
    CodeGroup,
    Raw,
    VPre,
}

/// The containers Folio reads, by the name written after the colons (`::: tip`).
pub const CONTAINER_NAMES: [&str; 8] = [
    "tip",
    "info",
    "warning",
    "danger",
    "details",
    "code-group",
    "raw",
    "v-pre",
];

impl Kind {
    fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "tip" => Self::Tip,
            "info" => Self::Info,
            "warning" => Self::Warning,
            "danger" => Self::Danger,
            "details" => Self::Details,
            "code-group" => Self::CodeGroup,
            "raw" => Self::Raw,
            "v-pre" => Self::VPre,
            _ => return None,
        })
    }

    /// The name written after the colons.
    pub(super) fn name(self) -> &'static str {
        match self {
            Self::Tip => "tip",
            Self::Info => "info",
            Self::Warning => "warning",
            Self::Danger => "danger",
            Self::Details => "details",
            Self::CodeGroup => "code-group",
            Self::Raw => "raw",
            Self::VPre => "v-pre",
        }
    }
}

/// A container as its opening line says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Container {
    pub(super) kind: Kind,
    /// The title after the name, if any (`::: tip 小心` → `小心`).
    pub(super) title: Option<String>,
}

/// What a marker line is.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Mark {
    Open(Container),
    /// Closes the container opened by the mark at this index, and any opened after it.
    Close(usize),
    Toc,
}

/// The marker lines of a post, by the byte range written over (from the first `:` or `[` to
/// the line's end), in source order.
#[derive(Debug, Default)]
pub(super) struct Marks {
    marks: Vec<(Range<usize>, Mark)>,
}

impl Marks {
    /// The index of the mark whose break (or container) starts where `range` does, if any: a
    /// `>` quote around a marker starts before it.
    fn index_in(&self, range: &Range<usize>) -> Option<usize> {
        self.marks
            .binary_search_by_key(&range.start, |(marked, _)| marked.start)
            .ok()
    }

    /// Whether some mark lies inside `range`.
    fn overlaps(&self, range: &Range<usize>) -> bool {
        let at = self
            .marks
            .partition_point(|(marked, _)| marked.end <= range.start);
        self.marks
            .get(at)
            .is_some_and(|(marked, _)| marked.start < range.end)
    }

    /// The container that the block starting in `range` is, if it is one.
    pub(super) fn container_at(&self, range: &Range<usize>) -> Option<&Container> {
        match &self.marks[self.index_in(range)?].1 {
            Mark::Open(container) => Some(container),
            _ => None,
        }
    }

    /// Whether the thematic break in `range` is a `[[toc]]`.
    pub(super) fn is_toc(&self, range: &Range<usize>) -> bool {
        self.index_in(range)
            .is_some_and(|at| self.marks[at].1 == Mark::Toc)
    }

    /// Whether the post has a `[[toc]]`.
    pub(super) fn has_toc(&self) -> bool {
        self.marks.iter().any(|(_, mark)| *mark == Mark::Toc)
    }
}

/// A fence line (```` ``` ```` or `~~~`, three or more): its character and length.
fn fence(rest: &str) -> Option<(u8, usize)> {
    let c = *rest
        .as_bytes()
        .first()
        .filter(|c| matches!(c, b'`' | b'~'))?;
    let n = rest.bytes().take_while(|&b| b == c).count();
    (n >= 3).then_some((c, n))
}

/// A container marker: the number of colons and what follows them, trimmed.
fn colons(rest: &str) -> Option<(usize, &str)> {
    let n = rest.bytes().take_while(|&b| b == b':').count();
    (n >= 3).then(|| (n, rest[n..].trim()))
}

/// Finds the marker lines of `markdown` and returns it with each written over with `*`, or
/// `None` when it has none.
pub(super) fn mark(markdown: &str) -> Option<(String, Marks)> {
    // One quick pass over the post: most have no `:::` or `[[` at all.
    let bytes = markdown.as_bytes();
    let marks = |word| crate::bytes::equal(word, b':') | crate::bytes::equal(word, b'[');
    crate::bytes::find_at(bytes, marks, |at| match bytes[at] {
        b':' => bytes[at..].starts_with(b":::"),
        _ => bytes[at..].starts_with(b"[["),
    })?;
    let mut marks = Marks::default();
    // Open containers: their mark's index and colon count.
    let mut open: Vec<(usize, usize)> = Vec::new();
    let mut in_fence: Option<(u8, usize)> = None;
    let mut start = 0;
    for line in markdown.split_inclusive('\n') {
        let line_start = start;
        start += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let rest = content.trim_start_matches([' ', '\t', '>']);
        let at = line_start + content.len() - rest.len();
        let end = line_start + content.len();
        if let Some((c, n)) = fence(rest) {
            match in_fence {
                None => in_fence = Some((c, n)),
                Some((open_c, open_n))
                    if c == open_c && n >= open_n && rest[n..].trim().is_empty() =>
                {
                    in_fence = None;
                }
                Some(_) => {}
            }
            continue;
        }
        if in_fence.is_some() {
            continue;
        }
        let mark = if rest.trim_end().eq_ignore_ascii_case("[[toc]]") {
            Mark::Toc
        } else if let Some((n, after)) = colons(rest) {
            if after.is_empty() {
                let Some(closed) = closes(&open, n) else {
                    continue;
                };
                let (index, _) = open[closed];
                open.truncate(closed);
                Mark::Close(index)
            } else {
                let (name, title) = after
                    .split_once(char::is_whitespace)
                    .map_or((after, ""), |(name, title)| (name, title.trim()));
                let Some(kind) = Kind::from_name(&name.to_ascii_lowercase()) else {
                    continue;
                };
                open.push((marks.marks.len(), n));
                Mark::Open(Container {
                    kind,
                    title: (!title.is_empty()).then(|| title.to_owned()),
                })
            }
        } else {
            continue;
        };
        marks.marks.push((at..end, mark));
    }
    if marks.marks.is_empty() {
        return None;
    }
    let mut bytes = markdown.as_bytes().to_vec();
    for (range, _) in &marks.marks {
        bytes[range.clone()].fill(b'*');
    }
    // Whole characters were replaced by ASCII, so this cannot fail.
    let written = String::from_utf8(bytes).ok()?;
    Some((written, marks))
}

/// `markdown` with its marker lines written over, for what reads its text (search): they are
/// markup, not text.
pub(crate) fn without_markers(markdown: &str) -> std::borrow::Cow<'_, str> {
    match mark(markdown) {
        Some((written, _)) => written.into(),
        None => markdown.into(),
    }
}

/// Which open container (its position in `open`) a `:::` line of `n` colons closes: the
/// innermost opened with exactly `n`, else the innermost opened with fewer; none if all were
/// opened with more (then the line is text).
fn closes(open: &[(usize, usize)], n: usize) -> Option<usize> {
    open.iter()
        .rposition(|&(_, colons)| colons == n)
        .or_else(|| open.iter().rposition(|&(_, colons)| colons < n))
}

/// A container being written.
struct Open {
    /// Its opening mark.
    mark: usize,
    /// How many blocks of the post were open around it.
    depth: usize,
    /// Its closing line came inside a block opened in it (a list item): it closes when that
    /// block ends.
    closing: bool,
}

/// Turns the thematic breaks [`mark`] wrote into container blocks, keeping them nested in the
/// blocks around them.
pub(super) struct Containers<'a, 'm, 'r, I> {
    inner: I,
    marks: Option<&'m Marks>,
    /// The Markdown as written, to put back a marker that did not become a break.
    source: &'a str,
    /// The Markdown the parser read (with the markers written over).
    parsed: &'a str,
    report: &'r Report<'a>,
    /// Open containers, innermost last.
    open: Vec<Open>,
    /// Blocks of the post open now (containers not counted).
    depth: usize,
    /// Events to give out before the next one.
    ready: VecDeque<Spanned<'a>>,
    /// Where the last event ended, where containers still open at the end are closed.
    last_end: usize,
}

impl<'a, 'm, 'r, I> Containers<'a, 'm, 'r, I> {
    pub(super) fn new(
        inner: I,
        marks: Option<&'m Marks>,
        source: &'a str,
        parsed: &'a str,
        report: &'r Report<'a>,
    ) -> Self {
        Self {
            inner,
            marks,
            source,
            parsed,
            report,
            open: Vec::new(),
            depth: 0,
            ready: VecDeque::new(),
            last_end: 0,
        }
    }
}

fn container_end<'a>(at: usize) -> Spanned<'a> {
    (Event::End(TagEnd::BlockQuote(None)), at..at)
}

impl<'a, I: Iterator<Item = Spanned<'a>>> Containers<'a, '_, '_, I> {
    /// Queues the ends of the containers that end with the block of the post ending at `at`:
    /// those opened in it, which close before it, and then those whose closing line came inside
    /// it, which close after it.
    fn end_block(&mut self, end: Spanned<'a>) {
        let at = end.1.end;
        while self
            .open
            .last()
            .is_some_and(|open| open.depth == self.depth)
        {
            self.open.pop();
            self.ready.push_back(container_end(at));
        }
        self.ready.push_back(end);
        self.depth = self.depth.saturating_sub(1);
        while self
            .open
            .last()
            .is_some_and(|open| open.depth == self.depth && open.closing)
        {
            self.open.pop();
            self.ready.push_back(container_end(at));
        }
    }

    /// The text of an event as written, where it covers a marker the parser did not take for a
    /// break.
    fn as_written(&self, text: CowStr<'a>, range: &Range<usize>) -> CowStr<'a> {
        match self.source.get(range.clone()) {
            Some(written) if self.parsed.get(range.clone()) == Some(&*text) => {
                CowStr::Borrowed(written)
            }
            _ => text,
        }
    }

    /// The event for the marker line at `index` of `marks`, read as a break at `range`.
    fn mark(&mut self, marks: &Marks, index: usize, range: Range<usize>) -> Option<Spanned<'a>> {
        match &marks.marks[index].1 {
            Mark::Open(_) => {
                self.open.push(Open {
                    mark: index,
                    depth: self.depth,
                    closing: false,
                });
                Some((Event::Start(Tag::BlockQuote(None)), range))
            }
            Mark::Close(opener) => {
                // Already closed if the quote or list item it was opened in has ended.
                let at = self.open.iter().rposition(|open| open.mark == *opener)?;
                if self.open[at].depth < self.depth {
                    self.open[at].closing = true;
                    return None;
                }
                for _ in at + 1..self.open.len() {
                    self.ready.push_back(container_end(range.start));
                }
                self.open.truncate(at);
                self.ready
                    .push_back((Event::End(TagEnd::BlockQuote(None)), range));
                self.ready.pop_front()
            }
            Mark::Toc => Some((Event::Rule, range)),
        }
    }
}

impl<'a, I: Iterator<Item = Spanned<'a>>> Iterator for Containers<'a, '_, '_, I> {
    type Item = Spanned<'a>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(ready) = self.ready.pop_front() {
                return Some(ready);
            }
            let Some(marks) = self.marks else {
                return self.inner.next();
            };
            let item = self.inner.next();
            if let Some((event, range)) = &item {
                let untouched = match event {
                    Event::Rule | Event::Start(_) | Event::End(_) => false,
                    Event::Text(_) | Event::Html(_) => !marks.overlaps(range),
                    _ => true,
                };
                if untouched {
                    self.last_end = range.end;
                    return item;
                }
            }
            let Some((event, range)) = item else {
                let open = self.open.pop()?;
                if let Mark::Open(container) = &marks.marks[open.mark].1 {
                    self.report.warning(
                        marks.marks[open.mark].0.start,
                        format!(
                            "`::: {}` is never closed with `:::`: it runs to the end of the post",
                            container.kind.name()
                        ),
                    );
                }
                return Some(container_end(self.last_end));
            };
            self.last_end = range.end;
            let event = match event {
                Event::Rule => match marks.index_in(&range) {
                    Some(index) => match self.mark(marks, index, range) {
                        Some(event) => return Some(event),
                        None => continue,
                    },
                    None => Event::Rule,
                },
                Event::Start(tag) => {
                    if !is_inline(tag.to_end()) {
                        self.depth += 1;
                    }
                    Event::Start(tag)
                }
                Event::End(tag) if !is_inline(tag) => {
                    self.end_block((Event::End(tag), range));
                    continue;
                }
                Event::Text(text) if marks.overlaps(&range) => {
                    Event::Text(self.as_written(text, &range))
                }
                Event::Html(text) if marks.overlaps(&range) => {
                    Event::Html(self.as_written(text, &range))
                }
                event => event,
            };
            return Some((event, range));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(markdown: &str) -> (String, Vec<(String, &'static str)>) {
        let Some((written, marks)) = mark(markdown) else {
            return (markdown.to_owned(), Vec::new());
        };
        let list = marks
            .marks
            .iter()
            .map(|(range, mark)| {
                let what = match mark {
                    Mark::Open(_) => "open",
                    Mark::Close(_) => "close",
                    Mark::Toc => "toc",
                };
                (markdown[range.clone()].to_owned(), what)
            })
            .collect();
        (written, list)
    }

    #[test]
    fn marker_lines_are_written_over_byte_for_byte() {
        let markdown = "::: tip 小心\ntext\n:::\n\n> ::: details\n> x\n> :::\n\n[[toc]]\n";
        let (written, list) = marked(markdown);
        assert_eq!(written.len(), markdown.len());
        assert_eq!(
            written,
            "**************\ntext\n***\n\n> ***********\n> x\n> ***\n\n*******\n"
        );
        assert_eq!(
            list,
            [
                ("::: tip 小心".to_owned(), "open"),
                (":::".to_owned(), "close"),
                ("::: details".to_owned(), "open"),
                (":::".to_owned(), "close"),
                ("[[toc]]".to_owned(), "toc"),
            ]
        );
    }

    #[test]
    fn every_name_is_a_kind_of_that_name() {
        for name in CONTAINER_NAMES {
            assert_eq!(Kind::from_name(name).map(Kind::name), Some(name));
        }
    }

    #[test]
    fn what_is_not_a_marker_stays() {
        for markdown in [
            "::: unknown\ntext\n:::\n",
            "::\n",
            ":::\nno container is open\n",
            "```md\n::: tip\n:::\n```\n",
            "~~~~\n[[toc]]\n~~~~\n",
            "a ::: tip in a sentence\n",
            "[[toc]] and more\n",
        ] {
            assert_eq!(marked(markdown).1, [], "{markdown:?}");
        }
    }

    fn html(markdown: &str) -> String {
        crate::render(markdown, &crate::RenderOptions::new("")).html
    }

    #[test]
    fn a_marker_the_parser_reads_otherwise_is_put_back() {
        assert_eq!(
            html("    ::: tip\n    code\n"),
            "<div class=\"code-block\"><div class=\"code-head\"><button type=\"button\" \
             class=\"copy-code\" aria-label=\"Copy code\">Copy</button></div><pre class=\"code\">\
             <code>::: tip\ncode\n</code></pre></div>\n"
        );
        assert_eq!(
            html("<div>\n::: tip\n</div>\n"),
            "<div>\n::: tip\n</div>\n",
            "inside an HTML block it is text of the block"
        );
    }

    #[test]
    fn containers_stay_nested_in_the_blocks_around_them() {
        // Closed outside the list item it was opened in: it ends with the item.
        assert_eq!(
            html("- a\n\n  ::: tip T\n  b\n:::\n\nafter\n"),
            "<ul>\n<li>\n<p>a</p>\n<div class=\"alert alert-tip\" role=\"note\">\n\
             <p class=\"alert-title\">T</p>\n<p>b</p>\n</div>\n</li>\n</ul>\n<p>after</p>\n"
        );
        // Closed inside a list opened in it: it ends after the list.
        assert_eq!(
            html("::: tip T\n- a\n  :::\n\nafter\n"),
            "<div class=\"alert alert-tip\" role=\"note\">\n<p class=\"alert-title\">T</p>\n\
             <ul>\n<li>a</li>\n</ul>\n</div>\n<p>after</p>\n"
        );
        // A lazy line cannot swallow the closing line.
        assert_eq!(
            html("::: warning\n- a\n:::\nafter\n"),
            "<div class=\"alert alert-warning\" role=\"note\">\n<p class=\"alert-title\">Warning</p>\n\
             <ul>\n<li>a</li>\n</ul>\n</div>\n<p>after</p>\n"
        );
    }

    #[test]
    fn colons_pick_the_container_they_close() {
        let (_, list) = marked(":::: details\n::: tip\n:::\n::::\n");
        assert_eq!(
            list.iter().map(|(_, what)| *what).collect::<Vec<_>>(),
            ["open", "open", "close", "close"]
        );
        // As in VitePress, `:::` closes the outer `:::` container and the `::::` one inside
        // it; the lines after close nothing and are text.
        let (_, list) = marked("::: tip\n:::: warning\n:::\n::::\n:::\n");
        assert_eq!(
            list.iter().map(|(_, what)| *what).collect::<Vec<_>>(),
            ["open", "open", "close"]
        );
        assert_eq!(closes(&[(0, 4), (1, 3)], 4), Some(0));
        assert_eq!(closes(&[(0, 3), (1, 3)], 3), Some(1));
        assert_eq!(closes(&[(0, 3), (1, 4)], 3), Some(0));
        assert_eq!(closes(&[(0, 5)], 3), None);
    }
}
