//! The app's own router: the address is a signal, links under the site's base path change it
//! through the History API, and one view picks the page for it.
//!
//! Folio has nine routes, with two kinds of parameter (a page number, a tag) and one wildcard
//! (a post's path), so this is what it needs of a router and no more: `leptos_router` and
//! `leptos_meta` took 100 KB of the app's 784 KB of wasm (31 KB of 270 brotli), for what Folio
//! never used (nested routes, typed params, transitions, forms, a head manager for one title and
//! one description: see `crate::head`).
//!
//! Behaviour, as a reader sees it:
//! - a click on a link to a page of the site (same origin, under the base path, no `target`,
//!   `download` or `rel=external`, no modifier key, not already handled) does not load a page: the
//!   address is pushed, the page changes, and the window scrolls to the fragment's element or to
//!   the top;
//! - a link to a file (its last segment has a dot: `feed.xml`, a post's `.md`) is a real load,
//!   and so is a link to a fragment of this very page, which the browser follows itself (it
//!   scrolls, moves the focus there, as a skip link needs, and sets `:target`); `hashchange`
//!   tells the router;
//! - Back and Forward (`popstate`) change the page to the address;
//! - a page stays mounted while its own parameters change (post to post, page 2 to page 3 of a
//!   list, one query to the next): it reads them reactively, and its loads start over.

use leptos::ev;
use leptos::prelude::*;
use web_sys::MouseEvent;

use crate::browser;

/// The address, as the page's `location` has it: `pathname` percent-encoded, `search` without
/// its `?`, `hash` with its `#` (or empty).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Url {
    pathname: String,
    search: String,
    hash: String,
}

impl Url {
    /// The window's address now.
    fn current() -> Self {
        let location = window().location();
        Self {
            pathname: location.pathname().unwrap_or_default(),
            search: location
                .search()
                .unwrap_or_default()
                .trim_start_matches('?')
                .to_owned(),
            hash: location.hash().unwrap_or_default(),
        }
    }

    /// `href` resolved against the window's address; `None` for another origin.
    fn parse(href: &str) -> Option<Self> {
        let location = window().location();
        let url = web_sys::Url::new_with_base(href, &location.href().ok()?).ok()?;
        (url.origin() == location.origin().ok()?).then(|| Self {
            pathname: url.pathname(),
            search: url.search().trim_start_matches('?').to_owned(),
            hash: url.hash(),
        })
    }

    fn href(&self) -> String {
        let mut href = self.pathname.clone();
        if !self.search.is_empty() {
            href.push('?');
            href.push_str(&self.search);
        }
        href.push_str(&self.hash);
        href
    }
}

/// The parts of the address a page reads, each changing only when it does.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Location {
    /// Percent-encoded, as the address bar sends it: `/posts/%E4%B8%AD/`.
    pub(crate) pathname: Memo<String>,
    /// The query, without `?`.
    pub(crate) search: Memo<String>,
    /// The fragment with its `#`, or empty.
    pub(crate) hash: Memo<String>,
}

/// The router's state, shared through the context.
#[derive(Debug, Clone, Copy)]
struct Router {
    url: RwSignal<Url>,
    location: Location,
    /// The route of the address, matched once for every page and hook that reads it.
    route: Memo<Route>,
    /// The base path without its last slash: `` or `/blog`.
    base: &'static str,
}

/// Which page an address shows, and its parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Route {
    /// `/` and `/page/<n>/`.
    Home {
        page: Option<String>,
    },
    /// `/posts/<path>/`, any depth.
    Post,
    /// `/archive/` and `/archive/page/<n>/`.
    Archive {
        page: Option<String>,
    },
    /// `/tags/`.
    Tags,
    /// `/tags/<tag>/` and `/tags/<tag>/page/<n>/`.
    Tag {
        tag: String,
        page: Option<String>,
    },
    /// `/search/?q=…`.
    Search,
    NotFound,
}

impl Route {
    /// The route for `pathname` (percent-encoded, with the base path) on a site at `base`.
    /// A trailing slash and empty segments do not matter; a tag is percent-decoded.
    pub(crate) fn of(pathname: &str, base: &str) -> Self {
        let Some(rest) = below(base, pathname) else {
            return Self::NotFound;
        };
        let segments: Vec<&str> = rest.split('/').filter(|s| !s.is_empty()).collect();
        let number = |segment: &str| Some(decode(segment));
        match segments.as_slice() {
            [] => Self::Home { page: None },
            ["page", n] => Self::Home { page: number(n) },
            ["posts", ..] => Self::Post,
            ["archive"] => Self::Archive { page: None },
            ["archive", "page", n] => Self::Archive { page: number(n) },
            ["tags"] => Self::Tags,
            ["tags", tag] => Self::Tag {
                tag: decode(tag),
                page: None,
            },
            ["tags", tag, "page", n] => Self::Tag {
                tag: decode(tag),
                page: number(n),
            },
            ["search"] => Self::Search,
            _ => Self::NotFound,
        }
    }

    /// Which page component shows the route: two addresses of one kind keep the page mounted.
    fn page(&self) -> Page {
        match self {
            Self::Home { .. } => Page::Home,
            Self::Post => Page::Post,
            Self::Archive { .. } => Page::Archive,
            Self::Tags => Page::Tags,
            Self::Tag { .. } => Page::Tag,
            Self::Search => Page::Search,
            Self::NotFound => Page::NotFound,
        }
    }

    /// The `:page` parameter, if the route has one.
    fn page_param(&self) -> Option<&str> {
        match self {
            Self::Home { page } | Self::Archive { page } | Self::Tag { page, .. } => {
                page.as_deref()
            }
            _ => None,
        }
    }
}

/// A percent-decoded segment (the segment itself when it is not valid UTF-8 once decoded).
fn decode(segment: &str) -> String {
    folio_core::paths::decode_segment(segment).unwrap_or_else(|| segment.to_owned())
}

/// The page components, one per kind of route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Page {
    Home,
    Post,
    Archive,
    Tags,
    Tag,
    Search,
    NotFound,
}

/// Starts the router for a site at `base` (`/` or `/blog/`): the address signal, the link and
/// history listeners (for the page's lifetime), and the context the hooks below read.
pub(crate) fn provide_router(base: &'static str) {
    let url = RwSignal::new(Url::current());
    let location = Location {
        pathname: Memo::new(move |_| url.with(|url| url.pathname.clone())),
        search: Memo::new(move |_| url.with(|url| url.search.clone())),
        hash: Memo::new(move |_| url.with(|url| url.hash.clone())),
    };
    let base = base.trim_end_matches('/');
    let pathname = location.pathname;
    let router = Router {
        url,
        location,
        route: Memo::new(move |_| Route::of(&pathname.read(), base)),
        base,
    };
    provide_context(router);
    let _ = window_event_listener(ev::click, move |event| on_click(router, &event));
    let _ = window_event_listener(ev::popstate, move |_| url.set(Url::current()));
    let _ = window_event_listener(ev::hashchange, move |_| url.set(Url::current()));
}

fn router() -> Router {
    expect_context::<Router>()
}

/// A click on a link the router takes over: pushed and shown without a page load.
fn on_click(router: Router, event: &MouseEvent) {
    if event.default_prevented()
        || event.button() != 0
        || event.meta_key()
        || event.alt_key()
        || event.ctrl_key()
        || event.shift_key()
    {
        return;
    }
    let Some(anchor) = browser::link_of(event) else {
        return;
    };
    let external = anchor
        .get_attribute("rel")
        .is_some_and(|rel| rel.split_ascii_whitespace().any(|word| word == "external"));
    if !anchor.target().is_empty() || anchor.has_attribute("download") || external {
        return;
    }
    let Some(url) = Url::parse(&anchor.href()) else {
        return;
    };
    if below(router.base, &url.pathname).is_none() || folio_core::paths::names_file(&url.pathname) {
        return;
    }
    let same_page = router
        .url
        .with_untracked(|current| current.pathname == url.pathname && current.search == url.search);
    if same_page && !url.hash.is_empty() {
        return;
    }
    event.prevent_default();
    go(router, url, NavigateOptions::default());
}

/// The rest of `pathname` below the site's `base` (without its last slash), or `None` when
/// `pathname` is not a page of the site.
fn below<'p>(base: &str, pathname: &'p str) -> Option<&'p str> {
    pathname
        .strip_prefix(base)
        .filter(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// How [`navigate`] changes the address.
#[derive(Debug, Clone, Copy)]
pub(crate) struct NavigateOptions {
    /// Replace the history entry instead of adding one.
    pub(crate) replace: bool,
    /// Scroll to the top when the address has no fragment element to scroll to.
    pub(crate) scroll: bool,
}

impl Default for NavigateOptions {
    fn default() -> Self {
        Self {
            replace: false,
            scroll: true,
        }
    }
}

/// Goes to `href` (a path, or a URL of this origin) without a page load.
pub(crate) fn navigate(href: &str, options: NavigateOptions) {
    let router = router();
    match Url::parse(href) {
        Some(url) => go(router, url, options),
        None => {
            let _ = window().location().set_href(href);
        }
    }
}

fn go(router: Router, url: Url, options: NavigateOptions) {
    let history = window().history();
    let href = url.href();
    let changed = router.url.with_untracked(|current| *current != url);
    if let Ok(history) = history {
        let _ = if options.replace {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href))
        } else if changed {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href))
        } else {
            Ok(())
        };
    }
    if changed {
        router.url.set(url);
    }
    // A fragment whose element is on the page already (a heading of this post) is scrolled to
    // now; a new page's is scrolled to by the page once its content is in (the post page does).
    if !browser::scroll_to_fragment() && options.scroll {
        window().scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// The address's parts.
pub(crate) fn use_location() -> Location {
    router().location
}

/// The route of the address.
fn use_route() -> Memo<Route> {
    router().route
}

/// The route's `:page` parameter (`None` without one).
pub(crate) fn use_page_param() -> Memo<Option<String>> {
    let route = use_route();
    Memo::new(move |_| route.read().page_param().map(str::to_owned))
}

/// The route's `:tag` parameter, decoded (empty without one).
pub(crate) fn use_tag_param() -> Memo<String> {
    let route = use_route();
    Memo::new(move |_| match &*route.read() {
        Route::Tag { tag, .. } => tag.clone(),
        _ => String::new(),
    })
}

/// The query parameter `name` (decoded), or empty.
pub(crate) fn use_query(name: &'static str) -> Memo<String> {
    let search = router().location.search;
    Memo::new(move |_| {
        web_sys::UrlSearchParams::new_with_str(&search.read())
            .ok()
            .and_then(|params| params.get(name))
            .unwrap_or_default()
    })
}

/// The page for the address: `view` makes it, and is called again only when the kind of page
/// changes.
pub(crate) fn routes<V: IntoView + 'static>(
    view: impl Fn(Page) -> V + Send + Sync + 'static,
) -> impl IntoView {
    let route = use_route();
    let page = Memo::new(move |_| route.read().page());
    move || view(page.get())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_name_their_routes() {
        let home = |page: Option<&str>| Route::Home {
            page: page.map(str::to_owned),
        };
        assert_eq!(Route::of("/", ""), home(None));
        assert_eq!(Route::of("", ""), home(None));
        assert_eq!(Route::of("/page/2/", ""), home(Some("2")));
        assert_eq!(Route::of("/page/2", ""), home(Some("2")));
        assert_eq!(Route::of("/posts/a/b/c/", ""), Route::Post);
        assert_eq!(Route::of("/archive/", ""), Route::Archive { page: None });
        assert_eq!(
            Route::of("/archive/page/3/", ""),
            Route::Archive {
                page: Some("3".into())
            }
        );
        assert_eq!(Route::of("/tags/", ""), Route::Tags);
        assert_eq!(
            Route::of("/tags/%E7%AB%99%E5%8A%A1/page/2/", ""),
            Route::Tag {
                tag: "站务".into(),
                page: Some("2".into())
            }
        );
        assert_eq!(Route::of("/search/", ""), Route::Search);
        assert_eq!(Route::of("/nothing/", ""), Route::NotFound);
        assert_eq!(Route::of("/page/", ""), Route::NotFound);
        assert_eq!(Route::of("/tags/a/b/", ""), Route::NotFound);
    }

    #[test]
    fn a_site_below_a_base_path_routes_below_it_only() {
        assert_eq!(Route::of("/blog/", "/blog"), Route::Home { page: None });
        assert_eq!(Route::of("/blog", "/blog"), Route::Home { page: None });
        assert_eq!(Route::of("/blog/posts/a/", "/blog"), Route::Post);
        assert_eq!(Route::of("/blogger/", "/blog"), Route::NotFound);
        assert_eq!(Route::of("/posts/a/", "/blog"), Route::NotFound);
        assert!(below("/blog", "/blog/tags/").is_some());
        assert!(below("/blog", "/blogger/").is_none());
        assert!(below("", "/anything/").is_some());
    }
}
