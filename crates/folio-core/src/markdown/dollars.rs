//! `$` is money before it is math: Pandoc's rules for `$…$` (its `tex_math_dollars`, which
//! markdown-it's math plugins and so VitePress follow too) on top of pulldown-cmark's.
//!
//! pulldown-cmark already wants no space just inside the delimiters (ASCII space, that is). Pandoc
//! adds that the closing `$` must not be followed by a digit, so `价格 $10，第一年只收到$7` is two
//! prices and not a formula, and counts every space (an ideographic space too). When a formula
//! breaks these rules its opening `$` is made inert (replaced by [`INERT`], one byte for one, so
//! every offset still points at the source) and the Markdown parsed again, as often as it takes
//! (at most [`MAX_PASSES`] times): as in Pandoc, the closing `$` may then open a formula of its
//! own. [`Restore`] puts the `$` back into the events. Only a post with a `$` just before a digit
//! or next to a space other than ASCII's is parsed more than once.

use pulldown_cmark::{CowStr, Event, Tag};

use super::{RenderOptions, Spanned, options};

/// What an inert `$` is while the parser reads the post: a character no post holds once
/// [`crate::chars::clean`] has read it, and that the parser takes for text.
pub(super) const INERT: char = '\u{1}';

/// Most parses of one post: each pass makes at least one `$` inert, and a post needing more than
/// a few is a pathological one, whose leftover formulas render as pulldown-cmark read them.
const MAX_PASSES: usize = 4;

/// The Markdown with the opening `$` of every formula that Pandoc would not read made inert, or
/// `None` when there is none (or math is off).
pub(super) fn inert_money(markdown: &str, options: &RenderOptions<'_>) -> Option<String> {
    if !options.math || options.commonmark_only || !may_break_the_rules(markdown) {
        return None;
    }
    let mut inert: Option<String> = None;
    for _ in 0..MAX_PASSES {
        let source = inert.as_deref().unwrap_or(markdown);
        let openers: Vec<usize> = options::parser(source, options)
            .filter_map(|(event, range)| match event {
                Event::InlineMath(_) if !pandoc_reads_as_math(source, range.start, range.end) => {
                    Some(range.start)
                }
                _ => None,
            })
            .collect();
        if openers.is_empty() {
            break;
        }
        let mut bytes = inert
            .take()
            .unwrap_or_else(|| markdown.to_owned())
            .into_bytes();
        for at in openers {
            // Both one byte long: the text stays valid UTF-8, and offsets stay the same.
            bytes[at] = INERT as u8;
        }
        inert = String::from_utf8(bytes).ok();
    }
    inert
}

/// Whether some `$` could close a formula Pandoc would refuse: one just before a digit (and
/// after something that is not a space), or one next to a space pulldown-cmark does not count.
fn may_break_the_rules(markdown: &str) -> bool {
    let bytes = markdown.as_bytes();
    markdown.match_indices('$').any(|(at, _)| {
        let before = markdown[..at].chars().next_back();
        let after = markdown[at + 1..].chars().next();
        let digit_follows = after.is_some_and(|c| c.is_ascii_digit())
            && at > 0
            && !bytes[at - 1].is_ascii_whitespace();
        let unusual_space = |c: Option<char>| c.is_some_and(|c| !c.is_ascii() && c.is_whitespace());
        digit_follows || unusual_space(before) || unusual_space(after)
    })
}

/// Whether the formula written at `start..end` (its `$` delimiters included) keeps Pandoc's
/// rules: no space just inside either `$`, no digit just after the closing one.
fn pandoc_reads_as_math(source: &str, start: usize, end: usize) -> bool {
    let (Some(inside), Some(after)) = (source.get(start + 1..end - 1), source.get(end..)) else {
        return true;
    };
    let space_inside =
        inside.starts_with(char::is_whitespace) || inside.ends_with(char::is_whitespace);
    let digit_after = after.starts_with(|c: char| c.is_ascii_digit());
    !(space_inside || digit_after)
}

/// Puts back the `$` that [`inert_money`] made inert, in every event that can hold one.
pub(super) struct Restore<I> {
    inner: I,
    /// Whether any `$` was made inert; if not, events pass as they are.
    active: bool,
}

impl<I> Restore<I> {
    pub(super) fn new(inner: I, active: bool) -> Self {
        Self { inner, active }
    }
}

fn restore(text: CowStr<'_>) -> CowStr<'_> {
    if text.contains(INERT) {
        text.replace(INERT, "$").into()
    } else {
        text
    }
}

impl<'a, I: Iterator<Item = Spanned<'a>>> Iterator for Restore<I> {
    type Item = Spanned<'a>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let item = self.inner.next();
        if !self.active {
            return item;
        }
        let (event, range) = item?;
        let event = match event {
            Event::Text(text) => Event::Text(restore(text)),
            Event::Code(text) => Event::Code(restore(text)),
            Event::InlineMath(text) => Event::InlineMath(restore(text)),
            Event::DisplayMath(text) => Event::DisplayMath(restore(text)),
            Event::Html(text) => Event::Html(restore(text)),
            Event::InlineHtml(text) => Event::InlineHtml(restore(text)),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Link {
                link_type,
                dest_url: restore(dest_url),
                title: restore(title),
                id,
            }),
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Image {
                link_type,
                dest_url: restore(dest_url),
                title: restore(title),
                id,
            }),
            event => event,
        };
        Some((event, range))
    }
}

#[cfg(test)]
mod tests {
    use crate::{RenderOptions, render};

    /// Whether `markdown` renders with a formula, and the text a reader sees.
    fn read(markdown: &str, options: &RenderOptions<'_>) -> (bool, String) {
        let html = render(markdown, options).html;
        let math = html.contains("<math");
        // The text outside tags, with the formulas' TeX (their alt text) standing for them.
        let mut text = String::new();
        let mut rest = html.as_str();
        while let Some(open) = rest.find('<') {
            text.push_str(&rest[..open]);
            let close = rest[open..].find('>').map_or(rest.len(), |i| open + i + 1);
            if let Some(alt) = rest[open..close].split("alttext=\"").nth(1) {
                text.push('$');
                text.push_str(alt.split('"').next().unwrap_or_default());
                text.push('$');
                rest = rest[close..]
                    .find("</math>")
                    .map_or("", |i| &rest[close + i + "</math>".len()..]);
                continue;
            }
            rest = &rest[close..];
        }
        text.push_str(rest);
        (
            math,
            text.trim().replace("&amp;", "&").replace("&#39;", "'"),
        )
    }

    #[test]
    fn money_and_jquery_stay_text_and_formulas_stay_math() {
        // (Markdown, a formula, the text as read)
        let cases: &[(&str, bool, &str)] = &[
            // Real posts: prices, in Chinese and English.
            (
                "价格 $10, 第一年只收到$7",
                false,
                "价格 $10, 第一年只收到$7",
            ),
            (
                "It costs $5 and I paid$6 for it.",
                false,
                "It costs $5 and I paid$6 for it.",
            ),
            (
                "从$100涨到$200，又跌回$150",
                false,
                "从$100涨到$200，又跌回$150",
            ),
            ("原价$99，现价$49", false, "原价$99，现价$49"),
            // jQuery in prose: no space inside, but spaces outside.
            (
                "用 $(document).ready() 和 $(window).load() 的区别",
                false,
                "用 $(document).ready() 和 $(window).load() 的区别",
            ),
            ("$('#id').hide()", false, "$('#id').hide()"),
            // A closing `$` before a digit fails; it may open the next formula, as in Pandoc.
            ("收到$7，然后$x$是未知数", true, "收到$7，然后$x$是未知数"),
            ("$10 and $x^2$", true, "$10 and $x^2$"),
            // Spaces just inside, ASCII or ideographic, are no formula.
            ("a $ x$ b", false, "a $ x$ b"),
            ("a $x $ b", false, "a $x $ b"),
            ("a $\u{3000}x$ b", false, "a $\u{3000}x$ b"),
            // Formulas, in CJK text without spaces too.
            ("面积是$x^2$平方米", true, "面积是$x^2$平方米"),
            (
                "设$n$为正整数，则$2^n$是偶数",
                true,
                "设$n$为正整数，则$2^n$是偶数",
            ),
            ("$x^2 + y^2 = r^2$", true, "$x^2 + y^2 = r^2$"),
            ("Euler: $e^{i\\pi}+1=0$.", true, "Euler: $e^{i\\pi}+1=0$."),
            ("$$\\int_0^1 x\\,dx$$", true, "$\\int_0^1 x\\,dx$"),
            // A digit after display math is fine: the rule is for `$…$`.
            ("$$x$$2", true, "$x$2"),
            // Code and escapes are as before.
            ("`$10 and $7` \\$5", false, "$10 and $7 $5"),
        ];
        for (markdown, math, text) in cases {
            let (got_math, got_text) = read(markdown, &RenderOptions::new(""));
            assert_eq!(
                (got_math, got_text.as_str()),
                (*math, *text),
                "{markdown:?}"
            );
        }
    }

    /// A `$` that was inert while parsing comes back in text, links, alt text and code. (In a
    /// link's destination an inert `$` would end the link: a `$` before a digit in a URL, inside
    /// a price's "formula", is left to pulldown-cmark.)
    #[test]
    fn an_inert_dollar_comes_back_everywhere() {
        let markdown = "收到$7 [价$8](https://e.com/ \"t\")和$5 ![$1](a.png) `x`$2";
        let html = render(markdown, &RenderOptions::new("")).html;
        assert!(!html.contains('\u{1}'), "{html}");
        assert!(!html.contains("<math"), "{html}");
        assert!(
            html.contains(">价$8</a>和$5 <img src=\"a.png\" alt=\"$1\""),
            "{html}"
        );
        assert_eq!(html.matches('$').count(), 5, "{html}");
    }

    #[test]
    fn math_can_be_turned_off() {
        let options = RenderOptions {
            math: false,
            ..RenderOptions::new("")
        };
        let (math, text) = read("$x^2$ and $$y$$", &options);
        assert_eq!((math, text.as_str()), (false, "$x^2$ and $$y$$"));
    }
}
