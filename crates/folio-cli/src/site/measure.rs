//! The pixel sizes of a post's own images, measured while it renders, so its `<img>` tags get
//! `width` and `height` (the page reserves their space before they load) and the index records
//! the same sizes for the app.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fs;
use std::io::Read as _;
use std::path::Path;

use crate::content::Confined;

/// Sizes of one post's images, by path below `posts/`, as the renderer asked for them.
#[derive(Debug)]
pub(super) struct ImageSizes<'a> {
    content: &'a Confined,
    /// `{base}posts/`: images below it are the site's own.
    prefix: String,
    found: RefCell<BTreeMap<String, [u32; 2]>>,
}

impl<'a> ImageSizes<'a> {
    pub(super) fn new(content: &'a Confined, base: &str) -> Self {
        Self {
            content,
            prefix: format!("{base}posts/"),
            found: RefCell::new(BTreeMap::new()),
        }
    }

    /// The size of the image the renderer resolved to `url`, when it is a file of the site's
    /// `posts/` folder that can be measured. The path is decoded before it is confined, so
    /// `%2e%2e` or `%2F` cannot climb out of the content folder; only regular files are opened
    /// (a FIFO would block the build). Missing or unreadable images are not measured (`folio
    /// check` reports them).
    pub(super) fn size(&self, url: &str) -> Option<(u32, u32)> {
        let path = url.split(['?', '#']).next().unwrap_or_default();
        let decoded = folio_core::url::percent_decode(path);
        let below = decoded.strip_prefix(&self.prefix)?;
        if let Some(&[width, height]) = self.found.borrow().get(below) {
            return Some((width, height));
        }
        let (width, height) = self
            .content
            .regular_file(&format!("posts/{below}"))
            .and_then(|path| read_head(&path))
            .as_deref()
            .and_then(folio_core::image_size::dimensions)?;
        self.found
            .borrow_mut()
            .insert(below.to_owned(), [width, height]);
        Some((width, height))
    }

    /// Everything measured, for the post's index entry.
    pub(super) fn into_map(self) -> BTreeMap<String, [u32; 2]> {
        self.found.into_inner()
    }
}

/// The first 256 KiB of a regular file: enough for any image header (JPEG's can follow large
/// EXIF data). Opened without blocking, and refused unless it is a regular file once open, so a
/// path swapped for a FIFO since it was checked cannot hang the build.
fn read_head(path: &Path) -> Option<Vec<u8>> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = options.open(path).ok()?;
    if !file.metadata().ok()?.is_file() {
        return None;
    }
    let mut head = Vec::new();
    file.take(256 * 1024).read_to_end(&mut head).ok()?;
    Some(head)
}
