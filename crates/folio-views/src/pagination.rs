//! Links between the pages of a list of posts (the home page, a tag, the archive).

use folio_core::i18n::Strings;
use folio_core::paths::Paged;

use crate::SiteView;
use crate::markup::Markup;

/// "← Newer posts · Page 2 of 5 · Older posts →" for page `page` of `pages` of `list`; nothing
/// when the list fits on one page.
pub(crate) fn write_pagination(
    html: &mut Markup,
    site: SiteView,
    list: Paged<'_>,
    page: usize,
    pages: usize,
) {
    if pages <= 1 {
        return;
    }
    let text = site.text;
    html.open(
        "nav",
        &[("class", "pagination"), ("aria-label", text.pages_nav)],
    );
    if page > 1 {
        let href = list.page_href(site.base, page - 1);
        html.element(
            "a",
            &[("href", &href), ("rel", "prev"), ("class", "newer")],
            text.newer_posts,
        );
    }
    html.element(
        "span",
        &[("class", "page-number")],
        &(text.page_of)(page, pages),
    );
    if page < pages {
        let href = list.page_href(site.base, page + 1);
        html.element(
            "a",
            &[("href", &href), ("rel", "next"), ("class", "older")],
            text.older_posts,
        );
    }
    html.close("nav");
}

/// The title of page `page` of a list called `name` (`None` for the home page): `#rust`,
/// `#rust · Page 2`, `Page 2`; `None` for the home page's first page, which has the site's.
pub fn page_title(text: &Strings, name: Option<&str>, page: usize) -> Option<String> {
    match (name, page) {
        (None, 1) => None,
        (None, page) => Some((text.page_title)(page)),
        (Some(name), 1) => Some(name.to_owned()),
        (Some(name), page) => Some(format!("{name} · {}", (text.page_title)(page))),
    }
}
