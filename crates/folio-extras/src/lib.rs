//! The app's extras modules: what folio-core renders only for some posts (TeX to MathML, code
//! highlighting, emoji shortcodes), each as a wasm module of its own, built with only its feature
//! (`math`, `code`, `emoji`). The app's own wasm leaves these out; when a post needs one, the app
//! imports its module and renders the post again with it (`src/extras.rs` in the app,
//! `folio_core::extras`). The `search` module ([`search`]) reads the search index, which only
//! the search page needs. The `unindexed` module is the renderer alone, without the extras, as
//! the app's wasm carries it: `404.html` loads it before the app to show a post no page was
//! built for ([`unindexed`]). Built by `build-module.sh` beside this file.

#[cfg(feature = "code")]
use folio_core::highlight::{Language, highlight as highlight_as};
#[cfg(any(
    feature = "math",
    feature = "code",
    feature = "emoji",
    feature = "unindexed"
))]
use wasm_bindgen::prelude::wasm_bindgen;

#[cfg(feature = "search")]
pub mod search;

/// MathML for `tex`; throws the reason it cannot be rendered.
///
/// # Errors
/// The formula's [`folio_core::math::MathError`], as its message.
#[cfg(feature = "math")]
#[wasm_bindgen]
pub fn math(tex: &str, display: bool) -> Result<String, String> {
    folio_core::math::to_mathml(tex, display).map_err(|error| error.to_string())
}

/// `code` highlighted as the language a fence names `language`, as HTML; escaped only when the
/// language is not one Folio highlights.
#[cfg(feature = "code")]
#[wasm_bindgen]
pub fn highlight(language: &str, code: &str) -> String {
    let mut out = String::with_capacity(code.len() * 2);
    match Language::from_name(language) {
        Some(language) => highlight_as(language, code, &mut out),
        None => folio_core::html::escape_into(&mut out, code),
    }
    out
}

/// The emoji for a gemoji shortcode name (without colons).
#[cfg(feature = "emoji")]
#[wasm_bindgen]
pub fn emoji(name: &str) -> Option<String> {
    folio_core::emoji::by_shortcode(name).map(str::to_owned)
}

/// Runs when the unindexed module is instantiated: named character references through the
/// page, as the app reads them (see `folio_entities`).
#[cfg(feature = "unindexed")]
#[wasm_bindgen(start)]
pub fn start() {
    folio_entities::install();
}

/// The post at `path` (below `posts/`, its file `<path>.md`) of a site at `base` in the language
/// `lang`, rendered from its Markdown `source` as the app renders a post the index does not list
/// ([`folio_core::post::render_unindexed`]): its title, its body's HTML (sanitized), its
/// reading time in minutes, then the level, id and text of each heading its table of contents
/// lists ([`folio_core::markdown::toc_headings`]).
#[cfg(feature = "unindexed")]
#[wasm_bindgen]
pub fn unindexed(source: &str, path: &str, base: &str, lang: &str) -> Vec<String> {
    use folio_core::post::{PostContext, render_unindexed};
    let file = format!("{path}.md");
    let cx = PostContext::new(base, &file).in_language(folio_core::i18n::strings_for(lang));
    let (entry, body) = render_unindexed(source, path, &cx);
    let mut post = vec![entry.title, body.html, entry.reading_minutes.to_string()];
    for heading in folio_core::markdown::toc_headings(&body.headings) {
        post.extend([heading.level.to_string(), heading.id, heading.text]);
    }
    post
}

#[cfg(all(test, feature = "math", feature = "code", feature = "emoji"))]
mod tests {
    use super::*;

    #[test]
    fn each_extra_answers_as_folio_core_does() {
        assert!(math("x^2", false).is_ok_and(|mathml| mathml.starts_with("<math")));
        assert!(math("\\def\\x{1}", false).is_err());
        assert!(highlight("rs", "fn main() {}").contains("tok-kw"));
        assert_eq!(highlight("no-such-language", "<a>"), "&lt;a&gt;");
        assert_eq!(emoji("tada").as_deref(), Some("🎉"));
        assert_eq!(emoji("no_such_emoji"), None);
    }

    #[test]
    fn the_unindexed_module_renders_as_the_app_does_for_a_post_it_does_not_list() {
        let source = "---\ntitle: 不是这个\n---\n# 新的 <b>帖子</b>\n\n正文 [下一篇](other.md)。\n\n<script>x()</script>\n";
        let [title, html, minutes] =
            <[String; 3]>::try_from(unindexed(source, "2026/new", "/blog/", "zh"))
                .unwrap_or_else(|parts| panic!("{parts:?}"));
        let cx = folio_core::post::PostContext::new("/blog/", "2026/new.md")
            .in_language(folio_core::i18n::strings_for("zh"));
        let (entry, body) = folio_core::post::render_unindexed(source, "2026/new", &cx);
        assert_eq!(
            (title.as_str(), html.as_str()),
            (entry.title.as_str(), body.html.as_str())
        );
        assert_eq!(minutes, entry.reading_minutes.to_string());
        assert_eq!(title, "新的 帖子");
        assert!(
            html.contains("<p>正文 <a href=\"/blog/posts/2026/other.md\">"),
            "{html}"
        );
        assert!(!html.contains("<script"), "{html}");
        // With its table of contents: h2 to h4, when there are two.
        let source = "# 标题\n\n## 第一节\n\n### 小节 {#sub}\n\n##### 太深\n";
        assert_eq!(
            unindexed(source, "toc", "/", "zh")[3..],
            ["2", "第一节", "第一节", "3", "sub", "小节"]
        );
        assert_eq!(unindexed("## 只有一节\n", "toc", "/", "zh").len(), 3);
    }
}
