//! Tests for splitting and parsing front matter, and for the `saphyr` behaviour the YAML side
//! works around.

#![allow(clippy::unwrap_used)]

use saphyr::{LoadableYamlNode, MarkedYaml};

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
    let cases: [(&str, &str, Expected); 20] = [
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
            "fence not on the first line",
            "\n---\ntitle: a\n---\n",
            Ok((None, "\n---\ntitle: a\n---\n", 1)),
        ),
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
    assert_eq!((front_matter.first_line, front_matter.closing_line), (2, 4));
}

fn fields(source: &str) -> Result<Vec<Field>, FrontMatterError> {
    let split = split(source).unwrap();
    parse_fields(&split.front_matter.unwrap())
}

fn text(value: &str) -> Value {
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
                  title: 赛博时代的\"葬礼\"\n\
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
        ("title".to_owned(), text("赛博时代的\"葬礼\""), 2),
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

#[test]
fn follows_yaml_1_2_not_yaml_1_1() {
    let fields =
        fields("---\na: yes\nb: on\nc: 2026-02-13\nd: 0o17\ne: 1_000\nf: ~\n---\n").unwrap();
    let values: Vec<Value> = fields.into_iter().map(|f| f.value).collect();
    assert_eq!(
        values,
        [
            text("yes"),
            text("on"),
            text("2026-02-13"),
            Value::Integer(15),
            text("1_000"),
            Value::Null
        ]
    );
}

#[test]
fn anchors_and_aliases_are_resolved() {
    let fields = fields("---\nbase: &tags [a, b]\ntags: *tags\n---\n").unwrap();
    assert_eq!(fields[1].value, Value::List(vec![text("a"), text("b")]));
}

#[test]
fn odd_but_valid_yaml_gives_sensible_fields() {
    let cases: [(&str, Vec<(&str, Value)>); 5] = [
        ("---\n---\n", vec![]),
        ("---\n# only a comment\n---\n", vec![]),
        ("---\n~\n---\n", vec![]),
        ("---\nk: !custom abc\n---\n", vec![("k", text("abc"))]),
        (
            "---\n2024: year\ntrue: flag\n---\n",
            vec![("2024", text("year")), ("true", text("flag"))],
        ),
    ];
    for (source, expected) in cases {
        let actual: Vec<(String, Value)> = fields(source)
            .unwrap()
            .into_iter()
            .map(|f| (f.key, f.value))
            .collect();
        let expected: Vec<(String, Value)> = expected
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect();
        assert_eq!(actual, expected, "{source:?}");
    }
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
            "quoted scalar",
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
fn only_tab_errors_get_the_tab_hint() {
    let error = fields("---\n\u{0}title: a\n---\n").unwrap_err();
    let message = error.to_string();
    assert!(message.contains("unprintable"), "{message}");
    assert!(!message.contains("tabs"), "{message}");
}

#[test]
fn deep_block_nesting_is_refused_before_saphyr_overflows_the_stack() {
    let deep: String = (0..2_000)
        .map(|level| format!("{}k:\n", " ".repeat(level)))
        .collect();
    let error = fields(&format!("---\n{deep}---\n")).unwrap_err();
    assert!(
        matches!(error, FrontMatterError::TooDeep { limit: MAX_DEPTH, line } if line > 2 && line < 100),
        "{error:?}"
    );
    let compact = format!("---\nk: {}x\n---\n", "- ".repeat(5_000));
    assert!(matches!(
        fields(&compact).unwrap_err(),
        FrontMatterError::TooDeep { line: 2, .. }
    ));
}

#[test]
fn deep_flow_nesting_is_refused() {
    let source = format!("---\na: {}{}\n---\n", "[".repeat(3_000), "]".repeat(3_000));
    assert!(matches!(
        fields(&source).unwrap_err(),
        FrontMatterError::TooDeep { line: 2, .. }
    ));
}

#[test]
fn realistic_nesting_passes_the_depth_guard() {
    let nested: String = (0..20)
        .map(|level| format!("{}level{level}:\n", "  ".repeat(level)))
        .collect();
    let source = format!("---\n{nested}{}- [a, {{b: [c]}}]\n---\n", "  ".repeat(20));
    let fields = fields(&source).unwrap();
    let mut depth = 0;
    let mut value = &fields[0].value;
    while let Value::Map(map) = value {
        value = map.iter().next().map(|(_, v)| v).unwrap();
        depth += 1;
    }
    assert_eq!(depth, 19);
}

// What `saphyr` 0.3 does, pinned so an upgrade that changes it shows up here.

#[test]
fn saphyr_marker_lines_are_one_based_and_columns_zero_based() {
    let docs = MarkedYaml::load_from_str("a: 1\nbb: 2\n").unwrap();
    let saphyr::YamlData::Mapping(mapping) = &docs[0].data else {
        panic!("a mapping")
    };
    let keys: Vec<(usize, usize)> = mapping
        .keys()
        .map(|k| (k.span.start.line(), k.span.start.col()))
        .collect();
    assert_eq!(keys, [(1, 0), (2, 0)]);
    // So file lines are saphyr lines plus the opening fence.
    assert_eq!(fields("---\na: 1\nbb: 2\n---\n").unwrap()[1].line, 3);
}

#[test]
fn saphyr_reports_an_indenting_tab_on_the_line_before_it() {
    let error = MarkedYaml::load_from_str("title: a\n\tdate: b\n").unwrap_err();
    assert_eq!(
        error.marker().line(),
        1,
        "saphyr blames the scalar before the tab"
    );
    // Folio moves the error to the line with the tab (file line 3 here).
    assert_eq!(
        fields("---\ntitle: a\n\tdate: b\n---\n")
            .unwrap_err()
            .line(),
        3
    );
}

#[test]
fn saphyr_rejects_a_tab_after_a_colon_which_yaml_1_2_allows() {
    assert!(MarkedYaml::load_from_str("key:\tvalue\n").is_err());
}

#[test]
fn saphyr_duplicate_key_errors_do_not_name_the_key() {
    let error = MarkedYaml::load_from_str("a: 1\na: 2\n").unwrap_err();
    assert_eq!(error.info(), "duplicated key in mapping");
}

#[test]
fn saphyr_gives_tagged_values_no_position() {
    let docs = MarkedYaml::load_from_str("k: !custom abc\n").unwrap();
    let saphyr::YamlData::Mapping(mapping) = &docs[0].data else {
        panic!("a mapping")
    };
    let value = mapping.values().next().unwrap();
    let saphyr::YamlData::Tagged(_, inner) = &value.data else {
        panic!("a tagged value")
    };
    assert_eq!(inner.span.start.line(), 0);
}
