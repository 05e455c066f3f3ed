//! Finding a few ASCII bytes in text quickly, eight bytes at a time.
//!
//! The renderer looks at every text event for the few bytes that may start something to do (a
//! `:` before a shortcode or a URL, an `@`, a `{{`), and at the whole post for container marks.
//! Most text, and nearly all CJK text, holds none of them. Reading it as `u64` words passes over
//! eight bytes with a handful of integer operations: wasm has no vector instructions by default,
//! and `str::contains("{{")` (the Two-Way search, set up for each text event) alone was a
//! twentieth of the render in the app's wasm.

/// The first offset of `haystack` whose byte `marks` gives a high bit in its word and for which
/// `found` holds, asking in order of offset.
///
/// `marks` reads a little-endian word of eight bytes (see [`equal`]); it may mark more bytes than
/// it means to, never fewer, since `found` has the last word. It is a plain function of the word,
/// written out by each caller, so a build that optimizes for size still makes it a few
/// instructions (a loop over a set of bytes here made the render a fifth slower in the app's
/// wasm).
#[inline(always)]
pub(crate) fn find_at(
    haystack: &[u8],
    marks: impl Fn(u64) -> u64,
    mut found: impl FnMut(usize) -> bool,
) -> Option<usize> {
    let mut words = haystack.chunks_exact(8);
    let mut start = 0;
    for word in words.by_ref() {
        let mut marked = marks(u64::from_le_bytes(word.try_into().unwrap_or_default()));
        while marked != 0 {
            let at = start + (marked.trailing_zeros() / 8) as usize;
            if found(at) {
                return Some(at);
            }
            marked &= marked - 1;
        }
        start += 8;
    }
    let tail = words.remainder();
    let mut last = [0u8; 8];
    last[..tail.len()].copy_from_slice(tail);
    // The zeros after the text are not text: only marks within it count. (The loop over the
    // marks is written twice: as one closure for both, the render was 6 % slower in the wasm.)
    let mut marked = marks(u64::from_le_bytes(last)) & ((1u64 << (tail.len() * 8)) - 1);
    while marked != 0 {
        let at = start + (marked.trailing_zeros() / 8) as usize;
        if found(at) {
            return Some(at);
        }
        marked &= marked - 1;
    }
    None
}

/// Whether `haystack` holds the byte `byte` twice in a row (`{{`, `[[`).
pub(crate) fn contains_pair(haystack: &[u8], byte: u8) -> bool {
    find_at(
        haystack,
        |word| equal(word, byte),
        |at| haystack.get(at + 1) == Some(&byte),
    )
    .is_some()
}

const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
const ONES: u64 = 0x0101_0101_0101_0101;

/// The high bit of each byte of `word` that equals `byte`, exactly: no carry crosses a byte.
#[inline(always)]
pub(crate) fn equal(word: u64, byte: u8) -> u64 {
    let x = word ^ (ONES * u64::from(byte));
    !(((x & LOW7).wrapping_add(LOW7)) | x | LOW7)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every offset `find_at` asks about when nothing is found, for the bytes in `set`.
    fn asked(haystack: &[u8], set: &[u8]) -> Vec<usize> {
        let mut asked = Vec::new();
        let marks = |word| set.iter().fold(0, |marks, &byte| marks | equal(word, byte));
        find_at(haystack, marks, |at| {
            asked.push(at);
            false
        });
        asked
    }

    /// The plain answer: every offset whose byte is in the set.
    fn naive(haystack: &[u8], set: &[u8]) -> Vec<usize> {
        (0..haystack.len())
            .filter(|&i| set.contains(&haystack[i]))
            .collect()
    }

    #[test]
    fn asks_about_every_byte_of_the_set_in_order_at_every_length_and_offset() {
        let text = "a:b@c.d{{e}} 中文：全角@ ::: [[x]] \0\x7f\u{80}ÿ".as_bytes();
        for start in 0..text.len() {
            for end in start..=text.len() {
                let hay = &text[start..end];
                assert_eq!(asked(hay, b":@.{"), naive(hay, b":@.{"), "{hay:?}");
                assert_eq!(asked(hay, b"["), naive(hay, b"["));
                assert_eq!(asked(hay, b"\0"), naive(hay, b"\0"), "{hay:?}");
            }
        }
    }

    #[test]
    fn every_byte_value_is_told_apart() {
        let all: Vec<u8> = (0..=255).collect();
        for byte in 0..=255u8 {
            assert_eq!(asked(&all, &[byte]), vec![usize::from(byte)]);
            assert_eq!(asked(&[byte; 19], &[byte]).len(), 19);
        }
        // The search stops at the first offset found, and says which.
        let mut asked = 0;
        assert_eq!(
            find_at(
                b"a.b.c.d.e.f.g.h.i.j",
                |word| equal(word, b'.'),
                |at| {
                    asked += 1;
                    at == 5
                }
            ),
            Some(5)
        );
        assert_eq!(asked, 3);
    }

    #[test]
    fn a_pair_is_found_across_word_boundaries() {
        for (hay, byte, expected) in [
            ("abc", b'{', false),
            ("1234567{{", b'{', true),
            ("1234567{x{", b'{', false),
            ("[[", b'[', true),
            ("[x[", b'[', false),
            ("中文{{", b'{', true),
            ("{", b'{', false),
            ("", b'{', false),
        ] {
            assert_eq!(contains_pair(hay.as_bytes(), byte), expected, "{hay:?}");
        }
    }
}
