//! The list pages' markup, written as text.
//!
//! A list page (the home page, a tag's posts, the tag list, the archive) and a post's byline
//! are static markup made from data: nothing in them changes while they are shown, and their
//! links are taken over by the app's router wherever they are. As Leptos views, each kind of
//! element tree compiled its own code to build, mount and rebuild it (35 KB of the app's wasm,
//! 12.5 KB brotli); written as text by the functions below and set as one element's content,
//! they cost a fraction of that. The build's shells and the app use the same functions, so the
//! first paint and the app's page are the same markup.

use folio_core::html::escape_into;
use leptos::prelude::*;

/// HTML written in document order; every text and attribute value is escaped on the way in.
#[derive(Debug, Default)]
pub struct Markup(String);

impl Markup {
    /// `<tag name="value" …>`.
    pub fn open(&mut self, tag: &str, attributes: &[(&str, &str)]) -> &mut Self {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attributes {
            self.0.push(' ');
            self.0.push_str(name);
            self.0.push_str("=\"");
            escape_into(&mut self.0, value);
            self.0.push('"');
        }
        self.0.push('>');
        self
    }

    /// `</tag>`.
    pub fn close(&mut self, tag: &str) -> &mut Self {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    /// Text, escaped.
    pub fn text(&mut self, text: &str) -> &mut Self {
        escape_into(&mut self.0, text);
        self
    }

    /// `<tag …>text</tag>`.
    pub fn element(&mut self, tag: &str, attributes: &[(&str, &str)], text: &str) -> &mut Self {
        self.open(tag, attributes).text(text).close(tag)
    }

    pub fn finish(self) -> String {
        self.0
    }
}

/// A list page's markup as the content of one element, `div.listing`.
pub(crate) fn listing(html: Markup) -> impl IntoView {
    view! { <div class="listing" inner_html=html.finish()></div> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attribute_values_are_escaped() {
        let mut html = Markup::default();
        html.open("a", &[("href", "/x?a=1&b=\"2\""), ("title", "<'>")])
            .text("<script>&")
            .close("a")
            .element("p", &[], "\u{4e2d}\u{6587}");
        assert_eq!(
            html.finish(),
            "<a href=\"/x?a=1&amp;b=&quot;2&quot;\" title=\"&lt;&#39;&gt;\">&lt;script&gt;&amp;</a><p>\u{4e2d}\u{6587}</p>"
        );
    }
}
