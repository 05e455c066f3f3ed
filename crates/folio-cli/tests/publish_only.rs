//! The build publishes only what the writer meant to publish: no file from outside the content
//! folder (through a symbolic link or an image path), and no post that is not published (draft,
//! scheduled, rejected), in any form. Each test plants a marker string where it must not go and
//! scans every file `folio index` wrote for it.

#![allow(clippy::unwrap_used)]

mod common;

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::NOW;

const APP_SHELL: &str = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Folio</title>\n</head>\n<body></body>\n</html>\n";

/// Runs `folio <args>` with the fixed clock and `env`, failing the test if it takes more than a
/// minute (a blocked read would hang forever); returns (success, what it printed).
fn folio(args: &[&str], env: &[(&str, &str)]) -> (bool, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .env("FOLIO_NOW", NOW)
        .envs(env.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("folio {args:?} was still running after a minute: a read blocked");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut printed = String::new();
    std::io::Read::read_to_string(&mut child.stdout.take().unwrap(), &mut printed).unwrap();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut printed).unwrap();
    (status.success(), printed)
}

/// `folio index <content> --out <out> --shell`, as a release build runs it.
fn build(content: &Path, out: &Path, env: &[(&str, &str)]) -> String {
    fs::create_dir_all(out).unwrap();
    fs::write(out.join("index.html"), APP_SHELL).unwrap();
    let (ok, stderr) = folio(
        &[
            "index",
            content.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--shell",
        ],
        env,
    );
    assert!(ok, "folio index failed:\n{stderr}");
    stderr
}

/// Every file under `dir` that contains `marker`.
fn files_containing(dir: &Path, marker: &str) -> Vec<String> {
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let bytes = fs::read(entry.path()).unwrap();
            if bytes.windows(marker.len()).any(|w| w == marker.as_bytes()) {
                found.push(
                    entry
                        .path()
                        .strip_prefix(dir)
                        .unwrap()
                        .display()
                        .to_string(),
                );
            }
        }
    }
    found
}

/// A content folder with a site address (so feeds and the sitemap are written too) and one
/// ordinary post, beside a folder `outside` it must never publish from.
fn site() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    fs::create_dir_all(content.join("posts")).unwrap();
    fs::create_dir_all(dir.path().join("outside/folder")).unwrap();
    fs::write(
        content.join("site.toml"),
        "title = \"T\"\nbase_url = \"https://example.org/\"\n",
    )
    .unwrap();
    fs::write(
        content.join("posts/ordinary.md"),
        "---\ntitle: Ordinary\ndate: 2026-01-01\n---\nHello.\n",
    )
    .unwrap();
    (dir, content)
}

#[test]
fn links_out_of_the_content_folder_are_skipped_with_a_warning() {
    let (dir, content) = site();
    let outside = dir.path().join("outside");
    let posts = content.join("posts");
    fs::write(outside.join("secret.md"), "# OUTSIDE-MARKER secret\n").unwrap();
    fs::write(outside.join("secret.txt"), "OUTSIDE-MARKER text").unwrap();
    fs::write(outside.join("folder/inner.md"), "# OUTSIDE-MARKER inner\n").unwrap();
    symlink(outside.join("secret.md"), posts.join("leak.md")).unwrap();
    symlink("/proc/self/environ", posts.join("env.md")).unwrap();
    symlink(outside.join("secret.txt"), content.join("notes.txt")).unwrap();
    symlink(outside.join("folder"), posts.join("linked-folder")).unwrap();
    symlink(&outside, content.join("assets")).unwrap();
    // A link that stays inside is an ordinary alias.
    symlink(posts.join("ordinary.md"), posts.join("alias.md")).unwrap();

    let out = dir.path().join("dist");
    let env = [("FOLIO_TEST_SECRET", "OUTSIDE-MARKER-FROM-ENV")];
    let stderr = build(&content, &out, &env);
    assert_eq!(
        files_containing(&out, "OUTSIDE-MARKER"),
        Vec::<String>::new()
    );
    for link in [
        "posts/leak.md",
        "posts/env.md",
        "notes.txt",
        "posts/linked-folder",
        "assets",
    ] {
        let named = stderr
            .lines()
            .any(|line| line.contains(link) && line.contains("outside"));
        assert!(named, "no warning names {link}:\n{stderr}");
    }
    let manifest = fs::read_to_string(out.join("posts/index.json")).unwrap();
    assert!(manifest.contains("\"alias.md\""), "{manifest}");

    // `folio check` reads the same files, and says the same.
    let (_, check) = folio(&["check", content.to_str().unwrap()], &env);
    assert!(!check.contains("OUTSIDE-MARKER"), "{check}");
    assert!(check.contains("posts/leak.md"), "{check}");
}

#[test]
fn posts_that_are_not_published_appear_in_no_form() {
    let (dir, content) = site();
    let posts = content.join("posts");
    let unpublished = [
        // A draft whose file name the index refuses (`#`, `?`) before it sees the draft flag.
        (
            "draft#1.md",
            "---\ntitle: UNPUBLISHED-MARKER a\ndraft: true\n---\nUNPUBLISHED-MARKER\n",
        ),
        (
            "draft?.md",
            "---\ntitle: UNPUBLISHED-MARKER b\ndraft: true\n---\nUNPUBLISHED-MARKER\n",
        ),
        // Scheduled, with an odd name.
        (
            "later#.md",
            "---\ntitle: UNPUBLISHED-MARKER c\ndate: 2099-01-01\n---\nUNPUBLISHED-MARKER\n",
        ),
        (
            "later.md",
            "---\ntitle: UNPUBLISHED-MARKER d\ndate: 2099-01-01\n---\nUNPUBLISHED-MARKER\n",
        ),
        // A draft whose slug another post already has.
        (
            "z-draft.md",
            "---\ntitle: UNPUBLISHED-MARKER e\nslug: ordinary\ndraft: true\n---\nUNPUBLISHED-MARKER\n",
        ),
    ];
    for (name, text) in unpublished {
        fs::write(posts.join(name), text).unwrap();
    }
    let out = dir.path().join("dist");
    build(&content, &out, &[]);
    assert_eq!(
        files_containing(&out, "UNPUBLISHED-MARKER"),
        Vec::<String>::new()
    );
    assert!(out.join("posts/ordinary.md").exists());
    assert!(out.join("posts/ordinary/index.html").exists());
}

/// A 3×2 PNG: just enough of the format for its size to be read.
fn png() -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend_from_slice(&3u32.to_be_bytes());
    png.extend_from_slice(&2u32.to_be_bytes());
    png.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
    png
}

#[test]
fn image_paths_are_decoded_then_confined_and_pipes_never_opened() {
    let (dir, content) = site();
    let posts = content.join("posts");
    fs::write(dir.path().join("outside/probe.png"), png()).unwrap();
    fs::write(posts.join("inside.png"), png()).unwrap();
    let outside = dir.path().join("outside/probe.png");
    let absolute = outside.to_str().unwrap().replace('/', "%2F");
    let made = Command::new("mkfifo")
        .arg(posts.join("pipe.png"))
        .status()
        .unwrap();
    assert!(made.success());
    fs::write(
        posts.join("images.md"),
        format!(
            "---\ntitle: Images\ndate: 2026-01-02\n---\n\
             ![a](inside.png)\n\n![b](%2e%2e/%2e%2e/outside/probe.png)\n\n\
             ![c]({absolute})\n\n![d](%2E%2E%2F%2E%2E%2Foutside%2Fprobe.png)\n\n![e](pipe.png)\n"
        ),
    )
    .unwrap();
    let out = dir.path().join("dist");
    build(&content, &out, &[]);
    let manifest = fs::read_to_string(out.join("posts/index.json")).unwrap();
    let manifest = folio_core::Manifest::from_json(&manifest).unwrap();
    let entry = manifest
        .posts
        .iter()
        .find(|p| p.file == "images.md")
        .unwrap();
    let measured: Vec<&str> = entry.images.keys().map(String::as_str).collect();
    assert_eq!(measured, ["inside.png"]);
    // The pipe is neither read nor copied.
    assert!(!out.join("posts/pipe.png").exists());
    let (_, check) = folio(&["check", content.to_str().unwrap()], &[]);
    assert!(check.contains("pipe.png"), "{check}");
}
