//! The generic value tree that front matter parses into, before Folio reads meaning into it.
//!
//! YAML and TOML front matter both become a [`Value`], so everything downstream (the mapping to
//! [`PostMeta`](crate::PostMeta), the `extra` keys a theme may use) deals with one shape. Maps keep
//! their keys in the order the writer wrote them, and serialize to plain JSON (`{"a": 1}`, not a
//! tagged enum), so what lands in the manifest reads like the front matter it came from.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};

/// One front-matter value: a scalar, a list or a map.
///
/// TOML datetimes have no variant of their own: they become [`Value::String`] in their TOML text
/// form (`1979-05-27T07:32:00Z`), the same thing a quoted YAML date gives, so dates are read in one
/// place ([`Date::parse`](crate::Date::parse)).
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Value {
    /// YAML `~`, `null` or an empty value.
    #[default]
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A whole number.
    Integer(i64),
    /// A number with a fraction or exponent (also `.inf` and `.nan`, which JSON shows as `null`).
    Float(f64),
    /// Text, and TOML datetimes in their text form.
    String(String),
    /// A YAML sequence or TOML array.
    List(Vec<Value>),
    /// A YAML mapping or TOML table, keys in source order.
    Map(Map),
}

impl Value {
    /// Words for what kind of value this is, for messages such as "expected text, found a list".
    ///
    /// ```
    /// use folio_core::Value;
    /// assert_eq!(Value::List(vec![]).kind(), "a list");
    /// ```
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "nothing",
            Value::Bool(_) => "a true/false value",
            Value::Integer(_) | Value::Float(_) => "a number",
            Value::String(_) => "text",
            Value::List(_) => "a list",
            Value::Map(_) => "a map of keys",
        }
    }

    /// The text of a [`Value::String`], `None` for anything else.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(text) => Some(text),
            _ => None,
        }
    }

    /// A scalar as the text a writer would expect to see (`2024`, `true`, `3.5`); `None` for
    /// `Null`, lists and maps.
    ///
    /// Writers put numbers where Folio wants text (`title: 1984`, `tags: [2024]`); this is how
    /// such values are read instead of being rejected.
    pub fn to_text(&self) -> Option<String> {
        match self {
            Value::String(text) => Some(text.clone()),
            Value::Bool(flag) => Some(flag.to_string()),
            Value::Integer(number) => Some(number.to_string()),
            Value::Float(number) => Some(number.to_string()),
            Value::Null | Value::List(_) | Value::Map(_) => None,
        }
    }
}

/// A map from text keys to [`Value`]s that keeps insertion order.
///
/// Front matter is small, so this is a plain list of pairs with linear lookups: cheaper in the wasm
/// bundle than a hash map, and order comes for free.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Map {
    entries: Vec<(String, Value)>,
}

impl Map {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// How many keys the map holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the map has no keys.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The value under `key`, if any.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.entries
            .iter()
            .find(|(name, _)| name == key)
            .map(|(_, value)| value)
    }

    /// Whether `key` is present.
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Sets `key` to `value`. A key already present keeps its position and its old value is
    /// returned; a new key goes last.
    pub fn insert(&mut self, key: impl Into<String>, value: Value) -> Option<Value> {
        let key = key.into();
        match self.entries.iter_mut().find(|(name, _)| *name == key) {
            Some((_, slot)) => Some(std::mem::replace(slot, value)),
            None => {
                self.entries.push((key, value));
                None
            }
        }
    }

    /// Takes `key` out of the map, keeping the order of the rest.
    pub fn remove(&mut self, key: &str) -> Option<Value> {
        let index = self.entries.iter().position(|(name, _)| name == key)?;
        Some(self.entries.remove(index).1)
    }

    /// The entries in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.entries
            .iter()
            .map(|(name, value)| (name.as_str(), value))
    }

    /// The keys in order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|(name, _)| name.as_str())
    }

    /// A map of `entries` whose keys the caller has already checked are distinct, built without
    /// the per-key lookup of [`Map::insert`], so a map of many keys costs linear time.
    pub(crate) fn from_distinct(entries: Vec<(String, Value)>) -> Self {
        Map { entries }
    }

    /// The value of the entry at `index` in key order.
    pub(crate) fn value_at(&self, index: usize) -> Option<&Value> {
        self.entries.get(index).map(|(_, value)| value)
    }
}

impl FromIterator<(String, Value)> for Map {
    /// Later duplicates replace earlier values in place, as [`Map::insert`] does.
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(iter: I) -> Self {
        let mut map = Map::new();
        for (key, value) in iter {
            map.insert(key, value);
        }
        map
    }
}

impl IntoIterator for Map {
    type Item = (String, Value);
    type IntoIter = std::vec::IntoIter<(String, Value)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => serializer.serialize_unit(),
            Value::Bool(flag) => serializer.serialize_bool(*flag),
            Value::Integer(number) => serializer.serialize_i64(*number),
            Value::Float(number) => serializer.serialize_f64(*number),
            Value::String(text) => serializer.serialize_str(text),
            Value::List(items) => serializer.collect_seq(items),
            Value::Map(map) => map.serialize(serializer),
        }
    }
}

impl Serialize for Map {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_map(Some(self.len()))?;
        for (key, value) in self.iter() {
            out.serialize_entry(key, value)?;
        }
        out.end()
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

impl<'de> Deserialize<'de> for Map {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_map(ValueVisitor)
            .and_then(|value| match value {
                Value::Map(map) => Ok(map),
                other => Err(de::Error::custom(format!(
                    "expected a map, found {}",
                    other.kind()
                ))),
            })
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a front-matter value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        Value::deserialize(deserializer)
    }

    fn visit_bool<E: de::Error>(self, flag: bool) -> Result<Value, E> {
        Ok(Value::Bool(flag))
    }

    fn visit_i64<E: de::Error>(self, number: i64) -> Result<Value, E> {
        Ok(Value::Integer(number))
    }

    fn visit_u64<E: de::Error>(self, number: u64) -> Result<Value, E> {
        // Front matter never holds integers past i64 (YAML and TOML both cap there), so this only
        // happens for JSON written by something else; a float keeps the magnitude.
        Ok(i64::try_from(number).map_or(Value::Float(number as f64), Value::Integer))
    }

    fn visit_f64<E: de::Error>(self, number: f64) -> Result<Value, E> {
        Ok(Value::Float(number))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Value, E> {
        Ok(Value::String(text.to_owned()))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<Value, E> {
        Ok(Value::String(text))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Value, A::Error> {
        let mut map = Map::new();
        while let Some((key, value)) = access.next_entry::<String, Value>()? {
            map.insert(key, value);
        }
        Ok(Value::Map(map))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn sample() -> Value {
        let map: Map = [
            ("zeta".to_owned(), Value::Integer(1)),
            ("alpha".to_owned(), Value::String("标签".to_owned())),
            (
                "list".to_owned(),
                Value::List(vec![Value::Bool(true), Value::Null, Value::Float(1.5)]),
            ),
        ]
        .into_iter()
        .collect();
        Value::Map(map)
    }

    #[test]
    fn serializes_to_plain_json_keeping_key_order() {
        let json = serde_json::to_string(&sample()).unwrap();
        assert_eq!(json, r#"{"zeta":1,"alpha":"标签","list":[true,null,1.5]}"#);
    }

    #[test]
    fn json_round_trip_keeps_order_and_types() {
        let json = serde_json::to_string(&sample()).unwrap();
        let back: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back, sample());
    }

    #[test]
    fn insert_replaces_in_place_and_remove_keeps_order() {
        let Value::Map(mut map) = sample() else {
            panic!("sample is a map")
        };
        assert_eq!(
            map.insert("zeta", Value::Integer(2)),
            Some(Value::Integer(1))
        );
        assert_eq!(map.keys().collect::<Vec<_>>(), ["zeta", "alpha", "list"]);
        assert!(map.remove("alpha").is_some());
        assert_eq!(map.keys().collect::<Vec<_>>(), ["zeta", "list"]);
        assert_eq!(map.get("zeta"), Some(&Value::Integer(2)));
        assert!(!map.contains_key("alpha"));
    }

    #[test]
    fn scalars_read_as_text_but_collections_do_not() {
        assert_eq!(Value::Integer(2024).to_text().as_deref(), Some("2024"));
        assert_eq!(Value::Bool(false).to_text().as_deref(), Some("false"));
        assert_eq!(Value::Float(2.5).to_text().as_deref(), Some("2.5"));
        assert_eq!(Value::Null.to_text(), None);
        assert_eq!(Value::List(vec![]).to_text(), None);
    }

    #[test]
    fn huge_unsigned_json_numbers_become_floats() {
        let value: Value = serde_json::from_str("18446744073709551615").unwrap();
        assert!(matches!(value, Value::Float(_)));
    }
}
