//! Character classes for CJK text: which characters are CJK, and how wide they display.
//!
//! Chinese, Japanese and Korean text has no spaces between words, so reading time counts its
//! characters rather than its words, and excerpts measure it in display columns (a Han character
//! is as wide as two Latin letters). A few range checks are enough here; no Unicode tables needed.

/// Whether `c` is a CJK character that reads as (part of) a word: Han ideographs, Hiragana,
/// Katakana or Hangul. CJK punctuation such as `，` or `“` is not.
///
/// ```
/// assert!(folio_core::cjk::is_cjk('情'));
/// assert!(folio_core::cjk::is_cjk('か'));
/// assert!(!folio_core::cjk::is_cjk('，'));
/// assert!(!folio_core::cjk::is_cjk('a'));
/// ```
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{11FF}'     // Hangul Jamo
        | '\u{3041}'..='\u{309F}'   // Hiragana
        | '\u{30A0}'..='\u{30FF}'   // Katakana
        | '\u{3130}'..='\u{318F}'   // Hangul Compatibility Jamo
        | '\u{31F0}'..='\u{31FF}'   // Katakana Phonetic Extensions
        | '\u{3400}'..='\u{4DBF}'   // CJK Extension A
        | '\u{4E00}'..='\u{9FFF}'   // CJK Unified Ideographs
        | '\u{A960}'..='\u{A97F}'   // Hangul Jamo Extended-A
        | '\u{AC00}'..='\u{D7AF}'   // Hangul Syllables
        | '\u{F900}'..='\u{FAFF}'   // CJK Compatibility Ideographs
        | '\u{FF66}'..='\u{FF9F}'   // Halfwidth Katakana
        | '\u{20000}'..='\u{3134F}' // CJK Extensions B to G
    ) && c != '\u{30FB}' // Katakana middle dot is punctuation
}

/// Whether `c` takes two columns in a monospace display: East Asian wide and fullwidth
/// characters (CJK, fullwidth forms, CJK punctuation) and the common emoji blocks.
pub fn is_wide(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{115F}'
        | '\u{2E80}'..='\u{303E}'
        | '\u{3041}'..='\u{33FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{A000}'..='\u{A4CF}'
        | '\u{AC00}'..='\u{D7A3}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FF60}'
        | '\u{FFE0}'..='\u{FFE6}'
        | '\u{1F300}'..='\u{1F64F}'
        | '\u{1F900}'..='\u{1F9FF}'
        | '\u{20000}'..='\u{2FFFD}'
        | '\u{30000}'..='\u{3FFFD}'
    )
}

/// Display columns of `c`: 2 for wide characters, 1 for the rest.
pub fn char_width(c: char) -> usize {
    if is_wide(c) { 2 } else { 1 }
}

/// Display columns of `text`, counting wide characters as 2.
///
/// ```
/// assert_eq!(folio_core::cjk::display_width("GPT-4o停服"), 10);
/// ```
pub fn display_width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_letters_are_cjk_and_punctuation_is_not() {
        for c in ['赛', '博', 'ひ', 'カ', '한', '𠀋', 'ｶ'] {
            assert!(is_cjk(c), "{c}");
        }
        for c in ['，', '。', '“', '：', '・', 'a', '1', 'é', ' '] {
            assert!(!is_cjk(c), "{c}");
        }
    }

    #[test]
    fn wide_characters_take_two_columns() {
        assert_eq!(display_width(""), 0);
        assert_eq!(display_width("abc"), 3);
        assert_eq!(display_width("情人节"), 6);
        // Curly quotes are East Asian "ambiguous": one column outside CJK locales.
        assert_eq!(display_width("“书店”："), 8);
        assert_eq!(display_width("Ａ"), 2);
    }
}
