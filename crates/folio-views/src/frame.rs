//! The frame around every page: a skip link, the header with the site's name, navigation,
//! search box and theme switch, the page itself in `<main>`, and the footer.

use folio_core::{NavLink, ids, paths};
use leptos::prelude::*;

/// Which of the header's own links is the page being shown (`aria-current="page"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// The first home page, exactly.
    Home,
    /// The archive.
    Archive,
    /// The tag list or one tag's page.
    Tags,
    /// Anything else.
    Other,
}

impl Section {
    /// The section of the page at `path` (a URL path on a site served under `base`).
    ///
    /// ```
    /// use folio_views::frame::Section;
    /// assert_eq!(Section::of("/blog/", "/blog/"), Section::Home);
    /// assert_eq!(Section::of("/blog/page/2/", "/blog/"), Section::Other);
    /// assert_eq!(Section::of("/blog/tags/rust/", "/blog/"), Section::Tags);
    /// assert_eq!(Section::of("/blog/archive", "/blog/"), Section::Archive);
    /// ```
    pub fn of(path: &str, base: &str) -> Self {
        let Some(rest) = path.strip_prefix(base).or_else(|| {
            // The base without its slash (`/blog`) is the home page too.
            (path == base.trim_end_matches('/')).then_some("")
        }) else {
            return Self::Other;
        };
        let first = rest.split('/').next().unwrap_or_default();
        match first {
            "" => Self::Home,
            "archive" => Self::Archive,
            "tags" => Self::Tags,
            _ => Self::Other,
        }
    }
}

/// The document's title: `Page · Site`, or the site's title alone for a page without a title of
/// its own (the home page). The shells and the app write it alike, so a tab's title does not
/// change when the app takes over.
///
/// ```
/// use folio_views::frame::document_title;
/// assert_eq!(document_title("情人节", "Notes"), "情人节 · Notes");
/// assert_eq!(document_title("", "Notes"), "Notes");
/// ```
pub fn document_title(page: &str, site: &str) -> String {
    if page.is_empty() {
        site.to_owned()
    } else {
        format!("{page} · {site}")
    }
}

/// What the header's configured links are: the site's `nav`, known once the site's
/// configuration arrived.
pub type NavLinks = Vec<NavLink>;

/// The whole visible page around `children` (the page's own content, put in `<main>`).
#[component]
pub fn Frame<T>(
    /// The site's title, shown in the header.
    #[prop(into)]
    title: Signal<String>,
    /// The configured extra header links.
    #[prop(into)]
    nav: Signal<NavLinks>,
    /// Which header link is the current page's.
    #[prop(into)]
    current: Signal<Section>,
    /// The site's author, for the footer.
    #[prop(into)]
    author: Signal<Option<String>>,
    /// The search box and theme switch, as the caller equips them.
    tools: T,
    children: Children,
) -> impl IntoView
where
    T: IntoView + 'static,
{
    let site = crate::site();
    view! {
        <a class="skip-link" href=format!("#{}", ids::MAIN)>{site.text.skip_to_content}</a>
        <Header title nav current>{tools}</Header>
        <main id=ids::MAIN tabindex="-1">{children()}</main>
        <Footer author />
    }
}

/// Site title, built-in and configured navigation, and the `tools` (search box, theme switch).
#[component]
pub fn Header(
    #[prop(into)] title: Signal<String>,
    #[prop(into)] nav: Signal<NavLinks>,
    #[prop(into)] current: Signal<Section>,
    children: Children,
) -> impl IntoView {
    let site = crate::site();
    let text = site.text;
    let here = move |section: Section| move || (current.get() == section).then_some("page");
    let extra = move || nav.get().into_iter().map(nav_link).collect_view();
    view! {
        <header class="site-header">
            <div class="site-header-inner">
                <a href=site.base class="site-title">{move || title.get()}</a>
                <nav aria-label=text.site_nav>
                    <a href=site.base aria-current=here(Section::Home)>{text.posts}</a>
                    <a href=paths::href(site.base, "archive/") aria-current=here(Section::Archive)>
                        {text.archive}
                    </a>
                    <a href=paths::href(site.base, "tags/") aria-current=here(Section::Tags)>
                        {text.tags}
                    </a>
                    {extra}
                    {children()}
                </nav>
            </div>
        </header>
    }
}

/// A configured link: a site path is a page of the site, anything else leaves it.
fn nav_link(link: NavLink) -> impl IntoView {
    let site = crate::site();
    let (href, rel) = if link.url.starts_with('/') {
        (paths::href(site.base, &link.url), None)
    } else {
        (link.url, Some("noopener noreferrer"))
    };
    view! { <a href=href rel=rel>{link.title}</a> }
}

/// Site footer.
#[component]
pub fn Footer(#[prop(into)] author: Signal<Option<String>>) -> impl IntoView {
    let site = crate::site();
    view! {
        <footer class="site-footer">
            <p>
                {move || author.get().map(|author| format!("© {author} · "))}
                {site.text.published_with}
                " "
                <a href="https://github.com/folio-blog/folio" rel="noopener noreferrer">"Folio"</a>
            </p>
        </footer>
    }
}
