//! Code blocks: highlighted (see [`crate::highlight`]) and wrapped with a header holding the
//! language and a copy button, for the app to wire:
//!
//! ```html
//! <div class="code-block"><div class="code-head"><span class="code-lang">rust</span>
//! <button type="button" class="copy-code" aria-label="Copy code">Copy</button></div>
//! <pre class="code" data-lang="rust"><code class="language-rust">…</code></pre></div>
//! ```
//!
//! (one line in the output). The button is markup written here, not text of the post, so it is
//! in neither the excerpt nor the reading time. A language the highlighter does not know is
//! written plain, still named in `data-lang`; a block without a language has no `code-lang`
//! label, no `data-lang` and no `language-` class.
//!
//! The same adapter writes math (see [`super::formulas`]): one adapter less for every event to
//! pass through.

use pulldown_cmark::{CodeBlockKind, Event, Tag, TagEnd};

use super::Spanned;
use super::formulas::formula;
use super::report::Report;
use crate::highlight::{Language, highlight};
use crate::html::escape_into;
use crate::i18n::Strings;

pub(super) struct CodeAndMath<'a, 'r, I> {
    inner: I,
    /// Folio's extras; off, code blocks pass through as pulldown-cmark writes them.
    extras: bool,
    text: &'static Strings,
    report: &'r Report<'a>,
}

impl<'a, 'r, I> CodeAndMath<'a, 'r, I> {
    pub(super) fn new(
        inner: I,
        extras: bool,
        text: &'static Strings,
        report: &'r Report<'a>,
    ) -> Self {
        Self {
            inner,
            extras,
            text,
            report,
        }
    }
}

/// The language word of a fence's info string: `rust` of `rust,ignore` or `rust title="x"`.
fn language_word(info: &str) -> &str {
    info.split(|c: char| c.is_whitespace() || c == ',' || c == '{')
        .next()
        .unwrap_or_default()
}

/// The whole block: wrapper, header, and the code, highlighted when the language is known.
fn block(lang: &str, code: &str, text: &Strings) -> String {
    let mut out = String::with_capacity(code.len() * 2 + 256);
    out.push_str("<div class=\"code-block\"><div class=\"code-head\">");
    if !lang.is_empty() {
        out.push_str("<span class=\"code-lang\">");
        escape_into(&mut out, lang);
        out.push_str("</span>");
    }
    out.push_str("<button type=\"button\" class=\"copy-code\" aria-label=\"");
    escape_into(&mut out, text.copy_code);
    out.push_str("\">");
    escape_into(&mut out, text.copy);
    out.push_str("</button></div><pre class=\"code\"");
    if lang.is_empty() {
        out.push_str("><code>");
    } else {
        out.push_str(" data-lang=\"");
        escape_into(&mut out, lang);
        out.push_str("\"><code class=\"language-");
        escape_into(&mut out, lang);
        out.push_str("\">");
    }
    match Language::from_name(lang) {
        Some(language) => highlight(language, code, &mut out),
        None => escape_into(&mut out, code),
    }
    out.push_str("</code></pre></div>\n");
    out
}

impl<'a, I: Iterator<Item = Spanned<'a>>> Iterator for CodeAndMath<'a, '_, I> {
    type Item = Spanned<'a>;

    fn next(&mut self) -> Option<Self::Item> {
        let (event, range) = self.inner.next()?;
        let kind = match event {
            Event::Start(Tag::CodeBlock(kind)) if self.extras => kind,
            Event::InlineMath(tex) => {
                let html = formula(&tex, false, range.start, self.report);
                return Some((Event::InlineHtml(html.into()), range));
            }
            Event::DisplayMath(tex) => {
                let html = formula(&tex, true, range.start, self.report);
                return Some((Event::InlineHtml(html.into()), range));
            }
            event => return Some((event, range)),
        };
        let lang = match &kind {
            CodeBlockKind::Fenced(info) => language_word(info),
            CodeBlockKind::Indented => "",
        };
        let mut code = String::new();
        let mut end = range.end;
        for (event, event_range) in self.inner.by_ref() {
            match event {
                Event::Text(text) => code.push_str(&text),
                Event::End(TagEnd::CodeBlock) => {
                    end = event_range.end;
                    break;
                }
                _ => {}
            }
        }
        Some((
            Event::Html(block(lang, &code, self.text).into()),
            range.start..end,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_is_the_first_word_of_the_info_string() {
        for (info, lang) in [
            ("rust", "rust"),
            ("rust,ignore", "rust"),
            ("js title=\"a.js\"", "js"),
            ("python{1,3}", "python"),
            ("", ""),
        ] {
            assert_eq!(language_word(info), lang, "{info:?}");
        }
    }

    #[test]
    fn unknown_languages_are_escaped_and_still_named() {
        let html = block("brain\"fk", "<+>", crate::i18n::english());
        assert!(
            html.contains(
                r#"data-lang="brain&quot;fk"><code class="language-brain&quot;fk">&lt;+&gt;</code>"#
            ),
            "{html}"
        );
    }
}
