//! Looking things up in parsed YAML or TOML (front matter and configuration files alike): keys
//! compared ignoring ASCII case, as Hugo does and the other generators never contradict.

use std::fs;
use std::path::Path;

use anyhow::{Context, Result};
use folio_core::Value;
use folio_core::front_matter::{Field, FrontMatter, FrontMatterFormat, parse_fields, split};

/// The value of top-level `key`.
pub(super) fn field<'a>(fields: &'a [Field], key: &str) -> Option<&'a Value> {
    fields
        .iter()
        .find(|field| field.key.eq_ignore_ascii_case(key))
        .map(|field| &field.value)
}

/// The value at a path of keys (`["params", "author"]`).
pub(super) fn at<'a>(fields: &'a [Field], path: &[&str]) -> Option<&'a Value> {
    let (first, rest) = path.split_first()?;
    rest.iter()
        .try_fold(field(fields, first)?, |value, key| get(value, key))
}

/// `key` of a map value.
pub(super) fn get<'a>(value: &'a Value, key: &str) -> Option<&'a Value> {
    match value {
        Value::Map(map) => map
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(key))
            .map(|(_, value)| value),
        _ => None,
    }
}

/// A value as text, trimmed, when it is a non-empty scalar.
pub(super) fn text(value: Option<&Value>) -> Option<String> {
    value
        .and_then(Value::to_text)
        .map(|text| text.trim().to_owned())
        .filter(|text| !text.is_empty())
}

/// A text, or each text of a list (numbers count as their text).
pub(super) fn texts(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::List(items)) => items.iter().filter_map(|item| text(Some(item))).collect(),
        other => text(other).into_iter().collect(),
    }
}

/// A name: a text, or a map with `name` (`author: {name: …}`).
pub(super) fn name(value: Option<&Value>) -> Option<String> {
    match value {
        Some(map @ Value::Map(_)) => text(get(map, "name")),
        other => text(other),
    }
}

/// Whether a flag is on: `true`, `"true"`, `"yes"`.
pub(super) fn is_true(value: Option<&Value>) -> bool {
    match value {
        Some(Value::Bool(flag)) => *flag,
        Some(Value::String(text)) => matches!(text.trim(), "true" | "yes"),
        _ => false,
    }
}

/// The top-level fields of a YAML or TOML file (a configuration file); empty when it does not
/// parse, with the parser's complaint.
pub(super) fn read_file(
    path: &Path,
    format: FrontMatterFormat,
) -> Result<(Vec<Field>, Option<String>)> {
    let text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let front_matter = FrontMatter {
        format,
        text: &text,
        opening_line: 0,
        first_line: 1,
        closing_line: text.lines().count() + 1,
    };
    Ok(match parse_fields(&front_matter) {
        Ok(fields) => (fields, None),
        Err(error) => (Vec::new(), Some(format!("line {}: {error}", error.line()))),
    })
}

/// The top-level fields of a post's front matter (none when it has none or it does not parse:
/// `folio check` reports that).
pub(super) fn front_matter_fields(text: &str) -> Vec<Field> {
    split(text)
        .ok()
        .and_then(|split| split.front_matter)
        .and_then(|front_matter| parse_fields(&front_matter).ok())
        .unwrap_or_default()
}
