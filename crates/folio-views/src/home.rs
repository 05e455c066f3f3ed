//! One page of the home page: the site's description on the first, the posts, and links to the
//! pages before and after.

use folio_core::ListPage;
use folio_core::paths::Paged;
use leptos::prelude::*;

use crate::markup::{Markup, listing};
use crate::pagination::write_pagination;
use crate::post_list::write_post_list;

/// What a home page shows, from its own file ([`ListPage`]).
#[derive(Debug, Clone)]
pub struct HomeView {
    /// 1-based page number.
    pub page: usize,
    /// How many pages there are.
    pub pages: usize,
    /// Posts on the whole site (0: the site is empty).
    pub total_posts: usize,
    /// The site's description, shown on the first page.
    pub description: String,
    /// This page's posts.
    pub posts: Vec<folio_core::PostEntry>,
}

impl From<&ListPage> for HomeView {
    fn from(home: &ListPage) -> Self {
        Self {
            page: home.page,
            pages: home.pages,
            total_posts: home.total_posts,
            description: home.site.description.clone(),
            posts: home.posts.clone(),
        }
    }
}

/// One page of posts, newest first.
#[component]
pub fn Home(home: HomeView) -> impl IntoView {
    let site = crate::site();
    let text = site.text;
    let mut html = Markup::default();
    html.element("h1", &[("class", "visually-hidden")], text.posts);
    if home.page == 1 && !home.description.is_empty() {
        html.element("p", &[("class", "home-intro")], &home.description);
    }
    if home.total_posts == 0 {
        html.element("p", &[("class", "empty")], text.no_posts);
    }
    write_post_list(&mut html, site, &home.posts);
    write_pagination(&mut html, site, Paged::Home, home.page, home.pages);
    listing(html)
}
