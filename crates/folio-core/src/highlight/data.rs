//! Scanners for data and line-oriented formats: JSON, YAML, TOML, diffs and shell sessions.

use super::cursor::{Cursor, is_ident};
use super::strings::{self, Escapes, Quote, Rules};
use super::{Class, Language, langs, scan};

const ONE_LINE: Rules = Rules {
    escapes: Escapes::Highlight,
    multiline: false,
    variables: false,
};

/// Where the string starting at `start` (its quote) ends, after the closing quote; at most the
/// end of its line.
fn string_end(c: &Cursor<'_, '_>, start: usize, end: usize) -> usize {
    let quote = c.byte(start);
    let bytes = c.src.as_bytes();
    let mut i = start + 1;
    while i < end {
        match bytes[i] {
            b'\\' if quote == b'"' => i += 1,
            b'\n' => return i,
            b if b == quote => return i + 1,
            _ => {}
        }
        i += 1;
    }
    end
}

/// The first byte at or after `from` that is not a space or tab.
fn next_nonblank(c: &Cursor<'_, '_>, from: usize) -> u8 {
    c.src.as_bytes()[from.min(c.src.len())..]
        .iter()
        .copied()
        .find(|&b| b != b' ' && b != b'\t')
        .unwrap_or(0)
}

/// A string that is a key when `key_mark` follows it (JSON `:`, TOML `=`), else a value.
fn string_or_key(c: &mut Cursor<'_, '_>, key_mark: u8, end: usize) {
    let start = c.pos;
    let close = string_end(c, start, end);
    if next_nonblank(c, close) == key_mark {
        c.emit(Class::Key, start, close);
    } else if c.peek(0) == b'\'' {
        c.pos = close;
        c.token(Class::String, start);
    } else {
        strings::quoted(c, start, Quote::Double, ONE_LINE, end);
    }
}

/// A number, date or time as TOML and YAML write them: from a digit (or sign) on through
/// letters, digits and `_:.+-`.
fn number_like(c: &mut Cursor<'_, '_>, end: usize) {
    let start = c.pos;
    c.pos += 1;
    c.eat_while(end, |b| {
        b.is_ascii_alphanumeric() || matches!(b, b'_' | b':' | b'.' | b'+' | b'-')
    });
    c.token(Class::Number, start);
}

fn starts_number(c: &Cursor<'_, '_>) -> bool {
    let b = c.peek(0);
    b.is_ascii_digit() || (matches!(b, b'-' | b'+') && c.peek(1).is_ascii_digit())
}

/// JSON, with `//` and `/* */` comments allowed (JSONC): keys apart from string values.
pub(super) fn json(c: &mut Cursor<'_, '_>, end: usize) {
    while c.pos < end {
        let start = c.pos;
        match c.peek(0) {
            b'"' => string_or_key(c, b':', end),
            b'/' if c.peek(1) == b'/' => {
                c.pos = c.line_end(end);
                c.token(Class::Comment, start);
            }
            b'/' if c.peek(1) == b'*' => {
                c.pos = c.src[start + 2..end]
                    .find("*/")
                    .map_or(end, |i| start + i + 4);
                c.token(Class::Comment, start);
            }
            _ if starts_number(c) => number_like(c, end),
            b if b.is_ascii_alphabetic() => {
                c.eat_while(end, is_ident);
                c.token(Class::Builtin, start);
            }
            _ => c.bump(),
        }
    }
}

/// YAML, line by line: keys, comments, quoted and plain scalars, anchors, tags, block scalars.
pub(super) fn yaml(c: &mut Cursor<'_, '_>) {
    let end = c.src.len();
    // Indentation of the line that opened a `|` or `>` block scalar.
    let mut block: Option<usize> = None;
    while c.pos < end {
        let line_start = c.pos;
        let line_end = c.line_end(end);
        c.eat_while(line_end, |b| b == b' ');
        let indent = c.pos - line_start;
        if let Some(block_indent) = block {
            if c.pos == line_end || indent > block_indent {
                c.emit(Class::String, c.pos, line_end);
                c.pos = (line_end + 1).min(end);
                continue;
            }
            block = None;
        }
        if indent == 0 && (c.at("---") || c.at("...")) {
            c.pos += 3;
            c.token(Class::Meta, line_start);
        }
        while c.at("- ") || c.rest().starts_with("-\n") {
            c.pos += 1;
            c.eat_while(line_end, |b| b == b' ');
        }
        yaml_key(c, line_end);
        if yaml_value(c, line_start, line_end) {
            block = Some(indent);
        }
        c.pos = (line_end + 1).min(end);
    }
}

/// A `key:` at the cursor, if the line has one there.
fn yaml_key(c: &mut Cursor<'_, '_>, line_end: usize) {
    let start = c.pos;
    let key_end = match c.peek(0) {
        b'"' | b'\'' => string_end(c, start, line_end),
        b'#' | b'{' | b'[' | b'&' | b'*' | b'!' | b'|' | b'>' => return,
        _ => {
            let line = &c.src[start..line_end];
            let Some(colon) = line
                .match_indices(':')
                .map(|(i, _)| i)
                .find(|&i| matches!(line.as_bytes().get(i + 1), None | Some(b' ' | b'\t')))
            else {
                return;
            };
            if line[..colon].contains(" #") {
                return;
            }
            start + colon
        }
    };
    if c.byte(key_end) == b':' {
        c.emit(Class::Key, start, key_end);
        c.pos = key_end + 1;
    }
}

/// The value part of a YAML line; true when it opens a block scalar (`|`, `>-` …).
fn yaml_value(c: &mut Cursor<'_, '_>, line_start: usize, line_end: usize) -> bool {
    // A plain scalar after this is inside a flow collection. Found once per line: looking back
    // to the line start for each scalar took quadratic time on `[a,a,a,…`.
    let flow_start = c.src[line_start..line_end]
        .find(['[', '{'])
        .map_or(line_end, |i| line_start + i);
    while c.pos < line_end {
        let start = c.pos;
        match c.peek(0) {
            b' ' | b'\t' | b',' | b'[' | b']' | b'{' | b'}' | b':' | b'-' if !starts_number(c) => {
                c.pos += 1;
            }
            b'#' if start == 0 || matches!(c.byte(start - 1), b' ' | b'\t') => {
                c.emit(Class::Comment, start, line_end);
            }
            b'"' => strings::quoted(c, start, Quote::Double, ONE_LINE, line_end),
            b'\'' => {
                let rules = Rules {
                    escapes: Escapes::None,
                    ..ONE_LINE
                };
                strings::quoted(c, start, Quote::Sql, rules, line_end);
            }
            b'&' | b'*' | b'!' => {
                c.eat_while(line_end, |b| !matches!(b, b' ' | b',' | b']' | b'}'));
                let class = if c.byte(start) == b'!' {
                    Class::Type
                } else {
                    Class::Variable
                };
                c.token(class, start);
            }
            b'|' | b'>' => {
                c.eat_while(line_end, |b| {
                    matches!(b, b'|' | b'>' | b'-' | b'+') || b.is_ascii_digit()
                });
                c.token(Class::Meta, start);
                return true;
            }
            _ => {
                // A plain scalar runs to a comment, or inside flow collections to `,]}`.
                let flow = flow_start < start;
                while c.pos < line_end {
                    let b = c.peek(0);
                    if (b == b'#' && matches!(c.byte(c.pos - 1), b' ' | b'\t'))
                        || (flow && matches!(b, b',' | b']' | b'}'))
                    {
                        break;
                    }
                    c.bump();
                }
                let text = c.src[start..c.pos].trim_end();
                let class = match text {
                    "true" | "false" | "True" | "False" | "null" | "Null" | "~" => Class::Builtin,
                    _ if text.parse::<f64>().is_ok() => Class::Number,
                    _ if flow && c.peek(0) == b':' => Class::Key,
                    _ => Class::String,
                };
                c.emit(class, start, start + text.len());
            }
        }
    }
    false
}

/// TOML: table headers, keys (bare, quoted, dotted), strings of all four kinds, numbers and
/// dates, booleans, comments.
pub(super) fn toml(c: &mut Cursor<'_, '_>) {
    let end = c.src.len();
    let mut line_start = true;
    let mut depth = 0usize;
    while c.pos < end {
        let start = c.pos;
        let b = c.peek(0);
        match b {
            b'\n' => {
                line_start = true;
                c.pos += 1;
                continue;
            }
            b' ' | b'\t' | b'\r' => {
                c.pos += 1;
                continue;
            }
            b'#' => {
                c.pos = c.line_end(end);
                c.token(Class::Comment, start);
            }
            b'[' if line_start && depth == 0 => {
                let line_end = c.line_end(end);
                c.pos = c.src[start..line_end]
                    .rfind(']')
                    .map_or(line_end, |i| start + i + 1);
                c.token(Class::Tag, start);
            }
            b'"' | b'\'' => {
                let triple = if b == b'"' { "\"\"\"" } else { "'''" };
                if c.at(triple) {
                    let escapes = if b == b'"' {
                        Escapes::Highlight
                    } else {
                        Escapes::None
                    };
                    let rules = Rules {
                        escapes,
                        ..ONE_LINE
                    };
                    strings::quoted(c, start, Quote::Triple(triple), rules, end);
                } else {
                    string_or_key(c, b'=', end);
                }
            }
            b'[' | b'{' => {
                depth += 1;
                c.pos += 1;
            }
            b']' | b'}' => {
                depth = depth.saturating_sub(1);
                c.pos += 1;
            }
            _ if starts_number(c) => number_like(c, end),
            _ if is_ident(b) || b == b'-' => {
                c.eat_while(end, |b| is_ident(b) || matches!(b, b'-' | b'.'));
                let word = &c.src[start..c.pos];
                let class = if next_nonblank(c, c.pos) == b'=' {
                    Some(Class::Key)
                } else {
                    match word {
                        "true" | "false" => Some(Class::Builtin),
                        "inf" | "nan" => Some(Class::Number),
                        _ => None,
                    }
                };
                if let Some(class) = class {
                    c.token(class, start);
                }
            }
            _ => c.bump(),
        }
        line_start = false;
    }
}

/// Unified and git diffs: added and removed lines, headers and hunk lines.
pub(super) fn diff(c: &mut Cursor<'_, '_>) {
    let end = c.src.len();
    while c.pos < end {
        let start = c.pos;
        let line_end = c.line_end(end);
        let line = &c.src[start..line_end];
        const HEADERS: [&str; 9] = [
            "+++",
            "---",
            "@@",
            "diff ",
            "index ",
            "new file",
            "deleted file",
            "similarity ",
            "rename ",
        ];
        let class = if HEADERS.iter().any(|p| line.starts_with(p)) {
            Some(Class::Meta)
        } else {
            match line.as_bytes().first() {
                Some(b'+' | b'>') => Some(Class::Inserted),
                Some(b'-' | b'<') => Some(Class::Deleted),
                Some(b'\\') => Some(Class::Comment),
                _ => None,
            }
        };
        if let Some(class) = class {
            c.emit(class, start, line_end);
        }
        c.pos = (line_end + 1).min(end);
    }
}

/// A shell session: lines starting with a `$ `, `% ` or `# ` prompt are commands, highlighted
/// as shell; other lines are output, left plain.
pub(super) fn console(c: &mut Cursor<'_, '_>) {
    let end = c.src.len();
    let shell = langs::syntax(Language::Shell);
    while c.pos < end {
        let start = c.pos;
        let line_end = c.line_end(end);
        let line = &c.src[start..line_end];
        if ["$ ", "% ", "# "].iter().any(|p| line.starts_with(p)) || line == "$" {
            c.emit(Class::Meta, start, start + 1);
            scan::code(c, shell, line_end);
        }
        c.pos = (line_end + 1).min(end);
    }
}
