//! What survives sanitizing: the allowed elements and attributes, the elements whose whole
//! content goes with them, and what is harmless to drop (presentational HTML, Vue).

/// Elements kept (with allowed attributes only), sorted for binary search.
const ALLOWED: &[&str] = &[
    "a",
    "abbr",
    "b",
    "bdi",
    "bdo",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
    "var",
    "wbr",
];

/// The allowed element called `name` (lowercase), as a `'static` name for the open-element stack.
pub(super) fn allowed_element(name: &str) -> Option<&'static str> {
    ALLOWED.binary_search(&name).ok().map(|i| ALLOWED[i])
}

/// An obsolete element written as an allowed one, with the attribute that keeps its meaning:
/// `<center>` is `<div class="align-center">` (a class of the site's style sheet: valid HTML,
/// and no `style`, which the site's Content-Security-Policy would block).
pub(super) fn renamed(name: &str) -> Option<(&'static str, (&'static str, &'static str))> {
    (name == "center").then_some(("div", ("class", "align-center")))
}

/// Elements that only change how text looks, or group it: dropping the tag (the text is kept)
/// loses nothing a reader needs, so it is a note for the writer, not an error.
const PRESENTATIONAL: &[&str] = &[
    "acronym", "address", "article", "aside", "basefont", "big", "blink", "font", "footer",
    "header", "hgroup", "label", "main", "marquee", "nav", "nobr", "o:p", "section", "spacer",
    "strike", "tt",
];

/// Whether dropping the tag of the element called `name` (keeping its text) is harmless.
pub(super) fn is_presentational(name: &str) -> bool {
    PRESENTATIONAL.contains(&name)
}

/// The Vue attribute that makes a `<script>` or `<style>` block part of a Vue single-file
/// component (`<script setup>`, `<style scoped>`), as VitePress reads Markdown; `None` for a
/// plain script or style.
pub(super) fn vue_block_attribute<'t>(
    name: &str,
    attrs: impl IntoIterator<Item = &'t str>,
) -> Option<&'static str> {
    let marks: &[&'static str] = match name {
        "script" => &["setup", "lang"],
        "style" => &["scoped", "module", "lang"],
        _ => return None,
    };
    let attrs: Vec<&str> = attrs.into_iter().collect();
    marks.iter().copied().find(|mark| attrs.contains(mark))
}

/// Whether a tag that is not HTML Folio knows is a Vue component: its name as written mixes
/// upper and lower case (`<Badge>`, `<ClientOnly>`; HTML in capitals such as `<FONT>` is
/// HTML) or holds a hyphen (`<my-widget>`, a custom element).
pub(super) fn is_component(name: &str, written: Option<&str>) -> bool {
    let mixed_case = written.is_some_and(|written| {
        written.bytes().any(|b| b.is_ascii_uppercase())
            && written.bytes().any(|b| b.is_ascii_lowercase())
    });
    mixed_case || name.contains('-')
}

/// Allowed elements that have no end tag.
pub(super) fn is_void(name: &str) -> bool {
    matches!(name, "br" | "col" | "hr" | "img" | "wbr")
}

/// How a dropped element's content is dropped with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Swallow {
    /// Raw text up to the matching end tag, as browsers read `<script>` or `<style>`.
    RawText,
    /// Markup up to the matching end tag, counting nested elements of the same name.
    Nested,
    /// Everything to the end of the raw HTML block (`<plaintext>` never ends).
    Rest,
    /// Nothing: the element has no content.
    Void,
}

/// Elements removed together with everything inside them.
const SWALLOWED: &[(&str, Swallow)] = &[
    ("embed", Swallow::Void),
    ("iframe", Swallow::RawText),
    ("math", Swallow::Nested),
    ("noembed", Swallow::RawText),
    ("noframes", Swallow::RawText),
    ("noscript", Swallow::RawText),
    ("object", Swallow::Nested),
    ("plaintext", Swallow::Rest),
    ("script", Swallow::RawText),
    ("select", Swallow::Nested),
    ("style", Swallow::RawText),
    ("svg", Swallow::Nested),
    ("template", Swallow::Nested),
    ("textarea", Swallow::RawText),
    ("title", Swallow::RawText),
    ("xmp", Swallow::RawText),
];

/// Whether the element called `name` goes with its content, and how; its `'static` name.
pub(super) fn swallows(name: &str) -> Option<(&'static str, Swallow)> {
    SWALLOWED.iter().find(|(n, _)| *n == name).copied()
}

/// What an allowed attribute holds, which decides how its value is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Attr {
    /// Plain text, written back escaped.
    Text,
    /// An element id: text, moved out of the app's namespace (see [`crate::ids`]).
    Id,
    /// A boolean attribute; written as `name=""`.
    Flag,
    /// A URL that may be followed: http(s), mailto, tel or relative.
    Link,
    /// A URL that is loaded as an image: http(s), relative or `data:image/*`.
    Image,
    /// One of these keywords, any case, written lowercase; another value is dropped.
    Keyword(&'static [&'static str]),
    /// Inline CSS: what has an attribute of the same meaning is written as that attribute
    /// (`text-align` as `align`, `width` and `height`), the rest is dropped (see
    /// [`styled_attributes`]).
    Style,
}

const ALIGN: &[&str] = &["left", "center", "right", "justify"];
const IMAGE_ALIGN: &[&str] = &["left", "right", "top", "middle", "bottom"];
const VERTICAL_ALIGN: &[&str] = &["top", "middle", "bottom", "baseline"];
/// `target` values that name no frame; `_blank` gets `rel="noopener noreferrer"`.
pub(super) const TARGETS: &[&str] = &["_blank", "_self", "_parent", "_top"];

/// Elements that take `width` and `height` as a size.
fn is_sized(element: &str) -> bool {
    matches!(element, "img" | "table" | "td" | "th" | "col" | "colgroup")
}

/// Elements that take `align` as text alignment.
fn is_aligned(element: &str) -> bool {
    matches!(
        element,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "table"
            | "caption"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "col"
            | "colgroup"
            | "hr"
    )
}

/// The attributes a `style` value means on `element`, as (name, value): `text-align` as `align`,
/// `width` and `height` in pixels or percent as themselves on elements that have them. Whether
/// anything else was in it (and is dropped) is the second value.
///
/// Only these, because a page's Content-Security-Policy (`style-src 'self'`) blocks every inline
/// style, and free CSS could lay a post over the page (`position: fixed`); attributes need
/// neither.
pub(super) fn styled_attributes(element: &str, style: &str) -> (Vec<(&'static str, String)>, bool) {
    let mut kept = Vec::new();
    let mut dropped = false;
    for declaration in style.split(';') {
        let Some((property, value)) = declaration.split_once(':') else {
            dropped |= !declaration.trim().is_empty();
            continue;
        };
        let property = property.trim().to_ascii_lowercase();
        let value = value.trim().to_ascii_lowercase();
        let attribute = match property.as_str() {
            "text-align" if is_aligned(element) && ALIGN.contains(&value.as_str()) => {
                Some(("align", value))
            }
            "width" | "height" if is_sized(element) => {
                let name = if property == "width" {
                    "width"
                } else {
                    "height"
                };
                size(&value).map(|size| (name, size))
            }
            _ => None,
        };
        match attribute {
            Some(attribute) => kept.push(attribute),
            None => dropped = true,
        }
    }
    (kept, dropped)
}

/// A CSS length an HTML size attribute can say: `300px` or `300` as `300`, `50%` as itself.
fn size(value: &str) -> Option<String> {
    let number = value.strip_suffix("px").unwrap_or(value);
    let digits = number.strip_suffix('%').unwrap_or(number);
    let valid = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && digits.bytes().next().is_some_and(|b| b.is_ascii_digit());
    valid.then(|| number.to_owned())
}

/// The allowed attribute `attr` on `element` (both lowercase), as a `'static` name and its kind.
pub(super) fn allowed_attribute(element: &str, attr: &str) -> Option<(&'static str, Attr)> {
    let kind_of = |name: &'static str, kind| Some((name, kind));
    match (element, attr) {
        (_, "id") => kind_of("id", Attr::Id),
        (_, "class") => kind_of("class", Attr::Text),
        (_, "title") => kind_of("title", Attr::Text),
        (_, "lang") => kind_of("lang", Attr::Text),
        (_, "dir") => kind_of("dir", Attr::Text),
        ("a", "href") => kind_of("href", Attr::Link),
        ("img", "src") => kind_of("src", Attr::Image),
        ("img", "alt") => kind_of("alt", Attr::Text),
        (_, "style") => kind_of("style", Attr::Style),
        (element, "width") if is_sized(element) => kind_of("width", Attr::Text),
        (element, "height") if is_sized(element) => kind_of("height", Attr::Text),
        ("img", "align") => kind_of("align", Attr::Keyword(IMAGE_ALIGN)),
        (element, "align") if is_aligned(element) => kind_of("align", Attr::Keyword(ALIGN)),
        ("td" | "th" | "tr" | "thead" | "tbody" | "tfoot" | "col", "valign") => {
            kind_of("valign", Attr::Keyword(VERTICAL_ALIGN))
        }
        ("a", "target") => kind_of("target", Attr::Keyword(TARGETS)),
        ("td" | "th", "colspan") => kind_of("colspan", Attr::Text),
        ("td" | "th", "rowspan") => kind_of("rowspan", Attr::Text),
        ("ol", "start") => kind_of("start", Attr::Text),
        ("ol", "reversed") => kind_of("reversed", Attr::Flag),
        ("ol", "type") => kind_of("type", Attr::Text),
        ("li", "value") => kind_of("value", Attr::Text),
        ("details", "open") => kind_of("open", Attr::Flag),
        ("time", "datetime") => kind_of("datetime", Attr::Text),
        ("q" | "blockquote" | "del" | "ins", "cite") => kind_of("cite", Attr::Link),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allowlist_is_sorted_for_binary_search() {
        assert!(ALLOWED.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(allowed_element("kbd"), Some("kbd"));
        assert_eq!(allowed_element("script"), None);
        assert_eq!(allowed_element("KBD"), None, "callers lowercase first");
    }

    #[test]
    fn no_event_handler_is_allowed_and_style_is_only_read() {
        for element in ALLOWED {
            assert_eq!(
                allowed_attribute(element, "style"),
                Some(("style", Attr::Style))
            );
            for attr in [
                "onerror",
                "onclick",
                "srcdoc",
                "formaction",
                "xlink:href",
                "name",
            ] {
                assert_eq!(allowed_attribute(element, attr), None, "{element} {attr}");
            }
        }
    }

    #[test]
    fn style_becomes_the_attributes_that_say_the_same() {
        let cases = [
            ("p", "text-align: center", vec![("align", "center")], false),
            ("p", "TEXT-ALIGN:Right;", vec![("align", "right")], false),
            (
                "img",
                "width:300px; height: 50%",
                vec![("width", "300"), ("height", "50%")],
                false,
            ),
            ("span", "text-align:center", vec![], true),
            (
                "p",
                "color: red; text-align: left",
                vec![("align", "left")],
                true,
            ),
            ("img", "width: calc(100% - 1px)", vec![], true),
            ("td", "width: 1e9px", vec![], true),
            ("div", "position: fixed; inset: 0", vec![], true),
            ("p", " ; ", vec![], false),
        ];
        for (element, style, want, dropped) in cases {
            let (kept, was_dropped) = styled_attributes(element, style);
            let kept: Vec<(&str, &str)> = kept.iter().map(|(n, v)| (*n, v.as_str())).collect();
            assert_eq!((kept, was_dropped), (want, dropped), "{element} {style:?}");
        }
    }
}
