//! A site whose `timezone` is a zone name: every date of the index, the feeds and `folio new`
//! gets the offset in force at that date, and a name the database lacks is refused.

#![allow(clippy::unwrap_used)]

mod common;

use std::fs;
use std::path::Path;

use common::folio;

fn site(dir: &Path, zone: &str) {
    fs::create_dir_all(dir.join("posts")).unwrap();
    fs::write(
        dir.join("site.toml"),
        format!("base_url = \"https://example.org/\"\ntimezone = \"{zone}\"\n"),
    )
    .unwrap();
    let posts = [
        ("winter.md", "2024-01-15"),
        ("summer.md", "2024-07-15 18:30"),
        ("offset.md", "2024-07-16T09:00:00+08:00"),
        // The test clock is 2026-02-13T10:00:00Z, 05:00 in New York.
        ("due.md", "2026-02-13 04:59"),
        ("scheduled.md", "2026-02-13 05:01"),
    ];
    for (name, date) in posts {
        fs::write(
            dir.join("posts").join(name),
            format!("---\ntitle: {name}\ndate: {date}\n---\nText.\n"),
        )
        .unwrap();
    }
}

/// `slug date` for every post of the index.
fn dates(out: &Path) -> Vec<String> {
    let json = fs::read_to_string(out.join("posts/index.json")).unwrap();
    let manifest = folio_core::Manifest::from_json(&json).unwrap();
    let mut dates: Vec<String> = manifest
        .posts
        .iter()
        .map(|post| format!("{} {}", post.slug, post.date.unwrap()))
        .collect();
    dates.sort();
    dates
}

#[test]
fn a_zone_name_gives_each_date_the_offset_in_force_then() {
    let dir = tempfile::tempdir().unwrap();
    site(&dir.path().join("site"), "America/New_York");
    let run = folio(dir.path(), &["index", "site", "--out", "out"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let out = dir.path().join("out");
    assert_eq!(
        dates(&out),
        [
            "due 2026-02-13T04:59:00-05:00",
            "offset 2024-07-16T09:00:00+08:00",
            "summer 2024-07-15T18:30:00-04:00",
            "winter 2024-01-15T00:00:00-05:00",
        ]
    );
    let feed = fs::read_to_string(out.join("feed.xml")).unwrap();
    assert!(
        feed.contains("<published>2024-07-15T18:30:00-04:00</published>"),
        "{feed}"
    );
    let rss = fs::read_to_string(out.join("rss.xml")).unwrap();
    assert!(
        rss.contains("<pubDate>Mon, 15 Jan 2024 00:00:00 -0500</pubDate>"),
        "{rss}"
    );
}

#[test]
fn a_fixed_offset_stays_fixed_and_dates_stay_as_written() {
    let dir = tempfile::tempdir().unwrap();
    site(&dir.path().join("site"), "-05:00");
    let run = folio(dir.path(), &["index", "site", "--out", "out"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(dates(&dir.path().join("out")).contains(&"summer 2024-07-15T18:30:00".to_owned()));
}

#[test]
fn folio_new_dates_a_post_in_the_named_zone() {
    let dir = tempfile::tempdir().unwrap();
    site(&dir.path().join("site"), "Asia/Shanghai");
    let run = folio(
        dir.path(),
        &["new", "Spring", "--content", "site", "--slug", "spring"],
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    let text = fs::read_to_string(dir.path().join("site/posts/spring.md")).unwrap();
    assert!(text.contains("2026-02-13T18:00:00+08:00"), "{text}");
}

#[test]
fn a_name_the_database_lacks_is_an_error_on_its_line() {
    let dir = tempfile::tempdir().unwrap();
    site(&dir.path().join("site"), "Mars/Olympus_Mons");
    let index = folio(dir.path(), &["index", "site", "--out", "out"]);
    assert_eq!(index.code, 2, "{}", index.transcript());
    let check = folio(dir.path(), &["check", "site"]);
    assert_eq!(check.code, 1, "{}", check.transcript());
    assert!(
        check.stdout.contains(
            "site/site.toml:2: error: timezone \"Mars/Olympus_Mons\" is not in the time-zone database"
        ),
        "{}",
        check.transcript()
    );
}
