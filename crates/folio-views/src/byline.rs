//! The line under a post's title: date, update, author, reading time and tags.

use folio_core::{PostEntry, paths, tag_slug};
use leptos::prelude::*;

use crate::SiteView;
use crate::markup::Markup;

/// Date, update date, optional author, reading time and tag links of a post.
#[component]
pub fn Byline(
    entry: PostEntry,
    /// Show the author (on the post page; lists leave it out).
    #[prop(optional)]
    with_author: bool,
) -> impl IntoView {
    let mut html = Markup::default();
    write_facts(&mut html, crate::site(), &entry, with_author);
    view! { <div class="byline" inner_html=html.finish()></div> }
}

/// The byline, `<div class="byline">` and all.
pub(crate) fn write_byline(html: &mut Markup, site: SiteView, entry: &PostEntry) {
    html.open("div", &[("class", "byline")]);
    write_facts(html, site, entry, false);
    html.close("div");
}

/// What is inside the byline's `<div>`.
fn write_facts(html: &mut Markup, site: SiteView, entry: &PostEntry, with_author: bool) {
    html.open("p", &[("class", "byline-facts")]);
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
}
