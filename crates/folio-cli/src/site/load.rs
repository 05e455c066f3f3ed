//! Loading a content folder into a [`Site`]: read, decide, render, each once per post.
//!
//! 1. Every post file is read and its front matter parsed, on every core.
//! 2. One post at a time, in file order, what the posts mean together is decided: which are
//!    published (drafts and scheduled posts only in a preview), which URL each gets (a taken
//!    one moves to the first free `-N`, see [`Claims`]), what is wrong with each.
//! 3. Every published post is rendered once, on every core, with its links to other posts'
//!    Markdown resolved to their pages and its images measured.
//! 4. The posts are put in the manifest's order, newest first.

use std::path::Path;

use anyhow::Result;
use std::cell::RefCell;
use std::collections::BTreeMap;

use folio_core::i18n::strings_for;
use folio_core::post::{Post, PostContext, render_document};
use folio_core::search::text::markdown_text;
use folio_core::{Document, Manifest, PostEntry, PostLinks, SiteConfig, paths};
use rayon::prelude::*;

use super::measure::ImageSizes;
use super::redirects::{Aliases, redirects};
use super::{Body, Site};
use crate::claims::Claims;
use crate::clock::Clock;
use crate::content::{ContentFiles, SourceFile, read_post};
use crate::diagnostic::Diagnostic;
use crate::progress;
use crate::zone::Zone;

/// How a build treats drafts and dates, and where the site is served.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LoadOptions<'a> {
    /// Site base path (`/`, `/blog/`), for the links the posts are rendered with.
    pub(crate) base: &'a str,
    /// Publish drafts and scheduled posts too (`make serve`, `folio check`).
    pub(crate) preview: bool,
    pub(crate) clock: &'a Clock,
    /// No progress bar.
    pub(crate) quiet: bool,
}

/// A post file, read.
struct Source {
    file: SourceFile,
    text: String,
    valid_utf8: bool,
}

/// Loads the content folder `content` with its configuration `config`. `visit` sees each post
/// this build publishes, with its text, and may add problems of its own (`folio check`'s rules).
pub(crate) fn load(
    content: &Path,
    config: SiteConfig,
    options: &LoadOptions<'_>,
    mut visit: impl FnMut(&SourceFile, &str, &Post, &mut Vec<Diagnostic>),
) -> Result<Site> {
    let zone = Zone::of(&config)?;
    let files = ContentFiles::read(content)?;
    let post_files = files.posts();
    let mut diagnostics: Vec<Diagnostic> = files.skipped_warnings().collect();
    let bar = progress::bar(post_files.len(), "posts", options.quiet);

    let sources = post_files
        .into_par_iter()
        .map(|file| {
            let (text, valid_utf8) = read_post(&file)?;
            Ok(Source {
                file,
                text,
                valid_utf8,
            })
        })
        .collect::<Result<Vec<Source>>>()?;
    let documents: Vec<Document<'_>> = sources
        .par_iter()
        .map(|source| folio_core::parse_document(&source.text))
        .collect();

    // What the posts mean together, decided one post at a time in file order.
    let mut claims = Claims::new(files.files_below("posts/"));
    let (mut drafts, mut scheduled) = (0, 0);
    let mut published: Vec<(usize, String)> = Vec::new();
    for (index, (source, document)) in sources.iter().zip(&documents).enumerate() {
        let file = &source.file;
        if !source.valid_utf8 {
            diagnostics.push(Diagnostic::error(
                &file.path,
                1,
                "the file is not valid UTF-8; invalid bytes were replaced",
            ));
        }
        let (path, _) = folio_core::post::path_of(&file.rel, document.meta.slug.as_deref());
        // The app refuses to fetch a file or open a path that fails these checks, so such a
        // post could never be read.
        let refused = paths::validate_post_file(&file.rel)
            .map_err(|err| err.to_string())
            .and_then(|()| paths::validate_post_path(&path).map_err(|err| err.to_string()));
        if let Err(err) = refused {
            diagnostics.extend(
                document
                    .problems
                    .iter()
                    .map(|p| Diagnostic::new(&file.path, p)),
            );
            diagnostics.push(Diagnostic::error(
                &file.path,
                1,
                format!("{err}; this post is left out of the index"),
            ));
            bar.inc(1);
            continue;
        }
        let meta = &document.meta;
        let future = meta
            .date
            .is_some_and(|date| options.clock.is_future(&date, &zone));
        if meta.draft {
            drafts += 1;
        } else if future {
            scheduled += 1;
        }
        // Only posts this build publishes claim a URL: a draft must not push a published post
        // off its own.
        if !options.preview && (meta.draft || future) {
            diagnostics.extend(
                document
                    .problems
                    .iter()
                    .map(|p| Diagnostic::new(&file.path, p)),
            );
            bar.inc(1);
            continue;
        }
        let claim = claims.claim(&path, &file.rel);
        if let Some(moved) = claim.moved {
            diagnostics.push(Diagnostic::error(&file.path, 1, moved));
        }
        tag_names(file, meta, &mut diagnostics);
        published.push((index, claim.slug));
    }

    // Rendered once, with links to other posts resolved to the URLs just handed out.
    let links = PostLinks::of_posts(
        published
            .iter()
            .map(|(index, path)| (sources[*index].file.rel.as_str(), path.as_str())),
        options.base,
    );
    let text = strings_for(&config.language);
    type Rendered = (
        Post,
        BTreeMap<String, [u32; 2]>,
        String,
        BTreeMap<String, String>,
    );
    let rendered: Vec<Rendered> = published
        .par_iter()
        .map(|(index, path)| {
            let (source, document) = (&sources[*index], &documents[*index]);
            let sizes = ImageSizes::new(&files.root, options.base);
            let size = |url: &str| sizes.size(url);
            // The links this post makes to other posts, for its own file (the app's map).
            let linked = RefCell::new(BTreeMap::new());
            let post_link = |url: &str| {
                let target = url.split('#').next().unwrap_or_default();
                if let Some((file, path)) = links.post(target) {
                    linked.borrow_mut().insert(file.to_owned(), path.to_owned());
                }
                links.resolve(url)
            };
            let cx = PostContext::new(options.base, &source.file.rel)
                .trusting_html(config.trust_html)
                .with_math(config.math)
                .with_post_links(&post_link)
                .with_image_sizes(&size)
                .in_language(text);
            let rendered = render_document(document, &cx);
            let mut post = Post::assemble(
                document.meta.clone(),
                document.problems.clone(),
                rendered,
                &source.file.rel,
            );
            post.slug.clone_from(path);
            let search_text = markdown_text(document.body);
            bar.inc(1);
            (post, sizes.into_map(), search_text, linked.into_inner())
        })
        .collect();
    bar.finish_and_clear();

    let mut posts: Vec<(PostEntry, Body)> = Vec::with_capacity(rendered.len());
    let mut aliases = Vec::new();
    for ((index, _), (mut post, images, search_text, linked)) in published.iter().zip(rendered) {
        let source = &sources[*index];
        diagnostics.extend(
            post.problems
                .iter()
                .map(|problem| Diagnostic::new(&source.file.path, problem)),
        );
        visit(&source.file, &source.text, &post, &mut diagnostics);
        // The index carries instants, so the app and the feeds need no time-zone database (after
        // the checks, which quote dates as written).
        zone.pin_meta(&mut post.meta);
        let mut entry = PostEntry::from_post(&post, &source.file.rel, &config);
        entry.images = images;
        if !post.meta.aliases.is_empty() {
            aliases.push(Aliases {
                to: entry.slug.clone(),
                file: source.file.path.clone(),
                aliases: post.meta.aliases,
            });
        }
        // A post's problems are for its writer: printed here, and shown on the page in a
        // preview, never to the readers of a published site.
        if !options.preview {
            entry.problems.clear();
        }
        posts.push((entry, Body::new(post.rendered, search_text, linked)));
    }
    posts.sort_by(|(a, _), (b, _)| PostEntry::newest_first(a, b));
    let (entries, bodies): (Vec<PostEntry>, Vec<Body>) = posts.into_iter().unzip();
    let redirects = redirects(&entries, &aliases, &claims, &files, &mut diagnostics);
    // In file order, each file's problems by line, whichever step found them.
    diagnostics.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
    let mut manifest = Manifest::new(config, entries);
    manifest.redirects = redirects
        .iter()
        .map(|redirect| (redirect.from.clone(), redirect.to.clone()))
        .collect();
    Ok(Site {
        post_files: sources.len(),
        files,
        manifest,
        bodies,
        redirects,
        diagnostics,
        drafts,
        scheduled,
    })
}

/// Notes the tags whose page is not named after their whole text: too long for a folder name,
/// or one of Folio's own file names (see [`folio_core::tag_slug`]).
fn tag_names(file: &SourceFile, meta: &folio_core::PostMeta, diagnostics: &mut Vec<Diagnostic>) {
    for tag in &meta.tags {
        if folio_core::slug::tag_slug_is_shortened(tag) {
            let url = paths::tag_url("/", &folio_core::tag_slug(tag));
            diagnostics.push(Diagnostic::warning(
                &file.path,
                1,
                format!(
                    "the tag {tag:?} is too long for a folder name, or one of Folio's own file \
                     names; its page is {url}"
                ),
            ));
        }
    }
}
