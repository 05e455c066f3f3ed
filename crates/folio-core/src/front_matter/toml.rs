//! TOML front matter through the `toml` crate's span-keeping `DeTable`.
//!
//! `DeTable` keeps keys in source order (the workspace enables `preserve_order`) with byte spans,
//! which become file lines here. The `toml` parser caps its own recursion (80 levels of arrays,
//! inline tables or dotted keys), so deep input fails cleanly before it reaches this module.

use ::toml::Spanned;
use ::toml::de::{DeTable, DeValue};

use super::lines::position;
use super::{Field, FrontMatter, FrontMatterError, MAX_DEPTH};
use crate::{Map, Value};

/// Parses the TOML block of `front_matter` into top-level fields.
pub(super) fn parse(front_matter: &FrontMatter<'_>) -> Result<Vec<Field>, FrontMatterError> {
    let at = Locator(front_matter);
    let table = DeTable::parse(front_matter.text).map_err(|error| {
        let span = error.span().unwrap_or_default();
        let (line, column) = at.position(span.start);
        let mut message = error.message().trim().to_owned();
        // The parser says "duplicate key" and points at it; name it, as the YAML side does.
        if message == "duplicate key"
            && let Some(key) = front_matter.text.get(span)
        {
            message = format!(
                "the key `{}` appears twice; each key may appear only once",
                key.trim()
            );
        }
        FrontMatterError::Toml {
            line,
            column,
            message,
        }
    })?;
    table
        .get_ref()
        .iter()
        .map(|(key, value)| {
            let (line, _) = at.position(key.span().start);
            Ok(Field {
                key: key.get_ref().to_string(),
                value: convert(value, 1, &at)?,
                line,
            })
        })
        .collect()
}

/// Turns byte offsets in the front-matter text into file positions.
struct Locator<'a, 'text>(&'a FrontMatter<'text>);

impl Locator<'_, '_> {
    /// File line and 1-based column of byte `offset`.
    fn position(&self, offset: usize) -> (usize, usize) {
        let (line, column) = position(self.0.text, offset);
        (
            (line + self.0.first_line).min(self.0.closing_line),
            column + 1,
        )
    }
}

fn convert(
    value: &Spanned<DeValue<'_>>,
    depth: usize,
    at: &Locator<'_, '_>,
) -> Result<Value, FrontMatterError> {
    let (line, column) = at.position(value.span().start);
    if depth > MAX_DEPTH {
        return Err(FrontMatterError::TooDeep {
            line,
            limit: MAX_DEPTH,
        });
    }
    let error = |message: String| FrontMatterError::Toml {
        line,
        column,
        message,
    };
    Ok(match value.get_ref() {
        DeValue::String(text) => Value::String(text.to_string()),
        DeValue::Integer(number) => i64::from_str_radix(number.as_str(), number.radix())
            .map(Value::Integer)
            .map_err(|_| error(format!("the integer {number} does not fit in 64 bits")))?,
        DeValue::Float(number) => number
            .as_str()
            .parse::<f64>()
            .map(Value::Float)
            .map_err(|_| error(format!("`{number}` is not a number Folio can read")))?,
        DeValue::Boolean(flag) => Value::Bool(*flag),
        DeValue::Datetime(datetime) => Value::String(datetime.to_string()),
        DeValue::Array(items) => Value::List(
            items
                .iter()
                .map(|item| convert(item, depth + 1, at))
                .collect::<Result<_, _>>()?,
        ),
        DeValue::Table(table) => {
            let mut map = Map::new();
            for (key, item) in table.iter() {
                map.insert(key.get_ref().to_string(), convert(item, depth + 1, at)?);
            }
            Value::Map(map)
        }
    })
}
