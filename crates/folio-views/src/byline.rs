//! The line under a post's title: date, update, author, reading time and tags.

use folio_core::{PostEntry, paths, tag_slug};

use crate::SiteView;
use crate::markup::Markup;

/// The byline, `<div class="byline">` and all: date, update date, reading time and tag links,
/// and the author when `with_author` (on the post's own page; lists leave it out).
pub fn write_byline(html: &mut Markup, site: SiteView, entry: &PostEntry, with_author: bool) {
    html.open("div", &[("class", "byline")])
        .open("p", &[("class", "byline-facts")]);
    if let Some(date) = entry.date {
        html.element(
            "time",
            &[("datetime", &date.to_string())],
            &date.format_long(site.lang),
        );
    }
    if let Some(updated) = entry.updated.filter(|updated| Some(*updated) != entry.date) {
        html.open("span", &[("class", "updated")])
            .text(site.text.updated)
            .text(" ")
            .element(
                "time",
                &[("datetime", &updated.to_string())],
                &updated.format_long(site.lang),
            )
            .close("span");
    }
    if let Some(author) = entry.author.as_deref().filter(|_| with_author) {
        html.element("span", &[("class", "author")], author);
    }
    html.element(
        "span",
        &[("class", "reading-time")],
        &(site.text.minutes_read)(entry.reading_minutes),
    )
    .close("p");
    if !entry.tags.is_empty() {
        html.open("ul", &[("class", "tags"), ("aria-label", site.text.tags)]);
        for tag in &entry.tags {
            let href = paths::tag_url(site.base, &tag_slug(tag));
            html.open("li", &[])
                .element("a", &[("href", &href)], &format!("#{tag}"))
                .close("li");
        }
        html.close("ul");
    }
    html.close("div");
}
