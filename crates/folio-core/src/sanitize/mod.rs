//! The raw-HTML sanitizer used when a site does not trust the HTML inside its posts.
//!
//! A small HTML tokenizer reads the raw fragments of a post and writes back only what it
//! understood and allowed: allowlisted start and end tags, rebuilt from their parsed name and
//! attributes (values decoded for checking, then escaped and always double-quoted), and text,
//! escaped. Comments, doctypes, processing instructions and CDATA are dropped; disallowed tags are
//! dropped but their text is kept, except for elements such as `<script>`, `<style>`, `<svg>` or
//! `<iframe>`, whose whole content goes too. Since nothing of the input is ever copied through raw,
//! markup that a browser would re-parse differently (mutation XSS) cannot survive: the output only
//! holds markup this module wrote itself. URLs are checked and written as a browser reads them
//! ([`url::normalize`]: `/\host` is `//host`), and ids are kept out of the app's namespace
//! ([`crate::ids`]).
//!
//! What is dropped is reported ([`Removed`]); [`Removed::is_harmless`] tells what a reader would not
//! miss (presentational HTML, VitePress's Vue blocks and components) from attacks and lost content.
//!
//! Raw HTML in Markdown comes in pieces (one event per line of an HTML block, one per inline tag)
//! with Markdown in between, so [`Sanitizer`] keeps its state from one piece to the next.

mod entities;
mod open;
mod policy;
mod tokenizer;

use std::collections::HashSet;
use std::fmt;

use crate::html::{escape_into, quote_for_message};
use crate::{ids, url};
use policy::{Attr, Swallow};
use tokenizer::{Next, Sink, Tag, Tokenizer};

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

/// The Vue block (`<script setup>`, `<style scoped>` …) that `html` starts with, if it starts with
/// one: what a VitePress post holds for Vue, which a Folio page shows as nothing even where the
/// site trusts its HTML.
///
/// ```
/// use folio_core::sanitize::{vue_block, Removed};
/// assert!(matches!(vue_block("<script setup lang=\"ts\">\n"), Some(Removed::VueBlock { .. })));
/// assert_eq!(vue_block("<script>alert(1)</script>"), None);
/// assert_eq!(vue_block("<p>text</p>"), None);
/// ```
pub fn vue_block(html: &str) -> Option<Removed> {
    struct FirstTag(Option<Tag>);
    impl Sink for FirstTag {
        fn text(&mut self, _: &str) {}
        fn tag(&mut self, tag: Tag) -> Next {
            self.0.get_or_insert(tag);
            Next::Plaintext
        }
    }
    let mut first = FirstTag(None);
    Tokenizer::default().push(html.trim_start(), &mut first);
    let tag = first.0.filter(|tag| !tag.end)?;
    let (name, _) = policy::swallows(&tag.name)?;
    let attribute = policy::vue_block_attribute(name, tag.attrs.iter().map(|(a, _)| a.as_str()))?;
    Some(Removed::VueBlock { name, attribute })
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
    /// A `<script setup>` or `<style scoped>` block of a VitePress post: Vue code, shown as nothing.
    VueBlock {
        /// `script` or `style`.
        name: &'static str,
        /// The attribute that makes it Vue's (`setup`, `scoped` …).
        attribute: &'static str,
    },
    /// A Vue component (`<Badge/>`, `<MyComp>…</MyComp>`), shown as nothing with its content.
    Component {
        /// The tag name as written.
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

impl Removed {
    /// Whether a reader misses nothing a Folio page could show: a presentational tag or
    /// attribute (`<font>`, `style`, `border` …) or VitePress's Vue code. Event handlers, unsafe
    /// URLs and elements with content of their own (scripts, frames, media, forms) are not.
    pub fn is_harmless(&self) -> bool {
        match self {
            Removed::Element {
                name,
                with_content: false,
            } => policy::is_presentational(name),
            Removed::Element { .. } | Removed::Url { .. } => false,
            Removed::Attribute { name, .. } => !name.starts_with("on"),
            Removed::VueBlock { .. } | Removed::Component { .. } => true,
        }
    }
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
            Removed::VueBlock { name, attribute } => write!(
                f,
                "VitePress's `<{name} {attribute}>` is Vue code; a Folio page shows it as nothing"
            ),
            Removed::Component { name } => {
                let name = quote_for_message(name, 30);
                write!(f, "Vue component <{name}> is shown as nothing")
            }
            Removed::Url {
                element,
                attribute,
                url,
            } => {
                let shown = quote_for_message(url, 60);
                write!(
                    f,
                    "removed unsafe URL `{shown}` from <{element} {attribute}>"
                )
            }
        }
    }
}

/// An element whose content is being dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Swallowing {
    /// Raw text until `</name`; the tokenizer reads it as such.
    Raw(&'static str),
    /// Markup until the end tag that balances the start tag.
    Nested { name: &'static str, depth: usize },
    /// A Vue component, until the end tag that balances it.
    Component { name: String, depth: usize },
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
    tokenizer: Tokenizer,
    writer: Writer<'b>,
}

/// The sanitizing half: decides what becomes of each token and writes what is kept.
#[derive(Debug, Clone)]
struct Writer<'b> {
    base: &'b str,
    site_extras: bool,
    swallowing: Option<Swallowing>,
    /// Allowed elements written and not yet closed.
    open: open::OpenElements,
    removed: Vec<Removed>,
}

/// A [`Writer`] and the output it appends to, as the tokenizer's sink.
struct Output<'w, 'b> {
    writer: &'w mut Writer<'b>,
    out: &'w mut String,
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
            tokenizer: Tokenizer::default(),
            writer: Writer {
                base: "",
                site_extras: false,
                swallowing: None,
                open: open::OpenElements::default(),
                removed: Vec::new(),
            },
        }
    }

    /// Resolves relative `href`, `src` and `cite` URLs against `base` (see [`url::resolve`]).
    pub fn resolve_against(mut self, base: &'b str) -> Self {
        self.writer.base = base;
        self
    }

    /// Treats raw HTML like Markdown: `rel="noopener noreferrer"` on external links and
    /// `loading="lazy" decoding="async"` on images.
    pub fn site_extras(mut self, on: bool) -> Self {
        self.writer.site_extras = on;
        self
    }

    /// Whether content is being dropped right now (inside `<script>`, `<svg>` …): Markdown text
    /// that arrives meanwhile should be dropped too.
    pub fn is_swallowing(&self) -> bool {
        self.writer.swallowing.is_some()
    }

    /// Whether the sanitizer is between tags, in plain text: a raw fragment pushed now starts
    /// fresh rather than continuing a tag, a comment or swallowed content.
    pub fn is_between_tags(&self) -> bool {
        self.tokenizer.in_text() && self.writer.swallowing.is_none()
    }

    /// What was removed since the last call, for reporting.
    pub fn take_removed(&mut self) -> Vec<Removed> {
        std::mem::take(&mut self.writer.removed)
    }

    /// Sanitizes the next piece of raw HTML, appending the result to `out`. Pieces may cut a tag
    /// or comment anywhere; a character reference (`&amp;`) is only recognised within one piece,
    /// which holds for Markdown's pieces (whole lines, whole tags).
    pub fn push(&mut self, html: &str, out: &mut String) {
        let mut output = Output {
            writer: &mut self.writer,
            out,
        };
        self.tokenizer.push(html, &mut output);
    }

    /// The Markdown block holding raw HTML ended: an unfinished tag or comment is dropped, and
    /// content swallowing stops, so one unclosed `<style>` cannot hide the rest of the post.
    pub fn end_block(&mut self) {
        self.tokenizer.reset();
        self.writer.swallowing = None;
    }

    /// Starts a scope (a Markdown container): raw end tags inside it only close elements opened
    /// inside it.
    pub fn open_scope(&mut self) {
        self.writer.open.open_scope();
    }

    /// Ends the innermost scope, closing the elements opened in it and still open.
    pub fn close_scope(&mut self, out: &mut String) {
        self.writer.open.close_scope(out);
    }

    /// Ends the input: closes every element still open.
    pub fn finish(&mut self, out: &mut String) {
        self.end_block();
        self.writer.open.close_all(out);
    }
}

impl Sink for Output<'_, '_> {
    fn text(&mut self, text: &str) {
        if self.writer.swallowing.is_none() {
            push_text_keeping_references(self.out, text);
        }
    }

    fn tag(&mut self, tag: Tag) -> Next {
        self.writer.tag(tag, self.out)
    }
}

impl Writer<'_> {
    /// A whole tag has been read: write it back if allowed, else drop it (and maybe its content).
    fn tag(&mut self, tag: Tag, out: &mut String) -> Next {
        match &mut self.swallowing {
            Some(Swallowing::Raw(name)) => {
                let name = *name;
                // The tokenizer only hands over the end tag of the raw-text element.
                if tag.end && tag.name == name {
                    self.swallowing = None;
                    return Next::Markup;
                }
                return Next::RawText(name);
            }
            Some(Swallowing::Nested { name, depth }) => {
                let name: &str = name;
                if balance(&tag, name, depth) {
                    self.swallowing = None;
                }
                return Next::Markup;
            }
            Some(Swallowing::Component { name, depth }) => {
                if balance(&tag, name, depth) {
                    self.swallowing = None;
                }
                return Next::Markup;
            }
            Some(Swallowing::Rest) => return Next::Plaintext,
            None => {}
        }
        if tag.end {
            let allowed = policy::allowed_element(&tag.name)
                .or_else(|| policy::renamed(&tag.name).map(|(name, _)| name));
            if let Some(name) = allowed {
                self.open.close(name, out);
            }
            return Next::Markup;
        }
        if let Some((name, swallow)) = policy::swallows(&tag.name) {
            return self.swallow(name, swallow, &tag);
        }
        let (name, implied) = match policy::allowed_element(&tag.name) {
            Some(name) => (name, None),
            None => match policy::renamed(&tag.name) {
                Some((name, implied)) => (name, Some(implied)),
                None => return self.drop_tag(tag),
            },
        };
        self.write_start_tag(name, implied, &tag, out);
        if !policy::is_void(name) {
            self.open.push(name);
        }
        Next::Markup
    }

    /// A start tag of an element that is not allowed: a Vue component goes with its content,
    /// anything else leaves its content in place.
    fn drop_tag(&mut self, tag: Tag) -> Next {
        if !policy::is_component(&tag.name, tag.written.as_deref()) {
            self.removed.push(Removed::Element {
                name: tag.name,
                with_content: false,
            });
            return Next::Markup;
        }
        self.removed.push(Removed::Component {
            name: tag.written.unwrap_or_else(|| tag.name.clone()),
        });
        // Vue reads `<Badge />` as complete, unlike HTML.
        if !tag.self_closing {
            self.swallowing = Some(Swallowing::Component {
                name: tag.name,
                depth: 1,
            });
        }
        Next::Markup
    }

    fn swallow(&mut self, name: &'static str, swallow: Swallow, tag: &Tag) -> Next {
        let vue = policy::vue_block_attribute(name, tag.attrs.iter().map(|(a, _)| a.as_str()));
        self.removed.push(match vue {
            Some(attribute) => Removed::VueBlock { name, attribute },
            None => Removed::Element {
                name: tag.name.clone(),
                with_content: swallow != Swallow::Void,
            },
        });
        match swallow {
            Swallow::RawText => {
                self.swallowing = Some(Swallowing::Raw(name));
                Next::RawText(name)
            }
            // In SVG and MathML `<svg/>` really is empty.
            Swallow::Nested if tag.self_closing && matches!(name, "svg" | "math") => Next::Markup,
            Swallow::Nested => {
                self.swallowing = Some(Swallowing::Nested { name, depth: 1 });
                Next::Markup
            }
            Swallow::Rest => {
                self.swallowing = Some(Swallowing::Rest);
                Next::Plaintext
            }
            Swallow::Void => Next::Markup,
        }
    }

    /// Writes the start tag of `name` with its allowed attributes; `implied` is an attribute the
    /// tag stands for (`<center>` is `<div class="align-center">`).
    fn write_start_tag(
        &mut self,
        name: &'static str,
        implied: Option<(&'static str, &'static str)>,
        tag: &Tag,
        out: &mut String,
    ) {
        out.push('<');
        out.push_str(name);
        // A set, not a list: a tag may hold thousands of attributes.
        let mut written: HashSet<&str> = HashSet::new();
        if let Some((attr, value)) = implied {
            push_attribute(out, attr, value);
            written.insert(attr);
        }
        // What a `style` says wins over the element's own attributes, as CSS does.
        let styled = tag
            .attrs
            .iter()
            .find(|(attr, _)| attr == "style")
            .map(|(_, style)| policy::styled_attributes(name, &entities::decode(style)));
        let overridden = |attr: &str| {
            styled
                .as_ref()
                .is_some_and(|(kept, _)| kept.iter().any(|(styled, _)| *styled == attr))
        };
        // `rel="noopener noreferrer"` is written, or `target="_blank"` wants it.
        let mut rel = false;
        let mut blank = false;
        for (attr, value) in &tag.attrs {
            if (attr != "style" && overridden(attr)) || !written.insert(attr) {
                // Browsers keep the first of duplicate attributes.
                continue;
            }
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
                Attr::Keyword(keywords) => {
                    let value = entities::decode(value).trim().to_ascii_lowercase();
                    match keywords.iter().find(|keyword| **keyword == value) {
                        Some(keyword) => {
                            push_attribute(out, attr_name, keyword);
                            blank |= attr_name == "target" && *keyword == "_blank";
                        }
                        None => self.removed.push(Removed::Attribute {
                            element: name,
                            name: attr.clone(),
                        }),
                    }
                }
                Attr::Style => {
                    let Some((kept, dropped)) = &styled else {
                        continue;
                    };
                    for (styled, value) in kept {
                        if written.insert(styled) {
                            push_attribute(out, styled, value);
                        }
                    }
                    if *dropped {
                        self.removed.push(Removed::Attribute {
                            element: name,
                            name: attr.clone(),
                        });
                    }
                }
                Attr::Id => {
                    out.push(' ');
                    out.push_str(attr_name);
                    out.push_str("=\"");
                    // Decoded for the check: `&#102;olio-app` is `folio-app` to the browser.
                    if ids::is_reserved(&entities::decode(value)) {
                        out.push_str(ids::CONTENT_PREFIX);
                    }
                    push_text_keeping_references(out, value);
                    out.push('"');
                }
                Attr::Link | Attr::Image => {
                    let decoded = entities::decode(value);
                    let cleaned = url::normalize(&decoded);
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
                    let resolved = match kind {
                        // A link to an element of this post follows its id.
                        Attr::Link if cleaned.starts_with('#') => ids::content_fragment(&cleaned),
                        _ => url::resolve(self.base, &cleaned),
                    };
                    out.push(' ');
                    out.push_str(attr_name);
                    out.push_str("=\"");
                    escape_into(out, &resolved);
                    out.push('"');
                    if self.site_extras && name == "a" && url::is_external(&resolved) {
                        out.push_str(" rel=\"noopener noreferrer\"");
                        rel = true;
                    }
                }
            }
        }
        // A page opened in a new tab gets no hold on this one.
        if blank && !rel {
            out.push_str(" rel=\"noopener noreferrer\"");
        }
        if self.site_extras && name == "img" {
            out.push_str(" loading=\"lazy\" decoding=\"async\"");
        }
        out.push('>');
    }
}

/// Writes ` name="value"`, the value escaped.
fn push_attribute(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    escape_into(out, value);
    out.push('"');
}

/// Whether `tag` balances the element being swallowed, called `name`, at `depth` open elements
/// of that name: counts nested ones, and says when the last is closed.
fn balance(tag: &Tag, name: &str, depth: &mut usize) -> bool {
    if tag.name != name {
        return false;
    }
    if tag.end {
        *depth = depth.saturating_sub(1);
        return *depth == 0;
    }
    if !tag.self_closing {
        *depth += 1;
    }
    false
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
            escape_into(out, &rest[..1]);
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests;
