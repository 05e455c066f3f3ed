//! Lines of a code block, marked the way VitePress marks them: highlighted by the fence
//! (`ts{1,4-6}`) or by a comment at the end of the line (`// [!code highlight]`, `[!code ++]`,
//! `[!code --]`, `[!code focus]`, `[!code error]`, `[!code warning]`, the comment taken out), and
//! numbered (`ts:line-numbers`). When a block has any of these, each line of its highlighted
//! HTML is wrapped in `<span class="line …">`, with VitePress's classes (`highlighted`,
//! `diff add`, `diff remove`, `focused`, `highlighted error`, `highlighted warning`).
//!
//! The highlighter writes flat `<span class="tok-…">` tokens that may run over a line end (a
//! block comment); such a token is closed at the end of the line and opened again on the next.

/// What a line is marked as, as bits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct LineMarks(u8);

impl LineMarks {
    pub(super) const HIGHLIGHTED: Self = Self(1);
    const FOCUSED: Self = Self(2);
    const ADDED: Self = Self(4);
    const REMOVED: Self = Self(8);
    const ERROR: Self = Self(16);
    const WARNING: Self = Self(32);

    pub(super) fn add(&mut self, marks: Self) {
        self.0 |= marks.0;
    }

    fn has(self, marks: Self) -> bool {
        self.0 & marks.0 != 0
    }

    /// Whether any line of `lines` is focused (the block then gets `has-focused`).
    pub(super) fn any_focused(lines: &[Self]) -> bool {
        lines.iter().any(|line| line.has(Self::FOCUSED))
    }

    /// The classes of a line's `<span>`, after `line`.
    fn push_classes(self, out: &mut String) {
        for (mark, class) in [
            (Self::HIGHLIGHTED, " highlighted"),
            (Self::ERROR, " highlighted error"),
            (Self::WARNING, " highlighted warning"),
            (Self::ADDED, " diff add"),
            (Self::REMOVED, " diff remove"),
            (Self::FOCUSED, " focused"),
        ] {
            // `error` and `warning` are highlighted lines already.
            let said = mark == Self::HIGHLIGHTED && self.has(Self(Self::ERROR.0 | Self::WARNING.0));
            if self.has(mark) && !said {
                out.push_str(class);
            }
        }
    }

    /// The marks a `[!code …]` word stands for.
    fn from_word(word: &str) -> Option<Self> {
        Some(match word {
            "highlight" | "hl" => Self::HIGHLIGHTED,
            "focus" | "f" => Self::FOCUSED,
            "++" => Self::ADDED,
            "--" => Self::REMOVED,
            "error" => Self::ERROR,
            "warning" => Self::WARNING,
            _ => return None,
        })
    }
}

/// Comment openers a `[!code …]` notation may follow, in the languages posts use.
const COMMENT_OPENERS: [&str; 7] = ["<!--", "//", "/*", "--", "#", ";", "%"];

/// `code` without its `[!code …]` notations, and the marks they put on each line; `None` when it
/// has none.
pub(super) fn notations(code: &str) -> Option<(String, Vec<LineMarks>)> {
    if !code.contains("[!code ") {
        return None;
    }
    let mut kept = String::with_capacity(code.len());
    let mut marks = Vec::new();
    // A `[!code focus:3]` marks this line and the two after it.
    let mut pending: Vec<(LineMarks, usize)> = Vec::new();
    for line in code.split_inclusive('\n') {
        let (text, end) = line
            .strip_suffix('\n')
            .map_or((line, ""), |text| (text, "\n"));
        let mut mark = LineMarks::default();
        for (carried, left) in &mut pending {
            mark.add(*carried);
            *left -= 1;
        }
        pending.retain(|(_, left)| *left > 0);
        match notation(text) {
            Some((before, found, count)) => {
                mark.add(found);
                if count > 1 {
                    pending.push((found, count - 1));
                }
                kept.push_str(before);
            }
            None => kept.push_str(text),
        }
        kept.push_str(end);
        marks.push(mark);
    }
    Some((kept, marks))
}

/// A line ending in a `[!code word]` or `[!code word:count]` notation (in a comment or not): the
/// line before it, its marks and the count.
fn notation(line: &str) -> Option<(&str, LineMarks, usize)> {
    let at = line.rfind("[!code ")?;
    let inside_end = at + line[at..].find(']')?;
    let tail = line[inside_end + 1..].trim();
    let tail = tail
        .strip_suffix("*/")
        .or_else(|| tail.strip_suffix("-->"))
        .unwrap_or(tail);
    if !tail.trim().is_empty() {
        return None;
    }
    let word = &line[at + "[!code ".len()..inside_end];
    let (word, count) = match word.split_once(':') {
        Some((word, count)) => (word, count.trim().parse().ok()?),
        None => (word, 1),
    };
    let marks = LineMarks::from_word(word.trim())?;
    let before = line[..at].trim_end();
    let before = COMMENT_OPENERS
        .iter()
        .find_map(|opener| before.strip_suffix(opener))
        .unwrap_or(before)
        .trim_end();
    Some((before, marks, count.max(1)))
}

/// Wraps each line of `html` (a highlighted code block) in `<span class="line …">`, line `i`
/// (0-based) marked `marks(i)`. A last empty line (after the block's final newline) is left as
/// it is.
pub(super) fn wrap(html: &str, marks: impl Fn(usize) -> LineMarks) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 4 + 64);
    // The token `<span …>` open at the end of the last line, opened again on the next.
    let mut open: Option<&str> = None;
    let mut lines = html.split('\n').enumerate().peekable();
    while let Some((index, line)) = lines.next() {
        let last = lines.peek().is_none();
        if last && line.is_empty() {
            break;
        }
        out.push_str("<span class=\"line");
        marks(index).push_classes(&mut out);
        out.push_str("\">");
        if let Some(tag) = open {
            out.push_str(tag);
        }
        out.push_str(line);
        open = still_open(line, open);
        if open.is_some() {
            out.push_str("</span>");
        }
        out.push_str("</span>");
        if !last {
            out.push('\n');
        }
    }
    out
}

/// The token tag open after `line`, given the one open before it.
fn still_open<'h>(line: &'h str, before: Option<&'h str>) -> Option<&'h str> {
    let last_open = line.rfind("<span ");
    let last_close = line.rfind("</span>");
    match (last_open, last_close) {
        (Some(open), Some(close)) if close > open => None,
        (Some(open), _) => line[open..].find('>').map(|end| &line[open..=open + end]),
        (None, Some(_)) => None,
        (None, None) => before,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notations_are_taken_out_and_mark_their_lines() {
        let code = "let a = 1; // [!code highlight]\nlet b = 2; // [!code ++]\n\
                    old(); /* [!code --] */\n<p>x</p> <!-- [!code focus:2] -->\nnext\n\
                    # [!code error]\nx = 1 # [!code warning]\nkeep [!code nothing]\n";
        let (kept, marks) = notations(code).unwrap_or_default();
        assert_eq!(
            kept,
            "let a = 1;\nlet b = 2;\nold();\n<p>x</p>\nnext\n\nx = 1\nkeep [!code nothing]\n"
        );
        let classes: Vec<String> = marks
            .iter()
            .map(|mark| {
                let mut out = String::new();
                mark.push_classes(&mut out);
                out
            })
            .collect();
        assert_eq!(
            classes,
            [
                " highlighted",
                " diff add",
                " diff remove",
                " focused",
                " focused",
                " highlighted error",
                " highlighted warning",
                "",
            ]
        );
        assert!(LineMarks::any_focused(&marks));
        assert_eq!(notations("no notation\n"), None);
    }

    #[test]
    fn lines_are_wrapped_and_tokens_reopened_across_them() {
        let html =
            "a <span class=\"tok-com\">/* one\ntwo */</span> b\n<span class=\"tok-kw\">fn</span>\n";
        let wrapped = wrap(html, |i| {
            if i == 1 {
                LineMarks::HIGHLIGHTED
            } else {
                LineMarks::default()
            }
        });
        assert_eq!(
            wrapped,
            "<span class=\"line\">a <span class=\"tok-com\">/* one</span></span>\n\
             <span class=\"line highlighted\"><span class=\"tok-com\">two */</span> b</span>\n\
             <span class=\"line\"><span class=\"tok-kw\">fn</span></span>\n"
        );
        assert_eq!(
            wrap("x", |_| LineMarks::default()),
            "<span class=\"line\">x</span>"
        );
    }
}
