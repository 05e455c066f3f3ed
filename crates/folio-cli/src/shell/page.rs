//! A page's first paint, written into its shell: the same markup the app renders for it, so a
//! reader (or a crawler, or a browser without JavaScript) sees the real page at once, and the app
//! takes over without anything moving.
//!
//! Every function here mirrors a view in the app (`src/components`, `src/pages`); the browser
//! test `prerender.spec.ts` compares both renderings of each kind of page.

use std::collections::HashMap;
use std::fmt::Write as _;

use folio_core::html::escape;
use folio_core::i18n::{Strings, strings_for};
use folio_core::{HomePage, Manifest, PostEntry, Rendered, Severity, ids, paths, slug::tag_slug};

/// Which header link is the current page's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Section {
    Home,
    Archive,
    Tags,
    Other,
}

/// Writes page markup for one site.
#[derive(Debug)]
pub(crate) struct Pages<'a> {
    pub(crate) manifest: &'a Manifest,
    pub(crate) base: &'a str,
    pub(crate) text: &'static Strings,
    /// Each post's place in the index by slug, for its neighbours (one lookup per post page,
    /// not a search of the index: a build writes every post page).
    positions: HashMap<&'a str, usize>,
    /// Each tag's posts by tag slug, for the tag pages.
    tagged: HashMap<String, Vec<&'a PostEntry>>,
}

impl<'a> Pages<'a> {
    pub(crate) fn new(manifest: &'a Manifest, base: &'a str) -> Self {
        Self {
            manifest,
            base,
            text: strings_for(&manifest.site.language),
            positions: manifest
                .posts
                .iter()
                .enumerate()
                .map(|(index, post)| (post.slug.as_str(), index))
                .collect(),
            tagged: manifest.posts_by_tag(),
        }
    }

    /// The whole visible page around `main`, in the element the app replaces when it starts.
    pub(crate) fn frame(&self, section: Section, main: &str) -> String {
        let text = self.text;
        let site = &self.manifest.site;
        let mut html = String::with_capacity(main.len() + 2048);
        let _ = write!(html, "<div id=\"{}\">", ids::FIRST_PAINT);
        let _ = write!(
            html,
            "<a class=\"skip-link\" href=\"#{}\">{}</a>",
            ids::MAIN,
            escape(text.skip_to_content)
        );
        let _ = write!(
            html,
            "<header class=\"site-header\"><div class=\"site-header-inner\">\
             <a href=\"{}\" class=\"site-title\">{}</a><nav aria-label=\"{}\">",
            escape(self.base),
            escape(&site.title),
            escape(text.site_nav)
        );
        let link = |html: &mut String, href: &str, label: &str, current: bool| {
            let current = if current {
                " aria-current=\"page\""
            } else {
                ""
            };
            let _ = write!(
                html,
                "<a href=\"{}\"{current}>{}</a>",
                escape(href),
                escape(label)
            );
        };
        link(&mut html, self.base, text.posts, section == Section::Home);
        link(
            &mut html,
            &self.href("archive/"),
            text.archive,
            section == Section::Archive,
        );
        link(
            &mut html,
            &self.href("tags/"),
            text.tags,
            section == Section::Tags,
        );
        for nav in &site.nav {
            if nav.url.starts_with('/') {
                link(&mut html, &self.href(&nav.url), &nav.title, false);
            } else {
                let _ = write!(
                    html,
                    "<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>",
                    escape(&nav.url),
                    escape(&nav.title)
                );
            }
        }
        // The search box (`components/search_box.rs`); without the app it is a plain form that
        // opens the search page.
        let _ = write!(
            html,
            "<form class=\"search-box\" role=\"search\" action=\"{}\" method=\"get\">\
             <input type=\"search\" name=\"q\" autocomplete=\"off\" enterkeyhint=\"search\" \
             aria-label=\"{}\" placeholder=\"{}\" aria-keyshortcuts=\"/\">\
             <kbd class=\"search-key\" aria-hidden=\"true\">/</kbd></form>",
            escape(&self.href("search/")),
            escape(text.search_label),
            escape(text.search_placeholder)
        );
        let _ = write!(
            html,
            "<button type=\"button\" class=\"theme-toggle\" aria-label=\"{0}\" title=\"{0}\">\
             <span aria-hidden=\"true\">☾</span></button></nav></div></header>",
            escape(text.dark_theme)
        );
        let _ = write!(
            html,
            "<main id=\"{}\" tabindex=\"-1\">{main}</main>",
            ids::MAIN
        );
        html.push_str("<footer class=\"site-footer\"><p>");
        if let Some(author) = &site.author {
            let _ = write!(html, "© {} · ", escape(author));
        }
        let _ = write!(
            html,
            "{} <a href=\"https://github.com/folio-blog/folio\" rel=\"noopener noreferrer\">Folio</a></p></footer></div>",
            escape(text.published_with)
        );
        html
    }

    fn href(&self, path: &str) -> String {
        format!("{}{}", self.base, path.trim_start_matches('/'))
    }

    /// Date, update, author, reading time and tags (`components/byline.rs`).
    fn byline(&self, entry: &PostEntry, with_author: bool) -> String {
        let lang = &self.manifest.site.language;
        let mut html = String::from("<div class=\"byline\"><p class=\"byline-facts\">");
        if let Some(date) = entry.date {
            let _ = write!(
                html,
                "<time datetime=\"{date}\">{}</time>",
                escape(&date.format_long(lang))
            );
        }
        if let Some(updated) = entry.updated.filter(|updated| Some(*updated) != entry.date) {
            let _ = write!(
                html,
                "<span class=\"updated\">{} <time datetime=\"{updated}\">{}</time></span>",
                escape(self.text.updated),
                escape(&updated.format_long(lang))
            );
        }
        if let Some(author) = entry.author.as_deref().filter(|_| with_author) {
            let _ = write!(html, "<span class=\"author\">{}</span>", escape(author));
        }
        let _ = write!(
            html,
            "<span class=\"reading-time\">{}</span></p>",
            escape(&(self.text.minutes_read)(entry.reading_minutes))
        );
        if !entry.tags.is_empty() {
            let _ = write!(
                html,
                "<ul class=\"tags\" aria-label=\"{}\">",
                escape(self.text.tags)
            );
            for tag in &entry.tags {
                let _ = write!(
                    html,
                    "<li><a href=\"{}\">#{}</a></li>",
                    escape(&paths::tag_url(self.base, &tag_slug(tag))),
                    escape(tag)
                );
            }
            html.push_str("</ul>");
        }
        html.push_str("</div>");
        html
    }

    /// Post cards (`components/post_list.rs`).
    fn post_list<'p>(&self, posts: impl IntoIterator<Item = &'p PostEntry>) -> String {
        let mut html = String::from("<ol class=\"post-list\">");
        for entry in posts {
            let summary = entry
                .description
                .as_deref()
                .filter(|text| !text.trim().is_empty())
                .unwrap_or(&entry.excerpt);
            let _ = write!(
                html,
                "<li class=\"post-card\"><h2 class=\"post-card-title\"><a href=\"{}\">{}</a>",
                escape(&paths::post_url(self.base, &entry.slug)),
                escape(&entry.title)
            );
            if entry.draft {
                let _ = write!(
                    html,
                    "<span class=\"badge\">{}</span>",
                    escape(self.text.draft)
                );
            }
            let _ = write!(
                html,
                "</h2>{}<p class=\"post-card-summary\">{}</p></li>",
                self.byline(entry, false),
                escape(summary)
            );
        }
        html.push_str("</ol>");
        html
    }

    /// One page of the home page (`pages/home.rs`), from the same file the app renders it from.
    pub(crate) fn home(&self, home: &HomePage) -> String {
        let text = self.text;
        let (page, pages) = (home.page, home.pages);
        let mut html = format!("<h1 class=\"visually-hidden\">{}</h1>", escape(text.posts));
        if page == 1 && !home.site.description.is_empty() {
            let _ = write!(
                html,
                "<p class=\"home-intro\">{}</p>",
                escape(&home.site.description)
            );
        }
        if home.total_posts == 0 {
            let _ = write!(html, "<p class=\"empty\">{}</p>", escape(text.no_posts));
        }
        html.push_str(&self.post_list(&home.posts));
        if pages > 1 {
            let page_href = |page: usize| {
                if page == 1 {
                    self.base.to_owned()
                } else {
                    self.href(&format!("page/{page}/"))
                }
            };
            let _ = write!(
                html,
                "<nav class=\"pagination\" aria-label=\"{}\">",
                escape(text.pages_nav)
            );
            if page > 1 {
                let _ = write!(
                    html,
                    "<a href=\"{}\" class=\"newer\" rel=\"prev\">{}</a>",
                    escape(&page_href(page - 1)),
                    escape(text.newer_posts)
                );
            }
            let _ = write!(
                html,
                "<span class=\"page-number\">{}</span>",
                escape(&(text.page_of)(page, pages))
            );
            if page < pages {
                let _ = write!(
                    html,
                    "<a href=\"{}\" class=\"older\" rel=\"next\">{}</a>",
                    escape(&page_href(page + 1)),
                    escape(text.older_posts)
                );
            }
            html.push_str("</nav>");
        }
        html
    }

    /// A post (`pages/post.rs`): header, problems, contents, body, neighbours.
    pub(crate) fn post(&self, entry: &PostEntry, rendered: &Rendered) -> String {
        let text = self.text;
        let mut html = String::with_capacity(rendered.html.len() + 2048);
        html.push_str("<article class=\"post\"");
        if let Some(lang) = &entry.lang {
            let _ = write!(html, " lang=\"{}\"", escape(lang));
        }
        let _ = write!(
            html,
            "><header class=\"post-header\"><h1 class=\"post-title\">{}</h1>{}</header>",
            escape(&entry.title),
            self.byline(entry, true)
        );
        if !entry.problems.is_empty() {
            let errors = entry.problems.iter().any(|p| p.severity == Severity::Error);
            let class = if errors {
                "notice notice-warning"
            } else {
                "notice notice-info"
            };
            let _ = write!(
                html,
                "<aside class=\"{class}\" role=\"note\" aria-label=\"{0}\"><p><strong>{0}</strong>{1}</p><ul>",
                escape(text.problems_title),
                escape(text.problems_body)
            );
            for problem in &entry.problems {
                let _ = write!(
                    html,
                    "<li>{}{}</li>",
                    escape(&(text.problem_line)(problem.line)),
                    escape(&problem.message)
                );
            }
            html.push_str("</ul></aside>");
        }
        html.push_str(&self.toc(rendered));
        let _ = write!(html, "<div class=\"post-body\">{}</div>", rendered.html);
        html.push_str("<footer class=\"post-footer\">");
        html.push_str(&self.neighbours(entry));
        let _ = write!(
            html,
            "<p class=\"post-footer-links\"><a href=\"{}\">{}</a>",
            escape(self.base),
            escape(text.all_posts)
        );
        if let Some(edit) = self.manifest.site.edit_link(&entry.file) {
            let _ = write!(
                html,
                "<a class=\"edit-link\" href=\"{}\" rel=\"noopener noreferrer\">{}</a>",
                escape(&edit),
                escape(text.edit_page)
            );
        }
        html.push_str("</p></footer></article>");
        html
    }

    /// Contents (`components/toc.rs`), closed, nothing marked as being read yet.
    fn toc(&self, rendered: &Rendered) -> String {
        let entries: Vec<_> = rendered
            .headings
            .iter()
            .filter(|heading| (2..=4).contains(&heading.level))
            .collect();
        if entries.len() < 2 {
            return String::new();
        }
        let label = escape(self.text.contents);
        let mut html = format!(
            "<nav class=\"toc\" aria-label=\"{label}\"><div class=\"toc-inner\">\
             <p class=\"toc-title\" aria-hidden=\"true\">{label}</p>\
             <button type=\"button\" class=\"toc-toggle\" aria-expanded=\"false\" aria-controls=\"{list}\">{label}</button>\
             <ol id=\"{list}\" class=\"toc-list\">",
            list = ids::TOC_LIST
        );
        for heading in entries {
            let _ = write!(
                html,
                "<li class=\"toc-level-{}\"><a href=\"#{}\">{}</a></li>",
                heading.level,
                escape(&heading.id),
                escape(&heading.text)
            );
        }
        html.push_str("</ol></div></nav>");
        html
    }

    /// Newer and older post links (`Neighbours` in `pages/post.rs`).
    fn neighbours(&self, entry: &PostEntry) -> String {
        let posts = &self.manifest.posts;
        let Some(&index) = self.positions.get(entry.slug.as_str()) else {
            return String::new();
        };
        let newer = index.checked_sub(1).and_then(|i| posts.get(i));
        let older = posts.get(index + 1);
        if newer.is_none() && older.is_none() {
            return String::new();
        }
        let mut html = format!(
            "<nav class=\"post-nav\" aria-label=\"{}\">",
            escape(self.text.post_nav)
        );
        for (post, class, label) in [
            (newer, "newer", self.text.newer_post),
            (older, "older", self.text.older_post),
        ] {
            if let Some(post) = post {
                let _ = write!(
                    html,
                    "<a href=\"{}\" class=\"{class}\"><span class=\"post-nav-label\">{}</span>\
                     <span class=\"post-nav-title\">{}</span></a>",
                    escape(&paths::post_url(self.base, &post.slug)),
                    escape(label),
                    escape(&post.title)
                );
            }
        }
        html.push_str("</nav>");
        html
    }

    /// One tag's posts (`TagPage` in `pages/tags.rs`).
    pub(crate) fn tag(&self, name: &str, slug: &str) -> String {
        let posts: Vec<&PostEntry> = self.tagged.get(slug).cloned().unwrap_or_default();
        format!(
            "<h1 class=\"page-title\">#{0}</h1><p class=\"page-subtitle\">{1} · <a href=\"{2}\">{3}</a></p>{4}",
            escape(name),
            escape(&(self.text.post_count)(posts.len())),
            escape(&self.href("tags/")),
            escape(self.text.all_tags),
            self.post_list(posts)
        )
    }

    /// Every tag, sized by use (`TagsPage` in `pages/tags.rs`).
    pub(crate) fn tags(&self) -> String {
        let tags = self.manifest.tags();
        let most = tags.first().map_or(1, |tag| tag.count);
        let mut html = format!(
            "<h1 class=\"page-title\">{}</h1><ul class=\"tag-cloud\">",
            escape(self.text.tags)
        );
        for tag in &tags {
            let _ = write!(
                html,
                "<li class=\"tag-size-{}\"><a href=\"{}\">#{}</a><span class=\"count\">{}</span></li>",
                tag.size(most),
                escape(&paths::tag_url(self.base, &tag.slug)),
                escape(&tag.name),
                tag.count
            );
        }
        html.push_str("</ul>");
        html
    }

    /// Every post by year (`pages/archive.rs`).
    pub(crate) fn archive(&self) -> String {
        let mut html = format!(
            "<h1 class=\"page-title\">{}</h1><p class=\"page-subtitle\">{}</p>",
            escape(self.text.archive),
            escape(&(self.text.post_count)(self.manifest.posts.len()))
        );
        for (year, posts) in self.manifest.by_year() {
            let label = year.map_or_else(|| "—".to_owned(), |year| year.to_string());
            let _ = write!(
                html,
                "<section class=\"archive-year\" aria-labelledby=\"{0}\"><h2 id=\"{0}\">{1}</h2><ol class=\"archive-list\">",
                escape(&ids::archive_year(&label)),
                escape(&label)
            );
            for post in posts {
                html.push_str("<li>");
                if let Some(date) = post.date {
                    let _ = write!(
                        html,
                        "<time datetime=\"{date}\">{:02}-{:02}</time>",
                        date.month(),
                        date.day()
                    );
                }
                let _ = write!(
                    html,
                    "<a href=\"{}\">{}</a></li>",
                    escape(&paths::post_url(self.base, &post.slug)),
                    escape(&post.title)
                );
            }
            html.push_str("</ol></section>");
        }
        html
    }
}
