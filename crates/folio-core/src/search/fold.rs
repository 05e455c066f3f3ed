//! Character folding: what counts as "the same letter" for search.
//!
//! Applied to both the indexed text and the query, one character at a time, so `ＲＵＳＴ`,
//! `Rust` and `rust` are one word and `Café` finds `cafe`. Folding never joins or splits
//! words; it only maps each character to zero or more characters.
//!
//! - Full-width ASCII (`Ａ`–`ｚ`, `０`–`９`, `！`–`～`) becomes half-width, and the ideographic
//!   space a space, as in NFKC.
//! - Letters are lowercased with Unicode's full lowercase mapping.
//! - Accents are dropped from the Latin letters of Latin-1 and Latin Extended-A (`é` → `e`,
//!   `ł` → `l`), and combining accents (U+0300–U+036F, decomposed text) are dropped altogether.
//!   Other scripts are left alone: no Unicode normalization tables in the app.

/// Calls `emit` with the folded form of `c`: no character (a combining accent), one (almost
/// always), or several (`İ` lowercases to `i` and a combining dot, which is then dropped).
///
/// ```
/// use folio_core::search::fold::fold_char;
/// let fold = |c| { let mut s = String::new(); fold_char(c, |f| s.push(f)); s };
/// assert_eq!(fold('Ｒ'), "r");
/// assert_eq!(fold('１'), "1");
/// assert_eq!(fold('É'), "e");
/// assert_eq!(fold('\u{301}'), "");
/// assert_eq!(fold('编'), "编");
/// ```
pub fn fold_char(c: char, mut emit: impl FnMut(char)) {
    let c = half_width(c);
    if c.is_ascii() {
        emit(c.to_ascii_lowercase());
        return;
    }
    // CJK has no case and no accents; most characters of a Chinese post end here.
    if crate::cjk::is_cjk(c) {
        emit(c);
        return;
    }
    for lower in c.to_lowercase() {
        if is_combining_accent(lower) {
            continue;
        }
        strip_accent(lower, &mut emit);
    }
}

/// `text` folded as a whole (see [`fold_char`]).
///
/// ```
/// assert_eq!(folio_core::search::fold::fold("ＧＰＴ－４ｏ Crème"), "gpt-4o creme");
/// ```
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, |f| out.push(f));
    }
    out
}

/// Full-width ASCII variants and the ideographic space to their ASCII forms.
fn half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

fn is_combining_accent(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

/// Base letters of U+00E0–U+00FF (lowercase Latin-1; `÷` stays itself).
const LATIN1: &str = "aaaaaaaceeeeiiiidnooooo÷ouuuuyty";
/// Base letters of U+0100–U+017F (Latin Extended-A; upper- and lowercase alternate).
const LATIN_EXT_A: &str = concat!(
    "aaaaaa",
    "cccccccc",
    "dddd",
    "eeeeeeeeee",
    "gggggggg",
    "hhhh",
    "iiiiiiiiii",
    "ii",
    "jj",
    "kkk",
    "llllllllll",
    "nnnnnnnnn",
    "oooooooo",
    "rrrrrr",
    "ssssssss",
    "tttttt",
    "uuuuuuuuuuuu",
    "ww",
    "yyy",
    "zzzzzz",
    "s",
);

/// Emits the base letters of a lowercase Latin letter: ligatures and `ß` become two letters,
/// accented letters their base letter, anything else itself.
fn strip_accent(c: char, mut emit: impl FnMut(char)) {
    let pair = match c {
        'æ' => Some(('a', 'e')),
        'œ' => Some(('o', 'e')),
        'ĳ' => Some(('i', 'j')),
        'ß' => Some(('s', 's')),
        _ => None,
    };
    if let Some((first, second)) = pair {
        emit(first);
        emit(second);
        return;
    }
    let code = u32::from(c);
    let (table, start) = match code {
        0xE0..=0xFF => (LATIN1, 0xE0),
        0x100..=0x17F => (LATIN_EXT_A, 0x100),
        _ => return emit(c),
    };
    let base = usize::try_from(code - start)
        .ok()
        .and_then(|i| table.chars().nth(i))
        .unwrap_or(c);
    emit(base);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_cover_their_blocks_exactly() {
        assert_eq!(LATIN1.chars().count(), 0x20);
        assert_eq!(LATIN_EXT_A.chars().count(), 0x80);
    }

    #[test]
    fn folding_table() {
        let cases = [
            // (input, folded, what it shows)
            ("ＡＢＣ１２３", "abc123", "full-width letters and digits"),
            ("（ｈｉ）！", "(hi)!", "full-width punctuation"),
            ("a\u{3000}b", "a b", "ideographic space"),
            ("Straße", "strasse", "ß becomes two letters"),
            (
                "Ærøskøbing Œuvre",
                "aeroskobing oeuvre",
                "ligatures become two letters",
            ),
            ("Ĳssel Łódź", "ijssel lodz", "Latin Extended-A"),
            (
                "ÀÉÎÕÜÇÑŸ",
                "aeioucny",
                "uppercase accented letters lowercase, then fold",
            ),
            ("e\u{301}te\u{301}", "ete", "decomposed accents are dropped"),
            ("İstanbul", "istanbul", "dotted capital I"),
            ("ΣΟΦΊΑ", "σοφία", "other scripts only lowercase"),
            (
                "情人节，。ＧＰＴ",
                "情人节,。gpt",
                "CJK kept; the full-width comma is ASCII's",
            ),
            ("🎉", "🎉", "emoji untouched"),
        ];
        for (input, folded, what) in cases {
            assert_eq!(fold(input), folded, "{what}");
        }
    }

    #[test]
    fn every_latin1_and_extended_a_letter_folds_to_ascii_letters() {
        for code in 0xC0..=0x17F_u32 {
            let Some(c) = char::from_u32(code).filter(|c| !matches!(c, '×' | '÷')) else {
                continue;
            };
            let folded = fold(&c.to_string());
            assert!(
                !folded.is_empty() && folded.chars().all(|f| f.is_ascii_lowercase()),
                "{c} -> {folded}"
            );
        }
    }
}
