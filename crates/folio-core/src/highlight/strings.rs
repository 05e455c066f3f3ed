//! String literals: quotes, escapes, raw strings, and variables inside shell strings.

use super::Class;
use super::cursor::{Cursor, is_ident, is_ident_start};

/// How a string is delimited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Quote {
    Double,
    Single,
    Backtick,
    /// `'…'` where `''` stands for a quote (SQL).
    Sql,
    /// `"""…"""` or `'''…'''`.
    Triple(&'static str),
}

/// What a backslash does inside a string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Escapes {
    /// Starts an escape, highlighted on its own.
    Highlight,
    /// Keeps the next character from ending the string, and nothing more (Python raw strings).
    Skip,
    /// Nothing: a backslash is a backslash.
    None,
}

/// What else the string scanner must know.
#[derive(Debug, Clone, Copy)]
pub(super) struct Rules {
    pub(super) escapes: Escapes,
    /// The string may run over line ends; otherwise an unclosed string ends with its line.
    pub(super) multiline: bool,
    /// `$name` and `${…}` inside are variables (shell).
    pub(super) variables: bool,
}

/// The string at the cursor (its opening quote; any prefix lies between `start` and the cursor),
/// to its closing quote, the end of its line if it may not span lines, or `end`.
pub(super) fn quoted(c: &mut Cursor<'_, '_>, start: usize, quote: Quote, rules: Rules, end: usize) {
    let close = match quote {
        Quote::Double => "\"",
        Quote::Single | Quote::Sql => "'",
        Quote::Backtick => "`",
        Quote::Triple(q) => q,
    };
    let multiline = rules.multiline || matches!(quote, Quote::Triple(_) | Quote::Backtick);
    c.pos += close.len();
    let mut segment = start;
    while c.pos < end {
        if c.at(close) {
            if quote == Quote::Sql && c.peek(1) == b'\'' {
                c.pos += 2;
                continue;
            }
            c.pos += close.len();
            break;
        }
        match c.peek(0) {
            b'\n' if !multiline => break,
            b'\\' if rules.escapes == Escapes::Highlight => {
                c.emit(Class::String, segment, c.pos);
                let at = c.pos;
                c.pos += 1;
                if c.pos < end {
                    c.bump();
                }
                c.token(Class::Escape, at);
                segment = c.pos;
            }
            b'\\' if rules.escapes == Escapes::Skip => {
                c.pos += 1;
                if c.pos < end {
                    c.bump();
                }
            }
            b'$' if rules.variables && (c.peek(1) == b'{' || is_ident_start(c.peek(1))) => {
                c.emit(Class::String, segment, c.pos);
                let at = c.pos;
                if c.peek(1) == b'{' {
                    let line_end = c.line_end(end);
                    c.pos = c.src[at..line_end]
                        .find('}')
                        .map_or(line_end, |i| at + i + 1);
                } else {
                    c.pos += 1;
                    c.eat_while(end, is_ident);
                }
                c.token(Class::Variable, at);
                segment = c.pos;
            }
            _ => c.bump(),
        }
    }
    c.pos = c.pos.min(end);
    c.emit(Class::String, segment, c.pos);
}

/// A Rust raw string, the cursor after its `r`/`br`/`cr`: `#`s, a quote, and everything up to
/// a quote followed by as many `#`s. False (nothing consumed) when no quote follows the `#`s.
pub(super) fn rust_raw(c: &mut Cursor<'_, '_>, start: usize, end: usize) -> bool {
    let hashes = c.rest().bytes().take_while(|&b| b == b'#').count();
    if c.pos + hashes >= end || c.peek(hashes) != b'"' {
        return false;
    }
    let body = c.pos + hashes + 1;
    let mut closing = String::with_capacity(hashes + 1);
    closing.push('"');
    closing.extend(std::iter::repeat_n('#', hashes));
    c.pos = c.src[body..end]
        .find(&closing)
        .map_or(end, |i| body + i + closing.len());
    c.token(Class::String, start);
    true
}

/// A C++ raw string `R"delim( … )delim"`, the cursor at its quote.
pub(super) fn cpp_raw(c: &mut Cursor<'_, '_>, start: usize, end: usize) {
    let open = c.pos + 1;
    let line_end = c.line_end(end);
    // The delimiter is at most 16 characters: look no further for its `(`, so a line of `R""…`
    // takes linear time.
    let delimiter_end = c.src.as_bytes()[open..line_end.min(open + 17)]
        .iter()
        .position(|&b| b == b'(')
        .map(|n| open + n);
    let Some(paren) = delimiter_end else {
        quoted(
            c,
            start,
            Quote::Double,
            Rules {
                escapes: Escapes::Highlight,
                multiline: false,
                variables: false,
            },
            end,
        );
        return;
    };
    let closing = format!("){}\"", &c.src[open..paren]);
    c.pos = c.src[paren..end]
        .find(&closing)
        .map_or(end, |i| paren + i + closing.len());
    c.token(Class::String, start);
}
