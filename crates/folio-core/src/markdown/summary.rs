//! Watches the events go by and gathers the plain-text summary of a post: its excerpt and its
//! reading time. Comes right after the sanitizer (text it drops is not counted; it keeps the
//! `<!-- more -->` marker) and before any adapter rewrites images, links or headings.

use pulldown_cmark::{Event, Tag, TagEnd};

use super::{Spanned, is_inline};
use crate::excerpt::{ExcerptBuilder, is_more_marker};
use crate::reading_time::ReadingCounter;

/// What the summary pass found.
#[derive(Debug, Default)]
pub(super) struct Summary {
    pub(super) excerpt: ExcerptBuilder,
    pub(super) reading: ReadingCounter,
}

/// Passes events through unchanged, feeding [`Summary`].
pub(super) struct Summarize<'s, I> {
    inner: I,
    summary: &'s mut Summary,
    /// Depth inside blocks whose text is not excerpt material: headings, code, tables, images,
    /// footnote definitions.
    skip: usize,
    /// Depth inside images, whose alt text is not read either.
    image: usize,
    /// Depth inside list items, whose text counts even without a paragraph (tight lists).
    item: usize,
    in_paragraph: bool,
    /// Off: events pass unread and the summary stays empty ([`super::RenderOptions::summarize`]).
    on: bool,
}

impl<'s, I> Summarize<'s, I> {
    pub(super) fn new(inner: I, summary: &'s mut Summary, on: bool) -> Self {
        Self {
            inner,
            summary,
            on,
            skip: 0,
            image: 0,
            item: 0,
            in_paragraph: false,
        }
    }

    fn watch(&mut self, event: &Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(*tag),
            // Math counts as its TeX source, as code counts as written.
            Event::Text(text) | Event::Code(text) | Event::InlineMath(text) => {
                if self.image == 0 {
                    self.summary.reading.feed(text);
                }
                let excerpt_text = self.skip == 0 && (self.in_paragraph || self.item > 0);
                if excerpt_text && self.summary.excerpt.wants_text() {
                    self.summary.excerpt.text(text);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                self.summary.reading.word_break();
                if self.skip == 0 {
                    self.summary.excerpt.line_break();
                }
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                self.summary.reading.word_break();
                if self.skip == 0 && is_more_marker(html) {
                    self.summary.excerpt.more();
                }
            }
            _ => {}
        }
    }

    fn start(&mut self, tag: &Tag<'_>) {
        if !is_inline(tag.to_end()) {
            self.summary.reading.word_break();
        }
        match tag {
            Tag::Paragraph if self.skip == 0 => {
                self.in_paragraph = true;
                self.summary.excerpt.start_paragraph();
            }
            Tag::Item => {
                self.item += 1;
                self.summary.excerpt.block_break();
            }
            Tag::Image { .. } => {
                self.image += 1;
                self.skip += 1;
            }
            Tag::Heading { .. }
            | Tag::CodeBlock(_)
            | Tag::Table(_)
            | Tag::FootnoteDefinition(_)
            | Tag::MetadataBlock(_) => self.skip += 1,
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        if !is_inline(tag) {
            self.summary.reading.word_break();
        }
        match tag {
            TagEnd::Paragraph if self.skip == 0 => {
                self.in_paragraph = false;
                self.summary.excerpt.end_paragraph();
            }
            TagEnd::Item => {
                self.item = self.item.saturating_sub(1);
                self.summary.excerpt.block_break();
            }
            TagEnd::Image => {
                self.image = self.image.saturating_sub(1);
                self.skip = self.skip.saturating_sub(1);
            }
            TagEnd::Heading(_)
            | TagEnd::CodeBlock
            | TagEnd::Table
            | TagEnd::FootnoteDefinition
            | TagEnd::MetadataBlock(_) => self.skip = self.skip.saturating_sub(1),
            _ => {}
        }
    }
}

impl<'a, I: Iterator<Item = Spanned<'a>>> Iterator for Summarize<'_, I> {
    type Item = Spanned<'a>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let item = self.inner.next();
        if self.on
            && let Some((event, _)) = &item
        {
            self.watch(event);
        }
        item
    }
}
