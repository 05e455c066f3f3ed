//! What survives sanitizing: the allowed elements and attributes, and the elements whose whole
//! content goes with them.

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
        ("img", "width") => kind_of("width", Attr::Text),
        ("img", "height") => kind_of("height", Attr::Text),
        ("td" | "th", "colspan") => kind_of("colspan", Attr::Text),
        ("td" | "th", "rowspan") => kind_of("rowspan", Attr::Text),
        ("td" | "th", "align") => kind_of("align", Attr::Text),
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
    fn no_event_handler_or_style_attribute_is_allowed() {
        for element in ALLOWED {
            for attr in [
                "onerror",
                "onclick",
                "style",
                "srcdoc",
                "formaction",
                "xlink:href",
                "name",
            ] {
                assert_eq!(allowed_attribute(element, attr), None, "{element} {attr}");
            }
        }
    }
}
