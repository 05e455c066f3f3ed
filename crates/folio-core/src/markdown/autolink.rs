//! Finding GitHub-style autolinks in plain text: `https://…`, `http://…`, `www.…` and email
//! addresses, following the GFM spec's autolink extension.
//!
//! A link ends at whitespace or `<`; trailing `? ! . , : * _ ~ ' " ;` are left out, as is a
//! trailing `)` without its `(` and an entity-like `&name;`. Two departures for CJK text: a URL
//! also ends at CJK and full-width punctuation (`。`, `，`, `）`, `「` …), and after the domain only
//! `/ ? # :` continue it, so `见https://example.com。` and `访问https://example.com获取` link
//! just the URL; `www.` may follow any non-ASCII character as well as the spec's space and
//! `* _ ~ (`. As in GitHub's implementation, schemes match in any case and `www.` only in
//! lower case.

use std::ops::Range;

/// What kind of address a found link is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// `http://` or `https://`: linked as written.
    Url,
    /// `www.…`: linked with `http://` in front.
    Www,
    /// An email address: linked with `mailto:`.
    Email,
}

/// Every autolink in `text`, in order, not overlapping.
pub(super) fn find(text: &str) -> Vec<(Range<usize>, Kind)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    // Where the last link ended: an email's local part may not reach back before it.
    let mut floor = 0;
    while i < bytes.len() {
        let hit = match bytes[i] {
            b'h' | b'H' if url_may_start(bytes, i) => {
                let rest = &bytes[i..];
                let scheme = if starts_with_ignore_case(rest, b"https://") {
                    8
                } else if starts_with_ignore_case(rest, b"http://") {
                    7
                } else {
                    0
                };
                (scheme > 0)
                    .then(|| url_end(text, i + scheme, false))
                    .flatten()
                    .map(|end| (i..end, Kind::Url))
            }
            b'w' if www_may_start(bytes, i) && bytes[i..].starts_with(b"www.") => {
                url_end(text, i, true).map(|end| (i..end, Kind::Www))
            }
            b'@' => email(bytes, i, floor).map(|range| (range, Kind::Email)),
            _ => None,
        };
        match hit {
            Some((range, kind)) => {
                i = range.end;
                floor = range.end;
                found.push((range, kind));
            }
            None => i += 1,
        }
    }
    found
}

fn starts_with_ignore_case(bytes: &[u8], prefix: &[u8]) -> bool {
    bytes.len() >= prefix.len() && bytes[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// A scheme may not continue a word: `xhttp://` is no link.
fn url_may_start(bytes: &[u8], i: usize) -> bool {
    i == 0 || !bytes[i - 1].is_ascii_alphanumeric()
}

fn www_may_start(bytes: &[u8], i: usize) -> bool {
    i == 0
        || bytes[i - 1].is_ascii_whitespace()
        || matches!(bytes[i - 1], b'*' | b'_' | b'~' | b'(')
        || bytes[i - 1] >= 0x80
}

/// Ends a URL: CJK and full-width punctuation, and quotation marks, ellipses and dashes.
fn is_stop(c: char) -> bool {
    c.is_whitespace()
        || c == '<'
        || matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}' | '\u{2010}'..='\u{2027}')
}

/// Where the link whose domain starts at `domain` ends, after the trimming rules; `None` when the
/// domain is not valid. `www` links need a period in the domain.
fn url_end(text: &str, domain: usize, www: bool) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut end = domain;
    while end < bytes.len()
        && (bytes[end].is_ascii_alphanumeric() || matches!(bytes[end], b'-' | b'_' | b'.'))
    {
        end += 1;
    }
    if !valid_domain(&text[domain..end], www) {
        return None;
    }
    if matches!(bytes.get(end), Some(b'/' | b'?' | b'#' | b':')) {
        end += text[end..].find(is_stop).unwrap_or(text.len() - end);
    }
    let end = trim_trailing(text, domain, end);
    (end > domain).then_some(end)
}

/// Segments of letters, digits, `-` and `_` between periods; no `_` in the last two.
fn valid_domain(domain: &str, need_period: bool) -> bool {
    let domain = domain.trim_end_matches('.');
    if domain.is_empty() || domain.starts_with('.') || (need_period && !domain.contains('.')) {
        return false;
    }
    let segments: Vec<&str> = domain.split('.').collect();
    segments.iter().all(|s| !s.is_empty())
        && segments.iter().rev().take(2).all(|s| !s.contains('_'))
}

/// Leaves out trailing punctuation, an unbalanced `)`, and an entity-like `&name;`.
fn trim_trailing(text: &str, start: usize, mut end: usize) -> usize {
    let bytes = text.as_bytes();
    let opens = bytes[start..end].iter().filter(|&&b| b == b'(').count();
    let mut closes = bytes[start..end].iter().filter(|&&b| b == b')').count();
    while end > start {
        match bytes[end - 1] {
            b'?' | b'!' | b'.' | b',' | b':' | b'*' | b'_' | b'~' | b'\'' | b'"' => end -= 1,
            b';' => {
                let name = bytes[start..end - 1]
                    .iter()
                    .rev()
                    .take_while(|b| b.is_ascii_alphanumeric())
                    .count();
                let amp = end - 1 - name;
                end = if name > 0 && amp > start && bytes[amp - 1] == b'&' {
                    amp - 1
                } else {
                    end - 1
                };
            }
            // Trimming never removes a `(`, so `opens` stays right.
            b')' => {
                if closes <= opens {
                    break;
                }
                closes -= 1;
                end -= 1;
            }
            _ => break,
        }
    }
    end
}

/// The email address around the `@` at `at`, its local part starting no earlier than `floor`.
fn email(bytes: &[u8], at: usize, floor: usize) -> Option<Range<usize>> {
    let is_local = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'+' | b'-' | b'_');
    let local = bytes[floor..at]
        .iter()
        .rev()
        .take_while(|b| is_local(b))
        .count();
    if local == 0 {
        return None;
    }
    let domain = bytes[at + 1..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        .count();
    let mut end = at + 1 + domain;
    while end > at + 1 && bytes[end - 1] == b'.' {
        end -= 1;
    }
    let domain = &bytes[at + 1..end];
    let valid = domain.contains(&b'.')
        && !matches!(domain.last(), Some(b'-' | b'_'))
        && domain.split(|&b| b == b'.').all(|s| !s.is_empty());
    valid.then_some(at - local..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(text: &str) -> Vec<(&str, Kind)> {
        find(text)
            .into_iter()
            .map(|(range, kind)| (&text[range], kind))
            .collect()
    }

    #[test]
    fn gfm_autolink_rules() {
        use Kind::{Email, Url, Www};
        let cases: &[(&str, &[(&str, Kind)])] = &[
            ("see www.example.org today", &[("www.example.org", Www)]),
            (
                "https://example.org/a/b?c=d#e",
                &[("https://example.org/a/b?c=d#e", Url)],
            ),
            (
                "http://localhost:8080/x",
                &[("http://localhost:8080/x", Url)],
            ),
            (
                "ends here: https://example.org/path.",
                &[("https://example.org/path", Url)],
            ),
            (
                "Is it https://example.org?!",
                &[("https://example.org", Url)],
            ),
            (
                "(see www.example.org/wiki/Rust_(language))",
                &[("www.example.org/wiki/Rust_(language)", Www)],
            ),
            ("(www.example.org/a)", &[("www.example.org/a", Www)]),
            ("www.example.org/a))", &[("www.example.org/a", Www)]),
            (
                "https://example.org/search?q=1&hl;",
                &[("https://example.org/search?q=1", Url)],
            ),
            ("https://example.org/a;", &[("https://example.org/a", Url)]),
            ("https://example.org/<b>", &[("https://example.org/", Url)]),
            ("www.commonmark and www. alone", &[("www.commonmark", Www)]),
            ("www.ex_ample.org", &[]),
            ("www.a_b.example.org", &[("www.a_b.example.org", Www)]),
            ("xhttps://example.org", &[]),
            ("awww.example.org", &[]),
            (
                "WWW.EXAMPLE.ORG HTTPS://EXAMPLE.ORG",
                &[("HTTPS://EXAMPLE.ORG", Url)],
            ),
            ("https://", &[]),
            (
                "mail me at jo.doe+blog@mail.example.com.",
                &[("jo.doe+blog@mail.example.com", Email)],
            ),
            ("a@b", &[]),
            ("a@b-.org", &[("a@b-.org", Email)]),
            ("x@example.org_", &[]),
            ("@example.org", &[]),
            (
                "two: https://a.org and www.b.org",
                &[("https://a.org", Url), ("www.b.org", Www)],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(&links(text), expected, "{text:?}");
        }
    }

    #[test]
    fn cjk_text_around_links() {
        use Kind::{Url, Www};
        let cases: &[(&str, &[(&str, Kind)])] = &[
            ("见https://example.com。", &[("https://example.com", Url)]),
            (
                "访问https://example.com获取",
                &[("https://example.com", Url)],
            ),
            (
                "（https://example.com/更新）后",
                &[("https://example.com/更新", Url)],
            ),
            ("链接：www.example.com，谢谢", &[("www.example.com", Www)]),
            (
                "「https://example.com/a」",
                &[("https://example.com/a", Url)],
            ),
            (
                "https://example.com/路径/文章",
                &[("https://example.com/路径/文章", Url)],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(&links(text), expected, "{text:?}");
        }
    }
}
