//! Tokens only some languages have (JavaScript regular expressions, Rust attributes, C
//! preprocessor lines, shell variables and here-documents), numbers, and where a token stands.

use super::Class;
use super::cursor::{Cursor, is_ident, is_ident_start};

/// What failed scans for regular expressions on one line learnt, so that later ones stop early.
///
/// A scan from a `/` reads on to the closing `/`, skipping escapes and `/` inside a `[…]` class;
/// its future depends only on where it is and whether it is inside a class. A scan that reached
/// the end of the line failed, and so will any later scan that reaches a position it passed in
/// the same state: the later one stops there. Each position is passed by failing scans at most
/// twice (in and out of a class), so a line of `/[/[/[…` takes linear time rather than
/// quadratic.
#[derive(Debug, Default)]
pub(super) struct FailedRegexes {
    /// The line end the marks are for.
    line_end: usize,
    /// The position `passed[0]` stands for.
    from: usize,
    /// Per position from `from`: bit 0 when a failed scan passed it outside a class, bit 1
    /// inside one.
    passed: Vec<u8>,
}

impl FailedRegexes {
    fn failed_from(&self, at: usize, class: bool, line_end: usize) -> bool {
        line_end == self.line_end
            && at >= self.from
            && self
                .passed
                .get(at - self.from)
                .is_some_and(|marks| marks & (1 << u8::from(class)) != 0)
    }

    /// Marks what the scan from `start` passes, up to a position already marked.
    fn mark(&mut self, bytes: &[u8], start: usize, line_end: usize) {
        if line_end != self.line_end || start < self.from {
            *self = Self {
                line_end,
                from: start,
                passed: vec![0; line_end - start],
            };
        }
        let (mut i, mut class) = (start, false);
        while i < line_end && !self.failed_from(i, class, line_end) {
            self.passed[i - self.from] |= 1 << u8::from(class);
            match bytes[i] {
                b'\\' => i += 1,
                b'[' => class = true,
                b']' => class = false,
                _ => {}
            }
            i += 1;
        }
    }
}

/// A JavaScript regular expression literal, if the `/` starts one on this line.
pub(super) fn regex(c: &mut Cursor<'_, '_>, end: usize, failed: &mut FailedRegexes) -> bool {
    let start = c.pos;
    let line_end = c.line_end(end);
    let bytes = c.src.as_bytes();
    let (mut i, mut class) = (start + 1, false);
    while i < line_end {
        if failed.failed_from(i, class, line_end) {
            i = line_end;
            break;
        }
        match bytes[i] {
            b'\\' => i += 1,
            b'[' => class = true,
            b']' => class = false,
            b'/' if !class => break,
            _ => {}
        }
        i += 1;
    }
    if i >= line_end {
        failed.mark(bytes, start + 1, line_end);
        return false;
    }
    if i == start + 1 {
        return false;
    }
    c.pos = i + 1;
    c.eat_while(end, |b| b.is_ascii_alphabetic());
    c.token(Class::String, start);
    true
}

/// `#[derive(Debug)]`, `#![forbid(…)]`: to the matching `]` on the line.
pub(super) fn rust_attribute(c: &mut Cursor<'_, '_>, end: usize) -> bool {
    let start = c.pos;
    let line_end = c.line_end(end);
    // `#[`, or `#![` with any spaces around the `!`; looked for right here, not anywhere on the
    // line, so a line of `#!#!#!…` takes linear time.
    let open = if c.peek(1) == b'[' {
        start + 1
    } else {
        let after_bang = c.src[start + 1..line_end]
            .strip_prefix('!')
            .map(str::trim_start)
            .filter(|rest| rest.starts_with('['));
        match after_bang {
            Some(rest) => line_end - rest.len(),
            None => return false,
        }
    };
    let mut depth = 0usize;
    let mut i = open;
    while i < line_end {
        match c.byte(i) {
            b'[' => depth += 1,
            b']' => {
                depth -= 1;
                if depth == 0 {
                    i += 1;
                    break;
                }
            }
            _ => {}
        }
        i += 1;
    }
    c.emit(Class::Attribute, start, i);
    true
}

/// `#include <stdio.h>`: the directive as meta, a `<…>` header as a string.
pub(super) fn preprocessor(c: &mut Cursor<'_, '_>, end: usize) {
    let start = c.pos;
    c.pos += 1;
    c.eat_while(end, |b| b == b' ' || b == b'\t');
    c.eat_while(end, |b| b.is_ascii_alphabetic());
    let directive = c.src[start + 1..c.pos].trim();
    c.token(Class::Meta, start);
    if directive == "include" {
        c.eat_while(end, |b| b == b' ' || b == b'\t');
        if c.peek(0) == b'<' {
            let at = c.pos;
            let line_end = c.line_end(end);
            c.pos = c.src[at..line_end]
                .find('>')
                .map_or(line_end, |i| at + i + 1);
            c.token(Class::String, at);
        }
    }
}

/// `$name`, `${…}`, `$1`, `$?`; `$(` is left to the code that follows.
pub(super) fn shell_variable(c: &mut Cursor<'_, '_>, end: usize) -> bool {
    let start = c.pos;
    match c.peek(1) {
        b'{' => {
            let line_end = c.line_end(end);
            c.pos = c.src[start..line_end]
                .find('}')
                .map_or(line_end, |i| start + i + 1);
        }
        b if is_ident_start(b) => {
            c.pos += 1;
            c.eat_while(end, is_ident);
        }
        b'0'..=b'9' | b'?' | b'#' | b'@' | b'*' | b'$' | b'!' | b'-' => c.pos += 2,
        _ => return false,
    }
    c.token(Class::Variable, start);
    true
}

/// A shell here-document at the cursor: `<<EOF`, `<<-EOF`, `<<'EOF'` …, then the lines up to
/// the one holding only the delimiter, as a string. The rest of the command line stays plain.
pub(super) fn heredoc(c: &mut Cursor<'_, '_>, end: usize) -> bool {
    let start = c.pos;
    let mut i = start + 2;
    let strip_tabs = c.byte(i) == b'-';
    if strip_tabs {
        i += 1;
    }
    while c.byte(i) == b' ' {
        i += 1;
    }
    let quote = c.byte(i);
    let quoted = matches!(quote, b'\'' | b'"');
    if quoted {
        i += 1;
    }
    let word_start = i;
    while i < end && is_ident(c.byte(i)) {
        i += 1;
    }
    if i == word_start || (quoted && c.byte(i) != quote) {
        return false;
    }
    let word = &c.src[word_start..i];
    if quoted {
        i += 1;
    }
    c.emit(Class::Meta, start, i);
    let newline = c.line_end_at(i, end);
    if newline == end {
        return true;
    }
    let body = newline + 1;
    let mut line = body;
    while line < end {
        let line_end = c.src[line..end].find('\n').map_or(end, |n| line + n);
        let text = &c.src[line..line_end];
        let text = if strip_tabs {
            text.trim_start_matches('\t')
        } else {
            text
        };
        if text == word {
            c.emit(Class::String, body, line);
            c.emit(Class::Meta, line, line_end);
            return true;
        }
        line = line_end + 1;
    }
    c.emit(Class::String, body, end);
    true
}

/// A number: decimal with `_`, fraction and exponent, `0x`/`0b`/`0o`, and a type suffix.
pub(super) fn number(c: &mut Cursor<'_, '_>, end: usize) {
    let start = c.pos;
    if c.peek(0) == b'0' && matches!(c.peek(1) | 0x20, b'x' | b'b' | b'o') {
        c.pos += 2;
        c.eat_while(end, |b| b.is_ascii_hexdigit() || b == b'_');
    } else {
        c.eat_while(end, |b| b.is_ascii_digit() || b == b'_');
        if c.peek(0) == b'.' && c.peek(1).is_ascii_digit() {
            c.pos += 1;
            c.eat_while(end, |b| b.is_ascii_digit() || b == b'_');
        }
        let exp_digit = |i| c.peek(i).is_ascii_digit();
        if c.peek(0) | 0x20 == b'e'
            && (exp_digit(1) || (matches!(c.peek(1), b'+' | b'-') && exp_digit(2)))
        {
            c.pos += 2;
            c.eat_while(end, |b| b.is_ascii_digit());
        }
    }
    // Suffixes: `u8`, `f64`, `L`, `n`.
    c.eat_while(end, |b| b.is_ascii_alphanumeric() || b == b'_');
    c.token(Class::Number, start);
}

/// Whether the cursor starts a shell word (a `#` there starts a comment).
pub(super) fn at_word_start(c: &Cursor<'_, '_>) -> bool {
    c.pos == 0
        || matches!(
            c.byte(c.pos - 1),
            b' ' | b'\t' | b'\n' | b';' | b'|' | b'&' | b'('
        )
}

/// Whether only spaces stand between the start of the line and the cursor.
pub(super) fn only_spaces_before(c: &Cursor<'_, '_>) -> bool {
    c.src[..c.pos]
        .bytes()
        .rev()
        .take_while(|&b| b != b'\n')
        .all(|b| b == b' ' || b == b'\t')
}
