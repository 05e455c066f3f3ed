//! "Now", read once per run: from the system clock, or from `--now`/`FOLIO_NOW` so tests and
//! reproducible builds get the same dates and the same scheduled posts every time.

use std::time::{SystemTime, UNIX_EPOCH};

use folio_core::Date;

use crate::zone::Zone;

/// The instant a run treats as now, in seconds since 1970-01-01T00:00:00Z.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Clock {
    now: i64,
}

impl Clock {
    /// The given instant, else the system clock.
    pub(crate) fn new(fixed: Option<i64>) -> Self {
        let now = fixed.unwrap_or_else(|| {
            // A clock set before 1970 counts as 1970: dates then all look past, nothing breaks.
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |elapsed| {
                    i64::try_from(elapsed.as_secs()).unwrap_or(i64::MAX)
                })
        });
        Self { now }
    }

    /// Now, in seconds since the epoch.
    pub(crate) fn now(&self) -> i64 {
        self.now
    }

    /// Whether a post dated `date` is not due yet. A date written without a UTC offset is read
    /// in the site's time zone, so `date: 2026-02-13` goes live at midnight where the writer is.
    pub(crate) fn is_future(&self, date: &Date, zone: &Zone) -> bool {
        zone.instant(date) > self.now
    }
}

/// Reads `--now`: any date Folio reads in front matter; without an offset it is UTC.
pub(crate) fn parse_now(text: &str) -> Result<i64, String> {
    Date::parse(text)
        .map(|date| date.timestamp())
        .map_err(|err| err.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use folio_core::SiteConfig;

    fn site(zone: &str) -> Zone {
        let site = SiteConfig::parse(&format!("timezone = \"{zone}\"")).unwrap_or_default();
        Zone::of(&site).unwrap_or_else(|err| panic!("{zone}: {err}"))
    }

    fn date(text: &str) -> Date {
        Date::parse(text).unwrap_or_else(|err| panic!("{text}: {err}"))
    }

    #[test]
    fn floating_dates_are_read_in_the_site_time_zone() {
        // 2026-02-13T00:00:00Z.
        let clock = Clock::new(parse_now("2026-02-13T00:00:00Z").ok());
        let beijing = site("+08:00");
        let new_york = site("-05:00");
        // Midnight of the 13th in Beijing was 16:00 UTC on the 12th: due.
        assert!(!clock.is_future(&date("2026-02-13"), &beijing));
        // Midnight of the 13th in New York is 05:00 UTC on the 13th: not yet.
        assert!(clock.is_future(&date("2026-02-13"), &new_york));
        // An explicit offset wins over the site's.
        assert!(!clock.is_future(&date("2026-02-12T20:00:00-04:00"), &beijing));
        assert!(clock.is_future(&date("2026-02-13T00:00:01Z"), &beijing));
    }

    #[test]
    fn now_accepts_front_matter_dates_and_rejects_others() {
        assert_eq!(parse_now("1970-01-02"), Ok(86_400));
        assert_eq!(parse_now("1970-01-01T08:00:00+08:00"), Ok(0));
        assert!(parse_now("yesterday").is_err());
    }
}
