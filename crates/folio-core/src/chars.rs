//! Characters no file Folio writes may hold, and the one rule that takes them out.
//!
//! XML 1.0 forbids the C0 control characters other than tab, line feed and carriage return, and
//! U+FFFE and U+FFFF: a feed holding one is not XML, and a feed reader drops the whole feed. HTML
//! calls those, DEL, the C1 controls and every noncharacter parse errors. A post can hold any of
//! them (ANSI colour codes pasted from a terminal, a form feed from old source code, a stray
//! `\x01` in a title), so Folio reads a post as if each were written as U+FFFD, or as a space
//! when it is whitespace ([`clean`]), and every XML and HTML file goes through [`clean`] again as
//! it is written, for text that arrived another way (a YAML `"\x01"` escape, `site.toml`).
//!
//! Nothing is ever dropped: taking a character out could join what it separated
//! (`java\x01script:` would become a scheme the sanitizer never saw).

use std::borrow::Cow;

/// What replaces a forbidden character that is not whitespace.
pub const REPLACEMENT: char = '\u{FFFD}';

/// Whether `c` may not appear in XML 1.0 or in HTML text: C0 controls except tab, line feed and
/// carriage return; DEL and the C1 controls; noncharacters (U+FDD0 to U+FDEF, and the last two
/// code points of every plane, U+FFFE and U+FFFF among them).
///
/// ```
/// use folio_core::chars::is_forbidden;
/// assert!(is_forbidden('\x1b') && is_forbidden('\x0c') && is_forbidden('\u{FFFE}'));
/// assert!(!is_forbidden('\t') && !is_forbidden('\n') && !is_forbidden('中'));
/// ```
pub fn is_forbidden(c: char) -> bool {
    matches!(
        c,
        '\0'..='\x08' | '\x0b' | '\x0c' | '\x0e'..='\x1f' | '\x7f'..='\u{9f}' | '\u{fdd0}'..='\u{fdef}'
    ) || u32::from(c) & 0xFFFE == 0xFFFE
}

/// What a forbidden character becomes: a space when it separates words (form feed, vertical tab,
/// next line), else U+FFFD.
pub fn replacement(c: char) -> char {
    if c.is_whitespace() { ' ' } else { REPLACEMENT }
}

/// `text` with every [forbidden](is_forbidden) character replaced (see [`replacement`]);
/// borrowed, and found by a byte scan, when there is none.
///
/// ```
/// use folio_core::chars::clean;
/// assert_eq!(clean("\x1b[31mred\x1b[0m"), "\u{FFFD}[31mred\u{FFFD}[0m");
/// assert_eq!(clean("page\x0cbreak \u{FFFF}"), "page break \u{FFFD}");
/// assert!(matches!(clean("春分，昼夜平分\n"), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn clean(text: &str) -> Cow<'_, str> {
    let Some(first) = first_forbidden(text) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str(&text[..first]);
    out.extend(
        text[first..]
            .chars()
            .map(|c| if is_forbidden(c) { replacement(c) } else { c }),
    );
    Cow::Owned(out)
}

/// [`clean`] for an owned string: the same string when there is nothing to replace.
pub fn clean_owned(text: String) -> String {
    match clean(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(cleaned) => cleaned,
    }
}

/// Byte offset of the first forbidden character in `text`.
///
/// Reads UTF-8 bytes rather than decoding characters, eight at a time: most text is ASCII and
/// CJK, which this passes over a word at a time. Only lead bytes that can start a forbidden character
/// (`C2` for the C1 controls, `EF` for U+FDD0–U+FDEF and U+FFFE–U+FFFF, `F0`–`F4` for the other
/// planes' last two code points) need a look at what follows.
pub fn first_forbidden(text: &str) -> Option<usize> {
    // Eight bytes at a time, as one `u64` (wasm has no vector instructions by default): most
    // words hold no byte that could start a forbidden character, and in the others only those
    // bytes are looked at. A forbidden character always starts with such a byte (continuation
    // bytes never do), so a word passed over hides none, even one a character runs past.
    let bytes = text.as_bytes();
    crate::bytes::find_at(bytes, starts_in, |i| forbidden_at(bytes, i))
}

/// The high bit of each byte of `word` (little-endian) that is a forbidden character or may
/// start one: below `0x20` (C0 controls; tab and line ends too, which [`forbidden_at`] then
/// lets pass), DEL, or the lead bytes `C2`, `EF` and `F0`–`F4`. The bit tricks may also mark a
/// byte just above a marked one, never miss one.
fn starts_in(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    use crate::bytes::equal;
    // Bytes of `x` below `n` (`n` at most 0x80).
    let below = |x: u64, n: u64| x.wrapping_sub(ONES * n) & !x & HIGH;
    below(word, 0x20)
        | equal(word, 0x7F)
        | equal(word, 0xC2)
        | equal(word, 0xEF)
        | equal(word & (ONES * 0xF0), 0xF0)
}

/// Whether a forbidden character starts at byte `i`.
fn forbidden_at(bytes: &[u8], i: usize) -> bool {
    let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
    match bytes[i] {
        b'\t' | b'\n' | b'\r' => false,
        0x00..=0x1F | 0x7F => true,
        // U+0080..=U+009F.
        0xC2 => at(i + 1) <= 0x9F,
        // U+FDD0..=U+FDEF, U+FFFE, U+FFFF.
        0xEF => match at(i + 1) {
            0xB7 => (0x90..=0xAF).contains(&at(i + 2)),
            0xBF => at(i + 2) >= 0xBE,
            _ => false,
        },
        // U+nFFFE and U+nFFFF: the low 16 bits are all ones but the last.
        0xF0..=0xF4 => at(i + 1) & 0x0F == 0x0F && at(i + 2) == 0xBF && at(i + 3) >= 0xBE,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_scan_finds_exactly_the_forbidden_characters() {
        // Every code point, alone and after text of each UTF-8 length, at every offset in an
        // eight-byte word and after bytes the word test stops at (a line end, fullwidth
        // punctuation, `EF …`), against the definition.
        let mut text = String::new();
        for c in (0..=0x10_FFFF_u32).filter_map(char::from_u32) {
            let want = is_forbidden(c);
            for prefix in [
                "",
                "a",
                "é",
                "中",
                "😀",
                "\n",
                "，",
                "abcdefg",
                "中文，\n",
                "ab\u{feff}",
            ] {
                text.clear();
                text.push_str(prefix);
                text.push(c);
                text.push('z');
                let found = first_forbidden(&text);
                let code = u32::from(c);
                assert_eq!(
                    found,
                    want.then_some(prefix.len()),
                    "U+{code:04X} after {prefix:?}"
                );
            }
        }
    }

    #[test]
    fn the_forbidden_set_is_what_xml_and_html_refuse() {
        let forbidden = [
            '\0',
            '\x01',
            '\x08',
            '\x0b',
            '\x0c',
            '\x0e',
            '\x1b',
            '\x1f',
            '\x7f',
            '\u{80}',
            '\u{85}',
            '\u{9f}',
            '\u{fdd0}',
            '\u{fdef}',
            '\u{fffe}',
            '\u{ffff}',
            '\u{1fffe}',
            '\u{10ffff}',
        ];
        let allowed = [
            '\t',
            '\n',
            '\r',
            ' ',
            '~',
            '\u{a0}',
            '\u{fdcf}',
            '\u{fdf0}',
            '\u{fffd}',
            '\u{ff0c}',
            '\u{1fffd}',
            '\u{10000}',
            '\u{10fffd}',
        ];
        for c in forbidden {
            assert!(is_forbidden(c), "U+{:04X}", u32::from(c));
        }
        for c in allowed {
            assert!(!is_forbidden(c), "U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn whitespace_becomes_a_space_and_the_rest_a_replacement_character() {
        assert_eq!(
            clean("a\x0bb\x0cc\u{85}d\x01e\u{fffe}f"),
            "a b c d\u{fffd}e\u{fffd}f"
        );
        assert_eq!(clean("tab\tlf\ncr\r"), "tab\tlf\ncr\r");
        assert_eq!(
            clean_owned("java\x01script:".to_owned()),
            "java\u{fffd}script:",
            "nothing is dropped, so nothing joins"
        );
        let text = String::from("clean 中文");
        let pointer = text.as_ptr();
        let kept = clean_owned(text);
        assert_eq!(kept.as_ptr(), pointer, "clean text is not copied");
    }
}
