//! A page's first paint: the app's own views (`folio_views`) rendered to HTML inside the frame the
//! app draws around every page, so a reader (or a crawler, or a browser without JavaScript) sees
//! the real page at once, and the app takes over without anything moving or changing.

use folio_core::i18n::Strings;
use folio_core::{ListKind, ListPage, Manifest, TagList, ids};
use folio_views::SiteView;
use folio_views::archive::Archive;
use folio_views::frame::{Frame, Section};
use folio_views::home::{Home, HomeView};
use folio_views::post::{Article, PostPage};
use folio_views::search_box::SearchBox;
use folio_views::tags::{TagCloud, TagPosts};
use folio_views::theme::ThemeToggle;
use leptos::prelude::*;

use crate::site::Body;

/// Writes page markup for one site.
#[derive(Debug)]
pub(crate) struct Pages<'a> {
    pub(crate) manifest: &'a Manifest,
    site: SiteView,
    /// Stands for a post's body while its page is rendered: random for each build, so no text
    /// of a post (titles are escaped, but may hold any character) can be taken for it.
    body_mark: String,
}

impl<'a> Pages<'a> {
    /// `base` and the site's language live as long as the process: views take them as `'static`,
    /// as the app does, and a build makes one `Pages`.
    pub(crate) fn new(manifest: &'a Manifest, base: &str) -> Self {
        let leak = |text: &str| -> &'static str { Box::leak(text.to_owned().into_boxed_str()) };
        Self {
            manifest,
            site: SiteView::new(leak(base), leak(&manifest.site.language)),
            body_mark: {
                use std::hash::{BuildHasher as _, Hasher as _};
                let random = std::collections::hash_map::RandomState::new()
                    .build_hasher()
                    .finish();
                format!("folio:body:{random:016x}")
            },
        }
    }

    /// The interface's words in the site's language.
    pub(crate) fn text(&self) -> &'static Strings {
        self.site.text
    }

    /// The whole visible page at `path` (below the base) around what `main` makes, in the
    /// element the app replaces when it starts.
    fn frame<V: IntoView + 'static>(&self, path: &str, main: impl FnOnce() -> V) -> String {
        let config = &self.manifest.site;
        let (title, nav, author) = (
            config.title.clone(),
            config.nav.clone(),
            config.author.clone(),
        );
        // The theme the page starts in unless the reader chose another: the switch offers the
        // other one, as the app's does.
        let dark = config.theme == folio_core::site::Theme::Dark;
        let current = Section::of(
            &folio_core::paths::href(self.site.base, path),
            self.site.base,
        );
        folio_views::render_to_html(self.site, move || {
            let main = main();
            view! {
                <div id=ids::FIRST_PAINT>
                    <Frame
                        title=title
                        nav=nav
                        current=current
                        author=author
                        tools=view! {
                            <SearchBox />
                            <ThemeToggle dark=dark />
                        }
                    >
                        {main}
                    </Frame>
                </div>
            }
        })
    }

    /// The post at `index` of the manifest, rendered as the app renders it. The body goes in
    /// after the views are rendered (see [`folio_views::render_to_html`]).
    pub(crate) fn post(&self, index: usize, body: &Body) -> String {
        let Some(post) = PostPage::at(self.manifest, index) else {
            return String::new();
        };
        let path = folio_core::paths::post_url("", &post.entry.slug);
        let page = self.frame(&path, || {
            view! { <Article page=post body=self.body_mark.clone() headings=body.headings.clone() /> }
        });
        page.replacen(&self.body_mark, &body.html, 1)
    }

    /// A post page as the app shows a post the index does not list, but empty: its title, body,
    /// reading time (as `minutes`, which the site's words for it write out) and table of
    /// contents (two entries, a model for each of the post's) are filled in by `404.html`'s
    /// script, which renders the post it finds at the address (`address_post.js`). The frame,
    /// the header's byline and the footer are the app's.
    pub(crate) fn unindexed_post(&self, minutes: u32) -> String {
        let cx = folio_core::post::PostContext::new(self.site.base, "unindexed.md")
            .in_language(self.site.text);
        let (mut entry, _) = folio_core::post::render_unindexed("", "", &cx);
        entry.title.clear();
        entry.reading_minutes = minutes;
        let page = PostPage {
            entry,
            newer: None,
            older: None,
            edit: None,
        };
        let model = folio_core::Heading {
            level: 2,
            line: 1,
            id: String::new(),
            text: String::new(),
        };
        let headings = vec![model.clone(), model];
        self.frame("posts/", || {
            view! { <Article page=page body=String::new() headings=headings /> }
        })
    }

    /// One page of a list of posts, from the same file the app renders it from: the home
    /// page, a tag, the archive.
    pub(crate) fn list(&self, page: &ListPage) -> String {
        let path = page.paged().page_href("", page.page);
        match page.list {
            ListKind::Home => self.frame(&path, || view! { <Home home=HomeView::from(page) /> }),
            ListKind::Tag { .. } => self.frame(&path, || view! { <TagPosts page=page.clone() /> }),
            ListKind::Archive => self.frame(&path, || view! { <Archive page=page.clone() /> }),
        }
    }

    /// Every tag, sized by use.
    pub(crate) fn tags(&self, list: &TagList) -> String {
        self.frame("tags/", || view! { <TagCloud tags=list.tags.clone() /> })
    }
}
