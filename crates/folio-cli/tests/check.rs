//! `folio check` on fixture folders: every kind of problem with its exact message and place,
//! in text and JSON, and the exit status CI relies on.

mod common;

use common::{folio, workspace};

#[test]
fn every_kind_of_problem_is_reported_where_it_is() {
    let dir = workspace("check/site");
    let run = folio(dir.path(), &["check", "site"]);
    assert_eq!(run.code, 1, "errors make the exit status 1");
    insta::assert_snapshot!(run.transcript());
}

#[test]
fn json_holds_the_same_problems_and_a_summary() {
    let dir = workspace("check/site");
    let text = folio(dir.path(), &["check", "site"]);
    let run = folio(dir.path(), &["check", "site", "--format", "json"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stderr, "", "JSON mode keeps stderr for failures");
    let json: serde_json::Value =
        serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}"));
    let problems = json["problems"].as_array().map_or(0, Vec::len);
    assert_eq!(problems, text.stdout.lines().count());
    assert_eq!(json["summary"]["errors"], 12);
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn a_clean_folder_exits_zero() {
    let dir = workspace("check/site");
    let posts = dir.path().join("site/posts");
    for name in std::fs::read_dir(&posts).unwrap_or_else(|e| panic!("{e}")) {
        let path = name.unwrap_or_else(|e| panic!("{e}")).path();
        let keep = ["clean.md", "images"];
        if !keep.iter().any(|k| path.ends_with(k)) {
            std::fs::remove_file(&path).unwrap_or_else(|e| panic!("{e}"));
        }
    }
    // The clean post links to the outline post three ways; without it, those are the errors.
    let run = folio(dir.path(), &["check", "site"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout.lines().count(), 3, "{}", run.stdout);
    std::fs::write(posts.join("outline.md"), "# Outline\n\n## Second\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let run = folio(dir.path(), &["check", "site"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "folio: checked 2 files (2 posts): 0 errors, 0 warnings\n"
    );
}

#[test]
fn a_wrong_site_toml_is_one_of_the_problems() {
    let dir = workspace("check/bad-config");
    let run = folio(dir.path(), &["check", "bad-config"]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!(run.transcript());
}

#[test]
fn a_missing_folder_is_a_failure_to_run() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let run = folio(dir.path(), &["check", "nowhere"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "folio: error: the content folder nowhere does not exist\n"
    );
}

#[test]
fn strict_fails_on_warnings_too() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let posts = dir.path().join("site/posts");
    std::fs::create_dir_all(&posts).unwrap_or_else(|e| panic!("{e}"));
    // A heading that skips a level is a warning, nothing more.
    std::fs::write(posts.join("a.md"), "# A\n\n#### Deep\n").unwrap_or_else(|e| panic!("{e}"));
    let plain = folio(dir.path(), &["check", "site"]);
    assert_eq!(plain.code, 0, "{}", plain.transcript());
    assert!(plain.stdout.contains("warning"), "{}", plain.transcript());
    let strict = folio(dir.path(), &["check", "site", "--strict"]);
    assert_eq!(strict.code, 1, "{}", strict.transcript());
}
