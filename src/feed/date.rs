//! Feed date parsing: RFC 822/2822, RFC 3339, Ukrainian/Russian month and weekday names,
//! `DD.MM.YYYY HH:MM[:SS]` and `YYYY-MM-DD HH:MM[:SS]`; no zone means Kyiv time.
//! Pure functions; reads no clock. A date that cannot be read is `None`, never a guess.

use chrono::{
    DateTime, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, TimeZone,
    Utc,
};
use chrono_tz::Europe::Kyiv;

#[path = "date_words.rs"]
mod words;

/// What has been read so far.
#[derive(Debug, Default)]
struct Parts {
    day: Option<u32>,
    month: Option<u32>,
    year: Option<i32>,
    time: Option<(u32, u32, u32)>,
    pm: Option<bool>,
    /// Seconds east of UTC.
    offset: Option<i32>,
}

/// Parses a date as feeds write them (see the module doc).
pub fn parse_date(s: &str) -> Option<DateTime<Utc>> {
    match rfc822(s.trim()) {
        Some(parts) => assemble(&parts),
        None => parse_chunks(s),
    }
}

/// [`parse_date`] chunk by chunk, for any shape.
fn parse_chunks(s: &str) -> Option<DateTime<Utc>> {
    let lower = s.trim().to_lowercase();
    if lower.is_empty() || lower.len() > 100 {
        return None;
    }
    let mut parts = Parts::default();
    for chunk in lower.split(|c: char| c.is_whitespace() || c == ',') {
        let chunk = chunk.trim_matches(|c| c == '(' || c == ')');
        if !chunk.is_empty() {
            read_chunk(&mut parts, chunk)?;
        }
    }
    assemble(&parts)
}

/// English weekdays and months as RFC 822 writes them (each one `words` knows, in its order).
const RFC_WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const RFC_MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The parts of a date in the exact RFC 822 shape almost every feed uses
/// (`Tue, 13 Nov 2026 00:32:00 +0200`, the weekday optional), read by position: the same
/// parts the chunk-by-chunk reading gives, without its word lists. `None`: another shape.
fn rfc822(s: &str) -> Option<Parts> {
    if s.len() > 100 {
        return None;
    }
    let rest = match s.split_once(", ") {
        Some((day, rest)) if RFC_WEEKDAYS.iter().any(|w| w.eq_ignore_ascii_case(day)) => rest,
        Some(_) => return None,
        None => s,
    };
    let mut fields = rest.split(' ');
    let (day, month, year, clock, zone) = (
        fields.next()?,
        fields.next()?,
        fields.next()?,
        fields.next()?,
        fields.next()?,
    );
    let month = RFC_MONTHS
        .iter()
        .position(|m| m.eq_ignore_ascii_case(month))?;
    let mut clock = clock
        .split(':')
        .map(|f| digits(f, &[2])?.parse::<u32>().ok());
    let (h, m, sec) = (clock.next()??, clock.next()??, clock.next()??);
    let zone = zone.to_ascii_lowercase();
    let offset = words::zone_offset(&zone).or_else(|| numeric_offset(&zone))?;
    if fields.next().is_some() || clock.next().is_some() {
        return None;
    }
    Some(Parts {
        day: Some(digits(day, &[1, 2])?.parse().ok()?),
        month: Some(month as u32 + 1),
        year: Some(digits(year, &[4])?.parse().ok()?),
        time: Some((h, m, sec.min(59))),
        pm: None,
        offset: Some(offset),
    })
}

/// `f` when it is all ASCII digits and of one of the lengths `lens`.
fn digits<'a>(f: &'a str, lens: &[usize]) -> Option<&'a str> {
    (lens.contains(&f.len()) && f.bytes().all(|b| b.is_ascii_digit())).then_some(f)
}

/// Interprets one whitespace-separated chunk; `None` if it means nothing we know.
fn read_chunk(p: &mut Parts, chunk: &str) -> Option<()> {
    if let Some(off) = words::zone_offset(chunk).or_else(|| numeric_offset(chunk)) {
        p.offset = Some(off);
    } else if starts_numeric_date(chunk) {
        read_numeric_date(p, chunk)?;
    } else if chunk.contains(':') {
        read_time(p, chunk)?;
    } else if chunk.bytes().all(|b| b.is_ascii_digit()) {
        read_number(p, chunk)?;
    } else {
        read_word(p, chunk.trim_end_matches('.'))?;
    }
    Some(())
}

/// A chunk like `12.01.2021` or `2021-01-12T…`: digits, then `.`, `-` or `/` before any `:`.
fn starts_numeric_date(chunk: &str) -> bool {
    chunk.starts_with(|c: char| c.is_ascii_digit())
        && chunk
            .find(['.', '-', '/', ':'])
            .is_some_and(|i| chunk.as_bytes()[i] != b':')
}

fn read_number(p: &mut Parts, digits: &str) -> Option<()> {
    let n: u32 = digits.parse().ok()?;
    match digits.len() {
        4 if p.year.is_none() => p.year = Some(n as i32),
        1 | 2 if p.day.is_none() => p.day = Some(n),
        2 if p.year.is_none() && p.month.is_some() => p.year = Some(two_digit_year(n)),
        _ => return None,
    }
    Some(())
}

fn two_digit_year(n: u32) -> i32 {
    if n < 50 {
        2000 + n as i32
    } else {
        1900 + n as i32
    }
}

fn read_word(p: &mut Parts, word: &str) -> Option<()> {
    let word = words::fold_apostrophes(word);
    if let Some(m) = words::month(&word) {
        p.month = Some(m);
    } else if word == "am" || word == "pm" {
        p.pm = Some(word == "pm");
    } else if !(words::is_weekday(&word) || words::is_filler(&word)) {
        return None;
    }
    Some(())
}

/// `D.M.YYYY`, `YYYY-MM-DD`, `YYYY/MM/DD`, possibly followed by `T` and a time.
fn read_numeric_date(p: &mut Parts, chunk: &str) -> Option<()> {
    let (date, time) = match chunk.split_once('t') {
        Some((d, t)) => (d, Some(t)),
        None => (chunk, None),
    };
    let fields: Vec<&str> = date.split(['.', '-', '/']).collect();
    let [a, b, c] = fields[..] else { return None };
    let (y, m, d) = if a.len() == 4 { (a, b, c) } else { (c, b, a) };
    p.day = Some(d.parse().ok()?);
    p.month = Some(m.parse().ok()?);
    p.year = Some(match y.len() {
        4 => y.parse().ok()?,
        2 => two_digit_year(y.parse().ok()?),
        _ => return None,
    });
    match time {
        Some(t) => read_time(p, t),
        None => Some(()),
    }
}

/// `HH:MM[:SS[.fraction]]`, optionally with a zone glued on (`Z`, `+02:00`, `+0200`).
fn read_time(p: &mut Parts, chunk: &str) -> Option<()> {
    if chunk.starts_with(|c: char| !c.is_ascii_digit()) {
        return None;
    }
    let zone_at = chunk.find(['z', '+', '-']).unwrap_or(chunk.len());
    let (clock, zone) = chunk.split_at(zone_at);
    if !zone.is_empty() {
        p.offset = Some(words::zone_offset(zone).or_else(|| numeric_offset(zone))?);
    }
    let clock = clock.split('.').next()?;
    let mut nums = clock.split(':').map(|n| n.parse::<u32>().ok());
    let h = nums.next()??;
    let m = nums.next()??;
    let s = nums.next().unwrap_or(Some(0))?;
    if nums.next().is_some() {
        return None;
    }
    p.time = Some((h, m, s.min(59)));
    Some(())
}

/// `+0200`, `+02:00`, `+02`, `-0500` → seconds east of UTC.
fn numeric_offset(s: &str) -> Option<i32> {
    let sign = match s.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits: String = s[1..].chars().filter(|c| *c != ':').collect();
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (h, m) = match digits.len() {
        1 | 2 => (digits.parse::<i32>().ok()?, 0),
        4 => (
            digits[..2].parse::<i32>().ok()?,
            digits[2..].parse::<i32>().ok()?,
        ),
        _ => return None,
    };
    (h < 24 && m < 60).then_some(sign * (h * 3600 + m * 60))
}

fn assemble(p: &Parts) -> Option<DateTime<Utc>> {
    let date = NaiveDate::from_ymd_opt(p.year?, p.month?, p.day?)?;
    let (mut h, m, s) = p.time.unwrap_or((0, 0, 0));
    match p.pm {
        Some(true) if h < 12 => h += 12,
        Some(false) if h == 12 => h = 0,
        _ => {}
    }
    let naive = date.and_time(NaiveTime::from_hms_opt(h, m, s)?);
    match p.offset {
        Some(off) => {
            let zone = FixedOffset::east_opt(off)?;
            zone.from_local_datetime(&naive)
                .single()
                .map(|t| t.with_timezone(&Utc))
        }
        None => kyiv(naive),
    }
}

/// A wall-clock time in Kyiv. In the spring gap the later of the two readings (the clock
/// had not moved yet), in the autumn overlap the earlier one.
pub fn kyiv(naive: NaiveDateTime) -> Option<DateTime<Utc>> {
    match Kyiv.from_local_datetime(&naive) {
        LocalResult::Single(t) => Some(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(a, b) => Some(a.min(b).with_timezone(&Utc)),
        LocalResult::None => {
            let offset_at = |t: NaiveDateTime| {
                use chrono::Offset;
                Kyiv.offset_from_utc_datetime(&t).fix().local_minus_utc()
            };
            let day = TimeDelta::hours(12);
            let candidates = [offset_at(naive - day), offset_at(naive + day)];
            let utc = candidates
                .iter()
                .map(|off| naive - TimeDelta::seconds(i64::from(*off)))
                .max()?;
            Some(Utc.from_utc_datetime(&utc))
        }
    }
}

#[cfg(test)]
#[path = "date_tests.rs"]
mod tests;
