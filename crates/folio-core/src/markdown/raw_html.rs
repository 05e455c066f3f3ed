//! Raw HTML in a post, sanitized unless the site trusts its own HTML.
//!
//! Runs before every adapter that writes HTML of its own, so the sanitizer only ever sees what
//! the author wrote. Markdown containers (paragraphs, list items, quotes, emphasis …) open and
//! close sanitizer scopes, so raw tags stay balanced inside them and the output nests properly.
//! Markdown text inside a swallowed element (`a <script>b</script> c`) goes with it.
//!
//! VitePress's Vue blocks (`<script setup>`, `<style scoped>`) go even where the site trusts its
//! HTML: they are code for Vue, which a Folio page does not run (a `<style scoped>` would style
//! the whole page).

use std::collections::VecDeque;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::report::Report;
use super::{Spanned, is_inline};
use crate::excerpt::is_more_marker;
use crate::sanitize::{Sanitizer, vue_block};

/// The `<!-- more -->` excerpt marker is the one comment kept, written as this constant, so the
/// summary pass after this one still finds it.
const MORE_MARKER: &str = "<!-- more -->\n";

pub(super) struct RawHtml<'a, 'r, I> {
    inner: I,
    /// `None` when the site trusts raw HTML: events pass through untouched.
    sanitizer: Option<Sanitizer<'a>>,
    report: &'r Report<'a>,
    ready: VecDeque<Spanned<'a>>,
    /// Inside an image, raw HTML is alt text, not markup.
    image: usize,
    /// Where the last event ended, to place what `finish` closes.
    last_end: usize,
    /// Inside an HTML block that is a Vue block, with trusted HTML: its lines are dropped.
    in_vue_block: bool,
    finished: bool,
}

impl<'a, 'r, I> RawHtml<'a, 'r, I> {
    pub(super) fn new(inner: I, sanitizer: Option<Sanitizer<'a>>, report: &'r Report<'a>) -> Self {
        Self {
            inner,
            sanitizer,
            report,
            ready: VecDeque::new(),
            image: 0,
            last_end: 0,
            in_vue_block: false,
            finished: false,
        }
    }
}

impl<'a, I: Iterator<Item = Spanned<'a>>> Iterator for RawHtml<'a, '_, I> {
    type Item = Spanned<'a>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        if let Some(ready) = self.ready.pop_front() {
            return Some(ready);
        }
        let Some(sanitizer) = self.sanitizer.as_mut() else {
            return self.trusted();
        };
        loop {
            let item = self.inner.next();
            // Text and the like, outside an element whose content goes: as it came.
            if let Some((event, range)) = &item
                && !matches!(
                    event,
                    Event::Html(_) | Event::InlineHtml(_) | Event::Start(_) | Event::End(_)
                )
                && !sanitizer.is_swallowing()
            {
                self.last_end = range.end;
                return item;
            }
            let Some((event, range)) = item else {
                if self.finished {
                    return None;
                }
                self.finished = true;
                let mut out = String::new();
                sanitizer.finish(&mut out);
                let end = self.last_end;
                return (!out.is_empty()).then(|| (Event::Html(out.into()), end..end));
            };
            self.last_end = range.end;
            match event {
                Event::Html(html) | Event::InlineHtml(html) if self.image > 0 => {
                    return Some((Event::Text(html), range));
                }
                Event::Html(html) if is_more_marker(&html) && sanitizer.is_between_tags() => {
                    return Some((Event::Html(MORE_MARKER.into()), range));
                }
                Event::InlineHtml(html) if is_more_marker(&html) && sanitizer.is_between_tags() => {
                    return Some((Event::InlineHtml(MORE_MARKER.into()), range));
                }
                Event::Html(html) => {
                    if let Some(clean) = sanitize(sanitizer, self.report, &html, range.start) {
                        return Some((Event::Html(clean), range));
                    }
                }
                Event::InlineHtml(html) => {
                    if let Some(clean) = sanitize(sanitizer, self.report, &html, range.start) {
                        return Some((Event::InlineHtml(clean), range));
                    }
                }
                Event::Start(tag) => {
                    if matches!(tag, Tag::Image { .. }) {
                        self.image += 1;
                    } else if !matches!(tag, Tag::HtmlBlock) {
                        sanitizer.open_scope();
                    }
                    return Some((Event::Start(tag), range));
                }
                Event::End(tag) => {
                    if !is_inline(tag) {
                        sanitizer.end_block();
                    }
                    if tag == TagEnd::Image {
                        self.image = self.image.saturating_sub(1);
                        return Some((Event::End(tag), range));
                    }
                    if tag == TagEnd::HtmlBlock {
                        return Some((Event::End(tag), range));
                    }
                    let mut out = String::new();
                    sanitizer.close_scope(&mut out);
                    if out.is_empty() {
                        return Some((Event::End(tag), range));
                    }
                    self.ready.push_back((Event::End(tag), range.clone()));
                    return Some((Event::InlineHtml(out.into()), range));
                }
                Event::Text(_)
                | Event::Code(_)
                | Event::SoftBreak
                | Event::HardBreak
                | Event::FootnoteReference(_)
                | Event::InlineMath(_)
                | Event::DisplayMath(_)
                    if sanitizer.is_swallowing() =>
                {
                    continue;
                }
                event => return Some((event, range)),
            }
        }
    }
}

impl<'a, I: Iterator<Item = Spanned<'a>>> RawHtml<'a, '_, I> {
    /// The next event when the site trusts its HTML: as it comes, but for Vue blocks.
    fn trusted(&mut self) -> Option<Spanned<'a>> {
        loop {
            let item = self.inner.next();
            if let Some((event, _)) = &item
                && !matches!(event, Event::Html(_) | Event::End(TagEnd::HtmlBlock))
            {
                return item;
            }
            let (event, range) = item?;
            match event {
                Event::Html(_) if self.in_vue_block => {}
                Event::Html(html) => match vue_block(&html) {
                    Some(removed) => {
                        self.report.note(range.start, removed.to_string());
                        self.in_vue_block = true;
                    }
                    None => return Some((Event::Html(html), range)),
                },
                Event::End(TagEnd::HtmlBlock) => {
                    self.in_vue_block = false;
                    return Some((event, range));
                }
                event => return Some((event, range)),
            }
        }
    }
}

/// Sanitizes one raw fragment, reporting what was removed (what a reader would not miss as a
/// note for the writer); `None` when nothing is left.
fn sanitize<'a>(
    sanitizer: &mut Sanitizer<'_>,
    report: &Report<'_>,
    html: &str,
    offset: usize,
) -> Option<CowStr<'a>> {
    let mut out = String::with_capacity(html.len());
    sanitizer.push(html, &mut out);
    for removed in sanitizer.take_removed() {
        if removed.is_harmless() {
            report.note(offset, removed.to_string());
        } else {
            report.error(offset, removed.to_string());
        }
    }
    (!out.is_empty()).then(|| out.into())
}
