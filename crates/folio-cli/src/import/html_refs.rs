//! The files raw HTML in a post uses: `<img src>`, `<a href>`, `<video src poster>`,
//! `<audio src>`, `<source src>`. The renderer lists Markdown's links and images; HTML's it
//! passes to the sanitizer, so the import finds these itself, outside code, on one line each.

use folio_core::LinkRef;

use crate::leftovers::prose_lines;
use crate::markup;

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
            let Some((name, tag)) = markup::tag_at(line, at) else {
                continue;
            };
            let attributes: &[(&str, Kind)] = match line[name].to_ascii_lowercase().as_str() {
                "img" | "source" | "audio" | "embed" | "track" => &[("src", Kind::Embedded)],
                "video" => &[("src", Kind::Embedded), ("poster", Kind::Embedded)],
                "a" => &[("href", Kind::Link)],
                _ => continue,
            };
            for (attribute, kind) in attributes {
                if let Some(value) = tag.value_span(line, attribute) {
                    found.push((
                        LinkRef {
                            url: line[value.clone()].to_owned(),
                            line: number,
                            column: line[..value.start].chars().count() + 1,
                        },
                        *kind,
                    ));
                }
            }
            from = tag.span.end;
        }
    }
    found
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

    #[test]
    fn a_tag_is_read_as_html_reads_it() {
        // A `>` inside a quoted value does not end the tag, and `src=` inside another
        // attribute's value is no attribute.
        let text =
            "<img alt=\"a > b src=no.png\" src=\"yes.png\"> <a title='x href=no' HREF=yes.html>";
        assert_eq!(
            found(text),
            [
                ("yes.png".to_owned(), 1, 34, Kind::Embedded),
                ("yes.html".to_owned(), 1, 70, Kind::Link),
            ]
        );
    }
}
