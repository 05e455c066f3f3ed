//! A date as feeds and sitemaps want it: complete timestamps with a zone (RFC 3339 for Atom and
//! sitemaps, RFC 2822 for RSS), even when the writer gave only a day.

use super::{Date, days_from_civil};

const WEEKDAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl Date {
    /// The offset to write: the date's own, else `assumed` (the site's time zone), in minutes.
    fn zone_minutes(&self, assumed: i16) -> i16 {
        self.offset_minutes.unwrap_or(assumed)
    }

    /// RFC 3339, as Atom and sitemaps require: a day alone is midnight, a time without a zone
    /// is read in the `assumed` offset (minutes east of UTC).
    ///
    /// ```
    /// use folio_core::Date;
    /// assert_eq!(Date::parse("2026-02-13")?.rfc3339(0), "2026-02-13T00:00:00Z");
    /// assert_eq!(Date::parse("2026-02-13 10:30")?.rfc3339(480), "2026-02-13T10:30:00+08:00");
    /// assert_eq!(Date::parse("2026-02-13T10:30:00-05:00")?.rfc3339(480), "2026-02-13T10:30:00-05:00");
    /// # Ok::<(), folio_core::DateError>(())
    /// ```
    pub fn rfc3339(&self, assumed: i16) -> String {
        let (hour, minute, second) = self.time().unwrap_or((0, 0, 0));
        let zone = match self.zone_minutes(assumed) {
            0 => "Z".to_owned(),
            minutes => super::format_offset(minutes),
        };
        format!(
            "{:04}-{:02}-{:02}T{hour:02}:{minute:02}:{second:02}{zone}",
            self.year, self.month, self.day
        )
    }

    /// RFC 2822, as RSS 2.0's `pubDate` requires, with the weekday.
    ///
    /// ```
    /// use folio_core::Date;
    /// assert_eq!(Date::parse("2026-02-13")?.rfc2822(0), "Fri, 13 Feb 2026 00:00:00 +0000");
    /// assert_eq!(Date::parse("2025-10-08 21:15 +0800")?.rfc2822(0), "Wed, 08 Oct 2025 21:15:00 +0800");
    /// # Ok::<(), folio_core::DateError>(())
    /// ```
    pub fn rfc2822(&self, assumed: i16) -> String {
        let (hour, minute, second) = self.time().unwrap_or((0, 0, 0));
        let days = days_from_civil(
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day),
        );
        // 1970-01-01 was a Thursday, the first entry of WEEKDAYS.
        let weekday = WEEKDAYS[usize::try_from(days.rem_euclid(7)).unwrap_or(0)];
        let month = MONTHS[usize::from(self.month.clamp(1, 12) - 1)];
        let zone = self.zone_minutes(assumed);
        let sign = if zone < 0 { '-' } else { '+' };
        let zone = zone.unsigned_abs();
        format!(
            "{weekday}, {:02} {month} {:04} {hour:02}:{minute:02}:{second:02} {sign}{:02}{:02}",
            self.day,
            self.year,
            zone / 60,
            zone % 60
        )
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use crate::Date;

    #[test]
    fn weekdays_are_right_across_eras_and_leap_days() {
        let cases = [
            ("1970-01-01", "Thu, 01 Jan 1970"),
            ("2000-02-29", "Tue, 29 Feb 2000"),
            ("2024-12-31", "Tue, 31 Dec 2024"),
            ("2026-02-13", "Fri, 13 Feb 2026"),
            ("1969-12-31", "Wed, 31 Dec 1969"),
        ];
        for (date, want) in cases {
            let got = Date::parse(date).unwrap().rfc2822(0);
            assert!(got.starts_with(want), "{date}: {got}");
        }
    }

    #[test]
    fn negative_and_half_hour_zones_are_written_in_full() {
        let date = Date::parse("2025-01-02T03:04:05-09:30").unwrap();
        assert_eq!(date.rfc2822(0), "Thu, 02 Jan 2025 03:04:05 -0930");
        assert_eq!(date.rfc3339(0), "2025-01-02T03:04:05-09:30");
        assert_eq!(
            Date::parse("2025-01-02 03:04").unwrap().rfc3339(-570),
            "2025-01-02T03:04:00-09:30"
        );
    }
}
