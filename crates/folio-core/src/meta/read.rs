//! Readers that turn one front-matter [`Value`] into one kind of [`PostMeta`](super::PostMeta)
//! field, or say what was wrong with it.
//!
//! Each reader returns `Ok(None)` for "present but empty" (`title: ""`, `date:`), which is not
//! worth a problem: archetypes and templates leave such keys around.

use crate::{Date, Value, tag_slug};

/// Why a value was not accepted: "expected …, found …", ready to follow "`key` was ignored: ".
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Wrong(pub(super) String);

impl Wrong {
    pub(super) fn expected(what: &str, found: &Value) -> Self {
        Wrong(format!("expected {what}, found {}", describe(found)))
    }
}

/// A value as a message shows it: scalars by their text, collections by their kind.
pub(super) fn describe(value: &Value) -> String {
    match value {
        Value::String(text) => {
            let mut shown: String = text.chars().take(40).collect();
            if shown.len() < text.len() {
                shown.push('…');
            }
            format!("{shown:?}")
        }
        Value::Integer(_) | Value::Float(_) => {
            format!("the number {}", value.to_text().unwrap_or_default())
        }
        Value::Bool(flag) => format!("`{flag}`"),
        Value::Null | Value::List(_) | Value::Map(_) => value.kind().to_owned(),
    }
}

/// Text, trimmed. Numbers and booleans count as their text (`title: 1984`).
pub(super) fn text(value: &Value) -> Result<Option<String>, Wrong> {
    match value {
        Value::Null => Ok(None),
        Value::List(_) | Value::Map(_) => Err(Wrong::expected("text", value)),
        scalar => Ok(scalar.to_text().and_then(non_empty)),
    }
}

/// A date in any dialect [`Date::parse`] reads.
pub(super) fn date(value: &Value) -> Result<Option<Date>, Wrong> {
    match value {
        Value::Null => Ok(None),
        Value::String(text) if text.trim().is_empty() => Ok(None),
        Value::String(text) => Date::parse(text)
            .map(Some)
            .map_err(|error| Wrong(format!("{:?} is not a valid date: {error}", text.trim()))),
        _ => Err(Wrong::expected("a date like 2026-02-13", value)),
    }
}

/// `true`/`false`, also as text, and the YAML 1.1 `yes`/`no` that Jekyll users write.
pub(super) fn flag(value: &Value) -> Result<Option<bool>, Wrong> {
    match value {
        Value::Null => Ok(None),
        Value::Bool(flag) => Ok(Some(*flag)),
        Value::String(text) => match text.trim().to_ascii_lowercase().as_str() {
            "true" | "yes" => Ok(Some(true)),
            "false" | "no" => Ok(Some(false)),
            "" => Ok(None),
            _ => Err(Wrong::expected("true or false", value)),
        },
        _ => Err(Wrong::expected("true or false", value)),
    }
}

/// An author: a name, a map with `name` (Hugo, Jekyll), or a list of either, joined with ", ".
pub(super) fn author(value: &Value) -> Result<Option<String>, Wrong> {
    const EXPECTED: &str = "a name, a map with `name`, or a list of names";
    let one = |value: &Value| match value {
        Value::Map(map) => match get(map, "name") {
            Some(name) => text(name).map_err(|_| Wrong::expected(EXPECTED, value)),
            None => Err(Wrong(format!(
                "expected {EXPECTED}, found a map of keys without `name`"
            ))),
        },
        Value::List(_) => Err(Wrong::expected(EXPECTED, value)),
        scalar => text(scalar),
    };
    match value {
        Value::List(items) => {
            let names = items
                .iter()
                .map(one)
                .filter_map(Result::transpose)
                .collect::<Result<Vec<_>, _>>()?;
            Ok(non_empty(names.join(", ")))
        }
        single => one(single),
    }
}

/// A cover image: a path, or a map with `image` (Hugo PaperMod's `cover.image`).
pub(super) fn cover(value: &Value) -> Result<Option<String>, Wrong> {
    const EXPECTED: &str = "an image path or a map with `image`";
    match value {
        Value::Map(map) => match get(map, "image") {
            Some(image) => text(image).map_err(|_| Wrong::expected(EXPECTED, value)),
            None => Err(Wrong(format!(
                "expected {EXPECTED}, found a map of keys without `image`"
            ))),
        },
        Value::List(_) => Err(Wrong::expected(EXPECTED, value)),
        scalar => text(scalar),
    }
}

/// A tag value that had to be skipped: the whole value, or one item of a list (`2`, or `2.1`
/// inside a nested list).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Skipped {
    pub(super) item: Option<String>,
    pub(super) wrong: Wrong,
}

/// Adds the tags (or categories) in `value` to `out`, returning what had to be skipped.
///
/// A list gives one tag per item, nested lists are flattened (Hexo writes hierarchical
/// categories that way), and numbers count as their text. A single text is split on commas
/// (`,`, `，` or `、`) when it has any, otherwise on whitespace (Jekyll's `tags: rust wasm`).
pub(super) fn tags(value: &Value, out: &mut Vec<String>) -> Vec<Skipped> {
    let mut skipped = Vec::new();
    match value {
        Value::Null => {}
        Value::String(text) => {
            let separators = [',', '，', '、'];
            let words: Vec<&str> = if text.contains(separators) {
                text.split(separators).collect()
            } else {
                text.split_whitespace().collect()
            };
            out.extend(words.into_iter().filter_map(|w| non_empty(w.to_owned())));
        }
        Value::List(items) => list_tags(items, "", out, &mut skipped),
        Value::Map(_) => skipped.push(Skipped {
            item: None,
            wrong: Wrong::expected("a list or comma-separated text", value),
        }),
        scalar => out.extend(scalar.to_text().and_then(non_empty)),
    }
    skipped
}

fn list_tags(items: &[Value], prefix: &str, out: &mut Vec<String>, skipped: &mut Vec<Skipped>) {
    for (index, item) in items.iter().enumerate() {
        let position = format!("{prefix}{}", index + 1);
        match item {
            Value::List(inner) => list_tags(inner, &format!("{position}."), out, skipped),
            Value::Map(_) => skipped.push(Skipped {
                item: Some(position),
                wrong: Wrong::expected("text", item),
            }),
            scalar => out.extend(scalar.to_text().and_then(non_empty)),
        }
    }
}

/// Keeps the first of each tag, in order; tags with the same [`tag_slug`] (`Rust` and `rust`,
/// a category and a tag) are one tag, which would otherwise count twice on the tag's page.
pub(super) fn dedupe(tags: Vec<String>) -> Vec<String> {
    let mut slugs: Vec<String> = Vec::with_capacity(tags.len());
    let mut kept: Vec<String> = Vec::with_capacity(tags.len());
    for tag in tags {
        let slug = tag_slug(&tag);
        if !slugs.contains(&slug) {
            slugs.push(slug);
            kept.push(tag);
        }
    }
    kept
}

/// Adds the aliases in `value` to `out`: one text, or a list of texts (numbers count as their
/// text), returning what had to be skipped. A text is one address, never split.
pub(super) fn aliases(value: &Value, out: &mut Vec<String>) -> Vec<Skipped> {
    match value {
        Value::List(items) => {
            let mut skipped = Vec::new();
            for (index, item) in items.iter().enumerate() {
                match text(item) {
                    Ok(alias) => out.extend(alias),
                    Err(wrong) => skipped.push(Skipped {
                        item: Some((index + 1).to_string()),
                        wrong,
                    }),
                }
            }
            skipped
        }
        Value::Map(_) => vec![Skipped {
            item: None,
            wrong: Wrong::expected("an address or a list of addresses", value),
        }],
        scalar => {
            out.extend(text(scalar).ok().flatten());
            Vec::new()
        }
    }
}

/// A key of a nested map, ignoring ASCII case as the top-level lookup does.
pub(super) fn get<'v>(map: &'v crate::Map, key: &str) -> Option<&'v Value> {
    map.iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(key))
        .map(|(_, value)| value)
}

fn non_empty(text: String) -> Option<String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        None
    } else if trimmed.len() == text.len() {
        Some(text)
    } else {
        Some(trimmed.to_owned())
    }
}
