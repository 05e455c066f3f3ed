//! The reader against `serde_json` (which wrote every file it reads, and which it replaces in the
//! app): the same texts accepted, the same values read, and every format round-trips.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use super::{Json, MAX_DEPTH, parse, read};
use crate::manifest::{ListKind, ListPage, PostData, TagCount, TagList};
use crate::problem::{Problem, Severity};
use crate::search::{Meta, Shard};
use crate::site::{NavLink, SlugStyle, Theme};
use crate::{Date, Manifest, PostEntry, SiteConfig};

/// Our tree as `serde_json`'s, to compare values (numbers through their text).
fn as_serde(json: &Json<'_>) -> serde_json::Value {
    match json {
        Json::Null => serde_json::Value::Null,
        Json::Bool(flag) => serde_json::Value::Bool(*flag),
        Json::Number(text) => serde_json::from_str(text).expect("a number serde_json reads"),
        Json::String(text) => serde_json::Value::String(text.to_string()),
        Json::Array(items) => items.iter().map(as_serde).collect(),
        // serde_json keeps the last of a repeated key; so does this fold.
        Json::Object(members) => serde_json::Value::Object(
            members
                .iter()
                .map(|(key, value)| (key.to_string(), as_serde(value)))
                .collect(),
        ),
    }
}

/// Both parsers accept `text`, or both refuse it; when they accept, they read the same value.
/// Returns whether they accepted it. (A number beyond a float's range is the one difference:
/// see [`a_number_beyond_a_float_is_kept_as_written_and_read_by_no_field`].)
fn agrees(text: &str) -> bool {
    let ours = parse(text);
    let theirs = serde_json::from_str::<serde_json::Value>(text);
    match (&ours, &theirs) {
        (Ok(ours), Ok(theirs)) => assert_eq!(&as_serde(ours), theirs, "value of {text:?}"),
        (Err(_), Err(_)) => {}
        (Ok(_), Err(err)) if err.to_string().starts_with("number out of range") => {}
        _ => panic!("{text:?}: ours {ours:?}, serde_json {theirs:?}"),
    }
    ours.is_ok()
}

const SAMPLES: &[&str] = &[
    "null",
    "true",
    "false",
    "0",
    "-0",
    "12",
    "-12",
    "1.5",
    "1e10",
    "1E+2",
    "-1.25e-3",
    "18446744073709551615",
    "1.7976931348623157e308",
    r#""""#,
    r#""plain""#,
    r#""中文 and 日本語""#,
    r#""a\"b\\c\/d\b\f\n\r\t""#,
    r#""\u00e9\u4e2d\uD83D\uDE00""#,
    r#""😀 emoji""#,
    "[]",
    "{}",
    " [ 1 , 2 ] ",
    r#"{"a":1,"b":[true,null,{"c":"d"}]}"#,
    r#"{"a":1,"a":2}"#,
    "\t\r\n[\n1\n]\n",
    // Refused by both.
    "",
    " ",
    "nul",
    "True",
    "01",
    "-",
    "1.",
    ".5",
    "1e",
    "+1",
    "0x10",
    "NaN",
    "Infinity",
    "[1,]",
    "[,1]",
    "{\"a\":1,}",
    "{a:1}",
    "{'a':1}",
    "{\"a\" 1}",
    "[1 2]",
    "[1]]",
    "[1] x",
    "\"unterminated",
    "\"bad \\x escape\"",
    "\"\\u12\"",
    "\"\\uD83D\"",
    "\"\\uDE00\"",
    "\"\\uD83D\\u0041\"",
    "\"tab\tinside\"",
    "\"line\nbreak\"",
    "\u{feff}[]",
    "[1]\u{0}",
];

#[test]
fn reads_what_serde_json_reads_and_refuses_what_it_refuses() {
    let accepted = SAMPLES.iter().filter(|sample| agrees(sample)).count();
    assert_eq!(accepted, 25, "the samples before `// Refused by both.`");
}

#[test]
fn nesting_stops_at_the_same_depth_as_serde_json() {
    for depth in [1, MAX_DEPTH - 1, MAX_DEPTH, MAX_DEPTH + 1, 10_000] {
        let deep = agrees(&format!("{}{}", "[".repeat(depth), "]".repeat(depth)));
        assert_eq!(deep, depth < MAX_DEPTH);
        let keys = "{\"a\":".repeat(depth);
        agrees(&format!("{keys}1{}", "}".repeat(depth)));
    }
    assert!(parse(&"[".repeat(100_000)).is_err(), "no stack overflow");
}

/// The one difference, found by `make fuzz`: a number too large for a float. Its text is valid
/// JSON; `serde_json` refuses it, this parser keeps it as written, and no field takes it.
#[test]
fn a_number_beyond_a_float_is_kept_as_written_and_read_by_no_field() {
    assert!(serde_json::from_str::<serde_json::Value>("1e2222").is_err());
    assert_eq!(
        parse("[1e2222]").unwrap(),
        Json::Array(vec![Json::Number("1e2222")])
    );
    let err = read::<Vec<u64>>("[1e2222]").unwrap_err();
    assert_eq!(
        err.to_string(),
        "`[0]`: expected a whole number, found a number"
    );
}

/// Texts made by breaking valid JSON at random (a fixed seed, so a failure repeats): deleting,
/// doubling and replacing characters with JSON's own.
#[test]
fn agrees_with_serde_json_on_thousands_of_broken_texts() {
    const BASE: &str = r#"{"version":1,"posts":[{"slug":"a\u00e9","n":-1.5e3,"ok":true,"x":null,"t":["中","\"q\""]}]}"#;
    const PIECES: &[&str] = &[
        "{", "}", "[", "]", ",", ":", "\"", "\\", "u", "0", "9", "-", ".", "e", " ", "\n", "n",
        "t", "中", "\u{1}",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |bound: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        usize::try_from(seed % u64::try_from(bound).unwrap_or(1)).unwrap_or(0)
    };
    let mut accepted = 0;
    for _ in 0..20_000 {
        let mut text: Vec<char> = BASE.chars().collect();
        for _ in 0..=next(3) {
            let at = next(text.len());
            match next(3) {
                0 => {
                    text.remove(at);
                }
                1 => text.insert(at, text[at]),
                _ => text
                    .splice(at..=at, PIECES[next(PIECES.len())].chars())
                    .for_each(drop),
            }
        }
        accepted += usize::from(agrees(&text.into_iter().collect::<String>()));
    }
    // Both outcomes are well represented, so the comparison means something either way.
    assert!(
        (1_000..19_000).contains(&accepted),
        "{accepted} of 20000 accepted"
    );
}

#[test]
fn errors_say_where() {
    assert_eq!(
        parse("{\n  \"a\": [1,\n  2,,]}").unwrap_err().to_string(),
        "line 3, column 5: expected a value"
    );
    assert_eq!(
        parse("[\"中文\" x]").unwrap_err().to_string(),
        "line 1, column 7: expected `,` or `]`",
        "columns count characters, not bytes"
    );
    let err =
        read::<Vec<TagCount>>(r#"[{"name":"a","slug":"a","count":1},{"name":"b","slug":"b"}]"#);
    assert_eq!(err.unwrap_err().to_string(), "`[1]`: missing field `count`");
    let err = read::<BTreeMap<String, Vec<u32>>>(r#"{"k":[1,-2]}"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "`k[1]`: expected a whole number, found a number"
    );
    let err = read::<Vec<u32>>("[4294967296]").unwrap_err();
    assert_eq!(err.to_string(), "`[0]`: 4294967296 is out of range");
}

#[test]
fn a_bad_field_deep_in_a_list_page_is_named_by_its_path() {
    let text = r#"{"version":1,"page":1,"pages":1,"total_posts":1,"site":{},
        "posts":[{"slug":"a","title":"A","excerpt":"","reading_minutes":1,"file":"a.md","date":"someday"}]}"#;
    let err = ListPage::from_json(text).unwrap_err().to_string();
    assert!(
        err.starts_with("the post index is not valid: `posts[0].date`: "),
        "{err}"
    );
    let text =
        r#"{"version":1,"page":1,"pages":1,"total_posts":0,"site":{"titel":"x"},"posts":[]}"#;
    let err = ListPage::from_json(text).unwrap_err().to_string();
    assert!(err.ends_with("`site`: unknown field `titel`"), "{err}");
}

/// Text that needs every kind of escape, and CJK that needs none.
const AWKWARD: &str = "引号\"反斜杠\\ 换行\n\t制表 \u{1} \u{7f} </script> 😀";

fn full_entry(slug: &str) -> PostEntry {
    PostEntry {
        slug: slug.to_owned(),
        title: format!("标题 {AWKWARD}"),
        date: Some(Date::parse("2024-02-14T08:30:00+08:00").unwrap()),
        updated: Some(Date::parse("2024-03-01").unwrap()),
        description: Some(AWKWARD.to_owned()),
        excerpt: "摘要".to_owned(),
        tags: vec!["赛博".to_owned(), "Rust".to_owned()],
        author: Some("作者".to_owned()),
        reading_minutes: 7,
        file: format!("2024/{slug}.md"),
        draft: true,
        images: BTreeMap::from([("2024/a.png".to_owned(), [640, 480])]),
        lang: Some("zh-CN".to_owned()),
        cover: Some("cover.jpg".to_owned()),
        math: Some(false),
        problems: vec![
            Problem::error(3, "bad"),
            Problem {
                line: 9,
                column: Some(4),
                severity: Severity::Warning,
                message: AWKWARD.to_owned(),
            },
        ],
    }
}

fn bare_entry(slug: &str) -> PostEntry {
    PostEntry {
        slug: slug.to_owned(),
        title: slug.to_owned(),
        date: None,
        updated: None,
        description: None,
        excerpt: String::new(),
        tags: Vec::new(),
        author: None,
        reading_minutes: 1,
        file: format!("{slug}.md"),
        draft: false,
        images: BTreeMap::new(),
        lang: None,
        cover: None,
        math: None,
        problems: Vec::new(),
    }
}

fn full_site() -> SiteConfig {
    SiteConfig {
        title: AWKWARD.to_owned(),
        description: "描述".to_owned(),
        author: Some("作者".to_owned()),
        base_url: Some("https://example.org/博客/".to_owned()),
        language: "zh-CN".to_owned(),
        posts_per_page: 3,
        trust_html: true,
        math: false,
        timezone: Some("Asia/Shanghai".to_owned()),
        slug_style: SlugStyle::Ascii,
        nav: vec![NavLink {
            title: "关于".to_owned(),
            url: "/about/".to_owned(),
        }],
        theme: Theme::Dark,
        feed_limit: 5,
        edit_url: Some("https://example.org/edit/{file}".to_owned()),
    }
}

#[test]
fn every_file_the_build_writes_reads_back_the_same() {
    for site in [SiteConfig::default(), full_site()] {
        let mut manifest = Manifest::new(
            site.clone(),
            vec![full_entry("满"), bare_entry("bare"), full_entry("two")],
        );
        manifest
            .redirects
            .insert("posts/old".to_owned(), "posts/two".to_owned());
        assert_eq!(Manifest::from_json(&manifest.to_json()).unwrap(), manifest);

        for list in [
            ListKind::Home,
            ListKind::Archive,
            ListKind::Tag {
                name: "赛博".to_owned(),
                slug: "赛博".to_owned(),
            },
        ] {
            let page = ListPage {
                version: 1,
                list,
                page: 2,
                pages: 3,
                total_posts: 7,
                site: site.clone(),
                posts: manifest.posts.clone(),
            };
            assert_eq!(ListPage::from_json(&page.to_json()).unwrap(), page);
        }

        let tags = TagList {
            version: 1,
            site: site.clone(),
            tags: manifest.tags(),
        };
        assert_eq!(TagList::from_json(&tags.to_json()).unwrap(), tags);

        for data in [
            PostData {
                version: 1,
                site: site.clone(),
                entry: Some(full_entry("满")),
                newer: Some(bare_entry("bare")),
                older: None,
                links: BTreeMap::from([("2024/two.md".to_owned(), "posts/two".to_owned())]),
                moved: None,
            },
            PostData {
                version: 1,
                site: site.clone(),
                entry: None,
                newer: None,
                older: None,
                links: BTreeMap::new(),
                moved: Some("posts/two".to_owned()),
            },
        ] {
            assert_eq!(PostData::from_json(&data.to_json()).unwrap(), data);
        }
    }
}

#[test]
fn the_search_index_reads_back_the_same() {
    let meta = r#"{"version":2,"posts":3,"build":"b","per_dir":4,"per_docs":2,"dirs":[""],"first":["","m"]}"#;
    let read = Meta::from_json(meta).unwrap();
    assert_eq!(Meta::from_json(&read.to_json()).unwrap(), read);
    assert_eq!(
        read.first.as_deref(),
        Some(&["".to_owned(), "m".to_owned()][..])
    );
    let shard = Shard::from_json(r#"{"中文":[1,2],"rust":"..Bw","中文 ":[]}"#).unwrap();
    assert_eq!(shard.len(), 3);
    assert!(Shard::from_json(r#"{"a":{"b":1}}"#).is_err());
    assert!(Shard::from_json(r#"{"a":[-1]}"#).is_err());
}

#[test]
fn leaves_out_and_nulls_read_as_serde_read_them() {
    // `site` with nothing in it is the default site, as `#[serde(default)]` reads it.
    let text = r#"{"version":1,"page":1,"pages":1,"total_posts":0,"site":{},"posts":[]}"#;
    let page = ListPage::from_json(text).unwrap();
    assert_eq!(page.site, SiteConfig::default());
    assert_eq!(
        page.list,
        ListKind::Home,
        "a page from before `list` is a home page"
    );
    assert_eq!(
        page,
        serde_json::from_str::<ListPage>(text).unwrap(),
        "serde_json reads it the same"
    );
    let entry = r#"{"slug":"a","title":"a","excerpt":"","reading_minutes":1,"file":"a.md","date":null,"extra":[1]}"#;
    assert_eq!(read::<PostEntry>(entry).unwrap(), bare_entry("a"));
    assert!(read::<PostEntry>(r#"{"slug":"a"}"#).is_err());
    assert!(read::<ListKind>(r#"{"kind":"category"}"#).is_err());
}
