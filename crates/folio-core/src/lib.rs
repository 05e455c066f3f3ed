//! Folio's pure core: everything between the bytes of a `.md` file and the HTML a reader sees.
//!
//! No file system, no network, no DOM: functions from `&str` to data, so the same code runs in the
//! `folio` CLI (which writes the manifest and per-post shells) and in the browser app (which renders
//! the post), and what the index says is exactly what the reader gets.

pub mod problem;

pub use problem::{Problem, Severity};

pub mod cjk;
mod escape;
pub mod excerpt;
pub mod markdown;
pub mod reading_time;
pub mod sanitize;
pub mod slug;
pub mod url;

pub use markdown::{Heading, PostLink, RenderOptions, Rendered, render};
pub use reading_time::ReadingTime;
pub use sanitize::sanitize_fragment;
pub use slug::{heading_id, tag_slug};
