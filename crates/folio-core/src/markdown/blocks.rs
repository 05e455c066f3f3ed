//! Block wrappers: tables in `<div class="table-wrap">` (a wide table scrolls sideways on a
//! narrow screen instead of widening the page), and GitHub alerts (`> [!NOTE]`, `TIP`,
//! `IMPORTANT`, `WARNING`, `CAUTION`) as titled boxes instead of quotes:
//! `<div class="alert alert-note" role="note"><p class="alert-title">Note</p>…</div>`.
//!
//! One adapter for both, since every adapter in the chain costs a little on every event.

use pulldown_cmark::{BlockQuoteKind, Event, Tag, TagEnd};

use super::Spanned;

pub(super) struct Blocks<'a, I> {
    inner: I,
    /// The table start, held back while its wrapper goes out.
    table: Option<Spanned<'a>>,
}

impl<I> Blocks<'_, I> {
    pub(super) fn new(inner: I) -> Self {
        Self { inner, table: None }
    }
}

fn alert_start(kind: BlockQuoteKind) -> &'static str {
    match kind {
        BlockQuoteKind::Note => {
            "<div class=\"alert alert-note\" role=\"note\">\n<p class=\"alert-title\">Note</p>\n"
        }
        BlockQuoteKind::Tip => {
            "<div class=\"alert alert-tip\" role=\"note\">\n<p class=\"alert-title\">Tip</p>\n"
        }
        BlockQuoteKind::Important => {
            "<div class=\"alert alert-important\" role=\"note\">\n<p class=\"alert-title\">Important</p>\n"
        }
        BlockQuoteKind::Warning => {
            "<div class=\"alert alert-warning\" role=\"note\">\n<p class=\"alert-title\">Warning</p>\n"
        }
        BlockQuoteKind::Caution => {
            "<div class=\"alert alert-caution\" role=\"note\">\n<p class=\"alert-title\">Caution</p>\n"
        }
    }
}

impl<'a, I: Iterator<Item = Spanned<'a>>> Iterator for Blocks<'a, I> {
    type Item = Spanned<'a>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(table) = self.table.take() {
            return Some(table);
        }
        let (event, range) = self.inner.next()?;
        let event = match event {
            Event::Start(Tag::Table(alignments)) => {
                // The writer needs the table start itself (it keeps the column alignments).
                self.table = Some((Event::Start(Tag::Table(alignments)), range.clone()));
                Event::Html("<div class=\"table-wrap\">".into())
            }
            // Same as the writer's own table end, plus the wrapper's.
            Event::End(TagEnd::Table) => Event::Html("</tbody></table>\n</div>\n".into()),
            Event::Start(Tag::BlockQuote(Some(kind))) => Event::Html(alert_start(kind).into()),
            Event::End(TagEnd::BlockQuote(Some(_))) => Event::Html("</div>\n".into()),
            event => event,
        };
        Some((event, range))
    }
}
