//! Reading time: CJK characters and Latin words counted apart, since CJK text has no spaces.
//!
//! Rates: 400 CJK characters or 230 words a minute, the usual figures for adult silent reading
//! of Chinese and English prose.

use serde::{Deserialize, Serialize};

use crate::cjk::is_cjk;

const CJK_PER_MINUTE: f64 = 400.0;
const WORDS_PER_MINUTE: f64 = 230.0;

/// How long a post takes to read, and what that estimate is made of.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadingTime {
    /// `ceil(cjk_chars / 400 + words / 230)`, at least 1.
    pub minutes: u32,
    /// Han, Hiragana, Katakana and Hangul characters.
    pub cjk_chars: u32,
    /// Runs of letters and digits outside CJK (`GPT-4o` is two words, `2026年` one word).
    pub words: u32,
}

impl ReadingTime {
    /// Counts `text` in one go.
    ///
    /// ```
    /// use folio_core::ReadingTime;
    /// let t = ReadingTime::of("我关掉了手机屏幕。Not because of romance.");
    /// assert_eq!((t.cjk_chars, t.words, t.minutes), (8, 4, 1));
    /// ```
    pub fn of(text: &str) -> Self {
        let mut counter = ReadingCounter::default();
        counter.feed(text);
        counter.finish()
    }
}

/// Counts text fed in pieces, as the renderer meets it. A word may continue across pieces
/// (`foo` + `bar` from `foo&#98;ar`); call [`ReadingCounter::word_break`] between blocks.
#[derive(Debug, Clone, Default)]
pub struct ReadingCounter {
    cjk_chars: u32,
    words: u32,
    in_word: bool,
}

impl ReadingCounter {
    /// Counts another piece of text.
    pub fn feed(&mut self, text: &str) {
        for c in text.chars() {
            match classify(c) {
                Class::Cjk => {
                    self.cjk_chars = self.cjk_chars.saturating_add(1);
                    self.in_word = false;
                }
                Class::Word => {
                    if !self.in_word {
                        self.words = self.words.saturating_add(1);
                        self.in_word = true;
                    }
                }
                Class::Other => self.in_word = false,
            }
        }
    }

    /// Ends the current word, if any: the next letter starts a new one.
    pub fn word_break(&mut self) {
        self.in_word = false;
    }

    /// The estimate for everything fed so far.
    pub fn finish(&self) -> ReadingTime {
        let minutes =
            f64::from(self.cjk_chars) / CJK_PER_MINUTE + f64::from(self.words) / WORDS_PER_MINUTE;
        // A float in [0, 2^32 / 230]: the cast cannot truncate meaningfully.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let minutes = minutes.ceil() as u32;
        ReadingTime {
            minutes: minutes.max(1),
            cjk_chars: self.cjk_chars,
            words: self.words,
        }
    }
}

enum Class {
    Cjk,
    Word,
    Other,
}

/// Sorts a character for counting. ASCII and the punctuation blocks of CJK text are decided by
/// range checks; only other scripts need the Unicode tables behind `is_alphanumeric`.
fn classify(c: char) -> Class {
    if c.is_ascii() {
        return if c.is_ascii_alphanumeric() {
            Class::Word
        } else {
            Class::Other
        };
    }
    if is_cjk(c) {
        return Class::Cjk;
    }
    let punctuation = matches!(c,
        '\u{2000}'..='\u{206F}'   // General Punctuation: “ ” — …
        | '\u{3000}'..='\u{303F}' // CJK Symbols and Punctuation: 、。「」
        | '\u{FF00}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' | '\u{FF3B}'..='\u{FF40}'
        | '\u{FF5B}'..='\u{FF65}' // fullwidth ，：？！（）
    );
    if !punctuation && c.is_alphanumeric() {
        Class::Word
    } else {
        Class::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_cjk_characters_and_latin_words_apart() {
        let cases = [
            ("", 0, 0, 1),
            ("   \n\t", 0, 0, 1),
            ("Hello, world!", 0, 2, 1),
            ("don't stop-me now", 0, 5, 1),
            ("我读了80本“旧书店”里的书，但只记得一本。", 16, 1, 1),
            ("WASM出生于2017年3月7日", 6, 4, 1),
            ("ひらがなとカタカナ", 9, 0, 1),
            ("한국어 텍스트", 6, 0, 1),
            ("Ünïcödé straße", 0, 2, 1),
        ];
        for (text, cjk, words, minutes) in cases {
            let t = ReadingTime::of(text);
            assert_eq!(
                (t.cjk_chars, t.words, t.minutes),
                (cjk, words, minutes),
                "{text:?}"
            );
        }
    }

    #[test]
    fn minutes_round_up_the_sum_of_both_rates() {
        let chinese = "字".repeat(800);
        assert_eq!(ReadingTime::of(&chinese).minutes, 2);
        let chinese = "字".repeat(801);
        assert_eq!(ReadingTime::of(&chinese).minutes, 3);
        let english = "word ".repeat(460);
        assert_eq!(ReadingTime::of(&english).minutes, 2);
        // 200 characters (0.5 min) and 115 words (0.5 min) make one minute.
        let mixed = format!("{}{}", "字".repeat(200), " word".repeat(115));
        assert_eq!(ReadingTime::of(&mixed).minutes, 1);
        let mixed = format!("{}{}", "字".repeat(201), " word".repeat(115));
        assert_eq!(ReadingTime::of(&mixed).minutes, 2);
    }

    #[test]
    fn a_word_can_continue_across_pieces_until_a_break() {
        let mut counter = ReadingCounter::default();
        counter.feed("foo");
        counter.feed("bar");
        assert_eq!(counter.finish().words, 1);
        counter.word_break();
        counter.feed("baz");
        assert_eq!(counter.finish().words, 2);
    }

    #[test]
    fn serializes_with_plain_field_names() {
        let json = serde_json::to_string(&ReadingTime::of("字 word")).unwrap_or_default();
        assert_eq!(json, r#"{"minutes":1,"cjk_chars":1,"words":1}"#);
    }
}
