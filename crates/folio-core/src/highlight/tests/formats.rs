//! Data and markup formats, and SQL.

use super::check;
use crate::highlight::Language;

#[test]
fn data_formats() {
    check(
        Language::Json,
        &[(
            r#"{"name": "a\"b", "n": -1.5e3, "ok": true, "x": null}"#,
            &[
                ("key", "\"name\""),
                ("str", "\"a"),
                ("esc", "\\\""),
                ("str", "b\""),
                ("key", "\"n\""),
                ("num", "-1.5e3"),
                ("key", "\"ok\""),
                ("bi", "true"),
                ("key", "\"x\""),
                ("bi", "null"),
            ],
        )],
    );
    check(
        Language::Yaml,
        &[
            (
                "---\ntitle: \"Hi # not\" # c\ntags: [a, b]\ncount: 3\nurl: http://x/#y\n",
                &[
                    ("meta", "---"),
                    ("key", "title"),
                    ("str", "\"Hi # not\""),
                    ("com", "# c"),
                    ("key", "tags"),
                    ("str", "a"),
                    ("str", "b"),
                    ("key", "count"),
                    ("num", "3"),
                    ("key", "url"),
                    ("str", "http://x/#y"),
                ],
            ),
            (
                "- name: x\n  run: |\n    echo hi # not a comment\n  on: true\n",
                &[
                    ("key", "name"),
                    ("str", "x"),
                    ("key", "run"),
                    ("meta", "|"),
                    ("str", "echo hi # not a comment"),
                    ("key", "on"),
                    ("bi", "true"),
                ],
            ),
        ],
    );
    check(
        Language::Toml,
        &[(
            "[package]\nname = \"folio\" # n\nsite.title = 'a\\b'\ndate = 2024-01-02T03:04:05Z\ndeps = { x = 1, y = true }\ns = \"\"\"\nmulti # no\"\"\"\n[[bin]]\n",
            &[
                ("tag", "[package]"),
                ("key", "name"),
                ("str", "\"folio\""),
                ("com", "# n"),
                ("key", "site.title"),
                ("str", "'a\\b'"),
                ("key", "date"),
                ("num", "2024-01-02T03:04:05Z"),
                ("key", "deps"),
                ("key", "x"),
                ("num", "1"),
                ("key", "y"),
                ("bi", "true"),
                ("key", "s"),
                ("str", "\"\"\"\nmulti # no\"\"\""),
                ("tag", "[[bin]]"),
            ],
        )],
    );
    check(
        Language::Diff,
        &[(
            "diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-old\n+new\n same\n",
            &[
                ("meta", "diff --git a/x b/x"),
                ("meta", "--- a/x"),
                ("meta", "+++ b/x"),
                ("meta", "@@ -1 +1 @@"),
                ("del", "-old"),
                ("ins", "+new"),
            ],
        )],
    );
}

#[test]
fn markup_and_sql() {
    check(
        Language::Html,
        &[(
            "<!DOCTYPE html>\n<a href=\"/x?a&amp;b\" hidden>T &amp; <!-- c --></a><script>let x = '</b>';</script>",
            &[
                ("meta", "<!DOCTYPE html>"),
                ("tag", "a"),
                ("attr", "href"),
                ("str", "\"/x?a&amp;b\""),
                ("attr", "hidden"),
                ("esc", "&amp;"),
                ("com", "<!-- c -->"),
                ("tag", "a"),
                ("tag", "script"),
                ("kw", "let"),
                ("str", "'</b>'"),
                ("tag", "script"),
            ],
        )],
    );
    check(
        Language::Css,
        &[(
            "a:hover, .nav > #top { color: #fff !important; margin: -1.5em 0; --gap: 2px; }\n@media (x) {}",
            &[
                ("tag", "a"),
                ("attr", ":hover"),
                ("attr", ".nav"),
                ("attr", "#top"),
                ("key", "color"),
                ("num", "#fff"),
                ("kw", "!important"),
                ("key", "margin"),
                ("num", "-1.5em"),
                ("num", "0"),
                ("var", "--gap"),
                ("num", "2px"),
                ("kw", "@media"),
                ("tag", "x"),
            ],
        )],
    );
    check(
        Language::Sql,
        &[(
            "select count(*) from t where name = 'O''Brien' -- c\n/* b */",
            &[
                ("kw", "select"),
                ("bi", "count"),
                ("kw", "from"),
                ("kw", "where"),
                ("str", "'O''Brien'"),
                ("com", "-- c"),
                ("com", "/* b */"),
            ],
        )],
    );
    check(
        Language::Markdown,
        &[(
            "# Title\n\n- item with `code` and [a](http://x)\n\n```rust\nfn x() {}\n```\n",
            &[
                ("kw", "# Title"),
                ("meta", "-"),
                ("str", "`code`"),
                ("str", "http://x"),
                ("meta", "```rust"),
                ("str", "fn x() {}"),
                ("meta", "```"),
            ],
        )],
    );
}
