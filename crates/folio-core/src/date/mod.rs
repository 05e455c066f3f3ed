//! Post dates: the dialects static-site generators accept, validated, sortable, and printable.
//!
//! Hugo, Jekyll, Hexo, Zola and VitePress each write dates a little differently (`2026-02-13`,
//! `2026-02-13 10:00:00 +0800`, `2026/02/13`, TOML's native `2026-02-13T10:00:00Z`). [`Date::parse`]
//! reads all of them, checks that the calendar agrees (no 13th month, no 30 February), and
//! [`Date`]'s `Display` writes one canonical ISO 8601 form back. No date crate: the browser bundle
//! only needs this much, and it is small enough to test completely.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::json::{FromJson, Json, JsonError};
use parser::Parser;

mod machine;
mod parser;
#[cfg(test)]
mod tests;

/// A calendar date with an optional time of day and an optional UTC offset.
///
/// A date without an offset is "floating": it means that wall-clock time wherever the writer was,
/// and is read as UTC when an instant is needed ([`Date::timestamp`]). Fractional seconds are
/// accepted on input and dropped: a blog index has no use for them.
///
/// ```
/// use folio_core::Date;
///
/// let date = Date::parse("2026-02-13 10:00:00 +0800")?;
/// assert_eq!(date.to_string(), "2026-02-13T10:00:00+08:00");
/// assert_eq!(date.format_long("zh-CN"), "2026年2月13日");
/// # Ok::<(), folio_core::DateError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
    time: Option<Time>,
    offset_minutes: Option<i16>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Time {
    hour: u8,
    minute: u8,
    second: u8,
}

/// Why a text is not a [`Date`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Nothing but whitespace.
    #[error("the date is empty")]
    Empty,
    /// The text does not have the shape of a date.
    #[error(
        "{input:?} is not a date: expected {expected} (dates look like 2026-02-13 or 2026-02-13T10:00:00+08:00)"
    )]
    Malformed {
        /// The text that was read.
        input: String,
        /// What the parser wanted where it stopped.
        expected: &'static str,
    },
    /// A year past 9999 (only possible through [`Date::new`]; parsed years have four digits).
    #[error("year {year} is out of range: years go up to 9999")]
    YearOutOfRange {
        /// The year given.
        year: u16,
    },
    /// Month 0 or past 12.
    #[error("month {month} is out of range: months go from 1 to 12")]
    MonthOutOfRange {
        /// The month given.
        month: u8,
    },
    /// A day the month does not have.
    #[error("day {day} is out of range: {} {year} has {max} days", month_name(*month))]
    DayOutOfRange {
        /// The year, which decides February.
        year: u16,
        /// The month (1-12).
        month: u8,
        /// The day given.
        day: u8,
        /// The last day of that month.
        max: u8,
    },
    /// Hour past 23.
    #[error("hour {hour} is out of range: hours go from 0 to 23")]
    HourOutOfRange {
        /// The hour given.
        hour: u8,
    },
    /// Minute past 59.
    #[error("minute {minute} is out of range: minutes go from 0 to 59")]
    MinuteOutOfRange {
        /// The minute given.
        minute: u8,
    },
    /// Second past 59.
    #[error("second {second} is out of range: seconds go from 0 to 59")]
    SecondOutOfRange {
        /// The second given.
        second: u8,
    },
    /// A UTC offset of a day or more, or with minutes past 59.
    #[error("UTC offset {text} is out of range: offsets go from -23:59 to +23:59")]
    OffsetOutOfRange {
        /// The offset as written.
        text: String,
    },
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Date {
    /// A date without a time. Fails if the month or day does not exist.
    ///
    /// ```
    /// use folio_core::{Date, DateError};
    ///
    /// assert!(Date::new(2024, 2, 29).is_ok());
    /// assert!(matches!(Date::new(2025, 2, 29), Err(DateError::DayOutOfRange { max: 28, .. })));
    /// ```
    pub fn new(year: u16, month: u8, day: u8) -> Result<Date, DateError> {
        if year > 9999 {
            return Err(DateError::YearOutOfRange { year });
        }
        if !(1..=12).contains(&month) {
            return Err(DateError::MonthOutOfRange { month });
        }
        let max = days_in_month(year, month);
        if day == 0 || day > max {
            return Err(DateError::DayOutOfRange {
                year,
                month,
                day,
                max,
            });
        }
        Ok(Date {
            year,
            month,
            day,
            time: None,
            offset_minutes: None,
        })
    }

    /// The same date at a time of day. Fails if the time does not exist.
    pub fn with_time(self, hour: u8, minute: u8, second: u8) -> Result<Date, DateError> {
        if hour > 23 {
            return Err(DateError::HourOutOfRange { hour });
        }
        if minute > 59 {
            return Err(DateError::MinuteOutOfRange { minute });
        }
        if second > 59 {
            return Err(DateError::SecondOutOfRange { second });
        }
        Ok(Date {
            time: Some(Time {
                hour,
                minute,
                second,
            }),
            ..self
        })
    }

    /// The same date and time, pinned to a UTC offset in minutes (`480` for `+08:00`). A date
    /// without a time gets midnight, since an offset only means something for an instant.
    pub fn with_offset(self, minutes: i16) -> Result<Date, DateError> {
        if minutes.unsigned_abs() >= 24 * 60 {
            return Err(DateError::OffsetOutOfRange {
                text: format_offset(minutes),
            });
        }
        Ok(Date {
            time: self.time.or(Some(Time {
                hour: 0,
                minute: 0,
                second: 0,
            })),
            offset_minutes: Some(minutes),
            ..self
        })
    }

    /// Reads a date in any of the dialects Folio accepts:
    ///
    /// | Form                          | Written by                     |
    /// |-------------------------------|--------------------------------|
    /// | `2026-02-13`                  | everyone                       |
    /// | `2026/02/13`, `2026/2/13`     | Hexo                           |
    /// | `2026-02-13 10:00`            | Hexo, Jekyll                   |
    /// | `2026-02-13 10:00:00`         | Hexo, Jekyll                   |
    /// | `2026-02-13 10:00:00 +0800`   | Jekyll                         |
    /// | `2026-02-13T10:00:00Z`        | Hugo, Zola, TOML datetimes     |
    /// | `2026-02-13T10:00:00.5+08:00` | RFC 3339 with fractions        |
    ///
    /// Surrounding whitespace is ignored; whether the value was quoted is the YAML layer's
    /// business, not this function's.
    ///
    /// ```
    /// use folio_core::{Date, DateError};
    ///
    /// assert_eq!(Date::parse("2026/02/13")?.to_string(), "2026-02-13");
    /// assert!(matches!(Date::parse("2021-13-45"), Err(DateError::MonthOutOfRange { month: 13 })));
    /// # Ok::<(), DateError>(())
    /// ```
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(DateError::Empty);
        }
        Parser::new(text).date()
    }

    /// The year (0-9999).
    pub fn year(&self) -> u16 {
        self.year
    }

    /// The month (1-12).
    pub fn month(&self) -> u8 {
        self.month
    }

    /// The day of the month (1-31).
    pub fn day(&self) -> u8 {
        self.day
    }

    /// `(hour, minute, second)` when a time was given.
    pub fn time(&self) -> Option<(u8, u8, u8)> {
        self.time.map(|t| (t.hour, t.minute, t.second))
    }

    /// The UTC offset in minutes east of Greenwich, when one was given.
    pub fn offset_minutes(&self) -> Option<i16> {
        self.offset_minutes
    }

    /// Seconds since 1970-01-01T00:00:00Z: the sort key for "newest first".
    ///
    /// A missing time counts as midnight, a missing offset as UTC, so dates with and without
    /// times sort together sensibly.
    ///
    /// ```
    /// use folio_core::Date;
    ///
    /// let beijing = Date::parse("2026-02-14T02:00:00+08:00")?;
    /// let new_york = Date::parse("2026-02-13T13:00:00-05:00")?;
    /// assert_eq!(beijing.timestamp(), new_york.timestamp());
    /// # Ok::<(), folio_core::DateError>(())
    /// ```
    pub fn timestamp(&self) -> i64 {
        let days = days_from_civil(
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day),
        );
        let seconds = self.time.map_or(0, |t| {
            i64::from(t.hour) * 3600 + i64::from(t.minute) * 60 + i64::from(t.second)
        });
        let offset = i64::from(self.offset_minutes.unwrap_or(0)) * 60;
        days * 86_400 + seconds - offset
    }

    /// The wall-clock date and time at a UTC offset of the instant `seconds` after
    /// 1970-01-01T00:00:00Z: how the CLI turns "now" into a post's date in the site's time zone.
    /// Fails for instants outside the years 0 to 9999 or offsets of a day or more.
    ///
    /// ```
    /// use folio_core::Date;
    ///
    /// let date = Date::from_timestamp(1_770_948_000, 480)?;
    /// assert_eq!(date.to_string(), "2026-02-13T10:00:00+08:00");
    /// assert_eq!(date.timestamp(), 1_770_948_000);
    /// # Ok::<(), folio_core::DateError>(())
    /// ```
    pub fn from_timestamp(seconds: i64, offset_minutes: i16) -> Result<Date, DateError> {
        let local = seconds.saturating_add(i64::from(offset_minutes) * 60);
        let (days, second_of_day) = (local.div_euclid(86_400), local.rem_euclid(86_400));
        let (year, month, day) = civil_from_days(days);
        let year = u16::try_from(year)
            .ok()
            .filter(|year| *year <= 9999)
            .ok_or(DateError::YearOutOfRange {
                year: if year < 0 { 0 } else { u16::MAX },
            })?;
        // All four are in range by the `div_euclid`/`rem_euclid` arithmetic; the fallbacks are
        // unreachable and only avoid a panic path.
        let month = u8::try_from(month).unwrap_or(1);
        let day = u8::try_from(day).unwrap_or(1);
        let hour = u8::try_from(second_of_day / 3600).unwrap_or(0);
        let minute = u8::try_from(second_of_day % 3600 / 60).unwrap_or(0);
        let second = u8::try_from(second_of_day % 60).unwrap_or(0);
        Date::new(year, month, day)?
            .with_time(hour, minute, second)?
            .with_offset(offset_minutes)
    }

    /// The date for readers, in the post's language: `February 13, 2026` for `en*`,
    /// `2026年2月13日` for `zh*` and `ja*`, `2026년 2월 13일` for `ko*`. Other languages, and no
    /// language, get the ISO date (`2026-02-13`), which every reader can parse and no reader finds
    /// in the wrong language. The time is left out: post lists show days.
    ///
    /// ```
    /// use folio_core::Date;
    ///
    /// let date = Date::parse("2026-02-13")?;
    /// assert_eq!(date.format_long("en-US"), "February 13, 2026");
    /// assert_eq!(date.format_long("ko"), "2026년 2월 13일");
    /// assert_eq!(date.format_long("fr"), "2026-02-13");
    /// # Ok::<(), folio_core::DateError>(())
    /// ```
    pub fn format_long(&self, lang: &str) -> String {
        let primary = lang
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        let (year, month, day) = (self.year, self.month, self.day);
        match primary.as_str() {
            "en" => format!("{} {day}, {year}", month_name(month)),
            "zh" | "ja" => format!("{year}年{month}月{day}日"),
            "ko" => format!("{year}년 {month}월 {day}일"),
            _ => format!("{year:04}-{month:02}-{day:02}"),
        }
    }

    /// Everything that makes two dates different, for breaking timestamp ties in [`Ord`].
    fn fields(&self) -> (u16, u8, u8, Option<Time>, Option<i16>) {
        (
            self.year,
            self.month,
            self.day,
            self.time,
            self.offset_minutes,
        )
    }
}

impl Ord for Date {
    /// Chronological by [`Date::timestamp`]; the same instant written two ways (`+08:00` and
    /// `Z`) is ordered by how it was written, so the order agrees with `==`.
    fn cmp(&self, other: &Self) -> Ordering {
        self.timestamp()
            .cmp(&other.timestamp())
            .then_with(|| self.fields().cmp(&other.fields()))
    }
}

impl PartialOrd for Date {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Date {
    /// Canonical ISO 8601: `2026-02-13`, `2026-02-13T10:00:00` (floating),
    /// `2026-02-13T10:00:00+08:00`, `2026-02-13T10:00:00Z`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)?;
        if let Some(time) = self.time {
            write!(f, "T{:02}:{:02}:{:02}", time.hour, time.minute, time.second)?;
        }
        match self.offset_minutes {
            Some(0) => f.write_str("Z"),
            Some(minutes) => f.write_str(&format_offset(minutes)),
            None => Ok(()),
        }
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Date::parse(text)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl FromJson for Date {
    fn from_value(json: Json<'_>) -> Result<Self, JsonError> {
        let text = String::from_value(json)?;
        Date::parse(&text).map_err(|err| JsonError::new(err.to_string()))
    }
}

/// The English name of a month (1-12); only reachable with a valid month, but a hand-built
/// [`DateError`] must not be able to panic while printing.
fn month_name(month: u8) -> &'static str {
    usize::from(month)
        .checked_sub(1)
        .and_then(|index| MONTH_NAMES.get(index))
        .copied()
        .unwrap_or("that month")
}

fn format_offset(minutes: i16) -> String {
    let sign = if minutes < 0 { '-' } else { '+' };
    let minutes = minutes.unsigned_abs();
    format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

fn is_leap_year(year: u16) -> bool {
    year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400))
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The proleptic Gregorian date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`),
/// the inverse of [`days_from_civil`].
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}
