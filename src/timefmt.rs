//! The reader's time zone and time formatting shared by the CLI and the TUI.
//! Owns zone resolution (config → TZ → system); reads no clock (callers pass `now`).

use chrono::{DateTime, Local, NaiveDate, Utc};
use chrono_tz::Tz;

/// Where times are shown: a named IANA zone, or the system's local zone.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Zone {
    Named(Tz),
    System,
}

impl Zone {
    /// The config's zone if given and valid, else `TZ` if it names an IANA zone,
    /// else the system zone. `Europe/Kiev` (the old name) is accepted.
    pub fn resolve(configured: Option<&str>) -> Zone {
        let from_env = std::env::var("TZ").ok();
        configured
            .and_then(parse_zone)
            .or_else(|| from_env.as_deref().and_then(parse_zone))
            .map(Zone::Named)
            .unwrap_or(Zone::System)
    }

    /// An IANA zone by name (`Europe/Kiev`, the old name, too); `None` if there is none.
    pub fn named(name: &str) -> Option<Zone> {
        parse_zone(name).map(Zone::Named)
    }

    /// The zone `TZ` names, else the system zone; with a warning when `TZ` is set to something
    /// that is neither an IANA name nor a POSIX zone rule (those have digits: `EET-2EEST`).
    pub fn from_env(tz: Option<&str>) -> (Zone, Option<String>) {
        let Some(tz) = tz.map(str::trim).filter(|t| !t.is_empty()) else {
            return (Zone::System, None);
        };
        match parse_zone(tz) {
            Some(named) => (Zone::Named(named), None),
            None if tz.starts_with(':') || tz.contains(|c: char| c.is_ascii_digit()) => {
                (Zone::System, None)
            }
            None => (
                Zone::System,
                Some(format!(
                    "TZ={tz:?} is not a time zone chmon knows: showing the system zone's time"
                )),
            ),
        }
    }

    /// Kyiv time: the agency's own zone.
    pub fn kyiv() -> Zone {
        Zone::Named(chrono_tz::Europe::Kyiv)
    }

    /// `YYYY-MM-DD HH:MM` in this zone.
    pub fn format_date_time(&self, t: DateTime<Utc>) -> String {
        self.format(t, "%Y-%m-%d %H:%M")
    }

    /// `HH:MM` in this zone.
    pub fn format_time(&self, t: DateTime<Utc>) -> String {
        self.format(t, "%H:%M")
    }

    /// The calendar date of `t` in this zone.
    pub fn date(&self, t: DateTime<Utc>) -> NaiveDate {
        match self {
            Zone::Named(tz) => t.with_timezone(tz).date_naive(),
            Zone::System => t.with_timezone(&Local).date_naive(),
        }
    }

    fn format(&self, t: DateTime<Utc>, fmt: &str) -> String {
        match self {
            Zone::Named(tz) => t.with_timezone(tz).format(fmt).to_string(),
            Zone::System => t.with_timezone(&Local).format(fmt).to_string(),
        }
    }
}

fn parse_zone(name: &str) -> Option<Tz> {
    let name = name.trim().trim_start_matches(':');
    if name.eq_ignore_ascii_case("Europe/Kiev") {
        return Some(chrono_tz::Europe::Kyiv);
    }
    name.parse::<Tz>().ok()
}

/// A wait in the largest units that matter: `45 s`, `15 min`, `2 h 5 min`, `3 d`.
pub fn wait_text(d: std::time::Duration) -> String {
    let secs = d.as_secs();
    match secs {
        0..60 => format!("{secs} s"),
        60..3600 => format!("{} min", secs.div_ceil(60)),
        3600..86_400 => match (secs % 3600).div_ceil(60) {
            0 => format!("{} h", secs / 3600),
            m => format!("{} h {m} min", secs / 3600),
        },
        _ => format!("{} d", secs / 86_400),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn waits_in_words() {
        use std::time::Duration;
        assert_eq!(super::wait_text(Duration::from_secs(45)), "45 s");
        assert_eq!(super::wait_text(Duration::from_secs(61)), "2 min");
        assert_eq!(super::wait_text(Duration::from_secs(7200)), "2 h");
        assert_eq!(super::wait_text(Duration::from_secs(7500)), "2 h 5 min");
        assert_eq!(super::wait_text(Duration::from_secs(200_000)), "2 d");
    }

    use super::*;
    use chrono::TimeZone;

    #[test]
    fn kyiv_dst_boundaries() {
        let z = Zone::kyiv();
        // 2024-03-31 00:59:59Z = 02:59:59 EET; 01:00Z = 04:00 EEST (03:xx never exists).
        let before = Utc.with_ymd_and_hms(2024, 3, 31, 0, 59, 0).unwrap();
        let after = Utc.with_ymd_and_hms(2024, 3, 31, 1, 0, 0).unwrap();
        assert_eq!(z.format_time(before), "02:59");
        assert_eq!(z.format_time(after), "04:00");
        // 2024-10-27: 03:59 EEST happens at 00:59Z, and 03:00 EET again at 01:00Z.
        let first = Utc.with_ymd_and_hms(2024, 10, 27, 0, 30, 0).unwrap();
        let second = Utc.with_ymd_and_hms(2024, 10, 27, 1, 30, 0).unwrap();
        assert_eq!(z.format_time(first), "03:30");
        assert_eq!(z.format_time(second), "03:30");
    }

    #[test]
    fn zone_names_resolve() {
        assert_eq!(parse_zone("Europe/Kiev"), Some(chrono_tz::Europe::Kyiv));
        assert_eq!(parse_zone(":Europe/Kyiv"), Some(chrono_tz::Europe::Kyiv));
        assert_eq!(parse_zone("Nowhere/Else"), None);
        assert_eq!(Zone::resolve(Some("UTC")), Zone::Named(chrono_tz::UTC));
    }
}
