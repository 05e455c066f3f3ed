//! `folio index`: read every post once, report problems, write the manifest (and the shells).
//!
//! [`scan`] is the one pass over a content folder that `folio check` shares, so both commands
//! agree on what a post is, which slug it has and what is wrong with it.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use folio_core::post::{Post, PostContext};
use folio_core::{Date, LinkRef, Manifest, PostEntry, Problem, SiteConfig, paths};

use crate::claims::Claims;
use crate::clock::Clock;
use crate::content::{self, Confined, ContentFiles, SourceFile};
use crate::diagnostic::{Diagnostic, count, tally};
use crate::feeds;
use crate::parallel;
use crate::progress::Progress;
use crate::shell::{ShellOptions, Shells};
use crate::zone::Zone;

pub(crate) const ABOUT: &str = "\
Write the post index (and, with --shell, the per-page shells) for a content folder.

Reads every post under <CONTENT>/posts, prints its problems as `file:line:column:
severity: message`, and writes posts/index.json, newest first, and posts/pages/<n>.json, the
same entries one home page (`posts_per_page`) at a time: all the home page fetches. A release
build leaves out drafts (`draft: true`) and scheduled posts (dated after now, read in the
site's `timezone`), Markdown included; --preview lists both, as `make serve` does. One broken
post never stops the index: only an unreadable folder or site.toml does.";

pub(crate) const EXAMPLES: &str = "\
Examples:
  folio index                                   refresh public/posts/index.json in place
  folio index public --out dist --shell         copy public/ into dist/ and write every page shell
  folio index public --out dist --shell --public-url /blog/ --preview
                                                a development build served under /blog/
  folio index my-blog --quiet                   print problems only";

/// Arguments of `folio index`.
#[derive(Debug, clap::Args)]
pub(crate) struct IndexArgs {
    /// Content folder laid out like `public/` (posts in `posts/`, optional `site.toml`).
    #[arg(default_value = "public")]
    content: PathBuf,
    /// Where to write the site files. Without it, only `posts/index.json` and the home page
    /// files (`posts/pages/<n>.json`) are written, into the content folder. With it, the
    /// content folder is first copied there, and the search index is written to
    /// `<out>/search/`.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Also write the per-page shells (`posts/<slug>/index.html`, tag pages, `404.html`) from the
    /// app shell at `<out>/index.html`, as Trunk's post-build hook does.
    #[arg(long, requires = "out")]
    shell: bool,
    /// Put a Content-Security-Policy into every shell (release builds; Trunk's hook passes it
    /// when `TRUNK_PROFILE=release`). It allows the shell's inline scripts by hash, so it must
    /// not be used where a server injects scripts of its own (`trunk serve`).
    #[arg(long, requires = "shell")]
    csp: bool,
    /// Path the site is served under (`/` or `/blog/`); Trunk's `--public-url`.
    #[arg(long, default_value = "/")]
    public_url: String,
    /// List drafts and scheduled (future-dated) posts too, for development builds.
    #[arg(long, visible_alias = "drafts")]
    preview: bool,
    /// With --shell: write `sw.js`, a service worker that keeps the app shell, the index and
    /// every visited post for offline reading (release builds; a dev server should not cache).
    #[arg(long, requires = "shell")]
    service_worker: bool,
    /// Print problems only: no progress bar, no summary.
    #[arg(long, short)]
    quiet: bool,
}

/// How one pass over the content treats drafts and dates.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ScanOptions<'a> {
    /// Site base path (`/`, `/blog/`), for resolving links while rendering.
    pub(crate) base: &'a str,
    /// List drafts and scheduled posts instead of leaving them out.
    pub(crate) preview: bool,
    pub(crate) clock: &'a Clock,
    /// No progress bar.
    pub(crate) quiet: bool,
}

/// What one pass over the content found.
#[derive(Debug, Default)]
pub(crate) struct Scan {
    pub(crate) site: SiteConfig,
    /// The posts the index lists.
    pub(crate) posts: Vec<PostEntry>,
    /// Drafts found, listed or not.
    pub(crate) drafts: usize,
    /// Posts dated in the future (and not drafts), listed or not.
    pub(crate) scheduled: usize,
    /// Markdown files read.
    pub(crate) files: usize,
    /// Every problem, in file order.
    pub(crate) diagnostics: Vec<Diagnostic>,
}

/// Parses every post under `content`. `visit` sees each post with a usable slug (duplicates
/// included), with its source text, and may add problems of its own.
pub(crate) fn scan(
    content: &ContentFiles,
    site: SiteConfig,
    options: &ScanOptions<'_>,
    mut visit: impl FnMut(&SourceFile, &str, &Post, &mut Vec<Diagnostic>),
) -> Result<Scan> {
    let files = content.posts();
    let mut scan = Scan {
        site,
        files: files.len(),
        diagnostics: content.skipped_warnings().collect(),
        ..Scan::default()
    };
    let zone = Zone::of(&scan.site)?;
    let mut progress = Progress::new(files.len(), "posts", options.quiet);
    let mut claims = Claims::new(content.files_below("posts/"));
    let trust_html = scan.site.trust_html;
    // Reading, parsing and rendering each post is independent: on every core. What the posts
    // mean together (duplicate slugs, drafts, order) is decided here, one post at a time.
    parallel::for_each_ordered(
        &files,
        |file| read_and_parse(&content.root, file, options.base, trust_html),
        |file, parsed| {
            progress.tick();
            let Parsed {
                text,
                valid_utf8,
                mut post,
                images,
            } = parsed?;
            if !admit(file, &post, valid_utf8, &mut scan.diagnostics) {
                return Ok(());
            }
            let scheduled = post
                .meta
                .date
                .is_some_and(|date| options.clock.is_future(&date, &zone));
            if post.meta.draft {
                scan.drafts += 1;
            } else if scheduled {
                scan.scheduled += 1;
            }
            // Only posts this build publishes claim a URL: a draft must not push a published
            // post off its own.
            let published = options.preview || !(post.meta.draft || scheduled);
            if published {
                let claim = claims.claim(&post.slug, &file.rel);
                if let Some(moved) = claim.moved {
                    scan.diagnostics
                        .push(Diagnostic::error(&file.path, 1, moved));
                }
                post.slug = claim.slug;
                tag_names(file, &post, &mut scan.diagnostics);
            }
            visit(file, &text, &post, &mut scan.diagnostics);
            if !published {
                return Ok(());
            }
            // The index carries instants, so the app and the feeds need no time-zone database.
            zone.pin_meta(&mut post.meta);
            let mut entry = PostEntry::from_post(&post, &file.rel, &scan.site);
            entry.images = images;
            scan.posts.push(entry);
            Ok::<(), anyhow::Error>(())
        },
    )?;
    progress.finish();
    Ok(scan)
}

/// Notes the tags whose page is not named after their whole text: too long for a folder name,
/// or one of Folio's own file names (see [`folio_core::tag_slug`]).
fn tag_names(file: &SourceFile, post: &Post, diagnostics: &mut Vec<Diagnostic>) {
    for tag in &post.meta.tags {
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

/// Pixel sizes of the images a post shows from the site's own `posts/` folder, by path below
/// it. Missing or unreadable images are simply not measured (`folio check` reports them). The
/// path is decoded before it is confined, so `%2e%2e` or `%2F` cannot climb out of the content
/// folder, and only regular files are opened (a FIFO would block the build).
fn measure_images(
    content: &Confined,
    base: &str,
    file: &str,
    images: &[LinkRef],
) -> BTreeMap<String, [u32; 2]> {
    let folder = paths::post_folder_url(base, file);
    let prefix = format!("{base}posts/");
    let mut sizes = BTreeMap::new();
    for image in images {
        let resolved = folio_core::url::resolve(&folder, &image.url);
        let path = resolved.split(['?', '#']).next().unwrap_or_default();
        let decoded = folio_core::url::percent_decode(path);
        let Some(below) = decoded.strip_prefix(&prefix) else {
            continue;
        };
        if sizes.contains_key(below) {
            continue;
        }
        if let Some((width, height)) = content
            .regular_file(&format!("posts/{below}"))
            .and_then(|path| read_head(&path))
            .as_deref()
            .and_then(folio_core::image_size::dimensions)
        {
            sizes.insert(below.to_owned(), [width, height]);
        }
    }
    sizes
}

/// The first 256 KiB of a regular file: enough for any image header (JPEG's can follow large
/// EXIF data). Opened without blocking, and refused unless it is a regular file once open, so a
/// path swapped for a FIFO since it was checked cannot hang the build.
fn read_head(path: &Path) -> Option<Vec<u8>> {
    use std::io::Read as _;
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = options.open(path).ok()?;
    if !file.metadata().ok()?.is_file() {
        return None;
    }
    let mut head = Vec::new();
    file.take(256 * 1024).read_to_end(&mut head).ok()?;
    Some(head)
}

/// One post file read, parsed and rendered, with the sizes of its own images.
struct Parsed {
    text: String,
    valid_utf8: bool,
    post: Post,
    images: BTreeMap<String, [u32; 2]>,
}

/// The part of scanning a post that needs no other post (run on any core).
fn read_and_parse(
    content: &Confined,
    file: &SourceFile,
    base: &str,
    trust_html: bool,
) -> Result<Parsed> {
    let (text, valid_utf8) = content::read_post(file)?;
    let post = Post::parse(
        &text,
        &PostContext {
            base,
            file: &file.rel,
            trust_html,
            post_link: None,
            image_size: None,
            text: folio_core::i18n::english(),
        },
    );
    let images = measure_images(content, base, &file.rel, &post.rendered.images);
    Ok(Parsed {
        text,
        valid_utf8,
        post,
        images,
    })
}

/// Reports a post's problems; false when it cannot be listed at all (a file name or slug the
/// app would refuse to fetch).
fn admit(
    file: &SourceFile,
    post: &Post,
    valid_utf8: bool,
    diagnostics: &mut Vec<Diagnostic>,
) -> bool {
    if !valid_utf8 {
        diagnostics.push(Diagnostic::error(
            &file.path,
            1,
            "the file is not valid UTF-8; invalid bytes were replaced",
        ));
    }
    diagnostics.extend(
        post.problems
            .iter()
            .map(|problem| Diagnostic::new(&file.path, problem)),
    );
    // The app refuses to fetch a path that fails this check, so such a post could never be read.
    if let Err(err) = paths::validate_post_file(&file.rel) {
        diagnostics.push(Diagnostic::new(
            &file.path,
            &Problem::error(1, format!("{err}; this post is left out of the index")),
        ));
        return false;
    }
    if let Err(err) = paths::validate_slug(&post.slug) {
        diagnostics.push(Diagnostic::new(
            &file.path,
            &Problem::error(1, format!("{err}; this post is left out of the index")),
        ));
        return false;
    }
    true
}

/// `folio index`: scan, write the manifest, and optionally copy content and write shells.
pub(crate) fn run(args: &IndexArgs, clock: &Clock) -> Result<Scan> {
    let started = Instant::now();
    if let Some(out) = &args.out {
        content::check_output_folder(&args.content, out)?;
    }
    let base = paths::normalize_base(&args.public_url);
    let site = content::load_site(&args.content)?;
    let files = ContentFiles::read(&args.content)?;
    let options = ScanOptions {
        base: &base,
        preview: args.preview,
        clock,
        quiet: args.quiet,
    };
    let scan = scan(&files, site, &options, |_, _, _, _| {})?;
    for diagnostic in &scan.diagnostics {
        eprintln!("{diagnostic}");
    }
    let out = args.out.as_deref().unwrap_or(&args.content);
    if out != args.content {
        let published = scan.posts.iter().map(|post| post.file.as_str()).collect();
        content::copy_content(&files, out, &published)?;
    }
    let manifest = Manifest::new(scan.site.clone(), scan.posts.clone());
    let manifest_path = out.join("posts").join("index.json");
    fs::create_dir_all(out.join("posts"))
        .with_context(|| format!("creating {}", out.join("posts").display()))?;
    fs::write(&manifest_path, manifest.to_json())
        .with_context(|| format!("writing {}", manifest_path.display()))?;
    write_home_pages(out, &manifest)?;
    let feeds_written = write_feeds(&args.content, out, &manifest, clock)?;
    if args.out.is_some() {
        crate::search::write(&args.content, out, &manifest)?;
    }
    let shells = if args.shell {
        Some(
            Shells::load(
                out,
                &args.content,
                &base,
                &manifest,
                ShellOptions {
                    service_worker: args.service_worker,
                    csp: args.csp,
                },
            )?
            .write_all()?,
        )
    } else {
        None
    };
    if !args.quiet {
        let summary = Summary {
            scan: &scan,
            tags: manifest.tags().len(),
            preview: args.preview,
            shells,
            feeds: feeds_written,
        };
        eprintln!(
            "folio: {} in {:.2} s{}",
            summary.head(),
            started.elapsed().as_secs_f64(),
            summary.tail()
        );
    }
    Ok(scan)
}

/// Folder of the home page files below the site root.
pub(crate) const HOME_PAGES_DIR: &str = "posts/pages";

/// Writes `posts/pages/<n>.json` for every home page (see [`folio_core::HomePage`]), replacing
/// the page files of an earlier build (a site that shrank leaves no stale pages behind).
fn write_home_pages(out: &Path, manifest: &Manifest) -> Result<()> {
    let dir = out.join(HOME_PAGES_DIR);
    fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    for entry in fs::read_dir(&dir).with_context(|| format!("reading folder {}", dir.display()))? {
        let entry = entry.with_context(|| format!("reading folder {}", dir.display()))?;
        let name = entry.file_name();
        let ours = name
            .to_str()
            .and_then(|name| name.strip_suffix(".json"))
            .is_some_and(|stem| !stem.is_empty() && stem.bytes().all(|b| b.is_ascii_digit()));
        if ours {
            fs::remove_file(entry.path())
                .with_context(|| format!("removing {}", entry.path().display()))?;
        }
    }
    for page in manifest.home_pages() {
        let path = dir.join(format!("{}.json", page.page));
        fs::write(&path, page.to_json()).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}

/// Writes `robots.txt` (unless the content has its own) and, when the site has a `base_url`,
/// `feed.xml`, `rss.xml` and `sitemap.xml`. Returns whether the feeds were written.
fn write_feeds(content: &Path, out: &Path, manifest: &Manifest, clock: &Clock) -> Result<bool> {
    let write = |name: &str, text: String| {
        let path = out.join(name);
        fs::write(&path, text).with_context(|| format!("writing {}", path.display()))
    };
    let origin = manifest.site.origin_and_path();
    if !content.join("robots.txt").exists() {
        write("robots.txt", feeds::robots(origin))?;
    }
    let Some(origin) = origin else {
        return Ok(false);
    };
    let now = Date::from_timestamp(clock.now(), 0)?;
    let items = feeds::feed_items(content, manifest, origin, manifest.site.feed_limit)?;
    write(
        "feed.xml",
        feeds::atom(manifest, origin, &items, &now.rfc3339(0)),
    )?;
    write(
        "rss.xml",
        feeds::rss(manifest, origin, &items, &now.rfc2822(0)),
    )?;
    write("sitemap.xml", feeds::sitemap(manifest, origin))?;
    Ok(true)
}

/// The one line `folio index` ends with.
#[derive(Debug)]
struct Summary<'a> {
    scan: &'a Scan,
    tags: usize,
    preview: bool,
    shells: Option<usize>,
    feeds: bool,
}

impl Summary<'_> {
    /// `indexed 7 posts (1 draft, 1 scheduled) and 3 tags`.
    fn head(&self) -> String {
        let scan = self.scan;
        let mut posts = count(scan.posts.len(), "post");
        let mut kinds = Vec::new();
        if scan.drafts > 0 {
            kinds.push(count(scan.drafts, "draft"));
        }
        if scan.scheduled > 0 {
            kinds.push(format!("{} scheduled", scan.scheduled));
        }
        if self.preview && !kinds.is_empty() {
            posts = format!("{posts} ({})", kinds.join(", "));
        }
        format!("indexed {posts} and {}", count(self.tags, "tag"))
    }

    /// `; left out 1 draft and 1 scheduled post; 0 errors, 1 warning; wrote 12 page shells`.
    fn tail(&self) -> String {
        let scan = self.scan;
        let mut tail = String::new();
        if !self.preview && scan.drafts + scan.scheduled > 0 {
            let mut left = Vec::new();
            if scan.drafts > 0 {
                left.push(count(scan.drafts, "draft"));
            }
            if scan.scheduled > 0 {
                left.push(count(scan.scheduled, "scheduled post"));
            }
            tail.push_str(&format!("; left out {}", left.join(" and ")));
        }
        let (errors, warnings) = tally(&scan.diagnostics);
        tail.push_str(&format!(
            "; {}, {}",
            count(errors, "error"),
            count(warnings, "warning")
        ));
        if let Some(shells) = self.shells {
            tail.push_str(&format!("; wrote {}", count(shells, "page shell")));
        }
        if !self.feeds {
            tail.push_str("; no feeds or sitemap without base_url in site.toml");
        }
        tail
    }
}
