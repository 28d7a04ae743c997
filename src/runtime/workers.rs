//! The refresh worker: each refresh runs in its own thread with its own `Store` on the same
//! file and reports on the loop's channel. Makes no product decisions.

use std::sync::Arc;
use std::sync::mpsc::Sender;

use chrono::Utc;

use super::Msg;
use super::log::Log;
use crate::action::Action;
use crate::config::Settings;
use crate::feed::fetch::Fetcher;
use crate::store::Store;

/// What a refresh needs; cloned into its thread.
#[derive(Clone)]
pub struct RefreshJob {
    pub settings: Arc<Settings>,
    pub log: Log,
}

/// Runs one refresh in its own thread with its own `Store`.
pub fn refresh(job: RefreshJob, tx: Sender<Msg>) -> std::io::Result<()> {
    let body = move || {
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
    };
    std::thread::Builder::new()
        .name("refresh".into())
        .spawn(body)
        .map(|_| ())
}

fn run_refresh(job: &RefreshJob) -> Result<crate::refresh::RefreshReport, String> {
    let settings = &job.settings;
    let _lock = crate::refresh::lock(&settings.data_dir).map_err(|e| e.to_string())?;
    let mut store = Store::open(&settings.cache_path()).map_err(|e| e.to_string())?;
    let fetcher = Fetcher::new(settings.fetch.clone()).map_err(|e| e.to_string())?;
    crate::refresh::refresh(&mut store, &fetcher, &settings.source, Utc::now())
        .map_err(|e| e.to_string())
}
