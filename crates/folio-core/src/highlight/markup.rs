//! Scanners for markup and style: HTML/XML (with JavaScript in `<script>` and CSS in
//! `<style>`), CSS, and Markdown.

use super::cursor::{Cursor, is_ident_start};
use super::strings::{self, Escapes, Quote, Rules};
use super::{Class, Language, langs, scan};

const MULTILINE: Rules = Rules {
    escapes: Escapes::None,
    multiline: true,
    variables: false,
};

/// Moves the cursor past `close` (or to `end`) and writes what it passed as `class`.
fn to_close(c: &mut Cursor<'_, '_>, class: Class, close: &str, end: usize) {
    let start = c.pos;
    c.pos = c.src[start..end]
        .find(close)
        .map_or(end, |i| start + i + close.len());
    c.token(class, start);
}

fn is_name(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.') || b >= 0x80
}

/// HTML and XML: tags, attributes, values, comments, doctypes, entities.
pub(super) fn html(c: &mut Cursor<'_, '_>, end: usize) {
    while c.pos < end {
        let start = c.pos;
        match c.peek(0) {
            b'<' if c.at("<!--") => to_close(c, Class::Comment, "-->", end),
            b'<' if c.at("<![CDATA[") => to_close(c, Class::String, "]]>", end),
            b'<' if matches!(c.peek(1), b'!' | b'?') => to_close(c, Class::Meta, ">", end),
            b'<' if c.peek(1).is_ascii_alphabetic()
                || (c.peek(1) == b'/' && c.peek(2).is_ascii_alphabetic()) =>
            {
                tag(c, end);
            }
            b'&' => {
                c.pos += 1;
                c.eat_while(end, |b| b.is_ascii_alphanumeric() || b == b'#');
                if c.peek(0) == b';' && c.pos > start + 1 {
                    c.pos += 1;
                    c.token(Class::Escape, start);
                }
            }
            _ => c.bump(),
        }
    }
}

/// A start or end tag at the cursor; the content of `<script>` and `<style>` is highlighted as
/// JavaScript and CSS.
fn tag(c: &mut Cursor<'_, '_>, end: usize) {
    let closing = c.peek(1) == b'/';
    c.pos += if closing { 2 } else { 1 };
    let name_start = c.pos;
    c.eat_while(end, is_name);
    c.token(Class::Tag, name_start);
    let name = c.src[name_start..c.pos].to_ascii_lowercase();
    let mut self_closing = false;
    while c.pos < end {
        let start = c.pos;
        match c.peek(0) {
            b'>' => {
                c.pos += 1;
                break;
            }
            b'/' if c.peek(1) == b'>' => {
                c.pos += 2;
                self_closing = true;
                break;
            }
            b'"' | b'\'' => {
                let quote = if c.peek(0) == b'"' {
                    Quote::Double
                } else {
                    Quote::Single
                };
                strings::quoted(c, start, quote, MULTILINE, end);
            }
            b'=' => {
                c.pos += 1;
                if !matches!(c.peek(0), b'"' | b'\'' | b' ' | b'>') {
                    let value = c.pos;
                    c.eat_while(end, |b| !b.is_ascii_whitespace() && b != b'>');
                    c.token(Class::String, value);
                }
            }
            b if b.is_ascii_whitespace() || b == b'/' => c.pos += 1,
            _ => {
                c.eat_while(end, |b| {
                    !b.is_ascii_whitespace() && !matches!(b, b'=' | b'>' | b'/' | b'"' | b'\'')
                });
                if c.pos == start {
                    c.bump();
                }
                c.token(Class::Attribute, start);
            }
        }
    }
    if closing || self_closing || !matches!(name.as_str(), "script" | "style") {
        return;
    }
    let body = &c.src[c.pos..end];
    let body_end = body
        .match_indices("</")
        .find(|(i, _)| {
            body.as_bytes()[i + 2..]
                .get(..name.len())
                .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
        })
        .map_or(end, |(i, _)| c.pos + i);
    if name == "script" {
        scan::code(c, langs::syntax(Language::JavaScript), body_end);
    } else {
        css(c, body_end);
    }
    c.pos = body_end;
}

/// CSS: selectors, at-rules, properties, values (numbers with units, colours, strings,
/// functions), custom properties, comments.
pub(super) fn css(c: &mut Cursor<'_, '_>, end: usize) {
    // Between a property's `:` and its `;` or `}`.
    let mut in_value = false;
    let mut statement_end = StatementEnd::default();
    while c.pos < end {
        let start = c.pos;
        let b = c.peek(0);
        match b {
            b'/' if c.peek(1) == b'*' => to_close(c, Class::Comment, "*/", end),
            b'"' | b'\'' => {
                let quote = if b == b'"' {
                    Quote::Double
                } else {
                    Quote::Single
                };
                let rules = Rules {
                    escapes: Escapes::Highlight,
                    multiline: false,
                    variables: false,
                };
                strings::quoted(c, start, quote, rules, end);
            }
            b'{' | b'}' | b';' => {
                in_value = false;
                c.pos += 1;
            }
            b'@' => {
                c.pos += 1;
                c.eat_while(end, |b| is_name(b) && b != b':');
                c.token(Class::Keyword, start);
            }
            b'!' if in_value && c.rest()[1..].starts_with("important") => {
                c.pos += "!important".len();
                c.token(Class::Keyword, start);
            }
            b'#' if in_value => {
                c.pos += 1;
                c.eat_while(end, |b| b.is_ascii_hexdigit());
                c.token(Class::Number, start);
            }
            b'.' | b'#' | b':' if !in_value && is_ident_start(c.peek(1)) => {
                c.pos += 1;
                c.eat_while(end, |b| is_name(b) && b != b':' && b != b'.');
                c.token(Class::Attribute, start);
            }
            b'0'..=b'9' => number(c, end),
            b'.' | b'-' | b'+' if in_value && c.peek(1).is_ascii_digit() => number(c, end),
            _ if b == b'-' && c.peek(1) == b'-' => {
                c.eat_while(end, |b| is_name(b) && b != b':' && b != b'.');
                c.token(Class::Variable, start);
            }
            _ if is_ident_start(b) || b == b'-' => {
                c.eat_while(end, |b| is_name(b) && b != b':' && b != b'.');
                let class = if c.peek(0) == b'(' {
                    Some(Class::Function)
                } else if in_value {
                    None
                } else if is_property(c, end, &mut statement_end) {
                    in_value = true;
                    Some(Class::Key)
                } else {
                    Some(Class::Tag)
                };
                if let Some(class) = class {
                    c.token(class, start);
                }
            }
            _ => c.bump(),
        }
    }
}

/// Where the statement around the cursor ends: the first `;`, `}` or `{` from `from` on, or the
/// end. Kept between names, so that a long selector of `a:b a:b …` is searched once, not once per
/// name.
#[derive(Debug, Default)]
struct StatementEnd {
    from: usize,
    at: Option<usize>,
}

/// Whether the name before the cursor is a property: a `:` follows, and no `{` comes before the
/// statement ends (else it is a selector with a pseudo-class, as in `a:hover {`).
fn is_property(c: &Cursor<'_, '_>, end: usize, statement_end: &mut StatementEnd) -> bool {
    let rest = &c.src[c.pos..end];
    if !rest.trim_start_matches([' ', '\t']).starts_with(':') {
        return false;
    }
    let at = match statement_end.at {
        Some(at) if (statement_end.from..=at).contains(&c.pos) => at,
        _ => {
            let at = rest.find([';', '}', '{']).map_or(end, |i| c.pos + i);
            *statement_end = StatementEnd {
                from: c.pos,
                at: Some(at),
            };
            at
        }
    };
    c.byte(at) != b'{' || at == end
}

fn number(c: &mut Cursor<'_, '_>, end: usize) {
    let start = c.pos;
    c.pos += 1;
    c.eat_while(end, |b| b.is_ascii_alphanumeric() || b == b'.' || b == b'%');
    c.token(Class::Number, start);
}

/// Markdown, line by line: headings, fences and fenced code, list and quote markers, inline code,
/// link destinations, comments and escapes.
pub(super) fn markdown(c: &mut Cursor<'_, '_>) {
    let end = c.src.len();
    let mut fence: Option<&str> = None;
    while c.pos < end {
        let start = c.pos;
        let line_end = c.line_end(end);
        let line = &c.src[start..line_end];
        let trimmed = line.trim_start_matches(' ');
        let indent = line.len() - trimmed.len();
        if let Some(open) = fence {
            let class = if trimmed.starts_with(open) {
                fence = None;
                Class::Meta
            } else {
                Class::String
            };
            c.emit(class, start, line_end);
        } else if indent < 4 && (trimmed.starts_with("```") || trimmed.starts_with("~~~")) {
            fence = Some(&trimmed[..3]);
            c.emit(Class::Meta, start + indent, line_end);
        } else if indent < 4 && is_heading(trimmed) {
            c.emit(Class::Keyword, start + indent, line_end);
        } else {
            c.pos = start + indent;
            let marker = trimmed.bytes().take_while(u8::is_ascii_digit).count();
            let marker_len = match trimmed.as_bytes() {
                [b'>', ..] => 1,
                [b'-' | b'*' | b'+', b' ', ..] => 1,
                bytes if marker > 0 && matches!(bytes.get(marker), Some(b'.' | b')')) => marker + 1,
                _ => 0,
            };
            c.emit(Class::Meta, c.pos, c.pos + marker_len);
            inline(c, line_end);
        }
        c.pos = (line_end + 1).min(end);
    }
}

fn is_heading(line: &str) -> bool {
    let level = line.bytes().take_while(|&b| b == b'#').count();
    (1..=6).contains(&level) && matches!(line.as_bytes().get(level), None | Some(b' ' | b'\t'))
}

/// Code spans, link destinations, HTML comments and backslash escapes inside a line.
fn inline(c: &mut Cursor<'_, '_>, line_end: usize) {
    while c.pos < line_end {
        let start = c.pos;
        match c.peek(0) {
            b'`' => {
                c.eat_while(line_end, |b| b == b'`');
                let ticks = &c.src[start..c.pos];
                c.pos = c.src[c.pos..line_end]
                    .find(ticks)
                    .map_or(line_end, |i| c.pos + i + ticks.len());
                c.token(Class::String, start);
            }
            b']' if c.peek(1) == b'(' => {
                c.pos += 2;
                let url = c.pos;
                c.pos = c.src[url..line_end].find(')').map_or(line_end, |i| url + i);
                c.token(Class::String, url);
            }
            b'<' if c.at("<!--") => to_close(c, Class::Comment, "-->", line_end),
            b'\\' if c.peek(1).is_ascii_punctuation() => {
                c.pos += 2;
                c.token(Class::Escape, start);
            }
            _ => c.bump(),
        }
    }
}
