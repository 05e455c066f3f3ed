//! Reading what the reader typed: the pieces to highlight and the terms to look up.
//!
//! The query goes through the same folding and tokenizing as the posts. A Latin word becomes
//! one term; the last word is a prefix while the reader is still typing it (nothing follows it,
//! not even a space), so `stat` finds `static`. A CJK run becomes its overlapping pairs
//! (`编译器` → `编译`, `译器`), or its one character (`编`), both of which the index holds. All
//! terms are required.

use super::tokenize::{Unit, tokenize};

/// At most this many pieces of a query are used; the rest is ignored (a pasted paragraph stays
/// fast).
pub const MAX_PIECES: usize = 12;
/// At most this many terms are looked up (a long CJK run has many pairs).
pub const MAX_TERMS: usize = 16;

/// A part of the query as the reader sees it: a word or a CJK run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// A folded word; `prefix` when it is the last thing typed.
    Word {
        /// The folded word.
        text: String,
        /// Matches any word starting with it.
        prefix: bool,
    },
    /// A run of folded CJK characters, matched as a whole.
    Cjk(Vec<char>),
}

/// An index term to look up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The term: a word, one CJK character or a pair.
    pub text: String,
    /// Any term starting with `text` matches.
    pub prefix: bool,
}

/// A parsed query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// What to highlight, in query order, without repeats.
    pub pieces: Vec<Piece>,
    /// What to look up, without repeats; every one must match.
    pub terms: Vec<Term>,
}

impl Query {
    /// Parses what the reader typed.
    ///
    /// ```
    /// use folio_core::search::query::{Query, Term};
    /// let query = Query::parse("Rust 编译器 sta");
    /// let terms: Vec<(&str, bool)> =
    ///     query.terms.iter().map(|t| (t.text.as_str(), t.prefix)).collect();
    /// assert_eq!(terms, [("rust", false), ("编译", false), ("译器", false), ("sta", true)]);
    /// ```
    pub fn parse(text: &str) -> Self {
        let tokens = tokenize(text);
        let ends_in_word = tokens.last().is_some_and(|token| {
            matches!(token.unit, Unit::Word(_)) && token.span.end == text.len()
        });
        let mut pieces: Vec<Piece> = Vec::new();
        for token in tokens {
            match token.unit {
                Unit::Word(text) => pieces.push(Piece::Word {
                    text,
                    prefix: false,
                }),
                Unit::Cjk { ch, joined } => match pieces.last_mut() {
                    Some(Piece::Cjk(run)) if joined => run.push(ch),
                    _ => pieces.push(Piece::Cjk(vec![ch])),
                },
            }
        }
        if ends_in_word && let Some(Piece::Word { prefix, .. }) = pieces.last_mut() {
            *prefix = true;
        }
        let mut query = Self::default();
        for piece in pieces {
            if query.pieces.len() == MAX_PIECES {
                break;
            }
            if !query.pieces.contains(&piece) {
                query.pieces.push(piece);
            }
        }
        let terms = &mut query.terms;
        for piece in &query.pieces {
            match piece {
                Piece::Word { text, prefix } => add_term(terms, text.clone(), *prefix),
                Piece::Cjk(run) if run.len() == 1 => add_term(terms, run[0].to_string(), false),
                Piece::Cjk(run) => {
                    for pair in run.windows(2) {
                        add_term(terms, pair.iter().collect(), false);
                    }
                }
            }
        }
        query
    }

    /// Whether there is nothing to search for (empty, or only punctuation and emoji).
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// Adds a term unless it is there; an exact term replaces the same text as a prefix (a post
/// with the word also has a word starting with it).
fn add_term(terms: &mut Vec<Term>, text: String, prefix: bool) {
    let full = terms.len() >= MAX_TERMS;
    match terms.iter_mut().find(|term| term.text == text) {
        Some(existing) => existing.prefix &= prefix,
        None if !full => terms.push(Term { text, prefix }),
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Terms written compactly: a prefix term ends in `*`.
    fn terms(text: &str) -> Vec<String> {
        Query::parse(text)
            .terms
            .into_iter()
            .map(|t| {
                if t.prefix {
                    format!("{}*", t.text)
                } else {
                    t.text
                }
            })
            .collect()
    }

    #[test]
    fn query_terms_table() {
        let cases: &[(&str, &[&str], &str)] = &[
            ("", &[], "empty"),
            ("  ，。！🎉 ", &[], "punctuation and emoji only"),
            ("stat", &["stat*"], "the word being typed is a prefix"),
            ("stat ", &["stat"], "a space ends the word"),
            (
                "static hosting",
                &["static", "hosting*"],
                "only the last word",
            ),
            (
                "hosting static.",
                &["hosting", "static"],
                "punctuation ends the word",
            ),
            ("Rust 编译", &["rust", "编译"], "mixed scripts"),
            ("编译 Rust", &["编译", "rust*"], "mixed, Latin last"),
            ("编", &["编"], "one CJK character is looked up alone"),
            ("编译器", &["编译", "译器"], "a longer run is its pairs"),
            ("读书，书店", &["读书", "书店"], "punctuation splits runs"),
            ("书店书店", &["书店", "店书"], "repeated pairs once"),
            ("ＲＵＳＴ", &["rust*"], "full-width folds"),
            (
                "rust Rust",
                &["rust"],
                "repeated words once, exact wins over prefix",
            ),
            ("GPT-4o", &["gpt", "4o*"], "hyphenated"),
            ("2026年", &["2026", "年"], "numbers and CJK"),
        ];
        for (text, expected, what) in cases {
            assert_eq!(terms(text), *expected, "{what}: {text:?}");
        }
    }

    #[test]
    fn pieces_keep_runs_whole_for_highlighting() {
        let query = Query::parse("编译器 rust");
        assert_eq!(
            query.pieces,
            [
                Piece::Cjk(vec!['编', '译', '器']),
                Piece::Word {
                    text: "rust".to_owned(),
                    prefix: true
                },
            ]
        );
    }

    #[test]
    fn long_queries_are_capped() {
        let text: String = (0..50).map(|i| format!("w{i} ")).collect();
        assert_eq!(Query::parse(&text).pieces.len(), MAX_PIECES);
        let run: String = ('\u{4E00}'..='\u{4E40}').collect();
        assert_eq!(Query::parse(&run).terms.len(), MAX_TERMS);
    }
}
