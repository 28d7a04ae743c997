//! What a server says about when to ask again: `Cache-Control: max-age` (less `Age`),
//! `Expires` (against `Date`), `Retry-After` (seconds or an HTTP date), and the feed's own
//! `<ttl>` (minutes). Pure parsing of headers and body bytes; the timer decides.

use std::time::Duration;

use chrono::{DateTime, Utc};
use reqwest::StatusCode;
use reqwest::header::{self, HeaderMap};

/// The freshness headers of one answer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Freshness {
    pub max_age: Option<Duration>,
    pub age: Option<Duration>,
    pub expires: Option<DateTime<Utc>>,
    pub date: Option<DateTime<Utc>>,
}

impl Freshness {
    /// From the raw header values (`None` when absent).
    pub fn parse(
        cache_control: Option<&str>,
        age: Option<&str>,
        expires: Option<&str>,
        date: Option<&str>,
    ) -> Freshness {
        Freshness {
            max_age: cache_control.and_then(max_age),
            age: age.and_then(seconds),
            expires: expires.and_then(http_date),
            date: date.and_then(http_date),
        }
    }

    /// How long the answer stays fresh from when it arrived: `max-age` less `Age`, else
    /// `Expires` less `Date` (or less `now` when the server sent no date). `None`: it said
    /// nothing (or the answer is already stale).
    pub fn lifetime(&self, now: DateTime<Utc>) -> Option<Duration> {
        if let Some(max_age) = self.max_age {
            let left = max_age.saturating_sub(self.age.unwrap_or_default());
            return (!left.is_zero()).then_some(left);
        }
        let expires = self.expires?;
        let from = self.date.unwrap_or(now);
        (expires - from).to_std().ok().filter(|d| !d.is_zero())
    }
}

/// `Retry-After`: delay-seconds or an HTTP date (then less `now`).
pub fn retry_after(value: &str, now: DateTime<Utc>) -> Option<Duration> {
    if let Some(secs) = seconds(value) {
        return Some(secs);
    }
    let when = http_date(value)?;
    Some((when - now).to_std().unwrap_or_default())
}

/// The feed's `<ttl>` in the channel header (before the first item), in minutes, as a time.
/// A plain byte scan: `<ttl>` is ASCII in every encoding chmon reads.
pub fn ttl(bytes: &[u8]) -> Option<Duration> {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    let head = match find(head, b"<item").or_else(|| find(head, b"<entry")) {
        Some(end) => &head[..end],
        None => head,
    };
    let start = find(head, b"<ttl>")? + 5;
    let len = find(&head[start..], b"</ttl>")?;
    let text = std::str::from_utf8(&head[start..start + len]).ok()?;
    let minutes: u64 = text.trim().parse().ok()?;
    Some(Duration::from_secs(minutes.saturating_mul(60)))
}

/// The `Retry-After` of a 429 or 503 (`None` for any other status, or without the header).
pub(super) fn throttled(status: StatusCode, headers: &HeaderMap) -> Option<std::time::Duration> {
    if !matches!(status.as_u16(), 429 | 503) {
        return None;
    }
    let value = header_text(headers, header::RETRY_AFTER)?;
    retry_after(&value, chrono::Utc::now())
}

pub(super) fn freshness_of(headers: &HeaderMap) -> Freshness {
    let get = |name| header_text(headers, name);
    Freshness::parse(
        get(header::CACHE_CONTROL).as_deref(),
        get(header::AGE).as_deref(),
        get(header::EXPIRES).as_deref(),
        get(header::DATE).as_deref(),
    )
}

/// A header's value as text, trimmed; `None` when absent or empty.
fn header_text(headers: &HeaderMap, name: header::HeaderName) -> Option<String> {
    let value = headers.get(name)?.to_str().ok()?.trim();
    (!value.is_empty()).then(|| value.to_string())
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// `max-age=N` of a Cache-Control value (`s-maxage` is for shared caches, not us).
fn max_age(value: &str) -> Option<Duration> {
    value.split(',').find_map(|part| {
        let (name, arg) = part.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("max-age")
            .then(|| seconds(arg.trim().trim_matches('"')))
            .flatten()
    })
}

fn seconds(value: &str) -> Option<Duration> {
    value.trim().parse::<u64>().ok().map(Duration::from_secs)
}

fn http_date(value: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc2822(value.trim())
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn at(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 1, h, m, 0).unwrap()
    }

    #[test]
    fn max_age_less_age_wins_over_expires() {
        let f = Freshness::parse(
            Some("public, MAX-AGE=3600, must-revalidate"),
            Some("600"),
            Some("Sun, 01 Mar 2026 20:00:00 GMT"),
            Some("Sun, 01 Mar 2026 10:00:00 GMT"),
        );
        assert_eq!(f.lifetime(at(10, 0)), Some(Duration::from_secs(3000)));
        let stale = Freshness::parse(Some("max-age=60"), Some("120"), None, None);
        assert_eq!(stale.lifetime(at(10, 0)), None);
    }

    #[test]
    fn expires_counts_from_the_servers_date_else_now() {
        let f = Freshness::parse(
            None,
            None,
            Some("Sun, 01 Mar 2026 12:00:00 GMT"),
            Some("Sun, 01 Mar 2026 11:00:00 GMT"),
        );
        assert_eq!(f.lifetime(at(9, 0)), Some(Duration::from_secs(3600)));
        let no_date = Freshness::parse(None, None, Some("Sun, 01 Mar 2026 12:00:00 GMT"), None);
        assert_eq!(
            no_date.lifetime(at(11, 30)),
            Some(Duration::from_secs(1800))
        );
        let garbage = Freshness::parse(Some("no-cache"), Some("x"), Some("0"), None);
        assert_eq!(garbage, Freshness::default());
        assert_eq!(garbage.lifetime(at(9, 0)), None);
    }

    #[test]
    fn retry_after_in_seconds_or_as_a_date() {
        assert_eq!(
            retry_after(" 120 ", at(10, 0)),
            Some(Duration::from_secs(120))
        );
        assert_eq!(
            retry_after("Sun, 01 Mar 2026 10:15:00 GMT", at(10, 0)),
            Some(Duration::from_secs(900))
        );
        assert_eq!(
            retry_after("Sun, 01 Mar 2026 09:00:00 GMT", at(10, 0)),
            Some(Duration::ZERO)
        );
        assert_eq!(retry_after("soon", at(10, 0)), None);
    }

    #[test]
    fn ttl_only_from_the_channel_header() {
        let feed = b"<rss><channel><title>t</title><ttl> 90 </ttl><item><ttl>5</ttl></item>";
        assert_eq!(ttl(feed), Some(Duration::from_secs(90 * 60)));
        let in_item = b"<rss><channel><item><ttl>5</ttl></item></channel></rss>";
        assert_eq!(ttl(in_item), None);
        assert_eq!(ttl(b"<rss><ttl>soon</ttl>"), None);
    }
}
