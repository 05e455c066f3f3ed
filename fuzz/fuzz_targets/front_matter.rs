//! Front matter: `parse_document` never panics, and whatever it reports stays inside the file.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The CLI and the app both replace invalid UTF-8 before parsing.
    let source = String::from_utf8_lossy(data);
    let document = folio_core::parse_document(&source);
    // The body is the tail of the file: nothing is invented, nothing after it is lost.
    assert!(
        source.ends_with(document.body),
        "the body is not the end of the file"
    );
    // Lines as CommonMark counts them: `\r\n`, a lone `\r` and `\n` each end one.
    let lines = source.replace("\r\n", "\n").matches(['\r', '\n']).count() + 1;
    // An empty body after a closing fence with no newline starts on the line after the file.
    let last_body_line = if document.body.is_empty() {
        lines + 1
    } else {
        lines
    };
    assert!(
        document.body_line >= 1 && document.body_line <= last_body_line,
        "body line {} in a file of {lines} lines",
        document.body_line
    );
    for problem in &document.problems {
        assert!(
            problem.line >= 1 && problem.line <= lines,
            "problem on line {} of {lines}: {}",
            problem.line,
            problem.message
        );
    }
});
