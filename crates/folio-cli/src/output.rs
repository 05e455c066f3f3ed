//! Writing the files of the built site.

use std::fs;
use std::io::ErrorKind;
use std::path::Path;

use anyhow::{Context, Result};

/// Writes `bytes` to `path`, making its folder first.
///
/// A file that already holds exactly these bytes (an earlier build's, unchanged) is left alone.
/// One that differs is removed and written anew rather than truncated and rewritten: ext4 flushes
/// a truncated file's new data at once (`auto_da_alloc`), which made `folio index` over an
/// earlier build's folder (`make bench`'s repeated runs, a writer's `folio index --out`) about
/// twice as slow as into an empty one. A new file also never writes through a hard link into
/// another file.
pub(crate) fn write(path: &Path, bytes: impl AsRef<[u8]>) -> Result<()> {
    let bytes = bytes.as_ref();
    match fs::read(path) {
        Ok(old) if old == bytes => return Ok(()),
        Ok(_) => fs::remove_file(path).with_context(|| format!("replacing {}", path.display()))?,
        Err(err) if err.kind() == ErrorKind::NotFound => {
            if let Some(dir) = path.parent() {
                fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
            }
        }
        // A folder or an unreadable file where the build writes: the write says what is wrong.
        Err(_) => {}
    }
    fs::write(path, bytes).with_context(|| format!("writing {}", path.display()))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn writes_new_files_replaces_changed_ones_and_leaves_equal_ones() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b/page.html");
        write(&path, "one").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "one");

        // Equal bytes: the very same file, untouched.
        let before = fs::metadata(&path).unwrap().modified().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        write(&path, "one").unwrap();
        assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), before);

        // Changed bytes through a hard link: the linked file keeps its own.
        let linked = dir.path().join("linked.md");
        fs::hard_link(&path, &linked).unwrap();
        write(&path, "two, longer").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "two, longer");
        assert_eq!(fs::read_to_string(&linked).unwrap(), "one");
    }

    #[test]
    fn a_folder_where_a_file_goes_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("index.json");
        fs::create_dir(&path).unwrap();
        let err = format!("{:#}", write(&path, "{}").unwrap_err());
        assert!(err.contains("index.json"), "{err}");
    }
}
