//! The frame around every page: header with the site's name and navigation, and footer.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::site::Site;

/// Site title and navigation.
#[component]
pub(crate) fn Header() -> impl IntoView {
    let site = expect_context::<Site>();
    let title = move || {
        site.manifest
            .get()
            .and_then(Result::ok)
            .map(|manifest| manifest.site.title.clone())
    };
    view! {
        <header class="site-header">
            <div class="site-header-inner">
                <A href=site.base attr:class="site-title">
                    {move || title().unwrap_or_default()}
                </A>
                <nav aria-label="Site">
                    <A href=site.base exact=true>"Posts"</A>
                    <A href=format!("{}tags/", site.base)>"Tags"</A>
                </nav>
            </div>
        </header>
    }
}

/// Site footer.
#[component]
pub(crate) fn Footer() -> impl IntoView {
    let site = expect_context::<Site>();
    let author = move || {
        site.manifest
            .get()
            .and_then(Result::ok)
            .and_then(|manifest| manifest.site.author.clone())
    };
    view! {
        <footer class="site-footer">
            <p>
                {move || author().map(|author| format!("© {author} · "))}
                "Published with "
                <a href="https://github.com/folio-blog/folio" rel="noopener noreferrer">"Folio"</a>
            </p>
        </footer>
    }
}
