//! The app's extras modules: what folio-core renders only for some posts (TeX to MathML, code
//! highlighting, emoji shortcodes), each as a wasm module of its own, built with only its feature
//! (`math`, `code`, `emoji`). The app's own wasm leaves these out; when a post needs one, the app
//! imports its module and renders the post again with it (`src/extras.rs` in the app,
//! `folio_core::extras`). The `search` module ([`search`]) reads the search index, which only
//! the search page needs. Built by `build-module.sh` beside this file.

#[cfg(feature = "code")]
use folio_core::highlight::{Language, highlight as highlight_as};
#[cfg(any(feature = "math", feature = "code", feature = "emoji"))]
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
}
