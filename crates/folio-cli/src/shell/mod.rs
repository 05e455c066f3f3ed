//! Per-page shells: copies of the app's `index.html` written where a static host looks for each
//! page (`posts/<slug>/index.html`, `tags/<tag>/index.html`, …), so a hard load of any deep link
//! answers 200 with no rewrite rules; `404.html` is the bare app shell for everything else.
//!
//! Each shell carries its page's head (title, description, canonical URL, Open Graph, JSON-LD:
//! [`head`]) and its first paint (the page's markup: [`page`]), which the app replaces when it
//! has rendered the same page from the raw Markdown.

mod address_post;
mod app_tags;
mod head;
mod page;
mod service_worker;

use std::fs;
use std::path::Path;

use anyhow::{Context, Result};
use std::collections::BTreeMap;

use folio_core::extras::{SEARCH_MODULE, UNINDEXED_MODULE, module_names};
use folio_core::paths::Paged;
use folio_core::{ListKind, ListPage, Manifest, POST_DATA_VERSION, PostData, paths};
use folio_views::pagination::page_title;
use rayon::prelude::*;

use crate::csp;
use crate::markup;
use crate::output;
use crate::site::{Body, Site};
use head::{Article, PageHead};
use page::Pages;

/// An extras module's script and wasm, as wasm-bindgen names them in its folder.
const MODULE_SCRIPT: &str = "folio_extras.js";
const MODULE_WASM: &str = "folio_extras_bg.wasm";

/// Each extras module's script in `out` (`extras-<name>-<hash>/folio_extras.js`) that the
/// build wrote, with its name, in [`module_names`]' order, then the [`UNINDEXED_MODULE`].
fn extras_modules(out: &Path) -> Result<Vec<(&'static str, String)>> {
    let mut folders = Vec::new();
    for entry in fs::read_dir(out).with_context(|| format!("reading {}", out.display()))? {
        let name = entry
            .with_context(|| format!("reading {}", out.display()))?
            .file_name();
        if let Some(name) = name.to_str()
            && out.join(name).join(MODULE_SCRIPT).is_file()
        {
            folders.push(name.to_owned());
        }
    }
    Ok(module_names()
        .chain([UNINDEXED_MODULE])
        .filter_map(|name| {
            let prefix = format!("extras-{name}-");
            let folder = folders.iter().find(|folder| folder.starts_with(&prefix))?;
            Some((name, format!("{folder}/{MODULE_SCRIPT}")))
        })
        .collect())
}

/// The `<template>` in `404.html` holding a post page as the app shows a post the index does
/// not list, which `address_post.js` fills in with the post it renders
/// ([`page::Pages::unindexed_post`]).
const UNINDEXED_PAINT: &str = "folio-unindexed";
/// What that page's reading time says in place of the minutes, which the script writes in.
const MINUTES_MARK: u32 = u32::MAX;
/// The `<template>` in `404.html` holding the app's preloads, which `address_post.js` puts in
/// the head when the app may start ([`app_tags::Held`]).
const APP_PRELOADS: &str = "folio-app-preloads";

/// Marks the block of tags Folio inserts, so running the hook twice replaces it.
const HEAD_START: &str = "<!-- folio:head -->";
const HEAD_END: &str = "<!-- /folio:head -->";

/// Writes every shell of a site from its app shell.
#[derive(Debug)]
pub(crate) struct Shells<'a> {
    out: &'a Path,
    base: &'a str,
    site: &'a Site,
    manifest: &'a Manifest,
    pages: Pages<'a>,
    /// Trunk's `index.html`, the app's tags at the end of its head.
    template: String,
    /// The template with the tags that start the app apart: a shell with a first paint puts
    /// them at the end of its body ([`app_tags`]).
    app: app_tags::AppTags,
    /// Write `sw.js` and point every page at it.
    service_worker: bool,
    /// The Content-Security-Policy for every page, in release builds.
    csp: Option<String>,
    /// Each extras module's name and script, below the site's root
    /// (`extras-<extra>-<hash>/folio_extras.js`), as the build wrote them
    /// (crates/folio-extras/build-module.sh); the unindexed module is `not_found`'s.
    extras: Vec<(&'static str, String)>,
    /// What `404.html` needs to show a post with no page before the app: `None` when the build
    /// wrote no unindexed module or Trunk's script is not one Folio knows how to hold
    /// (`404.html` then starts the app at once, as before).
    not_found: Option<NotFound>,
}

/// `404.html`'s own parts, for a post it shows before the app ([`address_post`]).
#[derive(Debug)]
struct NotFound {
    /// The unindexed module's script, below the site's root.
    module: String,
    /// The app's tags, held.
    held: app_tags::Held,
    /// The template with the held module script at the end of its head.
    template: String,
}

/// What a release build adds to every shell.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct ShellOptions {
    /// Write `sw.js`, the offline service worker, and point every page at it.
    pub(crate) service_worker: bool,
    /// Put a Content-Security-Policy into every page (see [`crate::csp`]).
    pub(crate) csp: bool,
}

impl<'a> Shells<'a> {
    /// Reads the app shell Trunk wrote to `out/index.html`, for the loaded `site`.
    pub(crate) fn load(
        out: &'a Path,
        base: &'a str,
        site: &'a Site,
        options: ShellOptions,
    ) -> Result<Self> {
        let manifest = &site.manifest;
        let path = out.join("index.html");
        let template = fs::read_to_string(&path)
            .with_context(|| format!("reading the app shell {}", path.display()))?;
        let app = app_tags::take(&strip_previous(&template));
        let template = app.in_head();
        let mut extras = extras_modules(out)?;
        let unindexed = extras
            .iter()
            .position(|(name, _)| *name == UNINDEXED_MODULE)
            .map(|at| extras.remove(at).1);
        let not_found = unindexed
            .zip(app_tags::held(&app.tags))
            .map(|(module, held)| {
                let script = format!("<script type=\"module\">{}</script>", held.script);
                let template = app_tags::at_end_of_head(&app.rest, &script);
                NotFound {
                    module,
                    held,
                    template,
                }
            });
        let mut scripts = vec![address_post::SCRIPT];
        scripts.extend(
            not_found
                .as_ref()
                .map(|not_found| not_found.held.script.as_str()),
        );
        Ok(Self {
            csp: options.csp.then(|| csp::policy(&template, &scripts)),
            service_worker: options.service_worker,
            out,
            base,
            site,
            manifest,
            pages: Pages::new(manifest, base),
            template,
            app,
            extras,
            not_found,
        })
    }

    /// Writes the home pages, `404.html`, the archive, every tag and post shell, and the pages
    /// that redirect old addresses. Returns the number of files written.
    pub(crate) fn write_all(&self) -> Result<usize> {
        let site = &self.manifest.site;
        let text = self.pages.text();
        let page = |title: Option<String>, path: &str| PageHead {
            title,
            description: site.description.clone(),
            path: path.to_owned(),
            ..PageHead::default()
        };
        let mut written = 0;
        if self.service_worker {
            let path = self.out.join("sw.js");
            output::write(
                &path,
                service_worker::script(&self.template, self.base, self.manifest),
            )?;
        }
        for list in self
            .manifest
            .home_pages()
            .chain(self.manifest.archive_pages())
        {
            written += self.write_list(&list)?;
        }
        let not_found = PageHead {
            data: None,
            post_from_address: true,
            ..page(Some(text.not_found_title.to_owned()), "")
        };
        self.write(&self.out.join("404.html"), &not_found, None)?;
        let tags = self.manifest.tag_list();
        self.write(
            &self.out.join("tags/index.html"),
            &PageHead {
                data: Some(paths::tag_list_url(self.base)),
                ..page(Some(text.tags.to_owned()), "tags/")
            },
            Some(&self.pages.tags(&tags)),
        )?;
        written += 2;
        // Results depend on the query in the address: the app renders them, nothing to paint.
        // The page takes the header's title from the first home page file.
        self.write(
            &self.out.join("search/index.html"),
            &PageHead {
                data: Some(Paged::Home.page_url(self.base, 1)),
                // The index's reader, which the page loads at once: with the app's wasm, not
                // after it.
                module: self
                    .extras
                    .iter()
                    .find(|(name, _)| *name == SEARCH_MODULE)
                    .map(|(_, module)| module.clone()),
                ..page(Some(text.search.to_owned()), "search/")
            },
            None,
        )?;
        written += 1;
        for list in self.manifest.tag_pages() {
            written += self.write_list(&list)?;
        }
        // Each post's page is written on its own: on every core.
        self.site
            .bodies
            .par_iter()
            .enumerate()
            .try_for_each(|(index, body)| self.write_post(index, body))?;
        for redirect in &self.site.redirects {
            let to = paths::post_url(self.base, &redirect.to);
            // `2019/a.html` is a file; any other address is a folder with its index.
            let named_file = paths::names_file(&redirect.from);
            let path = if named_file {
                self.out.join(&redirect.from)
            } else {
                self.out.join(&redirect.from).join("index.html")
            };
            output::write(&path, redirect_page(&to, &site.language))?;
            // An old post address gets a post file too, for the app's links to it.
            if let Some(old) = redirect.from.strip_prefix("posts/").filter(|_| !named_file) {
                let data = PostData {
                    version: POST_DATA_VERSION,
                    site: site.clone(),
                    entry: None,
                    newer: None,
                    older: None,
                    links: BTreeMap::new(),
                    moved: Some(redirect.to.clone()),
                };
                let file = self.out.join("posts").join(old).join(paths::POST_DATA_FILE);
                output::write(&file, data.to_json())?;
            }
        }
        Ok(written + self.manifest.posts.len() + self.site.redirects.len())
    }

    /// The shell of one page of a list (the home page, a tag, the archive), at that page's
    /// address. Returns the number of files written.
    fn write_list(&self, list: &ListPage) -> Result<usize> {
        let text = self.pages.text();
        let paged = list.paged();
        let (name, description) = match &list.list {
            ListKind::Home => (None, self.manifest.site.description.clone()),
            ListKind::Tag { name, .. } => (Some(format!("#{name}")), (text.tagged)(name)),
            ListKind::Archive => (
                Some(text.archive.to_owned()),
                self.manifest.site.description.clone(),
            ),
        };
        let path = relative(&paged.page_href("/", list.page));
        let head = PageHead {
            title: page_title(text, name.as_deref(), list.page),
            description,
            path: path.clone(),
            data: Some(paged.page_url(self.base, list.page)),
            ..PageHead::default()
        };
        let file = folio_core::paths::decode_segment(&path).unwrap_or(path);
        self.write(
            &self.out.join(file).join("index.html"),
            &head,
            Some(&self.pages.list(list)),
        )?;
        Ok(1)
    }

    /// A post's shell: its head as an article, its page as the first paint, with the body the
    /// build rendered (which the app renders again from the Markdown, to the same HTML).
    fn write_post(&self, index: usize, body: &Body) -> Result<()> {
        let entry = &self.manifest.posts[index];
        let folder = paths::post_folder_url(self.base, &entry.file);
        // A link preview's image must be there: a cover or first image of the site's own that
        // the content folder does not have is passed over.
        let image = entry
            .cover
            .as_deref()
            .map(|cover| folio_core::url::resolve(&folder, cover).into_owned())
            .into_iter()
            .chain(first_image(&body.html))
            .find(|url| self.is_there(url));
        let head = PageHead {
            source: Some(paths::post_file_url(self.base, &entry.file)),
            data: Some(paths::post_data_url(self.base, &entry.slug)),
            title: Some(entry.title.clone()),
            description: entry.summary().to_owned(),
            path: relative(&paths::post_url("/", &entry.slug)),
            article: Some(Article {
                published: entry.date,
                modified: entry.updated,
                author: entry.author.clone(),
                tags: entry.tags.clone(),
                image,
                lang: entry.lang.clone(),
            }),
            module: None,
            post_from_address: false,
        };
        let page = self.pages.post(index, body);
        let folder = self.out.join("posts").join(&entry.slug);
        let (newer, older) = self.manifest.neighbours_at(index);
        let data = PostData {
            version: POST_DATA_VERSION,
            site: self.manifest.site.clone(),
            entry: Some(entry.clone()),
            newer: newer.cloned(),
            older: older.cloned(),
            links: body.links.clone(),
            moved: None,
        };
        output::write(&folder.join(paths::POST_DATA_FILE), data.to_json())?;
        self.write(&folder.join("index.html"), &head, Some(&page))
    }

    /// Whether a resolved URL is another site's, or a file of this one the content folder has.
    fn is_there(&self, url: &str) -> bool {
        match url.strip_prefix(self.base) {
            Some(below) if !url.starts_with("//") => {
                let path = below.split(['?', '#']).next().unwrap_or_default();
                self.site
                    .files
                    .contains(&folio_core::url::percent_decode(path))
            }
            _ => folio_core::url::is_external(url),
        }
    }

    fn write(&self, path: &Path, head: &PageHead, body: Option<&str>) -> Result<()> {
        output::write(path, self.render(head, body))
    }

    fn render(&self, head: &PageHead, body: Option<&str>) -> String {
        let site = &self.manifest.site;
        let mut extra = String::new();
        // Where the app finds math, highlighting and emoji when a post needs them (and the page
        // for any address the renderer alone, which shows a post before the app).
        let not_found = self.not_found.as_ref().filter(|_| head.post_from_address);
        let unindexed = not_found.map(|not_found| (UNINDEXED_MODULE, &not_found.module));
        for (name, module) in self
            .extras
            .iter()
            .map(|(name, module)| (*name, module))
            .chain(unindexed)
        {
            extra.push_str(&format!(
                "<meta name=\"folio:extras-{name}\" content=\"{}\">",
                escape(&format!("{}{module}", self.base))
            ));
        }
        if self.service_worker {
            extra.push_str(&format!(
                "<meta name=\"folio:sw\" content=\"{}\">",
                escape(&format!("{}sw.js", self.base))
            ));
        }
        // The app needs its page's file (and on a post page, the post) as soon as it starts: ask
        // for them while the wasm downloads instead of after it has started.
        let mut preloads = String::new();
        for url in head.data.iter().chain(&head.source) {
            preloads.push_str(&format!(
                "<link rel=\"preload\" href=\"{}\" as=\"fetch\" crossorigin=\"anonymous\">",
                escape(url)
            ));
        }
        if head.post_from_address {
            if let Some(not_found) = not_found {
                preloads.push_str(&format!(
                    "<template id=\"{APP_PRELOADS}\">{}</template>",
                    not_found.held.preloads
                ));
            }
            preloads.push_str("<script>");
            preloads.push_str(address_post::SCRIPT);
            preloads.push_str("</script>");
        }
        if let Some(module) = &head.module {
            let js = format!("{}{module}", self.base);
            let folder = module.strip_suffix(MODULE_SCRIPT).unwrap_or(module);
            let wasm = format!("{}{folder}{MODULE_WASM}", self.base);
            preloads.push_str(&format!(
                "<link rel=\"modulepreload\" href=\"{}\" crossorigin=\"anonymous\">\
                 <link rel=\"preload\" href=\"{}\" as=\"fetch\" type=\"application/wasm\" \
                 crossorigin=\"anonymous\">",
                escape(&js),
                escape(&wasm)
            ));
        }
        // With a first paint, the page's content comes first and the app after it; without,
        // there is nothing to show before the app, which starts from the head.
        let template = match body {
            Some(_) => &self.app.rest,
            None => {
                extra.push_str(&preloads);
                not_found.map_or(&self.template, |not_found| &not_found.template)
            }
        };
        let tags = format!(
            "{HEAD_START}{}{extra}{HEAD_END}",
            head.tags(site, self.base)
        );
        let html = set_title(template, &escape(&head.full_title(site)), &tags);
        let html = set_html_attribute(&html, "lang", &site.language);
        let html = set_html_attribute(&html, "data-theme-default", site.theme.as_str());
        let html = match &self.csp {
            Some(policy) => csp::insert(&html, policy),
            None => html,
        };
        let html = match body {
            None if not_found.is_some() => insert_body(&html, &self.unindexed_paint(site)),
            Some(body) => {
                let html = insert_body(&html, body);
                let first = format!("{PRELOADS_START}{preloads}");
                app_tags::at_end_of_body(&html, &first, &self.app.tags)
            }
            None => html,
        };
        // Characters HTML calls parse errors, from text that did not come through the renderer
        // (a YAML `"\x01"` escape in a title, `site.toml`).
        folio_core::chars::clean_owned(html)
    }

    /// The `<template>` `404.html` shows a post from that has no page of its own: the post page
    /// for it, empty, with what the script needs to fill it in: where the reading time says
    /// its minutes, and what goes before and after the post's title in the document's title.
    fn unindexed_paint(&self, site: &folio_core::SiteConfig) -> String {
        const TITLE: &str = "\u{1}";
        let title = folio_views::frame::document_title(TITLE, &site.title);
        let (before, after) = title.split_once(TITLE).unwrap_or(("", ""));
        format!(
            "<template id=\"{UNINDEXED_PAINT}\" data-minutes=\"{MINUTES_MARK}\" \
             data-title-before=\"{}\" data-title-after=\"{}\">{}</template>",
            escape(before),
            escape(after),
            self.pages.unindexed_post(MINUTES_MARK)
        )
    }
}

/// A page that sends the reader (and crawlers, with its canonical link) on to `to`: what an old
/// address of a post answers, on a host with no redirect rules. No script, so no policy needed.
fn redirect_page(to: &str, lang: &str) -> String {
    let to = escape(to);
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{to}</title>\n<meta name=\"robots\" content=\"noindex\">\n\
         <link rel=\"canonical\" href=\"{to}\">\n\
         <meta http-equiv=\"refresh\" content=\"0; url={to}\">\n</head>\n\
         <body>\n<p><a href=\"{to}\">{to}</a></p>\n</body>\n</html>\n",
        escape(lang)
    )
}

/// The `src` of the first `<img>` in rendered HTML, for link previews of posts without a cover.
fn first_image(html: &str) -> Option<String> {
    let start = html.find("<img src=\"")? + "<img src=\"".len();
    let end = html[start..].find('"')? + start;
    Some(html[start..end].replace("&amp;", "&"))
}

/// Marks where the first paint starts and ends in the body, so running twice replaces it.
const BODY_START: &str = "<!-- folio:body -->";
const BODY_END: &str = "<!-- /folio:body -->";
/// Marks where a shell with a first paint preloads its files, at the end of the body.
const PRELOADS_START: &str = "<!-- folio:preload -->";

/// Puts the page's first paint at the start of `<body>`, before Trunk's scripts.
fn insert_body(html: &str, body: &str) -> String {
    let Some(close) = markup::start_tag(html, "body").map(|body| body.span.end) else {
        return html.to_owned();
    };
    format!(
        "{}{BODY_START}{body}{BODY_END}{}",
        &html[..close],
        &html[close..]
    )
}

/// The template without what an earlier run inserted, the app's tags back in the head.
fn strip_previous(html: &str) -> String {
    let mut html = app_tags::restore(html, PRELOADS_START);
    for (start, end) in [
        (HEAD_START, HEAD_END),
        (BODY_START, BODY_END),
        (csp::START, csp::END),
    ] {
        if let (Some(a), Some(b)) = (html.find(start), html.find(end))
            && a < b
        {
            html.replace_range(a..b + end.len(), "");
        }
    }
    html
}

/// `"/posts/a/"` -> `"posts/a/"`.
fn relative(path: &str) -> String {
    path.trim_start_matches('/').to_owned()
}

/// Replaces the `<title>` text and puts `tags` right after it (or before `</head>`).
fn set_title(html: &str, title: &str, tags: &str) -> String {
    if let Some(open) = markup::start_tag(html, "title")
        && let Some(close) = markup::closing_tag(html, "title", open.span.end)
    {
        return format!(
            "{}<title>{title}</title>{tags}{}",
            &html[..open.span.start],
            &html[close.end..]
        );
    }
    match markup::end_tag_start(html, "head") {
        Some(end) => format!(
            "{}<title>{title}</title>{tags}{}",
            &html[..end],
            &html[end..]
        ),
        None => format!("<title>{title}</title>{tags}{html}"),
    }
}

/// Sets (or replaces) one attribute of the `<html>` start tag, however the template wrote it
/// ([`markup`]).
fn set_html_attribute(html: &str, name: &str, value: &str) -> String {
    match markup::start_tag(html, "html") {
        Some(tag) => tag.set_attribute(html, name, &escape(value)),
        None => html.to_owned(),
    }
}

fn escape(text: &str) -> String {
    folio_core::html::escape(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Folio</title><link rel=\"stylesheet\" href=\"/a.css\"></head><body></body></html>";

    #[test]
    #[allow(clippy::unwrap_used)]
    fn each_extras_module_is_found_by_its_folder_in_a_fixed_order() {
        let out = tempfile::tempdir().unwrap();
        for folder in [
            "extras-search-fedc",
            "extras-emoji-0123",
            "extras-code-4567",
            "extras-math-89ab",
            "extras-unindexed-7654",
            // Not modules: another name, no script, a file.
            "extras-mathematics",
            "extras-other-cdef",
            "extras-code",
        ] {
            fs::create_dir_all(out.path().join(folder)).unwrap();
            fs::write(out.path().join(folder).join("folio_extras.js"), "").unwrap();
        }
        fs::create_dir_all(out.path().join("extras-math-empty")).unwrap();
        fs::write(out.path().join("extras-list.txt"), "").unwrap();
        assert_eq!(
            extras_modules(out.path()).unwrap(),
            [
                ("math", "extras-math-89ab/folio_extras.js".to_owned()),
                ("code", "extras-code-4567/folio_extras.js".to_owned()),
                ("emoji", "extras-emoji-0123/folio_extras.js".to_owned()),
                ("search", "extras-search-fedc/folio_extras.js".to_owned()),
                (
                    "unindexed",
                    "extras-unindexed-7654/folio_extras.js".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn title_and_tags_replace_the_template_title_once() {
        let html = set_title(TEMPLATE, "A &amp; B", "<meta name=\"x\">");
        assert_eq!(html.matches("<title>").count(), 1);
        assert!(html.contains("<title>A &amp; B</title><meta name=\"x\"><link"));
    }

    #[test]
    fn running_twice_replaces_the_previous_block() {
        let once = format!("{HEAD_START}<meta name=\"old\">{HEAD_END}");
        let html = set_title(TEMPLATE, "T", &once);
        let stripped = strip_previous(&html);
        assert!(!stripped.contains("old"));
        assert!(stripped.contains("<title>T</title><link"));
    }

    #[test]
    fn html_attributes_are_set_or_replaced() {
        let html = set_html_attribute(TEMPLATE, "lang", "zh-CN");
        assert!(html.starts_with("<!DOCTYPE html><html lang=\"zh-CN\"><head>"));
        let html = set_html_attribute("<html><head>", "lang", "en");
        assert!(html.starts_with("<html lang=\"en\"><head>"));
        let html = set_html_attribute(TEMPLATE, "data-theme-default", "dark");
        assert!(html.starts_with("<!DOCTYPE html><html lang=\"en\" data-theme-default=\"dark\">"));
    }
}
