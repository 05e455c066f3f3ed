//! Tests for the YAML side: YAML 1.2 semantics, the depth limit, anchors and aliases, and the
//! `saphyr-parser` behaviour the loader relies on or works around, pinned so that an upgrade which
//! changes it shows up here.

#![allow(clippy::unwrap_used)]

use std::time::{Duration, Instant};

use saphyr_parser::{Event, Parser, ScanError};

use super::SCANNER_DEPTH_ERROR;
use crate::front_matter::tests::{fields, text};
use crate::front_matter::{Field, FrontMatterError, MAX_DEPTH};
use crate::{Map, Value};

/// wasm32 gets 1 MiB of stack; a debug build uses more stack per frame than a release build.
const BROWSER_STACK: usize = 1 << 20;

/// Runs `f` on a thread with the browser's stack, so a recursion per nesting level would abort the
/// test run instead of passing.
fn on_browser_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(BROWSER_STACK)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap()
}

fn values(fields: Vec<Field>) -> Vec<Value> {
    fields.into_iter().map(|f| f.value).collect()
}

fn list(items: &[Value]) -> Value {
    Value::List(items.to_vec())
}

fn map(entries: &[(&str, Value)]) -> Value {
    Value::Map(
        entries
            .iter()
            .map(|(key, value)| ((*key).to_owned(), value.clone()))
            .collect::<Map>(),
    )
}

/// The error message of a YAML error, and its file line.
fn yaml_error(source: &str) -> (usize, String) {
    match fields(source).unwrap_err() {
        FrontMatterError::Yaml { line, message, .. } => (line, message),
        other => panic!("{source:?}: expected a YAML error, got {other:?}"),
    }
}

fn too_deep_line(source: &str) -> usize {
    match fields(source) {
        Err(FrontMatterError::TooDeep { line, limit }) => {
            assert_eq!(limit, MAX_DEPTH);
            line
        }
        other => panic!("expected TooDeep, got {other:?}"),
    }
}

/// `a: ` and a value nested `depth` levels deep, scalar included, in flow style.
fn flow_nested(depth: usize) -> String {
    format!(
        "---\na: {}x{}\n---\n",
        "[".repeat(depth - 1),
        "]".repeat(depth - 1)
    )
}

/// `a:` and a value nested `depth` levels deep, scalar included, as compact block sequences.
fn block_nested(depth: usize) -> String {
    format!("---\na:\n  {}x\n---\n", "- ".repeat(depth - 1))
}

#[test]
fn follows_yaml_1_2_not_yaml_1_1() {
    let fields =
        fields("---\na: yes\nb: on\nc: 2026-02-13\nd: 0o17\ne: 1_000\nf: ~\n---\n").unwrap();
    assert_eq!(
        values(fields),
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
    assert_eq!(fields[1].value, list(&[text("a"), text("b")]));
}

#[test]
fn aliases_reach_anchors_anywhere_already_complete() {
    let source = "---\n\
                  outer:\n  \
                    inner: &inner {x: &x 1, y: [&y [2, 3]]}\n  \
                    again: *inner\n  \
                    list: [&first [a], *first, *y, *x]\n\
                  later: [*inner, *first]\n\
                  &key k: *key\n\
                  *x : one\n\
                  ---\n";
    let inner = map(&[
        ("x", Value::Integer(1)),
        ("y", list(&[list(&[Value::Integer(2), Value::Integer(3)])])),
    ]);
    let first = list(&[text("a")]);
    let two_three = list(&[Value::Integer(2), Value::Integer(3)]);
    let outer = map(&[
        ("inner", inner.clone()),
        ("again", inner.clone()),
        (
            "list",
            list(&[first.clone(), first.clone(), two_three, Value::Integer(1)]),
        ),
    ]);
    let fields = fields(source).unwrap();
    let summary: Vec<(&str, &Value)> = fields.iter().map(|f| (f.key.as_str(), &f.value)).collect();
    assert_eq!(
        summary,
        [
            ("outer", &outer),
            ("later", &list(&[inner, first])),
            ("k", &text("k")),
            ("1", &text("one")),
        ]
    );
}

#[test]
fn aliases_that_cannot_be_keys_or_values_are_refused_where_they_are() {
    let cases = [
        ("---\na: &a [x]\n*a : y\n---\n", 3, "this key is a list"),
        (
            "---\na: &a {b: &b [*a]}\n---\n",
            2,
            "refers to its own anchor",
        ),
        ("---\na: &a\n  - [*a]\n---\n", 3, "refers to its own anchor"),
    ];
    for (source, line, message) in cases {
        let (actual_line, actual) = yaml_error(source);
        assert_eq!(actual_line, line, "{source:?}: {actual}");
        assert!(actual.contains(message), "{source:?}: {actual}");
    }
}

#[test]
fn odd_but_valid_yaml_gives_sensible_fields() {
    let cases: [(&str, Vec<(&str, Value)>); 6] = [
        ("---\n---\n", vec![]),
        ("---\n# only a comment\n---\n", vec![]),
        ("---\n~\n---\n", vec![]),
        ("---\nk: !custom abc\n---\n", vec![("k", text("abc"))]),
        (
            "---\n2024: year\ntrue: flag\n---\n",
            vec![("2024", text("year")), ("true", text("flag"))],
        ),
        (
            "---\n!!map {!!str a: !!seq [!!int 1, !x y], b: !!str 2}\n---\n",
            vec![
                ("a", list(&[Value::Integer(1), text("y")])),
                ("b", text("2")),
            ],
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
fn duplicate_keys_are_refused_at_every_level_and_by_their_text() {
    let cases = [
        (
            "---\na: 1\nb:\n  c: 1\n  c: 2\n---\n",
            5,
            "the key `c` appears twice",
        ),
        (
            "---\nx: [{k: 1, k: 2}]\n---\n",
            2,
            "the key `k` appears twice",
        ),
        ("---\n1: a\n\"1\": b\n---\n", 3, "the key `1` appears twice"),
        (
            "---\n&k a: 1\n*k : 2\n---\n",
            3,
            "the key `a` appears twice",
        ),
    ];
    for (source, line, message) in cases {
        let (actual_line, actual) = yaml_error(source);
        assert_eq!(actual_line, line, "{source:?}: {actual}");
        assert!(actual.contains(message), "{source:?}: {actual}");
    }
}

#[test]
fn a_second_document_is_refused_on_its_line() {
    let (line, message) = yaml_error("---\na: 1\n--- b\n---\n");
    assert_eq!(line, 3);
    assert!(message.contains("second YAML document"), "{message}");
}

#[test]
fn only_tab_errors_get_the_tab_hint() {
    // Straight to the YAML reader: `parse_fields` reads a NUL as U+FFFD (see `crate::chars`).
    let source = "---\n\u{0}title: a\n---\n";
    let front_matter = crate::front_matter::split(source)
        .unwrap()
        .front_matter
        .unwrap();
    let error = super::parse(&front_matter).unwrap_err();
    let message = error.to_string();
    assert!(message.contains("unprintable"), "{message}");
    assert!(!message.contains("tabs"), "{message}");
}

#[test]
fn the_depth_limit_counts_each_level_once_in_either_style() {
    assert!(fields(&flow_nested(MAX_DEPTH)).is_ok());
    assert_eq!(too_deep_line(&flow_nested(MAX_DEPTH + 1)), 2);
    assert!(fields(&block_nested(MAX_DEPTH)).is_ok());
    assert_eq!(too_deep_line(&block_nested(MAX_DEPTH + 1)), 3);
    let indented = |depth: usize| -> String {
        let keys: String = (0..depth)
            .map(|level| format!("{}k{level}:\n", " ".repeat(level)))
            .collect();
        format!("---\n{keys}---\n")
    };
    // Each key's empty value is a scalar one level below it, so `depth` keys nest `depth` levels.
    assert!(fields(&indented(MAX_DEPTH)).is_ok());
    assert_eq!(too_deep_line(&indented(MAX_DEPTH + 1)), MAX_DEPTH + 2);
}

#[test]
fn an_alias_may_not_nest_a_value_past_the_limit() {
    let half = MAX_DEPTH / 2 + 1;
    let source = format!(
        "---\na: &deep {}x{}\nb: {}*deep{}\n---\n",
        "[".repeat(half - 1),
        "]".repeat(half - 1),
        "[".repeat(half - 1),
        "]".repeat(half - 1),
    );
    assert_eq!(too_deep_line(&source), 3);
    let fits = source.replacen(&"[".repeat(half - 1), &"[".repeat(half - 3), 2);
    let fits = fits.replacen(&"]".repeat(half - 1), &"]".repeat(half - 3), 2);
    assert!(fields(&fits).is_ok(), "{fits}");
}

#[test]
fn deep_block_nesting_is_too_deep_even_on_a_browser_stack() {
    on_browser_stack(|| {
        let deep: String = (0..2_000)
            .map(|level| format!("{}k:\n", " ".repeat(level)))
            .collect();
        // The key on file line 66 (after the fence) is the 65th level: its value, the map that
        // starts on the next line, is the first value past the limit.
        let line = too_deep_line(&format!("---\n{deep}---\n"));
        assert_eq!(line, MAX_DEPTH + 3);
        for (name, nested) in [
            (
                "sequences",
                format!("---\na:\n  {}x\n---\n", "- ".repeat(100_000)),
            ),
            (
                "sequences around a map",
                format!("---\na:\n  {}b: c\n---\n", "- ".repeat(100_000)),
            ),
        ] {
            let started = Instant::now();
            let result = fields(&nested);
            assert!(
                matches!(result, Err(FrontMatterError::TooDeep { .. })),
                "{name}: {result:?}"
            );
            assert!(started.elapsed() < Duration::from_secs(2), "{name}");
        }
    });
}

#[test]
fn compact_sequences_on_a_key_line_are_a_yaml_error_not_a_depth_error() {
    // YAML allows no block sequence after `k: ` on the same line, however deep.
    let (line, message) = yaml_error(&format!("---\nk: {}x\n---\n", "- ".repeat(5_000)));
    assert_eq!(line, 2);
    assert!(message.contains("block sequence entries"), "{message}");
}

#[test]
fn deep_flow_nesting_is_too_deep_even_on_a_browser_stack() {
    on_browser_stack(|| {
        for (name, source) in [
            (
                "balanced lists",
                format!(
                    "---\na: {}{}\n---\n",
                    "[".repeat(100_000),
                    "]".repeat(100_000)
                ),
            ),
            (
                "unclosed lists",
                format!("---\na: {}\n---\n", "[".repeat(100_000)),
            ),
            ("maps", format!("---\na: {}\n---\n", "{a: ".repeat(100_000))),
            (
                "lists on their own lines",
                format!("---\na: {}\n---\n", "[\n  ".repeat(100_000)),
            ),
            (
                "a top-level list",
                format!("---\n{}\n---\n", "[".repeat(100_000)),
            ),
        ] {
            let started = Instant::now();
            match fields(&source) {
                Err(FrontMatterError::TooDeep { limit, .. }) => assert_eq!(limit, MAX_DEPTH),
                // Refused for being a list at the top before its depth matters.
                Err(FrontMatterError::NotAMapping { .. }) if name == "a top-level list" => {}
                other => panic!("{name}: {other:?}"),
            }
            assert!(started.elapsed() < Duration::from_secs(2), "{name}");
        }
    });
}

#[test]
fn brackets_in_text_are_not_nesting() {
    let brackets = "[{".repeat(5_000);
    let source = format!(
        "---\n\
         double: \"{brackets}\"\n\
         single: '{brackets}'\n\
         plain: x{brackets}\n\
         # {brackets}\n\
         block: |\n  {brackets}\n\
         ---\n"
    );
    let fields = on_browser_stack(move || fields(&source).unwrap());
    let lengths: Vec<(&str, Option<usize>)> = fields
        .iter()
        .map(|f| (f.key.as_str(), f.value.as_str().map(str::len)))
        .collect();
    assert_eq!(
        lengths,
        [
            ("double", Some(10_000)),
            ("single", Some(10_000)),
            ("plain", Some(10_001)),
            ("block", Some(10_001))
        ]
    );
}

#[test]
fn realistic_nesting_passes_the_depth_limit() {
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

/// Anchors `a` to nine `lol`s, then each next anchor to nine aliases of the one before.
fn billion_laughs(levels: usize) -> String {
    let names: Vec<String> = (0..levels).map(|level| format!("l{level}")).collect();
    let mut yaml = String::from("---\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for pair in names.windows(2) {
        let aliases = vec![format!("*{}", pair[0]); 9].join(", ");
        yaml.push_str(&format!("{name}: &{name} [{aliases}]\n", name = pair[1]));
    }
    yaml + "---\n"
}

#[test]
fn an_alias_bomb_is_refused_quickly() {
    for source in [
        billion_laughs(9),
        billion_laughs(40),
        // Doubling, and a long text copied over and over.
        format!(
            "---\na0: &a0 [x]\n{}---\n",
            (1..60)
                .map(|n| format!("a{n}: &a{n} [*a{m}, *a{m}]\n", m = n - 1))
                .collect::<String>()
        ),
        format!(
            "---\nt: &t {}\nmany: [{}]\n---\n",
            "x".repeat(100_000),
            vec!["*t"; 20].join(", ")
        ),
    ] {
        let started = Instant::now();
        let (_, message) = yaml_error(&source);
        assert!(message.contains("alias bomb"), "{message}");
        assert!(message.contains("1 MiB"), "{message}");
        assert!(started.elapsed() < Duration::from_secs(2));
    }
}

#[test]
fn ordinary_reuse_stays_within_the_alias_budget() {
    let items = vec!["some tag"; 1_000].join(", ");
    let aliases = vec!["*tags"; 20].join(", ");
    let source = format!("---\ntags: &tags [{items}]\ncopies: [{aliases}]\n---\n");
    let fields = fields(&source).unwrap();
    let Value::List(copies) = &fields[1].value else {
        panic!("a list")
    };
    assert_eq!(copies.len(), 20);
    assert!(copies.iter().all(|copy| *copy == fields[0].value));
}

#[test]
fn anchors_nested_in_anchors_copy_nothing_until_an_alias_uses_them() {
    // Sixty anchored levels around a long text: copying each anchored value would cost sixty
    // copies of the text.
    let depth = 60;
    let opening: String = (0..depth).map(|level| format!("&a{level} [")).collect();
    let source = format!(
        "---\na: {opening}{}{}\nb: *a{}\n---\n",
        "y".repeat(200_000),
        "]".repeat(depth),
        depth - 1
    );
    let fields = fields(&source).unwrap();
    assert_eq!(fields[1].value, list(&[text(&"y".repeat(200_000))]));
}

#[test]
fn many_keys_load_in_linear_time() {
    let keys: String = (0..50_000).map(|n| format!("  key{n}: {n}\n")).collect();
    let started = Instant::now();
    let fields = fields(&format!("---\nmap:\n{keys}---\n")).unwrap();
    let Value::Map(map) = &fields[0].value else {
        panic!("a map")
    };
    assert_eq!(map.len(), 50_000);
    assert!(started.elapsed() < Duration::from_secs(5));
}

// What `saphyr-parser` does, pinned.

/// An event with the 1-based line and 0-based column where it starts.
type Positioned<'input> = (Event<'input>, (usize, usize));

fn events(yaml: &str) -> Result<Vec<Positioned<'_>>, ScanError> {
    Parser::new_from_str(yaml)
        .map(|next| next.map(|(event, span)| (event, (span.start.line(), span.start.col()))))
        .collect()
}

fn parse_error(yaml: &str) -> ScanError {
    events(yaml).unwrap_err()
}

#[test]
fn saphyr_parser_pulls_events_without_recursing() {
    // The whole event stream of 100,000 nested block collections on a browser-sized stack: a
    // parser that recursed per level would overflow here (an abort, not a failed test).
    let count = on_browser_stack(|| {
        let yaml = format!("{}x\n", "- ".repeat(100_000));
        let mut parser = Parser::new_from_str(&yaml);
        let mut count = 0;
        while let Some(next) = parser.next_event() {
            next.unwrap();
            count += 1;
        }
        count
    });
    // Stream and document start and end, then a start and an end per level, and the scalar.
    assert_eq!(count, 4 + 2 * 100_000 + 1);
}

#[test]
fn saphyr_parser_caps_flow_nesting_at_255_levels() {
    let error = parse_error(&format!("a: {}", "[".repeat(300)));
    assert_eq!(error.info(), SCANNER_DEPTH_ERROR);
    assert_eq!(error.marker().col(), 3 + 255);
    assert!(events(&format!("a: {}{}", "[".repeat(255), "]".repeat(255))).is_ok());
}

#[test]
fn saphyr_parser_marker_lines_are_one_based_and_columns_zero_based() {
    let keys: Vec<(usize, usize)> = events("a: 1\nbb: 2\n")
        .unwrap()
        .into_iter()
        .filter(|(event, _)| matches!(event, Event::Scalar(key, ..) if key == "a" || key == "bb"))
        .map(|(_, position)| position)
        .collect();
    assert_eq!(keys, [(1, 0), (2, 0)]);
    // So file lines are parser lines plus the opening fence.
    assert_eq!(fields("---\na: 1\nbb: 2\n---\n").unwrap()[1].line, 3);
}

#[test]
fn saphyr_parser_spans_a_tagged_scalar_from_its_tag() {
    let tagged = events("k: !custom abc\n")
        .unwrap()
        .into_iter()
        .find(|(event, _)| matches!(event, Event::Scalar(_, _, _, Some(_))))
        .unwrap();
    assert_eq!(tagged.1, (1, 3));
    assert!(matches!(
        fields("---\nk: !!int abc\n---\n").unwrap_err(),
        FrontMatterError::Yaml {
            line: 2,
            column: 4,
            ..
        }
    ));
}

#[test]
fn saphyr_parser_reports_an_indenting_tab_on_the_line_before_it() {
    assert_eq!(
        parse_error("title: a\n\tdate: b\n").marker().line(),
        1,
        "saphyr-parser blames the scalar before the tab"
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
fn saphyr_parser_rejects_a_tab_after_a_colon_which_yaml_1_2_allows() {
    assert!(events("key:\tvalue\n").is_err());
}

#[test]
fn saphyr_parser_leaves_duplicate_keys_and_self_aliases_to_the_loader() {
    assert!(events("a: 1\na: 2\n").is_ok());
    let self_alias = events("a: &a [*a]\n").unwrap();
    assert!(
        self_alias
            .iter()
            .any(|(event, _)| matches!(event, Event::Alias(1)))
    );
    assert!(parse_error("a: *nope\n").info().contains("unknown anchor"));
}
