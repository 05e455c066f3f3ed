//! Headings: unique ids, visible anchor links, the table of contents, and the leading `# Title`.
//!
//! A heading's events are held until its end, since the id comes from its whole text. Ids that
//! look like footnote ids (`fn-…`, `fnref-…`) get an `h-` prefix, so the two can never clash,
//! and ids in the app's namespace (`folio-…`) a `post-` prefix (see [`crate::ids`]).

use std::collections::VecDeque;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd};

use super::report::Report;
use super::{Heading, Spanned};
use crate::html::escape_into;
use crate::i18n::Strings;
use crate::ids;
use crate::slug::{IdMap, heading_id};

/// What the headings pass found.
#[derive(Debug, Default)]
pub(super) struct Outline {
    pub(super) headings: Vec<Heading>,
    pub(super) title: Option<String>,
    pub(super) first_heading: Option<String>,
}

pub(super) struct Headings<'a, 'r, 'o, I> {
    inner: I,
    /// The front-matter title, compared with a leading `# Title`.
    title: Option<&'a str>,
    /// Folio's extras: ids written out, anchors, leading-h1 removal.
    extras: bool,
    /// Raw HTML is trusted: custom heading attributes (`{data-x=y}`) are kept.
    trust_html: bool,
    text: &'static Strings,
    report: &'r Report<'a>,
    outline: &'o mut Outline,
    ids: IdMap,
    started: bool,
    ready: VecDeque<Spanned<'a>>,
}

impl<'a, 'r, 'o, I: Iterator<Item = Spanned<'a>>> Headings<'a, 'r, 'o, I> {
    pub(super) fn new(
        inner: I,
        title: Option<&'a str>,
        extras: bool,
        trust_html: bool,
        text: &'static Strings,
        report: &'r Report<'a>,
        outline: &'o mut Outline,
    ) -> Self {
        Self {
            inner,
            title,
            extras,
            trust_html,
            text,
            report,
            outline,
            ids: IdMap::default(),
            started: false,
            ready: VecDeque::new(),
        }
    }

    /// Reads a heading to its end and queues what should be written for it.
    fn heading(&mut self, tag: Tag<'a>, range: std::ops::Range<usize>, first_block: bool) {
        let Tag::Heading {
            level,
            id: custom_id,
            classes,
            attrs,
        } = tag
        else {
            return;
        };
        let mut inner = Vec::new();
        let mut text = String::new();
        let mut end = range.clone();
        for (event, event_range) in self.inner.by_ref() {
            match &event {
                Event::End(TagEnd::Heading(_)) => {
                    end = event_range;
                    break;
                }
                Event::Text(t) | Event::Code(t) => text.push_str(t),
                Event::SoftBreak | Event::HardBreak => text.push(' '),
                _ => {}
            }
            inner.push((event, event_range));
        }
        // A heading left with nothing to show (VitePress's `# {{ $frontmatter.title }}`, its
        // expression taken out by now) is no heading: no empty block with an anchor, no entry in
        // the contents.
        // A heading written empty (`##`) stays: CommonMark makes it an empty heading.
        let shows_nothing = !inner.is_empty()
            && inner
                .iter()
                .all(|(event, _)| matches!(event, Event::Text(t) if t.trim().is_empty()));
        if shows_nothing {
            // Nor does it stand before the title: a `# Title` after it is still the first block.
            self.started = !first_block;
            return;
        }
        let text = text.trim().to_owned();
        if self.outline.first_heading.is_none() {
            self.outline.first_heading = Some(text.clone());
        }

        let is_title = self.extras
            && first_block
            && level == HeadingLevel::H1
            && self.title.is_none_or(|title| title.trim() == text);
        if is_title {
            self.outline.title = Some(text);
            return;
        }

        let id = self.id(custom_id.as_deref(), &text, range.start);
        let (line, _) = self.report.locate(range.start);
        let attrs = if self.trust_html || attrs.is_empty() {
            attrs
        } else {
            for (name, _) in &attrs {
                self.report.error(
                    range.start,
                    format!(
                        "removed heading attribute `{name}`: custom attributes need trusted HTML"
                    ),
                );
            }
            Vec::new()
        };
        let written_id = self.extras.then(|| CowStr::from(id.clone()));
        self.ready.push_back((
            Event::Start(Tag::Heading {
                level,
                id: written_id,
                classes,
                attrs,
            }),
            range,
        ));
        self.ready.extend(inner);
        if self.extras {
            self.ready.push_back((
                Event::InlineHtml(anchor(&id, &text, self.text.permalink).into()),
                end.clone(),
            ));
        }
        self.ready
            .push_back((Event::End(TagEnd::Heading(level)), end));
        self.outline.headings.push(Heading {
            level: level as u8,
            line,
            id,
            text,
        });
    }

    /// A unique id: the author's `{#custom-id}` if given, else one made from the text.
    fn id(&mut self, custom: Option<&str>, text: &str, offset: usize) -> String {
        let wanted = match custom {
            Some(custom) => custom.to_owned(),
            None => heading_id(text),
        };
        let wanted = if wanted.starts_with("fn-") || wanted.starts_with("fnref-") {
            if custom.is_some() {
                self.report.warning(
                    offset,
                    format!("heading id `{wanted}` looks like a footnote id; using `h-{wanted}`"),
                );
            }
            format!("h-{wanted}")
        } else if ids::is_reserved(&wanted) {
            let moved = ids::content_id(&wanted).into_owned();
            if custom.is_some() {
                self.report.warning(
                    offset,
                    format!(
                        "heading id `{wanted}` is kept for Folio's own page elements; using `{moved}`"
                    ),
                );
            }
            moved
        } else {
            wanted
        };
        let id = self.ids.unique(&wanted);
        if custom.is_some() && id != wanted {
            self.report.warning(
                offset,
                format!("heading id `{wanted}` is already used in this post; using `{id}`"),
            );
        }
        id
    }
}

/// The visible `#` link to a heading, after its text.
fn anchor(id: &str, text: &str, permalink: &str) -> String {
    let mut out = String::with_capacity(id.len() * 2 + text.len() + 64);
    out.push_str("<a class=\"anchor\" href=\"#");
    escape_into(&mut out, id);
    out.push_str("\" aria-label=\"");
    escape_into(&mut out, permalink);
    escape_into(&mut out, text);
    out.push_str("\">#</a>");
    out
}

impl<'a, I: Iterator<Item = Spanned<'a>>> Iterator for Headings<'a, '_, '_, I> {
    type Item = Spanned<'a>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(ready) = self.ready.pop_front() {
                return Some(ready);
            }
            let item = self.inner.next();
            if self.started
                && let Some((event, _)) = &item
                && !matches!(event, Event::Start(Tag::Heading { .. }))
            {
                return item;
            }
            let (event, range) = item?;
            let first_block = !self.started;
            // An HTML block that shows nothing (a comment, a Vue `<script setup>`, both taken out
            // by now) does not stand before the title.
            let shows_nothing = match &event {
                Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock) => true,
                Event::Html(html) => html.trim().is_empty(),
                _ => false,
            };
            self.started |= !shows_nothing;
            match event {
                Event::Start(tag @ Tag::Heading { .. }) => self.heading(tag, range, first_block),
                event => return Some((event, range)),
            }
        }
    }
}
