//! The search page at `/search/?q=…`: results for the query in the address, which the header's
//! search box keeps up to date on every keystroke, so the address is always a link to what is
//! shown.

mod load;

use folio_core::paths;
use leptos::either::EitherOf4;
use leptos::prelude::*;

use crate::components::status::{erased, loaded_in_place};
use crate::fetch::LoadError;
use crate::head::Title;
use crate::router::use_query;
use crate::site::Site;
use folio_views::SiteView;
use folio_views::byline::write_byline;
use folio_views::markup::Markup;

/// Results shown at first, and added by each "more results".
const PAGE: usize = 10;

/// Results for the query in the address.
#[component]
pub(crate) fn SearchPage() -> impl IntoView {
    let site = expect_context::<Site>();
    let text = site.text;
    // The reader came here to search: the index's reader loads now, query or not, and the
    // header's title from the first home page file, results or not (the page's shell has
    // preloaded both).
    crate::extras::search::preload();
    site.need_config();
    let query = use_query("q");
    // How many results to show, for the query it was raised for: a new query starts over.
    let shown = RwSignal::new((String::new(), PAGE));
    let limit = move || {
        let (raised_for, limit) = shown.get();
        if raised_for == query.get() {
            limit
        } else {
            PAGE
        }
    };
    let more = move |_| {
        let next = limit() + PAGE;
        shown.set((query.get_untracked(), next));
    };
    let page_title = move || {
        let query = query.get();
        if query.trim().is_empty() {
            text.search.to_owned()
        } else {
            format!("{query} · {}", text.search)
        }
    };
    // A site without a search index (`NotFound`) says so in place of results; other failures
    // offer to try again, as every page's do.
    let load = move || {
        let search = load::search(site, query.get(), limit());
        async move {
            match search.await {
                Err(LoadError::NotFound) => Ok(None),
                found => found.map(Some),
            }
        }
    };
    let site_view = expect_context::<SiteView>();
    let results = move |found: Option<load::Found>| {
        let Some(found) = found else {
            return EitherOf4::A(view! { <p class="notice">{text.search_unavailable}</p> });
        };
        if found.query.is_empty() {
            return EitherOf4::B(view! { <p class="search-hint">{text.search_hint}</p> });
        }
        if found.total == 0 {
            let none = (text.search_none)(found.query.trim());
            return EitherOf4::C(view! { <p class="search-empty" role="status">{none}</p> });
        }
        let more_button = (found.total > found.items.len()).then(|| {
            view! {
                <button type="button" class="button search-more" on:click=more>
                    {text.search_more}
                </button>
            }
        });
        let mut items = Markup::default();
        for item in &found.items {
            let href = paths::post_url(site.base, &item.entry.slug);
            items
                .open("li", &[("class", "search-result")])
                .open("h2", &[("class", "post-card-title")])
                .open("a", &[("href", &href)]);
            write_marked(&mut items, &item.title);
            items.close("a").close("h2");
            write_byline(&mut items, site_view, &item.entry, false);
            items.open("p", &[("class", "search-snippet")]);
            write_marked(&mut items, &item.snippet);
            items.close("p").close("li");
        }
        EitherOf4::D(view! {
            <p class="page-subtitle" role="status">{(text.search_count)(found.total)}</p>
            <ol class="search-results" inner_html=items.finish()></ol>
            {more_button}
        })
    };
    view! {
        <Title text=page_title />
        <h1 class="page-title">{text.search}</h1>
        {loaded_in_place(erased(load, results))}
    }
}

/// Text with the matched parts in `<mark>`.
fn write_marked(html: &mut Markup, parts: &[load::Part]) {
    for (text, mark) in parts {
        if *mark {
            html.element("mark", &[], text);
        } else {
            html.text(text);
        }
    }
}
