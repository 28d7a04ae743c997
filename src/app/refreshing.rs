//! Refreshing in the reader: `r` (every feed the server lets us ask), the timer (each feed
//! when `schedule` says it is due), and what a batch's results do to the state. A feed is
//! never asked twice at once; a `Retry-After` holds it for `r` too, and the status says for
//! how long. Part of `update`; no IO, no clock (times come in actions).

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use chrono::{DateTime, Utc};

use super::{App, Status};
use crate::action::{Effect, FeedRefreshed, StoreJob};
use crate::model::FeedState;
use crate::schedule;
use crate::text::sanitize::clean_line;

/// The refreshes under way, and what the batch found so far.
#[derive(Debug, Clone, Default)]
pub struct RefreshState {
    pub in_flight: HashSet<i64>,
    /// Refresh on the timer (not with `--no-refresh`).
    pub auto: bool,
    /// When each feed's refresh under way was asked for (its new articles are first seen
    /// after it).
    pub started: HashMap<i64, DateTime<Utc>>,
    /// Each feed's fetch state, for the timer.
    pub states: HashMap<i64, FeedState>,
    new: usize,
    /// (feed label, error) of the batch's failures.
    failed: Vec<(String, String)>,
    /// The longest wait a server asked for in this batch, and whose.
    held: Option<(Duration, i64)>,
    asked: usize,
}

impl RefreshState {
    pub fn busy(&self) -> bool {
        !self.in_flight.is_empty()
    }
}

/// `r`: every feed not already being fetched and not held by its server.
pub(super) fn manual(app: &mut App) -> Vec<Effect> {
    let now = app.now;
    let mut held = None;
    let ids: Vec<i64> = app
        .feed_ids
        .iter()
        .copied()
        .filter(|id| !app.refresh.in_flight.contains(id))
        .filter(|id| {
            let wait = app
                .refresh
                .states
                .get(id)
                .and_then(|s| schedule::held(s, now));
            held = held.max(wait.map(|w| (w, *id)));
            wait.is_none()
        })
        .collect();
    if ids.is_empty() {
        if let Some(held) = held {
            app.say(Status::Info(wait_text(app, held)));
        }
        return Vec::new();
    }
    app.refresh_error = None;
    let effects = start(app, ids);
    app.refresh.held = held;
    effects
}

/// The timer: the feeds that are due now.
pub(super) fn due(app: &mut App, now: DateTime<Utc>) -> Vec<Effect> {
    if !app.refresh.auto || !app.feeds.loaded {
        return Vec::new();
    }
    let ids: Vec<i64> = app
        .feed_ids
        .iter()
        .copied()
        .filter(|id| !app.refresh.in_flight.contains(id))
        .filter(|&id| next_due(app, id).is_some_and(|due| due <= now))
        .collect();
    if ids.is_empty() {
        return Vec::new();
    }
    start(app, ids)
}

/// How long until the next feed is due (the runtime sends the clock then).
pub(super) fn wait(app: &App) -> Option<Duration> {
    if !app.refresh.auto || !app.feeds.loaded {
        return None;
    }
    let next = app
        .feed_ids
        .iter()
        .filter(|id| !app.refresh.in_flight.contains(id))
        .filter_map(|&id| next_due(app, id))
        .min()?;
    Some(
        (next - app.now)
            .to_std()
            .unwrap_or_default()
            .max(Duration::from_secs(1)),
    )
}

fn next_due(app: &App, id: i64) -> Option<DateTime<Utc>> {
    let state = app.refresh.states.get(&id)?;
    let spec = app.spec_of(id)?;
    Some(schedule::next_due(state, spec.refresh, id.unsigned_abs()))
}

fn start(app: &mut App, ids: Vec<i64>) -> Vec<Effect> {
    app.refresh.asked += ids.len();
    app.refresh.in_flight.extend(ids.iter().copied());
    let now = app.now;
    app.refresh.started.extend(ids.iter().map(|id| (*id, now)));
    app.refreshing = true;
    vec![Effect::Refresh(ids)]
}

/// One feed is done; when it was the batch's last, the status says what the batch did.
/// New and changed articles go into the search index (in the background).
const INDEX: Effect = Effect::Store(StoreJob::IndexSearch);

pub(super) fn feed_done(app: &mut App, done: FeedRefreshed) -> Vec<Effect> {
    app.now = done.now;
    app.refresh.in_flight.remove(&done.feed_id);
    let label = app.label_of(done.feed_id);
    into_pane(app, &done);
    app.refresh.new += done.new;
    let wait = done.held.or_else(|| schedule::held(&done.state, done.now));
    app.refresh.held = app.refresh.held.max(wait.map(|w| (w, done.feed_id)));
    // A server that asked to wait is said as such, not as a failure.
    if let (Some(error), None) = (&done.error, wait) {
        app.refresh.failed.push((label, clean_line(error)));
    }
    app.refresh.states.insert(done.feed_id, done.state);
    let prefetch = super::pages::after_refresh(app, done.feed_id, done.new);
    app.refresh.started.remove(&done.feed_id);
    let mut effects: Vec<Effect> = prefetch.into_iter().collect();
    if !app.refresh.busy() {
        effects.extend(finish(app));
    }
    effects
}

/// The pane's line of the feed shows at once what its refresh found (its title, the `!` of a
/// failure or its absence), with the status that says it, before the pane is loaded again.
fn into_pane(app: &mut App, done: &FeedRefreshed) {
    let Some(feed) = app.feeds.feeds.iter_mut().find(|f| f.id == done.feed_id) else {
        return;
    };
    if let Some(title) = &done.title {
        feed.title = Some(title.clone());
    }
    feed.state = done.state.clone();
}

/// "сервер просить зачекати 15 хв", after the feed's name when there are several.
fn wait_text(app: &App, (wait, id): (Duration, i64)) -> String {
    let text = app.settings.lang.server_wait(wait);
    if app.feed_ids.len() > 1 {
        format!("{}: {text}", app.label_of(id))
    } else {
        text
    }
}

/// The refresh could not run at all.
pub(super) fn failed(app: &mut App, now: DateTime<Utc>, error: &str) -> Vec<Effect> {
    app.now = now;
    app.refresh.in_flight.clear();
    app.refresh.started.clear();
    app.refresh.failed.push((String::new(), clean_line(error)));
    finish(app)
}

/// The batch is over: say what it did, reload the pane and keep the selection in place.
fn finish(app: &mut App) -> Vec<Effect> {
    app.refreshing = false;
    let lang = app.settings.lang;
    let s = lang.strings();
    let wait = app.refresh.held.map(|held| wait_text(app, held));
    let status = match app.refresh.failed.first() {
        None => {
            app.refresh_error = None;
            let parts: Vec<String> = [Some(lang.new_count(app.refresh.new)), wait]
                .into_iter()
                .flatten()
                .collect();
            Status::Info(parts.join(" · "))
        }
        Some((label, error)) => {
            let who = if label.is_empty() || app.feed_ids.len() < 2 {
                String::new()
            } else {
                format!("{label}: ")
            };
            let count = match app.refresh.failed.len() {
                1 => String::new(),
                n => format!(" ({n}/{})", app.refresh.asked),
            };
            app.refresh_error = Some(error.clone());
            let new = (app.refresh.new > 0).then(|| lang.new_count(app.refresh.new));
            let first = format!("{}{count}: {who}{error}", s.refresh_failed);
            let parts: Vec<String> = [Some(first), new, wait].into_iter().flatten().collect();
            Status::Error(parts.join(" · "))
        }
    };
    app.say(status);
    app.refresh.new = 0;
    app.refresh.failed.clear();
    app.refresh.held = None;
    app.refresh.asked = 0;
    let mut effects = vec![Effect::Store(StoreJob::LoadFeeds), INDEX];
    effects.extend(super::results::relocate(app));
    effects
}

/// When the list's feeds were last refreshed and how many of them failed that time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Freshness {
    /// Seconds since the latest attempt of any of them; `None`: never refreshed.
    pub age_secs: Option<i64>,
    pub failed: usize,
    /// How many feeds the list has.
    pub feeds: usize,
}

impl Freshness {
    /// How long until the age's text changes (minutes, then hours, then days); `None`: never.
    pub fn next_change(&self) -> Option<Duration> {
        let age = u64::try_from(self.age_secs?).unwrap_or(0);
        let step = match age {
            0..3600 => 60,
            3600..86_400 => 3600,
            _ => 86_400,
        };
        Some(Duration::from_secs((step - age % step).max(1)))
    }
}

impl App {
    /// The status line's "updated 5 min ago" for the list shown (a feed, a section, all).
    pub fn freshness(&self) -> Option<Freshness> {
        let ids: Vec<i64> = match &self.list.query.scope {
            _ if self.list.query.starred => self.feed_ids.clone(),
            crate::model::Scope::Feed(id) => vec![*id],
            crate::model::Scope::Section(name) => (self.feeds.feeds.iter())
                .filter(|f| f.section.as_ref() == Some(name))
                .map(|f| f.id)
                .collect(),
            crate::model::Scope::All => self.feed_ids.clone(),
        };
        if ids.is_empty() {
            return None;
        }
        let states: Vec<&FeedState> = ids
            .iter()
            .filter_map(|id| self.refresh.states.get(id))
            .collect();
        let last = states.iter().filter_map(|s| s.last_attempt).max();
        Some(Freshness {
            age_secs: last.map(|t| (self.now - t).num_seconds()),
            failed: states.iter().filter(|s| s.last_error.is_some()).count(),
            feeds: ids.len(),
        })
    }
}
