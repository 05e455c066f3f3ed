//! Splitting text into what search matches on: Latin (and other spaced) words, and CJK
//! characters.
//!
//! The text is folded first ([`super::fold`]). Then:
//!
//! - a run of letters and digits of any script except CJK is a [`Unit::Word`] (`gpt`, `4o`,
//!   `2026`, `café` → `cafe`), cut to [`MAX_WORD_CHARS`];
//! - each CJK character (Han, kana, Hangul; see [`crate::cjk::is_cjk`]) is a [`Unit::Cjk`] of its
//!   own, marked `joined` when it directly follows another CJK character, since Chinese and
//!   Japanese have no spaces to find words by;
//! - everything else separates: spaces, punctuation (ASCII, full-width and CJK `，。「」`),
//!   symbols and emoji.
//!
//! Every token keeps the byte range of the original text it came from, so a snippet can mark
//! exactly the characters that matched.

use std::ops::Range;

use super::fold::fold_char;
use crate::cjk::is_cjk;

/// Longest word kept, in characters; longer runs (hashes, base64, URLs without punctuation)
/// keep their start only, the same way in the index and in a query.
pub const MAX_WORD_CHARS: usize = 40;

/// What a token is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unit {
    /// A folded word of a spaced script, digits included.
    Word(String),
    /// One folded CJK character.
    Cjk {
        /// The character.
        ch: char,
        /// It directly follows another CJK character (no space or punctuation in between).
        joined: bool,
    },
}

/// A unit and the bytes of the original text it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The word or character.
    pub unit: Unit,
    /// Byte range in the text given to [`tokenize`].
    pub span: Range<usize>,
}

/// Splits `text` into tokens, in order.
///
/// ```
/// use folio_core::search::tokenize::{tokenize, Unit};
/// let units: Vec<Unit> = tokenize("Rust 编译，ＯＫ").into_iter().map(|t| t.unit).collect();
/// assert_eq!(units, [
///     Unit::Word("rust".into()),
///     Unit::Cjk { ch: '编', joined: false },
///     Unit::Cjk { ch: '译', joined: true },
///     Unit::Word("ok".into()),
/// ]);
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    scan(text, |token| tokens.push(token));
    tokens
}

/// [`tokenize`], handing each token to `on_token` as it is found.
fn scan(text: &str, mut on_token: impl FnMut(Token)) {
    let mut word: Option<(String, usize, Range<usize>)> = None;
    let mut in_cjk_run = false;
    for (start, c) in text.char_indices() {
        let span = start..start + c.len_utf8();
        fold_char(c, |f| {
            if is_cjk(f) {
                finish_word(&mut word, &mut on_token);
                on_token(Token {
                    unit: Unit::Cjk {
                        ch: f,
                        joined: in_cjk_run,
                    },
                    span: span.clone(),
                });
                in_cjk_run = true;
            } else if f.is_alphanumeric() {
                in_cjk_run = false;
                let (text, chars, range) =
                    word.get_or_insert_with(|| (String::new(), 0, span.clone()));
                if *chars < MAX_WORD_CHARS {
                    text.push(f);
                    *chars += 1;
                }
                range.end = span.end;
            } else {
                in_cjk_run = false;
                finish_word(&mut word, &mut on_token);
            }
        });
    }
    finish_word(&mut word, &mut on_token);
}

fn finish_word(word: &mut Option<(String, usize, Range<usize>)>, on_token: &mut impl FnMut(Token)) {
    if let Some((text, _, span)) = word.take() {
        on_token(Token {
            unit: Unit::Word(text),
            span,
        });
    }
}

/// Calls `emit` with every index term of `text`: each word, each CJK character, and each pair
/// of adjacent CJK characters (see [`super`] for why both).
///
/// ```
/// let mut terms = Vec::new();
/// folio_core::search::tokenize::for_each_term("读书 Club", |t| terms.push(t.to_owned()));
/// assert_eq!(terms, ["读", "读书", "书", "club"]);
/// ```
pub fn for_each_term(text: &str, mut emit: impl FnMut(&str)) {
    let mut previous: Option<char> = None;
    let mut buffer = [0_u8; 8];
    scan(text, |token| match token.unit {
        Unit::Word(word) => {
            previous = None;
            emit(&word);
        }
        Unit::Cjk { ch, joined } => {
            if joined && let Some(first) = previous {
                let len = first.encode_utf8(&mut buffer).len();
                let len = len + ch.encode_utf8(&mut buffer[len..]).len();
                if let Ok(pair) = std::str::from_utf8(&buffer[..len]) {
                    emit(pair);
                }
            }
            emit(ch.encode_utf8(&mut buffer));
            previous = Some(ch);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tokens written compactly: words as themselves, a CJK character as itself, a `+` before a
    /// joined one.
    fn compact(text: &str) -> Vec<String> {
        tokenize(text)
            .into_iter()
            .map(|token| match token.unit {
                Unit::Word(word) => word,
                Unit::Cjk { ch, joined: true } => format!("+{ch}"),
                Unit::Cjk { ch, joined: false } => ch.to_string(),
            })
            .collect()
    }

    #[test]
    fn tokenizer_table() {
        let cases: &[(&str, &[&str], &str)] = &[
            ("", &[], "empty"),
            ("  \n\t ", &[], "only whitespace"),
            ("Static hosting", &["static", "hosting"], "words lowercase"),
            ("读书会", &["读", "+书", "+会"], "a CJK run joins"),
            (
                "读书，会",
                &["读", "+书", "会"],
                "CJK punctuation breaks the run",
            ),
            (
                "「书店」。",
                &["书", "+店"],
                "corner brackets and full stop",
            ),
            (
                "Rust编译器",
                &["rust", "编", "+译", "+器"],
                "script change splits",
            ),
            (
                "编译Rust代码",
                &["编", "+译", "rust", "代", "+码"],
                "Latin inside CJK",
            ),
            ("ＡＢＣ１２３", &["abc123"], "full-width folds to one word"),
            (
                "ＧＰＴ－４ｏ",
                &["gpt", "4o"],
                "full-width hyphen separates",
            ),
            (
                "GPT-4o停服",
                &["gpt", "4o", "停", "+服"],
                "digits stay in words",
            ),
            (
                "2026年2月",
                &["2026", "年", "2", "月"],
                "numbers split CJK runs",
            ),
            ("0.23秒", &["0", "23", "秒"], "decimal point separates"),
            ("don't stop", &["don", "t", "stop"], "apostrophe separates"),
            ("snake_case", &["snake", "case"], "underscore separates"),
            ("Crème brûlée", &["creme", "brulee"], "accents fold"),
            ("I ❤️ 🦀 Rust", &["i", "rust"], "emoji separate and vanish"),
            ("🎉庆祝🎉", &["庆", "+祝"], "emoji around CJK"),
            (
                "ひらがなとカタカナ",
                &["ひ", "+ら", "+が", "+な", "+と", "+カ", "+タ", "+カ", "+ナ"],
                "kana",
            ),
            (
                "한국어 검색",
                &["한", "+국", "+어", "검", "+색"],
                "Hangul runs split at spaces",
            ),
            (
                "ΣΟΦΊΑ σοφία",
                &["σοφία", "σοφία"],
                "Greek lowercases and keeps its accents",
            ),
        ];
        for (text, expected, what) in cases {
            assert_eq!(compact(text), *expected, "{what}: {text:?}");
        }
    }

    #[test]
    fn spans_point_at_the_original_text() {
        let text = "Ｒｕｓｔ 与 Café";
        let tokens = tokenize(text);
        let spans: Vec<&str> = tokens.iter().map(|t| &text[t.span.clone()]).collect();
        assert_eq!(spans, ["Ｒｕｓｔ", "与", "Café"]);
    }

    #[test]
    fn long_words_keep_their_start_but_span_the_whole_run() {
        let long = "a".repeat(100);
        let tokens = tokenize(&long);
        assert_eq!(tokens.len(), 1);
        assert_eq!(tokens[0].unit, Unit::Word("a".repeat(MAX_WORD_CHARS)));
        assert_eq!(tokens[0].span, 0..100);
    }

    #[test]
    fn terms_are_words_characters_and_pairs() {
        let cases: &[(&str, &[&str])] = &[
            ("书", &["书"]),
            ("书店", &["书", "书店", "店"]),
            (
                "雨夜书店",
                &["雨", "雨夜", "夜", "夜书", "书", "书店", "店"],
            ),
            ("书，店", &["书", "店"]),
            ("Rust 编译", &["rust", "编", "编译", "译"]),
            ("𠀋𠀋", &["𠀋", "𠀋𠀋", "𠀋"]),
        ];
        for (text, expected) in cases {
            let mut terms = Vec::new();
            for_each_term(text, |term| terms.push(term.to_owned()));
            assert_eq!(terms, *expected, "{text}");
        }
    }
}
