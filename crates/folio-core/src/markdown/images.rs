//! Images: sources resolved against the post's folder and checked, lazy loading, and figures.
//!
//! A paragraph that holds nothing but one image becomes a `<figure>`, with the image title (if
//! any) as its `<figcaption>`. Runs before the link adapter so a link inside alt text
//! (`![a [b](c)](d)`) is read as plain text, as the alt attribute requires.

use std::collections::VecDeque;
use std::fmt::Write as _;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::Spanned;
use super::report::Report;
use crate::html::{escape_href, escape_into, quote_for_message};
use crate::url;

/// Where image URLs resolve, and how big the images are.
pub(super) struct Sources<'a> {
    pub(super) base: &'a str,
    pub(super) size: Option<super::ImageSize<'a>>,
}

pub(super) struct Images<'a, 'r, I> {
    inner: I,
    sources: Sources<'a>,
    /// Folio's extras: lazy loading and figures.
    extras: bool,
    report: &'r Report<'a>,
    /// One event read ahead while looking for `image-only paragraph`.
    peeked: Option<Spanned<'a>>,
    ready: VecDeque<Spanned<'a>>,
}

/// An image read from its events.
struct Image {
    src: String,
    alt: String,
    title: String,
    range: Range<usize>,
}

impl<'a, 'r, I: Iterator<Item = Spanned<'a>>> Images<'a, 'r, I> {
    pub(super) fn new(
        inner: I,
        sources: Sources<'a>,
        extras: bool,
        report: &'r Report<'a>,
    ) -> Self {
        Self {
            inner,
            sources,
            extras,
            report,
            peeked: None,
            ready: VecDeque::new(),
        }
    }

    fn pull(&mut self) -> Option<Spanned<'a>> {
        self.peeked.take().or_else(|| self.inner.next())
    }

    /// Reads the image's alt text up to its end event.
    fn read(&mut self, dest_url: &str, title: &str, range: Range<usize>) -> Image {
        let mut alt = String::new();
        let mut depth = 0usize;
        while let Some((event, _)) = self.pull() {
            match event {
                Event::Start(Tag::Image { .. }) => depth += 1,
                Event::End(TagEnd::Image) if depth == 0 => break,
                Event::End(TagEnd::Image) => depth -= 1,
                Event::Text(text)
                | Event::Code(text)
                | Event::InlineHtml(text)
                | Event::Html(text)
                | Event::InlineMath(text)
                | Event::DisplayMath(text) => alt.push_str(&text),
                Event::SoftBreak | Event::HardBreak => alt.push(' '),
                _ => {}
            }
        }
        Image {
            src: dest_url.to_owned(),
            alt,
            title: title.to_owned(),
            range,
        }
    }

    /// The `<img>` tag, or the alt text alone when the source is not allowed.
    fn html(&mut self, image: &Image, with_title: bool) -> String {
        let mut out = String::with_capacity(image.src.len() + image.alt.len() + 64);
        if !url::is_safe_image(&image.src) {
            let shown = quote_for_message(&image.src, 60);
            self.report.error(
                image.range.start,
                format!("removed image with unsafe source `{shown}`: only http, https, relative and data:image URLs are kept"),
            );
            escape_into(&mut out, &image.alt);
            return out;
        }
        self.report.image(image.range.start, &image.src);
        let src = url::resolve(self.sources.base, &image.src);
        out.push_str("<img src=\"");
        escape_href(&mut out, &src);
        out.push_str("\" alt=\"");
        escape_into(&mut out, &image.alt);
        out.push('"');
        if let Some((width, height)) = self.sources.size.and_then(|size| size(&src)) {
            let _ = write!(out, " width=\"{width}\" height=\"{height}\"");
        }
        if with_title && !image.title.is_empty() {
            out.push_str(" title=\"");
            escape_into(&mut out, &image.title);
            out.push('"');
        }
        if self.extras {
            out.push_str(" loading=\"lazy\" decoding=\"async\"");
        }
        out.push('>');
        out
    }

    fn figure(&mut self, image: &Image) -> String {
        let mut out = String::from("<figure>");
        out.push_str(&self.html(image, false));
        if !image.title.is_empty() {
            out.push_str("<figcaption>");
            escape_into(&mut out, &image.title);
            out.push_str("</figcaption>");
        }
        out.push_str("</figure>\n");
        out
    }

    /// After a paragraph start: a figure if an image and the paragraph end follow, else the
    /// paragraph as it was.
    fn paragraph(&mut self, range: Range<usize>) -> Spanned<'a> {
        let paragraph = (Event::Start(Tag::Paragraph), range.clone());
        let (dest_url, title, image_range) = match self.pull() {
            Some((
                Event::Start(Tag::Image {
                    dest_url, title, ..
                }),
                image_range,
            )) => (dest_url, title, image_range),
            other => {
                self.peeked = other;
                return paragraph;
            }
        };
        let image = self.read(&dest_url, &title, image_range.clone());
        match self.pull() {
            Some((Event::End(TagEnd::Paragraph), end)) if url::is_safe_image(&image.src) => {
                let html = self.figure(&image);
                (Event::Html(html.into()), range.start..end.end)
            }
            after => {
                self.peeked = after;
                let html = self.html(&image, true);
                self.ready
                    .push_back((Event::InlineHtml(html.into()), image_range));
                paragraph
            }
        }
    }
}

impl<'a, I: Iterator<Item = Spanned<'a>>> Iterator for Images<'a, '_, I> {
    type Item = Spanned<'a>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        if let Some(ready) = self.ready.pop_front() {
            return Some(ready);
        }
        let item = self.pull();
        if let Some((event, _)) = &item
            && !matches!(event, Event::Start(Tag::Image { .. } | Tag::Paragraph))
        {
            return item;
        }
        match item? {
            (
                Event::Start(Tag::Image {
                    dest_url, title, ..
                }),
                range,
            ) => {
                let image = self.read(&dest_url, &title, range.clone());
                let html: CowStr<'a> = self.html(&image, true).into();
                Some((Event::InlineHtml(html), range))
            }
            (Event::Start(Tag::Paragraph), range) if self.extras => Some(self.paragraph(range)),
            other => Some(other),
        }
    }
}
