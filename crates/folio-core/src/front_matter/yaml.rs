//! YAML front matter, read from `saphyr-parser`'s events into fields with file line numbers.
//!
//! The loader here is a loop over events with an explicit stack of open collections, so no input
//! can make it recurse: nesting deeper than [`MAX_DEPTH`] is a clean
//! [`TooDeep`](FrontMatterError::TooDeep) at the line where it happens, however deep the text goes.
//!
//! What this module knows about `saphyr-parser` 0.3 (each point has a test in `tests.rs`):
//! - [`Parser::next_event`] is a state machine whose pending states live on a heap `Vec`, and
//!   the scanner keeps indentation levels and possible keys in `Vec`s too: neither recurses, so
//!   pulling events needs no guard in front of it. ([`Parser::load`] does recurse once per
//!   nesting level, so it is never used here.)
//! - The scanner refuses flow nesting (`[[[`, `{{{`) past 255 levels with "recursion limit
//!   exceeded", often before the loader sees depth 65 (it reads a whole flow collection ahead to
//!   learn whether it is a key); that error becomes `TooDeep` too. Brackets inside quoted text
//!   are text and count for nothing.
//! - Marker lines are 1-based and columns 0-based, counted from the start of the text it was
//!   given, so a file line is the marker line plus the lines before the front matter.
//! - A tab in indentation is reported at the start of the scalar before it, often a line too
//!   early; the error is moved to the line with the tab.
//! - A tagged scalar's span starts at its tag, so an error about the tag points at the tag.
//! - Duplicate keys, anchors that refer to themselves and tags that do not fit their value are not
//!   the parser's business: the loader finds them (the parser resolves anchor names to numbers and
//!   refuses unknown ones).
//!
//! Scalars are typed by `saphyr`'s YAML 1.2 core schema, as they were when `saphyr` loaded the
//! whole tree.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use saphyr::Scalar;
use saphyr_parser::{Event, Parser, ScalarStyle, ScanError, Span, Tag};

use super::lines::lines;
use super::{Field, FrontMatter, FrontMatterError, MAX_DEPTH};
use crate::{Map, Value};

#[cfg(test)]
mod tests;

/// How much aliases may copy in one block, in bytes as counted by [`Weight`]: enough for any real
/// reuse of a list or a long description, far too little for an alias bomb ("billion laughs": a
/// few lines of anchors whose aliases double or multiply at each level) to cost memory or time.
pub(super) const ALIAS_BUDGET: usize = 1 << 20;

/// What "scanner refused to nest flow collections any deeper" reads like in `saphyr-parser` 0.3.
const SCANNER_DEPTH_ERROR: &str = "recursion limit exceeded";

/// Parses the YAML block of `front_matter` into top-level fields.
pub(super) fn parse(front_matter: &FrontMatter<'_>) -> Result<Vec<Field>, FrontMatterError> {
    let at = Locator::new(front_matter);
    let mut loader = Loader {
        at: &at,
        open: Vec::new(),
        anchors: BTreeMap::new(),
        alias_budget: ALIAS_BUDGET,
        documents: 0,
        fields: Vec::new(),
    };
    let mut parser = Parser::new_from_str(front_matter.text);
    while let Some(next) = parser.next_event() {
        let (event, span) = next.map_err(|error| at.scan_error(&error))?;
        loader.event(event, span)?;
    }
    Ok(loader.fields)
}

/// Roughly how many bytes a value takes: its own slot, plus its text, keys and children. Used to
/// charge alias expansions against [`ALIAS_BUDGET`].
type Weight = usize;

const VALUE_WEIGHT: Weight = size_of::<Value>();

fn key_weight(key: &str) -> Weight {
    size_of::<String>() + key.len()
}

fn scalar_weight(value: &Value) -> Weight {
    VALUE_WEIGHT + value.as_str().map_or(0, str::len)
}

/// A value with what an alias to it needs to know without walking it.
struct Built {
    value: Value,
    weight: Weight,
    /// Levels from the value down to its deepest scalar, itself included (a scalar is 1).
    height: usize,
}

/// What an anchor refers to, once its node is complete.
enum Anchored {
    /// A scalar, copied (scalars do not nest, so copies add at most the size of the input).
    Scalar(Value),
    /// A collection, found again by its position in the tree being built rather than copied, so
    /// anchors nested in anchors cost nothing until an alias uses them.
    Collection {
        /// Index in each open collection from the top level down, then inside complete values.
        path: Vec<usize>,
        weight: Weight,
        height: usize,
        kind: &'static str,
    },
}

/// A collection whose end event has not come yet.
struct Open {
    items: Items,
    /// The anchor number the parser gave it, 0 for none.
    anchor: usize,
    /// File line where it starts.
    line: usize,
    /// Weight of the items so far.
    weight: Weight,
    /// Height of the tallest item so far.
    height: usize,
}

enum Items {
    List(Vec<Value>),
    Map {
        entries: Vec<(String, Value)>,
        /// File line of each entry's key.
        lines: Vec<usize>,
        /// Keys so far, to refuse a duplicate where it is written.
        seen: BTreeSet<String>,
        /// A key read whose value has not come yet, with its file line.
        key: Option<(String, usize)>,
    },
}

impl Open {
    fn new(map: bool, anchor: usize, line: usize) -> Self {
        let items = if map {
            Items::Map {
                entries: Vec::new(),
                lines: Vec::new(),
                seen: BTreeSet::new(),
                key: None,
            }
        } else {
            Items::List(Vec::new())
        };
        Open {
            items,
            anchor,
            line,
            weight: 0,
            height: 0,
        }
    }

    fn len(&self) -> usize {
        match &self.items {
            Items::List(items) => items.len(),
            Items::Map { entries, .. } => entries.len(),
        }
    }

    /// The complete item at `index`, if there is one yet.
    fn item(&self, index: usize) -> Option<&Value> {
        match &self.items {
            Items::List(items) => items.get(index),
            Items::Map { entries, .. } => entries.get(index).map(|(_, value)| value),
        }
    }

    fn wants_key(&self) -> bool {
        matches!(self.items, Items::Map { key: None, .. })
    }
}

/// Builds fields from events; see the module documentation.
struct Loader<'a> {
    at: &'a Locator<'a>,
    /// The open collections, the top-level mapping first.
    open: Vec<Open>,
    anchors: BTreeMap<usize, Anchored>,
    /// What aliases may still copy.
    alias_budget: Weight,
    documents: usize,
    fields: Vec<Field>,
}

/// Where an event is, as a file line and a 1-based column.
#[derive(Clone, Copy)]
struct Place {
    line: usize,
    column: usize,
}

impl Loader<'_> {
    fn event(&mut self, event: Event<'_>, span: Span) -> Result<(), FrontMatterError> {
        let place = Place {
            line: self.at.file_line(span.start.line()),
            column: span.start.col() + 1,
        };
        match event {
            Event::DocumentStart(_) => {
                self.documents += 1;
                if self.documents > 1 {
                    return Err(yaml_error(
                        Place { column: 1, ..place },
                        "a second YAML document starts here; front matter is a single document",
                    ));
                }
            }
            Event::MappingStart(anchor, _) => self.start(true, anchor, place)?,
            Event::SequenceStart(anchor, _) => self.start(false, anchor, place)?,
            Event::MappingEnd | Event::SequenceEnd => self.end()?,
            Event::Scalar(text, style, anchor, tag) => {
                let value = scalar(text, style, tag).map_err(|tag| {
                    yaml_error(
                        place,
                        format!(
                            "this value cannot be read: its tag does not fit it (`!!{tag}` does not take this value)"
                        ),
                    )
                })?;
                if self.open.is_empty() {
                    // An empty document, or one holding only `~`: no fields, nothing wrong.
                    return match value {
                        Value::Null => Ok(()),
                        other => Err(FrontMatterError::NotAMapping {
                            line: place.line,
                            found: other.kind(),
                        }),
                    };
                }
                if anchor > 0 {
                    self.anchors.insert(anchor, Anchored::Scalar(value.clone()));
                }
                let weight = scalar_weight(&value);
                self.add(
                    Built {
                        value,
                        weight,
                        height: 1,
                    },
                    place,
                )?;
            }
            Event::Alias(anchor) => {
                let built = self.expand(anchor, place)?;
                self.add(built, place)?;
            }
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => {}
        }
        Ok(())
    }

    /// A collection starts.
    fn start(&mut self, map: bool, anchor: usize, place: Place) -> Result<(), FrontMatterError> {
        let kind = if map { "a map of keys" } else { "a list" };
        match self.open.last() {
            None if !map => {
                return Err(FrontMatterError::NotAMapping {
                    line: place.line,
                    found: kind,
                });
            }
            None => {}
            Some(parent) if parent.wants_key() => return Err(key_error(place, kind)),
            Some(_) => self.check_depth(1, place.line)?,
        }
        self.open.push(Open::new(map, anchor, place.line));
        Ok(())
    }

    /// The innermost collection ends.
    fn end(&mut self) -> Result<(), FrontMatterError> {
        let Some(done) = self.open.pop() else {
            return Ok(());
        };
        let place = Place {
            line: done.line,
            column: 1,
        };
        let weight = done.weight + VALUE_WEIGHT;
        let height = done.height + 1;
        let value = match done.items {
            Items::List(items) => Value::List(items),
            Items::Map { entries, lines, .. } if self.open.is_empty() => {
                self.fields = entries
                    .into_iter()
                    .zip(lines)
                    .map(|((key, value), line)| Field { key, value, line })
                    .collect();
                return Ok(());
            }
            Items::Map { entries, .. } => Value::Map(Map::from_distinct(entries)),
        };
        if done.anchor > 0 {
            // The value goes in at the end of its parent, and each open collection's next item
            // is the one being built inside it.
            let path = self.open.iter().map(Open::len).collect();
            self.anchors.insert(
                done.anchor,
                Anchored::Collection {
                    path,
                    weight,
                    height,
                    kind: value.kind(),
                },
            );
        }
        self.add(
            Built {
                value,
                weight,
                height,
            },
            place,
        )
    }

    /// Puts a complete value in the innermost collection, as a key if a key is due.
    fn add(&mut self, built: Built, place: Place) -> Result<(), FrontMatterError> {
        let depth = self.open.len();
        let Some(parent) = self.open.last_mut() else {
            return Ok(());
        };
        match &mut parent.items {
            Items::Map {
                seen,
                key: key @ None,
                ..
            } => {
                // Numbers and booleans are keys in YAML; Folio keeps their text.
                let text = built
                    .value
                    .to_text()
                    .ok_or_else(|| key_error(place, built.value.kind()))?;
                if !seen.insert(text.clone()) {
                    return Err(yaml_error(
                        place,
                        format!("the key `{text}` appears twice; each key may appear only once"),
                    ));
                }
                parent.weight += key_weight(&text);
                *key = Some((text, place.line));
                return Ok(());
            }
            _ if depth + built.height - 1 > MAX_DEPTH => {
                return Err(FrontMatterError::TooDeep {
                    line: place.line,
                    limit: MAX_DEPTH,
                });
            }
            Items::Map {
                entries,
                lines,
                key,
                ..
            } => {
                let Some((text, line)) = key.take() else {
                    return Ok(());
                };
                entries.push((text, built.value));
                lines.push(line);
            }
            Items::List(items) => items.push(built.value),
        }
        parent.weight += built.weight;
        parent.height = parent.height.max(built.height);
        Ok(())
    }

    /// Refuses a node `height` levels tall whose top would sit in the innermost collection.
    fn check_depth(&self, height: usize, line: usize) -> Result<(), FrontMatterError> {
        if self.open.len() + height - 1 > MAX_DEPTH {
            return Err(FrontMatterError::TooDeep {
                line,
                limit: MAX_DEPTH,
            });
        }
        Ok(())
    }

    /// A copy of what anchor number `anchor` refers to, charged against the alias budget.
    fn expand(&mut self, anchor: usize, place: Place) -> Result<Built, FrontMatterError> {
        match self.anchors.get(&anchor) {
            // The parser knows the anchor, so its node has started but not ended: `a: &a [*a]`.
            None => Err(yaml_error(
                place,
                "this alias refers to its own anchor, so the value would contain itself",
            )),
            Some(Anchored::Scalar(value)) => {
                let weight = scalar_weight(value);
                charge(&mut self.alias_budget, weight, place)?;
                Ok(Built {
                    value: value.clone(),
                    weight,
                    height: 1,
                })
            }
            Some(Anchored::Collection {
                path,
                weight,
                height,
                kind,
            }) => {
                if self.open.last().is_some_and(Open::wants_key) {
                    return Err(key_error(place, kind));
                }
                self.check_depth(*height, place.line)?;
                charge(&mut self.alias_budget, *weight, place)?;
                let value = find(&self.open, path).cloned().ok_or_else(|| {
                    yaml_error(place, "the value this alias refers to could not be found")
                })?;
                Ok(Built {
                    value,
                    weight: *weight,
                    height: *height,
                })
            }
        }
    }
}

/// Takes `weight` from what aliases may still copy, or refuses.
fn charge(budget: &mut Weight, weight: Weight, place: Place) -> Result<(), FrontMatterError> {
    *budget = budget.checked_sub(weight).ok_or_else(|| {
        yaml_error(
            place,
            format!(
                "the aliases up to here copy more than {} MiB of values, which looks like an alias bomb; write the values out instead",
                ALIAS_BUDGET >> 20
            ),
        )
    })?;
    Ok(())
}

/// The complete value at `path`: down the open collections while the path points at the one
/// being built in each, then into complete values.
fn find<'v>(open: &'v [Open], path: &[usize]) -> Option<&'v Value> {
    for (depth, collection) in open.iter().enumerate() {
        let Some(mut value) = collection.item(*path.get(depth)?) else {
            continue;
        };
        for &index in path.get(depth + 1..)? {
            value = match value {
                Value::List(items) => items.get(index)?,
                Value::Map(map) => map.value_at(index)?,
                _ => return None,
            };
        }
        return Some(value);
    }
    None
}

/// A scalar typed by the YAML 1.2 core schema. A core tag (`!!int`) that does not fit the text is
/// an error holding the tag's name; other tags (`!custom`) are read past, as if there were none.
fn scalar(
    text: Cow<'_, str>,
    style: ScalarStyle,
    tag: Option<Cow<'_, Tag>>,
) -> Result<Value, String> {
    let tag = tag.filter(|tag| tag.is_yaml_core_schema());
    let Some(scalar) = Scalar::parse_from_cow_and_metadata(text, style, tag.as_ref()) else {
        return Err(tag.map_or_else(String::new, |tag| tag.suffix.clone()));
    };
    Ok(match scalar {
        Scalar::Null => Value::Null,
        Scalar::Boolean(flag) => Value::Bool(flag),
        Scalar::Integer(number) => Value::Integer(number),
        Scalar::FloatingPoint(number) => Value::Float(number.into_inner()),
        Scalar::String(text) => Value::String(text.into_owned()),
    })
}

fn key_error(place: Place, kind: &str) -> FrontMatterError {
    yaml_error(place, format!("a key must be text, but this key is {kind}"))
}

fn yaml_error(place: Place, message: impl Into<String>) -> FrontMatterError {
    FrontMatterError::Yaml {
        line: place.line,
        column: place.column,
        message: message.into(),
    }
}

/// Turns `saphyr-parser` positions into file positions.
struct Locator<'a> {
    text: &'a str,
    /// File lines before the text's first line.
    lines_before: usize,
    closing_line: usize,
}

impl<'a> Locator<'a> {
    fn new(front_matter: &FrontMatter<'a>) -> Self {
        Locator {
            text: front_matter.text,
            lines_before: front_matter.first_line - 1,
            closing_line: front_matter.closing_line,
        }
    }

    /// The file line of a 1-based parser line. Line 0 and lines past the text (the end of input)
    /// land on the closing fence.
    fn file_line(&self, yaml_line: usize) -> usize {
        if yaml_line == 0 {
            return self.closing_line;
        }
        (yaml_line + self.lines_before).min(self.closing_line)
    }

    fn scan_error(&self, error: &ScanError) -> FrontMatterError {
        let marker = error.marker();
        let (mut line, mut column) = (marker.line(), marker.col());
        let mut message = error.info().to_owned();
        let source_line = |line: usize| {
            lines(self.text)
                .nth(line.saturating_sub(1))
                .map_or("", |l| l.text)
        };
        if message == SCANNER_DEPTH_ERROR {
            return FrontMatterError::TooDeep {
                line: self.file_line(line),
                limit: MAX_DEPTH,
            };
        } else if message.contains("quoted scalar") {
            // `saphyr-parser` says "invalid indentation in quoted scalar" or "found unexpected
            // end of stream" for what is nearly always a missing closing quote.
            message = format!("{message} (is a closing quote missing?)");
        } else if message
            .split(|c: char| !c.is_alphabetic())
            .any(|word| word == "tab" || word == "tabs")
        {
            if let Some((tab_line, tab_column)) = first_indenting_tab(self.text, line) {
                (line, column) = (tab_line, tab_column);
            }
            message = format!("{message}; YAML indents with spaces, never tabs");
        } else if source_line(line)
            .chars()
            .skip(column.saturating_sub(1))
            .take(2)
            .any(|c| c == '\t')
        {
            message = format!("{message} (a tab here is not allowed; use a space)");
        }
        FrontMatterError::Yaml {
            line: self.file_line(line),
            column: column + 1,
            message,
        }
    }
}

/// The first line, from 1-based `from_line` on, whose indentation holds a tab, as a 1-based line
/// and 0-based column.
fn first_indenting_tab(text: &str, from_line: usize) -> Option<(usize, usize)> {
    lines(text)
        .enumerate()
        .skip(from_line.saturating_sub(1))
        .find_map(|(index, line)| {
            let indentation = line.text.len() - line.text.trim_start_matches([' ', '\t']).len();
            line.text[..indentation]
                .find('\t')
                .map(|column| (index + 1, column))
        })
}
