//! A code fence's info string, in the dialects posts use: the language (`rust,ignore`,
//! `js title="a.js"`), and VitePress's extras: lines to highlight (`ts{1,4-6}`), line numbers
//! (`ts:line-numbers`, `ts:no-line-numbers`) and a label (`js [config.js]`, the tab of a code
//! group).

use std::ops::RangeInclusive;

/// What a fence's info string says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct FenceInfo<'a> {
    /// The language word: `rust` of `rust,ignore`, `ts` of `ts:line-numbers{1}`.
    pub(super) lang: &'a str,
    /// 1-based lines to highlight (`{1,4-6}`).
    pub(super) highlight: Vec<RangeInclusive<usize>>,
    /// `:line-numbers` (true) or `:no-line-numbers` (false).
    pub(super) line_numbers: Option<bool>,
    /// The `[label]`, trimmed.
    pub(super) label: Option<&'a str>,
}

impl<'a> FenceInfo<'a> {
    /// Reads an info string; what it does not understand is ignored.
    pub(super) fn parse(info: &'a str) -> Self {
        let info = info.trim();
        let lang_end = info
            .find(|c: char| c.is_whitespace() || matches!(c, ',' | '{' | ':' | '['))
            .unwrap_or(info.len());
        let lang = &info[..lang_end];
        let rest = &info[lang_end..];
        let line_numbers = if rest.starts_with(":no-line-numbers") {
            Some(false)
        } else if rest.starts_with(":line-numbers") {
            Some(true)
        } else {
            None
        };
        let highlight = between(rest, '{', '}').map_or_else(Vec::new, line_ranges);
        let label = between(rest, '[', ']')
            .map(str::trim)
            .filter(|label| !label.is_empty());
        Self {
            lang,
            highlight,
            line_numbers,
            label,
        }
    }

    /// Whether line `n` (1-based) is to be highlighted.
    pub(super) fn highlights(&self, n: usize) -> bool {
        self.highlight.iter().any(|lines| lines.contains(&n))
    }
}

/// The text between the first `open` and the `close` after it.
fn between(text: &str, open: char, close: char) -> Option<&str> {
    let start = text.find(open)? + open.len_utf8();
    let end = start + text[start..].find(close)?;
    Some(&text[start..end])
}

/// `1,4-6` as line ranges; parts that are not numbers are skipped.
fn line_ranges(list: &str) -> Vec<RangeInclusive<usize>> {
    list.split(',')
        .filter_map(|part| {
            let part = part.trim();
            let (first, last) = part.split_once('-').unwrap_or((part, part));
            let (first, last) = (first.trim().parse().ok()?, last.trim().parse().ok()?);
            (first <= last).then_some(first..=last)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An info string and what it says: language, highlighted lines, line numbers, label.
    type Case = (
        &'static str,
        &'static str,
        &'static [RangeInclusive<usize>],
        Option<bool>,
        Option<&'static str>,
    );

    #[test]
    fn info_strings_of_every_dialect() {
        let cases: &[Case] = &[
            ("rust", "rust", &[], None, None),
            ("rust,ignore", "rust", &[], None, None),
            ("js title=\"a.js\"", "js", &[], None, None),
            ("python{1,3}", "python", &[1..=1, 3..=3], None, None),
            ("ts {1,4-6}", "ts", &[1..=1, 4..=6], None, None),
            ("ts:line-numbers {2}", "ts", &[2..=2], Some(true), None),
            ("ts:no-line-numbers", "ts", &[], Some(false), None),
            ("js [config.js]", "js", &[], None, Some("config.js")),
            ("sh{2} [安装 步骤]", "sh", &[2..=2], None, Some("安装 步骤")),
            ("js{x,3-1,5}", "js", &[5..=5], None, None),
            ("", "", &[], None, None),
        ];
        for (info, lang, highlight, line_numbers, label) in cases {
            let parsed = FenceInfo::parse(info);
            assert_eq!(
                (
                    parsed.lang,
                    parsed.highlight.as_slice(),
                    parsed.line_numbers,
                    parsed.label
                ),
                (*lang, *highlight, *line_numbers, *label),
                "{info:?}"
            );
        }
    }
}
