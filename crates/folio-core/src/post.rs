//! One post, from the text of its `.md` file to everything a page or the index shows.

use crate::markdown::{RenderOptions, Rendered, render};
use crate::{PostMeta, Problem, paths};

/// A parsed and rendered post.
#[derive(Debug, Clone)]
pub struct Post {
    /// Front-matter fields as written (title may be absent here; see [`Post::title`]).
    pub meta: PostMeta,
    /// The post's path below `/posts/`, which its URL mirrors ([`paths::post_path`]): its file's
    /// path without the extension, the last segment replaced by a valid front-matter `slug`.
    pub slug: String,
    /// Front-matter title, else the leading or first heading, else the file stem.
    pub title: String,
    /// The rendered body and what the render learned about it.
    pub rendered: Rendered,
    /// Everything wrong with the post, front matter and body, by file line.
    pub problems: Vec<Problem>,
}

/// Where a post lives and how the site renders it.
#[derive(Clone, Copy)]
pub struct PostContext<'a> {
    /// Site base path, `/` or `/blog/`.
    pub base: &'a str,
    /// Path of the `.md` file below `posts/`, `/`-separated (`2024/hello.md`).
    pub file: &'a str,
    /// The site trusts raw HTML in posts.
    pub trust_html: bool,
    /// The site reads `$…$` as math (`site.toml`'s `math`); a post's front matter may say
    /// otherwise.
    pub math: bool,
    /// Maps a link to another `.md` file to that post's page URL.
    pub post_link: Option<crate::PostLink<'a>>,
    /// Pixel sizes of the site's own images, by resolved URL (see [`crate::PostEntry::images`]).
    pub image_size: Option<crate::ImageSize<'a>>,
    /// The words Folio writes into the post, in the site's language.
    pub text: &'static crate::i18n::Strings,
}

impl<'a> PostContext<'a> {
    /// Folio's defaults for the post at `file` on a site at `base`: sanitized HTML, math, links to
    /// other posts' `.md` files left as written, no image sizes, English.
    ///
    /// ```
    /// use folio_core::post::{Post, PostContext};
    /// let post = Post::parse("# Hello\n\nText.\n", &PostContext::new("/", "2024/hello.md"));
    /// assert_eq!((post.title.as_str(), post.slug.as_str()), ("Hello", "2024/hello"));
    /// ```
    pub fn new(base: &'a str, file: &'a str) -> Self {
        Self {
            base,
            file,
            trust_html: false,
            math: true,
            post_link: None,
            image_size: None,
            text: crate::i18n::english(),
        }
    }

    /// The same, with raw HTML passed through (`trust_html = true` in `site.toml`) or not.
    pub fn trusting_html(self, trust_html: bool) -> Self {
        Self { trust_html, ..self }
    }

    /// The same, reading `$…$` as math or not (`site.toml`'s `math`).
    pub fn with_math(self, math: bool) -> Self {
        Self { math, ..self }
    }

    /// The same, with links to other posts' `.md` files leading to their pages.
    pub fn with_post_links(self, post_link: crate::PostLink<'a>) -> Self {
        Self {
            post_link: Some(post_link),
            ..self
        }
    }

    /// The same, with the pixel sizes of the site's own images.
    pub fn with_image_sizes(self, image_size: crate::ImageSize<'a>) -> Self {
        Self {
            image_size: Some(image_size),
            ..self
        }
    }

    /// The same, writing the words Folio adds to a post in the site's language.
    pub fn in_language(self, text: &'static crate::i18n::Strings) -> Self {
        Self { text, ..self }
    }

    /// Renders `body`, which starts on file line `first_line` of this post's file, whose
    /// front-matter title is `title`, reading `$` as math or not: the one place a post's
    /// context becomes [`RenderOptions`].
    /// Renders `body`; `summarize` as [`RenderOptions::summarize`].
    fn render(
        &self,
        body: &str,
        first_line: usize,
        title: Option<&str>,
        math: bool,
        summarize: bool,
    ) -> Rendered {
        let folder = paths::post_folder_url(self.base, self.file);
        render(
            body,
            &RenderOptions {
                base: &folder,
                trust_html: self.trust_html,
                title,
                first_line,
                post_link: self.post_link,
                image_size: self.image_size,
                text: self.text,
                commonmark_only: false,
                math,
                summarize,
            },
        )
    }
}

impl std::fmt::Debug for PostContext<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PostContext")
            .field("base", &self.base)
            .field("file", &self.file)
            .field("trust_html", &self.trust_html)
            .field("math", &self.math)
            .finish_non_exhaustive()
    }
}

/// The file name without folders and without the `.md` extension.
///
/// ```
/// assert_eq!(folio_core::post::file_stem("2024/你好 世界.md"), "你好 世界");
/// ```
pub fn file_stem(file: &str) -> &str {
    let name = file.rsplit('/').next().unwrap_or(file);
    name.strip_suffix(".md")
        .or_else(|| name.strip_suffix(".markdown"))
        .unwrap_or(name)
}

/// Renders the body of a post the index already describes (see [`crate::PostEntry`]): the
/// front matter is skipped, not parsed, since the build read it into the entry. This is what the
/// browser runs, so it needs no YAML or TOML parser, and what the build writes into the post's
/// shell, so both show exactly the same HTML.
///
/// ```
/// use folio_core::post::{Post, PostContext, render_body};
/// use folio_core::{PostEntry, SiteConfig};
/// let source = "---\ntitle: Hello\n---\n# Hello\n\nSee [the other](other.md).";
/// let cx = PostContext::new("/", "hello.md");
/// let entry = PostEntry::from_post(&Post::parse(source, &cx), "hello.md", &SiteConfig::default());
/// let body = render_body(source, &entry, &cx);
/// assert_eq!(body.html, Post::parse(source, &cx).rendered.html);
/// assert!(!body.html.contains("<h1"), "the title is in the page header, not the body");
/// ```
pub fn render_body(source: &str, entry: &crate::PostEntry, cx: &PostContext<'_>) -> Rendered {
    let (body, first_line) = body_of(source);
    // The entry has the excerpt and the reading time.
    cx.render(
        body,
        first_line,
        Some(&entry.title),
        entry.math.unwrap_or(cx.math),
        false,
    )
}

/// The body of a post file and the file line it starts on: past the front matter, or (an
/// unclosed fence) the whole file, as [`Post::parse`] shows it.
fn body_of(source: &str) -> (&str, usize) {
    match crate::front_matter::split(source) {
        Ok(split) => (split.body, split.body_line),
        Err(_) => (source.strip_prefix('\u{feff}').unwrap_or(source), 1),
    }
}

/// The path below `/posts/` of the post in `file` whose front matter says `slug` (see
/// [`paths::post_path`]), and the problem with a `slug` that cannot be used (the file's name is
/// used instead).
///
/// ```
/// use folio_core::post::path_of;
/// assert_eq!(path_of("2022/nas.md", Some("my-nas")), ("2022/my-nas".to_owned(), None));
/// let (path, problem) = path_of("2022/nas.md", Some("a/b"));
/// assert_eq!(path, "2022/nas");
/// assert!(problem.is_some());
/// ```
pub fn path_of(file: &str, slug: Option<&str>) -> (String, Option<Problem>) {
    match slug.map(str::trim) {
        Some(slug) => match paths::validate_slug(slug) {
            Ok(()) => (paths::post_path(file, Some(slug)), None),
            Err(err) => (
                paths::post_path(file, None),
                Some(Problem::error(
                    1,
                    format!("front-matter slug ignored: {err}; using the file name"),
                )),
            ),
        },
        None => (paths::post_path(file, None), None),
    }
}

/// A post the index does not list yet (its `.md` reached the host after the build), rendered
/// from its file alone as the browser can: the front matter is skipped, not read (the app has
/// no YAML or TOML parser), so the title is the leading `# Title` (else the first heading, else
/// the file name) and there is no date or tag. The next build lists it properly.
///
/// ```
/// use folio_core::post::{PostContext, render_unindexed};
/// let cx = PostContext::new("/", "2026/new.md");
/// let (entry, body) = render_unindexed("---\ntitle: X\n---\n# 新的\n\nText.\n", "2026/new", &cx);
/// assert_eq!((entry.title.as_str(), entry.slug.as_str()), ("新的", "2026/new"));
/// assert!(body.html.contains("<p>Text.</p>") && !body.html.contains("<h1"));
/// ```
pub fn render_unindexed(
    source: &str,
    path: &str,
    cx: &PostContext<'_>,
) -> (crate::PostEntry, Rendered) {
    let (body, first_line) = body_of(source);
    let rendered = cx.render(body, first_line, None, cx.math, true);
    let mut post = Post::assemble(crate::PostMeta::default(), Vec::new(), rendered, cx.file);
    post.slug = path.to_owned();
    post.problems.clear();
    let entry = crate::PostEntry::from_post(&post, cx.file, &crate::SiteConfig::default());
    (entry, post.rendered)
}

impl Post {
    /// Parses front matter and renders the body. Never fails: whatever is wrong becomes a
    /// [`Problem`] and the rest of the post is still there.
    ///
    /// ```
    /// use folio_core::post::{Post, PostContext};
    /// let cx = PostContext::new("/", "hello.md");
    /// let post = Post::parse("---\ntitle: [unclosed\n---\nStill **here**.", &cx);
    /// assert_eq!(post.title, "hello");
    /// assert!(post.rendered.html.contains("<strong>here</strong>"));
    /// assert!(!post.problems.is_empty());
    /// ```
    pub fn parse(source: &str, cx: &PostContext<'_>) -> Self {
        let document = crate::parse_document(source);
        let rendered = render_document(&document, cx);
        Self::assemble(document.meta, document.problems, rendered, cx.file)
    }

    /// The post made of what its front matter says (`meta`, with the `problems` reading it
    /// found) and its rendered body, for the file `file`: its path, its title (front matter,
    /// else the leading or first heading, else the file name) and every problem in line order.
    pub fn assemble(
        meta: PostMeta,
        mut problems: Vec<Problem>,
        rendered: Rendered,
        file: &str,
    ) -> Self {
        problems.extend(rendered.problems.iter().cloned());
        let (slug, slug_problem) = path_of(file, meta.slug.as_deref());
        problems.extend(slug_problem);
        let title = meta
            .title
            .clone()
            .filter(|title| !title.trim().is_empty())
            .or_else(|| rendered.title.clone())
            .or_else(|| rendered.first_heading.clone())
            .unwrap_or_else(|| file_stem(file).to_owned());
        crate::order::sort_by_key(&mut problems, |problem| problem.line);
        Self {
            meta,
            slug,
            title,
            rendered,
            problems,
        }
    }
}

/// Renders a read post file's body (see [`crate::parse_document`]) for the post at `cx.file`,
/// with its front-matter title (a leading `# Title` equal to it is the page's, not the body's)
/// and its front-matter `math`, which wins over the site's.
pub fn render_document(document: &crate::Document<'_>, cx: &PostContext<'_>) -> Rendered {
    cx.render(
        document.body,
        document.body_line,
        document.meta.title.as_deref(),
        document.meta.math.unwrap_or(cx.math),
        true,
    )
}
