//! Carrying out what `update` returns: cache jobs to the cache worker, a refresh thread, page
//! fetches to the page workers, the browser, the clipboard (OSC 52) and saving an article (on a thread of its own);
//! `Effect::Quit` ends the loop. Makes no product decisions.

use std::path::PathBuf;
use std::sync::mpsc::Sender;

use chrono::Utc;

use super::Msg;
use super::clipboard::{self, Clipboard};
use super::log::Log;
use super::opener::{self, Browser};
use super::pages::Pages;
use super::workers::{self, RefreshJob};
use crate::action::{Action, Effect, SaveRequest, StoreJob};
use crate::app::{App, update};

/// Where effects go.
pub(super) struct Context {
    /// `None` once the run is over (the cache worker then finishes).
    pub jobs: Option<Sender<StoreJob>>,
    pub tx: Sender<Msg>,
    pub refresh: RefreshJob,
    pub pages: Pages,
    pub browser: Browser,
    pub clipboard: Clipboard,
    pub save_dir: Option<PathBuf>,
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
                Effect::Copy(text) => {
                    if let Err(e) = self.clipboard.copy(&text) {
                        self.log.line(&format!("copy: {e}"));
                    }
                }
                Effect::Save(request) => self.save(request),
                Effect::FetchPage(request) => self.pages.fetch(request),
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

    /// Writes the article's file on a thread of its own; the answer names the file.
    fn save(&self, request: SaveRequest) {
        let dir = self.save_dir.clone().or_else(clipboard::download_dir);
        let tx = self.tx.clone();
        let log = self.log.clone();
        let body = move || {
            let result = match dir {
                Some(dir) => clipboard::save(&dir, &request.title, &request.text),
                None => Err(std::io::Error::other("no home directory")),
            };
            let action = match result {
                Ok(path) => Action::Saved(path.display().to_string()),
                Err(e) => {
                    log.line(&format!("save: {e}"));
                    Action::SaveFailed(e.to_string())
                }
            };
            let _ = tx.send(Msg::Action(action));
        };
        if std::thread::Builder::new()
            .name("save".into())
            .spawn(body)
            .is_err()
        {
            let _ = self
                .tx
                .send(Msg::Action(Action::SaveFailed("no thread".into())));
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
