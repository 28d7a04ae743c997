//! The refresh timer's rules, pure over a fake-able `now`: when a feed is next due (the
//! largest of the configured interval, the server's freshness — `<ttl>`, `max-age` less
//! `Age`, `Expires` — capped at 24 h, plus a little jitter; on errors an exponential back-off;
//! never before a `Retry-After`), and how a fetch's outcome changes a feed's `FeedState`.
//! Reads no clock and does no IO: callers pass the time in.

use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::model::FeedState;

/// No feed waits longer than this between fetches.
pub const MAX_WAIT: Duration = Duration::from_secs(24 * 3600);
/// The jitter adds up to this fraction of the wait (1/20 = 5 %).
const JITTER_PARTS: u64 = 20;

/// What a fetch came to, as far as the timer cares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Fetched (new, unchanged or 304); how long the server said it stays fresh.
    Fetched { server_wait: Option<Duration> },
    /// Failed; `retry_after` when the server answered 429/503 with a `Retry-After`.
    Failed {
        error: String,
        retry_after: Option<Duration>,
    },
}

/// The state after a fetch that started at `now`.
pub fn after(state: &FeedState, outcome: &Outcome, now: DateTime<Utc>) -> FeedState {
    let mut next = state.clone();
    next.last_attempt = Some(now);
    match outcome {
        Outcome::Fetched { server_wait } => {
            next.last_success = Some(now);
            next.last_error = None;
            next.failures = 0;
            next.server_wait = *server_wait;
            next.retry_until = None;
        }
        Outcome::Failed { error, retry_after } => {
            next.last_error = Some(error.clone());
            next.failures = state.failures.saturating_add(1);
            next.retry_until = retry_after.map(|wait| now + to_chrono(wait));
        }
    }
    next
}

/// When the feed is next due. Never fetched: at once (the epoch). `seed` picks the jitter
/// (the same seed always gives the same time: tests need no randomness).
pub fn next_due(state: &FeedState, interval: Duration, seed: u64) -> DateTime<Utc> {
    let Some(last) = state.last_attempt else {
        return hold(DateTime::UNIX_EPOCH, state);
    };
    let base = if state.failures > 0 {
        backoff(interval, state.failures)
    } else {
        interval.max(state.server_wait.unwrap_or_default())
    }
    .min(MAX_WAIT);
    let wait = (base + jitter(base, seed, last)).min(MAX_WAIT);
    hold(last + to_chrono(wait), state)
}

/// How long the server still wants no request (`r` honours it too); `None`: ask away.
pub fn held(state: &FeedState, now: DateTime<Utc>) -> Option<Duration> {
    let until = state.retry_until?;
    (until - now).to_std().ok().filter(|d| !d.is_zero())
}

/// The wait after `failures` failures in a row: the interval doubled each time.
fn backoff(interval: Duration, failures: u32) -> Duration {
    let factor = 1u32.checked_shl(failures.min(16)).unwrap_or(u32::MAX);
    interval.saturating_mul(factor)
}

/// Up to 1/20 of `wait`, picked by the seed and the time of the last attempt.
fn jitter(wait: Duration, seed: u64, last: DateTime<Utc>) -> Duration {
    let mixed = crate::hash::fnv1a(&[seed.to_le_bytes(), last.timestamp().to_le_bytes()].concat());
    let span = wait.as_secs() / JITTER_PARTS;
    Duration::from_secs(if span == 0 { 0 } else { mixed % (span + 1) })
}

/// Not before a `Retry-After`.
fn hold(due: DateTime<Utc>, state: &FeedState) -> DateTime<Utc> {
    state.retry_until.map_or(due, |until| due.max(until))
}

fn to_chrono(d: Duration) -> chrono::Duration {
    chrono::Duration::from_std(d).unwrap_or(chrono::Duration::MAX)
}

#[cfg(test)]
mod tests;
