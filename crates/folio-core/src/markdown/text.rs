//! Plain text extras: emoji shortcodes (`:tada:` → 🎉) and GitHub's autolinks (bare
//! `https://…`, `www.…` and email addresses, found by [`super::autolink`]); and VitePress's
//! Vue expressions (`{{ $frontmatter.title }}`), which mean nothing on a Folio page and are shown
//! as nothing, with a note for the writer (Liquid's and Zola's look the same and go too; Hugo's
//! shortcodes, `{{< … >}}` and `{{% … %}}`, are no Vue and stay as written).
//!
//! Runs right after the sanitizer, so the excerpt shows emoji and link text, and before the
//! links adapter, which treats the links written here like any other: checked, and marked
//! `rel="noopener noreferrer"` when external. Text in code, links, images and raw `<a>` or
//! `<code>` elements is left alone; pulldown-cmark may split a text run into several events
//! (at `_`, entities …), so adjacent text events are joined first.

use std::borrow::Cow;
use std::collections::VecDeque;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};

use super::autolink::{self, Kind};
use super::containers::{self, Marks};
use super::report::Report;
use super::{Spanned, is_inline};
use crate::bytes;
use crate::emoji::replace_shortcodes;

pub(super) struct TextExtras<'a, 'r, I> {
    inner: I,
    /// Folio's extras; off, events pass through.
    extras: bool,
    /// The Markdown, to place what is reported.
    source: &'a str,
    report: &'r Report<'a>,
    /// VitePress's containers, for `::: v-pre`, inside which `{{ … }}` is text.
    marks: Option<&'r Marks>,
    /// For each quote open (`>` or a container), whether it is a `::: v-pre`.
    quotes: Vec<bool>,
    /// Depth inside code blocks, where text stays as written.
    code: usize,
    /// Depth inside links and images (Markdown or raw `<a>`), where no autolink may start.
    linked: usize,
    /// Depth inside raw `<code>`, `<pre>`, `<kbd>` or `<samp>`.
    raw_code: usize,
    /// The event read after a run of text.
    peeked: Option<Spanned<'a>>,
    ready: VecDeque<Spanned<'a>>,
}

impl<'a, 'r, I: Iterator<Item = Spanned<'a>>> TextExtras<'a, 'r, I> {
    pub(super) fn new(
        inner: I,
        extras: bool,
        source: &'a str,
        report: &'r Report<'a>,
        marks: Option<&'r Marks>,
    ) -> Self {
        Self {
            inner,
            extras,
            source,
            report,
            marks,
            quotes: Vec::new(),
            code: 0,
            linked: 0,
            raw_code: 0,
            peeked: None,
            ready: VecDeque::new(),
        }
    }

    fn pull(&mut self) -> Option<Spanned<'a>> {
        self.peeked.take().or_else(|| self.inner.next())
    }

    /// Keeps the depths up to date with an event that is not text.
    fn watch(&mut self, event: &Event<'a>, range: &Range<usize>) {
        match event {
            Event::Start(Tag::BlockQuote(None)) => {
                let container = self.marks.and_then(|marks| marks.container_at(range));
                self.quotes
                    .push(container.is_some_and(|c| c.kind == containers::Kind::VPre));
            }
            Event::End(TagEnd::BlockQuote(None)) => {
                self.quotes.pop();
            }
            Event::Start(Tag::CodeBlock(_)) => self.code += 1,
            Event::End(TagEnd::CodeBlock) => self.code = self.code.saturating_sub(1),
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => self.linked += 1,
            Event::End(TagEnd::Link | TagEnd::Image) => self.linked = self.linked.saturating_sub(1),
            Event::InlineHtml(html) => match raw_tag(html) {
                Some((true, "a")) => self.linked += 1,
                Some((false, "a")) => self.linked = self.linked.saturating_sub(1),
                Some((true, _)) => self.raw_code += 1,
                Some((false, _)) => self.raw_code = self.raw_code.saturating_sub(1),
                None => {}
            },
            // Raw tags left open do not reach past their block.
            Event::End(tag) if !is_inline(*tag) => self.raw_code = 0,
            _ => {}
        }
    }

    /// Joins the text events that follow `first` into one, in one growing string: a paragraph
    /// of `[` is a text event per bracket, and turning the string into an event after each one
    /// (which shrinks it to fit) copied it every time, in quadratic time.
    fn join(&mut self, first: CowStr<'a>, range: Range<usize>) -> (CowStr<'a>, Range<usize>) {
        let mut range = range;
        let mut joined: Option<String> = None;
        loop {
            match self.pull() {
                Some((Event::Text(more), more_range)) => {
                    joined
                        .get_or_insert_with(|| first.to_string())
                        .push_str(&more);
                    range.end = more_range.end;
                }
                other => {
                    self.peeked = other;
                    return (joined.map_or(first, CowStr::from), range);
                }
            }
        }
    }

    /// `text` without its Vue expressions (`{{ … }}` holding something), each reported as a note
    /// where it is in the source.
    fn without_vue_expressions(&self, text: CowStr<'a>, range: &Range<usize>) -> CowStr<'a> {
        if !bytes::contains_pair(text.as_bytes(), b'{') || self.quotes.contains(&true) {
            return text;
        }
        let written = self.source.get(range.clone()).unwrap_or_default();
        let mut kept = String::with_capacity(text.len());
        let mut rest: &str = &text;
        let mut searched = 0;
        while let Some((before, expression, after)) = vue_expression(rest) {
            kept.push_str(before);
            let at = written[searched..]
                .find(expression)
                .map_or(range.start, |i| {
                    searched += i + expression.len();
                    range.start + searched - expression.len()
                });
            let shown = crate::html::quote_for_message(expression, 60);
            self.report.note(
                at,
                format!("template expression `{shown}` (Vue, Liquid) is shown as nothing"),
            );
            rest = after;
        }
        if rest.len() == text.len() {
            return text;
        }
        kept.push_str(rest);
        kept.into()
    }

    /// The autolinks in `text`, where links may start.
    fn links(&self, text: &str) -> Vec<(Range<usize>, Kind)> {
        if self.linked == 0 && self.raw_code == 0 {
            autolink::find(text)
        } else {
            Vec::new()
        }
    }

    /// Queues `text` with its `links` as links and its shortcodes replaced.
    fn text(&mut self, text: &str, links: Vec<(Range<usize>, Kind)>, range: &Range<usize>) {
        let mut at = 0;
        for (link, kind) in links {
            self.plain(&text[at..link.start], range);
            let shown = &text[link.clone()];
            let dest = match kind {
                Kind::Www => format!("http://{shown}"),
                Kind::Url | Kind::Email => shown.to_owned(),
            };
            let link_type = if kind == Kind::Email {
                LinkType::Email
            } else {
                LinkType::Autolink
            };
            let start = Tag::Link {
                link_type,
                dest_url: dest.into(),
                title: CowStr::Borrowed(""),
                id: CowStr::Borrowed(""),
            };
            self.ready.push_back((Event::Start(start), range.clone()));
            self.ready
                .push_back((Event::Text(shown.to_owned().into()), range.clone()));
            self.ready
                .push_back((Event::End(TagEnd::Link), range.clone()));
            at = link.end;
        }
        self.plain(&text[at..], range);
    }

    fn plain(&mut self, text: &str, range: &Range<usize>) {
        if !text.is_empty() {
            let text = replace_shortcodes(text).into_owned();
            self.ready
                .push_back((Event::Text(text.into()), range.clone()));
        }
    }
}

/// One quick look at `text`: whether it has a `:` (a shortcode may follow), and whether it has
/// what every autolink needs (`://`, `www.` or `@`). Most text has neither and goes on as it is.
fn look(text: &str) -> (bool, bool) {
    let bytes = text.as_bytes();
    let mut colon = false;
    let marks =
        |word| bytes::equal(word, b':') | bytes::equal(word, b'@') | bytes::equal(word, b'.');
    let may_link = bytes::find_at(bytes, marks, |i| match bytes[i] {
        b':' => {
            colon = true;
            bytes[i + 1..].starts_with(b"//")
        }
        b'@' => true,
        _ => i >= 3 && &bytes[i - 3..i] == b"www",
    });
    (colon, may_link.is_some())
}

/// The first Vue expression in `text` (`{{ … }}` holding more than spaces, and no Hugo shortcode
/// or comment: `{{<`, `{{%`, `{{/*`), with the text before and after it.
fn vue_expression(text: &str) -> Option<(&str, &str, &str)> {
    let mut from = 0;
    loop {
        let open = from + text[from..].find("{{")?;
        let close = open + 2 + text[open + 2..].find("}}")?;
        let inside = text[open + 2..close].trim_start();
        if inside.is_empty() || inside.starts_with(['<', '%']) || inside.starts_with("/*") {
            from = close + 2;
            continue;
        }
        return Some((&text[..open], &text[open..close + 2], &text[close + 2..]));
    }
}

/// A raw inline tag that changes what text may become: `(opening, name)` for `a`, `code`,
/// `pre`, `kbd` and `samp`.
fn raw_tag(html: &str) -> Option<(bool, &'static str)> {
    let (opening, rest) = match html.strip_prefix("</") {
        Some(rest) => (false, rest),
        None => (true, html.strip_prefix('<')?),
    };
    let name_len = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    let name = &rest[..name_len];
    ["a", "code", "pre", "kbd", "samp"]
        .into_iter()
        .find(|known| name.eq_ignore_ascii_case(known))
        .map(|known| (opening, known))
}

impl<'a, I: Iterator<Item = Spanned<'a>>> Iterator for TextExtras<'a, '_, I> {
    type Item = Spanned<'a>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(ready) = self.ready.pop_front() {
                return Some(ready);
            }
            let item = self.pull();
            if !self.extras {
                return item;
            }
            let Some((Event::Text(text), range)) = item else {
                if let Some((event, range)) = &item {
                    self.watch(event, range);
                }
                return item;
            };
            if self.code > 0 {
                return Some((Event::Text(text), range));
            }
            let (text, range) = self.join(text, range);
            let text = self.without_vue_expressions(text, &range);
            let (colon, may_link) = look(&text);
            if !colon && !may_link {
                return Some((Event::Text(text), range));
            }
            let links = if may_link {
                self.links(&text)
            } else {
                Vec::new()
            };
            if links.is_empty() {
                // Most text has no shortcode either: the event goes on as it came.
                return match replace_shortcodes(&text) {
                    Cow::Borrowed(_) => Some((Event::Text(text), range)),
                    Cow::Owned(replaced) => Some((Event::Text(replaced.into()), range)),
                };
            }
            self.text(&text, links, &range);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quick_look_finds_what_may_need_work() {
        for (text, expected) in [
            ("plain prose.", (false, false)),
            ("at 10:30", (true, false)),
            ("see https://x.y", (true, true)),
            ("or www.x.y", (false, true)),
            ("a@b.c", (false, true)),
            (":tada: a@b", (true, true)),
        ] {
            assert_eq!(look(text), expected, "{text:?}");
        }
    }

    #[test]
    fn vue_expressions_hold_something() {
        for (text, expected) in [
            ("a {{ x }} b", Some(("a ", "{{ x }}", " b"))),
            ("{{a}}{{b}}", Some(("", "{{a}}", "{{b}}"))),
            ("{{ }} {{y}}", Some(("{{ }} ", "{{y}}", ""))),
            ("{{ unclosed", None),
            ("{{}}", None),
            ("{{< figure src=x >}} {{% note %}} {{/* c */}}", None),
            ("}} {{", None),
        ] {
            assert_eq!(vue_expression(text), expected, "{text:?}");
        }
    }

    #[test]
    fn raw_tags_that_matter() {
        assert_eq!(raw_tag("<a href=\"x\">"), Some((true, "a")));
        assert_eq!(raw_tag("</A>"), Some((false, "a")));
        assert_eq!(raw_tag("<code>"), Some((true, "code")));
        assert_eq!(raw_tag("<abbr>"), None);
        assert_eq!(raw_tag("<b>"), None);
    }
}
