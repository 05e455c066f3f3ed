//! Links between the pages of a list of posts (the home page, a tag, the archive).

use folio_core::i18n::Strings;
use folio_core::paths::Paged;
use leptos::prelude::*;

/// "← Newer posts · Page 2 of 5 · Older posts →" for page `page` of `pages` of `list`; nothing
/// when the list fits on one page.
pub fn pagination(list: Paged<'_>, page: usize, pages: usize) -> Option<impl IntoView + use<>> {
    let site = crate::site();
    let text = site.text;
    let newer = (page > 1).then(|| {
        view! {
            <a href=list.page_href(site.base, page - 1) class="newer" rel="prev">
                {text.newer_posts}
            </a>
        }
    });
    let older = (page < pages).then(|| {
        view! {
            <a href=list.page_href(site.base, page + 1) class="older" rel="next">
                {text.older_posts}
            </a>
        }
    });
    (pages > 1).then(|| {
        view! {
            <nav class="pagination" aria-label=text.pages_nav>
                {newer}
                <span class="page-number">{(text.page_of)(page, pages)}</span>
                {older}
            </nav>
        }
    })
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
