//! Showing why a post matched: the query's words marked in its title and in a short passage of
//! its text.
//!
//! Matching here works on tokens of the original text (see [`super::tokenize`]), so a mark
//! covers exactly what the reader wrote (`ＲＵＳＴ`, `Café`) and a CJK piece is marked only
//! where its characters stand together. The passage is the window of about `width` display
//! columns (a CJK character counts two) holding the most different pieces, starting a little
//! before the first of them.

use std::ops::Range;

use super::query::{Piece, Query};
use super::tokenize::{Token, Unit, tokenize};
use crate::cjk::{char_width, is_wide};

/// Display columns kept before the first match of a passage, for context.
const LEAD_COLUMNS: usize = 24;

/// A run of text, marked or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// The text, as written in the post.
    pub text: String,
    /// Whether it matched the query (shown in `<mark>`).
    pub mark: bool,
}

/// `text` whole, with every match of `query` marked.
///
/// ```
/// use folio_core::search::{Query, snippet::highlight};
/// let parts = highlight("Notes on Static hosting", &Query::parse("stat"));
/// let marked: Vec<&str> = parts.iter().filter(|p| p.mark).map(|p| p.text.as_str()).collect();
/// assert_eq!(marked, ["Static"]);
/// ```
pub fn highlight(text: &str, query: &Query) -> Vec<Part> {
    let matches = find(&tokenize(text), query);
    parts(text, 0..text.len(), &matches)
}

/// A passage of `text` of about `width` display columns around the matches of `query`, with
/// `…` where it was cut. Without a match it is the start of the text.
///
/// ```
/// use folio_core::search::{Query, snippet::snippet};
/// let text = "很长的开头。".repeat(20) + "我们在雨夜的书店里躲雨。" + &"结尾。".repeat(20);
/// let parts = snippet(&text, &Query::parse("书店"), 40);
/// assert!(parts.first().is_some_and(|p| p.text.starts_with('…')));
/// assert!(parts.iter().any(|p| p.mark && p.text == "书店"));
/// ```
pub fn snippet(text: &str, query: &Query, width: usize) -> Vec<Part> {
    let matches = find(&tokenize(text), query);
    let columns = Columns::new(text);
    let (start, end) = match best_window(&matches, &columns, width) {
        Some(window) => window,
        None => (0, columns.byte_after(0, width)),
    };
    let first_shown = matches
        .iter()
        .map(|(range, _)| range.start)
        .find(|&at| at >= start)
        .unwrap_or(end);
    let start = snap_start(text, start, first_shown);
    let end = snap_end(text, start, end);
    // No space between an ellipsis and the text.
    let start = end.min(start + (text[start..end].len() - text[start..end].trim_start().len()));
    let end = start + text[start..end].trim_end().len();
    let mut out = Vec::new();
    if start > 0 {
        out.push(plain("…"));
    }
    out.extend(parts(text, start..end, &matches));
    if end < text.len() {
        out.push(plain("…"));
    }
    out
}

fn plain(text: &str) -> Part {
    Part {
        text: text.to_owned(),
        mark: false,
    }
}

/// Byte ranges that match a piece of the query, with the piece's index, in text order (by
/// start; a match starts at its first token and tokens come in order).
fn find(tokens: &[Token], query: &Query) -> Vec<(Range<usize>, usize)> {
    let mut found = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        for (p, piece) in query.pieces.iter().enumerate() {
            if let Some(end) = match_at(tokens, i, piece) {
                found.push((token.span.start..end, p));
            }
        }
    }
    found
}

/// Where a match of `piece` starting at token `i` ends, if there is one.
fn match_at(tokens: &[Token], i: usize, piece: &Piece) -> Option<usize> {
    match piece {
        Piece::Word { text, prefix } => match &tokens[i].unit {
            Unit::Word(word) if word == text || (*prefix && word.starts_with(text.as_str())) => {
                Some(tokens[i].span.end)
            }
            _ => None,
        },
        Piece::Cjk(run) => {
            let window = tokens.get(i..i + run.len())?;
            let whole = window.iter().zip(run).enumerate().all(|(k, (token, want))| {
                matches!(token.unit, Unit::Cjk { ch, joined } if ch == *want && (k == 0 || joined))
            });
            whole.then(|| window.last().map_or(tokens[i].span.end, |t| t.span.end))
        }
    }
}

/// Display columns at each character boundary of a text.
struct Columns {
    /// (byte offset of a character, columns before it), and the end of the text.
    marks: Vec<(usize, usize)>,
}

impl Columns {
    fn new(text: &str) -> Self {
        let mut marks = Vec::with_capacity(text.len() / 2 + 1);
        let mut column = 0;
        for (i, c) in text.char_indices() {
            marks.push((i, column));
            column += char_width(c);
        }
        marks.push((text.len(), column));
        Self { marks }
    }

    fn column(&self, byte: usize) -> usize {
        let i = self.marks.partition_point(|&(b, _)| b < byte);
        self.marks.get(i).map_or(0, |&(_, column)| column)
    }

    /// The last character boundary at most `columns` after `byte`.
    fn byte_after(&self, byte: usize, columns: usize) -> usize {
        let limit = self.column(byte) + columns;
        let i = self.marks.partition_point(|&(_, column)| column <= limit);
        self.marks.get(i.saturating_sub(1)).map_or(0, |&(b, _)| b)
    }

    /// The first character boundary at most `columns` before `byte`.
    fn byte_before(&self, byte: usize, columns: usize) -> usize {
        let limit = self.column(byte).saturating_sub(columns);
        let i = self.marks.partition_point(|&(_, column)| column < limit);
        self.marks.get(i).map_or(0, |&(b, _)| b)
    }
}

/// The window starting shortly before some match that holds the most different pieces; the
/// earliest such window wins.
fn best_window(
    matches: &[(Range<usize>, usize)],
    columns: &Columns,
    width: usize,
) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize, usize)> = None;
    // A post may repeat a common word hundreds of times; the first matches are enough to choose.
    for (anchor, _) in matches.iter().take(200) {
        let start = columns.byte_before(anchor.start, LEAD_COLUMNS.min(width / 4));
        let end = columns.byte_after(start, width);
        // Pieces are fewer than 32 (see `MAX_PIECES`): a bit each.
        let seen = matches
            .iter()
            .filter(|(range, _)| range.start >= start && range.end <= end)
            .fold(0_u32, |seen, (_, piece)| seen | 1 << (piece % 32));
        let count = seen.count_ones() as usize;
        if best.is_none_or(|(most, _, _)| count > most) {
            best = Some((count, start, end));
        }
    }
    best.map(|(_, start, end)| (start, end))
}

/// Moves a window start forward past a cut Latin word (to just after a space), never past the
/// first match.
fn snap_start(text: &str, start: usize, first_match: usize) -> usize {
    if start == 0 || !cuts_word(text, start) {
        return start;
    }
    text[start..first_match.max(start)]
        .char_indices()
        .find(|(_, c)| c.is_whitespace())
        .map_or(start, |(at, space)| start + at + space.len_utf8())
}

/// Moves a window end back to the last space when it would cut a Latin word, unless that
/// leaves less than half the window.
fn snap_end(text: &str, start: usize, end: usize) -> usize {
    if end >= text.len() || !cuts_word(text, end) {
        return end;
    }
    match text[start..end].rfind(char::is_whitespace) {
        Some(space) if space * 2 >= end - start => start + space,
        _ => end,
    }
}

/// Whether `at` falls inside a word of a spaced script.
fn cuts_word(text: &str, at: usize) -> bool {
    let is_word = |c: char| !c.is_whitespace() && !is_wide(c);
    let before = text[..at].chars().next_back().is_some_and(is_word);
    let after = text[at..].chars().next().is_some_and(is_word);
    before && after
}

/// `text[range]` split into marked and unmarked parts; overlapping matches merge.
fn parts(text: &str, range: Range<usize>, matches: &[(Range<usize>, usize)]) -> Vec<Part> {
    let marks = matches
        .iter()
        .map(|(m, _)| m.start.max(range.start)..m.end.min(range.end))
        .filter(|m| m.start < m.end);
    let mut out = Vec::new();
    let mut at = range.start;
    let mut push = |slice: &str, mark: bool| {
        if !slice.is_empty() {
            out.push(Part {
                text: slice.to_owned(),
                mark,
            });
        }
    };
    let mut marks = marks.peekable();
    while let Some(mut mark) = marks.next() {
        while let Some(next) = marks.next_if(|next| next.start <= mark.end.max(at)) {
            mark.end = mark.end.max(next.end);
        }
        let mark = mark.start.max(at)..mark.end;
        if mark.start >= mark.end {
            continue;
        }
        push(&text[at..mark.start], false);
        push(&text[mark.clone()], true);
        at = mark.end;
    }
    push(&text[at..range.end], false);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parts written compactly: marked text in `[brackets]`.
    fn show(parts: &[Part]) -> String {
        parts
            .iter()
            .map(|p| {
                if p.mark {
                    format!("[{}]", p.text)
                } else {
                    p.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn highlight_table() {
        let cases = [
            (
                "Static hosting",
                "stat",
                "[Static] hosting",
                "prefix of the last word",
            ),
            (
                "Static hosting",
                "stat ",
                "Static hosting",
                "a finished word is exact",
            ),
            (
                "Rust 编译器很慢",
                "Rust 编译",
                "[Rust] [编译]器很慢",
                "mixed",
            ),
            (
                "编，译",
                "编译",
                "编，译",
                "punctuation between the characters",
            ),
            (
                "我们在雨夜",
                "雨",
                "我们在[雨]夜",
                "one character inside a sentence",
            ),
            (
                "ＲＵＳＴ and rust",
                "rust ",
                "[ＲＵＳＴ] and [rust]",
                "marks cover the original text",
            ),
            ("Café crème", "cafe creme", "[Café] [crème]", "accents fold"),
            ("书店书店", "书店", "[书店书店]", "adjacent matches merge"),
            (
                "rustacean rust",
                "rust",
                "[rustacean] [rust]",
                "prefix and word",
            ),
            ("nothing here", "", "nothing here", "empty query"),
        ];
        for (text, query, expected, what) in cases {
            assert_eq!(
                show(&highlight(text, &Query::parse(query))),
                expected,
                "{what}"
            );
        }
    }

    #[test]
    fn snippets_center_on_the_most_pieces_and_cut_at_spaces() {
        let text = format!(
            "{} rust alone here. {} rust and cargo together. {}",
            "filler words go here ".repeat(10),
            "more filler text ".repeat(10),
            "tail words ".repeat(10)
        );
        let shown = show(&snippet(&text, &Query::parse("rust cargo "), 60));
        assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        assert!(shown.contains("[rust] and [cargo] together"), "{shown}");
        assert!(!shown.contains("alone"), "{shown}");
        // Cut between words: after the leading ellipsis comes a whole word.
        assert!(
            shown.starts_with("…filler ")
                || shown.starts_with("…text ")
                || shown.starts_with("…more "),
            "{shown}"
        );
    }

    #[test]
    fn snippet_without_a_match_is_the_start() {
        let text = "第一句话。".repeat(30);
        let shown = show(&snippet(&text, &Query::parse("无关"), 20));
        assert_eq!(shown, "第一句话。第一句话。…");
        assert_eq!(show(&snippet("short", &Query::parse("x"), 20)), "short");
        // The window opens 7 columns before the match: on the space.
        let spaced = format!("{} 。。。据说这天{}", "开头".repeat(40), "结尾".repeat(40));
        let shown = show(&snippet(&spaced, &Query::parse("据说"), 30));
        assert!(
            shown.starts_with("…。。。[据说]"),
            "no space after the ellipsis: {shown}"
        );
    }

    #[test]
    fn a_cut_word_is_skipped_up_to_a_wide_space() {
        let text = format!("{}abcdefghij\u{3000}rust tail", "word ".repeat(20));
        let shown = show(&snippet(&text, &Query::parse("rust "), 40));
        assert!(shown.starts_with("…[rust] tail"), "{shown}");
    }

    #[test]
    fn snippet_near_the_start_has_no_leading_ellipsis() {
        let text = format!("Rust first, then {}", "more ".repeat(50));
        let shown = show(&snippet(&text, &Query::parse("rust "), 40));
        assert!(shown.starts_with("[Rust] first"), "{shown}");
        assert!(shown.ends_with('…'), "{shown}");
    }
}
