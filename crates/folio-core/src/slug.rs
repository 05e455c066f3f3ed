//! Heading ids and tag slugs: short, readable, URL-friendly names made from text in any script.
//!
//! Ids keep letters and digits of every script (so Chinese headings get Chinese ids, which
//! browsers show as such in the address bar) and drop punctuation, ASCII or CJK.

use std::collections::{HashMap, HashSet};

/// The `id` for a heading with the given plain text.
///
/// Lowercases; keeps letters, digits (any script, with their combining marks), `-` and `_`;
/// turns whitespace into `-`; drops punctuation and symbols, CJK ones included; collapses and
/// trims `-`. Text with nothing left becomes `section`.
///
/// ```
/// use folio_core::heading_id;
/// assert_eq!(heading_id("Hello, World!"), "hello-world");
/// assert_eq!(heading_id("一、书架上的时间：旧书，和旧的我们"), "一书架上的时间旧书和旧的我们");
/// assert_eq!(heading_id("GPT-4o 停服"), "gpt-4o-停服");
/// assert_eq!(heading_id("？！"), "section");
/// ```
pub fn heading_id(text: &str) -> String {
    let mut id = slugify(text);
    if id.is_empty() {
        id.push_str("section");
    }
    id
}

/// [`heading_id`] without the fallback: empty when `text` has no letters or digits.
pub(crate) fn slugify(text: &str) -> String {
    let mut id = String::with_capacity(text.len());
    for c in text.chars() {
        // CJK ideographs, most of a Chinese heading, are letters without case: kept as they
        // are, without the two Unicode table lookups below (about 4 % of the seed post's render
        // in the app's wasm).
        if is_cjk_ideograph(c) {
            id.push(c);
        } else if c.is_whitespace() || c == '-' {
            push_dash(&mut id);
        } else if c == '_' || c.is_alphanumeric() || is_combining_mark(c) {
            id.extend(c.to_lowercase());
        }
    }
    if id.ends_with('-') {
        id.pop();
    }
    id
}

/// The CJK Unified Ideographs block, every code point of which is a letter with no case.
fn is_cjk_ideograph(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// The longest tag slug, in bytes: well inside the 255 bytes file systems allow a folder name
/// (`tags/<slug>/`), about 40 CJK characters.
pub const MAX_TAG_SLUG_BYTES: usize = 120;

/// Names in `tags/` that Folio writes itself, so no tag's folder may have them.
const RESERVED_TAG_SLUGS: &[&str] = &["index.html"];

/// The URL slug for a tag, as used in `/tags/<slug>/`.
///
/// Lowercases; turns whitespace and `/ \ ? # % &` into `-`; collapses and trims `-`; keeps
/// everything else (CJK, `+`, `.`), so `C++` and `c` stay apart. Control characters are dropped.
/// A tag with nothing left, or only dots (which would climb folders), becomes `tag`. A slug longer
/// than [`MAX_TAG_SLUG_BYTES`], or one of Folio's own file names (`index.html`), is cut and
/// given a short hash of the whole, so it stays a valid folder name and apart from other tags
/// (the tag's full text is still what pages show).
///
/// ```
/// use folio_core::tag_slug;
/// assert_eq!(tag_slug("Rust / WebAssembly"), "rust-webassembly");
/// assert_eq!(tag_slug("情感陪伴"), "情感陪伴");
/// assert_eq!(tag_slug("C++"), "c++");
/// assert_eq!(tag_slug(".."), "tag");
/// assert_eq!(tag_slug("index.html"), "index.html-efe35522");
/// ```
pub fn tag_slug(tag: &str) -> String {
    let mut slug = whole_tag_slug(tag);
    if needs_shortening(&slug) {
        let hash = format!("-{:08x}", fnv1a(slug.as_bytes()));
        let mut keep = slug.len().min(MAX_TAG_SLUG_BYTES - hash.len());
        while !slug.is_char_boundary(keep) {
            keep -= 1;
        }
        slug.truncate(keep);
        slug.push_str(&hash);
    }
    slug
}

/// Whether [`tag_slug`] had to cut `tag`'s slug and add a hash (too long, or a name Folio
/// writes), so the writer can be told that the page is not named after the whole tag.
///
/// ```
/// assert!(folio_core::slug::tag_slug_is_shortened("index.html"));
/// assert!(!folio_core::slug::tag_slug_is_shortened("情感陪伴"));
/// ```
pub fn tag_slug_is_shortened(tag: &str) -> bool {
    needs_shortening(&whole_tag_slug(tag))
}

fn needs_shortening(slug: &str) -> bool {
    slug.len() > MAX_TAG_SLUG_BYTES || RESERVED_TAG_SLUGS.contains(&slug)
}

/// [`tag_slug`] before it is fitted to a folder name.
fn whole_tag_slug(tag: &str) -> String {
    let mut slug = String::with_capacity(tag.len());
    for c in tag.chars() {
        if c.is_whitespace() || matches!(c, '/' | '\\' | '?' | '#' | '%' | '&' | '-') {
            push_dash(&mut slug);
        } else if !c.is_control() {
            slug.extend(c.to_lowercase());
        }
    }
    if slug.ends_with('-') {
        slug.pop();
    }
    if slug.chars().all(|c| c == '.') {
        slug = "tag".to_owned();
    }
    slug
}

/// 32-bit FNV-1a: a short, stable hash for names (not for security).
fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |hash, &byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    })
}

/// Pushes a `-` unless the text is empty or already ends with one (collapsing runs).
fn push_dash(s: &mut String) {
    if !s.is_empty() && !s.ends_with('-') {
        s.push('-');
    }
}

/// Combining marks that `char::is_alphanumeric` misses (viramas, tone marks, diacritics):
/// dropping them would mangle words in Hindi, Thai, Hebrew, Arabic and decomposed Latin.
fn is_combining_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'     // combining diacritics
        | '\u{0483}'..='\u{0489}'   // Cyrillic
        | '\u{0591}'..='\u{05BD}' | '\u{05BF}' | '\u{05C1}'..='\u{05C2}' | '\u{05C4}'..='\u{05C5}' | '\u{05C7}'
        | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}'
        | '\u{0900}'..='\u{0963}' | '\u{0966}'..='\u{0DFF}' // Indic, without the dandas
        | '\u{0E31}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}' // Thai
        | '\u{0EB1}'..='\u{0EBC}' | '\u{0EC8}'..='\u{0ECE}' // Lao
        | '\u{102B}'..='\u{103E}' | '\u{1056}'..='\u{1059}' // Myanmar
        | '\u{17B4}'..='\u{17D3}'   // Khmer
        | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20F0}'
        | '\u{3099}'..='\u{309A}'   // combining kana voicing marks
        | '\u{FE20}'..='\u{FE2F}'
    ) && !c.is_whitespace()
}

/// Hands out unique ids within one post: the first `intro` stays `intro`, later ones become
/// `intro-1`, `intro-2`, … skipping any id already taken (even by an explicit `{#intro-1}`).
///
/// ```
/// use folio_core::slug::IdMap;
/// let mut ids = IdMap::default();
/// assert_eq!(ids.unique("intro"), "intro");
/// assert_eq!(ids.unique("intro"), "intro-1");
/// assert_eq!(ids.unique("intro-1"), "intro-1-1");
/// assert_eq!(ids.unique("intro"), "intro-2");
/// ```
#[derive(Debug, Default, Clone)]
pub struct IdMap {
    taken: HashSet<String>,
    next_suffix: HashMap<String, usize>,
}

impl IdMap {
    /// Returns `id` if it is still free, else the first free `id-N`, and marks it taken.
    pub fn unique(&mut self, id: &str) -> String {
        if self.taken.insert(id.to_owned()) {
            return id.to_owned();
        }
        let next = self.next_suffix.entry(id.to_owned()).or_insert(1);
        loop {
            let candidate = format!("{id}-{next}");
            *next += 1;
            if self.taken.insert(candidate.clone()) {
                return candidate;
            }
        }
    }

    /// Whether `id` has been handed out.
    pub fn contains(&self, id: &str) -> bool {
        self.taken.contains(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ideograph_shortcut_keeps_what_the_unicode_tables_would() {
        for c in '\u{4E00}'..='\u{9FFF}' {
            assert!(is_cjk_ideograph(c));
            assert!(c.is_alphanumeric() && !c.is_whitespace(), "{c:?}");
            assert!(c.to_lowercase().eq([c]), "{c:?}");
        }
        assert!(!is_cjk_ideograph('\u{4DFF}') && !is_cjk_ideograph('\u{A000}'));
        assert_eq!(slugify("中文 标题：第二节"), "中文-标题第二节");
    }

    #[test]
    fn heading_ids_keep_letters_of_every_script() {
        let cases = [
            ("Hello World", "hello-world"),
            ("  Leading and trailing  ", "leading-and-trailing"),
            ("Many   spaces\tand\ttabs", "many-spaces-and-tabs"),
            ("snake_case and kebab-case", "snake_case-and-kebab-case"),
            ("a - b -- c", "a-b-c"),
            ("What's new in v2.0?", "whats-new-in-v20"),
            ("C++ & Rust: a <comparison>", "c-rust-a-comparison"),
            ("Ünïcödé Straße", "ünïcödé-straße"),
            ("ΑΒΓ Ελληνικά", "αβγ-ελληνικά"),
            ("Привет, мир", "привет-мир"),
            (
                "一、书架上的时间：旧书，和旧的我们",
                "一书架上的时间旧书和旧的我们",
            ),
            (
                "雨夜里的\"旧书店\"：WASM-2o时代的慢阅读",
                "雨夜里的旧书店wasm-2o时代的慢阅读",
            ),
            ("转场：从“店主”到“读者”", "转场从店主到读者"),
            ("长考：我们该如何告别一家“店”？", "长考我们该如何告别一家店"),
            ("（括号）、顿号。句号", "括号顿号句号"),
            ("日本語の見出し", "日本語の見出し"),
            ("한국어 제목", "한국어-제목"),
            ("हिन्दी शीर्षक", "हिन्दी-शीर्षक"),
            ("ภาษาไทย น้ำ", "ภาษาไทย-น้ำ"),
            ("Rust 与 WebAssembly 入门", "rust-与-webassembly-入门"),
            ("Emoji 🎉 party", "emoji-party"),
            ("1. Introduction", "1-introduction"),
            ("---", "section"),
            ("", "section"),
            ("“”‘’", "section"),
        ];
        for (text, want) in cases {
            assert_eq!(heading_id(text), want, "{text:?}");
        }
    }

    #[test]
    fn tag_slugs_keep_what_urls_can_carry() {
        let cases = [
            ("Rust", "rust"),
            ("GPT-4o", "gpt-4o"),
            ("情感陪伴", "情感陪伴"),
            ("社会 观察", "社会-观察"),
            ("a/b\\c?d#e%f&g", "a-b-c-d-e-f-g"),
            ("  spaced   out  ", "spaced-out"),
            ("C#", "c"),
            ("C++", "c++"),
            (".NET", ".net"),
            ("Node.js", "node.js"),
            ("AI/ML", "ai-ml"),
            ("x\u{0}y", "xy"),
            ("///", "tag"),
            ("..", "tag"),
            (".", "tag"),
            ("", "tag"),
        ];
        for (tag, want) in cases {
            assert_eq!(tag_slug(tag), want, "{tag:?}");
        }
    }

    #[test]
    fn tag_slugs_fit_a_folder_name_and_never_take_folios_own() {
        // 100 CJK characters: 300 bytes, more than a file name may have.
        let long = "情".repeat(100);
        let slug = tag_slug(&long);
        assert!(slug.len() <= MAX_TAG_SLUG_BYTES, "{}", slug.len());
        assert!(slug.starts_with(&"情".repeat(30)), "{slug}");
        // Two long tags that share their first 120 bytes still get pages of their own.
        assert_ne!(
            tag_slug(&format!("{long}甲")),
            tag_slug(&format!("{long}乙"))
        );
        assert_eq!(tag_slug(&long), slug, "stable");
        let latin = "x".repeat(500);
        assert_eq!(tag_slug(&latin).len(), MAX_TAG_SLUG_BYTES);
        for reserved in ["index.html", "INDEX.HTML"] {
            let slug = tag_slug(reserved);
            assert!(slug.starts_with("index.html-"), "{slug}");
            assert_ne!(slug, "index.html");
        }
    }

    #[test]
    fn id_map_suffixes_duplicates_in_order() {
        let mut ids = IdMap::default();
        let got: Vec<String> = ["intro", "intro", "intro", "概述", "概述"]
            .into_iter()
            .map(|id| ids.unique(id))
            .collect();
        assert_eq!(got, ["intro", "intro-1", "intro-2", "概述", "概述-1"]);
        assert!(ids.contains("intro-2"));
        assert!(!ids.contains("intro-3"));
    }

    #[test]
    fn id_map_skips_ids_taken_explicitly() {
        let mut ids = IdMap::default();
        assert_eq!(ids.unique("a-1"), "a-1");
        assert_eq!(ids.unique("a"), "a");
        assert_eq!(ids.unique("a"), "a-2");
    }
}
