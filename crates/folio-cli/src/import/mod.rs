//! `folio import`: move the posts of a Hugo, Jekyll, Hexo, Zola or VitePress site into a Folio
//! content folder.
//!
//! Folio reads the front matter of all five as it is, so posts are copied, not rewritten: what a
//! generator keeps outside the file (a date in the file name, a drafts folder, a page bundle's
//! files, the post's old addresses, the site's settings) is written into it, next to it or into
//! `site.toml`, and the generator tags with a Markdown equivalent are converted. Whatever else a
//! generator would have run (shortcodes, Liquid, Vue) is reported with its line, since Folio
//! shows it as text; `folio check` reports it again on every run.
//!
//! One module a dialect reads the site ([`source::SourceSite`], with [`config`]); every post is
//! read once into the [`catalog`] (its date from [`dates`], old addresses from [`urls`]) so posts
//! can find each other; [`post`] converts each ([`convert`]: tags, [`moves`]: files and links,
//! [`fields`]: front matter); [`plan`] checks that nothing is overwritten before anything is
//! written.

mod catalog;
mod config;
mod convert;
mod dates;
mod detect;
mod fields;
mod hexo;
mod html_refs;
mod hugo;
mod jekyll;
mod moves;
mod pages;
mod paths;
mod plan;
mod post;
mod sections;
mod source;
mod syntax;
mod urls;
mod values;
mod vitepress;
mod zola;

use std::fmt;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use crate::content;
use crate::diagnostic::{Diagnostic, count};
use catalog::{Catalog, Source};
use plan::Plan;
use source::SourceSite;

pub(crate) const ABOUT: &str = "\
Copy the posts of a Hugo, Jekyll, Hexo, Zola or VitePress site into a content folder.

Posts keep their front matter (Folio reads all five dialects; categories become tags). What
the generator kept elsewhere is written into it: a date from the file name
(2024-03-05-hello.md) or Zola's `path`, `draft: true` for _drafts/, and the addresses the
old site published the post at as `aliases`. Hexo's codeblock, blockquote, post_link and
asset_img, Jekyll's highlight, post_url, link and site.baseurl become Markdown; links to
other posts, by file or by old address, become links to their .md file. A page bundle
(hello/index.md) becomes hello.md with its files in hello/; the images and files posts use
(Markdown, raw HTML, cover) are copied and their paths rewritten. The site's title,
description, author, language, time zone and address go into site.toml unless there is one.
Pages that are not posts (section lists, theme home, archive and search pages, what Hugo
never renders) are left out. What stays unconverted is listed as `file:line:column:
warning: …`, and again by every `folio check`. Nothing is overwritten: if any file would
be, nothing is written at all.";

pub(crate) const EXAMPLES: &str = "\
The generator is detected from its files: .vitepress/ (VitePress, also in docs/),
_config.yml with source/_posts/ (Hexo) or _posts/ (Jekyll), hugo.toml, config.toml or
config/_default/ with content/ (Hugo; Zola when config.toml has base_url).

Examples:
  folio import ../old-blog                      detect the generator, import into public/
  folio import ../old-blog --dry-run            show what would be written, write nothing
  folio import ~/sites/notes --from zola --content ../my-blog
  folio import ../old-blog && folio check       then see what Folio thinks of the posts";

/// The generators `folio import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Dialect {
    Hugo,
    Jekyll,
    Hexo,
    Zola,
    #[value(name = "vitepress")]
    VitePress,
}

impl fmt::Display for Dialect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Dialect::Hugo => "Hugo",
            Dialect::Jekyll => "Jekyll",
            Dialect::Hexo => "Hexo",
            Dialect::Zola => "Zola",
            Dialect::VitePress => "VitePress",
        })
    }
}

impl Dialect {
    fn read(self, root: &Path) -> Result<SourceSite> {
        let needs = |dir: &str| -> Result<()> {
            if root.join(dir).is_dir() {
                Ok(())
            } else {
                bail!(
                    "{} has no {dir}/ folder, where a {self} site keeps its posts",
                    root.display()
                )
            }
        };
        match self {
            Dialect::Hugo => needs("content").and_then(|()| hugo::read(root)),
            Dialect::Zola => needs("content").and_then(|()| zola::read(root)),
            Dialect::Jekyll => needs("_posts").and_then(|()| jekyll::read(root)),
            Dialect::Hexo => needs("source/_posts").and_then(|()| hexo::read(root)),
            Dialect::VitePress => vitepress::read(root),
        }
    }
}

/// Arguments of `folio import`.
#[derive(Debug, clap::Args)]
pub(crate) struct ImportArgs {
    /// The other generator's site folder (the one with its configuration file).
    dir: PathBuf,
    /// Which generator built it; detected when left out.
    #[arg(long, value_enum)]
    from: Option<Dialect>,
    /// Content folder to import into (posts go to its `posts/`); created if needed.
    #[arg(long, default_value = "public")]
    content: PathBuf,
    /// Print what would be written and what would not come along; write nothing.
    #[arg(long)]
    dry_run: bool,
}

pub(crate) fn run(args: &ImportArgs) -> Result<()> {
    if !args.dir.is_dir() {
        bail!("{} is not a folder", args.dir.display());
    }
    let (dialect, root) = match args.from {
        Some(Dialect::VitePress) => (
            Dialect::VitePress,
            detect::vitepress_root(&args.dir).unwrap_or_else(|| args.dir.clone()),
        ),
        Some(dialect) => (dialect, args.dir.clone()),
        None => detect::detect(&args.dir)?,
    };
    let site = dialect.read(&root)?;
    let mut notes: Vec<Diagnostic> = site.skipped.clone();
    let mut sources = Vec::new();
    for found in &site.posts {
        let source = Source::read(found)?;
        match pages::not_a_post(&source.fields) {
            Some(why) => notes.push(Diagnostic::warning(
                &found.source,
                1,
                format!("not imported: not a post: {why}"),
            )),
            None => sources.push(source),
        }
    }
    if sources.is_empty() {
        bail!("found no posts in the {dialect} site {}", root.display());
    }
    for source in &mut sources {
        source.find_old_urls(&site);
    }
    let catalog = Catalog::new(&sources);

    let mut plan = Plan::new(&args.content);
    for source in &sources {
        plan.add(post::import(&site, source, &catalog)?)?;
    }
    if !plan.conflicts().is_empty() {
        for conflict in plan.conflicts() {
            eprintln!("folio: {conflict}");
        }
        bail!(
            "nothing was imported: {} would be overwritten or written twice (move them aside, or import into an empty --content folder)",
            count(plan.conflicts().len(), "file")
        );
    }
    let settings = settings(&site, &mut plan, &mut notes);
    for post in &plan.posts {
        let path = plan.post_path(post);
        notes.extend(post.notes.iter().map(|note| Diagnostic::new(&path, note)));
    }
    notes.extend(plan.slug_notes(&content::slugs_in_use(&args.content)?));
    notes.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
    for note in &notes {
        eprintln!("{note}");
    }

    if args.dry_run {
        for line in plan.describe() {
            println!("{line}");
        }
    } else {
        plan.execute()?;
    }
    eprintln!(
        "{}",
        summary(args, dialect, &root, &plan, settings, notes.len())
    );
    Ok(())
}

/// Plans `site.toml` from the source site's settings, unless the content folder has one; notes
/// what could not come. Returns whether it will be written.
fn settings(site: &SourceSite, plan: &mut Plan, notes: &mut Vec<Diagnostic>) -> bool {
    let Some(file) = &site.settings.file else {
        return false;
    };
    let (text, problems) = config::site_toml(&site.settings, &site.dialect.to_string());
    for problem in problems {
        notes.push(Diagnostic::warning(file, 1, format!("settings: {problem}")));
    }
    let Some(text) = text else {
        return false;
    };
    if plan.site_toml(text.clone()) {
        return true;
    }
    let carried: Vec<&str> = text.lines().filter(|line| !line.starts_with('#')).collect();
    notes.push(Diagnostic::warning(
        file,
        1,
        format!(
            "settings not carried over: the content folder has a site.toml already, which was left as it is; add what you want of: {}",
            carried.join("; ")
        ),
    ));
    false
}

/// The last line: what was imported, where, and what to do next.
fn summary(
    args: &ImportArgs,
    dialect: Dialect,
    root: &Path,
    plan: &Plan,
    settings: bool,
    warnings: usize,
) -> String {
    let drafts = plan.posts.iter().filter(|post| post.draft).count();
    let mut posts = count(plan.posts.len(), "post");
    if drafts > 0 {
        posts = format!("{posts} ({})", count(drafts, "draft"));
    }
    let links: usize = plan.posts.iter().map(|post| post.links).sum();
    let aliases: usize = plan.posts.iter().map(|post| post.aliases).sum();
    let settings = if settings {
        format!(
            ", and its settings into {}",
            args.content.join("site.toml").display()
        )
    } else {
        String::new()
    };
    format!(
        "folio: {} {posts} and {} from the {dialect} site in {} into {}{settings}; {} between posts rewritten; {} kept as aliases; {}; next: folio check {}",
        if args.dry_run {
            "would import"
        } else {
            "imported"
        },
        count(plan.copy_count(), "file"),
        root.display(),
        args.content.join("posts").display(),
        count(links, "link"),
        count(aliases, "old URL"),
        count(warnings, "warning"),
        args.content.display(),
    )
}
