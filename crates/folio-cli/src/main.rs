//! `folio`: the command-line side of Folio.
//!
//! `folio index` turns a content folder into what a static host serves next to the app: the
//! manifest (`posts/index.json`), per-post shells so deep links answer 200 without rewrite rules,
//! and `404.html`. `folio check` reports every problem in the content and fails on errors.
//! `folio new` starts a post and `folio import` moves posts in from other generators.

mod check;
mod claims;
mod clock;
mod content;
mod csp;
mod diagnostic;
mod feeds;
mod import;
mod index;
mod leftovers;
mod markup;
mod new;
mod output;
mod progress;
mod search;
mod shell;
mod site;
mod slug;
mod zone;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::clock::Clock;

/// Folio: a Markdown blog rendered in the browser, served from any static host.
#[derive(Debug, Parser)]
#[command(
    name = "folio",
    version,
    after_help = "Examples:
  folio new \"My first post\" --tags notes,meta   start a post in public/posts/
  folio check                                   lint every post in public/
  folio import ../old-blog                      move a Hugo, Jekyll, Hexo, Zola or VitePress site in
  folio index public --out dist --shell         what `make build` runs after the wasm build

Run `folio <command> --help` for each command's options and more examples."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The current time as RFC 3339 (`2026-02-13T10:00:00+08:00`), for reproducible tests.
    #[arg(long, global = true, hide = true, env = "FOLIO_NOW", value_parser = clock::parse_now)]
    now: Option<i64>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Start a post: write `posts/<slug>.md` with its front matter filled in.
    #[command(after_help = new::EXAMPLES)]
    New(new::NewArgs),
    /// Lint a content folder: front matter, slugs, dates, links, images, headings, drafts.
    #[command(long_about = check::ABOUT, after_help = check::EXAMPLES)]
    Check(check::CheckArgs),
    /// Write the post index (and, with --shell, the per-page shells) for a content folder.
    #[command(long_about = index::ABOUT, after_help = index::EXAMPLES)]
    Index(index::IndexArgs),
    /// Copy the posts of a Hugo, Jekyll, Hexo, Zola or VitePress site into a content folder.
    #[command(long_about = import::ABOUT, after_help = import::EXAMPLES)]
    Import(import::ImportArgs),
}

/// Exit status when the command could not do its job at all (unreadable folder, bad option);
/// 1 is kept for "ran, and found errors in the content", as linters do.
const FAILED_TO_RUN: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let clock = Clock::new(cli.now);
    let result = match cli.command {
        Command::New(args) => new::run(&args, &clock).map(|()| ExitCode::SUCCESS),
        Command::Check(args) => check::run(&args, &clock).map(exit_code),
        Command::Index(args) => index::run(&args, &clock).map(|_| ExitCode::SUCCESS),
        Command::Import(args) => import::run(&args).map(|()| ExitCode::SUCCESS),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("folio: error: {err:#}");
            ExitCode::from(FAILED_TO_RUN)
        }
    }
}

/// 0 without errors, 1 with.
fn exit_code(errors: usize) -> ExitCode {
    if errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
