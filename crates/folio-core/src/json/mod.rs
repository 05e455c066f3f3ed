//! Reading the JSON files the build writes (list pages, `post.json`, the search index), without
//! `serde_json`.
//!
//! The browser app reads these files on every page, so their reader is on every reader's first
//! load. `serde_json` with serde's derived `Deserialize` compiles to a parser specialised for each
//! type, which cost the app's wasm about 20 KB brotli; this is one small parser that builds a
//! [`Json`] tree, and each type reads its fields from that tree by hand ([`FromJson`],
//! [`Object`]). Writing stays with serde: the CLI is not downloaded by anyone.
//!
//! The parser takes exactly the JSON of RFC 8259 (what `serde_json` takes), nested fewer than
//! [`MAX_DEPTH`] levels deep. Numbers are kept as their text and converted when a field asks for
//! one, so the app carries no float parser it never uses; so a number beyond a float's range
//! (`1e999`), which `serde_json` refuses, is read here, and refused by any field that wants a
//! whole number.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

mod parse;
#[cfg(test)]
mod tests;

pub use parse::parse;

/// Arrays and objects nest fewer levels deep than this, as in `serde_json`: the build never nests
/// more than a few, and a bound keeps a hostile file from overflowing the browser's stack.
pub const MAX_DEPTH: usize = 128;

/// A parsed JSON value. Strings borrow from the text when they hold no escapes.
#[derive(Debug, Clone, PartialEq)]
pub enum Json<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written (already checked against JSON's grammar).
    Number(&'a str),
    /// A string, unescaped.
    String(Cow<'a, str>),
    /// An array.
    Array(Vec<Json<'a>>),
    /// An object's members in the order written (a repeated key is kept twice).
    Object(Vec<(Cow<'a, str>, Json<'a>)>),
}

impl<'a> Json<'a> {
    /// Words for what kind of value this is, for messages such as "expected text, found a list".
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "true/false",
            Json::Number(_) => "a number",
            Json::String(_) => "text",
            Json::Array(_) => "a list",
            Json::Object(_) => "an object",
        }
    }

    /// The value as an [`Object`] to read fields from; an error for anything else.
    pub fn into_object(self) -> Result<Object<'a>, JsonError> {
        match self {
            Json::Object(members) => Ok(Object { members }),
            other => Err(other.expected("an object")),
        }
    }

    /// The error for a value of the wrong kind.
    pub fn expected(&self, what: &str) -> JsonError {
        JsonError::new(format!("expected {what}, found {}", self.kind()))
    }

    fn whole_number(&self) -> Result<u64, JsonError> {
        match self {
            // The parser checked the grammar, so an unsigned number without fraction or exponent
            // is all digits.
            Json::Number(text) if text.bytes().all(|b| b.is_ascii_digit()) => text
                .parse()
                .map_err(|_| JsonError::new(format!("{text} is out of range"))),
            other => Err(other.expected("a whole number")),
        }
    }
}

/// What is wrong with a JSON file: where, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// The field it is in (`posts[2].date`), empty at the top.
    path: String,
    message: String,
}

impl JsonError {
    /// An error at the current value.
    pub fn new(message: impl Into<String>) -> Self {
        Self {
            path: String::new(),
            message: message.into(),
        }
    }

    /// The same error, one level further down: inside field `key`.
    fn in_field(mut self, key: &str) -> Self {
        self.path = match self.path.as_bytes().first() {
            None => key.to_owned(),
            Some(b'[') => format!("{key}{}", self.path),
            Some(_) => format!("{key}.{}", self.path),
        };
        self
    }

    /// The same error, inside item `index` of a list.
    fn in_item(mut self, index: usize) -> Self {
        self.path = match self.path.as_bytes().first() {
            None | Some(b'[') => format!("[{index}]{}", self.path),
            Some(_) => format!("[{index}].{}", self.path),
        };
        self
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "`{}`: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for JsonError {}

/// A type read from a [`Json`] value.
pub trait FromJson: Sized {
    /// Reads the value; an error names what was expected and what was found.
    fn from_value(json: Json<'_>) -> Result<Self, JsonError>;
}

/// Why a file with a format version could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VersionedError {
    /// Not JSON, or not the format's shape.
    Invalid(JsonError),
    /// Written in another version of the format.
    Version {
        /// The version the file declares.
        found: u64,
        /// The version the reader knows.
        expected: u32,
    },
}

/// Reads `text`, an object whose whole-number `version` must be `expected`, with `read` taking
/// the rest of its fields. The version is checked before the shape, so a file from another Folio
/// says so rather than "missing field".
pub fn read_versioned<'a, T>(
    text: &'a str,
    expected: u32,
    read: impl FnOnce(Object<'a>) -> Result<T, JsonError>,
) -> Result<T, VersionedError> {
    let mut object = parse(text)
        .and_then(Json::into_object)
        .map_err(VersionedError::Invalid)?;
    let found: u64 = object
        .required("version")
        .map_err(VersionedError::Invalid)?;
    if found != u64::from(expected) {
        return Err(VersionedError::Version { found, expected });
    }
    read(object).map_err(VersionedError::Invalid)
}

/// Parses `text` and reads a `T` from it.
pub fn read<T: FromJson>(text: &str) -> Result<T, JsonError> {
    T::from_value(parse(text)?)
}

/// An object whose fields are taken out one by one.
#[derive(Debug)]
pub struct Object<'a> {
    members: Vec<(Cow<'a, str>, Json<'a>)>,
}

impl<'a> Object<'a> {
    /// Takes out field `key` (its first occurrence); `None` when absent.
    pub fn take(&mut self, key: &str) -> Option<Json<'a>> {
        let at = self.members.iter().position(|(name, _)| name == key)?;
        Some(self.members.swap_remove(at).1)
    }

    /// Field `key`, which must be present.
    pub fn required<T: FromJson>(&mut self, key: &str) -> Result<T, JsonError> {
        match self.take(key) {
            Some(json) => T::from_value(json).map_err(|err| err.in_field(key)),
            None => Err(JsonError::new(format!("missing field `{key}`"))),
        }
    }

    /// Field `key`; `None` when absent or `null`.
    pub fn optional<T: FromJson>(&mut self, key: &str) -> Result<Option<T>, JsonError> {
        match self.take(key) {
            None | Some(Json::Null) => Ok(None),
            Some(json) => T::from_value(json)
                .map(Some)
                .map_err(|err| err.in_field(key)),
        }
    }

    /// Field `key`, or `T`'s default when absent or `null`.
    pub fn or_default<T: FromJson + Default>(&mut self, key: &str) -> Result<T, JsonError> {
        self.optional(key).map(Option::unwrap_or_default)
    }

    /// Nothing may be left: for formats where an unknown key is a mistake.
    pub fn deny_unknown(self) -> Result<(), JsonError> {
        match self.members.first() {
            Some((key, _)) => Err(JsonError::new(format!("unknown field `{key}`"))),
            None => Ok(()),
        }
    }
}

impl FromJson for String {
    fn from_value(json: Json<'_>) -> Result<Self, JsonError> {
        match json {
            Json::String(text) => Ok(text.into_owned()),
            other => Err(other.expected("text")),
        }
    }
}

impl FromJson for bool {
    fn from_value(json: Json<'_>) -> Result<Self, JsonError> {
        match json {
            Json::Bool(flag) => Ok(flag),
            other => Err(other.expected("true or false")),
        }
    }
}

impl FromJson for u64 {
    fn from_value(json: Json<'_>) -> Result<Self, JsonError> {
        json.whole_number()
    }
}

impl FromJson for u32 {
    fn from_value(json: Json<'_>) -> Result<Self, JsonError> {
        narrow(json)
    }
}

impl FromJson for usize {
    fn from_value(json: Json<'_>) -> Result<Self, JsonError> {
        narrow(json)
    }
}

/// A whole number that must fit `T`.
fn narrow<T: TryFrom<u64>>(json: Json<'_>) -> Result<T, JsonError> {
    let number = json.whole_number()?;
    T::try_from(number).map_err(|_| JsonError::new(format!("{number} is out of range")))
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_value(json: Json<'_>) -> Result<Self, JsonError> {
        match json {
            Json::Array(items) => items
                .into_iter()
                .enumerate()
                .map(|(index, item)| T::from_value(item).map_err(|err| err.in_item(index)))
                .collect(),
            other => Err(other.expected("a list")),
        }
    }
}

impl FromJson for [u32; 2] {
    fn from_value(json: Json<'_>) -> Result<Self, JsonError> {
        match <Vec<u32>>::from_value(json)?.as_slice() {
            &[a, b] => Ok([a, b]),
            other => Err(JsonError::new(format!(
                "expected a list of 2 numbers, found {}",
                other.len()
            ))),
        }
    }
}

/// An object as a map from its keys; a repeated key keeps its last value.
impl<T: FromJson> FromJson for BTreeMap<String, T> {
    fn from_value(json: Json<'_>) -> Result<Self, JsonError> {
        // Inserted one by one: collecting would sort the pairs first, and the sort's code,
        // one copy per `T`, is several KB of the app's wasm.
        let mut map = BTreeMap::new();
        for (key, value) in json.into_object()?.members {
            let value = T::from_value(value).map_err(|err| err.in_field(&key))?;
            map.insert(key.into_owned(), value);
        }
        Ok(map)
    }
}
