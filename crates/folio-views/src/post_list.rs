//! A list of posts as cards: title, byline and summary.

use folio_core::{PostEntry, paths};

use crate::SiteView;
use crate::byline::write_byline;
use crate::markup::Markup;

/// Posts as an ordered list of cards, in the order given.
pub(crate) fn write_post_list(html: &mut Markup, site: SiteView, posts: &[PostEntry]) {
    html.open("ol", &[("class", "post-list")]);
    for entry in posts {
        let href = paths::post_url(site.base, &entry.slug);
        html.open("li", &[("class", "post-card")])
            .open("h2", &[("class", "post-card-title")])
            .element("a", &[("href", &href)], &entry.title);
        if entry.draft {
            html.element("span", &[("class", "badge")], site.text.draft);
        }
        html.close("h2");
        write_byline(html, site, entry, false);
        html.element("p", &[("class", "post-card-summary")], entry.summary())
            .close("li");
    }
    html.close("ol");
}
