//! Line arithmetic shared by the splitter and both parsers.
//!
//! A line ends at `\n`, `\r\n` or a lone `\r`, the same three endings CommonMark and the YAML
//! parser recognise, so a line number Folio reports is the line an editor shows, whatever the file's
//! line endings.

/// One line of a text: its content without the ending, and where it sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Line<'a> {
    /// The line without its ending.
    pub(super) text: &'a str,
    /// Byte offset of the line's first byte.
    pub(super) start: usize,
    /// Byte offset just past the line ending (the next line's start, or the text's length).
    pub(super) next: usize,
}

/// The lines of `text`. A text ending in a line break has no empty last line; an empty text has
/// no lines.
pub(super) fn lines(text: &str) -> impl Iterator<Item = Line<'_>> {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let rest = &text[start..];
        let line = match rest.find(['\n', '\r']) {
            Some(end) => {
                let ending = if rest[end..].starts_with("\r\n") {
                    2
                } else {
                    1
                };
                Line {
                    text: &rest[..end],
                    start,
                    next: start + end + ending,
                }
            }
            None => Line {
                text: rest,
                start,
                next: text.len(),
            },
        };
        start = line.next;
        Some(line)
    })
}

/// The 0-based line and 0-based character column of byte `offset` in `text`, for turning a
/// parser's byte span into something a writer can find. The offset is clamped to the text and to
/// a character boundary; an offset just past a final line break is the start of the next line.
pub(super) fn position(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let mut found = None;
    for (index, line) in lines(text).enumerate() {
        if line.start > offset {
            break;
        }
        found = Some((index, line));
    }
    let Some((index, line)) = found else {
        return (0, 0);
    };
    let content_end = line.start + line.text.len();
    if offset >= line.next && line.next > content_end {
        return (index + 1, 0);
    }
    (
        index,
        text[line.start..offset.min(content_end)].chars().count(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        lines(text).map(|line| line.text).collect()
    }

    #[test]
    fn splits_on_every_line_ending() {
        assert_eq!(texts("a\nb\r\nc\rd"), ["a", "b", "c", "d"]);
        assert_eq!(texts("a\n\nb\n"), ["a", "", "b"]);
        assert_eq!(texts("\r\n"), [""]);
        assert!(texts("").is_empty());
    }

    #[test]
    fn lines_know_where_the_next_one_starts() {
        let text = "ab\r\ncd\ref";
        let starts: Vec<(usize, usize)> = lines(text).map(|l| (l.start, l.next)).collect();
        assert_eq!(starts, [(0, 4), (4, 7), (7, 9)]);
    }

    #[test]
    fn positions_count_lines_and_characters() {
        let text = "标题: x\r\nkey: 值\rlast";
        assert_eq!(position(text, 0), (0, 0));
        assert_eq!(position(text, "标题".len()), (0, 2));
        assert_eq!(position(text, text.find("key").unwrap_or(0)), (1, 0));
        assert_eq!(position(text, text.find("值").unwrap_or(0)), (1, 5));
        assert_eq!(position(text, text.find("last").unwrap_or(0)), (2, 0));
        assert_eq!(position(text, text.len() + 10), (2, 4));
        assert_eq!(position("a\n", 2), (1, 0));
        assert_eq!(position("", 0), (0, 0));
        // Inside a multi-byte character: clamps back to its start.
        assert_eq!(position(text, 1), (0, 0));
    }
}
