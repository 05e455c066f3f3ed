//! Escaping text for HTML output: every byte of user text that reaches the page goes through here
//! (or through pulldown-cmark's own writer, which escapes the same way).

/// Appends `s` with `& < > " '` escaped, safe both as element text and as a double-quoted
/// attribute value.
pub(crate) fn escape_html(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(i) = rest.find(['&', '<', '>', '"', '\'']) {
        out.push_str(&rest[..i]);
        out.push_str(match rest.as_bytes()[i] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        });
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(s: &str) -> String {
        let mut out = String::new();
        escape_html(&mut out, s);
        out
    }

    #[test]
    fn html_escapes_markup_and_quotes() {
        assert_eq!(
            html(r#"<a href="x">&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(html("情人节"), "情人节");
    }
}
