//! The feed-list half of `Store`'s API: mirroring the configured list, the feeds with their
//! counts and fetch state, every list's counters, the lists an article is in, removing a feed,
//! retention over the whole cache and compacting the file. Queries live in `feeds`, `lists`,
//! `sync` and `retention`; this file only wraps them with the cache's errors.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, TransactionBehavior};

use super::{Listed, Store, StoreError, feeds, lists, retention, sync};
use crate::model::{Counts, FeedState, FeedSummary, Scope};

impl Store {
    /// Makes the cache's feed list `list` (order, names, sections, and so "All" and the
    /// sections' lists); returns the feeds' ids in order. Reads only when nothing changed.
    pub fn sync_list(&mut self, list: &[Listed]) -> Result<Vec<i64>, StoreError> {
        sync::sync(&mut self.conn, list).map_err(|e| self.err(e))
    }

    /// The listed feeds in the list's order, with their counts and fetch state.
    pub fn listed_feeds(&self) -> Result<Vec<FeedSummary>, StoreError> {
        feeds::listed(&self.conn).map_err(|e| self.err(e))
    }

    /// One feed by id, listed or not.
    pub fn feed_summary(&self, id: i64) -> Result<Option<FeedSummary>, StoreError> {
        feeds::summary_of(&self.conn, id).map_err(|e| self.err(e))
    }

    /// Saves what the timer needs to know about a feed's last fetch.
    pub fn save_state(&self, feed_id: i64, state: &FeedState) -> Result<(), StoreError> {
        match feeds::save_state(&self.conn, feed_id, state) {
            Ok(true) => Ok(()),
            Ok(false) => Err(StoreError::NoFeed {
                path: self.path.display().to_string(),
                id: feed_id,
            }),
            Err(e) => Err(self.err(e)),
        }
    }

    /// Every list's counters ("All", each section, each feed), from one small query.
    pub fn scope_counts(&self) -> Result<HashMap<Scope, Counts>, StoreError> {
        let rows = lists::all_counts(&self.conn).map_err(|e| self.err(e))?;
        Ok(rows
            .into_iter()
            .filter_map(|(scope, counts)| parse_scope(&scope).map(|s| (s, counts)))
            .collect())
    }

    /// The lists an article is in (to correct counts for read marks not yet written).
    pub fn scopes_of(&self, article_id: i64) -> Result<Vec<Scope>, StoreError> {
        let run = || -> rusqlite::Result<Vec<String>> {
            let mut stmt = self.conn.prepare_cached(
                "SELECT l.scope FROM list_items li JOIN lists l ON l.id = li.list_id
                 WHERE li.article_id = ?1",
            )?;
            let rows = stmt.query_map([article_id], |r| r.get(0))?;
            rows.collect()
        };
        let scopes = run().map_err(|e| self.err(e))?;
        Ok(scopes.iter().filter_map(|s| parse_scope(s)).collect())
    }

    /// Forgets a feed's articles that no other feed has and that are not starred (the feed
    /// itself stays, unlisted, so its read marks in shared articles stay). Returns how many.
    pub fn remove_feed(&mut self, source: &str) -> Result<usize, StoreError> {
        let run = |conn: &mut rusqlite::Connection| -> rusqlite::Result<usize> {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let id: Option<i64> = tx
                .query_row("SELECT id FROM feeds WHERE source = ?1", [source], |r| {
                    r.get(0)
                })
                .optional()?;
            let Some(id) = id else { return Ok(0) };
            let removed = tx.execute(
                "DELETE FROM articles WHERE starred = 0 AND id IN (
                    SELECT article_id FROM memberships WHERE feed_id = ?1)
                 AND NOT EXISTS (SELECT 1 FROM memberships m
                    WHERE m.article_id = articles.id AND m.feed_id != ?1)",
                [id],
            )?;
            tx.execute("DELETE FROM memberships WHERE feed_id = ?1", [id])?;
            tx.execute("UPDATE feeds SET listed = 0 WHERE id = ?1", [id])?;
            tx.commit()?;
            Ok(removed)
        };
        run(&mut self.conn).map_err(|e| self.err(e))
    }

    /// Applies every feed's retention (as last configured), then rebuilds the file without
    /// its free pages (`VACUUM`). Returns how many articles went.
    pub fn vacuum(&mut self, now: DateTime<Utc>) -> Result<usize, StoreError> {
        let run = |conn: &mut rusqlite::Connection| -> rusqlite::Result<usize> {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let removed = retention::apply_stored(&tx, now.timestamp())?;
            tx.commit()?;
            conn.execute_batch("VACUUM; PRAGMA wal_checkpoint(TRUNCATE);")?;
            Ok(removed)
        };
        run(&mut self.conn).map_err(|e| self.err(e))
    }
}

/// `all`, `feed:<id>`, `section:<name>` back into a scope.
fn parse_scope(text: &str) -> Option<Scope> {
    if text == "all" {
        return Some(Scope::All);
    }
    if let Some(id) = text.strip_prefix("feed:") {
        return id.parse().ok().map(Scope::Feed);
    }
    text.strip_prefix("section:")
        .map(|name| Scope::Section(name.to_string()))
}
