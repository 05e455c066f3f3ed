//! A post's date, wherever the generator kept it: the front matter, the file name (Jekyll,
//! Zola, Hexo's `new_post_name`), or Zola's `path = "2014/12/12/title"`. A front-matter date
//! Folio cannot read gives way to one of the others, and the import says so.

use folio_core::front_matter::Field;
use folio_core::{Date, DateError, Value};

use super::source::FoundPost;
use super::values::{field, text};

/// What the front matter's date needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum DateFix {
    /// Nothing: it has a date Folio reads, or there is no other date to give it.
    Keep,
    /// No date: add this one (from `from`).
    Add { date: String, from: &'static str },
    /// A `date` Folio cannot read: replace it with this one, keeping the original in a comment.
    Replace {
        date: String,
        from: &'static str,
        original: String,
        why: String,
    },
}

/// The post's date and what its front matter needs to say it.
pub(super) fn choose(found: &FoundPost, fields: &[Field]) -> (Option<Date>, DateFix) {
    let fallback = found
        .date
        .as_deref()
        .map(|date| (date.to_owned(), "the file name"))
        .or_else(|| path_date(fields).map(|date| (date, "its `path`")));
    let written = ["date", "publishDate", "pubDate"]
        .iter()
        .find_map(|key| field(fields, key).map(|value| (*key, value)));
    match written {
        Some((key, value)) => match read(value) {
            Ok(Some(date)) => (Some(date), DateFix::Keep),
            // `date:` with nothing after it: as good as none.
            Ok(None) => add(fallback),
            Err(why) if key == "date" => match fallback {
                Some((date, from)) => (
                    Date::parse(&date).ok(),
                    DateFix::Replace {
                        original: text(Some(value)).unwrap_or_default(),
                        date,
                        from,
                        why,
                    },
                ),
                None => (None, DateFix::Keep),
            },
            Err(_) => (None, DateFix::Keep),
        },
        None => add(fallback),
    }
}

fn add(fallback: Option<(String, &'static str)>) -> (Option<Date>, DateFix) {
    match fallback {
        Some((date, from)) => (Date::parse(&date).ok(), DateFix::Add { date, from }),
        None => (None, DateFix::Keep),
    }
}

/// A front-matter date value: `Ok(None)` when empty, the parser's complaint when unreadable.
fn read(value: &Value) -> Result<Option<Date>, String> {
    match value {
        Value::Null => Ok(None),
        Value::String(text) if text.trim().is_empty() => Ok(None),
        Value::String(text) => Date::parse(text).map(Some).map_err(|err| match err {
            // The message repeats the date, which the import's note already shows.
            DateError::Malformed { expected, .. } => format!("expected {expected}"),
            other => other.to_string(),
        }),
        other => Err(format!("{} is not a date", other.kind())),
    }
}

/// The date at the start of Zola's `path` (`2014/12/12/title`), as `2014-12-12`.
fn path_date(fields: &[Field]) -> Option<String> {
    let path = text(field(fields, "path"))?;
    let mut parts = path.trim_start_matches('/').split('/');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    let all_digits = |part: &str, len: usize| {
        part.len() == len && part.bytes().all(|byte| byte.is_ascii_digit())
    };
    if !(all_digits(year, 4) && all_digits(month, 2) && all_digits(day, 2)) {
        return None;
    }
    let date = format!("{year}-{month}-{day}");
    Date::parse(&date).is_ok().then_some(date)
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::import::values::front_matter_fields;

    fn found(date: Option<&str>) -> FoundPost {
        FoundPost {
            date: date.map(str::to_owned),
            ..FoundPost::new(PathBuf::from("a.md"), "a.md".into(), "a.md".into())
        }
    }

    fn fix(front_matter: &str, name_date: Option<&str>) -> DateFix {
        choose(&found(name_date), &front_matter_fields(front_matter)).1
    }

    #[test]
    fn a_readable_date_stays() {
        assert_eq!(
            fix("---\ndate: 2023-01-29 18:30\n---\n", Some("2020-01-01")),
            DateFix::Keep
        );
        assert_eq!(
            fix("---\npublishDate: 2023-01-29\n---\n", Some("2020-01-01")),
            DateFix::Keep
        );
    }

    #[test]
    fn file_names_and_zola_paths_fill_in_a_missing_date() {
        assert_eq!(
            fix("---\ntitle: A\n---\n", Some("2023-01-29")),
            DateFix::Add {
                date: "2023-01-29".into(),
                from: "the file name"
            }
        );
        assert_eq!(
            fix("+++\npath = \"2014/12/12/title\"\n+++\n", None),
            DateFix::Add {
                date: "2014-12-12".into(),
                from: "its `path`"
            }
        );
        assert_eq!(fix("+++\npath = \"about\"\n+++\n", None), DateFix::Keep);
        assert_eq!(
            fix("---\ndate:\n---\n", Some("2023-01-29")),
            fix("---\n---\n", Some("2023-01-29"))
        );
    }

    #[test]
    fn an_unreadable_date_gives_way_to_the_file_name_and_says_why() {
        let DateFix::Replace {
            date,
            original,
            why,
            ..
        } = fix(
            "---\ndate: \"2023-01-29 18:30:22 2023 -0800\"\n---\n",
            Some("2023-01-29"),
        )
        else {
            panic!("not replaced");
        };
        assert_eq!(date, "2023-01-29");
        assert_eq!(original, "2023-01-29 18:30:22 2023 -0800");
        assert!(why.contains("expected a UTC offset"), "{why}");
        // Nothing to fall back to: the date stays, and `folio check` reports it.
        assert_eq!(fix("---\ndate: soon\n---\n", None), DateFix::Keep);
    }
}
