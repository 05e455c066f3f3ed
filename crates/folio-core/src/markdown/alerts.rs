//! GitHub alerts (`> [!NOTE]`, `TIP`, `IMPORTANT`, `WARNING`, `CAUTION`) written as titled boxes
//! instead of quotes: `<div class="alert alert-note" role="note"><p class="alert-title">Note</p>…</div>`.

use pulldown_cmark::{BlockQuoteKind, Event, Tag, TagEnd};

use super::Spanned;

pub(super) struct Alerts<I> {
    inner: I,
}

impl<I> Alerts<I> {
    pub(super) fn new(inner: I) -> Self {
        Self { inner }
    }
}

fn start_html(kind: BlockQuoteKind) -> &'static str {
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

impl<'a, I: Iterator<Item = Spanned<'a>>> Iterator for Alerts<I> {
    type Item = Spanned<'a>;

    fn next(&mut self) -> Option<Self::Item> {
        let (event, range) = self.inner.next()?;
        let event = match event {
            Event::Start(Tag::BlockQuote(Some(kind))) => Event::Html(start_html(kind).into()),
            Event::End(TagEnd::BlockQuote(Some(_))) => Event::Html("</div>\n".into()),
            event => event,
        };
        Some((event, range))
    }
}
