//! The scanner for programming languages (Rust, JavaScript, TypeScript, Python, Go, C, C++,
//! Java, shell, SQL): comments, strings, numbers and names, driven by a [`Syntax`].

use super::Class;
use super::cursor::{Cursor, is_ident, is_ident_start};
use super::langs::{Backtick, Prefixes, SingleQuote, Syntax};
use super::specials;
use super::strings::{self, Escapes, Quote, Rules};

/// What came before, for telling a regular expression from a division (JavaScript) and naming
/// what a declaration keyword declares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Prev {
    /// The start, an operator or an opening bracket: a value may follow.
    Operator,
    /// A name, number, string or closing bracket: an operator follows.
    Value,
    /// A keyword (`return /x/` is a regular expression).
    Keyword,
}

/// What the next name is, after `fn`/`def`/`function`/`func` or `class`/`struct`/….
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Declares {
    Nothing,
    Function,
    Type,
}

struct Scanner<'c, 's, 'o> {
    c: &'c mut Cursor<'s, 'o>,
    syn: &'static Syntax,
    end: usize,
    prev: Prev,
    declares: Declares,
    /// Open `{` brackets.
    braces: usize,
    /// For each JavaScript template literal whose `${` is open, the bracket depth at its `${`.
    templates: Vec<usize>,
    /// First bytes of the comment markers, to skip the comment checks for other bytes.
    comment_starts: [u8; 2],
    /// Where scans for regular expressions failed on the current line.
    failed_regexes: specials::FailedRegexes,
}

/// Highlights `c.pos..end` as code of the language `syn` describes.
pub(super) fn code(c: &mut Cursor<'_, '_>, syn: &'static Syntax, end: usize) {
    let mut scanner = Scanner {
        c,
        syn,
        end,
        prev: Prev::Operator,
        declares: Declares::Nothing,
        braces: 0,
        templates: Vec::new(),
        comment_starts: [
            syn.line_comments.first().map_or(0, |m| m.as_bytes()[0]),
            syn.block_comment.map_or(0, |(open, _)| open.as_bytes()[0]),
        ],
        failed_regexes: specials::FailedRegexes::default(),
    };
    scanner.run();
}

impl Scanner<'_, '_, '_> {
    fn run(&mut self) {
        while self.c.pos < self.end {
            let b = self.c.peek(0);
            if b.is_ascii_whitespace() {
                self.c.pos += 1;
            } else if self.comment_starts.contains(&b) && self.comment() {
                continue;
            } else if !self.special(b) {
                self.other(b);
            }
        }
    }

    /// Line and block comments.
    fn comment(&mut self) -> bool {
        let c = &mut *self.c;
        let start = c.pos;
        for marker in self.syn.line_comments {
            if c.at(marker) && (!self.syn.shell || specials::at_word_start(c)) {
                c.pos = c.line_end(self.end);
                c.token(Class::Comment, start);
                return true;
            }
        }
        let Some((open, close)) = self.syn.block_comment else {
            return false;
        };
        if !c.at(open) {
            return false;
        }
        c.pos += open.len();
        let mut depth = 1usize;
        while c.pos < self.end {
            if c.at(close) {
                c.pos += close.len();
                depth -= 1;
                if depth == 0 {
                    break;
                }
            } else if self.syn.nested_comments && c.at(open) {
                c.pos += open.len();
                depth += 1;
            } else {
                c.bump();
            }
        }
        c.pos = c.pos.min(self.end);
        c.token(Class::Comment, start);
        true
    }

    /// Strings, numbers, names and the per-language specials; false for plain punctuation.
    fn special(&mut self, b: u8) -> bool {
        let syn = self.syn;
        let start = self.c.pos;
        match b {
            b'"' => {
                let quote = if syn.triple_quotes && self.c.at("\"\"\"") {
                    Quote::Triple("\"\"\"")
                } else {
                    Quote::Double
                };
                self.string(quote, start, Escapes::Highlight);
            }
            b'\'' => return self.single_quote(start),
            b'`' => return self.backtick(start),
            b'0'..=b'9' => {
                specials::number(self.c, self.end);
                self.prev = Prev::Value;
            }
            b'.' if self.c.peek(1).is_ascii_digit()
                && self.prev != Prev::Value
                && (start == 0 || self.c.byte(start - 1) != b'.') =>
            {
                specials::number(self.c, self.end);
                self.prev = Prev::Value;
            }
            b'}' if self.templates.last() == Some(&self.braces) => {
                self.templates.pop();
                self.c.pos += 1;
                self.c.token(Class::Escape, start);
                self.template(start + 1);
            }
            // Not after `<`: a JSX closing tag (`</div>`).
            b'/' if syn.regex_literals
                && self.prev != Prev::Value
                && (start == 0 || self.c.byte(start - 1) != b'<') =>
            {
                if !specials::regex(self.c, self.end, &mut self.failed_regexes) {
                    return false;
                }
                self.prev = Prev::Value;
            }
            b'@' if syn.decorators && is_ident_start(self.c.peek(1)) => {
                self.c.pos += 1;
                self.c.eat_while(self.end, |b| is_ident(b) || b == b'.');
                self.c.token(Class::Attribute, start);
            }
            b'#' if syn.rust && matches!(self.c.peek(1), b'[' | b'!') => {
                return specials::rust_attribute(self.c, self.end);
            }
            b'#' if syn.preprocessor && specials::only_spaces_before(self.c) => {
                specials::preprocessor(self.c, self.end)
            }
            b'<' if syn.shell && self.c.at("<<") && self.c.peek(2) != b'<' => {
                return specials::heredoc(self.c, self.end);
            }
            b'$' if syn.shell => {
                if !specials::shell_variable(self.c, self.end) {
                    return false;
                }
                self.prev = Prev::Value;
            }
            _ if is_ident_start(b) => self.name(),
            _ => return false,
        }
        true
    }

    /// Punctuation: written plain, tracked for `prev` and braces.
    fn other(&mut self, b: u8) {
        match b {
            b'{' => self.braces += 1,
            b'}' => self.braces = self.braces.saturating_sub(1),
            _ => {}
        }
        self.prev = if matches!(b, b')' | b']' | b'}') {
            Prev::Value
        } else {
            Prev::Operator
        };
        if b < 0x80 {
            self.c.pos += 1;
        } else {
            self.c.bump();
        }
    }

    fn string(&mut self, quote: Quote, start: usize, escapes: Escapes) {
        let syn = self.syn;
        let rules = Rules {
            escapes,
            multiline: syn.rust || syn.shell || syn.case_insensitive,
            variables: syn.shell && quote == Quote::Double,
        };
        strings::quoted(self.c, start, quote, rules, self.end);
        self.prev = Prev::Value;
    }

    fn single_quote(&mut self, start: usize) -> bool {
        match self.syn.single_quote {
            SingleQuote::String | SingleQuote::Char
                if self.syn.triple_quotes && self.c.at("'''") =>
            {
                self.string(Quote::Triple("'''"), start, Escapes::Highlight);
            }
            SingleQuote::String => self.string(Quote::Single, start, Escapes::Highlight),
            SingleQuote::Sql => self.string(Quote::Sql, start, Escapes::None),
            SingleQuote::Literal => self.string(Quote::Single, start, Escapes::None),
            SingleQuote::Char => {
                let c = &mut *self.c;
                let next = c.peek(1);
                let after = c.rest()[1..].chars().next().map_or(1, char::len_utf8);
                let is_char = next == b'\\' || c.byte(c.pos + 1 + after) == b'\'';
                if !is_char && self.syn.rust && is_ident_start(next) {
                    c.pos += 1;
                    c.eat_while(self.end, is_ident);
                    c.token(Class::Variable, start);
                } else if is_char {
                    self.string(Quote::Single, start, Escapes::Highlight);
                } else {
                    return false;
                }
            }
        }
        true
    }

    fn backtick(&mut self, start: usize) -> bool {
        match self.syn.backtick {
            Backtick::None => return false,
            Backtick::Template => {
                self.c.pos += 1;
                self.template(start);
            }
            Backtick::Raw | Backtick::Command => {
                let escapes = if self.syn.backtick == Backtick::Raw {
                    Escapes::None
                } else {
                    Escapes::Highlight
                };
                self.string(Quote::Backtick, start, escapes);
            }
            Backtick::Identifier => {
                let c = &mut *self.c;
                let line_end = c.line_end(self.end);
                c.pos = c.src[start + 1..line_end]
                    .find('`')
                    .map_or(line_end, |i| start + i + 2);
                c.token(Class::Variable, start);
            }
        }
        self.prev = Prev::Value;
        true
    }

    /// The text of a template literal from `start` (after its backtick or the `}` of a `${…}`):
    /// up to the closing backtick, or up to a `${`, after which code is scanned until its `}`.
    fn template(&mut self, start: usize) {
        let c = &mut *self.c;
        let mut segment = start;
        while c.pos < self.end {
            match c.peek(0) {
                b'`' => {
                    c.pos += 1;
                    break;
                }
                b'\\' => {
                    c.emit(Class::String, segment, c.pos);
                    let at = c.pos;
                    c.pos += 1;
                    if c.pos < self.end {
                        c.bump();
                    }
                    c.token(Class::Escape, at);
                    segment = c.pos;
                }
                b'$' if c.peek(1) == b'{' => {
                    c.emit(Class::String, segment, c.pos);
                    let at = c.pos;
                    c.pos += 2;
                    c.token(Class::Escape, at);
                    self.templates.push(self.braces);
                    self.prev = Prev::Operator;
                    return;
                }
                _ => c.bump(),
            }
        }
        c.emit(Class::String, segment, c.pos);
        self.prev = Prev::Value;
    }

    /// A name: keyword, type, built-in, function, a string prefix, or plain.
    fn name(&mut self) {
        let syn = self.syn;
        let c = &mut *self.c;
        let start = c.pos;
        c.eat_while(self.end, |b| is_ident(b) || (syn.shell && b == b'-'));
        let word = &c.src[start..c.pos];
        let next = c.peek(0);
        if matches!(next, b'"' | b'\'') && self.prefixed_string(start) {
            return;
        }
        if syn.prefixes == Prefixes::Rust
            && next == b'#'
            && matches!(word, "r" | "br" | "cr")
            && strings::rust_raw(self.c, start, self.end)
        {
            self.prev = Prev::Value;
            return;
        }
        let c = &mut *self.c;
        let upper = syn.case_insensitive;
        let declared = std::mem::replace(&mut self.declares, Declares::Nothing);
        let class = if syn.keywords.contains(word, upper) {
            self.declares = match word {
                "fn" | "def" | "function" | "func" => Declares::Function,
                "class" | "struct" | "enum" | "trait" | "interface" | "union" => Declares::Type,
                _ => Declares::Nothing,
            };
            self.prev = Prev::Keyword;
            Some(Class::Keyword)
        } else if syn.rust && next == b'!' && c.peek(1) != b'=' {
            c.pos += 1;
            Some(Class::Function)
        } else if syn.builtins.contains(word, upper) {
            Some(Class::Builtin)
        } else if syn.types.contains(word, upper)
            || declared == Declares::Type
            || (syn.capitalized_types && word.as_bytes()[0].is_ascii_uppercase())
        {
            Some(Class::Type)
        } else if declared == Declares::Function || next == b'(' {
            Some(Class::Function)
        } else if syn.shell && next == b'=' {
            Some(Class::Variable)
        } else {
            None
        };
        if let Some(class) = class {
            c.token(class, start);
        }
        if class != Some(Class::Keyword) {
            self.prev = Prev::Value;
        }
    }

    /// A string whose prefix (`r#`, `b`, `f`, `R`, `u8` …) runs from `start` to the quote at
    /// the cursor; false (nothing consumed) when the name is not a prefix of this language.
    fn prefixed_string(&mut self, start: usize) -> bool {
        let c = &mut *self.c;
        let prefix = &c.src[start..c.pos];
        let escapes = match self.syn.prefixes {
            Prefixes::None => return false,
            Prefixes::Rust => match prefix {
                "b" | "c" => Escapes::Highlight,
                "r" | "br" | "cr" if c.peek(0) == b'"' => {
                    let done = strings::rust_raw(c, start, self.end);
                    self.prev = Prev::Value;
                    return done;
                }
                _ => return false,
            },
            Prefixes::Python => {
                let lower = prefix.to_ascii_lowercase();
                let valid = prefix.len() <= 2
                    && lower
                        .bytes()
                        .all(|b| matches!(b, b'r' | b'b' | b'f' | b'u'));
                if !valid {
                    return false;
                }
                if lower.contains('r') {
                    Escapes::Skip
                } else {
                    Escapes::Highlight
                }
            }
            Prefixes::Cpp => match prefix {
                "u8" | "u" | "U" | "L" => Escapes::Highlight,
                "R" | "u8R" | "uR" | "UR" | "LR" if c.peek(0) == b'"' => {
                    strings::cpp_raw(c, start, self.end);
                    self.prev = Prev::Value;
                    return true;
                }
                _ => return false,
            },
        };
        let quote = if c.peek(0) == b'\'' {
            if self.syn.triple_quotes && c.at("'''") {
                Quote::Triple("'''")
            } else {
                Quote::Single
            }
        } else if self.syn.triple_quotes && c.at("\"\"\"") {
            Quote::Triple("\"\"\"")
        } else {
            Quote::Double
        };
        self.string(quote, start, escapes);
        true
    }
}
