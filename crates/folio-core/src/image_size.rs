//! Reading an image's pixel size from the first bytes of its file, so pages can reserve the
//! image's space before it loads (no layout shift). PNG, GIF, JPEG, WebP and SVG; anything
//! else, or anything malformed, is `None`.

/// Width and height in pixels of the image in `bytes`, if its format is known and its header
/// is well formed.
///
/// ```
/// let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" width="640" height="140"></svg>"#;
/// assert_eq!(folio_core::image_size::dimensions(svg), Some((640, 140)));
/// assert_eq!(folio_core::image_size::dimensions(b"not an image"), None);
/// ```
pub fn dimensions(bytes: &[u8]) -> Option<(u32, u32)> {
    let size = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        png(bytes)
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        gif(bytes)
    } else if bytes.starts_with(&[0xFF, 0xD8]) {
        jpeg(bytes)
    } else if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        webp(bytes)
    } else {
        svg(bytes)
    }?;
    (size.0 > 0 && size.1 > 0).then_some(size)
}

fn be_u16(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from(u16::from_be_bytes(
        bytes.get(at..at + 2)?.try_into().ok()?,
    )))
}

fn le_u16(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from(u16::from_le_bytes(
        bytes.get(at..at + 2)?.try_into().ok()?,
    )))
}

fn le_u24(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at + 3)?;
    Some(u32::from(b[0]) | u32::from(b[1]) << 8 | u32::from(b[2]) << 16)
}

fn png(bytes: &[u8]) -> Option<(u32, u32)> {
    // The IHDR chunk comes first: length(4) "IHDR"(4) width(4) height(4).
    if bytes.get(12..16) != Some(b"IHDR") {
        return None;
    }
    let width = u32::from_be_bytes(bytes.get(16..20)?.try_into().ok()?);
    let height = u32::from_be_bytes(bytes.get(20..24)?.try_into().ok()?);
    Some((width, height))
}

fn gif(bytes: &[u8]) -> Option<(u32, u32)> {
    Some((le_u16(bytes, 6)?, le_u16(bytes, 8)?))
}

fn jpeg(bytes: &[u8]) -> Option<(u32, u32)> {
    // Walk the segments to the first start-of-frame marker (SOF0-SOF15 except DHT, JPG, DAC).
    let mut at = 2;
    loop {
        while *bytes.get(at)? == 0xFF && *bytes.get(at + 1)? == 0xFF {
            at += 1;
        }
        if *bytes.get(at)? != 0xFF {
            return None;
        }
        let marker = *bytes.get(at + 1)?;
        let length = usize::try_from(be_u16(bytes, at + 2)?).ok()?;
        if (0xC0..=0xCF).contains(&marker) && !matches!(marker, 0xC4 | 0xC8 | 0xCC) {
            return Some((be_u16(bytes, at + 7)?, be_u16(bytes, at + 5)?));
        }
        if length < 2 {
            return None;
        }
        at += 2 + length;
    }
}

fn webp(bytes: &[u8]) -> Option<(u32, u32)> {
    match bytes.get(12..16)? {
        b"VP8 " => Some((le_u16(bytes, 26)? & 0x3FFF, le_u16(bytes, 28)? & 0x3FFF)),
        b"VP8L" => {
            let bits = u32::from_le_bytes(bytes.get(21..25)?.try_into().ok()?);
            Some(((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1))
        }
        b"VP8X" => Some((le_u24(bytes, 24)? + 1, le_u24(bytes, 27)? + 1)),
        _ => None,
    }
}

/// The root `<svg>` element's `width` and `height` in pixels, else its `viewBox` size.
fn svg(bytes: &[u8]) -> Option<(u32, u32)> {
    let text = std::str::from_utf8(bytes.get(..bytes.len().min(4096))?).ok()?;
    let start = text.find("<svg")?;
    let tag = &text[start..start + text[start..].find('>')?];
    let attribute = |name: &str| {
        let at = tag.find(&format!(" {name}="))? + name.len() + 2;
        let quote = tag[at..].chars().next()?;
        let value = &tag[at + 1..];
        Some(&value[..value.find(quote)?])
    };
    let pixels = |value: &str| -> Option<u32> {
        let number = value.trim().strip_suffix("px").unwrap_or(value.trim());
        let number: f64 = number.parse().ok()?;
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // checked range
        (number.is_finite() && number > 0.0 && number < 100_000.0).then(|| number.round() as u32)
    };
    if let (Some(w), Some(h)) = (attribute("width"), attribute("height"))
        && let (Some(w), Some(h)) = (pixels(w), pixels(h))
    {
        return Some((w, h));
    }
    let view_box: Vec<&str> = attribute("viewBox")?
        .split([' ', ','])
        .filter(|s| !s.is_empty())
        .collect();
    match view_box.as_slice() {
        [_, _, w, h] => Some((pixels(w)?, pixels(h)?)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::dimensions;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        bytes.extend(width.to_be_bytes());
        bytes.extend(height.to_be_bytes());
        bytes.extend([8, 6, 0, 0, 0]);
        bytes
    }

    fn jpeg(width: u16, height: u16) -> Vec<u8> {
        let mut bytes = vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 16];
        bytes.extend(b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
        bytes.extend([0xFF, 0xC0, 0, 17, 8]);
        bytes.extend(height.to_be_bytes());
        bytes.extend(width.to_be_bytes());
        bytes.extend([3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
        bytes
    }

    #[test]
    fn formats_table() {
        let mut gif = b"GIF89a".to_vec();
        gif.extend(300u16.to_le_bytes());
        gif.extend(200u16.to_le_bytes());
        let mut webp_lossless = b"RIFF\0\0\0\0WEBPVP8L\0\0\0\0\x2f".to_vec();
        webp_lossless.extend(((99u32) | (49u32 << 14)).to_le_bytes());
        let mut webp_extended = b"RIFF\0\0\0\0WEBPVP8X\0\0\0\0\0\0\0\0".to_vec();
        webp_extended.extend([0x7F, 0x02, 0x00, 0xDF, 0x01, 0x00]);
        type Case = (&'static str, Vec<u8>, Option<(u32, u32)>);
        let cases: Vec<Case> = vec![
            ("png", png(640, 480), Some((640, 480))),
            ("gif", gif, Some((300, 200))),
            ("jpeg", jpeg(1024, 768), Some((1024, 768))),
            ("webp lossless", webp_lossless, Some((100, 50))),
            ("webp extended", webp_extended, Some((640, 480))),
            (
                "svg size",
                br#"<?xml version="1.0"?><svg width="64px" height='32'>"#.to_vec(),
                Some((64, 32)),
            ),
            (
                "svg viewBox",
                br#"<svg xmlns="x" viewBox="0 0 640 180">"#.to_vec(),
                Some((640, 180)),
            ),
            (
                "svg percent",
                br#"<svg width="100%" height="100%">"#.to_vec(),
                None,
            ),
            ("truncated png", png(1, 1)[..18].to_vec(), None),
            ("zero png", png(0, 10), None),
            ("truncated jpeg", jpeg(10, 10)[..24].to_vec(), None),
            ("text", b"hello".to_vec(), None),
            ("empty", Vec::new(), None),
        ];
        for (name, bytes, want) in cases {
            assert_eq!(dimensions(&bytes), want, "{name}");
        }
    }
}
