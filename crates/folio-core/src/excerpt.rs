//! Excerpts: the short plain text shown in post lists, feeds and link previews.
//!
//! A writer can mark the end of the excerpt with `<!-- more -->` (Hexo and Hugo style, any case,
//! spaces optional); everything before it becomes the excerpt, up to about 600 characters.
//! Without a marker the excerpt is the first paragraph that has text (headings and image-only
//! paragraphs do not count), cut to about 200 display columns, a CJK character counting two; a
//! post without paragraphs uses the text of its list items instead.
//! The renderer feeds an [`ExcerptBuilder`] during its single pass over the document.

use crate::cjk::{char_width, is_wide};
use crate::plain::PlainText;

/// Display columns of an excerpt taken from the first paragraph.
pub const EXCERPT_WIDTH: usize = 200;
/// Characters of an excerpt taken from the text before `<!-- more -->`.
pub const MORE_EXCERPT_CHARS: usize = 600;

/// Whether a raw HTML fragment is the `<!-- more -->` marker (`<!--more-->`, `<!-- MORE -->` …).
///
/// ```
/// use folio_core::excerpt::is_more_marker;
/// assert!(is_more_marker("<!-- more -->\n"));
/// assert!(is_more_marker("<!--More-->"));
/// assert!(!is_more_marker("<!-- more than this -->"));
/// ```
pub fn is_more_marker(html: &str) -> bool {
    html.trim()
        .strip_prefix("<!--")
        .and_then(|s| s.strip_suffix("-->"))
        .is_some_and(|inner| inner.trim().eq_ignore_ascii_case("more"))
}

/// Cuts `text` to at most `max` units as measured by `width`, appending `…` when it cuts.
///
/// Latin text is cut between words; CJK text anywhere (it has no spaces to cut at). Trailing
/// spaces and commas are trimmed before the `…`.
///
/// ```
/// use folio_core::excerpt::cut;
/// use folio_core::cjk::char_width;
/// assert_eq!(cut("The quick brown fox", 12, char_width), "The quick…");
/// assert_eq!(cut("我关掉了手机屏幕", 9, char_width), "我关掉了…");
/// assert_eq!(cut("short", 12, char_width), "short");
/// ```
pub fn cut(text: &str, max: usize, width: impl Fn(char) -> usize) -> String {
    let mut used = 0;
    // Where the text must end to leave a column for the ellipsis.
    let mut fits = 0;
    let mut overflows = false;
    for (i, c) in text.char_indices() {
        used += width(c);
        if used > max {
            overflows = true;
            break;
        }
        if used < max {
            fits = i + c.len_utf8();
        }
    }
    if !overflows {
        return text.to_owned();
    }
    let end = word_boundary_before(text, fits);
    let kept = text[..end].trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '，' | '、' | '；' | '：')
    });
    let mut out = String::with_capacity(kept.len() + '…'.len_utf8());
    out.push_str(kept);
    out.push('…');
    out
}

/// The last place at or before `end` where text may be cut without splitting a Latin word:
/// next to whitespace or next to a wide (CJK) character. Falls back to `end` when the only such
/// place is far back (one very long word).
fn word_boundary_before(text: &str, end: usize) -> usize {
    let is_word = |c: char| !c.is_whitespace() && !is_wide(c);
    let mut after = text[end..].chars().next();
    for (i, c) in text[..end].char_indices().rev() {
        let cuttable = !is_word(c) || after.is_none_or(|a| !is_word(a));
        if cuttable {
            let at = i + c.len_utf8();
            return if at * 2 >= end { at } else { end };
        }
        after = Some(c);
    }
    end
}

/// Collects the excerpt while the renderer walks the document once.
///
/// The renderer reports paragraph boundaries, the text inside paragraphs and tight list items,
/// line breaks and the `<!-- more -->` marker; [`ExcerptBuilder::finish`] picks the result.
#[derive(Debug, Default, Clone)]
pub struct ExcerptBuilder {
    /// Text of paragraphs and list items before the marker, kept up to the cap.
    before_more: PlainText,
    /// The first paragraph with text, once complete.
    first_paragraph: Option<String>,
    /// The paragraph being read, while no first paragraph is known.
    current: PlainText,
    in_paragraph: bool,
    saw_more: bool,
}

impl ExcerptBuilder {
    /// A paragraph starts.
    pub fn start_paragraph(&mut self) {
        self.in_paragraph = true;
        self.block_break();
    }

    /// A paragraph ends; if it is the first one with text, it becomes the fallback excerpt.
    pub fn end_paragraph(&mut self) {
        self.in_paragraph = false;
        if self.first_paragraph.is_none() && !self.current.as_str().is_empty() {
            self.first_paragraph = Some(std::mem::take(&mut self.current).into_string());
        }
        self.current = PlainText::default();
        self.block_break();
    }

    /// A block other than a paragraph (a list item) starts or ends: text on either side is
    /// separate.
    pub fn block_break(&mut self) {
        self.before_more.block_break();
    }

    /// A line break inside the text.
    pub fn line_break(&mut self) {
        self.before_more.line_break();
        self.current.line_break();
    }

    /// Text of a paragraph or list item (not headings, code blocks, tables or image alt text).
    pub fn text(&mut self, s: &str) {
        if !self.saw_more && self.before_more.chars() <= MORE_EXCERPT_CHARS {
            self.before_more.push_str(s);
        }
        if self.in_paragraph && self.first_paragraph.is_none() {
            self.current.push_str(s);
        }
    }

    /// The `<!-- more -->` marker: the excerpt is the text read so far.
    pub fn more(&mut self) {
        self.saw_more = true;
    }

    /// Whether more text could still change the excerpt.
    pub fn wants_text(&self) -> bool {
        let more_open = !self.saw_more && self.before_more.chars() <= MORE_EXCERPT_CHARS;
        more_open || self.first_paragraph.is_none()
    }

    /// The excerpt: the text before the marker if there was one, else the first paragraph.
    pub fn finish(mut self) -> String {
        if self.saw_more && !self.before_more.as_str().is_empty() {
            return cut(self.before_more.as_str(), MORE_EXCERPT_CHARS, |_| 1);
        }
        if self.first_paragraph.is_none() && self.in_paragraph {
            self.end_paragraph();
        }
        // A post of lists only has no paragraph: its list items will do.
        let text = self
            .first_paragraph
            .unwrap_or_else(|| self.before_more.into_string());
        cut(&text, EXCERPT_WIDTH, char_width)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn more_markers_in_hexo_and_hugo_style() {
        for html in [
            "<!-- more -->",
            "<!--more-->",
            "<!-- MORE -->\n",
            "  <!--   More\t-->  ",
        ] {
            assert!(is_more_marker(html), "{html:?}");
        }
        for html in [
            "<!-- more",
            "<!-- moreover -->",
            "<!-- read more -->",
            "<more>",
            "more",
        ] {
            assert!(!is_more_marker(html), "{html:?}");
        }
    }

    #[test]
    fn cuts_latin_between_words_and_cjk_anywhere() {
        let cases = [
            ("The quick brown fox jumps", 16, "The quick brown…"),
            ("The quick brown fox jumps", 15, "The quick…"),
            ("Supercalifragilistic", 10, "Supercali…"),
            ("我合上了那本旧书。", 11, "我合上了那…"),
            ("我合上了那本旧书。", 18, "我合上了那本旧书。"),
            ("Leptos刚刚把Web-4o从Browser", 20, "Leptos刚刚把Web-4o…"),
            ("Leptos刚刚把Browser", 16, "Leptos刚刚把…"),
            ("一，二，三，四，五", 9, "一，二…"),
            ("exactly ten", 11, "exactly ten"),
            ("", 5, ""),
        ];
        for (text, max, want) in cases {
            assert_eq!(cut(text, max, char_width), want, "{text:?} at {max}");
        }
    }

    fn paragraph(b: &mut ExcerptBuilder, text: &str) {
        b.start_paragraph();
        b.text(text);
        b.end_paragraph();
    }

    #[test]
    fn first_paragraph_with_text_is_the_excerpt() {
        let mut b = ExcerptBuilder::default();
        paragraph(&mut b, "");
        paragraph(&mut b, "First  paragraph\nhere.");
        paragraph(&mut b, "Second.");
        assert_eq!(b.finish(), "First paragraph here.");
    }

    #[test]
    fn line_breaks_join_cjk_without_a_space() {
        let mut b = ExcerptBuilder::default();
        b.start_paragraph();
        b.text("我关掉了");
        b.line_break();
        b.text("手机屏幕。Latin");
        b.line_break();
        b.text("words");
        b.end_paragraph();
        assert_eq!(b.finish(), "我关掉了手机屏幕。Latin words");
    }

    #[test]
    fn long_first_paragraphs_are_cut_to_two_hundred_columns() {
        let mut b = ExcerptBuilder::default();
        paragraph(&mut b, &"字".repeat(300));
        let excerpt = b.finish();
        assert!(excerpt.ends_with('…'));
        assert_eq!(crate::cjk::display_width(&excerpt), 199);
    }

    #[test]
    fn text_before_the_more_marker_wins() {
        let mut b = ExcerptBuilder::default();
        paragraph(&mut b, "One.");
        b.block_break();
        b.text("item");
        b.block_break();
        paragraph(&mut b, "Two.");
        b.more();
        paragraph(&mut b, "Three.");
        assert_eq!(b.finish(), "One. item Two.");
    }

    #[test]
    fn text_before_the_more_marker_is_capped() {
        let mut b = ExcerptBuilder::default();
        for _ in 0..100 {
            paragraph(&mut b, "ten chars.");
        }
        assert!(!b.wants_text());
        b.more();
        let excerpt = b.finish();
        assert!(excerpt.chars().count() <= MORE_EXCERPT_CHARS);
        assert!(excerpt.ends_with('…'), "{excerpt}");
        assert!(excerpt.starts_with("ten chars. ten chars."), "{excerpt}");
    }

    #[test]
    fn no_text_means_no_excerpt() {
        assert_eq!(ExcerptBuilder::default().finish(), "");
    }

    #[test]
    fn list_items_stand_in_for_a_missing_paragraph() {
        let mut b = ExcerptBuilder::default();
        for item in ["one", "two"] {
            b.block_break();
            b.text(item);
            b.block_break();
        }
        assert_eq!(b.finish(), "one two");
    }
}
