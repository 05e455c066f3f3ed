//! Emoji shortcodes (`:tada:` → 🎉), with GitHub's gemoji names.
//!
//! The table is `gemoji.txt` beside this file: one `name emoji` pair a line, sorted by name, and
//! looked up by binary search over the text itself, so it costs its bytes and no index: about
//! 1,900 names in 35 KB (15 KB gzipped), where the `emojis` crate, which holds every emoji with
//! its groups, skin tones and aliases, added 104 KB gzipped to the wasm.
//!
//! The table is generated from that crate, a dev-dependency: the test
//! `gemoji_table_matches_the_emojis_crate` compares it, and rewrites it when run with
//! `FOLIO_UPDATE_EMOJI=1`:
//!
//! ```sh
//! FOLIO_UPDATE_EMOJI=1 cargo test -p folio-core --lib gemoji_table
//! ```

/// `name emoji` lines, sorted by name.
const TABLE: &str = include_str!("gemoji.txt");

/// The emoji for a gemoji shortcode name (without colons), if there is one.
///
/// ```
/// assert_eq!(folio_core::emoji::by_shortcode("tada"), Some("🎉"));
/// assert_eq!(folio_core::emoji::by_shortcode("+1"), Some("👍"));
/// assert_eq!(folio_core::emoji::by_shortcode("no_such_emoji"), None);
/// ```
pub fn by_shortcode(name: &str) -> Option<&'static str> {
    let bytes = TABLE.as_bytes();
    // Line starts; the lines in `lo..hi` are still candidates.
    let (mut lo, mut hi) = (0usize, TABLE.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = bytes[lo..mid]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(lo, |i| lo + i + 1);
        let end = TABLE[start..].find('\n').map_or(TABLE.len(), |i| start + i);
        let (key, emoji) = TABLE[start..end].split_once(' ')?;
        match key.cmp(name) {
            std::cmp::Ordering::Equal => return Some(emoji),
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    None
}

/// Replaces the `:name:` shortcodes in `text` that name an emoji. A shortcode must not touch a
/// letter or digit on either side (`a:b:c` stays), and unknown names stay as written.
///
/// ```
/// assert_eq!(folio_core::emoji::replace_shortcodes("Done :tada: :nope: x:tada:"), "Done 🎉 :nope: x:tada:");
/// ```
pub fn replace_shortcodes(text: &str) -> std::borrow::Cow<'_, str> {
    let mut out = String::new();
    let mut copied = 0;
    let mut search = 0;
    let bytes = text.as_bytes();
    while let Some(open) = text[search..].find(':').map(|i| search + i) {
        let name_len = bytes[open + 1..]
            .iter()
            .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'+' | b'-'))
            .count();
        let close = open + 1 + name_len;
        let touches = |at: Option<&u8>| at.is_some_and(u8::is_ascii_alphanumeric);
        let emoji = (name_len > 0
            && bytes.get(close) == Some(&b':')
            && !touches(open.checked_sub(1).and_then(|i| bytes.get(i)))
            && !touches(bytes.get(close + 1)))
        .then(|| crate::extras::emoji(&text[open + 1..close]))
        .flatten();
        match emoji {
            Some(emoji) => {
                out.push_str(&text[copied..open]);
                out.push_str(&emoji);
                copied = close + 1;
                search = close + 1;
            }
            // The closing colon may open the next shortcode (`:x::tada:`).
            None => search = if name_len > 0 { close } else { open + 1 },
        }
    }
    if copied == 0 {
        return std::borrow::Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table as the `emojis` crate gives it: every gemoji shortcode of every emoji.
    fn generated() -> String {
        let mut pairs: Vec<(&str, &str)> = emojis::iter()
            .flat_map(|emoji| emoji.shortcodes().map(move |name| (name, emoji.as_str())))
            .collect();
        pairs.sort_unstable();
        pairs.dedup_by(|a, b| a.0 == b.0);
        pairs
            .iter()
            .map(|(name, emoji)| format!("{name} {emoji}\n"))
            .collect()
    }

    #[test]
    fn gemoji_table_matches_the_emojis_crate() {
        let table = generated();
        if std::env::var_os("FOLIO_UPDATE_EMOJI").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/emoji/gemoji.txt");
            std::fs::write(path, &table).unwrap_or_else(|e| panic!("{path}: {e}"));
            return;
        }
        assert!(
            table == TABLE,
            "gemoji.txt is stale: rerun with FOLIO_UPDATE_EMOJI=1"
        );
    }

    #[test]
    fn every_name_is_found() {
        let mut count = 0;
        for line in TABLE.lines() {
            let (name, emoji) = line.split_once(' ').unwrap_or_default();
            assert_eq!(by_shortcode(name), Some(emoji), "{name}");
            count += 1;
        }
        assert!(count > 1_500, "{count} names");
        for absent in ["", "0", "zzzzzz", "Tada", "tada "] {
            assert_eq!(by_shortcode(absent), None, "{absent:?}");
        }
    }

    #[test]
    fn shortcodes_in_text() {
        for (text, expected) in [
            (":tada:", "🎉"),
            ("ship it :rocket::tada:!", "ship it 🚀🎉!"),
            ("中文:smile:中文", "中文😄中文"),
            ("time 10:30:45", "time 10:30:45"),
            ("a:tada:", "a:tada:"),
            (":tada:b", ":tada:b"),
            (":not_an_emoji: :+1:", ":not_an_emoji: 👍"),
            (":: : :x", ":: : :x"),
            ("::tada::", ":🎉:"),
        ] {
            assert_eq!(replace_shortcodes(text), expected, "{text:?}");
        }
    }
}
