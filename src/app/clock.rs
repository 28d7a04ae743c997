//! The first action and the clock: `Start` loads the first window and starts the timer;
//! `Tick` turns the spinner, lets a status message expire, closes a typed link number after a
//! pause and runs the timer. Part of `update`; no clock reads (the time comes in the action).

use chrono::{DateTime, Utc};

use super::{App, ERROR_SECONDS, INFO_SECONDS, Status, links, refreshing};
use crate::action::Effect;

/// The first action: the first window of headlines (the pane's feeds and counts came with
/// `App::new`), and (unless told otherwise) the timer, which at once refreshes the feeds that
/// are due.
pub(super) fn started(
    app: &mut App,
    now: DateTime<Utc>,
    refresh: bool,
    notice: Option<String>,
) -> Vec<Effect> {
    app.now = now;
    if let Some(notice) = notice {
        app.say(Status::Info(notice));
    }
    let mut effects: Vec<Effect> = app
        .list
        .ensure_window(app.body_height(), true)
        .into_iter()
        .collect();
    app.refresh.auto = refresh;
    // An upgraded cache is indexed for search in the background.
    effects.push(Effect::Store(crate::action::StoreJob::IndexSearch));
    effects.extend(refreshing::due(app, now));
    effects
}

/// The clock: turns the spinner, lets a status message expire, and runs the timer.
pub(super) fn ticked(app: &mut App, now: DateTime<Utc>) -> Vec<Effect> {
    app.now = now;
    app.spinner = app.spinner.wrapping_add(1);
    let mut effects = refreshing::due(app, now);
    effects.extend(links::tick(app, now));
    let seconds = match app.status {
        Status::None => return effects,
        Status::Info(_) => INFO_SECONDS,
        Status::Error(_) => ERROR_SECONDS,
    };
    match app.status_since {
        None => app.status_since = Some(now),
        Some(since) if (now - since).num_seconds() >= seconds => app.say(Status::None),
        Some(_) => {}
    }
    effects
}
