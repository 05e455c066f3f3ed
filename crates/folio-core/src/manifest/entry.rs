//! One post as the index lists it, and what every page asks of it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::json::{FromJson, Json, JsonError};
use crate::{Date, Post, SiteConfig};

/// One post as the index lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PostEntry {
    /// URL segment: the file stem or the front-matter `slug`.
    pub slug: String,
    /// Display title (front matter, else first heading, else file name).
    pub title: String,
    /// Publication date, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Last update, when the front matter says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<Date>,
    /// Front-matter description or summary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Plain-text excerpt (`<!-- more -->` or first paragraph).
    pub excerpt: String,
    /// Tags in the order the post lists them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Author, from the post or the site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Estimated minutes to read.
    pub reading_minutes: u32,
    /// Path of the Markdown file below `posts/`, with `/` separators.
    pub file: String,
    /// Only present in development builds, which list drafts.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
    /// Pixel sizes (`[width, height]`) of the post's own images, by path below `posts/`, as
    /// the build measured them: pages reserve their space before they load.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub images: BTreeMap<String, [u32; 2]>,
    /// The post's language (front-matter `lang`), when it differs from the site's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// The post's cover image as written in its front matter (relative to its file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cover: Option<String>,
    /// The post's front-matter `math`, which wins over the site's: the app renders the body with
    /// it, as the build did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub math: Option<bool>,
    /// What is wrong with the post's source, as the build found it; the page shows it as a
    /// notice. (The app renders only the body, so it learns about the front matter here.) Notes
    /// for the writer are not here: only the CLI lists them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<crate::Problem>,
}

impl FromJson for PostEntry {
    fn from_value(json: Json<'_>) -> Result<Self, JsonError> {
        let mut object = json.into_object()?;
        Ok(Self {
            slug: object.required("slug")?,
            title: object.required("title")?,
            date: object.optional("date")?,
            updated: object.optional("updated")?,
            description: object.optional("description")?,
            excerpt: object.required("excerpt")?,
            tags: object.or_default("tags")?,
            author: object.optional("author")?,
            reading_minutes: object.required("reading_minutes")?,
            file: object.required("file")?,
            draft: object.or_default("draft")?,
            images: object.or_default("images")?,
            lang: object.optional("lang")?,
            cover: object.optional("cover")?,
            math: object.optional("math")?,
            problems: object.or_default("problems")?,
        })
    }
}

impl PostEntry {
    /// The manifest's order: newest first, undated posts last, ties by path.
    pub fn newest_first(a: &Self, b: &Self) -> std::cmp::Ordering {
        let key = |p: &Self| p.date.as_ref().map(Date::timestamp);
        key(b).cmp(&key(a)).then_with(|| a.slug.cmp(&b.slug))
    }

    /// The entry cut to what the archive shows and links to: its path, title, date and file
    /// (and whether it is a draft, which a preview marks).
    pub fn archived(&self) -> Self {
        Self {
            slug: self.slug.clone(),
            title: self.title.clone(),
            date: self.date,
            updated: None,
            description: None,
            excerpt: String::new(),
            tags: Vec::new(),
            author: None,
            reading_minutes: 0,
            file: self.file.clone(),
            draft: self.draft,
            images: BTreeMap::new(),
            lang: self.lang.clone(),
            cover: None,
            math: None,
            problems: Vec::new(),
        }
    }

    /// What lists, link previews and feeds say about the post: its description, unless that is
    /// blank, else its excerpt.
    ///
    /// ```
    /// let mut entry: folio_core::PostEntry = serde_json::from_str(
    ///     r#"{"slug":"a","title":"A","excerpt":"First paragraph.","reading_minutes":1,"file":"a.md"}"#,
    /// ).unwrap();
    /// assert_eq!(entry.summary(), "First paragraph.");
    /// entry.description = Some("  ".into());
    /// assert_eq!(entry.summary(), "First paragraph.");
    /// entry.description = Some("What it is about.".into());
    /// assert_eq!(entry.summary(), "What it is about.");
    /// ```
    pub fn summary(&self) -> &str {
        self.description
            .as_deref()
            .filter(|text| !text.trim().is_empty())
            .unwrap_or(&self.excerpt)
    }

    /// The manifest entry for a parsed post stored at `file` (relative to `posts/`).
    pub fn from_post(post: &Post, file: &str, site: &SiteConfig) -> Self {
        Self {
            slug: post.slug.clone(),
            title: post.title.clone(),
            date: post.meta.date,
            updated: post.meta.updated,
            description: post.meta.description.clone(),
            excerpt: post.rendered.excerpt.clone(),
            tags: post.meta.tags.clone(),
            author: post.meta.author.clone().or_else(|| site.author.clone()),
            reading_minutes: post.rendered.reading_time.minutes,
            file: file.to_owned(),
            draft: post.meta.draft,
            images: BTreeMap::new(),
            lang: post.meta.lang.clone(),
            cover: post.meta.cover.clone(),
            math: post.meta.math,
            problems: post
                .problems
                .iter()
                .filter(|problem| problem.is_shown_on_page())
                .cloned()
                .collect(),
        }
    }

    /// The measured size of an image of this post, by the URL the renderer resolved it to
    /// under the site's `base`.
    ///
    /// ```
    /// # use folio_core::{PostEntry};
    /// # let mut entry: PostEntry = serde_json::from_str(r#"{"slug":"a","title":"A","excerpt":"",
    /// #     "reading_minutes":1,"file":"a.md"}"#).unwrap();
    /// entry.images.insert("img/春 1.png".into(), [640, 480]);
    /// assert_eq!(entry.image_size("/blog/", "/blog/posts/img/%E6%98%A5%201.png"), Some((640, 480)));
    /// assert_eq!(entry.image_size("/blog/", "https://elsewhere.example/x.png"), None);
    /// ```
    pub fn image_size(&self, base: &str, url: &str) -> Option<(u32, u32)> {
        let below = url.strip_prefix(base)?.strip_prefix("posts/")?;
        let [width, height] = *self
            .images
            .get(crate::url::percent_decode(below).as_ref())?;
        Some((width, height))
    }
}
