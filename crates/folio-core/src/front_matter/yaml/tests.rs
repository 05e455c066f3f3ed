//! Tests for the YAML side: YAML 1.2 semantics, the nesting guard, and the `saphyr` behaviour it
//! works around, pinned so that an upgrade which changes it shows up here.

#![allow(clippy::unwrap_used)]

use saphyr::{LoadableYamlNode, MarkedYaml};

use crate::Value;
use crate::front_matter::tests::{fields, text};
use crate::front_matter::{FrontMatterError, MAX_DEPTH};

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
