//! Footnotes, numbered by first reference and collected at the end of the post.
//!
//! References become `<sup class="footnote-ref"><a href="#fn-x" id="fnref-x">1</a></sup>`;
//! definitions are taken out where they stand and written, in number order, as an ordered list
//! in `<section class="footnotes">`, each with links back to its references (the first
//! [`MAX_BACKLINKS`]; later references link to the note but get no id and no link back). Every
//! footnote id starts with `fn-` or `fnref-`, which heading ids never do.

use std::collections::{HashMap, VecDeque};
use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::Spanned;
use super::report::Report;
use crate::html::escape_into;
use crate::i18n::Strings;
use crate::slug::{IdMap, slugify};

/// References of one note that get an id and a link back. Each link back costs a hundred bytes of
/// HTML: without a cap, `[^a]` written ten thousand times made HTML 46 times its size.
const MAX_BACKLINKS: usize = 20;

/// A referenced footnote.
struct Note {
    /// Normalised label, the key into the definitions.
    label: String,
    /// `fn-…`, the definition's id.
    id: String,
    /// `fnref-…`, one per reference, in order.
    refs: Vec<String>,
}

pub(super) struct Footnotes<'a, 'r, I> {
    inner: I,
    text: &'static Strings,
    report: &'r Report<'a>,
    /// Notes in number order (number = index + 1).
    notes: Vec<Note>,
    numbers: HashMap<String, usize>,
    definitions: HashMap<String, (Vec<Spanned<'a>>, Range<usize>)>,
    ids: IdMap,
    ready: VecDeque<Spanned<'a>>,
    finished: bool,
}

/// Footnote labels match like link labels: case-insensitively, whitespace collapsed.
fn normalize(label: &str) -> String {
    label
        .split_whitespace()
        .flat_map(|word| word.chars().flat_map(char::to_lowercase).chain([' ']))
        .collect::<String>()
        .trim_end()
        .to_owned()
}

impl<'a, 'r, I: Iterator<Item = Spanned<'a>>> Footnotes<'a, 'r, I> {
    pub(super) fn new(inner: I, text: &'static Strings, report: &'r Report<'a>) -> Self {
        Self {
            inner,
            text,
            report,
            notes: Vec::new(),
            numbers: HashMap::new(),
            definitions: HashMap::new(),
            ids: IdMap::default(),
            ready: VecDeque::new(),
            finished: false,
        }
    }

    /// The superscript link for a reference, numbering the note on its first reference.
    fn reference(&mut self, label: &str, range: Range<usize>) -> Spanned<'a> {
        let key = normalize(label);
        let index = match self.numbers.get(&key) {
            Some(&index) => index,
            None => {
                let mut slug = slugify(label);
                if slug.is_empty() {
                    slug.push_str("note");
                }
                let id = self.ids.unique(&format!("fn-{slug}"));
                self.notes.push(Note {
                    label: key.clone(),
                    id,
                    refs: Vec::new(),
                });
                self.numbers.insert(key, self.notes.len() - 1);
                self.notes.len() - 1
            }
        };
        let note = &self.notes[index];
        // The note's id minus its `fn-` prefix.
        let ref_id = (note.refs.len() < MAX_BACKLINKS).then(|| {
            self.ids
                .unique(&format!("fnref-{}", &note.id["fn-".len()..]))
        });
        let mut html = String::with_capacity(96);
        html.push_str("<sup class=\"footnote-ref\"><a href=\"#");
        escape_into(&mut html, &note.id);
        if let Some(ref_id) = &ref_id {
            html.push_str("\" id=\"");
            escape_into(&mut html, ref_id);
        }
        html.push_str("\">");
        html.push_str(&(index + 1).to_string());
        html.push_str("</a></sup>");
        if let Some(ref_id) = ref_id {
            self.notes[index].refs.push(ref_id);
        }
        (Event::InlineHtml(html.into()), range)
    }

    /// Takes a definition out of the stream, up to its end.
    fn definition(&mut self, label: &str, range: Range<usize>) {
        let mut events = Vec::new();
        let mut depth = 0usize;
        for (event, event_range) in self.inner.by_ref() {
            match event {
                Event::Start(Tag::FootnoteDefinition(_)) => depth += 1,
                Event::End(TagEnd::FootnoteDefinition) if depth == 0 => break,
                Event::End(TagEnd::FootnoteDefinition) => depth -= 1,
                _ => {}
            }
            events.push((event, event_range));
        }
        self.definitions
            .entry(normalize(label))
            .or_insert((events, range));
    }

    /// Queues the footnotes section. References inside definitions are numbered as they are
    /// written, so a note first referenced from another note comes after it.
    fn section(&mut self) {
        if self.notes.is_empty() {
            self.report_unused();
            return;
        }
        let at = self
            .definitions
            .values()
            .map(|(_, range)| range.end)
            .max()
            .unwrap_or(0);
        self.ready.push_back((
            Event::Html("<section class=\"footnotes\">\n<ol>\n".into()),
            at..at,
        ));
        let mut index = 0;
        while index < self.notes.len() {
            let note = &self.notes[index];
            let mut open = String::from("<li id=\"");
            escape_into(&mut open, &note.id);
            open.push_str("\">");
            self.ready.push_back((Event::Html(open.into()), at..at));
            let (events, _) = self.definitions.remove(&note.label).unwrap_or_default();
            let ends_in_paragraph =
                matches!(events.last(), Some((Event::End(TagEnd::Paragraph), _)));
            let count = events.len();
            for (i, (event, range)) in events.into_iter().enumerate() {
                if ends_in_paragraph && i + 1 == count {
                    let backlinks = self.backlinks(index);
                    self.ready
                        .push_back((Event::InlineHtml(backlinks.into()), range.clone()));
                }
                let event = match event {
                    Event::FootnoteReference(label) => self.reference(&label, range),
                    event => (event, range),
                };
                self.ready.push_back(event);
            }
            if !ends_in_paragraph {
                let backlinks = self.backlinks(index);
                self.ready
                    .push_back((Event::Html(backlinks.into()), at..at));
            }
            self.ready
                .push_back((Event::Html("</li>\n".into()), at..at));
            index += 1;
        }
        self.ready
            .push_back((Event::Html("</ol>\n</section>\n".into()), at..at));
        self.report_unused();
    }

    /// ` ↩` links back to each reference of note `index`.
    fn backlinks(&self, index: usize) -> String {
        let mut out = String::new();
        let refs = &self.notes[index].refs;
        for (k, ref_id) in refs.iter().enumerate() {
            out.push_str(" <a href=\"#");
            escape_into(&mut out, ref_id);
            out.push_str("\" class=\"footnote-backref\" aria-label=\"");
            escape_into(&mut out, self.text.back_to_reference);
            out.push_str(&(index + 1).to_string());
            if refs.len() > 1 {
                out.push('-');
                out.push_str(&(k + 1).to_string());
            }
            out.push_str("\">↩");
            if k > 0 {
                out.push_str("<sup>");
                out.push_str(&(k + 1).to_string());
                out.push_str("</sup>");
            }
            out.push_str("</a>");
        }
        out
    }

    fn report_unused(&mut self) {
        let mut unused: Vec<_> = self.definitions.drain().collect();
        crate::order::sort_by_key(&mut unused, |(_, (_, range))| range.start);
        for (label, (_, range)) in unused {
            self.report.error(
                range.start,
                format!("footnote [^{label}] is never referenced, so it is not shown"),
            );
        }
    }
}

impl<'a, I: Iterator<Item = Spanned<'a>>> Iterator for Footnotes<'a, '_, I> {
    type Item = Spanned<'a>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(ready) = self.ready.pop_front() {
                return Some(ready);
            }
            let item = self.inner.next();
            if let Some((event, _)) = &item
                && !matches!(
                    event,
                    Event::FootnoteReference(_) | Event::Start(Tag::FootnoteDefinition(_))
                )
            {
                return item;
            }
            let Some((event, range)) = item else {
                if self.finished {
                    return None;
                }
                self.finished = true;
                self.section();
                continue;
            };
            match event {
                Event::FootnoteReference(label) => return Some(self.reference(&label, range)),
                Event::Start(Tag::FootnoteDefinition(label)) => self.definition(&label, range),
                event => return Some((event, range)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_match_case_insensitively_with_whitespace_collapsed() {
        assert_eq!(normalize("A  Note"), "a note");
        assert_eq!(normalize(" 注释\t一 "), "注释 一");
        assert_eq!(normalize("ẞ"), "ß");
    }
}
