//! The timer's rules on a fake clock: the interval, `<ttl>`/`max-age`/`Expires` as the
//! server's wait, the 24 h cap, the jitter's bounds, back-off, and `Retry-After`.

use chrono::TimeZone;

use super::*;

const MIN: Duration = Duration::from_secs(60);

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0).unwrap()
}

fn fetched(wait: Option<Duration>) -> Outcome {
    Outcome::Fetched { server_wait: wait }
}

fn failed(retry_after: Option<Duration>) -> Outcome {
    Outcome::Failed {
        error: "x: HTTP 500".into(),
        retry_after,
    }
}

/// The due time less the base wait: the jitter, which must stay within 1/20 of the wait.
fn assert_due(due: DateTime<Utc>, from: DateTime<Utc>, wait: Duration) {
    let got = (due - from).to_std().unwrap();
    assert!(got >= wait, "{got:?} < {wait:?}");
    assert!(got <= wait + wait / 20, "{got:?} > {wait:?} + 5 %");
}

#[test]
fn never_fetched_is_due_at_once() {
    assert_eq!(
        next_due(&FeedState::default(), 30 * MIN, 1),
        DateTime::UNIX_EPOCH
    );
}

#[test]
fn the_largest_of_interval_and_server_wait() {
    let state = after(&FeedState::default(), &fetched(None), t0());
    assert_due(next_due(&state, 30 * MIN, 7), t0(), 30 * MIN);
    // max-age or ttl of 2 h beats a 30 min interval ...
    let state = after(&state, &fetched(Some(120 * MIN)), t0());
    assert_due(next_due(&state, 30 * MIN, 7), t0(), 120 * MIN);
    // ... but a 10 min one does not beat a 30 min interval.
    let state = after(&state, &fetched(Some(10 * MIN)), t0());
    assert_due(next_due(&state, 30 * MIN, 7), t0(), 30 * MIN);
}

#[test]
fn capped_at_a_day_jitter_included() {
    let state = after(
        &FeedState::default(),
        &fetched(Some(Duration::from_secs(7 * 86_400))),
        t0(),
    );
    for seed in 0..50 {
        assert_eq!(
            next_due(&state, 30 * MIN, seed),
            t0() + chrono::Duration::hours(24)
        );
    }
}

#[test]
fn jitter_varies_by_seed_and_stays_small() {
    let state = after(&FeedState::default(), &fetched(None), t0());
    let dues: std::collections::BTreeSet<_> = (0..50)
        .map(|seed| next_due(&state, 60 * MIN, seed))
        .collect();
    assert!(dues.len() > 10, "feeds do not all fire together: {dues:?}");
    for due in dues {
        assert_due(due, t0(), 60 * MIN);
    }
    assert_eq!(next_due(&state, 60 * MIN, 3), next_due(&state, 60 * MIN, 3));
}

#[test]
fn errors_back_off_exponentially_and_a_success_resets() {
    let mut state = FeedState::default();
    let mut now = t0();
    for (failures, wait) in [(1, 60), (2, 120), (3, 240), (4, 480)] {
        state = after(&state, &failed(None), now);
        assert_eq!(state.failures, failures);
        let due = next_due(&state, 30 * MIN, 9);
        assert_due(due, now, wait * MIN);
        now = due;
    }
    for _ in 0..20 {
        state = after(&state, &failed(None), now);
    }
    assert!(next_due(&state, 30 * MIN, 9) <= now + chrono::Duration::hours(24));
    assert_eq!(state.last_error.as_deref(), Some("x: HTTP 500"));
    state = after(&state, &fetched(None), now);
    assert_eq!((state.failures, state.last_error.clone()), (0, None));
    assert_due(next_due(&state, 30 * MIN, 9), now, 30 * MIN);
}

#[test]
fn retry_after_holds_every_refresh_until_it_is_up() {
    let state = after(
        &FeedState::default(),
        &failed(Some(3 * 3600 * Duration::from_secs(1))),
        t0(),
    );
    assert_eq!(state.retry_until, Some(t0() + chrono::Duration::hours(3)));
    // The timer: not before the server's time, even though the back-off is shorter.
    assert!(next_due(&state, 30 * MIN, 1) >= t0() + chrono::Duration::hours(3));
    // `r`: held, with what is left of the wait.
    let later = t0() + chrono::Duration::minutes(150);
    assert_eq!(held(&state, later), Some(30 * MIN));
    assert_eq!(held(&state, t0() + chrono::Duration::hours(3)), None);
    // A long Retry-After on a never-fetched feed still holds it.
    let fresh = FeedState {
        retry_until: Some(t0() + chrono::Duration::hours(1)),
        ..FeedState::default()
    };
    assert_eq!(
        next_due(&fresh, 30 * MIN, 1),
        t0() + chrono::Duration::hours(1)
    );
    // A success clears it.
    let ok = after(&state, &fetched(None), later);
    assert_eq!((ok.retry_until, held(&ok, later)), (None, None));
}
