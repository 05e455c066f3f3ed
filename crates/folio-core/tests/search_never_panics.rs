//! Search on odd text never panics and never loses or invents text: random strings of the
//! characters that trip tokenizers (combining marks, surrogate-plane CJK, emoji sequences,
//! full-width forms, case mappings that change length, controls) go through the tokenizer, the
//! query parser, the index and the highlighter.

#![allow(clippy::unwrap_used)]

use folio_core::search::snippet::{highlight, snippet};
use folio_core::search::tokenize::tokenize;
use folio_core::search::{IndexBuilder, Plan, Query, SearchDoc, Shard};

const PIECES: &[&str] = &[
    "a",
    "Z",
    "é",
    "e\u{301}",
    "\u{301}",
    "İ",
    "ß",
    "ﬁ",
    "Σ",
    "ς",
    "0",
    "９",
    "Ａ",
    "ｶ",
    "书",
    "店",
    "𠀋",
    "한",
    "ひ",
    "・",
    "，",
    "。",
    "「",
    "」",
    " ",
    "\u{3000}",
    "\n",
    "\t",
    "\u{200b}",
    "\u{feff}",
    "🎉",
    "👩\u{200d}💻",
    "🇨🇳",
    "\u{202e}",
    "\0",
    "-",
    "'",
    "_",
    ".",
    "…",
];

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    fn text(&mut self, max: usize) -> String {
        let len = self.below(max + 1);
        (0..len).map(|_| PIECES[self.below(PIECES.len())]).collect()
    }
}

#[test]
fn odd_text_is_tokenized_searched_and_highlighted_without_loss() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..3_000 {
        let text = rng.text(40);
        let query_text = rng.text(6);
        let query = Query::parse(&query_text);

        for token in tokenize(&text) {
            assert!(
                text.is_char_boundary(token.span.start) && text.is_char_boundary(token.span.end)
            );
            assert!(token.span.start < token.span.end, "{text:?}");
        }

        let whole: String = highlight(&text, &query)
            .into_iter()
            .map(|p| p.text)
            .collect();
        assert_eq!(whole, text, "highlighting keeps every character");

        let width = 1 + rng.below(30);
        let shown: String = snippet(&text, &query, width)
            .into_iter()
            .map(|p| p.text)
            .collect();
        let inner = shown.trim_start_matches('…').trim_end_matches('…');
        assert!(text.contains(inner), "{inner:?} is not from {text:?}");

        let mut builder = IndexBuilder::new();
        builder.add(&SearchDoc {
            path: "p",
            title: &query_text,
            tags: &[],
            body: &text,
        });
        let index = builder.finish(64);
        let shards: Vec<Shard> = index
            .shards
            .iter()
            .map(|json| Shard::from_json(json).unwrap())
            .collect();
        let dirs = index.directories().unwrap();
        let hits = Plan::new(&index.meta, &dirs, &query)
            .unwrap()
            .run(|i| shards.get(i))
            .unwrap();
        // The post's own title is the query: it always finds itself.
        assert_eq!(hits.len(), usize::from(!query.is_empty()), "{query_text:?}");
    }
}
