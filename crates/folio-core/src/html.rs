//! Escaping user text: for HTML output (every byte of user text that reaches the page goes through
//! here or through pulldown-cmark's own writer; both use `pulldown-cmark-escape`), and for quoting
//! it in problem messages.

/// `text` with `& < > " '` escaped, safe both as element text and as a quoted attribute value.
///
/// ```
/// assert_eq!(folio_core::html::escape(r#"<a href="x">'&'</a>"#),
///            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
/// ```
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    escape_into(&mut out, text);
    out
}

/// [`escape`], appending to `out` (pulldown-cmark's own escaping, so the renderer and Folio's
/// markup escape alike).
pub fn escape_into(out: &mut String, s: &str) {
    // Writing to a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html(out, s);
}

/// Appends the URL `s` for a double-quoted `href` or `src`, the way pulldown-cmark does: bytes
/// outside a safe ASCII set are percent-encoded, `&` and `'` become entities, and existing `%XX`
/// escapes are kept.
pub(crate) fn escape_href(out: &mut String, s: &str) {
    // Writing to a String cannot fail.
    let _ = pulldown_cmark_escape::escape_href(out, s);
}

/// `s` for quoting in a problem message: at most `max` characters (then `…`), with control
/// characters such as tabs shown as escapes (`\t`) instead of moving the text around.
pub(crate) fn quote_for_message(s: &str, max: usize) -> String {
    let mut out = String::with_capacity(s.len().min(max * 4) + 3);
    for (i, c) in s.chars().enumerate() {
        if i == max {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(s: &str) -> String {
        let mut out = String::new();
        escape_into(&mut out, s);
        out
    }

    fn href(s: &str) -> String {
        let mut out = String::new();
        escape_href(&mut out, s);
        out
    }

    #[test]
    fn messages_quote_text_short_and_visible() {
        assert_eq!(quote_for_message("jav\tascript:x", 60), "jav\\tascript:x");
        assert_eq!(quote_for_message("abcdef", 3), "abc…");
        assert_eq!(quote_for_message("中文", 3), "中文");
    }

    #[test]
    fn html_escapes_markup_and_quotes() {
        assert_eq!(
            html(r#"<a href="x">&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(html("情人节"), "情人节");
    }

    #[test]
    fn href_percent_encodes_like_pulldown_cmark() {
        assert_eq!(
            href("/a b/中?x=1&y='2'#f"),
            "/a%20b/%E4%B8%AD?x=1&amp;y=&#x27;2&#x27;#f"
        );
        assert_eq!(href("a%20b\"<>"), "a%20b%22%3C%3E");
        assert_eq!(href("[x]`{}|\\^"), "%5Bx%5D%60%7B%7D%7C%5C^");
    }
}
