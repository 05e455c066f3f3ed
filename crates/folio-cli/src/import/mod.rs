//! `folio import`: move the posts of a Hugo, Jekyll, Hexo, Zola or VitePress site into a Folio
//! content folder.
//!
//! Folio reads the front matter of all five as it is, so posts are copied, not converted: only
//! what a generator keeps outside the file (a date in the file name, a drafts folder, a page
//! bundle's images) is written into it or moved next to it. Whatever a generator would have run
//! (shortcodes, Liquid, Vue) is reported with its line, since Folio shows it as text.
//!
//! One module a dialect reads the site ([`source::SourceSite`]), [`post`] converts each post
//! ([`moves`]: its images and links), [`plan`] checks that nothing is overwritten before anything
//! is written.

mod detect;
mod hexo;
mod hugo;
mod jekyll;
mod moves;
mod plan;
mod post;
mod sections;
mod source;
mod syntax;
mod vitepress;
mod zola;

use std::fmt;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use crate::content;
use crate::diagnostic::{Diagnostic, count};
use plan::Plan;
use source::SourceSite;

pub(crate) const ABOUT: &str = "\
Copy the posts of a Hugo, Jekyll, Hexo, Zola or VitePress site into a content folder.

Posts keep their front matter (Folio reads all five dialects); a date in a Jekyll or Zola
file name (2024-03-05-hello.md) moves into the front matter and out of the slug; posts in
_drafts/ get `draft: true`; a Hugo or Zola page bundle (hello/index.md) becomes hello.md
with its images in hello/; a Hexo asset folder moves the same way. Local images a post
shows are copied, and their paths rewritten when they move. Shortcodes, Liquid, Hexo tags,
Vue components and old URLs (aliases, permalink) cannot come along: each is listed as
`file:line:column: warning: …` in the new file. Nothing is overwritten: if any file would
be, nothing is written at all.";

pub(crate) const EXAMPLES: &str = "\
The generator is detected from its files: .vitepress/ (VitePress, also in docs/),
_config.yml with source/_posts/ (Hexo) or _posts/ (Jekyll), hugo.toml or config.toml with
content/ (Hugo; Zola when config.toml has base_url).

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
    if site.posts.is_empty() {
        bail!("found no posts in the {dialect} site {}", root.display());
    }

    let targets: post::Targets = site
        .posts
        .iter()
        .map(|found| (found.source.clone(), found.target.clone()))
        .collect();
    let mut plan = Plan::new(&args.content);
    for found in &site.posts {
        plan.add(post::import(&site, found, &targets)?)?;
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
    let mut notes: Vec<Diagnostic> = site.skipped.clone();
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
    let drafts = plan.posts.iter().filter(|post| post.draft).count();
    let mut posts = count(plan.posts.len(), "post");
    if drafts > 0 {
        posts = format!("{posts} ({})", count(drafts, "draft"));
    }
    eprintln!(
        "folio: {} {posts} and {} from the {dialect} site in {} into {}; {}; next: folio check {}",
        if args.dry_run {
            "would import"
        } else {
            "imported"
        },
        count(plan.copy_count(), "file"),
        root.display(),
        args.content.join("posts").display(),
        count(notes.len(), "warning"),
        args.content.display(),
    );
    Ok(())
}
