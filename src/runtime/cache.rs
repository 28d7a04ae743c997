//! The cache worker: owns a `Store` and answers `StoreJob`s in order. Writes never wait long
//! and are never dropped for a busy database: a write that finds the file locked (a refresh is
//! writing) is kept and retried, the reads behind it are answered at once, and what they return
//! already shows the kept writes (see `kept`: read marks, a whole list's mark-all and its undo,
//! stars). Between jobs it indexes for search (see `indexing`). On the way out it keeps trying
//! for a while before giving up.
//! Pages to store are kept and retried the same way (see `pages`).

use std::sync::mpsc::{Receiver, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use std::collections::{HashMap, VecDeque};

use super::Msg;
use super::log::Log;
use crate::action::{Action, HeadlineWindow, StoreJob};
use crate::model::{Counts, ListQuery, Scope};
use crate::store::{Store, StoreError};

/// How long a write waits for the lock before it is kept for later.
const WRITE_WAIT: Duration = Duration::from_millis(25);
/// How long a read may wait for the lock (WAL readers rarely have to).
const READ_WAIT: Duration = Duration::from_secs(5);
/// How often kept writes are tried again.
const RETRY: Duration = Duration::from_millis(200);
/// How long kept writes are tried after the reader has quit.
pub const EXIT_PATIENCE: Duration = Duration::from_secs(15);

mod indexing;
mod kept;

use kept::Pending;
mod pages;

struct Cache {
    store: Store,
    /// The run's feeds, in the list's order.
    feed_ids: Vec<i64>,
    pending: Vec<Pending>,
    /// Stars not yet in the file (article, starred), in order.
    stars: Vec<(i64, bool)>,
    /// Pages not yet in the file (article id, page).
    pages: Vec<(i64, crate::model::StoredPage)>,
    next_retry: Instant,
    /// Jobs read ahead (to see whether a headline window is already out of date).
    backlog: VecDeque<StoreJob>,
    /// Articles are being indexed for search, a batch whenever no job waits (from `index_at`).
    indexing: bool,
    index_at: Instant,
    tx: Sender<Msg>,
    log: Log,
}

/// Starts the worker; it ends when `jobs` closes and the kept writes are written (or given up).
pub fn spawn(
    store: Store,
    feed_ids: Vec<i64>,
    jobs: Receiver<StoreJob>,
    tx: Sender<Msg>,
    log: Log,
) -> std::io::Result<JoinHandle<()>> {
    let cache = Cache {
        store,
        feed_ids,
        pending: Vec::new(),
        stars: Vec::new(),
        pages: Vec::new(),
        next_retry: Instant::now(),
        backlog: VecDeque::new(),
        indexing: false,
        index_at: Instant::now(),
        tx,
        log,
    };
    std::thread::Builder::new()
        .name("cache".into())
        .spawn(move || cache.serve(&jobs))
}

impl Cache {
    fn serve(mut self, jobs: &Receiver<StoreJob>) {
        loop {
            match self.next_job(jobs) {
                Ok(Some(StoreJob::IndexSearch)) => self.start_indexing(),
                Ok(Some(StoreJob::SavePage { id, page })) => {
                    self.keep_page(id, *page);
                    self.flush();
                    // The page's text goes into the search index too.
                    self.start_indexing();
                }
                // A newer window is queued: this one would be dropped by the app anyway.
                Ok(Some(StoreJob::LoadHeadlines { .. })) if self.superseded(jobs) => {}
                Ok(Some(job)) => {
                    if !self.handle(job) {
                        break;
                    }
                }
                Ok(None) => {}
                Err(()) => break,
            }
            if self.kept_any() && Instant::now() >= self.next_retry {
                self.flush();
            }
            self.index_some();
        }
        self.flush_before_exit(EXIT_PATIENCE);
    }

    /// Answers one job; false when nobody listens any more.
    fn handle(&mut self, job: StoreJob) -> bool {
        let answer = match job {
            StoreJob::IndexSearch | StoreJob::SavePage { .. } => return true,
            job @ StoreJob::PagesWanted { .. } => self.pages_wanted(job),
            StoreJob::SetRead { id, read } => {
                self.keep(id, read);
                self.flush();
                self.feeds()
            }
            StoreJob::LoadHeadlines {
                seq,
                query,
                offset,
                limit,
            } => self.headlines(seq, &query, offset, limit),
            StoreJob::Locate { query, article_id } => self.locate(query, article_id),
            StoreJob::LoadArticle { id } => self.article(id),
            StoreJob::LoadFeeds => self.feeds(),
            StoreJob::SetStarred { id, starred } => self.star(id, starred),
            StoreJob::MarkAllRead { query } => self.mark_all(query),
            StoreJob::SetReadMany { ids, read } => self.set_many(&ids, read),
            StoreJob::NextUnread {
                query,
                article_id,
                forward,
                open,
            } => (self.store.next_unread(&query, article_id, forward))
                .map(|found| Action::UnreadFound { query, found, open }),
        };
        self.answer(answer)
    }

    /// Sends a job's answer (or its error); false when nobody listens any more.
    fn answer(&self, answer: Result<Action, StoreError>) -> bool {
        let action = answer.unwrap_or_else(|e| {
            self.log.line(&format!("cache: {e}"));
            Action::StoreFailed(e.to_string())
        });
        self.tx.send(Msg::Action(action)).is_ok()
    }

    fn headlines(
        &self,
        seq: u64,
        query: &ListQuery,
        offset: usize,
        limit: usize,
    ) -> Result<Action, StoreError> {
        let counts = self.counts(query)?;
        let mut rows = self.store.headlines(query, offset, limit)?;
        for row in &mut rows {
            if let Some(p) = self.pending.iter().find(|p| p.id == row.id) {
                row.read = p.read;
            }
            if let Some(starred) = self.star_of(row.id) {
                row.starred = starred;
            }
        }
        Ok(Action::HeadlinesLoaded(HeadlineWindow {
            seq,
            offset,
            rows,
            counts,
        }))
    }

    fn locate(&self, query: ListQuery, article_id: i64) -> Result<Action, StoreError> {
        Ok(Action::Located {
            position: self.store.position_of(&query, article_id)?,
            counts: self.counts(&query)?,
            query,
            article_id,
        })
    }

    /// The listed feeds and every list's counts, corrected by the writes still kept.
    fn feeds(&self) -> Result<Action, StoreError> {
        // The list's feeds in one query; a one-off source is not listed: asked for by id.
        let mut feeds = self.store.listed_feeds()?;
        if feeds.iter().map(|f| f.id).ne(self.feed_ids.iter().copied()) {
            feeds.clear();
            for &id in &self.feed_ids {
                feeds.extend(self.store.feed_summary(id)?);
            }
        }
        let mut counts: HashMap<Scope, Counts> = self.store.scope_counts()?;
        for p in &self.pending {
            for scope in &p.scopes {
                if let Some(c) = counts.get_mut(scope) {
                    p.correct(c);
                }
            }
        }
        for feed in &mut feeds {
            if let Some(c) = counts.get(&Scope::Feed(feed.id)) {
                feed.counts = *c;
            }
        }
        Ok(Action::FeedsLoaded { feeds, counts })
    }

    /// The stored counts, corrected by the writes still kept.
    fn counts(&self, query: &ListQuery) -> Result<Counts, StoreError> {
        let mut counts = self.store.counts(query)?;
        for p in self.pending.iter().filter(|p| self.counts_in(p, query)) {
            p.correct(&mut counts);
        }
        Ok(counts)
    }
}
