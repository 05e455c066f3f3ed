//! The files raw HTML in a post uses: `<img src>`, `<a href>`, `<video src poster>`,
//! `<audio src>`, `<source src>`. The renderer lists Markdown's links and images; HTML's it
//! passes to the sanitizer, so the import finds these itself, outside code, on one line each.

use folio_core::LinkRef;

use crate::leftovers::prose_lines;

/// What an attribute points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Shown on the page: copied like a Markdown image.
    Embedded,
    /// Linked to: copied when it is a file of the site.
    Link,
}

/// Every such attribute value in `text` from `first_line` on, located at the value.
pub(super) fn find(text: &str, first_line: usize) -> Vec<(LinkRef, Kind)> {
    let mut found = Vec::new();
    for (number, line, masked) in prose_lines(text, first_line) {
        let mut from = 0;
        while let Some(at) = masked[from..].find('<').map(|i| i + from) {
            from = at + 1;
            let name_len = masked[from..]
                .find(|c: char| !c.is_ascii_alphanumeric())
                .unwrap_or(masked.len() - from);
            let name = masked[from..from + name_len].to_ascii_lowercase();
            let attributes: &[(&str, Kind)] = match name.as_str() {
                "img" | "source" | "audio" | "embed" | "track" => &[("src", Kind::Embedded)],
                "video" => &[("src", Kind::Embedded), ("poster", Kind::Embedded)],
                "a" => &[("href", Kind::Link)],
                _ => continue,
            };
            let end = masked[from..].find('>').map_or(masked.len(), |i| i + from);
            for (attribute, kind) in attributes {
                if let Some((start, value)) =
                    attribute_value(&line[from + name_len..end], attribute)
                {
                    let start = from + name_len + start;
                    found.push((
                        LinkRef {
                            url: value.to_owned(),
                            line: number,
                            column: line[..start].chars().count() + 1,
                        },
                        *kind,
                    ));
                }
            }
            from = end;
        }
    }
    found
}

/// The value of `name` in the attributes of one tag, and its byte offset there.
fn attribute_value<'a>(attributes: &'a str, name: &str) -> Option<(usize, &'a str)> {
    let lower = attributes.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = lower[from..].find(name).map(|i| i + from) {
        from = at + name.len();
        let before = lower[..at].chars().next_back();
        if !before.is_some_and(char::is_whitespace) {
            continue;
        }
        let rest = &attributes[from..];
        let Some(after_eq) = rest.trim_start().strip_prefix('=') else {
            continue;
        };
        let value = after_eq.trim_start();
        let offset = attributes.len() - value.len();
        return match value.chars().next() {
            Some(quote @ ('"' | '\'')) => {
                let inner = &value[1..];
                let end = inner.find(quote)?;
                Some((offset + 1, &inner[..end]))
            }
            Some(_) => {
                let end = value
                    .find(|c: char| c.is_whitespace() || c == '>')
                    .unwrap_or(value.len());
                Some((offset, &value[..end]))
            }
            None => None,
        };
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, usize, usize, Kind)> {
        find(text, 1)
            .into_iter()
            .map(|(at, kind)| (at.url, at.line, at.column, kind))
            .collect()
    }

    #[test]
    fn sources_and_links_of_raw_html_are_found_outside_code() {
        let text = "<p align=\"center\"><img width=300 src=\"x.png\"></p>\n\n<a href='chart.svg' title=\"c\">chart</a> `<img src=\"no.png\">`\n\n```html\n<img src=\"code.png\">\n```\n<video poster=p.jpg src=\"v.mp4\"></video> <IMG SRC=\"upper.png\"> <abbr title=x>y</abbr>\n";
        assert_eq!(
            found(text),
            [
                ("x.png".to_owned(), 1, 39, Kind::Embedded),
                ("chart.svg".to_owned(), 3, 10, Kind::Link),
                ("v.mp4".to_owned(), 8, 26, Kind::Embedded),
                ("p.jpg".to_owned(), 8, 15, Kind::Embedded),
                ("upper.png".to_owned(), 8, 52, Kind::Embedded),
            ]
        );
    }
}
