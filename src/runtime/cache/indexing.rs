//! The cache worker's queue and its background work: the next job (what was read ahead first),
//! dropping a headline window that a newer one already replaces (typing a search asks for one
//! per key), and indexing for search in small batches once no job has come for a moment. Must not decide
//! anything about the product: it only orders and skips the worker's own jobs.

use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use super::{Cache, Msg, READ_WAIT, RETRY, WRITE_WAIT};
use crate::action::{Action, StoreJob};

/// Articles indexed per transaction: small, so a key press waits at most one batch.
const BATCH: usize = 64;
/// Indexing waits until no job has come for this long (the reader's requests go first).
const IDLE: Duration = Duration::from_millis(150);

impl Cache {
    /// The next job: one read ahead, else from the channel, waiting no longer than kept
    /// writes or the indexer allow. `Ok(None)`: nothing came in time; `Err`: the channel closed.
    pub(super) fn next_job(&mut self, jobs: &Receiver<StoreJob>) -> Result<Option<StoreJob>, ()> {
        if let Some(job) = self.backlog.pop_front() {
            return Ok(Some(job));
        }
        let now = Instant::now();
        let retry = self.kept_any().then_some(self.next_retry);
        let index = self.indexing.then_some(self.index_at);
        let wait = match (retry, index) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        let job = match wait {
            None => jobs.recv().map(Some).map_err(|_| ()),
            Some(at) => match jobs.recv_timeout(at.saturating_duration_since(now)) {
                Ok(job) => Ok(Some(job)),
                Err(RecvTimeoutError::Timeout) => Ok(None),
                Err(RecvTimeoutError::Disconnected) => Err(()),
            },
        };
        if let Ok(Some(_)) = job {
            self.job_came();
        }
        job
    }

    /// True when a newer headline window is already queued (this one would be dropped by
    /// the app anyway). Reads what is waiting into the backlog.
    pub(super) fn superseded(&mut self, jobs: &Receiver<StoreJob>) -> bool {
        while let Ok(job) = jobs.try_recv() {
            self.backlog.push_back(job);
        }
        self.backlog
            .iter()
            .any(|j| matches!(j, StoreJob::LoadHeadlines { .. }))
    }

    /// One batch of indexing, when it is due and no job waits; says when it is all done.
    pub(super) fn index_some(&mut self) {
        if !self.indexing || !self.backlog.is_empty() || Instant::now() < self.index_at {
            return;
        }
        let _ = self.store.set_busy_timeout(WRITE_WAIT);
        let done = self.store.index_pending(BATCH);
        let _ = self.store.set_busy_timeout(READ_WAIT);
        match done {
            Ok(0) => {
                self.indexing = false;
                let _ = self.tx.send(Msg::Action(Action::SearchIndexed));
            }
            Ok(_) => {}
            // A refresh holds the lock: later.
            Err(e) if e.is_busy() => self.index_at = Instant::now() + RETRY,
            Err(e) => {
                self.indexing = false;
                self.log.line(&format!("cache: search index: {e}"));
            }
        }
    }

    /// `StoreJob::IndexSearch`: start (or go on) indexing, once the reader is idle.
    pub(super) fn start_indexing(&mut self) {
        self.indexing = true;
        self.index_at = Instant::now() + IDLE;
    }

    /// A job came: indexing waits for the reader to be idle again.
    pub(super) fn job_came(&mut self) {
        self.index_at = self.index_at.max(Instant::now() + IDLE);
    }
}
