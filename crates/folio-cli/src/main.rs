//! `folio`: the command-line side of Folio.
//!
//! `folio index` turns a content folder into what a static host serves next to the app: the
//! manifest (`posts/index.json`), per-post shells so deep links answer 200 without rewrite rules,
//! and `404.html`. `folio check` reports every problem in the content and fails on errors.

mod content;
mod csp;
mod index;
mod shell;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Folio: a Markdown blog rendered in the browser, served from any static host.
#[derive(Debug, Parser)]
#[command(name = "folio", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Write the post index (and, with --shell, the per-page shells) for a content folder.
    ///
    /// Example, as the Trunk hook runs it:
    ///   folio index public --out dist --shell --public-url /blog/
    Index(index::IndexArgs),
    /// Report every problem in a content folder; exit with 1 when any is an error.
    ///
    /// Example: folio check public
    Check {
        /// Content folder laid out like `public/` (posts in `posts/`, optional `site.toml`).
        #[arg(default_value = "public")]
        content: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Index(args) => index::run(&args).map(|_| ExitCode::SUCCESS),
        Command::Check { content } => index::check(&content).map(|errors| {
            if errors == 0 {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("folio: error: {err:#}");
            ExitCode::FAILURE
        }
    }
}
