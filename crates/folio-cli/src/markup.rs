//! Tags found as a browser reads them: the template's (`index.html`, for the shells) and those
//! of a post's raw HTML (for the import). `index.html` is the writer's file, and HTML lets it say `<html lang=en>`, `<HTML LANG='en'>` or `<body class="a>b">` (an HTML
//! minifier writes the first): tag and attribute names are matched whatever their case, a value
//! may be quoted either way or not at all, a `>` inside a quoted value does not end its tag, and
//! a tag inside a comment, a `<script>` or a `<style>` is no tag.

use std::ops::Range;

/// A start tag: where it is, and where its attributes are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StartTag {
    /// From its `<` to just after its `>` (to the end of the text, for a tag never closed).
    pub(crate) span: Range<usize>,
    /// Each attribute, in order.
    attributes: Vec<Attribute>,
    /// Just after the last attribute, or after the tag's name: where a new one goes.
    append_at: usize,
}

/// Where an attribute of a start tag is.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Attribute {
    name: Range<usize>,
    /// The value as written, without its quotes; `None` for an attribute written without one.
    value: Option<Range<usize>>,
    /// The whole attribute: `name`, `name=value`, `name="value"`.
    whole: Range<usize>,
}

impl StartTag {
    /// The first attribute named `name` (any case), in `html`, the text the tag was found in.
    fn attribute(&self, html: &str, name: &str) -> Option<&Attribute> {
        self.attributes
            .iter()
            .find(|attribute| html[attribute.name.clone()].eq_ignore_ascii_case(name))
    }

    /// The value of the attribute `name` as written, character references and all (empty for
    /// an attribute written without one, as HTML reads it).
    pub(crate) fn value<'h>(&self, html: &'h str, name: &str) -> Option<&'h str> {
        self.attribute(html, name)
            .map(|attribute| attribute.value.clone().map_or("", |value| &html[value]))
    }

    /// Where the value of the attribute `name` is written in `html`, if it is written with one.
    pub(crate) fn value_span(&self, html: &str, name: &str) -> Option<Range<usize>> {
        self.attribute(html, name)?.value.clone()
    }

    /// `html` (the text this tag was found in) with the tag's attribute `name` set to `value`,
    /// which must be escaped already: written quoted in place of the first attribute of that
    /// name (the one a browser keeps), or added after the last attribute.
    pub(crate) fn set_attribute(&self, html: &str, name: &str, value: &str) -> String {
        let written = format!("{name}=\"{value}\"");
        match self.attribute(html, name) {
            Some(Attribute { whole, .. }) => {
                format!("{}{written}{}", &html[..whole.start], &html[whole.end..])
            }
            None => format!(
                "{} {written}{}",
                &html[..self.append_at],
                &html[self.append_at..]
            ),
        }
    }
}

/// The start tag whose `<` is at `lt`, whatever its name, with its name's span; `None` when
/// no tag starts there (`<` then something other than a letter).
pub(crate) fn tag_at(html: &str, lt: usize) -> Option<(Range<usize>, StartTag)> {
    let bytes = html.as_bytes();
    if bytes.get(lt) != Some(&b'<') || !bytes.get(lt + 1)?.is_ascii_alphabetic() {
        return None;
    }
    let name_end = (lt + 1..bytes.len())
        .find(|&at| !bytes[at].is_ascii_alphanumeric())
        .unwrap_or(bytes.len());
    Some((
        lt + 1..name_end,
        read_start_tag(html, lt, name_end - lt - 1),
    ))
}

/// The first `<name …>` start tag in `html`.
pub(crate) fn start_tag(html: &str, name: &str) -> Option<StartTag> {
    start_tags(html, name, 0).next()
}

/// Every `<name …>` start tag in `html` from `from`, in order. The text of a `<script>` or
/// `<style>` is passed over.
pub(crate) fn start_tags<'h>(
    html: &'h str,
    name: &'h str,
    from: usize,
) -> impl Iterator<Item = StartTag> + 'h {
    let mut from = Some(from);
    std::iter::from_fn(move || {
        let at = find(html, name, Kind::Start, from?)?;
        let tag = read_start_tag(html, at, name.len());
        from = if RAW_TEXT.contains(&name) {
            closing_tag(html, name, tag.span.end).map(|end| end.end)
        } else {
            Some(tag.span.end)
        };
        Some(tag)
    })
}

/// Where the first `</name>` end tag in `html` starts.
pub(crate) fn end_tag_start(html: &str, name: &str) -> Option<usize> {
    find(html, name, Kind::End, 0)
}

/// The end tag that closes an element whose content is text to the parser (`<script>`,
/// `<style>`, `<title>`): the first `</name>` at or after `from`, its span. Inside such an
/// element nothing is a tag or a comment, so nothing is passed over.
pub(crate) fn closing_tag(html: &str, name: &str, from: usize) -> Option<Range<usize>> {
    let bytes = html.as_bytes();
    let at = (from..bytes.len())
        .find(|&at| bytes[at] == b'<' && is_tag_at(bytes, at, name, Kind::End))?;
    let end = html[at..].find('>').map_or(html.len(), |i| at + i + 1);
    Some(at..end)
}

/// Where the last `</name>` end tag in `html` starts, searched for from the end. This one
/// passes over nothing: it finds the template's own `</body>` after a page's first paint, and
/// the first paint may hold what a trusted post's raw HTML holds (an unclosed comment or
/// `<script>` would hide every tag after it from a search from the start).
pub(crate) fn last_end_tag_start(html: &str, name: &str) -> Option<usize> {
    let bytes = html.as_bytes();
    (0..bytes.len())
        .rev()
        .find(|&at| bytes[at] == b'<' && is_tag_at(bytes, at, name, Kind::End))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Start,
    End,
}

fn is_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Elements whose content is text to the parser: a `<body>` in a script's string is no tag.
const RAW_TEXT: [&str; 2] = ["script", "style"];

/// Whether a tag named `name` (any case) starts at `at` (its `<`, or its `</` for an end tag).
fn is_tag_at(bytes: &[u8], at: usize, name: &str, kind: Kind) -> bool {
    let name_at = match kind {
        Kind::Start => at + 1,
        Kind::End if bytes.get(at + 1) == Some(&b'/') => at + 2,
        Kind::End => return false,
    };
    let after = name_at + name.len();
    bytes
        .get(name_at..after)
        .is_some_and(|found| found.eq_ignore_ascii_case(name.as_bytes()))
        && bytes
            .get(after)
            .is_none_or(|&byte| is_space(byte) || byte == b'/' || byte == b'>')
}

/// Where the first tag of `name` and `kind` starts, at or after `from`, outside comments and
/// raw text.
fn find(html: &str, name: &str, kind: Kind, from: usize) -> Option<usize> {
    let bytes = html.as_bytes();
    let mut at = from;
    while let Some(found) = bytes.get(at..)?.iter().position(|&byte| byte == b'<') {
        let lt = at + found;
        if bytes[lt..].starts_with(b"<!--") {
            at = html[lt + 4..]
                .find("-->")
                .map_or(html.len(), |i| lt + 4 + i + 3);
            continue;
        }
        if is_tag_at(bytes, lt, name, kind) {
            return Some(lt);
        }
        let raw = RAW_TEXT
            .into_iter()
            .find(|raw| *raw != name && is_tag_at(bytes, lt, raw, Kind::Start));
        at = match raw {
            Some(raw) => closing_tag(html, raw, lt + 1)?.end,
            None => lt + 1,
        };
    }
    None
}

/// Reads the start tag whose `<` is at `lt` and whose name is `name_len` bytes long, by the rules
/// of HTML's tokenizer for attributes.
fn read_start_tag(html: &str, lt: usize, name_len: usize) -> StartTag {
    let bytes = html.as_bytes();
    let mut at = lt + 1 + name_len;
    let mut attributes = Vec::new();
    let mut append_at = at;
    loop {
        while bytes
            .get(at)
            .is_some_and(|&byte| is_space(byte) || byte == b'/')
        {
            at += 1;
        }
        match bytes.get(at) {
            None => {
                return StartTag {
                    span: lt..html.len(),
                    attributes,
                    append_at,
                };
            }
            Some(b'>') => {
                return StartTag {
                    span: lt..at + 1,
                    attributes,
                    append_at,
                };
            }
            Some(_) => {}
        }
        // A name runs to a space, `/`, `>` or `=`; an `=` in its first place is part of it.
        let name_start = at;
        at += 1;
        while bytes
            .get(at)
            .is_some_and(|&byte| !is_space(byte) && !matches!(byte, b'/' | b'>' | b'='))
        {
            at += 1;
        }
        let name = name_start..at;
        let mut value = None;
        let mut next = at;
        while bytes.get(next).copied().is_some_and(is_space) {
            next += 1;
        }
        if bytes.get(next) == Some(&b'=') {
            next += 1;
            while bytes.get(next).copied().is_some_and(is_space) {
                next += 1;
            }
            (value, at) = match bytes.get(next) {
                Some(&quote @ (b'"' | b'\'')) => {
                    let start = next + 1;
                    match bytes[start..].iter().position(|&byte| byte == quote) {
                        Some(len) => (Some(start..start + len), start + len + 1),
                        None => (Some(start..html.len()), html.len()),
                    }
                }
                _ => {
                    let mut end = next;
                    while bytes
                        .get(end)
                        .is_some_and(|&byte| !is_space(byte) && byte != b'>')
                    {
                        end += 1;
                    }
                    (Some(next..end), end)
                }
            };
        }
        attributes.push(Attribute {
            name,
            value,
            whole: name_start..at,
        });
        append_at = at;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(html: &str, name: &str, value: &str) -> String {
        match start_tag(html, "html") {
            Some(tag) => tag.set_attribute(html, name, value),
            None => html.to_owned(),
        }
    }

    #[test]
    fn an_attribute_is_replaced_however_it_was_written() {
        for (template, expected) in [
            ("<html lang=\"en\">", "<html lang=\"zh\">"),
            ("<html lang='en'>", "<html lang=\"zh\">"),
            ("<html lang=en>", "<html lang=\"zh\">"),
            ("<html lang = en dir=ltr>", "<html lang=\"zh\" dir=ltr>"),
            ("<HTML LANG=EN>", "<HTML lang=\"zh\">"),
            ("<html lang>", "<html lang=\"zh\">"),
            ("<html\nclass=a\nlang=en>", "<html\nclass=a\nlang=\"zh\">"),
            // A browser keeps the first of two; the second stays as it was.
            (
                "<html lang=en lang=\"de\">",
                "<html lang=\"zh\" lang=\"de\">",
            ),
            // `xml:lang` and `data-lang` are other attributes.
            (
                "<html xml:lang=en data-lang=x>",
                "<html xml:lang=en data-lang=x lang=\"zh\">",
            ),
        ] {
            assert_eq!(set(template, "lang", "zh"), expected, "{template}");
        }
    }

    #[test]
    fn a_missing_attribute_goes_after_the_last_one() {
        for (template, expected) in [
            ("<html>", "<html lang=\"zh\">"),
            ("<html class=\"a>b\">", "<html class=\"a>b\" lang=\"zh\">"),
            ("<html class=a/>", "<html class=a/ lang=\"zh\">"),
            ("<html dir=ltr >x", "<html dir=ltr lang=\"zh\" >x"),
            // Never closed: the text ends inside the tag.
            ("<html dir=\"ltr", "<html dir=\"ltr lang=\"zh\""),
        ] {
            assert_eq!(set(template, "lang", "zh"), expected, "{template}");
        }
        assert_eq!(
            set("<p>no html tag</p>", "lang", "zh"),
            "<p>no html tag</p>"
        );
    }

    #[test]
    fn tags_in_comments_and_scripts_and_longer_names_are_not_the_tag() {
        let html = concat!(
            "<!-- <body class=old> --><head><style>a::after{content:\"<body>\"}</style>",
            "<script>let s = '<body>' + '</head>';</script><header></header>",
            "</HEAD><Body data-x=\"a>b\">text</body><!-- x -->"
        );
        let body = start_tag(html, "body").map(|tag| &html[tag.span]);
        assert_eq!(body, Some("<Body data-x=\"a>b\">"));
        let head_end = end_tag_start(html, "head").map(|at| &html[at..at + 7]);
        assert_eq!(head_end, Some("</HEAD>"));
        let body_end = last_end_tag_start(html, "body").map(|at| &html[at..]);
        assert_eq!(body_end, Some("</body><!-- x -->"));
        // A first paint with an unclosed comment and script before the template's end tag.
        let shell = "<body><p><!-- <script>x</p></BODY></html>";
        let body_end = last_end_tag_start(shell, "body").map(|at| &shell[at..]);
        assert_eq!(body_end, Some("</BODY></html>"));
        assert_eq!(last_end_tag_start("<body></bodyx>", "body"), None);
        assert_eq!(
            start_tag(html, "head").map(|tag| &html[tag.span]),
            Some("<head>")
        );
        assert_eq!(start_tag("<headline>", "head"), None);
    }

    #[test]
    fn values_are_read_however_they_were_written() {
        let html = "<link rel=preload href='/a b.css' as = \"fetch\" crossorigin HREF=/x>";
        let tag = start_tag(html, "link");
        let value = |name| tag.as_ref().and_then(|tag| tag.value(html, name));
        assert_eq!(value("REL"), Some("preload"));
        assert_eq!(value("href"), Some("/a b.css"));
        assert_eq!(value("as"), Some("fetch"));
        assert_eq!(value("crossorigin"), Some(""));
        assert_eq!(value("integrity"), None);
    }

    #[test]
    fn every_tag_is_found_in_order_and_script_text_is_passed_over() {
        let html = "<script>'<script>'</script><script type=module>x</script><link a=1><!--<link a=2>--><link a=3>";
        let types: Vec<Option<&str>> = start_tags(html, "script", 0)
            .map(|tag| tag.value(html, "type"))
            .collect();
        assert_eq!(types, [None, Some("module")]);
        let links: Vec<&str> = start_tags(html, "link", 0)
            .filter_map(|tag| tag.value(html, "a"))
            .collect();
        assert_eq!(links, ["1", "3"]);
    }

    #[test]
    fn text_elements_end_at_their_own_end_tag_whatever_they_hold() {
        let html = "<script type=module>let a = '<style>', b = '<!--';</script><link rel=preload>";
        let script = start_tag(html, "script").map(|tag| tag.span.end);
        let end = script.and_then(|from| closing_tag(html, "script", from));
        assert_eq!(end.map(|end| &html[end]), Some("</script>"));
        let links: Vec<_> = start_tags(html, "link", 0).map(|tag| tag.span).collect();
        assert_eq!(links.len(), 1, "{links:?}");
        let title = "<title>a <!-- b </TITLE ></head>";
        assert_eq!(
            closing_tag(title, "title", 7).map(|end| &title[end]),
            Some("</TITLE >")
        );
    }

    #[test]
    fn odd_text_never_panics() {
        for html in [
            "",
            "<",
            "<html",
            "<html =x>",
            "<html a='",
            "<!--",
            "<script>",
            "<script></script",
            "<html lang=中文 dir=\"一>二\">",
            "</",
            "</body",
        ] {
            let _ = set(html, "lang", "en");
            let _ = end_tag_start(html, "body");
            let _ = closing_tag(html, "script", 0);
            let _ = last_end_tag_start(html, "body");
            let _ = start_tag(html, "title");
            let _: Vec<_> = start_tags(html, "script", 0).collect();
        }
        assert_eq!(
            set("<html lang=中文 dir=\"一>二\">", "lang", "zh"),
            "<html lang=\"zh\" dir=\"一>二\">"
        );
    }

    /// Texts made of the pieces tags are made of, multi-byte characters among them (a slice at
    /// a wrong offset panics): reading never panics, and the attribute set is there after.
    #[test]
    fn generated_markup_never_panics_and_keeps_the_attribute() {
        const PIECES: [&str; 18] = [
            "<", ">", "/", "=", "\"", "'", " ", "\n", "<!--", "-->", "html", "HTML", "lang",
            "script", "body", "中", "é", "x",
        ];
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..20_000 {
            let len = next() % 24;
            let html: String = (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            let set_html = set(&html, "lang", "zh");
            if start_tag(&html, "html").is_some() {
                assert!(set_html.contains("lang=\"zh\""), "{html:?} -> {set_html:?}");
            } else {
                assert_eq!(set_html, html);
            }
            let _ = end_tag_start(&html, "body");
            let _ = closing_tag(&html, "script", 0);
            let _ = last_end_tag_start(&html, "body");
            let _: Vec<_> = start_tags(&html, "script", 0).collect();
        }
    }
}
