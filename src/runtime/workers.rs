//! The refresh worker: each batch runs in its own thread through `refresh_pool` (at most 2
//! requests per host, 8 in all, each worker with its own `Store` on the same file) and
//! reports each feed on the loop's channel as it is done. Makes no product decisions.

use std::sync::Arc;
use std::sync::mpsc::{self, Sender};

use chrono::Utc;

use super::Msg;
use super::log::Log;
use crate::action::{Action, FeedRefreshed};
use crate::config::Settings;
use crate::refresh_pool::{Done, Job, Pool, Ran};

/// What a refresh needs; cloned into its thread.
#[derive(Clone)]
pub struct RefreshJob {
    pub settings: Arc<Settings>,
    /// The run's feeds (cache ids), index-aligned with `settings.feeds`.
    pub feed_ids: Arc<Vec<i64>>,
    pub log: Log,
}

/// Refreshes the feeds `ids` in their own thread.
pub fn refresh(job: RefreshJob, ids: Vec<i64>, tx: Sender<Msg>) -> std::io::Result<()> {
    let body = move || {
        let jobs: Vec<Job> = ids
            .iter()
            .filter_map(|id| {
                let at = job.feed_ids.iter().position(|f| f == id)?;
                let spec = job.settings.feeds.get(at)?.clone();
                Some(Job { id: *id, spec })
            })
            .collect();
        let pool = Pool {
            cache: job.settings.cache_path(),
            fetch: job.settings.fetch.clone(),
            now: Utc::now,
        };
        let (done_tx, done_rx) = mpsc::channel();
        let forward = {
            let (tx, log) = (tx.clone(), job.log.clone());
            std::thread::spawn(move || {
                for done in done_rx {
                    let _ = tx.send(Msg::Action(action(&log, done)));
                }
            })
        };
        if let Err(error) = pool.run(jobs, &done_tx) {
            job.log.line(&format!("refresh failed: {error}"));
            let failed = Action::RefreshFailed {
                now: Utc::now(),
                error: error.to_string(),
            };
            let _ = tx.send(Msg::Action(failed));
        }
        drop(done_tx);
        let _ = forward.join();
    };
    std::thread::Builder::new()
        .name("refresh".into())
        .spawn(body)
        .map(|_| ())
}

/// One feed's result for the app (and a log line).
fn action(log: &Log, done: Done) -> Action {
    let mut out = FeedRefreshed {
        feed_id: done.id,
        now: Utc::now(),
        new: 0,
        title: None,
        error: None,
        held: None,
        state: done.state,
    };
    match done.ran {
        Ran::Held(wait) => {
            log.line(&format!("refresh {}: held for {wait:?}", done.url));
            out.held = Some(wait);
        }
        Ran::Fetched(Ok(report)) => {
            let s = report.stats;
            log.line(&format!(
                "refresh {}: {} new, {} updated, {} total",
                done.url, s.new, s.updated, s.total
            ));
            out.new = s.new;
            out.title = report.feed_title;
        }
        Ran::Fetched(Err(error)) => {
            log.line(&format!("refresh {} failed: {error}", done.url));
            out.error = Some(error.to_string());
        }
    }
    Action::FeedRefreshed(Box::new(out))
}
