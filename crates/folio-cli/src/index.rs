//! `folio index`: load the site once ([`crate::site`]), report its problems, and write every
//! file the site is served from: the manifest and home page files, the content, the search
//! index, the feeds and sitemap, and (with `--shell`) every page's shell.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use folio_core::{Date, Manifest, paths};

use crate::clock::Clock;
use crate::content;
use crate::diagnostic::{count, tally};
use crate::feeds;
use crate::output;
use crate::shell::{ShellOptions, Shells};
use crate::site::{self, LoadOptions, Site};

pub(crate) const ABOUT: &str = "\
Write the post index (and, with --shell, the per-page shells) for a content folder.

Reads every post under <CONTENT>/posts, prints its problems as `file:line:column:
severity: message`, and writes posts/index.json, newest first, and below posts/pages/ the
same entries a page at a time, each page's own file: the home page's (`<n>.json`,
`posts_per_page` a page), each tag's (`tags/<tag>/<n>.json`), the archive's
(`archive/<n>.json`) and the tag list (`tags.json`). A release
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
    /// Where to write the site files. Without it, only `posts/index.json` and the list page
    /// files (`posts/pages/`) are written, into the content folder. With it, the
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
    /// A preview for writers (development builds): list drafts and scheduled (future-dated)
    /// posts too, and keep each post's problems in the index, so its page shows them. Without
    /// it, problems are printed here and readers never see them.
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

/// `folio index`: load the site, then write everything it is served from.
pub(crate) fn run(args: &IndexArgs, clock: &Clock) -> Result<Site> {
    let started = Instant::now();
    if let Some(out) = &args.out {
        content::check_output_folder(&args.content, out)?;
    }
    let base = paths::normalize_base(&args.public_url);
    let config = content::load_site(&args.content)?;
    let options = LoadOptions {
        base: &base,
        preview: args.preview,
        clock,
        quiet: args.quiet,
    };
    let site = site::load(&args.content, config, &options, |_, _, _, _| {})?;
    for diagnostic in &site.diagnostics {
        eprintln!("{diagnostic}");
    }
    let out = args.out.as_deref().unwrap_or(&args.content);
    let manifest = &site.manifest;
    if out != args.content {
        let published: HashSet<&str> = manifest
            .posts
            .iter()
            .map(|post| post.file.as_str())
            .collect();
        content::copy_content(&site.files, out, &published)?;
    }
    let manifest_path = out.join(paths::MANIFEST_FILE);
    output::write(&manifest_path, manifest.to_json())?;
    write_list_pages(out, manifest)?;
    let feeds_written = write_feeds(&site, out, &base, clock)?;
    if args.out.is_some() {
        crate::search::write(out, &site)?;
    }
    let shells = if args.shell {
        let options = ShellOptions {
            service_worker: args.service_worker,
            csp: args.csp,
        };
        Some(Shells::load(out, &base, &site, options)?.write_all()?)
    } else {
        None
    };
    if !args.quiet {
        let summary = Summary {
            site: &site,
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
    Ok(site)
}

/// Writes the list page files below `posts/pages/` (every page of the home page, of each tag
/// and of the archive: see [`folio_core::ListPage`]) and the tag list, removing the files of
/// an earlier build that this one does not write (a site that shrank, a tag that went, leaves
/// no stale pages behind).
fn write_list_pages(out: &Path, manifest: &Manifest) -> Result<()> {
    let mut written = HashSet::new();
    let mut write = |file: String, json: String| {
        let path = out.join(&file);
        written.insert(path.clone());
        output::write(&path, json)
    };
    write(
        paths::TAG_LIST_FILE.to_owned(),
        manifest.tag_list().to_json(),
    )?;
    let lists = manifest
        .home_pages()
        .chain(manifest.archive_pages())
        .chain(manifest.tag_pages());
    for page in lists {
        write(page.paged().page_file(page.page), page.to_json())?;
    }
    remove_stale(&out.join(paths::LIST_PAGES_DIR), &written)
}

/// Removes the `.json` files below `dir` that are not in `keep`, and the folders left empty.
fn remove_stale(dir: &Path, keep: &HashSet<PathBuf>) -> Result<()> {
    for entry in fs::read_dir(dir).with_context(|| format!("reading folder {}", dir.display()))? {
        let path = entry
            .with_context(|| format!("reading folder {}", dir.display()))?
            .path();
        // Never followed: the build writes no links here.
        let kind = fs::symlink_metadata(&path)
            .with_context(|| format!("reading {}", path.display()))?
            .file_type();
        if kind.is_dir() {
            remove_stale(&path, keep)?;
            if fs::read_dir(&path).is_ok_and(|mut rest| rest.next().is_none()) {
                fs::remove_dir(&path).with_context(|| format!("removing {}", path.display()))?;
            }
        } else if path.extension().is_some_and(|ext| ext == "json") && !keep.contains(&path) {
            fs::remove_file(&path).with_context(|| format!("removing {}", path.display()))?;
        }
    }
    Ok(())
}

/// Writes `robots.txt` (unless the content has its own) and, when the site has a `base_url`,
/// `feed.xml`, `rss.xml` and `sitemap.xml`. Returns whether the feeds were written.
fn write_feeds(site: &Site, out: &Path, base: &str, clock: &Clock) -> Result<bool> {
    let write = |name: &str, text: String| output::write(&out.join(name), text);
    let manifest = &site.manifest;
    let origin = manifest.site.origin_and_path();
    if !site.files.contains("robots.txt") {
        write("robots.txt", feeds::robots(origin))?;
    }
    let Some(origin) = origin else {
        return Ok(false);
    };
    let now = Date::from_timestamp(clock.now(), 0)?;
    let items = feeds::feed_items(site, base, origin);
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
    site: &'a Site,
    tags: usize,
    preview: bool,
    shells: Option<usize>,
    feeds: bool,
}

impl Summary<'_> {
    /// `indexed 7 posts (1 draft, 1 scheduled) and 3 tags`.
    fn head(&self) -> String {
        let site = self.site;
        let mut posts = count(site.manifest.posts.len(), "post");
        let mut kinds = Vec::new();
        if site.drafts > 0 {
            kinds.push(count(site.drafts, "draft"));
        }
        if site.scheduled > 0 {
            kinds.push(format!("{} scheduled", site.scheduled));
        }
        if self.preview && !kinds.is_empty() {
            posts = format!("{posts} ({})", kinds.join(", "));
        }
        format!("indexed {posts} and {}", count(self.tags, "tag"))
    }

    /// `; left out 1 draft and 1 scheduled post; 0 errors, 1 warning; wrote 12 page shells`.
    fn tail(&self) -> String {
        let site = self.site;
        let mut tail = String::new();
        if !self.preview && site.drafts + site.scheduled > 0 {
            let mut left = Vec::new();
            if site.drafts > 0 {
                left.push(count(site.drafts, "draft"));
            }
            if site.scheduled > 0 {
                left.push(count(site.scheduled, "scheduled post"));
            }
            tail.push_str(&format!("; left out {}", left.join(" and ")));
        }
        let (errors, warnings) = tally(&site.diagnostics);
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
