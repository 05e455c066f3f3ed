//! TeX math to MathML, for `$…$` and `$$…$$` in posts, with `pulldown-latex`.
//!
//! Chosen over `latex2mathml` although it costs about 30 KB more of gzipped wasm: it covers the
//! environments posts use (`aligned`, `cases`, matrices), writes MathML Core that browsers
//! render natively, and reports errors with their place. Its output is checked here before it
//! reaches the page, since parts of it are written unescaped by the crate: only MathML elements
//! and presentational attributes pass (no `style`, so a Content-Security-Policy without
//! `unsafe-inline` holds), and every other `<`, `>` and `&` is escaped. Macro definitions
//! (`\def`, `\newcommand` …) are refused, so a formula's size stays near its source's.
//!
//! The result keeps the source for readers and tools that cannot render MathML:
//! `<math display="inline" alttext="x^2"><semantics><mrow>…</mrow><annotation
//! encoding="application/x-tex">x^2</annotation></semantics></math>`.

use pulldown_latex::event::{Content, Event};
use pulldown_latex::{Parser, RenderConfig, Storage, config::DisplayMode, push_mathml};

use crate::html::escape_into;

mod nesting;

pub use nesting::MAX_NESTING;

/// Longest formula source accepted, in bytes.
pub const MAX_TEX_BYTES: usize = 16 * 1024;
/// Most parser events one formula may produce.
const MAX_EVENTS: usize = 50_000;

/// Why a formula could not be rendered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MathError {
    /// The TeX does not parse; the parser's message, first line.
    #[error("{0}")]
    Invalid(String),
    /// The formula defines a macro, which Folio does not allow.
    #[error("macro definitions (`\\{0}`) are not supported")]
    Definition(&'static str),
    /// The source is longer than [`MAX_TEX_BYTES`].
    #[error("the formula is {0} bytes long; at most {MAX_TEX_BYTES} are rendered")]
    TooLong(usize),
    /// Groups nest deeper than [`MAX_NESTING`].
    #[error("the formula's groups nest {0} deep; at most {MAX_NESTING} levels are rendered")]
    TooDeep(usize),
    /// The formula produces more than Folio renders for one formula.
    #[error("the formula is too large to render")]
    TooLarge,
    /// The math renderer has not loaded (see [`crate::extras`]).
    #[error("the math renderer is not loaded")]
    Unavailable,
}

/// Commands that define macros.
const DEFINITIONS: [&str; 8] = [
    "def",
    "gdef",
    "edef",
    "xdef",
    "let",
    "newcommand",
    "renewcommand",
    "providecommand",
];

/// MathML elements the check lets through.
const ELEMENTS: &[&str] = &[
    "annotation",
    "math",
    "menclose",
    "merror",
    "mfrac",
    "mi",
    "mmultiscripts",
    "mn",
    "mo",
    "mover",
    "mpadded",
    "mphantom",
    "mprescripts",
    "mroot",
    "mrow",
    "ms",
    "mspace",
    "msqrt",
    "mstyle",
    "msub",
    "msubsup",
    "msup",
    "mtable",
    "mtd",
    "mtext",
    "mtr",
    "munder",
    "munderover",
    "none",
    "semantics",
];

/// Attributes the check lets through (any element).
const ATTRIBUTES: &[&str] = &[
    "accent",
    "accentunder",
    "class",
    "columnalign",
    "columnspacing",
    "depth",
    "display",
    "displaystyle",
    "fence",
    "form",
    "height",
    "largeop",
    "linethickness",
    "lspace",
    "mathvariant",
    "maxsize",
    "minsize",
    "movablelimits",
    "rowspacing",
    "rspace",
    "scriptlevel",
    "separator",
    "stretchy",
    "symmetric",
    "voffset",
    "width",
];

/// Renders one formula (without its `$` delimiters) as a `<math>` element.
///
/// ```
/// let html = folio_core::math::to_mathml("x^2", false).unwrap_or_default();
/// assert_eq!(
///     html,
///     "<math display=\"inline\" alttext=\"x^2\"><semantics><mrow><msup><mi>x</mi><mn>2</mn>\
///      </msup></mrow><annotation encoding=\"application/x-tex\">x^2</annotation></semantics></math>"
/// );
/// assert!(folio_core::math::to_mathml(r"\frac{1}{", true).is_err());
/// ```
pub fn to_mathml(tex: &str, display: bool) -> Result<String, MathError> {
    if tex.len() > MAX_TEX_BYTES {
        return Err(MathError::TooLong(tex.len()));
    }
    if let Some(command) = defined_macro(tex) {
        return Err(MathError::Definition(command));
    }
    let depth = nesting::depth(tex);
    if depth > MAX_NESTING {
        return Err(MathError::TooDeep(depth));
    }
    let storage = Storage::new();
    let mut failure = None;
    let mut count = 0;
    // Stops at the first error (remembered in `failure`) or past `MAX_EVENTS`.
    let events = Parser::new(tex, &storage).map_while(|event| {
        count += 1;
        if count > MAX_EVENTS {
            failure = Some(MathError::TooLarge);
            return None;
        }
        match event {
            // Function names are written unescaped by the crate; as text they are escaped.
            Ok(Event::Content(Content::Function(name))) if name.contains(['<', '>', '&']) => Some(
                Ok::<_, std::fmt::Error>(Event::Content(Content::Text(name))),
            ),
            Ok(event) => Some(Ok(event)),
            Err(error) => {
                let message = error.to_string();
                let first = message.lines().next().unwrap_or_default();
                let first = first.strip_prefix("parsing error: ").unwrap_or(first);
                failure = Some(MathError::Invalid(first.to_owned()));
                None
            }
        }
    });
    let config = RenderConfig {
        display_mode: if display {
            DisplayMode::Block
        } else {
            DisplayMode::Inline
        },
        ..RenderConfig::default()
    };
    let mut mathml = String::with_capacity(tex.len() * 8);
    push_mathml(&mut mathml, events, config)
        .map_err(|error| MathError::Invalid(error.to_string()))?;
    if let Some(failure) = failure {
        return Err(failure);
    }
    let inner = mathml
        .find('>')
        .map(|open| &mathml[open + 1..])
        .and_then(|rest| rest.strip_suffix("</math>"))
        .unwrap_or_default();

    let mut out = String::with_capacity(inner.len() + tex.len() * 2 + 160);
    out.push_str(if display {
        "<math display=\"block\" alttext=\""
    } else {
        "<math display=\"inline\" alttext=\""
    });
    escape_into(&mut out, tex.trim());
    out.push_str("\"><semantics><mrow>");
    check_into(&mut out, inner);
    out.push_str("</mrow><annotation encoding=\"application/x-tex\">");
    escape_into(&mut out, tex.trim());
    out.push_str("</annotation></semantics></math>");
    Ok(out)
}

/// The first macro-defining command in `tex`, if any.
fn defined_macro(tex: &str) -> Option<&'static str> {
    tex.split('\\').skip(1).find_map(|after| {
        let name_len = after.bytes().take_while(u8::is_ascii_alphabetic).count();
        DEFINITIONS
            .iter()
            .find(|d| **d == &after[..name_len])
            .copied()
    })
}

/// Appends `mathml` keeping only allowed tags and attributes, escaping all other markup.
fn check_into(out: &mut String, mathml: &str) {
    let mut rest = mathml;
    while let Some(at) = rest.find(['<', '>', '&']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        match rest.as_bytes()[0] {
            b'<' => match tag_into(out, rest) {
                Some(len) => {
                    rest = &rest[len..];
                    continue;
                }
                None => out.push_str("&lt;"),
            },
            b'>' => out.push_str("&gt;"),
            _ => match entity_len(rest) {
                Some(len) => {
                    out.push_str(&rest[..len]);
                    rest = &rest[len..];
                    continue;
                }
                None => out.push_str("&amp;"),
            },
        }
        rest = &rest[1..];
    }
    out.push_str(rest);
}

/// Writes the allowed tag at the start of `s` to `out`, leaving out attributes that are not
/// allowed, and returns its length in `s`; writes nothing when `s` starts with no allowed tag.
fn tag_into(out: &mut String, s: &str) -> Option<usize> {
    let mark = out.len();
    let written = write_tag(out, s);
    if written.is_none() {
        out.truncate(mark);
    }
    written
}

fn write_tag(out: &mut String, s: &str) -> Option<usize> {
    let end = s.find('>')?;
    let inner = &s[1..end];
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(name) => (true, name),
        None => (false, inner),
    };
    let (inner, self_closing) = match inner.strip_suffix('/') {
        Some(inner) => (inner.trim_end(), true),
        None => (inner, false),
    };
    let name_len = inner.bytes().take_while(u8::is_ascii_lowercase).count();
    let name = &inner[..name_len];
    ELEMENTS.binary_search(&name).ok()?;
    out.push('<');
    if closing {
        out.push('/');
    }
    out.push_str(name);
    let mut attrs = &inner[name_len..];
    while !attrs.is_empty() {
        let after_space = attrs.strip_prefix(' ')?;
        let (attr, after_name) = after_space.split_once("=\"")?;
        let (value, after_value) = after_name.split_once('"')?;
        if closing || !attr.bytes().all(|b| b.is_ascii_lowercase()) || value.contains(['<', '&']) {
            return None;
        }
        if ATTRIBUTES.binary_search(&attr).is_ok() {
            out.push(' ');
            out.push_str(attr);
            out.push_str("=\"");
            out.push_str(value);
            out.push('"');
        }
        attrs = after_value;
    }
    out.push_str(if self_closing { "/>" } else { ">" });
    Some(end + 1)
}

/// The length of a character reference (`&amp;`, `&#123;`, `&#x1F;`) at the start of `s`.
fn entity_len(s: &str) -> Option<usize> {
    let body = &s[1..];
    let name_len = match body.strip_prefix('#') {
        Some(number) => {
            let digits = match number.strip_prefix(['x', 'X']) {
                Some(hex) => 1 + hex.bytes().take_while(u8::is_ascii_hexdigit).count(),
                None => number.bytes().take_while(u8::is_ascii_digit).count(),
            };
            1 + digits
        }
        None => body.bytes().take_while(u8::is_ascii_alphanumeric).count(),
    };
    (name_len > 1 && body.as_bytes().get(name_len) == Some(&b';')).then_some(name_len + 2)
}

#[cfg(test)]
mod tests;
