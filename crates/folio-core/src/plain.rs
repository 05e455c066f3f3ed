//! Plain text gathered from a stream of text pieces, as a reader reads it: whitespace collapsed
//! to single spaces, blocks apart, and no space between two CJK characters where a line merely
//! broke (a Chinese sentence wrapped over two lines is still one sentence). The excerpt and the
//! search text are both written this way.

use crate::cjk::is_wide;

/// Text being gathered.
#[derive(Debug, Default, Clone)]
pub(crate) struct PlainText {
    text: String,
    chars: usize,
    /// A break waits to be written as a space (or, for a line break between CJK, as nothing).
    pending: Option<Gap>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Gap {
    /// A line break inside a block: a space, except between two CJK characters.
    Line,
    /// Whitespace written by the author, or a block boundary: always a space.
    Space,
    /// Around a heading: ` · `, so that a snippet does not run a heading into the sentences
    /// around it ("…next to its file · Under a sub-path · GitHub Pages serves…"); a space where
    /// the text before already ends a sentence (`.`, `?`, `。`, `：` …).
    Heading,
}

/// What ends a sentence or introduces what follows, in Latin and CJK text.
const SENTENCE_ENDS: &[char] = &['.', '!', '?', ':', ';', '…', '。', '！', '？', '：', '；'];

impl PlainText {
    /// Appends `piece`: its whitespace is written (a newline as a line break).
    pub(crate) fn push_str(&mut self, piece: &str) {
        for c in piece.chars() {
            if c.is_whitespace() {
                self.gap(if c == '\n' { Gap::Line } else { Gap::Space });
            } else {
                self.push_char(c);
            }
        }
    }

    /// A line break inside a block.
    pub(crate) fn line_break(&mut self) {
        self.gap(Gap::Line);
    }

    /// A block starts or ends: text on either side is separate.
    pub(crate) fn block_break(&mut self) {
        self.gap(Gap::Space);
    }

    /// A heading starts or ends: it is set apart from the text around it.
    pub(crate) fn heading_edge(&mut self) {
        self.gap(Gap::Heading);
    }

    /// The text so far.
    pub(crate) fn as_str(&self) -> &str {
        &self.text
    }

    /// Characters so far.
    pub(crate) fn chars(&self) -> usize {
        self.chars
    }

    /// The text.
    pub(crate) fn into_string(self) -> String {
        self.text
    }

    fn push_char(&mut self, c: char) {
        if let Some(gap) = self.pending.take() {
            let last = self.text.chars().next_back();
            let joins = gap == Gap::Line && is_wide(c) && last.is_some_and(is_wide);
            if gap == Gap::Heading && last.is_some_and(|last| !SENTENCE_ENDS.contains(&last)) {
                self.text.push_str(" · ");
                self.chars += 3;
            } else if !joins && last.is_some() {
                self.text.push(' ');
                self.chars += 1;
            }
        }
        self.text.push(c);
        self.chars += 1;
    }

    /// The widest gap asked for since the last character wins.
    fn gap(&mut self, gap: Gap) {
        self.pending = self.pending.max(Some(gap));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(steps: &[&str]) -> String {
        let mut text = PlainText::default();
        for step in steps {
            match *step {
                "<line>" => text.line_break(),
                "<block>" => text.block_break(),
                piece => text.push_str(piece),
            }
        }
        text.into_string()
    }

    #[test]
    fn whitespace_collapses_and_cjk_joins_across_a_line_only() {
        assert_eq!(plain(&["  a  \t b ", "c"]), "a b c");
        assert_eq!(plain(&["中文", "<line>", "接着"]), "中文接着");
        assert_eq!(plain(&["中文，", "<line>", "接着"]), "中文，接着");
        assert_eq!(plain(&["中文\n接着"]), "中文接着");
        assert_eq!(plain(&["中文", "<block>", "下一段"]), "中文 下一段");
        assert_eq!(
            plain(&["中文", "<line>", "<block>", "下一段"]),
            "中文 下一段"
        );
        assert_eq!(plain(&["English", "<line>", "wraps"]), "English wraps");
        assert_eq!(plain(&["<block>", "a", "<block>"]), "a");
        let mut text = PlainText::default();
        text.push_str("雨 夜");
        assert_eq!((text.as_str(), text.chars()), ("雨 夜", 3));
    }
}
