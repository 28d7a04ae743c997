//! The cache worker's kept writes: read marks (one article, many, a whole list's mark-all and
//! its undo) and stars that found the file locked (a refresh is writing) wait here, in order,
//! and are tried again; the worker's reads show them meanwhile (`Pending::correct`, and the
//! rows' and articles' flags). Must not decide anything about the product: it writes what the
//! app asked, later.

use std::time::{Duration, Instant};

use super::{Cache, READ_WAIT, RETRY, WRITE_WAIT};
use crate::action::Action;
use crate::model::{Counts, ListQuery, Scope};
use crate::store::{Store, StoreError};

/// Read marks written in one transaction when they are tried again.
const BATCH: usize = 500;

/// A read mark not yet in the file: what it should be and what the file said before.
#[derive(Debug, Clone)]
pub(super) struct Pending {
    pub(super) id: i64,
    pub(super) read: bool,
    was: Option<bool>,
    /// The lists the article is in (whose counts the mark changes).
    pub(super) scopes: Vec<Scope>,
}

impl Pending {
    /// How the mark changes an unread count of a list it is in.
    pub(super) fn correct(&self, counts: &mut Counts) {
        match (self.was, self.read) {
            (Some(true), false) => counts.unread += 1,
            (Some(false), true) => counts.unread = counts.unread.saturating_sub(1),
            (Some(true), true) | (Some(false), false) | (None, _) => {}
        }
    }
}

impl Cache {
    /// True while any write waits for the lock.
    pub(super) fn kept_any(&self) -> bool {
        !self.pending.is_empty() || !self.stars.is_empty() || !self.pages.is_empty()
    }

    /// Runs a write that waits for the lock only briefly.
    fn writing<T>(
        &mut self,
        write: impl FnOnce(&mut Store) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let _ = self.store.set_busy_timeout(WRITE_WAIT);
        let done = write(&mut self.store);
        let _ = self.store.set_busy_timeout(READ_WAIT);
        done
    }

    /// Keeps a read mark (a later one for the same article replaces it).
    pub(super) fn keep(&mut self, id: i64, read: bool) {
        if let Some(p) = self.pending.iter_mut().find(|p| p.id == id) {
            p.read = read;
            return;
        }
        let was = self.store.read_state(id).ok().flatten();
        let scopes = self.store.scopes_of(id).unwrap_or_default();
        self.pending.push(Pending {
            id,
            read,
            was,
            scopes,
        });
    }

    /// `A`: the list's unread articles read, now or (the file locked) kept; answers with
    /// exactly the articles it marks, for the undo.
    pub(super) fn mark_all(&mut self, query: ListQuery) -> Result<Action, StoreError> {
        self.flush();
        if self.pending.is_empty() {
            match self.writing(|s| s.mark_all_read(&query)) {
                Ok(ids) => return Ok(Action::MarkedAllRead { query, ids }),
                Err(e) if !e.is_busy() => return Err(e),
                Err(_) => {}
            }
        }
        let mut ids = self.store.unread_ids(&query)?;
        ids.retain(|id| !self.pending.iter().any(|p| p.id == *id && p.read));
        if !query.starred && query.search.is_none() {
            // Marked unread but not written yet: unread all the same.
            let unread = (self.pending.iter())
                .filter(|p| !p.read && p.scopes.contains(&query.scope))
                .map(|p| p.id)
                .filter(|id| !ids.contains(id));
            ids.extend(unread.collect::<Vec<_>>());
        }
        for &id in &ids {
            self.keep(id, true);
        }
        Ok(Action::MarkedAllRead { query, ids })
    }

    /// `U` (and any mark of many): now, or kept behind the marks already kept.
    pub(super) fn set_many(&mut self, ids: &[i64], read: bool) -> Result<Action, StoreError> {
        self.flush();
        if self.pending.is_empty() {
            match self.writing(|s| s.set_read_many(ids, read)) {
                Ok(()) => return Ok(Action::MarksSaved),
                Err(e) if !e.is_busy() => return Err(e),
                Err(_) => {}
            }
        }
        for &id in ids {
            self.keep(id, read);
        }
        Ok(Action::MarksSaved)
    }

    /// `s`: now, or kept (a later star of the same article replaces it).
    pub(super) fn star(&mut self, id: i64, starred: bool) -> Result<Action, StoreError> {
        if self.stars.is_empty() {
            match self.writing(|s| s.set_starred(id, starred)) {
                Ok(()) => return Ok(Action::MarksSaved),
                Err(e) if !e.is_busy() => return Err(e),
                Err(_) => {}
            }
        }
        self.stars.retain(|&(kept, _)| kept != id);
        self.stars.push((id, starred));
        Ok(Action::MarksSaved)
    }

    /// The star an article will have once the kept stars are written.
    pub(super) fn star_of(&self, id: i64) -> Option<bool> {
        (self.stars.iter().rev())
            .find(|&&(kept, _)| kept == id)
            .map(|&(_, s)| s)
    }

    /// Writes the kept marks in order (a run of equal read marks in one transaction), then
    /// the stars; stops at the first write that finds the file busy.
    pub(super) fn flush(&mut self) {
        let _ = self.store.set_busy_timeout(WRITE_WAIT);
        let mut busy = false;
        while let Some(read) = self.pending.first().map(|p| p.read) {
            let run = (self.pending.iter().take(BATCH))
                .take_while(|p| p.read == read)
                .count();
            let ids: Vec<i64> = self.pending[..run].iter().map(|p| p.id).collect();
            match self.store.set_read_many(&ids, read) {
                Ok(()) => {}
                Err(e) if e.is_busy() => {
                    busy = true;
                    break;
                }
                Err(e) => self.lost(&format!("{} read marks", ids.len()), &e),
            }
            self.pending.drain(..run);
        }
        while let Some(&(id, starred)) = self.stars.first().filter(|_| !busy) {
            match self.store.set_starred(id, starred) {
                Ok(()) => {}
                Err(e) if e.is_busy() => break,
                Err(e) => self.lost(&format!("the star of {id}"), &e),
            }
            self.stars.remove(0);
        }
        if self.pending.is_empty() && self.stars.is_empty() {
            self.flush_pages();
        }
        let _ = self.store.set_busy_timeout(READ_WAIT);
        self.next_retry = Instant::now() + RETRY;
    }

    fn lost(&self, what: &str, e: &StoreError) {
        self.log.line(&format!("cache: {what} lost: {e}"));
        let _ = self
            .tx
            .send(super::Msg::Action(Action::StoreFailed(e.to_string())));
    }

    /// After the reader has quit: a refresh may still hold the lock for a few seconds.
    pub(super) fn flush_before_exit(&mut self, patience: Duration) {
        let deadline = Instant::now() + patience;
        while self.kept_any() && Instant::now() < deadline {
            self.flush();
            if self.kept_any() {
                std::thread::sleep(RETRY);
            }
        }
        for p in &self.pending {
            self.log
                .line(&format!("cache: read mark of {} not written (busy)", p.id));
        }
        for (id, _) in &self.stars {
            self.log
                .line(&format!("cache: star of {id} not written (busy)"));
        }
        for (id, _) in &self.pages {
            self.log
                .line(&format!("cache: page of {id} not written (busy)"));
        }
    }
}
