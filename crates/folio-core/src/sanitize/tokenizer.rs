//! A small HTML tokenizer, after the WHATWG tokenizer states that matter for sanitizing: text,
//! tags with their attributes, comments and other markup declarations, and the raw text of
//! elements such as `<script>`. It keeps its state between pieces of input and hands text and
//! complete tags to a [`Sink`], which decides what becomes of them.

/// A complete start or end tag. Names are ASCII-lowercased; attribute values are as written
/// (character references not decoded).
#[derive(Debug, Default, Clone)]
pub(super) struct Tag {
    pub(super) end: bool,
    pub(super) self_closing: bool,
    pub(super) name: String,
    /// The name as written, when that was not all lowercase: Vue components are told from
    /// HTML by their case (`<Badge>`).
    pub(super) written: Option<String>,
    pub(super) attrs: Vec<(String, String)>,
}

/// How the tokenizer goes on after a tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Next {
    /// Markup as usual.
    Markup,
    /// Raw text up to `</name` (after `<script>`, `<style>` …).
    RawText(&'static str),
    /// Raw text to the end of the input (after `<plaintext>`).
    Plaintext,
}

/// Receives what the tokenizer reads.
pub(super) trait Sink {
    /// Text outside tags, as written (character references not decoded).
    fn text(&mut self, text: &str);
    /// A complete tag; the answer says how to read what follows it.
    fn tag(&mut self, tag: Tag) -> Next;
}

/// Where the tokenizer is, between any two characters of input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Data,
    TagOpen,
    EndTagOpen,
    TagName,
    BeforeAttrName,
    AttrName,
    AfterAttrName,
    BeforeAttrValue,
    /// Inside a value quoted with this character.
    QuotedValue(char),
    UnquotedValue,
    AfterQuotedValue,
    SelfClosing,
    /// After `<!`, having seen one `-` or not.
    MarkupDeclaration {
        dash: bool,
    },
    /// Inside `<!-- … -->`: trailing dashes seen (at most 2), and `--!`.
    Comment {
        dashes: u8,
        bang: bool,
    },
    /// `<!doctype …>`, `<?…>`, `<![CDATA[…]]>` and the like, up to the next `>`.
    BogusComment,
    /// Inside a raw-text element, having matched this many bytes of `</name`.
    RawText {
        name: &'static str,
        matched: usize,
    },
    /// Inside `<plaintext>`: nothing ends it.
    Plaintext,
}

/// The tokenizer's state between pieces of input.
#[derive(Debug, Clone)]
pub(super) struct Tokenizer {
    state: State,
    tag: Tag,
    attr_name: String,
    attr_value: String,
}

impl Default for Tokenizer {
    fn default() -> Self {
        Self {
            state: State::Data,
            tag: Tag::default(),
            attr_name: String::new(),
            attr_value: String::new(),
        }
    }
}

fn is_space(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\u{C}' | '\r' | ' ')
}

impl Tokenizer {
    /// Reads the next piece of input.
    pub(super) fn push(&mut self, html: &str, sink: &mut impl Sink) {
        let mut i = 0;
        while i < html.len() {
            if self.state == State::Data {
                // Text runs up to the next `<` in one go.
                let end = html[i..].find('<').map_or(html.len(), |j| i + j);
                if end > i {
                    sink.text(&html[i..end]);
                }
                if end < html.len() {
                    self.state = State::TagOpen;
                }
                i = end + 1;
                continue;
            }
            let Some(c) = html[i..].chars().next() else {
                break;
            };
            if self.step(c, sink) {
                i += c.len_utf8();
            }
        }
    }

    /// Forgets an unfinished tag, comment or raw-text element: the next input starts as text.
    pub(super) fn reset(&mut self) {
        *self = Self::default();
    }

    /// Whether the tokenizer is in plain text, not inside a tag, comment or raw-text element.
    pub(super) fn in_text(&self) -> bool {
        self.state == State::Data
    }

    fn commit_attr(&mut self) {
        if !self.attr_name.is_empty() {
            let name = std::mem::take(&mut self.attr_name);
            let value = std::mem::take(&mut self.attr_value);
            self.tag.attrs.push((name, value));
        }
        self.attr_value.clear();
    }

    fn emit_tag(&mut self, sink: &mut impl Sink) {
        let mut tag = std::mem::take(&mut self.tag);
        if tag.name.bytes().any(|b| b.is_ascii_uppercase()) {
            tag.written = Some(tag.name.clone());
            tag.name.make_ascii_lowercase();
        }
        self.state = match sink.tag(tag) {
            Next::Markup => State::Data,
            Next::RawText(name) => State::RawText { name, matched: 0 },
            Next::Plaintext => State::Plaintext,
        };
    }

    /// Handles one character outside the data state. Returns `false` when the character must be
    /// handled again in the new state.
    fn step(&mut self, c: char, sink: &mut impl Sink) -> bool {
        match self.state {
            // `push` reads the data state in bulk.
            State::Data => return false,
            State::TagOpen => match c {
                '!' => self.state = State::MarkupDeclaration { dash: false },
                '/' => self.state = State::EndTagOpen,
                '?' => self.state = State::BogusComment,
                c if c.is_ascii_alphabetic() => {
                    self.tag = Tag::default();
                    self.state = State::TagName;
                    return false;
                }
                _ => {
                    sink.text("<");
                    self.state = State::Data;
                    return false;
                }
            },
            State::EndTagOpen => match c {
                c if c.is_ascii_alphabetic() => {
                    self.tag = Tag {
                        end: true,
                        ..Tag::default()
                    };
                    self.state = State::TagName;
                    return false;
                }
                '>' => self.state = State::Data,
                _ => self.state = State::BogusComment,
            },
            State::TagName => match c {
                _ if is_space(c) => self.state = State::BeforeAttrName,
                '/' => self.state = State::SelfClosing,
                '>' => self.emit_tag(sink),
                // Lowercased in `emit_tag`, which keeps the name as written too.
                c => self.tag.name.push(c),
            },
            State::BeforeAttrName => match c {
                _ if is_space(c) => {}
                '/' => self.state = State::SelfClosing,
                '>' => self.emit_tag(sink),
                c => {
                    self.attr_name.push(c.to_ascii_lowercase());
                    self.state = State::AttrName;
                }
            },
            State::AttrName => match c {
                _ if is_space(c) || c == '/' || c == '>' => {
                    self.state = State::AfterAttrName;
                    return false;
                }
                '=' => self.state = State::BeforeAttrValue,
                c => self.attr_name.push(c.to_ascii_lowercase()),
            },
            State::AfterAttrName => match c {
                _ if is_space(c) => {}
                '=' => self.state = State::BeforeAttrValue,
                _ => {
                    self.commit_attr();
                    self.state = State::BeforeAttrName;
                    return false;
                }
            },
            State::BeforeAttrValue => match c {
                _ if is_space(c) => {}
                '"' | '\'' => self.state = State::QuotedValue(c),
                '>' => {
                    self.commit_attr();
                    self.emit_tag(sink);
                }
                _ => {
                    self.state = State::UnquotedValue;
                    return false;
                }
            },
            State::QuotedValue(quote) => {
                if c == quote {
                    self.commit_attr();
                    self.state = State::AfterQuotedValue;
                } else {
                    self.attr_value.push(c);
                }
            }
            State::UnquotedValue => match c {
                _ if is_space(c) => {
                    self.commit_attr();
                    self.state = State::BeforeAttrName;
                }
                '>' => {
                    self.commit_attr();
                    self.emit_tag(sink);
                }
                c => self.attr_value.push(c),
            },
            State::AfterQuotedValue => {
                self.state = State::BeforeAttrName;
                return is_space(c);
            }
            State::SelfClosing => {
                if c == '>' {
                    self.tag.self_closing = true;
                    self.emit_tag(sink);
                } else {
                    self.state = State::BeforeAttrName;
                    return false;
                }
            }
            State::MarkupDeclaration { dash } => match c {
                // `<!-->` and `<!--->` end at once, as browsers read them.
                '-' if dash => {
                    self.state = State::Comment {
                        dashes: 2,
                        bang: false,
                    }
                }
                '-' => self.state = State::MarkupDeclaration { dash: true },
                '>' => self.state = State::Data,
                _ => self.state = State::BogusComment,
            },
            State::Comment { dashes, bang } => {
                self.state = match c {
                    '>' if dashes >= 2 => State::Data,
                    '-' => State::Comment {
                        dashes: if bang { 1 } else { (dashes + 1).min(2) },
                        bang: false,
                    },
                    '!' if dashes >= 2 && !bang => State::Comment { dashes, bang: true },
                    _ => State::Comment {
                        dashes: 0,
                        bang: false,
                    },
                }
            }
            State::BogusComment => {
                if c == '>' {
                    self.state = State::Data;
                }
            }
            State::RawText { name, matched } => return self.raw_text(c, name, matched),
            State::Plaintext => {}
        }
        true
    }

    /// Looks for `</name` followed by a space, `/` or `>` inside a raw-text element; that starts
    /// its end tag.
    fn raw_text(&mut self, c: char, name: &'static str, matched: usize) -> bool {
        let wanted = match matched {
            0 => Some('<'),
            1 => Some('/'),
            n => name.as_bytes().get(n - 2).map(|&b| char::from(b)),
        };
        match wanted {
            Some(w) if c.to_ascii_lowercase() == w => {
                self.state = State::RawText {
                    name,
                    matched: matched + 1,
                };
                true
            }
            None if is_space(c) || c == '/' || c == '>' => {
                self.tag = Tag {
                    end: true,
                    name: name.to_owned(),
                    ..Tag::default()
                };
                self.state = State::TagName;
                false
            }
            _ => {
                self.state = State::RawText { name, matched: 0 };
                // A mismatch may itself start the end tag.
                matched == 0
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Records tokens as strings; `<script>` switches to raw text.
    #[derive(Default)]
    struct Record(Vec<String>);

    impl Sink for Record {
        fn text(&mut self, text: &str) {
            self.0.push(format!("text {text:?}"));
        }

        fn tag(&mut self, tag: Tag) -> Next {
            let slash = if tag.end { "/" } else { "" };
            let attrs: Vec<String> = tag
                .attrs
                .iter()
                .map(|(k, v)| format!("{k}={v:?}"))
                .collect();
            let close = if tag.self_closing { " /" } else { "" };
            self.0
                .push(format!("<{slash}{} {}{close}>", tag.name, attrs.join(" ")));
            match (tag.end, tag.name.as_str()) {
                (false, "script") => Next::RawText("script"),
                (false, "plaintext") => Next::Plaintext,
                _ => Next::Markup,
            }
        }
    }

    fn tokens(pieces: &[&str]) -> Vec<String> {
        let mut tokenizer = Tokenizer::default();
        let mut record = Record::default();
        for piece in pieces {
            tokenizer.push(piece, &mut record);
        }
        record.0
    }

    #[test]
    fn tags_attributes_and_text() {
        assert_eq!(
            tokens(&[r#"a<B Href="x" c='y' d=z e f=>t</b >"#]),
            [
                r#"text "a""#,
                r#"<b href="x" c="y" d="z" e="" f="">"#,
                r#"text "t""#,
                "</b >",
            ]
        );
    }

    #[test]
    fn comments_and_declarations_vanish() {
        let got = tokens(&["<!-- a -- b --!><!--><!---><!doctype x><?pi?><![CDATA[x]]>ok"]);
        assert_eq!(got, [r#"text "ok""#]);
    }

    #[test]
    fn raw_text_ends_only_at_its_own_end_tag() {
        assert_eq!(
            tokens(&["<script>a</b></scriptx></SCRIPT >t"]),
            ["<script >", "</script >", r#"text "t""#]
        );
    }

    #[test]
    fn state_carries_across_pieces() {
        assert_eq!(
            tokens(&["<a hr", "ef=\"x", "y\">", "<scr", "ipt>1</scr", "ipt>"]),
            [r#"<a href="xy">"#, "<script >", "</script >"]
        );
    }

    #[test]
    fn a_lone_less_than_is_text() {
        assert_eq!(
            tokens(&["a < b"]),
            [r#"text "a ""#, r#"text "<""#, r#"text " b""#]
        );
    }
}
