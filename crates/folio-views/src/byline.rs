//! The line under a post's title: date, update, author, reading time and tags.

use folio_core::{PostEntry, paths, tag_slug};
use leptos::prelude::*;

/// Date, update date, optional author, reading time and tag links of a post.
#[component]
pub fn Byline(
    entry: PostEntry,
    /// Show the author (on the post page; lists leave it out).
    #[prop(optional)]
    with_author: bool,
) -> impl IntoView {
    let site = crate::site();
    let date = entry.date.map(|date| {
        view! { <time datetime=date.to_string()>{date.format_long(site.lang)}</time> }
    });
    let updated = entry
        .updated
        .filter(|updated| Some(*updated) != entry.date)
        .map(|updated| {
            view! {
                <span class="updated">
                    {site.text.updated} " "
                    <time datetime=updated.to_string()>{updated.format_long(site.lang)}</time>
                </span>
            }
        });
    let author = entry
        .author
        .clone()
        .filter(|_| with_author)
        .map(|author| view! { <span class="author">{author}</span> });
    let minutes = (site.text.minutes_read)(entry.reading_minutes);
    let tags = (!entry.tags.is_empty()).then(|| {
        let links = entry
            .tags
            .iter()
            .map(|tag| {
                let href = paths::tag_url(site.base, &tag_slug(tag));
                view! { <li><a href=href>{format!("#{tag}")}</a></li> }
            })
            .collect_view();
        view! { <ul class="tags" aria-label=site.text.tags>{links}</ul> }
    });
    view! {
        <div class="byline">
            <p class="byline-facts">
                {date}
                {updated}
                {author}
                <span class="reading-time">{minutes}</span>
            </p>
            {tags}
        </div>
    }
}
