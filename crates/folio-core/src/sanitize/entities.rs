//! Character references in raw HTML: recognising them in text (to keep them as written) and
//! decoding them in URLs (to check what the browser will really follow).

/// Length in bytes of the character reference at the start of `s` (`&amp;`, `&#106;`,
/// `&#x6A;`), or 0 if `s` does not start with a complete, `;`-terminated one.
pub(super) fn reference_len(s: &str) -> usize {
    let bytes = s.as_bytes();
    if bytes.first() != Some(&b'&') {
        return 0;
    }
    let (body_start, valid): (usize, fn(u8) -> bool) = match bytes.get(1..3) {
        Some([b'#', b'x' | b'X']) => (3, |b| b.is_ascii_hexdigit()),
        Some([b'#', _]) => (2, |b| b.is_ascii_digit()),
        _ => (1, |b| b.is_ascii_alphanumeric()),
    };
    let body = bytes[body_start.min(bytes.len())..]
        .iter()
        .take(32)
        .take_while(|&&b| valid(b))
        .count();
    let end = body_start + body;
    let named_ok = body_start != 1 || bytes.get(1).is_some_and(u8::is_ascii_alphabetic);
    if body > 0 && named_ok && bytes.get(end) == Some(&b';') {
        end + 1
    } else {
        0
    }
}

/// Named references worth decoding in URLs: the ones that can spell a scheme or its separators,
/// plus the usual few. Unknown names stay as written and are escaped on output, so the browser
/// sees exactly the text that was checked.
const NAMED: &[(&str, char)] = &[
    ("Tab", '\t'),
    ("NewLine", '\n'),
    ("amp", '&'),
    ("apos", '\''),
    ("bsol", '\\'),
    ("colon", ':'),
    ("comma", ','),
    ("equals", '='),
    ("excl", '!'),
    ("gt", '>'),
    ("lowbar", '_'),
    ("lpar", '('),
    ("lt", '<'),
    ("nbsp", '\u{A0}'),
    ("num", '#'),
    ("percnt", '%'),
    ("period", '.'),
    ("plus", '+'),
    ("quest", '?'),
    ("quot", '"'),
    ("rpar", ')'),
    ("semi", ';'),
    ("sol", '/'),
];

/// Decodes character references in an attribute value the way a browser does before using it
/// as a URL: numeric ones with or without `;`, the named ones above with `;`, and the legacy
/// `&amp` `&lt` `&gt` `&quot` without `;` unless a letter, digit or `=` follows.
pub(super) fn decode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let (decoded, used) = decode_one(rest);
        match decoded {
            Some(c) => out.push(c),
            None => out.push('&'),
        }
        rest = &rest[used.max(1)..];
    }
    out.push_str(rest);
    out
}

/// Decodes the reference at the start of `s` (which starts with `&`): the character and the
/// bytes it used, or `None` when `&` is just an ampersand.
fn decode_one(s: &str) -> (Option<char>, usize) {
    let bytes = s.as_bytes();
    if bytes.get(1) == Some(&b'#') {
        let (start, radix) = match bytes.get(2) {
            Some(b'x' | b'X') => (3, 16),
            _ => (2, 10),
        };
        let digits = bytes[start.min(bytes.len())..]
            .iter()
            .take_while(|b| b.is_ascii_digit() || (radix == 16 && b.is_ascii_hexdigit()))
            .count();
        if digits == 0 {
            return (None, 1);
        }
        let end = start + digits;
        let code =
            u32::from_str_radix(s[start..end].trim_start_matches('0'), radix).unwrap_or(u32::MAX);
        let c = match code {
            0 => '\u{FFFD}',
            _ => char::from_u32(code).unwrap_or('\u{FFFD}'),
        };
        let used = if bytes.get(end) == Some(&b';') {
            end + 1
        } else {
            end
        };
        return (Some(c), used);
    }
    let name_len = bytes[1..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let name = &s[1..1 + name_len];
    let after = bytes.get(1 + name_len);
    if after == Some(&b';') {
        if let Some(&(_, c)) = NAMED.iter().find(|(n, _)| *n == name) {
            return (Some(c), name_len + 2);
        }
        return (None, 1);
    }
    let legacy = match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        _ => None,
    };
    match legacy {
        Some(c) if after != Some(&b'=') => (Some(c), name_len + 1),
        _ => (None, 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_recognised_only_when_complete() {
        let cases = [
            ("&amp;x", 5),
            ("&#106;", 6),
            ("&#x6A;", 6),
            ("&#X6a;", 6),
            ("&eacute;", 8),
            ("&amp", 0),
            ("&#;", 0),
            ("&#x;", 0),
            ("&;", 0),
            ("& x", 0),
            ("&1a;", 0),
            ("x&amp;", 0),
        ];
        for (s, want) in cases {
            assert_eq!(reference_len(s), want, "{s:?}");
        }
    }

    #[test]
    fn urls_decode_like_a_browser_reads_attributes() {
        let cases = [
            ("&#106;avascript:", "javascript:"),
            ("&#0000106&#0000097;vascript:", "javascript:"),
            ("&#x6A;&#x61vascript:", "javascript:"),
            ("jav&#x09;ascript:", "jav\tascript:"),
            ("jav&Tab;ascript&colon;", "jav\tascript:"),
            ("a?b=1&amp;c=2", "a?b=1&c=2"),
            ("a?b=1&c=2", "a?b=1&c=2"),
            ("a?x&copy=2", "a?x&copy=2"),
            ("a?x&amp=2", "a?x&amp=2"),
            ("&lt;&gt&quot", "<>\""),
            ("&unknown;", "&unknown;"),
            ("&#0;&#xD800;&#x110000;", "\u{FFFD}\u{FFFD}\u{FFFD}"),
            ("&#99999999999999999999;", "\u{FFFD}"),
            ("&", "&"),
            ("&#", "&#"),
            ("中文&#x4E2D;", "中文中"),
        ];
        for (value, want) in cases {
            assert_eq!(decode(value), want, "{value:?}");
        }
    }
}
