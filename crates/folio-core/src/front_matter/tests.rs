//! Tests for splitting front matter off and parsing it, in both formats.

#![allow(clippy::unwrap_used)]

use super::*;
use crate::Map;

/// What [`split`] should find: the format and text of the front matter, the body and its line.
type Expected = Result<
    (
        Option<(FrontMatterFormat, &'static str)>,
        &'static str,
        usize,
    ),
    usize,
>;

#[test]
fn splits_front_matter_from_the_body() {
    use FrontMatterFormat::{Toml, Yaml};
    let cases: [(&str, &str, Expected); 24] = [
        ("empty file", "", Ok((None, "", 1))),
        ("no front matter", "# Hi\n", Ok((None, "# Hi\n", 1))),
        (
            "yaml",
            "---\ntitle: a\n---\nbody\n",
            Ok((Some((Yaml, "title: a\n")), "body\n", 4)),
        ),
        (
            "yaml closed by ...",
            "---\ntitle: a\n...\nbody",
            Ok((Some((Yaml, "title: a\n")), "body", 4)),
        ),
        (
            "toml",
            "+++\ntitle = 'a'\n+++\nbody",
            Ok((Some((Toml, "title = 'a'\n")), "body", 4)),
        ),
        (
            "fences with trailing whitespace",
            "--- \t\ntitle: a\n---  \nbody",
            Ok((Some((Yaml, "title: a\n")), "body", 4)),
        ),
        (
            "byte-order mark",
            "\u{feff}---\ntitle: a\n---\nbody",
            Ok((Some((Yaml, "title: a\n")), "body", 4)),
        ),
        (
            "byte-order mark without front matter",
            "\u{feff}# Hi",
            Ok((None, "# Hi", 1)),
        ),
        (
            "CRLF",
            "---\r\ntitle: a\r\n---\r\nbody\r\n",
            Ok((Some((Yaml, "title: a\r\n")), "body\r\n", 4)),
        ),
        (
            "lone CR",
            "---\rtitle: a\r---\rbody",
            Ok((Some((Yaml, "title: a\r")), "body", 4)),
        ),
        (
            "empty front matter",
            "---\n---\nbody",
            Ok((Some((Yaml, "")), "body", 3)),
        ),
        (
            "only front matter, no final newline",
            "---\ntitle: a\n---",
            Ok((Some((Yaml, "title: a\n")), "", 4)),
        ),
        (
            "a body that contains --- again",
            "---\na: 1\n---\ntext\n---\nmore",
            Ok((Some((Yaml, "a: 1\n")), "text\n---\nmore", 4)),
        ),
        (
            "blank lines before the fence (Hugo and Zola accept them)",
            "\n \t\r\n---\ntitle: a\n---\nbody",
            Ok((Some((Yaml, "title: a\n")), "body", 6)),
        ),
        (
            "byte-order mark, then a blank line",
            "\u{feff}\n+++\ntitle = 'a'\n+++\n",
            Ok((Some((Toml, "title = 'a'\n")), "", 5)),
        ),
        (
            "text before the fence",
            "Hi\n---\ntitle: a\n---\n",
            Ok((None, "Hi\n---\ntitle: a\n---\n", 1)),
        ),
        ("only blank lines", "\n  \n", Ok((None, "\n  \n", 1))),
        ("unclosed after blank lines", "\n\n---\ntitle: a\n", Err(3)),
        (
            "indented fence",
            " ---\ntitle: a\n---\n",
            Ok((None, " ---\ntitle: a\n---\n", 1)),
        ),
        (
            "a thematic break is not a fence",
            "----\n",
            Ok((None, "----\n", 1)),
        ),
        ("text after the fence", "--- x\n", Ok((None, "--- x\n", 1))),
        ("only a fence", "---", Err(1)),
        ("unclosed yaml", "---\ntitle: a\n\n# Body\n", Err(1)),
        ("toml is not closed by ---", "+++\na = 1\n---\nbody", Err(1)),
    ];
    for (name, source, expected) in cases {
        let actual = split(source)
            .map(|s| {
                let front_matter = s.front_matter.map(|f| (f.format, f.text));
                (front_matter, s.body, s.body_line)
            })
            .map_err(|error| match error {
                FrontMatterError::Unclosed { line, .. } => line,
                other => panic!("{name}: unexpected {other:?}"),
            });
        assert_eq!(actual, expected, "{name}");
    }
}

#[test]
fn an_unclosed_fence_says_where_it_started_and_what_to_add() {
    let error = split("+++\ntitle = 'a'\n").unwrap_err();
    assert!(matches!(
        error,
        FrontMatterError::Unclosed {
            line: 1,
            format: FrontMatterFormat::Toml
        }
    ));
    assert_eq!(
        error.to_string(),
        "the front matter that starts on line 1 with `+++` is never closed: add a `+++` line after its last field"
    );
}

#[test]
fn front_matter_knows_its_lines() {
    let split = split("---\na: 1\nb: 2\n---\nbody").unwrap();
    let front_matter = split.front_matter.unwrap();
    assert_eq!(
        (
            front_matter.opening_line,
            front_matter.first_line,
            front_matter.closing_line
        ),
        (1, 2, 4)
    );
}

#[test]
fn fields_after_leading_blank_lines_keep_their_file_lines() {
    let fields = fields("\n\n+++\ntitle = \"Late\"\ndate = 2014-12-12\n+++\nbody").unwrap();
    let lines: Vec<(&str, usize)> = fields.iter().map(|f| (f.key.as_str(), f.line)).collect();
    assert_eq!(lines, [("title", 4), ("date", 5)]);
}

pub(super) fn fields(source: &str) -> Result<Vec<Field>, FrontMatterError> {
    let split = split(source).unwrap();
    parse_fields(&split.front_matter.unwrap())
}

pub(super) fn text(value: &str) -> Value {
    Value::String(value.to_owned())
}

/// `(key, value, file line)` for each field.
fn summary(fields: Vec<Field>) -> Vec<(String, Value, usize)> {
    fields
        .into_iter()
        .map(|f| (f.key, f.value, f.line))
        .collect()
}

#[test]
fn parses_yaml_fields_in_order_with_file_lines() {
    let source = "---\n\
                  title: 雨夜里的\"书店\"\n\
                  description: >-\n  第一行，\n  第二行。\n\
                  literal: |\n  one\n  two\n\
                  date: '2026-02-13'\n\
                  tags:\n  - AI\n  - 情感\n\
                  count: 3\n\
                  ratio: 0.5\n\
                  draft: false\n\
                  empty:\n\
                  ---\nbody";
    let expected = vec![
        ("title".to_owned(), text("雨夜里的\"书店\""), 2),
        ("description".to_owned(), text("第一行， 第二行。"), 3),
        ("literal".to_owned(), text("one\ntwo\n"), 6),
        ("date".to_owned(), text("2026-02-13"), 9),
        (
            "tags".to_owned(),
            Value::List(vec![text("AI"), text("情感")]),
            10,
        ),
        ("count".to_owned(), Value::Integer(3), 13),
        ("ratio".to_owned(), Value::Float(0.5), 14),
        ("draft".to_owned(), Value::Bool(false), 15),
        ("empty".to_owned(), Value::Null, 16),
    ];
    assert_eq!(summary(fields(source).unwrap()), expected);
}

#[test]
fn yaml_with_crlf_and_a_bom_parses_like_lf() {
    let lf = "---\ntitle: a\ndescription: >-\n  one\n  two\ntags: [x, y]\n---\n";
    let crlf = format!("\u{feff}{}", lf.replace('\n', "\r\n"));
    assert_eq!(fields(lf).unwrap(), fields(&crlf).unwrap());
    assert_eq!(fields(&crlf).unwrap()[1].value, text("one two"));
}

#[test]
fn parses_toml_fields_with_native_datetimes_as_text() {
    let source = "+++\n\
                  title = \"标题\"\n\
                  date = 2026-02-13T10:00:00+08:00\n\
                  updated = 1979-05-27 07:32:00Z\n\
                  day = 2026-02-13\n\
                  hex = 0xff\n\
                  big = 1_000.5\n\
                  \n\
                  [taxonomies]\n\
                  tags = [\"rust\", \"中文\"]\n\
                  \n\
                  [extra]\n\
                  toc = true\n\
                  +++\n";
    let taxonomies: Map = [(
        "tags".to_owned(),
        Value::List(vec![text("rust"), text("中文")]),
    )]
    .into_iter()
    .collect();
    let extra: Map = [("toc".to_owned(), Value::Bool(true))]
        .into_iter()
        .collect();
    let expected = vec![
        ("title".to_owned(), text("标题"), 2),
        ("date".to_owned(), text("2026-02-13T10:00:00+08:00"), 3),
        ("updated".to_owned(), text("1979-05-27T07:32:00Z"), 4),
        ("day".to_owned(), text("2026-02-13"), 5),
        ("hex".to_owned(), Value::Integer(255), 6),
        ("big".to_owned(), Value::Float(1000.5), 7),
        ("taxonomies".to_owned(), Value::Map(taxonomies), 9),
        ("extra".to_owned(), Value::Map(extra), 12),
    ];
    assert_eq!(summary(fields(source).unwrap()), expected);
}

/// Broken front matter, each with the error it must give: variant, file line and a piece of the
/// message.
#[test]
fn broken_front_matter_gives_located_errors() {
    type Check = fn(&FrontMatterError) -> bool;
    let cases: [(&str, &str, Check, usize, &str); 18] = [
        (
            "unclosed double quote",
            "---\ntitle: \"abc\ndate: x\n---\n",
            |e| matches!(e, FrontMatterError::Yaml { column: 8, .. }),
            2,
            "quoted scalar (is a closing quote missing?)",
        ),
        (
            "duplicate key",
            "---\ntitle: a\ndate: b\ntitle: c\n---\n",
            |e| matches!(e, FrontMatterError::Yaml { .. }),
            4,
            "the key `title` appears twice",
        ),
        (
            "tab indentation",
            "---\ntitle: a\n\tdate: b\n---\n",
            |e| matches!(e, FrontMatterError::Yaml { column: 1, .. }),
            3,
            "never tabs",
        ),
        (
            "tab after a colon",
            "---\ntitle:\tvalue\n---\n",
            |e| matches!(e, FrontMatterError::Yaml { .. }),
            2,
            "use a space",
        ),
        (
            "unclosed flow list",
            "---\ntags: [a, b\n---\n",
            |e| matches!(e, FrontMatterError::Yaml { .. }),
            3,
            "flow sequence",
        ),
        (
            "nested colon",
            "---\ntitle: a: b\n---\n",
            |e| matches!(e, FrontMatterError::Yaml { column: 9, .. }),
            2,
            "mapping values are not allowed",
        ),
        (
            "unknown alias",
            "---\n\na: *nope\n---\n",
            |e| matches!(e, FrontMatterError::Yaml { .. }),
            3,
            "unknown anchor",
        ),
        (
            "value that does not match its tag",
            "---\nk: !!int abc\n---\n",
            |e| matches!(e, FrontMatterError::Yaml { column: 4, .. }),
            2,
            "its tag does not fit it",
        ),
        (
            "alias to its own anchor",
            "---\na: &a [*a]\n---\n",
            |e| matches!(e, FrontMatterError::Yaml { .. }),
            2,
            "refers to its own anchor",
        ),
        (
            "empty key",
            "---\ntitle: a\n: value\n---\n",
            |e| matches!(e, FrontMatterError::Yaml { column: 1, .. }),
            3,
            "this key is nothing",
        ),
        (
            "list as a key",
            "---\n? [a, b]\n: c\n---\n",
            |e| matches!(e, FrontMatterError::Yaml { .. }),
            2,
            "this key is a list",
        ),
        (
            "top level is a list",
            "---\n- a\n- b\n---\n",
            |e| {
                matches!(
                    e,
                    FrontMatterError::NotAMapping {
                        found: "a list",
                        ..
                    }
                )
            },
            2,
            "but it is a list",
        ),
        (
            "top level is text",
            "---\nJust a sentence.\n---\n",
            |e| matches!(e, FrontMatterError::NotAMapping { found: "text", .. }),
            2,
            "`key: value` fields",
        ),
        (
            "toml missing value",
            "+++\ntitle = 'a'\ndate =\n+++\n",
            |e| matches!(e, FrontMatterError::Toml { .. }),
            3,
            "",
        ),
        (
            "toml unclosed string",
            "+++\n\ntitle = \"abc\n+++\n",
            |e| matches!(e, FrontMatterError::Toml { column: 13, .. }),
            3,
            "string",
        ),
        (
            "toml duplicate key",
            "+++\ntitle = 'a'\ntitle = 'b'\n+++\n",
            |e| matches!(e, FrontMatterError::Toml { column: 1, .. }),
            3,
            "the key `title` appears twice",
        ),
        (
            "toml integer too big",
            "+++\nn = 99999999999999999999\n+++\n",
            |e| matches!(e, FrontMatterError::Toml { column: 5, .. }),
            2,
            "64 bits",
        ),
        (
            "toml deep arrays",
            "+++\na = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n+++\n",
            |e| matches!(e, FrontMatterError::Toml { .. }),
            2,
            "recurse",
        ),
    ];
    for (name, source, is_expected, line, message) in cases {
        let error = fields(source).expect_err(name);
        assert!(is_expected(&error), "{name}: {error:?}");
        assert_eq!(error.line(), line, "{name}: {error:?}");
        assert!(
            error.to_string().contains(message),
            "{name}: {error} should mention {message:?}"
        );
    }
}

#[test]
fn a_control_character_costs_its_value_a_replacement_not_the_front_matter() {
    // Both parsers refuse a raw control character; a title pasted from a terminal keeps the post
    // its date and tags.
    for source in [
        "---\ntitle: Bell\u{1}\ndate: 2025-03-20\n---\n",
        "+++\ntitle = \"Bell\u{1}\"\ndate = \"2025-03-20\"\n+++\n",
    ] {
        let fields = fields(source).unwrap();
        assert_eq!(fields[0].value, text("Bell\u{FFFD}"), "{source:?}");
        assert_eq!(fields[1].value, text("2025-03-20"), "{source:?}");
    }
}
