//! What a shell's `<head>` says about its page: description, canonical URL, Open Graph and
//! Twitter card tags, and for posts a JSON-LD `BlogPosting`, so crawlers and link previews see
//! the page without running the app.

use std::fmt::Write as _;

use folio_core::html::escape;
use folio_core::{Date, SiteConfig};
use serde_json::json;

/// One page's facts for its `<head>`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct PageHead {
    /// Page title without the site name (`None` on the home page).
    pub(crate) title: Option<String>,
    pub(crate) description: String,
    /// Path of the page below the site base (`posts/a/`), for canonical and `og:url`.
    pub(crate) path: String,
    /// Set for posts: they are articles, not websites.
    pub(crate) article: Option<Article>,
    /// A post's Markdown URL, preloaded so it downloads while the app starts.
    pub(crate) source: Option<String>,
    /// URL of the file the app needs first on this page (its page of a list, the tag list, a
    /// post's own file), which the shell preloads. `404.html` stands for any page: whatever it
    /// preloaded would be wasted on most.
    pub(crate) data: Option<String>,
    /// The script of a module the page loads as soon as the app starts (the search page's
    /// search module), below the site's root: the shell preloads it and its wasm.
    pub(crate) module: Option<String>,
    /// `404.html` only: preload the post the address names, read as the page starts, and show
    /// its shell's first paint (see `address_post`).
    pub(crate) post_from_address: bool,
}

/// What a post adds to its head.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Article {
    pub(crate) published: Option<Date>,
    pub(crate) modified: Option<Date>,
    pub(crate) author: Option<String>,
    pub(crate) tags: Vec<String>,
    /// Image for previews: the post's `cover`, else its first image; absolute or site-relative.
    pub(crate) image: Option<String>,
    /// BCP 47 language of the post when it says, else the site's.
    pub(crate) lang: Option<String>,
}

impl PageHead {
    /// `Page · Site`, or the site's title alone on the home page.
    pub(crate) fn full_title(&self, site: &SiteConfig) -> String {
        folio_views::frame::document_title(self.title.as_deref().unwrap_or_default(), &site.title)
    }

    /// The tags that go after `<title>`. `base` is the site's path (`/blog/`).
    pub(crate) fn tags(&self, site: &SiteConfig, base: &str) -> String {
        let mut out = String::new();
        let mut meta = |attribute: &str, name: &str, content: &str| {
            if !content.is_empty() {
                let _ = write!(
                    out,
                    "<meta {attribute}=\"{name}\" content=\"{}\">",
                    escape(content)
                );
            }
        };
        meta("name", "folio:base", base);
        meta("name", "description", &self.description);
        let origin = site.origin_and_path();
        let url = origin.map(|origin| format!("{origin}/{}", self.path));
        let title = self.title.clone().unwrap_or_else(|| site.title.clone());
        let image = self
            .article
            .as_ref()
            .and_then(|article| article.image.as_deref())
            .and_then(|image| absolute(image, origin, base));
        meta("property", "og:site_name", &site.title);
        meta("property", "og:title", &title);
        meta("property", "og:description", &self.description);
        meta(
            "property",
            "og:type",
            if self.article.is_some() {
                "article"
            } else {
                "website"
            },
        );
        meta("property", "og:locale", &site.language.replace('-', "_"));
        if let Some(url) = &url {
            meta("property", "og:url", url);
        }
        if let Some(image) = &image {
            meta("property", "og:image", image);
        }
        let zone = site.utc_offset_minutes();
        if let Some(article) = &self.article {
            if let Some(date) = article.published {
                meta("property", "article:published_time", &date.rfc3339(zone));
            }
            if let Some(date) = article.modified {
                meta("property", "article:modified_time", &date.rfc3339(zone));
            }
            if let Some(author) = &article.author {
                meta("property", "article:author", author);
            }
            for tag in &article.tags {
                meta("property", "article:tag", tag);
            }
        }
        meta(
            "name",
            "twitter:card",
            if image.is_some() {
                "summary_large_image"
            } else {
                "summary"
            },
        );
        meta("name", "twitter:title", &title);
        meta("name", "twitter:description", &self.description);
        if let Some(image) = &image {
            meta("name", "twitter:image", image);
        }
        if let Some(url) = &url {
            let _ = write!(out, "<link rel=\"canonical\" href=\"{}\">", escape(url));
        }
        if let Some(article) = &self.article {
            out.push_str(&json_ld(
                &title,
                &self.description,
                url.as_deref(),
                image.as_deref(),
                article,
                site,
            ));
        }
        out
    }
}

/// An image URL as previews need it: absolute, or nothing when the site has no `base_url` to
/// make a site-relative path absolute with.
fn absolute(image: &str, origin: Option<&str>, base: &str) -> Option<String> {
    if image.starts_with("https://") || image.starts_with("http://") {
        return Some(image.to_owned());
    }
    let origin = origin?;
    let below_base = image
        .strip_prefix(base)
        .unwrap_or(image.trim_start_matches('/'));
    Some(format!("{origin}/{below_base}"))
}

/// A JSON-LD `BlogPosting`, safe inside `<script>`: `<` is escaped so no value can close it.
fn json_ld(
    title: &str,
    description: &str,
    url: Option<&str>,
    image: Option<&str>,
    article: &Article,
    site: &SiteConfig,
) -> String {
    let zone = site.utc_offset_minutes();
    let mut data = json!({
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": title,
        "description": description,
        "inLanguage": article.lang.as_deref().unwrap_or(&site.language),
        "keywords": article.tags,
        "publisher": { "@type": "Organization", "name": site.title },
    });
    let fields = [
        ("url", url.map(str::to_owned)),
        ("mainEntityOfPage", url.map(str::to_owned)),
        ("image", image.map(str::to_owned)),
        ("datePublished", article.published.map(|d| d.rfc3339(zone))),
        (
            "dateModified",
            article
                .modified
                .or(article.published)
                .map(|d| d.rfc3339(zone)),
        ),
    ];
    for (key, value) in fields {
        if let Some(value) = value {
            data[key] = json!(value);
        }
    }
    if let Some(author) = &article.author {
        data["author"] = json!({ "@type": "Person", "name": author });
    }
    let text = data.to_string().replace('<', "\\u003c");
    format!("<script type=\"application/ld+json\">{text}</script>")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn site() -> SiteConfig {
        SiteConfig::parse(
            "title = \"Notes\"\nbase_url = \"https://example.org/blog/\"\nlanguage = \"zh-CN\"",
        )
        .unwrap()
    }

    fn post() -> PageHead {
        PageHead {
            title: Some("春分 </script><script>alert(1)</script>".to_owned()),
            description: "昼夜\"一样\"长".to_owned(),
            path: "posts/%E6%98%A5%E5%88%86/".to_owned(),
            article: Some(Article {
                published: Some(Date::parse("2025-03-20").unwrap()),
                modified: None,
                author: Some("林小满".to_owned()),
                tags: vec!["节气".to_owned()],
                image: Some("/blog/posts/img/cover.png".to_owned()),
                lang: None,
            }),
            source: None,
            data: None,
            module: None,
            post_from_address: false,
        }
    }

    #[test]
    fn posts_get_open_graph_twitter_canonical_and_json_ld() {
        let tags = post().tags(&site(), "/blog/");
        for needle in [
            "<meta property=\"og:type\" content=\"article\">",
            "<meta property=\"og:url\" content=\"https://example.org/blog/posts/%E6%98%A5%E5%88%86/\">",
            "<meta property=\"og:image\" content=\"https://example.org/blog/posts/img/cover.png\">",
            "<meta property=\"og:locale\" content=\"zh_CN\">",
            "<meta property=\"article:published_time\" content=\"2025-03-20T00:00:00Z\">",
            "<meta property=\"article:tag\" content=\"节气\">",
            "<meta name=\"twitter:card\" content=\"summary_large_image\">",
            "<meta name=\"description\" content=\"昼夜&quot;一样&quot;长\">",
            "<link rel=\"canonical\" href=\"https://example.org/blog/posts/%E6%98%A5%E5%88%86/\">",
        ] {
            assert!(tags.contains(needle), "{needle}\n{tags}");
        }
        let start = tags.find("<script type=\"application/ld+json\">").unwrap();
        let end = tags[start..].find("</script>").unwrap() + start;
        let json: serde_json::Value =
            serde_json::from_str(&tags[start + "<script type=\"application/ld+json\">".len()..end])
                .unwrap();
        assert_eq!(json["@type"], "BlogPosting");
        assert_eq!(json["headline"], "春分 </script><script>alert(1)</script>");
        assert_eq!(json["author"]["name"], "林小满");
        assert_eq!(json["datePublished"], "2025-03-20T00:00:00Z");
        assert_eq!(
            tags.matches("</script>").count(),
            1,
            "a title cannot close the JSON-LD script"
        );
    }

    #[test]
    fn without_a_base_url_there_is_no_canonical_and_no_relative_image() {
        let site = SiteConfig::parse("title = \"Notes\"").unwrap();
        let tags = post().tags(&site, "/blog/");
        assert!(!tags.contains("canonical"));
        assert!(!tags.contains("og:image"));
        assert!(tags.contains("<meta name=\"twitter:card\" content=\"summary\">"));
    }

    #[test]
    fn other_pages_are_websites_without_json_ld() {
        let head = PageHead {
            title: None,
            description: "About things".to_owned(),
            path: String::new(),
            article: None,
            source: None,
            data: None,
            module: None,
            post_from_address: false,
        };
        let tags = head.tags(&site(), "/blog/");
        assert!(tags.contains("<meta property=\"og:type\" content=\"website\">"));
        assert!(tags.contains("<link rel=\"canonical\" href=\"https://example.org/blog/\">"));
        assert!(!tags.contains("ld+json"));
        assert_eq!(head.full_title(&site()), "Notes");
    }
}
