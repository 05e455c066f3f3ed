//! A term's postings as a shard stores them: a list of numbers for a term few posts have, three
//! bitmaps for a term many posts have, whichever is shorter (the two container kinds of Roaring
//! bitmaps, chosen per term).
//!
//! ```text
//! "rust":[9,18,20]            sparse: one number per post, `(post - previous post) << 3 | fields`
//! "the":"AQ.AQ.__8"           dense: title, tags and body bitmaps, base64url without padding
//! ```
//!
//! A sparse list costs three to five bytes per post that has the term; a bitmap costs a sixth of
//! a byte per post of the site, per field. A word in most posts ("the", "browser" in a site
//! about browsers) took 270 KB as a list at 100,000 posts and takes at most 50 KB as bitmaps.
//! Bit `n % 8` of byte `n / 8` stands for post `n`; trailing zero bytes are left out, so a bitmap
//! of a field the term never occurs in is empty.

use std::fmt::Write as _;

use serde::Deserialize;

use crate::json::{FromJson, Json, JsonError};

use super::format::{FIELD_BITS, FIELD_BODY, FIELD_TAGS, FIELD_TITLE, SearchIndexError};

/// One post in a postings list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    /// The post's position in the manifest.
    pub doc: u32,
    /// Where the term occurs: [`FIELD_TITLE`] | [`FIELD_TAGS`] | [`FIELD_BODY`].
    pub fields: u8,
}

/// The fields of the dense form's three bitmaps, in order.
const DENSE_FIELDS: [u8; 3] = [FIELD_TITLE, FIELD_TAGS, FIELD_BODY];

/// A term's postings as read from a shard, decoded when a query needs them.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum Encoded {
    /// Deltas and fields, one number per post.
    Sparse(Vec<u64>),
    /// Title, tags and body bitmaps, base64url, joined by `.`.
    Dense(String),
}

/// Untagged, as serde reads it: a list of numbers or a string.
impl FromJson for Encoded {
    fn from_value(json: Json<'_>) -> Result<Self, JsonError> {
        match json {
            Json::String(text) => Ok(Self::Dense(text.into_owned())),
            Json::Array(_) => <Vec<u64>>::from_value(json).map(Self::Sparse),
            other => Err(other.expected("a postings list")),
        }
    }
}

impl Encoded {
    /// The posts, in post order; an error when the encoding is broken or a post number leaves
    /// the `u32` range.
    pub fn decode(&self) -> Result<Vec<Posting>, SearchIndexError> {
        match self {
            Self::Sparse(numbers) => decode_sparse(numbers),
            Self::Dense(text) => decode_dense(text),
        }
    }
}

/// Appends the JSON of `postings` (sorted by post, each post once) in its shorter form.
///
/// ```
/// use folio_core::search::postings::{write_json, Encoded, Posting};
/// let few = [Posting { doc: 2, fields: 1 }, Posting { doc: 9, fields: 6 }];
/// let mut json = String::new();
/// write_json(&mut json, &few);
/// assert_eq!(json, "[17,62]");
/// let all: Vec<Posting> = (0..64).map(|doc| Posting { doc, fields: 4 }).collect();
/// json.clear();
/// write_json(&mut json, &all);
/// assert_eq!(json, r#""..__________8""#);
/// let read: Encoded = serde_json::from_str(&json).unwrap();
/// assert_eq!(read.decode().unwrap(), all);
/// ```
pub fn write_json(out: &mut String, postings: &[Posting]) {
    let sparse = encode_sparse(postings);
    let sparse_len: usize = sparse.iter().map(|n| digits(*n) + 1).sum::<usize>() + 1;
    // The bitmaps reach at least the last post: when that alone is longer, skip encoding them.
    let bitmap_len = postings.last().map_or(0, |last| {
        base64_len(usize::try_from(last.doc / 8 + 1).unwrap_or(0))
    });
    let dense = (bitmap_len + 4 < sparse_len)
        .then(|| encode_dense(postings))
        .filter(|dense| dense.len() + 2 < sparse_len);
    if let Some(dense) = dense {
        out.push('"');
        out.push_str(&dense);
        out.push('"');
    } else {
        out.push('[');
        for (i, number) in sparse.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let _ = write!(out, "{number}");
        }
        out.push(']');
    }
}

fn digits(mut n: u64) -> usize {
    let mut count = 1;
    while n >= 10 {
        n /= 10;
        count += 1;
    }
    count
}

/// The sparse form's numbers (see the module docs).
pub fn encode_sparse(postings: &[Posting]) -> Vec<u64> {
    let mut previous = 0;
    postings
        .iter()
        .map(|posting| {
            let delta = u64::from(posting.doc - previous);
            previous = posting.doc;
            (delta << FIELD_BITS) | u64::from(posting.fields & 0b111)
        })
        .collect()
}

/// Reads the sparse form.
///
/// ```
/// use folio_core::search::postings::{decode_sparse, Posting};
/// let postings = [Posting { doc: 2, fields: 1 }, Posting { doc: 9, fields: 6 }];
/// assert_eq!(decode_sparse(&[17, 62])?, postings);
/// # Ok::<(), folio_core::search::SearchIndexError>(())
/// ```
pub fn decode_sparse(encoded: &[u64]) -> Result<Vec<Posting>, SearchIndexError> {
    let mut doc: u32 = 0;
    encoded
        .iter()
        .map(|&value| {
            let delta = u32::try_from(value >> FIELD_BITS).ok();
            doc = delta
                .and_then(|delta| doc.checked_add(delta))
                .ok_or_else(|| {
                    SearchIndexError::Invalid(format!("postings entry {value} is out of range"))
                })?;
            Ok(Posting {
                doc,
                // Three bits always fit a u8.
                fields: u8::try_from(value & 0b111).unwrap_or_default(),
            })
        })
        .collect()
}

/// The dense form's text (see the module docs).
pub fn encode_dense(postings: &[Posting]) -> String {
    let parts: Vec<String> = DENSE_FIELDS
        .iter()
        .map(|&field| {
            let mut bits: Vec<u8> = Vec::new();
            for posting in postings.iter().filter(|p| p.fields & field != 0) {
                let byte = usize::try_from(posting.doc / 8).unwrap_or(usize::MAX);
                if bits.len() <= byte {
                    bits.resize(byte + 1, 0);
                }
                bits[byte] |= 1 << (posting.doc % 8);
            }
            base64_encode(&bits)
        })
        .collect();
    parts.join(".")
}

/// Reads the dense form.
fn decode_dense(text: &str) -> Result<Vec<Posting>, SearchIndexError> {
    let bitmaps = text
        .split('.')
        .map(base64_decode)
        .collect::<Option<Vec<Vec<u8>>>>()
        .filter(|bitmaps| bitmaps.len() == DENSE_FIELDS.len())
        .ok_or_else(|| {
            SearchIndexError::Invalid("a dense postings list is malformed".to_owned())
        })?;
    let bytes = bitmaps.iter().map(Vec::len).max().unwrap_or(0);
    if u32::try_from(bytes).map_or(true, |bytes| bytes > u32::MAX / 8) {
        return Err(SearchIndexError::Invalid(
            "a dense postings list is too long".to_owned(),
        ));
    }
    let mut postings = Vec::new();
    for byte in 0..bytes {
        let of = |field: usize| bitmaps[field].get(byte).copied().unwrap_or(0);
        let (title, tags, body) = (of(0), of(1), of(2));
        let any = title | tags | body;
        for bit in (0..8).filter(|bit| any & (1 << bit) != 0) {
            let has = |bitmap: u8, field: u8| if bitmap & (1 << bit) != 0 { field } else { 0 };
            postings.push(Posting {
                // Checked above: every bit's number fits.
                doc: u32::try_from(byte * 8 + bit).unwrap_or(u32::MAX),
                fields: has(title, FIELD_TITLE) | has(tags, FIELD_TAGS) | has(body, FIELD_BODY),
            });
        }
    }
    Ok(postings)
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Characters of `bytes` bytes in base64 without padding.
fn base64_len(bytes: usize) -> usize {
    (bytes * 4).div_ceil(3)
}

/// base64url without padding (RFC 4648 §5).
fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(base64_len(bytes.len()));
    for chunk in bytes.chunks(3) {
        let word = chunk
            .iter()
            .enumerate()
            .fold(0_u32, |word, (i, &b)| word | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            let sextet = (word >> (18 - 6 * i)) & 63;
            out.push(char::from(ALPHABET[usize::try_from(sextet).unwrap_or(0)]));
        }
    }
    out
}

/// Reads [`base64_encode`]'s output; `None` for any other text.
fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let value = |c: u8| -> Option<u32> {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return None,
        };
        Some(u32::from(v))
    };
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        if chunk.len() == 1 {
            return None;
        }
        let mut word = 0_u32;
        for (i, &c) in chunk.iter().enumerate() {
            word |= value(c)? << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            // Masked to a byte.
            out.push(u8::try_from((word >> (16 - 8 * i)) & 0xff).unwrap_or(0));
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn read(json: &str) -> Result<Vec<Posting>, SearchIndexError> {
        serde_json::from_str::<Encoded>(json).unwrap().decode()
    }

    #[test]
    fn base64_round_trips_every_length_and_matches_the_rfc() {
        // RFC 4648 §10, padding removed.
        let vectors = [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in vectors {
            assert_eq!(base64_encode(plain.as_bytes()), encoded);
            assert_eq!(base64_decode(encoded).unwrap(), plain.as_bytes());
        }
        let bytes: Vec<u8> = (0..=255).collect();
        for len in 0..bytes.len() {
            let text = base64_encode(&bytes[..len]);
            assert_eq!(text.len(), base64_len(len));
            assert_eq!(base64_decode(&text).unwrap(), &bytes[..len], "{len}");
        }
        for bad in ["A", "AAAAA", "AA=", "A+", "A/", "é"] {
            assert_eq!(base64_decode(bad), None, "{bad}");
        }
    }

    #[test]
    fn each_list_is_written_in_its_shorter_form_and_reads_back() {
        let mut seed = 7_u64;
        let mut next = || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            seed >> 33
        };
        for density in [1, 5, 20, 50, 90, 100] {
            let mut postings = Vec::new();
            for doc in 0..5_000 {
                if next() % 100 < density {
                    let fields = [1, 2, 4, 4, 4, 5, 6, 7][usize::try_from(next() % 8).unwrap()];
                    postings.push(Posting { doc, fields });
                }
            }
            let mut json = String::new();
            write_json(&mut json, &postings);
            assert_eq!(read(&json).unwrap(), postings, "{density} %");
            let sparse = serde_json::to_string(&encode_sparse(&postings)).unwrap();
            let dense = serde_json::to_string(&encode_dense(&postings)).unwrap();
            assert_eq!(json.len(), sparse.len().min(dense.len()), "{density} %");
            if density <= 5 || density >= 50 {
                assert_eq!(json.starts_with('"'), density >= 50, "{density} %");
            }
        }
        let mut json = String::new();
        write_json(&mut json, &[]);
        assert_eq!(json, "[]");
    }

    #[test]
    fn a_field_without_posts_is_an_empty_bitmap() {
        let postings: Vec<Posting> = (0..40).map(|doc| Posting { doc, fields: 4 }).collect();
        let dense = encode_dense(&postings);
        assert!(dense.starts_with(".."), "{dense}");
        assert_eq!(decode_dense(&dense).unwrap(), postings);
        assert_eq!(decode_dense("..").unwrap(), []);
    }

    #[test]
    fn broken_lists_are_errors() {
        for json in [r#""AA.AA""#, r#""AA.AA.AA.AA""#, r#""A..""#, r#""é..""#] {
            assert!(
                matches!(read(json), Err(SearchIndexError::Invalid(_))),
                "{json}"
            );
        }
        let too_far = format!(
            "[{},{}]",
            (u64::from(u32::MAX) << FIELD_BITS) | 1,
            1 << FIELD_BITS
        );
        assert!(read(&too_far).is_err());
        assert!(decode_sparse(&[u64::MAX]).is_err());
        assert!(serde_json::from_str::<Encoded>(r#"{"a":1}"#).is_err());
    }
}
