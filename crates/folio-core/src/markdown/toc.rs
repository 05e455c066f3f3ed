//! The table of contents a `[[toc]]` stands for: the post's h2 and h3 headings (VitePress's
//! default levels) as nested lists of links, written once every heading is known.

use super::Heading;
use super::blocks::TOC_PLACEHOLDER;
use crate::html::escape_into;
use crate::i18n::Strings;

/// The levels a `[[toc]]` lists.
const LEVELS: std::ops::RangeInclusive<u8> = 2..=3;

/// `html` with each `[[toc]]` placeholder replaced by the contents of `headings`.
pub(super) fn fill(html: &str, headings: &[Heading], text: &Strings) -> String {
    html.replace(TOC_PLACEHOLDER, &contents(headings, text))
}

/// `<nav class="table-of-contents"><ul><li><a href="#id">…</a><ul>…</ul></li></ul></nav>`, a
/// deeper heading nested in the item of the one before it; nothing without headings to list.
fn contents(headings: &[Heading], text: &Strings) -> String {
    let listed: Vec<&Heading> = headings
        .iter()
        .filter(|heading| LEVELS.contains(&heading.level))
        .collect();
    if listed.is_empty() {
        return String::new();
    }
    let mut out = String::from("<nav class=\"table-of-contents\" aria-label=\"");
    escape_into(&mut out, text.contents);
    out.push_str("\">");
    // The levels of the lists open, innermost last; each has an item open.
    let mut open: Vec<u8> = Vec::new();
    for heading in listed {
        while open.last().is_some_and(|&level| level > heading.level) {
            open.pop();
            out.push_str("</li></ul>");
        }
        match open.last() {
            Some(&level) if level == heading.level => out.push_str("</li>"),
            _ => {
                open.push(heading.level);
                out.push_str("<ul>");
            }
        }
        out.push_str("<li><a href=\"#");
        escape_into(&mut out, &heading.id);
        out.push_str("\">");
        escape_into(&mut out, &heading.text);
        out.push_str("</a>");
    }
    for _ in open {
        out.push_str("</li></ul>");
    }
    out.push_str("</nav>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heading(level: u8, id: &str) -> Heading {
        Heading {
            level,
            line: 1,
            id: id.to_owned(),
            text: id.to_uppercase(),
        }
    }

    #[test]
    fn deeper_headings_nest_in_the_one_before() {
        let headings = [
            heading(3, "early"),
            heading(2, "a"),
            heading(3, "a1"),
            heading(4, "skipped"),
            heading(3, "a2"),
            heading(2, "b"),
            heading(1, "top"),
        ];
        let html = contents(&headings, crate::i18n::english());
        assert_eq!(
            html,
            "<nav class=\"table-of-contents\" aria-label=\"Contents\">\
             <ul><li><a href=\"#early\">EARLY</a></li></ul>\
             <ul><li><a href=\"#a\">A</a><ul><li><a href=\"#a1\">A1</a></li>\
             <li><a href=\"#a2\">A2</a></li></ul></li>\
             <li><a href=\"#b\">B</a></li></ul></nav>\n"
        );
        assert_eq!(contents(&[heading(1, "x")], crate::i18n::english()), "");
    }
}
