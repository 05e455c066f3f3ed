//! How deeply a formula's groups nest, found in one pass before the formula is parsed.
//!
//! `pulldown-latex` finds the end of each group by reading on to its closing brace, and then
//! parses the group's content, which reads each inner group again: its time grows with the
//! formula's length times its depth. A formula of 8,000 nested braces (16 KB) took half a
//! second; formulas nested deeper than [`MAX_NESTING`] are shown as written instead.

/// Deepest nesting of groups rendered; a formula that posts write rarely nests past ten.
pub const MAX_NESTING: usize = 32;

/// The deepest nesting of groups in `tex`: braces `{…}`, `\left…\right`, `\begin…\end`, and the
/// optional argument of a command (`\sqrt[…]`). Escaped braces (`\{`) are no groups; an
/// unbalanced closer counts nothing. An overestimate at worst (braces in a `%` comment count),
/// which only shows a formula as written sooner.
pub(super) fn depth(tex: &str) -> usize {
    let bytes = tex.as_bytes();
    let (mut depth, mut deepest) = (0usize, 0usize);
    // Open optional arguments, so that only their `]` closes a group.
    let mut optional = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        let mut opens = false;
        let mut closes = false;
        match bytes[i] {
            b'\\' => {
                let name_len = bytes[i + 1..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphabetic())
                    .count();
                let name = &bytes[i + 1..i + 1 + name_len];
                opens = matches!(name, b"left" | b"begin");
                closes = matches!(name, b"right" | b"end");
                // A control symbol (`\{`, `\\`) is one character after the backslash.
                i += 1 + name_len.max(1);
                if name_len > 0 && bytes.get(i) == Some(&b'[') {
                    optional += 1;
                    depth += 1;
                    i += 1;
                }
            }
            b'{' => {
                opens = true;
                i += 1;
            }
            b'}' => {
                closes = true;
                i += 1;
            }
            b']' if optional > 0 => {
                optional -= 1;
                closes = true;
                i += 1;
            }
            _ => i += 1,
        }
        if opens {
            depth += 1;
        }
        if closes {
            depth = depth.saturating_sub(1);
        }
        deepest = deepest.max(depth);
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_of_every_kind_count() {
        for (tex, expected) in [
            ("x^2", 0),
            ("x^{2}", 1),
            (r"\frac{a}{b}", 1),
            (r"\frac{a^{b_{c}}}{d}", 3),
            (r"\left( \frac{1}{2} \right)", 2),
            (r"\begin{matrix} a \end{matrix}", 2),
            (r"\sqrt[3]{x}", 1),
            (r"\sqrt[\sqrt[\sqrt[3]{x}]{y}]{z}", 3),
            (r"\{ \} \\{x}", 1),
            ("[0, 1) [2, 3)", 0),
            ("}}}{", 1),
        ] {
            assert_eq!(depth(tex), expected, "{tex}");
        }
    }

    #[test]
    fn depth_is_found_in_one_pass() {
        let deep = format!("{}x{}", "{".repeat(8_000), "}".repeat(8_000));
        assert_eq!(depth(&deep), 8_000);
    }
}
