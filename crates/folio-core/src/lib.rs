//! Folio's pure core: everything between the bytes of a `.md` file and the HTML a reader sees.
//!
//! No file system, no network, no DOM: functions from `&str` to data, so the same code runs in the
//! `folio` CLI (which writes the manifest and per-post shells) and in the browser app (which renders
//! the post), and what the index says is exactly what the reader gets.

mod bytes;
pub mod chars;
pub mod cjk;
pub mod date;
pub mod document;
pub mod emoji;
pub mod excerpt;
pub mod extras;
pub mod front_matter;
pub mod highlight;
pub mod html;
pub mod i18n;
pub mod ids;
pub mod image_size;
pub mod json;
pub mod manifest;
pub mod markdown;
pub mod math;
pub mod meta;
mod order;
pub mod paths;
mod plain;
pub mod post;
pub mod problem;
pub mod reading_time;
pub mod sanitize;
pub mod search;
pub mod site;
pub mod slug;
pub mod url;
pub mod value;

pub use date::{Date, DateError};
pub use document::{Document, parse_document};
pub use front_matter::{FrontMatterError, FrontMatterFormat};
pub use manifest::{
    ARCHIVE_PER_PAGE, LIST_PAGE_VERSION, ListKind, ListPage, MANIFEST_VERSION, Manifest,
    ManifestError, POST_DATA_VERSION, PostData, PostEntry, PostLinks, TagCount, TagList,
};
pub use markdown::{Heading, ImageSize, LinkRef, PostLink, RenderOptions, Rendered, render};
pub use meta::PostMeta;
pub use post::{Post, PostContext};
pub use problem::{Problem, Severity};
pub use reading_time::ReadingTime;
pub use sanitize::sanitize_fragment;
pub use site::{NavLink, SiteConfig, SiteConfigError, SiteZone, SlugStyle, Theme};
pub use slug::{heading_id, tag_slug};
pub use value::{Map, Value};
