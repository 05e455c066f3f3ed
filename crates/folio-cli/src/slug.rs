//! File names for new posts, made from their titles in the site's [`SlugStyle`].
//!
//! The rules are the heading-id rules of folio-core (letters and digits of any script, words
//! joined by `-`, punctuation dropped), so a post's URL looks like its headings' anchors.

use folio_core::{SlugStyle, heading_id};

/// Slugs longer than this many characters are cut at a word boundary: URLs stay readable and
/// far below file-name limits, CJK (three bytes a character) included.
const MAX_CHARS: usize = 60;

/// The slug for `title`, or `None` when nothing usable is left (a title of punctuation, or of
/// non-Latin text with [`SlugStyle::Ascii`]); the caller then falls back to a date.
pub(crate) fn title_slug(title: &str, style: SlugStyle) -> Option<String> {
    let text = match style {
        SlugStyle::Keep => title.to_owned(),
        SlugStyle::Ascii => ascii_only(title),
    };
    if !text.chars().any(char::is_alphanumeric) {
        return None;
    }
    Some(shorten(&heading_id(&text)))
}

/// Latin letters with accents lose them (`é` → `e`, `ß` → `ss`: search's folding, see
/// [`folio_core::search::fold`]); every other non-ASCII character becomes a space, so
/// `Rust与Wasm` still splits into two words.
fn ascii_only(text: &str) -> String {
    folio_core::search::fold::fold(text)
        .chars()
        .map(|c| if c.is_ascii() { c } else { ' ' })
        .collect()
}

/// Cuts a slug to [`MAX_CHARS`], at the last `-` when there is one in the second half.
fn shorten(slug: &str) -> String {
    if slug.chars().count() <= MAX_CHARS {
        return slug.to_owned();
    }
    let cut: String = slug.chars().take(MAX_CHARS).collect();
    let cut = match cut.rfind('-') {
        Some(dash) if cut[..dash].chars().count() >= MAX_CHARS / 2 => &cut[..dash],
        _ => cut.as_str(),
    };
    cut.trim_end_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_become_slugs_in_either_style() {
        let cases: &[(&str, Option<&str>, Option<&str>)] = &[
            ("Hello, World!", Some("hello-world"), Some("hello-world")),
            ("你好 世界", Some("你好-世界"), None),
            (
                "Rust与WebAssembly",
                Some("rust与webassembly"),
                Some("rust-webassembly"),
            ),
            (
                "Crème brûlée à Paris",
                Some("crème-brûlée-à-paris"),
                Some("creme-brulee-a-paris"),
            ),
            (
                "Straße & Œuvre",
                Some("straße-œuvre"),
                Some("strasse-oeuvre"),
            ),
            ("GPT-4o: 停服之后", Some("gpt-4o-停服之后"), Some("gpt-4o")),
            ("？！…", None, None),
            ("  ", None, None),
            ("C++ / Rust", Some("c-rust"), Some("c-rust")),
        ];
        for (title, keep, ascii) in cases {
            assert_eq!(
                title_slug(title, SlugStyle::Keep).as_deref(),
                *keep,
                "keep {title:?}"
            );
            assert_eq!(
                title_slug(title, SlugStyle::Ascii).as_deref(),
                *ascii,
                "ascii {title:?}"
            );
        }
    }

    #[test]
    fn long_titles_are_cut_at_a_word() {
        let title =
            "a very long title that goes on and on about nothing in particular at all, really";
        let slug = title_slug(title, SlugStyle::Keep).unwrap_or_default();
        assert_eq!(
            slug,
            "a-very-long-title-that-goes-on-and-on-about-nothing-in"
        );
        let chinese = "长".repeat(100);
        let slug = title_slug(&chinese, SlugStyle::Keep).unwrap_or_default();
        assert_eq!(slug.chars().count(), MAX_CHARS);
        assert!(folio_core::paths::validate_slug(&slug).is_ok());
    }
}
