//! Whole posts in every dialect, valid and broken side by side, plus the real post Folio is made
//! for.

#![allow(clippy::unwrap_used)]

use super::*;
use crate::{Date, Map, Value};

fn date(text: &str) -> Option<Date> {
    Some(Date::parse(text).unwrap())
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|item| (*item).to_owned()).collect()
}

fn some(text: &str) -> Option<String> {
    Some(text.to_owned())
}

fn extra(entries: &[(&str, Value)]) -> Map {
    entries
        .iter()
        .map(|(key, value)| ((*key).to_owned(), value.clone()))
        .collect()
}

fn text(value: &str) -> Value {
    Value::String(value.to_owned())
}

struct Case {
    name: &'static str,
    source: &'static str,
    meta: PostMeta,
    /// `(line, piece of the message)` for each problem, in order.
    problems: &'static [(usize, &'static str)],
    /// For broken front matter: the lower-level error [`front_matter`] gives.
    error: Option<fn(&FrontMatterError) -> bool>,
    body: &'static str,
    body_line: usize,
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "Hugo YAML",
            source: "---\n\
                     title: \"Hugo Post\"\n\
                     date: 2024-03-01T10:00:00+01:00\n\
                     lastmod: 2024-03-05\n\
                     draft: true\n\
                     summary: A summary.\n\
                     tags: [\"go\", \"hugo\"]\n\
                     categories: [\"dev\"]\n\
                     author:\n  name: Jane\n  email: jane@example.com\n\
                     cover:\n  image: /img/cover.png\n  alt: A cover\n\
                     slug: hugo-post\n\
                     Keywords: [k]\n\
                     ---\nBody\n",
            meta: PostMeta {
                title: some("Hugo Post"),
                date: date("2024-03-01T10:00:00+01:00"),
                updated: date("2024-03-05"),
                description: some("A summary."),
                tags: strings(&["go", "hugo", "dev"]),
                author: some("Jane"),
                draft: true,
                slug: some("hugo-post"),
                cover: some("/img/cover.png"),
                extra: extra(&[("Keywords", Value::List(vec![text("k")]))]),
                ..PostMeta::default()
            },
            problems: &[],
            error: None,
            body: "Body\n",
            body_line: 18,
        },
        Case {
            name: "Hugo TOML",
            source: "+++\n\
                     title = 'Hugo TOML'\n\
                     publishDate = 2024-03-01T10:00:00Z\n\
                     lastmod = 2024-03-02T08:00:00Z\n\
                     draft = false\n\
                     tags = ['a', 'b']\n\
                     authors = ['Ann', 'Bob']\n\
                     images = ['/x.png']\n\
                     [params]\n\
                     math = true\n\
                     +++\n\
                     Body",
            meta: PostMeta {
                title: some("Hugo TOML"),
                date: date("2024-03-01T10:00:00Z"),
                updated: date("2024-03-02T08:00:00Z"),
                tags: strings(&["a", "b"]),
                author: some("Ann, Bob"),
                extra: extra(&[
                    ("images", Value::List(vec![text("/x.png")])),
                    ("params", Value::Map(extra(&[("math", Value::Bool(true))]))),
                ]),
                ..PostMeta::default()
            },
            problems: &[],
            error: None,
            body: "Body",
            body_line: 12,
        },
        Case {
            name: "Jekyll",
            source: "---\n\
                     layout: post\n\
                     title:  \"Welcome to Jekyll!\"\n\
                     date:   2015-11-18 21:57:17 +0800\n\
                     last_modified_at: 2015-11-20\n\
                     categories: jekyll update\n\
                     tags: rust wasm\n\
                     published: false\n\
                     excerpt: Short.\n\
                     author: Tom\n\
                     ---\n\
                     Body\n",
            meta: PostMeta {
                title: some("Welcome to Jekyll!"),
                date: date("2015-11-18T21:57:17+08:00"),
                updated: date("2015-11-20"),
                description: some("Short."),
                tags: strings(&["rust", "wasm", "jekyll", "update"]),
                author: some("Tom"),
                draft: true,
                extra: extra(&[("layout", text("post"))]),
                ..PostMeta::default()
            },
            problems: &[],
            error: None,
            body: "Body\n",
            body_line: 12,
        },
        Case {
            name: "Hexo",
            source: "---\n\
                     title: Hexo 文章\n\
                     date: 2026/02/13 10:00:00\n\
                     updated: 2026/2/14 9:30:00\n\
                     tags:\n- 随笔\n- [生活, 随笔]\n\
                     categories:\n- [Diary, Life]\n- Notes\n\
                     thumbnail: /images/t.jpg\n\
                     lang: zh-CN\n\
                     comments: true\n\
                     ---\n",
            meta: PostMeta {
                title: some("Hexo 文章"),
                date: date("2026-02-13T10:00:00"),
                updated: date("2026-02-14T09:30:00"),
                tags: strings(&["随笔", "生活", "Diary", "Life", "Notes"]),
                cover: some("/images/t.jpg"),
                lang: some("zh-CN"),
                extra: extra(&[("comments", Value::Bool(true))]),
                ..PostMeta::default()
            },
            problems: &[],
            error: None,
            body: "",
            body_line: 15,
        },
        Case {
            name: "Zola TOML after blank lines, as Zola accepts it",
            source: "\n\n+++\n\
                     title = \"Late\"\n\
                     date = 2014-12-12\n\
                     +++\n\
                     Body",
            meta: PostMeta {
                title: some("Late"),
                date: date("2014-12-12"),
                ..PostMeta::default()
            },
            problems: &[],
            error: None,
            body: "Body",
            body_line: 7,
        },
        Case {
            name: "Zola TOML with taxonomies and extra",
            source: "+++\n\
                     title = \"Zola\"\n\
                     date = 2026-02-13\n\
                     updated = 2026-02-14T08:00:00Z\n\
                     description = \"Desc\"\n\
                     draft = true\n\
                     slug = \"zola-post\"\n\
                     authors = [\"Z\"]\n\
                     \n\
                     [taxonomies]\n\
                     tags = [\"rust\", \"静态网站\"]\n\
                     categories = [\"web\"]\n\
                     series = [\"intro\"]\n\
                     \n\
                     [extra]\n\
                     toc = true\n\
                     banner = \"b.png\"\n\
                     +++\n\
                     Body",
            meta: PostMeta {
                title: some("Zola"),
                date: date("2026-02-13"),
                updated: date("2026-02-14T08:00:00Z"),
                description: some("Desc"),
                tags: strings(&["rust", "静态网站", "web"]),
                author: some("Z"),
                draft: true,
                slug: some("zola-post"),
                extra: extra(&[
                    (
                        "taxonomies",
                        Value::Map(extra(&[("series", Value::List(vec![text("intro")]))])),
                    ),
                    ("toc", Value::Bool(true)),
                    ("banner", text("b.png")),
                ]),
                ..PostMeta::default()
            },
            problems: &[],
            error: None,
            body: "Body",
            body_line: 19,
        },
        Case {
            name: "VitePress with folded description, BOM and CRLF",
            source: "\u{feff}---\r\n\
                     layout: doc\r\n\
                     title: 春节的\"年味\"去哪儿了\r\n\
                     description: >-\r\n  大年初一，我们在视频里拜年，\r\n  却找不回小时候的年味。\r\n\
                     date: '2025-01-29'\r\n\
                     tags:\r\n  - 春节\r\n  - 记忆\r\n\
                     author: 写字的人\r\n\
                     ---\r\n\
                     \r\n# 年味\r\n",
            meta: PostMeta {
                title: some("春节的\"年味\"去哪儿了"),
                date: date("2025-01-29"),
                description: some("大年初一，我们在视频里拜年， 却找不回小时候的年味。"),
                tags: strings(&["春节", "记忆"]),
                author: some("写字的人"),
                extra: extra(&[("layout", text("doc"))]),
                ..PostMeta::default()
            },
            problems: &[],
            error: None,
            body: "\r\n# 年味\r\n",
            body_line: 13,
        },
        Case {
            name: "literal block and unquoted date",
            source: "---\ndescription: |\n  line one\n  line two\ndate: 2026-02-13\n---\n",
            meta: PostMeta {
                description: some("line one\nline two"),
                date: date("2026-02-13"),
                ..PostMeta::default()
            },
            problems: &[],
            error: None,
            body: "",
            body_line: 7,
        },
        Case {
            name: "no front matter",
            source: "# Just Markdown\n",
            meta: PostMeta::default(),
            problems: &[],
            error: None,
            body: "# Just Markdown\n",
            body_line: 1,
        },
        Case {
            name: "empty file",
            source: "",
            meta: PostMeta::default(),
            problems: &[],
            error: None,
            body: "",
            body_line: 1,
        },
        Case {
            name: "wrong types are ignored, the rest is read",
            source: "---\ntitle: [a, b]\ndraft: maybe\ndate: 2021-13-45\ntags: 好, 坏\n---\nBody",
            meta: PostMeta {
                tags: strings(&["好", "坏"]),
                ..PostMeta::default()
            },
            problems: &[
                (2, "`title` was ignored: expected text, found a list"),
                (
                    3,
                    "`draft` was ignored: expected true or false, found \"maybe\"",
                ),
                (
                    4,
                    "`date` was ignored: \"2021-13-45\" is not a valid date: month 13 is out of range",
                ),
            ],
            error: None,
            body: "Body",
            body_line: 7,
        },
        Case {
            name: "unclosed quote",
            source: "---\ntitle: ok\nauthor: \"Jane\ndate: 2026-02-13\n---\nBody",
            meta: PostMeta::default(),
            problems: &[(3, "quoted scalar")],
            error: Some(|e| matches!(e, FrontMatterError::Yaml { line: 3, .. })),
            body: "Body",
            body_line: 6,
        },
        Case {
            name: "tab indentation",
            source: "---\ntags:\n\t- a\n---\nBody",
            meta: PostMeta::default(),
            problems: &[(3, "tabs")],
            error: Some(|e| matches!(e, FrontMatterError::Yaml { line: 3, .. })),
            body: "Body",
            body_line: 5,
        },
        Case {
            name: "duplicate keys",
            source: "---\ntitle: a\ntitle: b\n---\nBody",
            meta: PostMeta::default(),
            problems: &[(3, "the key `title` appears twice")],
            error: Some(|e| matches!(e, FrontMatterError::Yaml { line: 3, .. })),
            body: "Body",
            body_line: 5,
        },
        Case {
            name: "top level is a list",
            source: "---\n- a\n- b\n---\nBody",
            meta: PostMeta::default(),
            problems: &[(2, "must be `key: value` fields, but it is a list")],
            error: Some(|e| {
                matches!(
                    e,
                    FrontMatterError::NotAMapping {
                        line: 2,
                        found: "a list"
                    }
                )
            }),
            body: "Body",
            body_line: 5,
        },
        Case {
            name: "broken TOML",
            source: "+++\ntitle = 'a'\ndate = 2026-13-01\n+++\nBody",
            meta: PostMeta::default(),
            problems: &[(3, "TOML front matter")],
            error: Some(|e| matches!(e, FrontMatterError::Toml { line: 3, .. })),
            body: "Body",
            body_line: 5,
        },
        Case {
            name: "missing closing fence: the whole file is the body",
            source: "---\ntitle: a\n\n# Heading\n",
            meta: PostMeta::default(),
            problems: &[(1, "starts on line 1 with `---` is never closed")],
            error: Some(|e| matches!(e, FrontMatterError::Unclosed { line: 1, .. })),
            body: "---\ntitle: a\n\n# Heading\n",
            body_line: 1,
        },
    ]
}

#[test]
fn reads_every_dialect_and_reports_what_is_broken() {
    for case in cases() {
        let name = case.name;
        let document = parse_document(case.source);
        assert_eq!(document.meta, case.meta, "{name}");
        assert_eq!(
            (document.body, document.body_line),
            (case.body, case.body_line),
            "{name}"
        );
        assert_eq!(
            document.problems.len(),
            case.problems.len(),
            "{name}: {:?}",
            document.problems
        );
        for (problem, (line, message)) in document.problems.iter().zip(case.problems) {
            assert_eq!(problem.line, *line, "{name}: {problem:?}");
            assert!(
                problem.message.contains(message),
                "{name}: {:?} should contain {message:?}",
                problem.message
            );
        }
        let lower_level =
            front_matter::split(case.source).and_then(|split| match split.front_matter {
                Some(front_matter) => front_matter::parse_fields(&front_matter).map(drop),
                None => Ok(()),
            });
        match (case.error, lower_level) {
            (Some(is_expected), Err(error)) => assert!(is_expected(&error), "{name}: {error:?}"),
            (None, Ok(())) => {}
            (expected, actual) => panic!(
                "{name}: expected an error: {}, got {actual:?}",
                expected.is_some()
            ),
        }
    }
}

#[test]
fn the_format_is_reported_even_when_the_front_matter_is_broken() {
    assert_eq!(
        parse_document("+++\nbroken\n").format,
        Some(FrontMatterFormat::Toml)
    );
    assert_eq!(
        parse_document("---\n- a\n---\n").format,
        Some(FrontMatterFormat::Yaml)
    );
    assert_eq!(parse_document("text").format, None);
}

#[test]
fn parser_errors_carry_their_column_and_others_do_not() {
    let located = |source: &str| {
        let problem = &parse_document(source).problems[0];
        (problem.line, problem.column)
    };
    assert_eq!(located("---\ntitle: ok\ntags: [a, b\n---\n"), (4, Some(1)));
    assert_eq!(
        located("+++\ntitle = \"x\"\ndate = = 1\n+++\n"),
        (3, Some(8))
    );
    assert_eq!(located("---\n- a list\n---\n"), (2, None));
    assert_eq!(located("---\ntitle: never closed\n"), (1, None));
}

#[test]
fn a_byte_order_mark_never_reaches_the_body() {
    let document = parse_document("\u{feff}---\ntitle: a\n");
    assert_eq!(document.body, "---\ntitle: a\n");
    assert_eq!(parse_document("\u{feff}Hi").body, "Hi");
}

/// A post shaped like the one Folio is made for (VitePress, Chinese, folded description).
const CHINESE_SAMPLE: &str = "---
layout: doc
title: 春节的\"年味\"去哪儿了：一场关于记忆的考古
description: >-
  2025年1月29日，大年初一。我们在视频通话里拜年，在红包雨里抢几分钱，
  却怎么也找不回小时候那种年味——它藏在外婆的灶台边，也藏在我们不再回去的老屋里。
date: '2025-01-29'
tags:
  - 春节
  - 传统
  - 记忆
  - 家庭
  - 社会观察
author: 不秃头的写字人
---

# 春节的\"年味\"去哪儿了
";

#[test]
fn snapshot_of_a_chinese_vitepress_post() {
    let document = parse_document(CHINESE_SAMPLE);
    assert!(document.problems.is_empty(), "{:?}", document.problems);
    insta::assert_json_snapshot!(document.meta);
}

#[test]
fn reads_the_seed_post() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/seed/cyber-valentines-funeral.md"
    );
    let Ok(source) = std::fs::read_to_string(path) else {
        eprintln!("SKIPPED: reads_the_seed_post: {path} not found");
        return;
    };
    let document = parse_document(&source);
    assert!(document.problems.is_empty(), "{:?}", document.problems);
    let meta = &document.meta;
    assert_eq!(
        meta.title.as_deref(),
        Some("赛博时代的\"情人节葬礼\"：GPT-4o停服背后的那场集体失恋")
    );
    assert_eq!(meta.date, date("2026-02-13"));
    assert_eq!(
        meta.tags,
        strings(&["AI", "GPT-4o", "情感陪伴", "伦理", "OpenAI", "社会观察"])
    );
    assert_eq!(meta.author.as_deref(), Some("舒一笑不秃头"));
    let description = meta.description.as_deref().unwrap();
    assert!(description.starts_with("2026年2月14日"), "{description}");
    assert!(!description.contains('\n'), "folded: {description:?}");
    assert_eq!(meta.extra.get("layout"), Some(&text("doc")));
    assert!(document.body.trim_start().starts_with("# 赛博时代"));
}
