//! One page of the home page: the site's description on the first, the posts, and links to the
//! pages before and after.

use folio_core::ListPage;
use folio_core::paths::Paged;
use leptos::prelude::*;

use crate::post_list::PostList;

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
    let HomeView {
        page,
        pages,
        total_posts,
        description,
        posts,
    } = home;
    let intro = (page == 1 && !description.is_empty())
        .then(|| view! { <p class="home-intro">{description}</p> });
    let empty = (total_posts == 0).then(|| view! { <p class="empty">{text.no_posts}</p> });
    let pagination = crate::pagination::pagination(Paged::Home, page, pages);
    view! {
        <h1 class="visually-hidden">{text.posts}</h1>
        {intro}
        {empty}
        <PostList posts />
        {pagination}
    }
}
