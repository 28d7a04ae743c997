//! The threads behind the UI: terminal input, signals, the cache worker (owns a `Store`) and
//! refreshes (each with its own `Store` on the same file). All report on the one channel.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender};

use chrono::Utc;
use ratatui::crossterm::event;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use super::Msg;
use super::log::Log;
use crate::action::{Action, Effect, HeadlineWindow};
use crate::config::Settings;
use crate::feed::fetch::Fetcher;
use crate::store::{Store, StoreError};

fn spawn(name: &str, body: impl FnOnce() + Send + 'static) -> std::io::Result<()> {
    std::thread::Builder::new()
        .name(name.into())
        .spawn(body)
        .map(|_| ())
}

/// Blocks on terminal events (no polling: an idle terminal costs nothing).
pub fn input(tx: Sender<Msg>) -> std::io::Result<()> {
    spawn("input", move || {
        loop {
            let msg = match event::read() {
                Ok(ev) => Msg::Term(ev),
                Err(e) => Msg::InputFailed(e.to_string()),
            };
            let failed = matches!(msg, Msg::InputFailed(_));
            if tx.send(msg).is_err() || failed {
                return;
            }
        }
    })
}

/// SIGTERM, SIGHUP and SIGINT become a quit message (the loop then restores the terminal).
pub fn signals(tx: Sender<Msg>) -> std::io::Result<()> {
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    spawn("signals", move || {
        if let Some(signal) = signals.forever().next() {
            let _ = tx.send(Msg::Signal(signal));
        }
    })
}

/// The cache worker: answers reads and writes for `feed_id`, in order.
pub fn cache(
    store: Store,
    feed_id: i64,
    jobs: Receiver<Effect>,
    tx: Sender<Msg>,
    log: Log,
) -> std::io::Result<()> {
    spawn("cache", move || {
        for job in jobs {
            let action = match answer(&store, feed_id, job) {
                Ok(Some(action)) => action,
                Ok(None) => continue,
                Err(e) => {
                    log.line(&format!("cache: {e}"));
                    Action::StoreFailed(e.to_string())
                }
            };
            if tx.send(Msg::Action(action)).is_err() {
                return;
            }
        }
    })
}

fn answer(store: &Store, feed_id: i64, job: Effect) -> Result<Option<Action>, StoreError> {
    Ok(Some(match job {
        Effect::LoadHeadlines { seq, offset, limit } => {
            let counts = store.counts(feed_id)?;
            let rows = store.headlines(feed_id, offset, limit)?;
            Action::HeadlinesLoaded(HeadlineWindow {
                seq,
                offset,
                rows,
                counts,
            })
        }
        Effect::Locate { article_id } => Action::Located {
            article_id,
            position: store.position_of(feed_id, article_id)?,
            counts: store.counts(feed_id)?,
        },
        Effect::LoadArticle { id } => Action::ArticleLoaded {
            id,
            article: store.article(id)?.map(Box::new),
        },
        Effect::SetRead { id, read } => {
            store.set_read(id, read)?;
            return Ok(None);
        }
        _ => return Ok(None),
    }))
}

/// What a refresh needs; cloned into its thread.
#[derive(Clone)]
pub struct RefreshJob {
    pub settings: Arc<Settings>,
    pub log: Log,
}

/// Runs one refresh in its own thread with its own `Store`.
pub fn refresh(job: RefreshJob, tx: Sender<Msg>) -> std::io::Result<()> {
    spawn("refresh", move || {
        let _ = tx.send(Msg::Action(Action::RefreshStarted));
        let result = run_refresh(&job);
        let now = Utc::now();
        let action = match result {
            Ok(report) => {
                job.log.line(&format!(
                    "refresh: {} new, {} updated, {} total",
                    report.stats.new, report.stats.updated, report.stats.total
                ));
                Action::RefreshFinished {
                    now,
                    new: report.stats.new,
                    feed_title: report.feed_title,
                }
            }
            Err(error) => {
                job.log.line(&format!("refresh failed: {error}"));
                Action::RefreshFailed { now, error }
            }
        };
        let _ = tx.send(Msg::Action(action));
    })
}

fn run_refresh(job: &RefreshJob) -> Result<crate::refresh::RefreshReport, String> {
    let settings = &job.settings;
    let _lock = crate::refresh::lock(&settings.data_dir).map_err(|e| e.to_string())?;
    let mut store = Store::open(&settings.cache_path()).map_err(|e| e.to_string())?;
    let fetcher = Fetcher::new(settings.fetch.clone()).map_err(|e| e.to_string())?;
    crate::refresh::refresh(&mut store, &fetcher, &settings.source, Utc::now())
        .map_err(|e| e.to_string())
}
