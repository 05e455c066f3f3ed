//! Writing into a post's front matter what the generator kept elsewhere (a date in the file
//! name, a drafts folder, old URLs as `aliases`) or what moved (a cover image's path), changing
//! nothing else: a field is added right after the opening fence (in TOML, keys after a
//! `[table]` would land in it), replaced in place, or has one value rewritten inside it. Values
//! are written in the subset YAML and TOML share (`2024-03-05`, `true`, `["/a/", "/b/"]`), so
//! one edit serves both.

use folio_core::front_matter::{Field, FrontMatterFormat, parse_fields, split};

/// One change to the front matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Edit {
    /// Adds `key` with this value, unless the front matter has it (any case).
    Add { key: String, value: String },
    /// Replaces the field `key` (its lines, nested ones included) with this value, a comment
    /// line above it when given; adds it when missing.
    Set {
        key: String,
        value: String,
        comment: Option<String>,
    },
    /// Rewrites the first `old` inside field `key` (a path in `cover: {image: …}`) to `new`.
    Replace {
        key: String,
        old: String,
        new: String,
    },
}

/// A list of texts as both YAML and TOML write it.
pub(super) fn list(items: &[String]) -> String {
    let items: Vec<String> = items
        .iter()
        .map(|item| super::config::toml_string(item))
        .collect();
    format!("[{}]", items.join(", "))
}

/// `text` with the edits made, and how many lines it gained (negative: lost). A front matter
/// that does not parse is left as it is (`folio check` reports it), and so is a post without
/// one unless an edit adds a field.
pub(super) fn apply(text: &str, edits: &[Edit]) -> (String, isize) {
    if edits.is_empty() {
        return (text.to_owned(), 0);
    }
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let Ok(split) = split(text) else {
        return (text.to_owned(), 0);
    };
    let Some(front_matter) = split.front_matter else {
        let mut out = format!("---{newline}");
        let mut added = 0;
        for edit in edits {
            if let Edit::Add { key, value } | Edit::Set { key, value, .. } = edit {
                out.push_str(&format!("{key}: {value}{newline}"));
                added += 1;
            }
        }
        if added == 0 {
            return (text.to_owned(), 0);
        }
        out.push_str(&format!("---{newline}"));
        out.push_str(text.strip_prefix('\u{feff}').unwrap_or(text));
        return (out, added + 2);
    };
    let Ok(fields) = parse_fields(&front_matter) else {
        return (text.to_owned(), 0);
    };
    let separator = match front_matter.format {
        FrontMatterFormat::Yaml => ": ",
        FrontMatterFormat::Toml => " = ",
    };
    let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_owned).collect();
    let before = lines.len();
    let ranges = ranges(&fields, &lines, front_matter.closing_line);
    let range_of = |key: &str| {
        ranges
            .iter()
            .find(|(field, _, _)| field.eq_ignore_ascii_case(key))
            .map(|(_, start, end)| (*start, *end))
    };
    // Replacements bottom up, so each range is still where it was; then additions at the top.
    let mut in_place: Vec<(usize, usize, Vec<String>)> = Vec::new();
    let mut added: Vec<String> = Vec::new();
    for edit in edits {
        match edit {
            Edit::Add { key, value } => {
                if range_of(key).is_none() {
                    added.push(format!("{key}{separator}{value}{newline}"));
                }
            }
            Edit::Set {
                key,
                value,
                comment,
            } => {
                let mut new: Vec<String> = comment
                    .iter()
                    .map(|comment| format!("# {comment}{newline}"))
                    .collect();
                new.push(format!("{key}{separator}{value}{newline}"));
                match range_of(key) {
                    Some((start, end)) => in_place.push((start, end, new)),
                    None => added.extend(new),
                }
            }
            Edit::Replace { key, old, new } => {
                if let Some((start, end)) = range_of(key) {
                    let mut field: Vec<String> = lines[start - 1..end].to_vec();
                    if let Some(line) = field.iter_mut().find(|line| line.contains(old.as_str())) {
                        *line = line.replacen(old.as_str(), new, 1);
                        in_place.push((start, end, field));
                    }
                }
            }
        }
    }
    in_place.sort_by_key(|(start, _, _)| std::cmp::Reverse(*start));
    for (start, end, new) in in_place {
        lines.splice(start - 1..end, new);
    }
    let at = front_matter.opening_line;
    lines.splice(at..at, added);
    let after = lines.len();
    (
        lines.concat(),
        isize::try_from(after).unwrap_or(0) - isize::try_from(before).unwrap_or(0),
    )
}

/// Each field's file lines, from its key to its last line of value (comments and blank lines
/// after it belong to no field).
fn ranges(fields: &[Field], lines: &[String], closing_line: usize) -> Vec<(String, usize, usize)> {
    let mut starts: Vec<(usize, &str)> = fields.iter().map(|f| (f.line, f.key.as_str())).collect();
    starts.sort_by_key(|(line, _)| *line);
    let mut ranges = Vec::new();
    for (index, (start, key)) in starts.iter().enumerate() {
        let next = starts
            .get(index + 1)
            .map_or(closing_line, |(line, _)| *line);
        let mut end = next.saturating_sub(1).max(*start);
        while end > *start
            && lines
                .get(end - 1)
                .is_some_and(|line| line.trim().is_empty() || line.trim_start().starts_with('#'))
        {
            end -= 1;
        }
        ranges.push(((*key).to_owned(), *start, end));
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    fn add(key: &str, value: &str) -> Edit {
        Edit::Add {
            key: key.into(),
            value: value.into(),
        }
    }

    #[test]
    fn fields_are_added_after_the_fence_unless_present() {
        let edits = [add("date", "2024-03-05"), add("draft", "true")];
        let cases = [
            (
                "---\ntitle: A\n---\nBody\n",
                "---\ndate: 2024-03-05\ndraft: true\ntitle: A\n---\nBody\n",
                2,
            ),
            (
                "+++\ntitle = \"A\"\n[extra]\nx = 1\n+++\n",
                "+++\ndate = 2024-03-05\ndraft = true\ntitle = \"A\"\n[extra]\nx = 1\n+++\n",
                2,
            ),
            (
                "Body only\n",
                "---\ndate: 2024-03-05\ndraft: true\n---\nBody only\n",
                4,
            ),
            (
                "---\nDate: 2020-01-01\ndraft: false\n---\n",
                "---\nDate: 2020-01-01\ndraft: false\n---\n",
                0,
            ),
            ("---\nnever closed\n", "---\nnever closed\n", 0),
            (
                "\n\n+++\ntitle = \"A\"\n+++\n",
                "\n\n+++\ndate = 2024-03-05\ndraft = true\ntitle = \"A\"\n+++\n",
                2,
            ),
        ];
        for (text, want, added) in cases {
            assert_eq!(apply(text, &edits), (want.to_owned(), added), "{text:?}");
        }
        let crlf = apply("---\r\ntitle: A\r\n---\r\n", &edits[..1]);
        assert_eq!(crlf.0, "---\r\ndate: 2024-03-05\r\ntitle: A\r\n---\r\n");
    }

    #[test]
    fn a_field_is_replaced_whole_with_its_nested_lines() {
        let aliases = Edit::Set {
            key: "aliases".into(),
            value: list(&["/old/".into(), "/older/".into()]),
            comment: None,
        };
        let text = "---\ntitle: A\naliases:\n  - /old/\n\n# kept\ntags: [x]\n---\n";
        assert_eq!(
            apply(text, std::slice::from_ref(&aliases)),
            (
                "---\ntitle: A\naliases: [\"/old/\", \"/older/\"]\n\n# kept\ntags: [x]\n---\n"
                    .to_owned(),
                -1
            )
        );
        let date = Edit::Set {
            key: "date".into(),
            value: "2023-01-29".into(),
            comment: Some(
                "date = \"2023-01-29 18:30:22 2023 -0800\": not a date Folio reads".into(),
            ),
        };
        assert_eq!(
            apply(
                "+++\ndate = \"2023-01-29 18:30:22 2023 -0800\"\n+++\n",
                &[date]
            )
            .0,
            "+++\n# date = \"2023-01-29 18:30:22 2023 -0800\": not a date Folio reads\ndate = 2023-01-29\n+++\n"
        );
    }

    #[test]
    fn a_value_is_rewritten_inside_its_field() {
        let cover = Edit::Replace {
            key: "cover".into(),
            old: "cover.jpg".into(),
            new: "trip/cover.jpg".into(),
        };
        let text = "---\ntitle: cover.jpg\ncover:\n  image: cover.jpg\n  alt: x\n---\n";
        assert_eq!(
            apply(text, &[cover]).0,
            "---\ntitle: cover.jpg\ncover:\n  image: trip/cover.jpg\n  alt: x\n---\n"
        );
    }
}
