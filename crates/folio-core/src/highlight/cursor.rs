//! The position in the code being highlighted, and the HTML written so far.
//!
//! Scanners move `pos` over the source and call [`Cursor::emit`] for each token worth a class;
//! text between tokens is written plain (escaped) when the next token or the end is written, so
//! every byte of the source is written exactly once and in order.

use std::cell::Cell;

use super::Class;
use crate::html::escape_into;

pub(super) struct Cursor<'s, 'o> {
    pub(super) src: &'s str,
    pub(super) pos: usize,
    /// Source bytes before this are written.
    written: usize,
    out: &'o mut String,
    /// The last line end looked up, `(from, newline)`: no `\n` lies in `from..newline`, so every
    /// position in between has that line end. Scanners ask for the line end at each token that
    /// may not cross it; on a long line, searching afresh each time took quadratic time.
    line: Cell<Option<(usize, usize)>>,
}

impl<'s, 'o> Cursor<'s, 'o> {
    pub(super) fn new(src: &'s str, out: &'o mut String) -> Self {
        Self {
            src,
            pos: 0,
            written: 0,
            out,
            line: Cell::new(None),
        }
    }

    /// The byte at `pos + ahead`, or 0 past the end.
    pub(super) fn peek(&self, ahead: usize) -> u8 {
        self.src
            .as_bytes()
            .get(self.pos + ahead)
            .copied()
            .unwrap_or(0)
    }

    /// The byte at `at`, or 0 past the end.
    pub(super) fn byte(&self, at: usize) -> u8 {
        self.src.as_bytes().get(at).copied().unwrap_or(0)
    }

    pub(super) fn rest(&self) -> &'s str {
        &self.src[self.pos..]
    }

    pub(super) fn at(&self, s: &str) -> bool {
        self.rest().starts_with(s)
    }

    /// Moves past one character (all its bytes).
    pub(super) fn bump(&mut self) {
        match self.src.as_bytes().get(self.pos) {
            Some(b) if b.is_ascii() => self.pos += 1,
            Some(_) => self.pos += self.rest().chars().next().map_or(1, char::len_utf8),
            None => {}
        }
    }

    /// Moves past bytes for which `f` holds; non-ASCII bytes are passed as they are, so `f` must
    /// treat all bytes >= 0x80 alike to stay on character boundaries.
    pub(super) fn eat_while(&mut self, end: usize, f: impl Fn(u8) -> bool) {
        while self.pos < end && f(self.byte(self.pos)) {
            self.pos += 1;
        }
    }

    /// Where the line holding `pos` ends (before its `\n`), at most `end`.
    pub(super) fn line_end(&self, end: usize) -> usize {
        self.line_end_at(self.pos, end)
    }

    /// Where the line holding `at` ends (before its `\n`), at most `end`.
    pub(super) fn line_end_at(&self, at: usize, end: usize) -> usize {
        let newline = match self.line.get() {
            Some((from, newline)) if (from..=newline).contains(&at) => newline,
            _ => {
                let newline = self.src[at..].find('\n').map_or(self.src.len(), |i| at + i);
                self.line.set(Some((at, newline)));
                newline
            }
        };
        newline.min(end)
    }

    /// Writes `start..end` as a token of `class` (the text before it plain), and moves `pos` to
    /// `end` if it is behind.
    pub(super) fn emit(&mut self, class: Class, start: usize, end: usize) {
        if end <= start || start < self.written {
            return;
        }
        self.flush(start);
        self.out.push_str("<span class=\"");
        self.out.push_str(class.css_class());
        self.out.push_str("\">");
        escape_into(self.out, &self.src[start..end]);
        self.out.push_str("</span>");
        self.written = end;
        self.pos = self.pos.max(end);
    }

    /// Writes the token from `start` to the current position.
    pub(super) fn token(&mut self, class: Class, start: usize) {
        let end = self.pos;
        self.emit(class, start, end);
    }

    fn flush(&mut self, upto: usize) {
        if upto > self.written {
            escape_into(self.out, &self.src[self.written..upto]);
            self.written = upto;
        }
    }

    /// Writes the rest of the source plain.
    pub(super) fn finish(mut self) {
        let len = self.src.len();
        self.flush(len);
    }
}

/// ASCII letters, digits, `_`, and every byte of a non-ASCII character.
pub(super) fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

/// Can start an identifier.
pub(super) fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_' || b >= 0x80
}
