//! Folio's pure core: everything between the bytes of a `.md` file and the HTML a reader sees.
//!
//! No file system, no network, no DOM: functions from `&str` to data, so the same code runs in the
//! `folio` CLI (which writes the manifest and per-post shells) and in the browser app (which renders
//! the post), and what the index says is exactly what the reader gets.

pub mod html;
pub mod manifest;
pub mod paths;
pub mod post;
pub mod problem;
pub mod site;

pub use manifest::{MANIFEST_VERSION, Manifest, ManifestError, PostEntry, TagCount};
pub use post::{Post, PostContext};
pub use problem::{Problem, Severity};
pub use site::{SiteConfig, SiteConfigError};
