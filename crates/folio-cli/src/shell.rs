//! Per-page shells: copies of the app's `index.html` with each page's title, description and
//! canonical URL, written where a static host looks for them (`posts/<slug>/index.html`), so a
//! hard load of any deep link answers 200 with no rewrite rules, and `404.html` for the rest.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use folio_core::{Manifest, paths};

use crate::csp;

/// Marks the block of tags Folio inserts, so running the hook twice replaces it.
const HEAD_START: &str = "<!-- folio:head -->";
const HEAD_END: &str = "<!-- /folio:head -->";

/// What one page's `<head>` says about it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct PageHead {
    /// Page title without the site name (`None` on the home page).
    title: Option<String>,
    description: String,
    /// Path of the page below the site base (`posts/a/`), for the canonical URL.
    path: String,
}

/// Writes every shell of a site from its app shell.
#[derive(Debug)]
pub(crate) struct Shells<'a> {
    out: &'a Path,
    base: &'a str,
    manifest: &'a Manifest,
    template: String,
    /// The Content-Security-Policy for every page, in release builds.
    csp: Option<String>,
}

impl<'a> Shells<'a> {
    /// Reads the app shell Trunk wrote to `out/index.html`; with `csp`, every page gets a
    /// Content-Security-Policy that allows the shell's own inline scripts (see [`crate::csp`]).
    pub(crate) fn load(
        out: &'a Path,
        base: &'a str,
        manifest: &'a Manifest,
        csp: bool,
    ) -> Result<Self> {
        let path = out.join("index.html");
        let template = fs::read_to_string(&path)
            .with_context(|| format!("reading the app shell {}", path.display()))?;
        let template = strip_block(&strip_previous_head(&template), csp::START, csp::END);
        Ok(Self {
            out,
            base,
            manifest,
            csp: csp.then(|| csp::policy(&template)),
            template,
        })
    }

    /// Writes the home page, `404.html`, every post, tag and home page shell. Returns the count.
    pub(crate) fn write_all(&self) -> Result<usize> {
        let site = &self.manifest.site;
        let mut pages: Vec<(PathBuf, PageHead)> = vec![
            (
                self.out.join("index.html"),
                PageHead {
                    title: None,
                    description: site.description.clone(),
                    path: String::new(),
                },
            ),
            (
                self.out.join("404.html"),
                PageHead {
                    title: Some("Page not found".to_owned()),
                    description: site.description.clone(),
                    path: String::new(),
                },
            ),
            (
                self.out.join("tags").join("index.html"),
                PageHead {
                    title: Some("Tags".to_owned()),
                    description: site.description.clone(),
                    path: "tags/".to_owned(),
                },
            ),
        ];
        for page in 2..=self.manifest.page_count() {
            pages.push((
                self.out
                    .join("page")
                    .join(page.to_string())
                    .join("index.html"),
                PageHead {
                    title: Some(format!("Page {page}")),
                    description: site.description.clone(),
                    path: format!("page/{page}/"),
                },
            ));
        }
        for post in &self.manifest.posts {
            pages.push((
                self.out.join("posts").join(&post.slug).join("index.html"),
                PageHead {
                    title: Some(post.title.clone()),
                    description: post
                        .description
                        .clone()
                        .unwrap_or_else(|| post.excerpt.clone()),
                    path: relative(&paths::post_url("/", &post.slug)),
                },
            ));
        }
        for tag in self.manifest.tags() {
            pages.push((
                self.out.join("tags").join(&tag.slug).join("index.html"),
                PageHead {
                    title: Some(format!("#{}", tag.name)),
                    description: format!("Posts tagged {}", tag.name),
                    path: relative(&paths::tag_url("/", &tag.slug)),
                },
            ));
        }
        for (path, head) in &pages {
            if let Some(dir) = path.parent() {
                fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
            }
            fs::write(path, self.render(head))
                .with_context(|| format!("writing {}", path.display()))?;
        }
        Ok(pages.len())
    }

    fn render(&self, head: &PageHead) -> String {
        let site = &self.manifest.site;
        let title = match &head.title {
            Some(title) => format!("{title} · {}", site.title),
            None => site.title.clone(),
        };
        let mut tags = String::new();
        tags.push_str(HEAD_START);
        tags.push_str(&format!(
            "<meta name=\"folio:base\" content=\"{}\">",
            escape(self.base)
        ));
        if !head.description.is_empty() {
            tags.push_str(&format!(
                "<meta name=\"description\" content=\"{}\">",
                escape(&head.description)
            ));
        }
        if let Some(origin) = site.origin_and_path() {
            tags.push_str(&format!(
                "<link rel=\"canonical\" href=\"{}/{}\">",
                escape(origin),
                escape(&head.path)
            ));
        }
        tags.push_str(HEAD_END);

        let html = set_title(&self.template, &escape(&title), &tags);
        let html = set_lang(&html, &site.language);
        match &self.csp {
            Some(policy) => csp::insert(&html, policy),
            None => html,
        }
    }
}

/// `"/posts/a/"` -> `"posts/a/"`.
fn relative(path: &str) -> String {
    path.trim_start_matches('/').to_owned()
}

fn strip_previous_head(html: &str) -> String {
    strip_block(html, HEAD_START, HEAD_END)
}

/// Removes a block a previous run inserted between the `start` and `end` markers.
fn strip_block(html: &str, start: &str, end: &str) -> String {
    match (html.find(start), html.find(end)) {
        (Some(from), Some(to)) if from < to => {
            format!("{}{}", &html[..from], &html[to + end.len()..])
        }
        _ => html.to_owned(),
    }
}

/// Replaces the `<title>` text and puts `tags` right after it (or before `</head>`).
fn set_title(html: &str, title: &str, tags: &str) -> String {
    if let Some(open) = html.find("<title>")
        && let Some(close) = html[open..].find("</title>")
    {
        let close = open + close + "</title>".len();
        return format!(
            "{}<title>{title}</title>{tags}{}",
            &html[..open],
            &html[close..]
        );
    }
    match html.find("</head>") {
        Some(end) => format!(
            "{}<title>{title}</title>{tags}{}",
            &html[..end],
            &html[end..]
        ),
        None => format!("<title>{title}</title>{tags}{html}"),
    }
}

fn set_lang(html: &str, lang: &str) -> String {
    let lang = escape(lang);
    match html.find("<html") {
        Some(start) => {
            let end = html[start..].find('>').map_or(start + 5, |i| start + i);
            let tag = &html[start..end];
            let tag = match tag.find(" lang=\"") {
                Some(attr) => {
                    let value_start = attr + " lang=\"".len();
                    let value_end = tag[value_start..]
                        .find('"')
                        .map_or(tag.len(), |i| value_start + i);
                    format!("{}{lang}{}", &tag[..value_start], &tag[value_end..])
                }
                None => format!("{tag} lang=\"{lang}\""),
            };
            format!("{}{tag}{}", &html[..start], &html[end..])
        }
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
    fn title_and_tags_replace_the_template_title_once() {
        let html = set_title(TEMPLATE, "A &amp; B", "<meta name=\"x\">");
        assert_eq!(html.matches("<title>").count(), 1);
        assert!(html.contains("<title>A &amp; B</title><meta name=\"x\"><link"));
    }

    #[test]
    fn running_twice_replaces_the_previous_block() {
        let once = format!("{HEAD_START}<meta name=\"old\">{HEAD_END}");
        let html = set_title(TEMPLATE, "T", &once);
        let stripped = strip_previous_head(&html);
        assert!(!stripped.contains("old"));
        assert!(stripped.contains("<title>T</title><link"));
    }

    #[test]
    fn lang_is_set_or_replaced() {
        assert!(
            set_lang(TEMPLATE, "zh-CN").starts_with("<!DOCTYPE html><html lang=\"zh-CN\"><head>")
        );
        assert!(set_lang("<html><head>", "en").starts_with("<html lang=\"en\"><head>"));
    }
}
