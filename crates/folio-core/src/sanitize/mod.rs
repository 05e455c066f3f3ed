//! The raw-HTML sanitizer used when a site does not trust the HTML inside its posts.
//!
//! A small HTML tokenizer reads the raw fragments of a post and writes back only what it
//! understood and allowed: allowlisted start and end tags, rebuilt from their parsed name and
//! attributes (values decoded for checking, then escaped and always double-quoted), and text,
//! escaped. Comments, doctypes, processing instructions and CDATA are dropped; disallowed tags are
//! dropped but their text is kept, except for elements such as `<script>`, `<style>`, `<svg>` or
//! `<iframe>`, whose whole content goes too. Since nothing of the input is ever copied through raw,
//! markup that a browser would re-parse differently (mutation XSS) cannot survive: the output only
//! holds markup this module wrote itself.
//!
//! Raw HTML in Markdown comes in pieces (one event per line of an HTML block, one per inline tag)
//! with Markdown in between, so [`Sanitizer`] keeps its state from one piece to the next.

mod entities;
mod policy;

use std::fmt;

use crate::escape::{escape_html, quote_for_message};
use crate::url;
use policy::{Attr, Swallow};

/// Sanitizes a complete HTML fragment.
///
/// ```
/// use folio_core::sanitize_fragment;
/// assert_eq!(
///     sanitize_fragment(r#"<img src=x onerror=alert(1)><kbd>Ctrl</kbd><script>alert(1)</script>"#),
///     r#"<img src="x"><kbd>Ctrl</kbd>"#
/// );
/// assert_eq!(sanitize_fragment(r#"<a href="jav&#x09;ascript:alert(1)">x</a>"#), "<a>x</a>");
/// ```
pub fn sanitize_fragment(html: &str) -> String {
    let mut sanitizer = Sanitizer::new();
    let mut out = String::with_capacity(html.len());
    sanitizer.push(html, &mut out);
    sanitizer.finish(&mut out);
    out
}

/// Something the sanitizer took out, for telling the writer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Removed {
    /// An element that is not allowed; `with_content` when its content went with it.
    Element {
        /// The tag name, lowercase.
        name: String,
        /// Whether the element's content was dropped too (`<script>`, `<svg>` …).
        with_content: bool,
    },
    /// An attribute that is not allowed on its element.
    Attribute {
        /// The element's tag name.
        element: &'static str,
        /// The attribute name, lowercase.
        name: String,
    },
    /// A URL with a scheme that is not allowed (`javascript:`, `data:text/html` …).
    Url {
        /// The element's tag name.
        element: &'static str,
        /// The attribute that held the URL.
        attribute: &'static str,
        /// The URL, decoded.
        url: String,
    },
}

impl fmt::Display for Removed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Removed::Element {
                name,
                with_content: true,
            } => {
                let name = quote_for_message(name, 30);
                write!(f, "removed raw HTML <{name}> and everything inside it")
            }
            Removed::Element { name, .. } => {
                let name = quote_for_message(name, 30);
                write!(f, "removed raw HTML tag <{name}> (its text is kept)")
            }
            Removed::Attribute { element, name } => {
                let name = quote_for_message(name, 30);
                write!(f, "removed attribute `{name}` from raw HTML <{element}>")
            }
            Removed::Url {
                element,
                attribute,
                url,
            } => {
                let shown: String = url.chars().take(60).collect();
                let more = if shown.len() < url.len() { "…" } else { "" };
                write!(
                    f,
                    "removed unsafe URL `{shown}{more}` from <{element} {attribute}>"
                )
            }
        }
    }
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
    /// Inside a swallowed raw-text element, having matched this many bytes of `</name`.
    RawText {
        matched: usize,
    },
    /// Inside `<plaintext>`: nothing ends it.
    Plaintext,
}

/// A tag being read.
#[derive(Debug, Default, Clone)]
struct Tag {
    end: bool,
    self_closing: bool,
    name: String,
    attrs: Vec<(String, String)>,
    attr_name: String,
    attr_value: String,
}

impl Tag {
    fn commit_attr(&mut self) {
        if !self.attr_name.is_empty() {
            let name = std::mem::take(&mut self.attr_name);
            let value = std::mem::take(&mut self.attr_value);
            self.attrs.push((name, value));
        }
        self.attr_value.clear();
    }
}

/// An element whose content is being dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Swallowing {
    /// Raw text until `</name`.
    Raw(&'static str),
    /// Markup until the end tag that balances the start tag.
    Nested { name: &'static str, depth: usize },
    /// Until the raw HTML ends.
    Rest,
}

/// Sanitizes raw HTML that arrives in pieces, keeping its state in between.
///
/// Call [`Sanitizer::push`] for each piece, [`Sanitizer::end_block`] where the Markdown block
/// holding raw HTML ends (an unfinished tag is abandoned there, and an unclosed `<script>` stops
/// swallowing), and [`Sanitizer::finish`] at the end to close what is still open. Scopes
/// ([`Sanitizer::open_scope`], [`Sanitizer::close_scope`]) keep raw tags balanced inside Markdown
/// containers such as list items, so raw HTML can never close an element it did not open.
#[derive(Debug, Clone)]
pub struct Sanitizer<'b> {
    base: &'b str,
    site_extras: bool,
    state: State,
    tag: Tag,
    swallowing: Option<Swallowing>,
    open: Vec<&'static str>,
    scopes: Vec<usize>,
    removed: Vec<Removed>,
}

impl Default for Sanitizer<'_> {
    fn default() -> Self {
        Self::new()
    }
}

impl<'b> Sanitizer<'b> {
    /// A sanitizer that leaves relative URLs as they are and adds nothing.
    pub fn new() -> Self {
        Self {
            base: "",
            site_extras: false,
            state: State::Data,
            tag: Tag::default(),
            swallowing: None,
            open: Vec::new(),
            scopes: Vec::new(),
            removed: Vec::new(),
        }
    }

    /// Resolves relative `href`, `src` and `cite` URLs against `base` (see [`url::resolve`]).
    pub fn resolve_against(mut self, base: &'b str) -> Self {
        self.base = base;
        self
    }

    /// Treats raw HTML like Markdown: `rel="noopener noreferrer"` on external links and
    /// `loading="lazy" decoding="async"` on images.
    pub fn site_extras(mut self, on: bool) -> Self {
        self.site_extras = on;
        self
    }

    /// Whether content is being dropped right now (inside `<script>`, `<svg>` …): Markdown text
    /// that arrives meanwhile should be dropped too.
    pub fn is_swallowing(&self) -> bool {
        self.swallowing.is_some()
    }

    /// Whether the sanitizer is between tags, in plain text: a raw fragment pushed now starts
    /// fresh rather than continuing a tag, a comment or swallowed content.
    pub fn is_between_tags(&self) -> bool {
        self.state == State::Data && self.swallowing.is_none()
    }

    /// What was removed since the last call, for reporting.
    pub fn take_removed(&mut self) -> Vec<Removed> {
        std::mem::take(&mut self.removed)
    }

    /// Sanitizes the next piece of raw HTML, appending the result to `out`.
    pub fn push(&mut self, html: &str, out: &mut String) {
        let mut i = 0;
        while i < html.len() {
            if self.state == State::Data {
                i = self.data(html, i, out);
                continue;
            }
            let Some(c) = html[i..].chars().next() else {
                break;
            };
            if self.step(c, out) {
                i += c.len_utf8();
            }
        }
    }

    /// The Markdown block holding raw HTML ended: an unfinished tag or comment is dropped, and
    /// content swallowing stops, so one unclosed `<style>` cannot hide the rest of the post.
    pub fn end_block(&mut self) {
        self.state = State::Data;
        self.tag = Tag::default();
        self.swallowing = None;
    }

    /// Starts a scope (a Markdown container): raw end tags inside it only close elements opened
    /// inside it.
    pub fn open_scope(&mut self) {
        self.scopes.push(self.open.len());
    }

    /// Ends the innermost scope, closing the elements opened in it and still open.
    pub fn close_scope(&mut self, out: &mut String) {
        let floor = self.scopes.pop().unwrap_or(0);
        self.close_down_to(floor, out);
    }

    /// Ends the input: closes every element still open.
    pub fn finish(&mut self, out: &mut String) {
        self.end_block();
        self.scopes.clear();
        self.close_down_to(0, out);
    }

    /// Copies text in the data state up to the next special character, handles that character,
    /// and returns where to continue.
    fn data(&mut self, html: &str, start: usize, out: &mut String) -> usize {
        let keep = self.swallowing.is_none();
        let run_end = html[start..]
            .find(['<', '>', '&', '"', '\''])
            .map_or(html.len(), |j| start + j);
        if keep {
            out.push_str(&html[start..run_end]);
        }
        let Some(&special) = html.as_bytes().get(run_end) else {
            return run_end;
        };
        let mut next = run_end + 1;
        match special {
            b'<' => self.state = State::TagOpen,
            b'&' => {
                let len = entities::reference_len(&html[run_end..]);
                if keep && len > 0 {
                    out.push_str(&html[run_end..run_end + len]);
                } else if keep {
                    out.push_str("&amp;");
                }
                next = run_end + len.max(1);
            }
            _ if keep => escape_html(out, &html[run_end..next]),
            _ => {}
        }
        next
    }

    /// Handles one character outside the data state. Returns `false` when the character must be
    /// handled again in the new state.
    fn step(&mut self, c: char, out: &mut String) -> bool {
        let space = matches!(c, '\t' | '\n' | '\u{C}' | '\r' | ' ');
        match self.state {
            // `push` handles the data state in bulk.
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
                    if self.swallowing.is_none() {
                        out.push_str("&lt;");
                    }
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
                _ if space => self.state = State::BeforeAttrName,
                '/' => self.state = State::SelfClosing,
                '>' => self.emit_tag(out),
                c => self.tag.name.push(c.to_ascii_lowercase()),
            },
            State::BeforeAttrName => match c {
                _ if space => {}
                '/' => self.state = State::SelfClosing,
                '>' => self.emit_tag(out),
                c => {
                    self.tag.attr_name.push(c.to_ascii_lowercase());
                    self.state = State::AttrName;
                }
            },
            State::AttrName => match c {
                _ if space || c == '/' || c == '>' => {
                    self.state = State::AfterAttrName;
                    return false;
                }
                '=' => self.state = State::BeforeAttrValue,
                c => self.tag.attr_name.push(c.to_ascii_lowercase()),
            },
            State::AfterAttrName => match c {
                _ if space => {}
                '=' => self.state = State::BeforeAttrValue,
                _ => {
                    self.tag.commit_attr();
                    self.state = State::BeforeAttrName;
                    return false;
                }
            },
            State::BeforeAttrValue => match c {
                _ if space => {}
                '"' | '\'' => self.state = State::QuotedValue(c),
                '>' => {
                    self.tag.commit_attr();
                    self.emit_tag(out);
                }
                _ => {
                    self.state = State::UnquotedValue;
                    return false;
                }
            },
            State::QuotedValue(quote) => {
                if c == quote {
                    self.tag.commit_attr();
                    self.state = State::AfterQuotedValue;
                } else {
                    self.tag.attr_value.push(c);
                }
            }
            State::UnquotedValue => match c {
                _ if space => {
                    self.tag.commit_attr();
                    self.state = State::BeforeAttrName;
                }
                '>' => {
                    self.tag.commit_attr();
                    self.emit_tag(out);
                }
                c => self.tag.attr_value.push(c),
            },
            State::AfterQuotedValue => {
                self.state = State::BeforeAttrName;
                return space;
            }
            State::SelfClosing => {
                if c == '>' {
                    self.tag.self_closing = true;
                    self.emit_tag(out);
                } else {
                    self.state = State::BeforeAttrName;
                    return false;
                }
            }
            State::MarkupDeclaration { dash } => match c {
                '-' if dash => {
                    // `<!-->` and `<!--->` end at once, as browsers read them.
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
            State::RawText { matched } => return self.raw_text(c, matched),
            State::Plaintext => {}
        }
        true
    }

    /// Looks for `</name` followed by a space, `/` or `>` inside a swallowed raw-text element.
    fn raw_text(&mut self, c: char, matched: usize) -> bool {
        let Some(Swallowing::Raw(name)) = self.swallowing else {
            self.state = State::Data;
            return false;
        };
        let wanted = match matched {
            0 => Some('<'),
            1 => Some('/'),
            n => name.as_bytes().get(n - 2).map(|&b| char::from(b)),
        };
        match wanted {
            Some(w) if c.to_ascii_lowercase() == w => {
                self.state = State::RawText {
                    matched: matched + 1,
                };
                true
            }
            None if matches!(c, '\t' | '\n' | '\u{C}' | '\r' | ' ' | '/' | '>') => {
                self.tag = Tag {
                    end: true,
                    name: name.to_owned(),
                    ..Tag::default()
                };
                self.state = State::TagName;
                false
            }
            _ => {
                self.state = State::RawText { matched: 0 };
                // A mismatch may itself start the end tag.
                matched == 0
            }
        }
    }

    /// A whole tag has been read: write it back if allowed, else drop it (and maybe its content).
    fn emit_tag(&mut self, out: &mut String) {
        self.state = State::Data;
        let tag = std::mem::take(&mut self.tag);
        match self.swallowing {
            Some(Swallowing::Raw(name)) => {
                if tag.end && tag.name == name {
                    self.swallowing = None;
                } else {
                    self.state = State::RawText { matched: 0 };
                }
                return;
            }
            Some(Swallowing::Nested { name, depth }) => {
                if tag.name == name && tag.end {
                    self.swallowing = (depth > 1).then_some(Swallowing::Nested {
                        name,
                        depth: depth - 1,
                    });
                } else if tag.name == name && !tag.self_closing {
                    self.swallowing = Some(Swallowing::Nested {
                        name,
                        depth: depth + 1,
                    });
                }
                return;
            }
            Some(Swallowing::Rest) => return,
            None => {}
        }
        if tag.end {
            if let Some(name) = policy::allowed_element(&tag.name) {
                self.close(name, out);
            }
            return;
        }
        if let Some((name, swallow)) = policy::swallows(&tag.name) {
            self.swallow(name, swallow, &tag);
            return;
        }
        let Some(name) = policy::allowed_element(&tag.name) else {
            self.removed.push(Removed::Element {
                name: tag.name,
                with_content: false,
            });
            return;
        };
        self.write_start_tag(name, &tag, out);
        if !policy::is_void(name) {
            self.open.push(name);
        }
    }

    fn swallow(&mut self, name: &'static str, swallow: Swallow, tag: &Tag) {
        self.removed.push(Removed::Element {
            name: tag.name.clone(),
            with_content: swallow != Swallow::Void,
        });
        match swallow {
            Swallow::RawText => {
                self.swallowing = Some(Swallowing::Raw(name));
                self.state = State::RawText { matched: 0 };
            }
            // In SVG and MathML `<svg/>` really is empty.
            Swallow::Nested if tag.self_closing && matches!(name, "svg" | "math") => {}
            Swallow::Nested => self.swallowing = Some(Swallowing::Nested { name, depth: 1 }),
            Swallow::Rest => {
                self.swallowing = Some(Swallowing::Rest);
                self.state = State::Plaintext;
            }
            Swallow::Void => {}
        }
    }

    fn write_start_tag(&mut self, name: &'static str, tag: &Tag, out: &mut String) {
        out.push('<');
        out.push_str(name);
        let mut written: Vec<&str> = Vec::new();
        for (attr, value) in &tag.attrs {
            if written.contains(&attr.as_str()) {
                // Browsers keep the first of duplicate attributes.
                continue;
            }
            written.push(attr);
            let Some((attr_name, kind)) = policy::allowed_attribute(name, attr) else {
                self.removed.push(Removed::Attribute {
                    element: name,
                    name: attr.clone(),
                });
                continue;
            };
            match kind {
                Attr::Flag => {
                    out.push(' ');
                    out.push_str(attr_name);
                    out.push_str("=\"\"");
                }
                Attr::Text => {
                    out.push(' ');
                    out.push_str(attr_name);
                    out.push_str("=\"");
                    push_text_keeping_references(out, value);
                    out.push('"');
                }
                Attr::Link | Attr::Image => {
                    let decoded = entities::decode(value);
                    let cleaned = clean_url(&decoded);
                    let safe = match kind {
                        Attr::Image => url::is_safe_image(&cleaned),
                        _ => url::is_safe_link(&cleaned),
                    };
                    if !safe {
                        self.removed.push(Removed::Url {
                            element: name,
                            attribute: attr_name,
                            url: cleaned,
                        });
                        continue;
                    }
                    let resolved = url::resolve(self.base, &cleaned);
                    out.push(' ');
                    out.push_str(attr_name);
                    out.push_str("=\"");
                    escape_html(out, &resolved);
                    out.push('"');
                    if self.site_extras && name == "a" && url::is_external(&resolved) {
                        out.push_str(" rel=\"noopener noreferrer\"");
                    }
                }
            }
        }
        if self.site_extras && name == "img" {
            out.push_str(" loading=\"lazy\" decoding=\"async\"");
        }
        out.push('>');
    }

    /// Closes `name` if it is open in the current scope, and whatever was opened after it.
    fn close(&mut self, name: &'static str, out: &mut String) {
        let floor = self.scopes.last().copied().unwrap_or(0);
        if let Some(at) = self.open[floor..].iter().rposition(|&open| open == name) {
            self.close_down_to(floor + at, out);
        }
    }

    fn close_down_to(&mut self, len: usize, out: &mut String) {
        while self.open.len() > len {
            if let Some(name) = self.open.pop() {
                out.push_str("</");
                out.push_str(name);
                out.push('>');
            }
        }
    }
}

/// Removes what a browser's URL parser ignores: tabs and newlines anywhere, and control
/// characters and spaces at either end.
fn clean_url(url: &str) -> String {
    url.trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// Escapes attribute text, keeping well-formed character references as written: whatever they
/// decode to stays inside the quoted value as plain text.
fn push_text_keeping_references(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(at) = rest.find(['&', '<', '>', '"', '\'']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let len = if rest.starts_with('&') {
            entities::reference_len(rest)
        } else {
            0
        };
        if len > 0 {
            out.push_str(&rest[..len]);
            rest = &rest[len..];
        } else {
            escape_html(out, &rest[..1]);
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests;
