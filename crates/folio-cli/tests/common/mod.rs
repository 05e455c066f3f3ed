//! Running the `folio` binary on fixture folders, and turning what it did into text that insta
//! snapshots can hold.

#![allow(dead_code, clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};

/// The fixed "now" every test runs at: 2026-02-13, 10:00 UTC (18:00 in +08:00).
pub(crate) const NOW: &str = "2026-02-13T10:00:00Z";

/// What one run of `folio` did.
#[derive(Debug)]
pub(crate) struct Run {
    pub(crate) code: i32,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

impl Run {
    /// Exit status, stdout and stderr, for a snapshot.
    pub(crate) fn transcript(&self) -> String {
        format!(
            "exit: {}\n--- stdout\n{}--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

/// Runs `folio args…` in `dir` with the clock fixed at [`NOW`].
pub(crate) fn folio(dir: &Path, args: &[&str]) -> Run {
    let output = assert_cmd::cargo::cargo_bin_cmd!("folio")
        .current_dir(dir)
        .env("FOLIO_NOW", NOW)
        .args(args)
        .output()
        .unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

/// `tests/fixtures/<name>`.
pub(crate) fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A fresh temporary folder holding a copy of `tests/fixtures/<name>` under the same last name
/// (so paths in output read `site/posts/a.md`).
pub(crate) fn workspace(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = fixture(name);
    let last = from.file_name().unwrap();
    copy_tree(&from, &dir.path().join(last));
    dir
}

pub(crate) fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Every file under `dir`, sorted: Markdown and TOML with their text, anything else with its
/// size.
pub(crate) fn tree(dir: &Path) -> String {
    let mut files = Vec::new();
    collect(dir, dir, &mut files);
    files.sort();
    let mut out = String::new();
    for rel in files {
        let path = dir.join(&rel);
        if rel.ends_with(".md") || rel.ends_with(".markdown") || rel.ends_with(".toml") {
            out.push_str(&format!("== {rel}\n{}", fs::read_to_string(&path).unwrap()));
        } else {
            out.push_str(&format!(
                "== {rel} ({} bytes)\n",
                fs::metadata(&path).unwrap().len()
            ));
        }
    }
    out
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<String>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(root, &path, files);
        } else {
            let rel = path.strip_prefix(root).unwrap();
            let parts: Vec<&str> = rel
                .components()
                .map(|c| c.as_os_str().to_str().unwrap())
                .collect();
            files.push(parts.join("/"));
        }
    }
}
