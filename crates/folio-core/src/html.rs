//! Escaping user text: for HTML output (every byte of user text that reaches the page goes through
//! here or through pulldown-cmark's own writer, which escapes the same way), and for quoting it in
//! problem messages.

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

/// [`escape`], appending to `out`.
pub fn escape_into(out: &mut String, s: &str) {
    let mut rest = s;
    // A byte scan: much cheaper than a search for a set of chars.
    while let Some(i) = rest
        .bytes()
        .position(|b| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\''))
    {
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

/// Appends the URL `s` for a double-quoted `href` or `src`, the way pulldown-cmark does: bytes
/// outside a safe ASCII set are percent-encoded, `&` and `'` become entities, and existing `%XX`
/// escapes are kept.
pub(crate) fn escape_href(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut mark = 0;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        if is_href_safe(b) {
            continue;
        }
        // Bytes of a multi-byte character are escaped one by one, so `mark` may sit inside a
        // character; only slice when safe ASCII bytes lie in between.
        if mark < i {
            out.push_str(&s[mark..i]);
        }
        match b {
            b'&' => out.push_str("&amp;"),
            b'\'' => out.push_str("&#x27;"),
            _ => {
                out.push('%');
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 0xF)]));
            }
        }
        mark = i + 1;
    }
    out.push_str(&s[mark..]);
}

fn is_href_safe(b: u8) -> bool {
    b.is_ascii_alphanumeric()
        || matches!(
            b,
            b'!' | b'#'
                | b'$'
                | b'%'
                | b'('
                | b')'
                | b'*'
                | b'+'
                | b','
                | b'-'
                | b'.'
                | b'/'
                | b':'
                | b';'
                | b'='
                | b'?'
                | b'@'
                | b'^'
                | b'_'
                | b'~'
        )
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
