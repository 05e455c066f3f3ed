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
//! VitePress's fence extras (see [`super::fence`] and [`super::lines`]): a `[label]` is shown in
//! the header (`<span class="code-title">`), before the language; marked lines (`{1,4-6}`,
//! `// [!code highlight]` …) and `:line-numbers` wrap each line in `<span class="line …">`, and
//! the `<pre>` gets `line-numbers` (numbered by the style sheet) or `has-focused`.
//!
//! The same adapter writes math (see [`super::formulas`]): one adapter less for every event to
//! pass through.

use pulldown_cmark::{CodeBlockKind, Event, Tag, TagEnd};

use super::Spanned;
use super::fence::FenceInfo;
use super::formulas::formula;
use super::lines::{self, LineMarks};
use super::report::Report;
use crate::highlight::Language;
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

/// The whole block: wrapper, header, and the code, highlighted when the language is known.
fn block(info: &FenceInfo<'_>, code: &str, text: &Strings) -> String {
    let lang = info.lang;
    let notated = lines::notations(code);
    let (code, notes) = match &notated {
        Some((code, marks)) => (code.as_str(), marks.as_slice()),
        None => (code, &[][..]),
    };
    let numbered = info.line_numbers == Some(true);
    let lined = numbered || !info.highlight.is_empty() || !notes.is_empty();

    let mut out = String::with_capacity(code.len() * 2 + 256);
    out.push_str("<div class=\"code-block\"><div class=\"code-head\">");
    if let Some(label) = info.label {
        out.push_str("<span class=\"code-title\">");
        escape_into(&mut out, label);
        out.push_str("</span>");
    }
    if !lang.is_empty() {
        out.push_str("<span class=\"code-lang\">");
        escape_into(&mut out, lang);
        out.push_str("</span>");
    }
    out.push_str("<button type=\"button\" class=\"copy-code\" aria-label=\"");
    escape_into(&mut out, text.copy_code);
    out.push_str("\">");
    escape_into(&mut out, text.copy);
    out.push_str("</button></div><pre class=\"code");
    if numbered {
        out.push_str(" line-numbers");
    }
    if LineMarks::any_focused(notes) {
        out.push_str(" has-focused");
    }
    out.push('"');
    if lang.is_empty() {
        out.push_str("><code>");
    } else {
        out.push_str(" data-lang=\"");
        escape_into(&mut out, lang);
        out.push_str("\"><code class=\"language-");
        escape_into(&mut out, lang);
        out.push_str("\">");
    }
    let mut body = String::with_capacity(code.len() * 2);
    match Language::from_name(lang) {
        Some(language) => crate::extras::highlight(language, lang, code, &mut body),
        None => escape_into(&mut body, code),
    }
    if lined {
        out.push_str(&lines::wrap(&body, |index| {
            let mut marks = notes.get(index).copied().unwrap_or_default();
            if info.highlights(index + 1) {
                marks.add(LineMarks::HIGHLIGHTED);
            }
            marks
        }));
    } else {
        out.push_str(&body);
    }
    out.push_str("</code></pre></div>\n");
    out
}

impl<'a, I: Iterator<Item = Spanned<'a>>> Iterator for CodeAndMath<'a, '_, I> {
    type Item = Spanned<'a>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let item = self.inner.next();
        if let Some((event, _)) = &item
            && !matches!(
                event,
                Event::Start(Tag::CodeBlock(_)) | Event::InlineMath(_) | Event::DisplayMath(_)
            )
        {
            return item;
        }
        let (event, range) = item?;
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
        let info = match &kind {
            CodeBlockKind::Fenced(info) => FenceInfo::parse(info),
            CodeBlockKind::Indented => FenceInfo::default(),
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
            Event::Html(block(&info, &code, self.text).into()),
            range.start..end,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_languages_are_escaped_and_still_named() {
        let info = FenceInfo::parse("brain\"fk");
        let html = block(&info, "<+>", crate::i18n::english());
        assert!(
            html.contains(
                r#"data-lang="brain&quot;fk"><code class="language-brain&quot;fk">&lt;+&gt;</code>"#
            ),
            "{html}"
        );
    }

    #[test]
    fn labels_marked_lines_and_numbers() {
        let info = FenceInfo::parse("js:line-numbers {2} [config.js]");
        let html = block(
            &info,
            "let a = 1\nlet b = 2\nlet c = 3 // [!code ++]\n",
            crate::i18n::english(),
        );
        assert!(
            html.starts_with(
                "<div class=\"code-block\"><div class=\"code-head\"><span class=\"code-title\">config.js</span>\
                 <span class=\"code-lang\">js</span>"
            ),
            "{html}"
        );
        assert!(
            html.contains("<pre class=\"code line-numbers\" data-lang=\"js\">"),
            "{html}"
        );
        let lines: Vec<&str> = html.matches("<span class=\"line").collect();
        assert_eq!(lines.len(), 3, "{html}");
        assert!(
            html.contains("<span class=\"line highlighted\"><span class=\"tok-kw\">let</span> b"),
            "{html}"
        );
        assert!(html.contains("<span class=\"line diff add\">"), "{html}");
        assert!(!html.contains("[!code"), "{html}");
        // Without marks, a block is written as before: no line spans.
        let plain = block(&FenceInfo::parse("js"), "let a\n", crate::i18n::english());
        assert!(!plain.contains("class=\"line"), "{plain}");
    }
}
