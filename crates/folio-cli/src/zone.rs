//! The site's time zone at a given moment. `site.toml` may name a zone (`Asia/Shanghai`), whose
//! offset changes with daylight saving time and with history; folio-core, which the browser app
//! is built from, carries no time-zone database, so names are resolved here, with jiff's bundled
//! copy of the IANA database (the same answer on every machine, whatever its `/usr/share/zoneinfo`
//! holds). `folio index` writes every date of the index with the offset this gives it, so the
//! app and the feeds never need the name.

use anyhow::{Result, anyhow};
use folio_core::{Date, PostMeta, SiteConfig, SiteZone};
use jiff::Timestamp;
use jiff::civil::DateTime;
use jiff::tz::TimeZone;

/// A site's time zone, ready to give offsets.
#[derive(Debug, Clone)]
pub(crate) enum Zone {
    /// Minutes east of UTC, whatever the date.
    Fixed(i16),
    /// A zone of the database.
    Named(TimeZone),
}

impl Zone {
    /// The zone `site.toml` sets; an error for a name the database does not have.
    pub(crate) fn of(site: &SiteConfig) -> Result<Self> {
        match site.zone() {
            SiteZone::Offset(minutes) => Ok(Self::Fixed(minutes)),
            SiteZone::Named(name) => TimeZone::get(name).map(Self::Named).map_err(|_| {
                anyhow!(
                    "timezone {name:?} is not in the time-zone database: use a name such as \
                     \"Asia/Shanghai\" or \"America/New_York\", or an offset such as \"+08:00\""
                )
            }),
        }
    }

    /// The offset, in minutes east of UTC, in force at an instant (seconds since 1970).
    pub(crate) fn offset_at(&self, instant: i64) -> i16 {
        match self {
            Self::Fixed(minutes) => *minutes,
            Self::Named(zone) => Timestamp::from_second(instant)
                .map_or(0, |at| minutes(zone.to_offset(at).seconds())),
        }
    }

    /// The date with a UTC offset: its own when it has one, else the one in force at that wall
    /// time in this zone (a time in a daylight-saving gap moves forward, as clocks did; in the
    /// hour that repeats, the first). A date without a time is read as midnight. `None` for
    /// dates the database cannot place (a year near 9999 east of UTC).
    pub(crate) fn pin(&self, date: Date) -> Option<Date> {
        if date.offset_minutes().is_some() {
            return Some(date);
        }
        match self {
            Self::Fixed(minutes) => date.with_offset(*minutes).ok(),
            Self::Named(zone) => {
                let (hour, minute, second) = date.time().unwrap_or((0, 0, 0));
                let wall = DateTime::new(
                    i16::try_from(date.year()).ok()?,
                    i8::try_from(date.month()).ok()?,
                    i8::try_from(date.day()).ok()?,
                    i8::try_from(hour).ok()?,
                    i8::try_from(minute).ok()?,
                    i8::try_from(second).ok()?,
                    0,
                )
                .ok()?;
                let at = zone.to_ambiguous_timestamp(wall).compatible().ok()?;
                let offset = minutes(zone.to_offset(at).seconds());
                Date::from_timestamp(at.as_second(), offset).ok()
            }
        }
    }

    /// Gives the post's dates their offset in a named zone, so that everything downstream (the
    /// index the app reads, feeds, page heads) has the instant without the zone. Dates with a
    /// fixed site offset are left as written: those the fallback offset already places.
    pub(crate) fn pin_meta(&self, meta: &mut PostMeta) {
        if let Self::Named(_) = self {
            for date in [&mut meta.date, &mut meta.updated].into_iter().flatten() {
                if let Some(pinned) = self.pin(*date) {
                    *date = pinned;
                }
            }
        }
    }

    /// The instant a post date stands for, in seconds since 1970: a date without an offset is
    /// read in this zone.
    pub(crate) fn instant(&self, date: &Date) -> i64 {
        self.pin(*date).unwrap_or(*date).timestamp()
    }
}

/// Offset seconds as whole minutes (every zone's offsets since 1972 are whole minutes; older
/// local mean times such as Shanghai's +08:05:43 of 1900 are rounded down).
fn minutes(seconds: i32) -> i16 {
    i16::try_from(seconds.div_euclid(60)).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn zone(name: &str) -> Zone {
        Zone::of(&SiteConfig::parse(&format!("timezone = {name:?}")).unwrap()).unwrap()
    }

    fn pinned(zone: &Zone, date: &str) -> String {
        zone.pin(Date::parse(date).unwrap()).unwrap().to_string()
    }

    #[test]
    fn names_give_the_offset_in_force_at_each_date() {
        let new_york = zone("America/New_York");
        assert_eq!(pinned(&new_york, "2024-01-15"), "2024-01-15T00:00:00-05:00");
        assert_eq!(
            pinned(&new_york, "2024-07-15 18:30"),
            "2024-07-15T18:30:00-04:00"
        );
        // 02:30 on the day clocks jump from 02:00 to 03:00 never happened: it is 03:30.
        assert_eq!(
            pinned(&new_york, "2024-03-10 02:30"),
            "2024-03-10T03:30:00-04:00"
        );
        let shanghai = zone("Asia/Shanghai");
        assert_eq!(pinned(&shanghai, "2023-01-29"), "2023-01-29T00:00:00+08:00");
        // China kept daylight saving time from 1986 to 1991.
        assert_eq!(
            pinned(&shanghai, "1988-07-01 12:00"),
            "1988-07-01T12:00:00+09:00"
        );
        // A date with its own offset keeps it.
        assert_eq!(
            pinned(&shanghai, "2023-01-29T10:00:00-08:00"),
            "2023-01-29T10:00:00-08:00"
        );
        assert_eq!(new_york.offset_at(1_720_000_000), -240);
    }

    #[test]
    fn unknown_names_are_refused_and_offsets_stay_fixed() {
        let site = SiteConfig::parse("timezone = \"Mars/Olympus_Mons\"").unwrap();
        let error = Zone::of(&site).unwrap_err().to_string();
        assert!(error.contains("not in the time-zone database"), "{error}");
        let fixed = zone("+08:00");
        assert_eq!(pinned(&fixed, "2024-07-15"), "2024-07-15T00:00:00+08:00");
        let mut meta = PostMeta {
            date: Date::parse("2024-07-15").ok(),
            ..PostMeta::default()
        };
        fixed.pin_meta(&mut meta);
        assert_eq!(meta.date, Date::parse("2024-07-15").ok());
        zone("Asia/Shanghai").pin_meta(&mut meta);
        assert_eq!(meta.date, Date::parse("2024-07-15T00:00:00+08:00").ok());
    }
}
