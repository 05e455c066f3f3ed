//! Odd, broken and hostile inputs: `parse_document` must never panic, never overflow a
//! browser-sized stack, and always hand back the body.

#![allow(clippy::unwrap_used)]

use folio_core::{FrontMatterFormat, parse_document};

/// wasm32 gets 1 MiB of stack; a debug build uses more stack per frame than a release build, so
/// passing here in debug leaves room in the browser.
const BROWSER_STACK: usize = 1 << 20;

fn odd_inputs() -> Vec<(&'static str, String)> {
    let deep_indent: String = (0..3_000)
        .map(|level| format!("{}k:\n", " ".repeat(level)))
        .collect();
    let laughs = {
        let mut yaml = String::from("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (name, previous) in ["b", "c", "d", "e", "f", "g", "h", "i"]
            .iter()
            .zip(["a", "b", "c", "d", "e", "f", "g", "h"])
        {
            let aliases = vec![format!("*{previous}"); 9].join(", ");
            yaml.push_str(&format!("{name}: &{name} [{aliases}]\n"));
        }
        yaml
    };
    let binary: String =
        String::from_utf8_lossy(&(0..=255u8).cycle().take(2_000).collect::<Vec<_>>()).into_owned();
    vec![
        ("empty", String::new()),
        ("only ---", "---".into()),
        ("only --- and newline", "---\n".into()),
        ("only +++", "+++".into()),
        ("only +++ and newline", "+++\n".into()),
        ("only ...", "...".into()),
        ("only a BOM", "\u{feff}".into()),
        ("BOM and fence", "\u{feff}---".into()),
        ("two fences", "---\n---".into()),
        ("yaml closed by ...", "---\n...\n".into()),
        ("mixed fences", "---\n+++\n".into()),
        (
            "unclosed double quote",
            "---\ntitle: \"abc\n---\nbody".into(),
        ),
        ("unclosed single quote", "---\ntitle: 'abc\nbody".into()),
        (
            "unclosed TOML string",
            "+++\ntitle = \"abc\n+++\nbody".into(),
        ),
        (
            "unclosed flow list",
            "---\ntags: [a, {b: [c\n---\nbody".into(),
        ),
        (
            "deep YAML flow lists",
            format!("---\na: {}\n---\nbody", "[".repeat(5_000)),
        ),
        (
            "deep balanced YAML flow lists",
            format!(
                "---\na: {}{}\n---\nbody",
                "[".repeat(5_000),
                "]".repeat(5_000)
            ),
        ),
        (
            "deep YAML flow maps",
            format!("---\na: {}\n---\nbody", "{a: ".repeat(5_000)),
        ),
        (
            "deep YAML indentation",
            format!("---\n{deep_indent}---\nbody"),
        ),
        (
            "deep compact sequences",
            format!("---\na:\n  {}x\n---\nbody", "- ".repeat(10_000)),
        ),
        (
            "deep TOML arrays",
            format!("+++\na = {}\n+++\nbody", "[".repeat(5_000)),
        ),
        (
            "deep TOML inline tables",
            format!(
                "+++\na = {}1{}\n+++\nbody",
                "{b = ".repeat(5_000),
                "}".repeat(5_000)
            ),
        ),
        (
            "long TOML dotted key",
            format!("+++\n{} = 1\n+++\nbody", vec!["a"; 10_000].join(".")),
        ),
        (
            "long TOML table header",
            format!("+++\n[{}]\nb = 1\n+++\nbody", vec!["a"; 10_000].join(".")),
        ),
        (
            "anchors and aliases",
            "---\nx: &x {a: 1}\ny: *x\nz: [*x, *x]\n---\nbody".into(),
        ),
        ("alias bomb", format!("---\n{laughs}---\nbody")),
        (
            "doubling aliases",
            format!(
                "---\na0: &a0 [x]\n{}---\nbody",
                (1..64)
                    .map(|n| format!("a{n}: &a{n} [*a{m}, *a{m}]\n", m = n - 1))
                    .collect::<String>()
            ),
        ),
        (
            "very deep YAML flow lists",
            format!("---\na: {}\n---\nbody", "[".repeat(100_000)),
        ),
        (
            "very deep compact sequences",
            format!("---\na:\n  {}x\n---\nbody", "- ".repeat(100_000)),
        ),
        (
            "brackets in quoted text",
            format!("---\ntitle: \"{}\"\n---\nbody", "[".repeat(10_000)),
        ),
        ("unknown alias", "---\na: *nope\n---\nbody".into()),
        (
            "self-referencing anchor",
            "---\na: &a [*a]\n---\nbody".into(),
        ),
        (
            "huge key",
            format!("---\n{}: v\n---\nbody", "k".repeat(1_000_000)),
        ),
        (
            "huge quoted key",
            format!("---\n\"{}\": v\n---\nbody", "键".repeat(100_000)),
        ),
        (
            "huge value",
            format!("---\ntitle: {}\n---\nbody", "字".repeat(1_000_000)),
        ),
        ("binary-ish text", binary.clone()),
        (
            "binary-ish front matter",
            format!("---\n{binary}\n---\nbody"),
        ),
        ("binary-ish TOML", format!("+++\n{binary}\n+++\nbody")),
        ("NUL bytes", "---\ntitle: a\0b\n---\n\0".into()),
        (
            "CR-only line endings",
            "---\rtitle: a\rtags: [x]\r---\rbody\r".into(),
        ),
        ("CR-only with no front matter", "a\rb\rc".into()),
        ("lone CR after fence", "---\r".into()),
        (
            "tabs everywhere",
            "---\n\ttitle:\t\ta\n\t- b\n---\nbody".into(),
        ),
        ("a top-level scalar", "---\n42\n---\nbody".into()),
        ("a top-level list", "---\n- 1\n---\nbody".into()),
        ("a second document", "---\na: 1\n--- b\n---\nbody".into()),
        (
            "directives",
            "---\n%YAML 1.2\n%TAG ! tag:x,2000:\n---\nbody".into(),
        ),
        (
            "tags on everything",
            "---\n!!map {!!str a: !!seq [!!int 1, !x y]}\n---\nbody".into(),
        ),
        (
            "bad tag value",
            "---\na: !!float nope\nb: !!bool 3\n---\nbody".into(),
        ),
        (
            "complex keys",
            "---\n? {a: b}\n: c\n? [x]\n: y\n---\nbody".into(),
        ),
        ("null key", "---\n: value\n~: other\n---\nbody".into()),
        (
            "dates out of range",
            "---\ndate: 9999-12-31T23:59:59-23:59\nupdated: 0000-01-01T00:00:00+23:59\n---\n"
                .into(),
        ),
        (
            "huge numbers",
            "---\nn: 99999999999999999999999\nf: 1e999\ntags: [.nan, -.inf]\n---\n".into(),
        ),
        (
            "TOML specials",
            "+++\nf = nan\ng = -inf\ntags = [inf]\n+++\n".into(),
        ),
        ("fence lookalikes", "----\n---x\n--- \n".into()),
        (
            "CJK everywhere",
            "---\n标题: 值\ntags: 一、二，三\n---\n正文".into(),
        ),
        (
            "emoji and combining marks",
            "---\ntitle: \"e\u{301}🙂\u{200d}\"\n---\n🙂".into(),
        ),
        (
            "lone surrogate escape",
            "---\ntitle: \"\\ud800\"\n---\nbody".into(),
        ),
        (
            "invalid escapes",
            "---\ntitle: \"\\q\\x4\\u12\"\n---\nbody".into(),
        ),
    ]
}

#[test]
fn odd_inputs_never_panic_and_always_return_the_body() {
    let worker = std::thread::Builder::new()
        .stack_size(BROWSER_STACK)
        .spawn(|| {
            for (name, input) in odd_inputs() {
                check(name, &input);
            }
        })
        .unwrap();
    worker
        .join()
        .expect("a case panicked; see the message above");
}

fn check(name: &str, input: &str) {
    let document = parse_document(input);
    let without_bom = input.strip_prefix('\u{feff}').unwrap_or(input);
    assert!(
        without_bom.ends_with(document.body),
        "{name}: the body must be the end of the file"
    );
    let lines_in_file = without_bom.matches(['\n', '\r']).count() + 1;
    assert!(
        (1..=lines_in_file + 1).contains(&document.body_line),
        "{name}: body line {} outside the file",
        document.body_line
    );
    if document.body.len() < without_bom.len() {
        assert!(
            document.format.is_some(),
            "{name}: body shortened without front matter"
        );
    }
    for problem in &document.problems {
        assert!(
            (1..=lines_in_file).contains(&problem.line),
            "{name}: problem line {} outside the file: {problem}",
            problem.line
        );
        assert!(!problem.message.is_empty(), "{name}: empty message");
    }
    serde_json::to_string(&document.meta).expect("meta serializes");
}

#[test]
fn an_unclosed_fence_keeps_the_whole_file_as_the_body() {
    for input in [
        "---",
        "---\n",
        "+++",
        "---\ntitle: a\n# Heading\n",
        "+++\na = 1\n---\n",
    ] {
        let document = parse_document(input);
        assert_eq!(document.body, input, "{input:?}");
        assert_eq!(document.body_line, 1);
        assert_eq!(document.problems.len(), 1, "{input:?}");
        assert_eq!(document.problems[0].line, 1);
        assert!(document.problems[0].message.contains("never closed"));
    }
}

#[test]
fn hostile_front_matter_still_gives_the_body_after_the_fence() {
    for (name, input) in odd_inputs() {
        if !input.ends_with("\n---\nbody") && !input.ends_with("\n+++\nbody") {
            continue;
        }
        let worker = std::thread::Builder::new()
            .stack_size(BROWSER_STACK)
            .spawn(move || {
                let document = parse_document(&input);
                assert_eq!(document.body, "body", "{name}");
                assert!(document.format.is_some(), "{name}");
            })
            .unwrap();
        worker
            .join()
            .expect("a case panicked; see the message above");
    }
}

#[test]
fn cr_only_files_split_like_lf_files() {
    let document = parse_document("---\rtitle: a\rtags: [x]\r---\rbody\r");
    assert_eq!(document.format, Some(FrontMatterFormat::Yaml));
    assert_eq!(document.meta.title.as_deref(), Some("a"));
    assert_eq!(document.meta.tags, ["x"]);
    assert_eq!((document.body, document.body_line), ("body\r", 5));
}
