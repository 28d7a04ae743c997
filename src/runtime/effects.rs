//! Carrying out what `update` returns: cache jobs to the cache worker, a refresh thread, the
//! browser; `Effect::Quit` ends the loop. Makes no product decisions.

use std::sync::mpsc::Sender;

use chrono::Utc;

use super::Msg;
use super::log::Log;
use super::opener::{self, Browser};
use super::workers::{self, RefreshJob};
use crate::action::{Action, Effect, StoreJob};
use crate::app::{App, update};

/// Where effects go.
pub(super) struct Context {
    /// `None` once the run is over (the cache worker then finishes).
    pub jobs: Option<Sender<StoreJob>>,
    pub tx: Sender<Msg>,
    pub refresh: RefreshJob,
    pub browser: Browser,
    pub log: Log,
}

impl Context {
    /// Runs `update` and carries out its effects; true when the app asked to quit.
    pub fn apply(&self, app: &mut App, action: Action) -> bool {
        let mut quit = false;
        for effect in update(app, action) {
            match effect {
                Effect::Store(job) => self.store(job),
                Effect::Refresh(ids) => self.refresh(ids),
                Effect::OpenUrl(url) => {
                    self.log.line(&format!("open {url}"));
                    opener::open(&self.browser, &url, &self.tx);
                }
                Effect::Quit => quit = true,
            }
        }
        quit
    }

    fn store(&self, job: StoreJob) {
        let sent = self
            .jobs
            .as_ref()
            .is_some_and(|jobs| jobs.send(job).is_ok());
        if !sent {
            let error = "the cache worker stopped".to_string();
            let _ = self.tx.send(Msg::Action(Action::StoreFailed(error)));
        }
    }

    fn refresh(&self, ids: Vec<i64>) {
        if let Err(e) = workers::refresh(self.refresh.clone(), ids, self.tx.clone()) {
            let action = Action::RefreshFailed {
                now: Utc::now(),
                error: e.to_string(),
            };
            let _ = self.tx.send(Msg::Action(action));
        }
    }
}
