//! Inputs found by the fuzz targets in `fuzz/` (`make fuzz`), kept as tests with what the
//! fuzzer taught about them.

use folio_core::{RenderOptions, parse_document, render, sanitize_fragment};

/// Lines as CommonMark counts them: `\r\n`, a lone `\r` and `\n` each end one.
fn commonmark_lines(text: &str) -> usize {
    text.replace("\r\n", "\n").matches(['\r', '\n']).count() + 1
}

/// `front_matter` target, crash-72c78fda: lone carriage returns inside a TOML front matter. The
/// body line counts them as line ends, as CommonMark (and the YAML and TOML parsers) do; the
/// target's first invariant counted `\n` only and was wrong, not the parser.
#[test]
fn lone_carriage_returns_end_lines_in_front_matter() {
    let source = "+++\n]+++\n^ ++\n\u{b} \r\u{1a}+\n\u{b} \r\u{e}\0\n\n+\n\n+++\n\u{b}\n";
    let document = parse_document(source);
    assert_eq!(document.body, "\u{b}\n");
    assert_eq!(document.body_line, 12);
    assert_eq!(commonmark_lines(source), 13);
    assert!(
        document
            .problems
            .iter()
            .all(|p| p.line <= commonmark_lines(source))
    );
}

/// `front_matter` target, crash-f0cd8e0d: a closing fence with no newline after it. The empty
/// body starts on the line after the last one, which is where a writer would type it.
#[test]
fn an_empty_body_after_a_final_fence_starts_on_the_next_line() {
    let document = parse_document("+++\n+++");
    assert_eq!(document.body, "");
    assert_eq!(document.body_line, 3);
    assert!(document.problems.is_empty());
}

/// The render target's fixed-point invariant on inputs near the ones above.
#[test]
fn sanitizing_is_a_fixed_point_on_its_own_output() {
    for input in [
        "+++\n+++",
        "<a href=x>\r<b>\r",
        "<img src=x onerror=y",
        "<p>&#x09;</p>",
    ] {
        let once = sanitize_fragment(input);
        assert_eq!(sanitize_fragment(&once), once, "{input:?}");
        let _ = render(input, &RenderOptions::new("/posts/"));
    }
}
