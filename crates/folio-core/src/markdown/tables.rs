//! Tables wrapped in `<div class="table-wrap">`, so a wide table scrolls sideways on a narrow
//! screen instead of widening the page.

use std::collections::VecDeque;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::Spanned;

pub(super) struct WrapTables<'a, I> {
    inner: I,
    ready: VecDeque<Spanned<'a>>,
}

impl<I> WrapTables<'_, I> {
    pub(super) fn new(inner: I) -> Self {
        Self {
            inner,
            ready: VecDeque::new(),
        }
    }
}

impl<'a, I: Iterator<Item = Spanned<'a>>> Iterator for WrapTables<'a, I> {
    type Item = Spanned<'a>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(ready) = self.ready.pop_front() {
            return Some(ready);
        }
        let (event, range) = self.inner.next()?;
        match event {
            Event::Start(Tag::Table(_)) => {
                self.ready.push_back((event, range.clone()));
                Some((Event::Html("<div class=\"table-wrap\">".into()), range))
            }
            Event::End(TagEnd::Table) => {
                self.ready
                    .push_back((Event::Html("</div>\n".into()), range.clone()));
                Some((event, range))
            }
            event => Some((event, range)),
        }
    }
}
