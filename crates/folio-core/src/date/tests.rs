//! Tests for [`Date`](super::Date): parsing every dialect, ranges, order, formatting, serde.

#![allow(clippy::unwrap_used)]

use std::cmp::Ordering;

use super::{Date, DateError};

/// Every dialect, valid and invalid side by side: input, then the canonical form or the
/// error it must give.
#[test]
fn parses_the_dialects_of_static_site_generators() {
    let valid = [
        ("2026-02-13", "2026-02-13"),
        ("  2026-02-13\n", "2026-02-13"),
        ("2026/02/13", "2026-02-13"),
        ("2026/2/3", "2026-02-03"),
        ("2026-02-13 10:00", "2026-02-13T10:00:00"),
        ("2026-02-13 10:00:00", "2026-02-13T10:00:00"),
        ("2026/02/13 9:05:07", "2026-02-13T09:05:07"),
        ("2026-02-13T10:00:00Z", "2026-02-13T10:00:00Z"),
        ("2026-02-13t10:00:00z", "2026-02-13T10:00:00Z"),
        ("2026-02-13T10:00:00+00:00", "2026-02-13T10:00:00Z"),
        ("2026-02-13T10:00:00+08:00", "2026-02-13T10:00:00+08:00"),
        ("2026-02-13T10:00:00-05:30", "2026-02-13T10:00:00-05:30"),
        ("2026-02-13 10:00:00 +0800", "2026-02-13T10:00:00+08:00"),
        ("2026-02-13 10:00:00 -0500", "2026-02-13T10:00:00-05:00"),
        ("2026-02-13 10:00:00+08", "2026-02-13T10:00:00+08:00"),
        ("2026-02-13T10:00:00.123456789Z", "2026-02-13T10:00:00Z"),
        ("2026-02-13 10:00:00.5 +0800", "2026-02-13T10:00:00+08:00"),
        ("2024-02-29", "2024-02-29"),
        ("2000-02-29", "2000-02-29"),
        ("0001-01-01", "0001-01-01"),
    ];
    for (input, canonical) in valid {
        let date = Date::parse(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
        assert_eq!(date.to_string(), canonical, "{input:?}");
        assert_eq!(
            Date::parse(canonical).unwrap(),
            date,
            "canonical form of {input:?} reads back the same"
        );
    }
}

#[test]
fn rejects_impossible_and_malformed_dates_saying_why() {
    type Check = fn(&DateError) -> bool;
    let cases: [(&str, Check); 22] = [
        ("", |e| matches!(e, DateError::Empty)),
        ("   ", |e| matches!(e, DateError::Empty)),
        ("2021-13-45", |e| {
            matches!(e, DateError::MonthOutOfRange { month: 13 })
        }),
        ("2021-00-10", |e| {
            matches!(e, DateError::MonthOutOfRange { month: 0 })
        }),
        ("2021-04-31", |e| {
            matches!(
                e,
                DateError::DayOutOfRange {
                    day: 31,
                    max: 30,
                    ..
                }
            )
        }),
        ("2025-02-29", |e| {
            matches!(
                e,
                DateError::DayOutOfRange {
                    day: 29,
                    max: 28,
                    ..
                }
            )
        }),
        ("1900-02-29", |e| {
            matches!(e, DateError::DayOutOfRange { max: 28, .. })
        }),
        ("2021-01-00", |e| {
            matches!(e, DateError::DayOutOfRange { day: 0, .. })
        }),
        ("2026-02-13 24:00", |e| {
            matches!(e, DateError::HourOutOfRange { hour: 24 })
        }),
        ("2026-02-13 10:60", |e| {
            matches!(e, DateError::MinuteOutOfRange { minute: 60 })
        }),
        ("2026-02-13 10:00:61", |e| {
            matches!(e, DateError::SecondOutOfRange { second: 61 })
        }),
        ("2026-02-13T10:00:00+24:00", |e| {
            matches!(e, DateError::OffsetOutOfRange { .. })
        }),
        ("2026-02-13T10:00:00+08:60", |e| {
            matches!(e, DateError::OffsetOutOfRange { .. })
        }),
        ("26-02-13", |e| {
            matches!(
                e,
                DateError::Malformed {
                    expected: "a four-digit year",
                    ..
                }
            )
        }),
        ("2026.02.13", |e| matches!(e, DateError::Malformed { .. })),
        ("2026-02/13", |e| matches!(e, DateError::Malformed { .. })),
        ("2026-002-13", |e| matches!(e, DateError::Malformed { .. })),
        ("2026-02-13 noon", |e| {
            matches!(e, DateError::Malformed { .. })
        }),
        ("2026-02-13T10", |e| {
            matches!(e, DateError::Malformed { .. })
        }),
        ("2026-02-13T10:00:00.Z", |e| {
            matches!(
                e,
                DateError::Malformed {
                    expected: "digits after the decimal point",
                    ..
                }
            )
        }),
        ("2026-02-13T10:00:00+08:00 extra", |e| {
            matches!(e, DateError::Malformed { .. })
        }),
        ("二〇二六年二月十三日", |e| {
            matches!(e, DateError::Malformed { .. })
        }),
    ];
    for (input, is_expected) in cases {
        let error = Date::parse(input).expect_err(input);
        assert!(is_expected(&error), "{input:?} gave {error:?}");
    }
}

#[test]
fn error_messages_name_the_problem() {
    let message = Date::parse("2021-13-45").unwrap_err().to_string();
    assert_eq!(message, "month 13 is out of range: months go from 1 to 12");
    let message = Date::parse("2025-02-29").unwrap_err().to_string();
    assert_eq!(message, "day 29 is out of range: February 2025 has 28 days");
    let message = Date::parse("13/02/2026").unwrap_err().to_string();
    assert!(message.starts_with("\"13/02/2026\" is not a date: expected a four-digit year"));
}

#[test]
fn timestamps_match_known_instants() {
    let cases = [
        ("1970-01-01", 0),
        ("1970-01-01T00:00:01Z", 1),
        ("2000-03-01", 951_868_800),
        ("2026-02-13T10:00:00Z", 1_770_976_800),
        ("2026-02-13T18:00:00+08:00", 1_770_976_800),
        ("2026-02-13 05:00:00 -0500", 1_770_976_800),
        ("1969-12-31T23:59:59Z", -1),
    ];
    for (input, seconds) in cases {
        assert_eq!(Date::parse(input).unwrap().timestamp(), seconds, "{input}");
    }
}

#[test]
fn order_is_chronological_and_agrees_with_equality() {
    let parse = |s| Date::parse(s).unwrap();
    let mut dates = [
        parse("2026-02-13T10:00:00Z"),
        parse("2025-12-31"),
        parse("2026-02-13T18:00:00+08:00"),
        parse("2026-02-13"),
    ];
    dates.sort();
    let sorted: Vec<String> = dates.iter().map(Date::to_string).collect();
    assert_eq!(
        sorted,
        [
            "2025-12-31",
            "2026-02-13",
            "2026-02-13T10:00:00Z",
            "2026-02-13T18:00:00+08:00"
        ]
    );
    let same_instant = (
        parse("2026-02-13T10:00:00Z"),
        parse("2026-02-13T18:00:00+08:00"),
    );
    assert_ne!(same_instant.0, same_instant.1);
    assert_ne!(same_instant.0.cmp(&same_instant.1), Ordering::Equal);
}

#[test]
fn formats_long_dates_per_language() {
    let date = Date::parse("2026-02-03T10:00:00+08:00").unwrap();
    let cases = [
        ("en", "February 3, 2026"),
        ("en-GB", "February 3, 2026"),
        ("EN_us", "February 3, 2026"),
        ("zh-CN", "2026年2月3日"),
        ("zh-Hant", "2026年2月3日"),
        ("ja", "2026年2月3日"),
        ("ko-KR", "2026년 2월 3일"),
        ("de", "2026-02-03"),
        ("", "2026-02-03"),
    ];
    for (lang, expected) in cases {
        assert_eq!(date.format_long(lang), expected, "{lang:?}");
    }
}

#[test]
fn serde_uses_the_canonical_string() {
    let date = Date::parse("2026-02-13 10:00:00 +0800").unwrap();
    let json = serde_json::to_string(&date).unwrap();
    assert_eq!(json, r#""2026-02-13T10:00:00+08:00""#);
    assert_eq!(serde_json::from_str::<Date>(&json).unwrap(), date);
    let error = serde_json::from_str::<Date>(r#""2021-13-45""#).unwrap_err();
    assert!(error.to_string().contains("month 13"), "{error}");
}

#[test]
fn builders_validate_like_the_parser() {
    let date = Date::new(2026, 2, 13).unwrap();
    assert_eq!(date.time(), None);
    assert!(matches!(
        date.with_time(23, 59, 60),
        Err(DateError::SecondOutOfRange { second: 60 })
    ));
    let pinned = date.with_offset(-330).unwrap();
    assert_eq!(pinned.to_string(), "2026-02-13T00:00:00-05:30");
    assert_eq!(pinned.offset_minutes(), Some(-330));
    assert!(matches!(
        date.with_offset(24 * 60),
        Err(DateError::OffsetOutOfRange { .. })
    ));
    assert!(matches!(
        Date::new(10_000, 1, 1),
        Err(DateError::YearOutOfRange { year: 10_000 })
    ));
    assert_eq!((date.year(), date.month(), date.day()), (2026, 2, 13));
}

#[test]
fn timestamps_round_trip_through_wall_clock_dates() {
    let cases = [
        (0, 0, "1970-01-01T00:00:00Z"),
        (-1, 0, "1969-12-31T23:59:59Z"),
        (951_782_400, 0, "2000-02-29T00:00:00Z"),
        (1_770_948_000, 480, "2026-02-13T10:00:00+08:00"),
        (1_770_948_000, -300, "2026-02-12T21:00:00-05:00"),
        (1_772_323_199, 0, "2026-02-28T23:59:59Z"),
        (253_402_300_799, 0, "9999-12-31T23:59:59Z"),
    ];
    for (seconds, offset, want) in cases {
        let date = Date::from_timestamp(seconds, offset).unwrap();
        assert_eq!(date.to_string(), want, "{seconds} at {offset}");
        assert_eq!(date.timestamp(), seconds, "{want}");
    }
    assert!(matches!(
        Date::from_timestamp(253_402_300_800, 0),
        Err(DateError::YearOutOfRange { .. })
    ));
    assert!(matches!(
        Date::from_timestamp(-62_167_219_201, 0),
        Err(DateError::YearOutOfRange { year: 0 })
    ));
    assert!(matches!(
        Date::from_timestamp(0, 24 * 60),
        Err(DateError::OffsetOutOfRange { .. })
    ));
}
