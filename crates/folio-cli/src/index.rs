//! `folio index` and `folio check`: read every post once, report problems, write the manifest.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use folio_core::post::{Post, PostContext};
use folio_core::{Manifest, PostEntry, Problem, Severity, SiteConfig, paths};

use crate::content::{self, SourceFile};
use crate::shell::Shells;

/// Arguments of `folio index`.
#[derive(Debug, clap::Args)]
pub(crate) struct IndexArgs {
    /// Content folder laid out like `public/` (posts in `posts/`, optional `site.toml`).
    #[arg(default_value = "public")]
    content: PathBuf,
    /// Where to write the site files. Without it, only `posts/index.json` is written, into the
    /// content folder. With it, the content folder is first copied there.
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
    /// List draft posts too (development builds).
    #[arg(long)]
    drafts: bool,
    /// Print problems only, no summary.
    #[arg(long, short)]
    quiet: bool,
}

/// What one pass over the content found.
#[derive(Debug, Default)]
pub(crate) struct Scan {
    pub(crate) site: SiteConfig,
    pub(crate) posts: Vec<PostEntry>,
    /// Draft files left out of the index, so they are left out of the published files too.
    pub(crate) drafts_skipped: Vec<PathBuf>,
    pub(crate) errors: usize,
    pub(crate) warnings: usize,
}

/// Parses every post under `content`, printing each problem as `file:line: severity: message`.
pub(crate) fn scan(content: &Path, base: &str, include_drafts: bool) -> Result<Scan> {
    let site = content::load_site(content)?;
    let files = content::scan_posts(content)?;
    let mut scan = Scan {
        site,
        ..Scan::default()
    };
    let mut seen: HashMap<String, String> = HashMap::new();
    for file in &files {
        let Some(post) = parse_file(file, base, &mut scan)? else {
            continue;
        };
        if let Some(first) = seen.get(&post.slug) {
            report(
                &mut scan,
                file,
                &Problem::error(
                    1,
                    format!(
                        "slug {:?} is already used by {first}; this post is left out of the index",
                        post.slug
                    ),
                ),
            );
            continue;
        }
        seen.insert(post.slug.clone(), file.rel.clone());
        if post.meta.draft && !include_drafts {
            scan.drafts_skipped.push(file.path.clone());
            continue;
        }
        scan.posts
            .push(PostEntry::from_post(&post, &file.rel, &scan.site));
    }
    Ok(scan)
}

fn parse_file(file: &SourceFile, base: &str, scan: &mut Scan) -> Result<Option<Post>> {
    let (text, valid_utf8) = content::read_post(file)?;
    if !valid_utf8 {
        report(
            scan,
            file,
            &Problem::error(
                1,
                "the file is not valid UTF-8; invalid bytes were replaced",
            ),
        );
    }
    let post = Post::parse(
        &text,
        &PostContext {
            base,
            file: &file.rel,
            trust_html: scan.site.trust_html,
            post_link: None,
        },
    );
    for problem in &post.problems {
        report(scan, file, problem);
    }
    // The app refuses to fetch a path that fails this check, so such a post could never be read.
    if let Err(err) = paths::validate_post_file(&file.rel) {
        report(
            scan,
            file,
            &Problem::error(1, format!("{err}; this post is left out of the index")),
        );
        return Ok(None);
    }
    if let Err(err) = paths::validate_slug(&post.slug) {
        report(
            scan,
            file,
            &Problem::error(1, format!("{err}; this post is left out of the index")),
        );
        return Ok(None);
    }
    Ok(Some(post))
}

fn report(scan: &mut Scan, file: &SourceFile, problem: &Problem) {
    let label = match problem.severity {
        Severity::Error => {
            scan.errors += 1;
            "error"
        }
        Severity::Warning => {
            scan.warnings += 1;
            "warning"
        }
    };
    eprintln!(
        "{}:{}: {label}: {}",
        file.path.display(),
        problem.line,
        problem.message
    );
}

/// `folio index`: scan, write the manifest, and optionally copy content and write shells.
pub(crate) fn run(args: &IndexArgs) -> Result<Scan> {
    let started = Instant::now();
    let base = paths::normalize_base(&args.public_url);
    let scan = scan(&args.content, &base, args.drafts)?;
    let out = args.out.as_deref().unwrap_or(&args.content);
    if out != args.content {
        let drafts = scan.drafts_skipped.iter().cloned().collect();
        content::copy_content(&args.content, out, &drafts)?;
    }
    let manifest = Manifest::new(scan.site.clone(), scan.posts.clone());
    let manifest_path = out.join("posts").join("index.json");
    fs::create_dir_all(out.join("posts"))
        .with_context(|| format!("creating {}", out.join("posts").display()))?;
    fs::write(&manifest_path, manifest.to_json())
        .with_context(|| format!("writing {}", manifest_path.display()))?;
    let mut shells_written = 0;
    if args.shell {
        shells_written = Shells::load(out, &base, &manifest, args.csp)?.write_all()?;
    }
    if !args.quiet {
        let mut facts = vec![
            count(manifest.tags().len(), "tag"),
            count(scan.errors, "error"),
            count(scan.warnings, "warning"),
        ];
        if !scan.drafts_skipped.is_empty() {
            facts.push(format!(
                "{} left out",
                count(scan.drafts_skipped.len(), "draft")
            ));
        }
        if args.shell {
            facts.push(count(shells_written, "page shell"));
        }
        eprintln!(
            "folio: indexed {} ({}) in {:.2} s",
            count(manifest.posts.len(), "post"),
            facts.join(", "),
            started.elapsed().as_secs_f64(),
        );
    }
    Ok(scan)
}

/// `folio check`: scan and count errors (drafts included: they are content too).
pub(crate) fn check(content: &Path) -> Result<usize> {
    let scan = scan(content, "/", true)?;
    eprintln!(
        "folio: checked {}: {}, {}",
        count(scan.posts.len(), "post"),
        count(scan.errors, "error"),
        count(scan.warnings, "warning"),
    );
    Ok(scan.errors)
}

/// `1 post`, `2 posts`.
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
