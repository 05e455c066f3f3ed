//! Tests for reading [`PostMeta`] out of fields: each reader's accepted shapes and its problems.

#![allow(clippy::unwrap_used)]

use super::*;

fn text(value: &str) -> Value {
    Value::String(value.to_owned())
}

fn list(items: &[&str]) -> Value {
    Value::List(items.iter().map(|item| text(item)).collect())
}

fn map(entries: &[(&str, Value)]) -> Value {
    Value::Map(
        entries
            .iter()
            .map(|(key, value)| ((*key).to_owned(), value.clone()))
            .collect(),
    )
}

/// Fields on consecutive lines starting at line 2, as after a `---` fence.
fn read(entries: &[(&str, Value)]) -> (PostMeta, Vec<Problem>) {
    let fields = entries
        .iter()
        .enumerate()
        .map(|(index, (key, value))| Field {
            key: (*key).to_owned(),
            value: value.clone(),
            line: index + 2,
        })
        .collect();
    PostMeta::from_fields(fields)
}

fn messages(problems: &[Problem]) -> Vec<(usize, &str)> {
    problems
        .iter()
        .map(|problem| (problem.line, problem.message.as_str()))
        .collect()
}

#[test]
fn tags_are_read_from_every_shape() {
    let cases: [(&str, Value, &[&str]); 12] = [
        ("list", list(&["rust", "wasm"]), &["rust", "wasm"]),
        (
            "commas",
            text("rust, wasm ,, blog"),
            &["rust", "wasm", "blog"],
        ),
        ("full-width comma", text("随笔，生活"), &["随笔", "生活"]),
        (
            "ideographic comma",
            text("随笔、生活、随笔"),
            &["随笔", "生活"],
        ),
        (
            "whitespace (Jekyll)",
            text("rust  wasm\tblog"),
            &["rust", "wasm", "blog"],
        ),
        (
            "commas win over spaces",
            text("machine learning, rust"),
            &["machine learning", "rust"],
        ),
        ("one CJK word", text("情感陪伴"), &["情感陪伴"]),
        (
            "nested lists flatten (Hexo)",
            Value::List(vec![
                list(&["Diary", "Life"]),
                text("Notes"),
                list(&["Life"]),
            ]),
            &["Diary", "Life", "Notes"],
        ),
        (
            "numbers and booleans become text",
            Value::List(vec![
                Value::Integer(2024),
                Value::Bool(true),
                Value::Float(3.5),
            ]),
            &["2024", "true", "3.5"],
        ),
        ("a single number", Value::Integer(42), &["42"]),
        (
            "list items are not split",
            list(&[" a b ", "c,d"]),
            &["a b", "c,d"],
        ),
        ("nothing", Value::Null, &[]),
    ];
    for (name, value, expected) in cases {
        let (meta, problems) = read(&[("tags", value)]);
        assert_eq!(meta.tags, expected, "{name}");
        assert!(problems.is_empty(), "{name}: {problems:?}");
    }
}

#[test]
fn tag_items_of_the_wrong_type_are_skipped_one_by_one() {
    let value = Value::List(vec![
        text("kept"),
        map(&[("a", Value::Integer(1))]),
        Value::List(vec![text("inner"), map(&[])]),
    ]);
    let (meta, problems) = read(&[("title", text("t")), ("categories", value)]);
    assert_eq!(meta.tags, ["kept", "inner"]);
    assert_eq!(
        messages(&problems),
        [
            (
                3,
                "`categories` item 2 was ignored: expected text, found a map of keys"
            ),
            (
                3,
                "`categories` item 3.2 was ignored: expected text, found a map of keys"
            ),
        ]
    );
    let (meta, problems) = read(&[("tags", map(&[("a", text("b"))]))]);
    assert!(meta.tags.is_empty());
    assert_eq!(
        messages(&problems),
        [(
            2,
            "`tags` was ignored: expected a list or comma-separated text, found a map of keys"
        )]
    );
}

#[test]
fn tags_merge_from_every_key_and_zola_taxonomies() {
    let taxonomies = map(&[
        ("tags", list(&["c", "a"])),
        ("categories", list(&["web"])),
        ("series", list(&["intro"])),
    ]);
    let (meta, problems) = read(&[
        ("tags", list(&["a", "b"])),
        ("tag", text("b")),
        ("taxonomies", taxonomies),
    ]);
    assert_eq!(meta.tags, ["a", "b", "c", "web"]);
    assert_eq!(
        meta.extra.get("taxonomies"),
        Some(&map(&[("series", list(&["intro"]))]))
    );
    assert!(problems.is_empty());
}

#[test]
fn categories_join_the_tags_once() {
    let (meta, problems) = read(&[
        (
            "categories",
            Value::List(vec![list(&["Diary", "Life"]), text("rust")]),
        ),
        ("tags", text("Rust, 随笔")),
        ("category", text("随笔")),
    ]);
    assert_eq!(meta.tags, ["Rust", "随笔", "Diary", "Life"]);
    assert!(problems.is_empty());
}

#[test]
fn aliases_come_as_a_list_or_one_address() {
    let (meta, problems) = read(&[
        ("aliases", list(&["/2023/01/29/first-nas.html", "/nas/"])),
        ("redirect_from", text("/nas/")),
    ]);
    assert_eq!(meta.aliases, ["/2023/01/29/first-nas.html", "/nas/"]);
    assert!(problems.is_empty());
    let (meta, _) = read(&[("aliases", text(" /old path/ "))]);
    assert_eq!(meta.aliases, ["/old path/"]);
    let (meta, problems) = read(&[
        ("aliases", Value::List(vec![text("/a/"), map(&[])])),
        ("redirect_from", map(&[("a", text("b"))])),
    ]);
    assert_eq!(meta.aliases, ["/a/"]);
    assert_eq!(
        messages(&problems),
        [
            (
                2,
                "`aliases` item 2 was ignored: expected text, found a map of keys"
            ),
            (
                3,
                "`redirect_from` was ignored: expected an address or a list of addresses, found a map of keys"
            ),
        ]
    );
    assert!(meta.extra.is_empty());
}

#[test]
fn authors_come_as_names_maps_or_lists() {
    let cases: [(&str, Value, Option<&str>); 6] = [
        ("author", text(" 林小满 "), Some("林小满")),
        (
            "author",
            map(&[("name", text("Jane")), ("email", text("j@x"))]),
            Some("Jane"),
        ),
        ("authors", list(&["Ann", "Bob"]), Some("Ann, Bob")),
        (
            "authors",
            Value::List(vec![map(&[("name", text("Ann"))]), text("Bob")]),
            Some("Ann, Bob"),
        ),
        ("authors", Value::List(vec![]), None),
        ("Author", text("Case Insensitive"), Some("Case Insensitive")),
    ];
    for (key, value, expected) in cases {
        let (meta, problems) = read(&[(key, value)]);
        assert_eq!(meta.author.as_deref(), expected, "{key}");
        assert!(problems.is_empty(), "{key}: {problems:?}");
    }
    let (meta, problems) = read(&[
        ("author", map(&[("email", text("x"))])),
        ("authors", list(&["B"])),
    ]);
    assert_eq!(
        meta.author.as_deref(),
        Some("B"),
        "falls back to the next key"
    );
    assert_eq!(
        messages(&problems),
        [(
            2,
            "`author` was ignored: expected a name, a map with `name`, or a list of names, found a map of keys without `name`"
        )]
    );
}

#[test]
fn covers_come_as_paths_or_maps_with_image() {
    let cases: [(&str, Value, Option<&str>); 5] = [
        ("cover", text("/c.png"), Some("/c.png")),
        (
            "cover",
            map(&[("image", text("/c.png")), ("alt", text("a"))]),
            Some("/c.png"),
        ),
        ("cover", map(&[("image", text(""))]), None),
        ("image", text("/i.png"), Some("/i.png")),
        ("banner", text("/b.png"), Some("/b.png")),
    ];
    for (key, value, expected) in cases {
        let (meta, problems) = read(&[(key, value)]);
        assert_eq!(meta.cover.as_deref(), expected, "{key}");
        assert!(problems.is_empty(), "{key}: {problems:?}");
    }
    let (meta, problems) = read(&[("thumbnail", list(&["a"]))]);
    assert_eq!(meta.cover, None);
    assert_eq!(
        messages(&problems),
        [(
            2,
            "`thumbnail` was ignored: expected an image path or a map with `image`, found a list"
        )]
    );
}

#[test]
fn drafts_come_from_draft_or_published() {
    let cases: [(&[(&str, Value)], bool); 9] = [
        (&[("draft", Value::Bool(true))], true),
        (&[("draft", text("true"))], true),
        (&[("draft", text("False"))], false),
        (&[("draft", text("yes"))], true),
        (&[("published", Value::Bool(false))], true),
        (&[("published", text("false"))], true),
        (&[("published", Value::Bool(true))], false),
        (
            &[
                ("draft", Value::Bool(false)),
                ("published", Value::Bool(false)),
            ],
            true,
        ),
        (&[], false),
    ];
    for (fields, expected) in cases {
        let (meta, problems) = read(fields);
        assert_eq!(meta.draft, expected, "{fields:?}");
        assert!(problems.is_empty(), "{fields:?}: {problems:?}");
    }
}

#[test]
fn hugo_published_can_be_a_date() {
    let (meta, problems) = read(&[("published", text("2026-02-13"))]);
    assert_eq!(meta.date, Some(Date::parse("2026-02-13").unwrap()));
    assert!(!meta.draft);
    assert!(problems.is_empty());
    let (meta, _) = read(&[
        ("date", text("2026-01-01")),
        ("published", text("2026-02-13")),
    ]);
    assert_eq!(meta.date, Some(Date::parse("2026-01-01").unwrap()));
    assert_eq!(meta.extra.get("published"), Some(&text("2026-02-13")));
    let (_, problems) = read(&[("published", Value::Integer(3))]);
    assert_eq!(
        messages(&problems),
        [(
            2,
            "`published` was ignored: expected true or false, or a date, found the number 3"
        )]
    );
}

#[test]
fn the_first_readable_alias_wins_and_the_rest_stay_in_extra() {
    let (meta, problems) = read(&[
        ("publishDate", text("2026-03-01")),
        ("date", text("2026-02-13")),
        ("lastmod", text("2026-02-20")),
        ("updated", text("2026-02-14")),
    ]);
    assert_eq!(meta.date, Some(Date::parse("2026-02-13").unwrap()));
    assert_eq!(meta.updated, Some(Date::parse("2026-02-14").unwrap()));
    assert_eq!(
        meta.extra.keys().collect::<Vec<_>>(),
        ["publishDate", "lastmod"]
    );
    assert!(problems.is_empty());

    let (meta, problems) = read(&[
        ("date", text("2021-13-45")),
        ("pubDate", text("2026-02-13")),
    ]);
    assert_eq!(meta.date, Some(Date::parse("2026-02-13").unwrap()));
    assert_eq!(
        messages(&problems),
        [(
            2,
            "`date` was ignored: \"2021-13-45\" is not a valid date: month 13 is out of range: months go from 1 to 12"
        )]
    );
}

#[test]
fn fields_of_the_wrong_type_are_ignored_and_the_rest_still_read() {
    let (meta, problems) = read(&[
        ("title", list(&["a", "b"])),
        ("draft", text("maybe")),
        ("date", text("2021-13-45")),
        ("updated", Value::Integer(2026)),
        ("description", map(&[])),
        ("slug", text("kept")),
        ("lang", Value::Bool(true)),
    ]);
    assert_eq!(
        messages(&problems),
        [
            (2, "`title` was ignored: expected text, found a list"),
            (
                3,
                "`draft` was ignored: expected true or false, found \"maybe\""
            ),
            (
                4,
                "`date` was ignored: \"2021-13-45\" is not a valid date: month 13 is out of range: months go from 1 to 12"
            ),
            (
                5,
                "`updated` was ignored: expected a date like 2026-02-13, found the number 2026"
            ),
            (
                6,
                "`description` was ignored: expected text, found a map of keys"
            ),
        ]
    );
    assert!(
        problems
            .iter()
            .all(|p| p.severity == crate::Severity::Error)
    );
    let expected = PostMeta {
        slug: Some("kept".to_owned()),
        lang: Some("true".to_owned()),
        ..PostMeta::default()
    };
    assert_eq!(
        meta, expected,
        "ignored fields are not kept in extra either"
    );
}

#[test]
fn text_fields_are_trimmed_and_empty_ones_are_absent() {
    let (meta, problems) = read(&[
        ("title", text("  1984  ")),
        ("description", text("line one\nline two\n")),
        ("summary", text("unused")),
        ("slug", text("")),
        ("lang", Value::Null),
        ("date", text("")),
    ]);
    assert_eq!(meta.title.as_deref(), Some("1984"));
    assert_eq!(meta.description.as_deref(), Some("line one\nline two"));
    assert_eq!(meta.slug, None);
    assert_eq!(meta.lang, None);
    assert_eq!(meta.date, None);
    assert_eq!(meta.extra.keys().collect::<Vec<_>>(), ["summary"]);
    assert!(problems.is_empty());
    let (meta, _) = read(&[("title", Value::Integer(1984))]);
    assert_eq!(meta.title.as_deref(), Some("1984"));
}

#[test]
fn zola_extra_is_merged_into_extra_and_clashes_are_reported() {
    let (meta, problems) = read(&[
        ("layout", text("post")),
        (
            "extra",
            map(&[("toc", Value::Bool(true)), ("layout", text("wide"))]),
        ),
        ("keywords", list(&["k"])),
        ("subtitle", text("s")),
    ]);
    assert_eq!(
        meta.extra.keys().collect::<Vec<_>>(),
        ["layout", "toc", "keywords", "subtitle"]
    );
    assert_eq!(meta.extra.get("layout"), Some(&text("post")));
    assert!(meta.tags.is_empty(), "keywords are not tags");
    assert!(
        meta.description.is_none(),
        "a subtitle is not a description"
    );
    assert_eq!(
        messages(&problems),
        [(
            3,
            "`extra.layout` was ignored: an earlier `layout` is already kept"
        )]
    );
    let (meta, _) = read(&[("extra", text("not a table"))]);
    assert_eq!(meta.extra.get("extra"), Some(&text("not a table")));
}

#[test]
fn serializes_without_empty_fields_and_reads_back() {
    let (meta, _) = read(&[
        ("title", text("标题")),
        ("date", text("2026-02-13 10:00:00 +0800")),
        ("tags", list(&["a"])),
        (
            "custom",
            map(&[("z", Value::Integer(1)), ("a", Value::Null)]),
        ),
    ]);
    let json = serde_json::to_string(&meta).unwrap();
    assert_eq!(
        json,
        r#"{"title":"标题","date":"2026-02-13T10:00:00+08:00","tags":["a"],"extra":{"custom":{"z":1,"a":null}}}"#
    );
    assert_eq!(serde_json::from_str::<PostMeta>(&json).unwrap(), meta);
    assert_eq!(serde_json::to_string(&PostMeta::default()).unwrap(), "{}");
    assert_eq!(
        serde_json::from_str::<PostMeta>("{}").unwrap(),
        PostMeta::default()
    );
}
