//! `folio check`: every problem in a content folder, in a form editors and CI can use.
//!
//! The post-by-post problems come from the same [`load`](crate::site::load) the index uses;
//! this module adds what needs the whole site ([`links`]: links to posts that do not exist,
//! missing images) and what is a matter of style ([`rules`]: skipped heading levels, stale
//! drafts, characters no feed or page may hold).

mod links;
mod output;
mod rules;

use std::path::PathBuf;

use anyhow::{Result, bail};
use folio_core::SiteConfig;

use crate::clock::Clock;
use crate::content;
use crate::site::{self, LoadOptions};
use crate::zone::Zone;

pub(crate) const ABOUT: &str = "\
Lint a content folder: front matter, slugs, dates, links, images, headings, drafts.

Errors (exit status 1): front matter that does not parse, fields that cannot be read (a
date like 2021-13-45), two posts with one slug, links to posts that do not exist (relative
`.md` links and `/posts/<slug>/` links), images that are not on disk, unsafe links and
HTML that the sanitizer removes (scripts, event handlers, frames). Warnings: headings that
skip a level, drafts whose date has passed, characters that feeds and web pages cannot hold
(control characters such as a terminal's colour codes, noncharacters), syntax of another
generator that Folio shows as text (Hugo shortcodes, Liquid, Hexo and Zola tags, kramdown
attribute lists) outside code, and what pages show their own way without telling readers:
VitePress's Vue code (`<script setup>`, components, `{{ expressions }}`, shown as nothing)
and presentational HTML (`<font>`, `style`). Drafts and scheduled posts are checked too.
Exit status 2 means the check could not run.";

pub(crate) const EXAMPLES: &str = "\
Each problem is one line, `path:line:column: severity: message` (no column when it is not
known), which editors, terminals and CI annotations turn into links. --format json prints
one JSON document instead: {\"problems\": [{\"path\", \"line\", \"column\", \"severity\",
\"message\"}], \"summary\": {\"files\", \"posts\", \"errors\", \"warnings\"}}.

Examples:
  folio check                                   the sample blog in public/
  folio check ../my-blog                        a content folder kept elsewhere
  cargo run -p folio-cli -- check public        from a checkout, without installing
  folio check --format json > problems.json     for CI";

/// Arguments of `folio check`.
#[derive(Debug, clap::Args)]
pub(crate) struct CheckArgs {
    /// Content folder laid out like `public/` (posts in `posts/`, optional `site.toml`).
    #[arg(default_value = "public")]
    content: PathBuf,
    /// How to print the problems.
    #[arg(long, value_enum, default_value_t = output::Format::Text)]
    format: output::Format,
    /// Fail (exit status 1) on warnings too, not only on errors: for CI that wants a clean site.
    #[arg(long)]
    strict: bool,
}

/// Checks the folder and prints what it found; returns the number of problems that fail it
/// (errors, and with `--strict` warnings too).
pub(crate) fn run(args: &CheckArgs, clock: &Clock) -> Result<usize> {
    let content = &args.content;
    if !content.is_dir() {
        bail!("the content folder {} does not exist", content.display());
    }
    let mut diagnostics = Vec::new();
    let site = match content::read_site(content)? {
        Ok(site) => site,
        Err(wrong) => {
            diagnostics.push(wrong);
            SiteConfig::default()
        }
    };
    let options = LoadOptions {
        base: "/",
        preview: true,
        clock,
        quiet: false,
    };
    let zone = Zone::of(&site)?;
    let mut posts = Vec::new();
    let loaded = site::load(
        content,
        site.clone(),
        &options,
        |file, text, post, found| {
            rules::headings(file, post, found);
            rules::forbidden_characters(file, text, found);
            rules::leftovers(file, text, found);
            rules::stale_draft(file, text, post, &zone, clock, found);
            posts.push(links::PostRefs::new(file, text, post));
        },
    )?;
    diagnostics.extend(loaded.diagnostics);
    let site_links = links::Site::new(&loaded.files.root, &posts, &loaded.manifest);
    for post in &posts {
        site_links.check(post, &mut diagnostics);
    }
    // Stable: problems of one line keep the order their checks found them in.
    diagnostics.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));

    let summary = output::Summary::new(loaded.post_files, posts.len(), &diagnostics);
    output::print(args.format, &diagnostics, &summary)?;
    Ok(if args.strict {
        summary.errors + summary.warnings
    } else {
        summary.errors
    })
}
