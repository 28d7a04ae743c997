//! The bulk upsert of parsed items: one transaction for a whole refresh, fed in chunks, so a
//! big feed never has to be held in memory at once and an error anywhere leaves the cache as it
//! was. An item is matched by its key within the feed, else by its link key to an article
//! another feed already has (it then joins that article: one article per page, one read state).
//! Works on a connection handed in by `Store`; must not open files or change the schema.

use std::collections::HashMap;
use std::path::Path;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};

use super::codec::{self, Prepared};
use super::{FeedRecord, StoreError, UpsertStats, bulk, feeds, lists, retention};
use crate::config::Retention;
use crate::model::{Item, ListQuery, Scope};
use crate::text::link_key;

const KNOWN: &str = "SELECT key, article_id, content_hash FROM memberships WHERE feed_id = ?1";
/// The sort time is the feed's date, or the time first seen when the feed gave none or gave
/// one more than a day after that ([`crate::model::FUTURE_SLACK_SECS`]: the feed's date is
/// kept, but not trusted).
const INSERT: &str = "INSERT OR IGNORE INTO articles (feed_id, key, sort_time, content_hash,
    published, first_seen, title, link, author, category, lead, body)
    VALUES (?1, ?2, CASE WHEN ?4 <= ?5 + 86400 THEN ?4 ELSE ?5 END, ?3, ?4, ?5, ?6, ?7, ?8, ?9,
            ?10, ?11)";
/// This feed's row was written before XXH3 and its content is unchanged: only the hash is new.
const LEGACY: &str = "UPDATE memberships SET content_hash = ?3 WHERE feed_id = ?1 AND key = ?2";
/// `read` and `first_seen` are never touched by an update.
const UPDATE: &str = "UPDATE articles SET
    sort_time = CASE WHEN ?3 <= first_seen + 86400 THEN ?3 ELSE first_seen END, content_hash = ?2,
    published = ?3, title = ?4, link = ?5, author = ?6, category = ?7, lead = ?8, body = ?9
    WHERE id = ?1";
/// OR FAIL, not the default ABORT: the same error on a conflict (checked before anything is
/// written; an error rolls the whole upsert back), but SQLite then needs no statement journal,
/// which copied every page the insert and its trigger touched (−1 % instructions at 10k).
const JOIN: &str = "INSERT OR FAIL INTO memberships (feed_id, key, article_id, content_hash)
    VALUES (?1, ?2, ?3, ?4)";
const REHASH: &str = "UPDATE memberships SET content_hash = ?3 WHERE feed_id = ?1 AND key = ?2";
/// An article of another feed with this link key, that this feed does not have yet.
const SHARED: &str = "SELECT l.article_id FROM links l WHERE l.link_key = ?1
    AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.article_id = l.article_id
                    AND m.feed_id = ?2)";

/// Whether any feed but this one has an article (two seeks on the key; nothing this upsert
/// writes changes the answer, and its transaction keeps other writers out).
const OTHERS: &str = "SELECT EXISTS (SELECT 1 FROM memberships WHERE feed_id < ?1)
    OR EXISTS (SELECT 1 FROM memberships WHERE feed_id > ?1)";

/// An open bulk upsert (see the module doc). Dropping it without [`Upsert::commit`] rolls
/// everything back.
pub struct Upsert<'s> {
    tx: Transaction<'s>,
    path: &'s Path,
    feed_id: i64,
    now: i64,
    /// Key → (article id, this feed's content hash) of the feed's items, read once.
    known: HashMap<String, (i64, i64)>,
    stats: UpsertStats,
    /// Items in this body (what retention must never take away).
    items: usize,
    /// The feed's first import: its lists are filled at the commit from these notes (see `bulk`).
    bulk: Option<bulk::Rows>,
    /// Whether another feed has any article: if not, no link can match another feed's.
    others: bool,
}

impl<'s> Upsert<'s> {
    pub(super) fn begin(
        conn: &'s mut Connection,
        path: &'s Path,
        feed_id: i64,
        now: DateTime<Utc>,
    ) -> Result<Upsert<'s>, StoreError> {
        let err = |e| StoreError::sqlite(path, e);
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        let known = known_rows(&tx, feed_id).map_err(err)?;
        let bulk = known.is_empty().then(bulk::Rows::new);
        let others = tx.query_row(OTHERS, [feed_id], |r| r.get(0)).map_err(err)?;
        if bulk.is_some() {
            bulk::begin(&tx, feed_id).map_err(err)?;
        }
        Ok(Upsert {
            tx,
            path,
            feed_id,
            now: now.timestamp(),
            known,
            stats: UpsertStats::default(),
            items: 0,
            bulk,
            others,
        })
    }

    /// Inserts new items and rewrites changed ones (by key); unchanged ones are not touched.
    /// A key repeated within one upsert updates the row its first occurrence wrote.
    pub fn add(&mut self, items: &[Item]) -> Result<(), StoreError> {
        self.add_prepared(&codec::prepare(items.to_vec()))
    }

    /// [`Upsert::add`] of items already prepared (on another thread) with [`codec::prepare`].
    pub fn add_prepared(&mut self, items: &[Prepared]) -> Result<(), StoreError> {
        self.add_items(items)
            .map_err(|e| StoreError::sqlite(self.path, e))
    }

    /// Saves a feed record's fields inside the same transaction.
    pub fn save_feed(&mut self, feed: &FeedRecord) -> Result<(), StoreError> {
        match feeds::save(&self.tx, feed) {
            Ok(true) => Ok(()),
            Ok(false) => Err(StoreError::NoFeed {
                path: self.path.display().to_string(),
                id: feed.id,
            }),
            Err(e) => Err(StoreError::sqlite(self.path, e)),
        }
    }

    /// Commits, keeping everything; `total` is the feed's article count afterwards.
    pub fn commit(self) -> Result<UpsertStats, StoreError> {
        self.commit_keeping(Retention::default())
    }

    /// Commits after letting go of what `retention` does not keep (never the items of this
    /// body, never a starred article, never one another feed still keeps).
    pub fn commit_keeping(self, retention: Retention) -> Result<UpsertStats, StoreError> {
        let err = |e| StoreError::sqlite(self.path, e);
        let mut stats = self.stats;
        if let Some(rows) = self.bulk {
            bulk::finish(&self.tx, self.feed_id, rows).map_err(err)?;
        }
        self.tx
            .execute(
                "UPDATE feeds SET body_items = ?2 WHERE id = ?1 AND body_items != ?2",
                params![self.feed_id, self.items as i64],
            )
            .map_err(err)?;
        stats.removed =
            retention::apply(&self.tx, self.feed_id, retention, self.now).map_err(err)?;
        let query = ListQuery::new(Scope::Feed(self.feed_id));
        stats.total = lists::counts(&self.tx, &query).map_err(err)?.total;
        self.tx.commit().map_err(err)?;
        Ok(stats)
    }

    fn add_items(&mut self, items: &[Prepared]) -> rusqlite::Result<()> {
        for p in items {
            self.items += 1;
            let (item, hash) = (&p.item, p.hash);
            let (feed, key) = (self.feed_id, &item.key);
            let id = match self.known.get(key) {
                Some(&(_, old)) if old == hash => continue,
                Some(&(id, old)) if old == codec::legacy_content_hash(item) => {
                    self.spoil_notes();
                    self.tx
                        .prepare_cached(LEGACY)?
                        .execute(params![feed, key, hash])?;
                    id
                }
                Some(&(id, _)) => {
                    self.spoil_notes();
                    self.update(id, p)?;
                    self.tx
                        .prepare_cached(REHASH)?
                        .execute(params![feed, key, hash])?;
                    id
                }
                None => {
                    let id = self.add_new(p)?;
                    self.tx
                        .prepare_cached(JOIN)?
                        .execute(params![feed, key, id, hash])?;
                    id
                }
            };
            self.known.insert(key.clone(), (id, hash));
        }
        Ok(())
    }

    /// An item this feed has not had: another feed's article with its link, or a new one.
    fn add_new(&mut self, p: &Prepared) -> rusqlite::Result<i64> {
        let link = p.item.link.as_deref().and_then(link_key);
        if let Some(key) = link.as_ref().filter(|_| self.others) {
            let shared = self
                .tx
                .prepare_cached(SHARED)?
                .query_row(params![key, self.feed_id], |r| r.get(0))
                .optional()?;
            if let Some(id) = shared {
                self.note_stored(id)?;
                return Ok(id);
            }
        }
        let id = self.insert(p)?;
        if let Some(key) = link {
            self.tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO links (link_key, article_id) VALUES (?1, ?2)",
                )?
                .execute(params![key, id])?;
        }
        Ok(id)
    }

    fn update(&mut self, id: i64, p: &Prepared) -> rusqlite::Result<()> {
        let i = &p.item;
        self.tx.prepare_cached(UPDATE)?.execute(params![
            id,
            p.hash,
            i.published.map(|t| t.timestamp()),
            i.title,
            i.link,
            i.author,
            i.category,
            p.lead,
            p.body
        ])?;
        self.stats.updated += 1;
        Ok(())
    }

    /// A new article homed in this feed. A row this feed once had under the same key (it
    /// left the feed since, while another feed kept it) is taken back and rewritten.
    fn insert(&mut self, p: &Prepared) -> rusqlite::Result<i64> {
        let i = &p.item;
        let added = self.tx.prepare_cached(INSERT)?.execute(params![
            self.feed_id,
            i.key,
            p.hash,
            i.published.map(|t| t.timestamp()),
            self.now,
            i.title,
            i.link,
            i.author,
            i.category,
            p.lead,
            p.body
        ])?;
        if added > 0 {
            self.stats.new += 1;
            let id = self.tx.last_insert_rowid();
            if let Some(rows) = &mut self.bulk {
                // The INSERT's own sort time, worked out the same way.
                let published = i.published.map(|t| t.timestamp());
                let sort_time = published.filter(|&t| t <= self.now + 86400);
                rows.note(sort_time.unwrap_or(self.now), id, false);
            }
            return Ok(id);
        }
        let id = self.tx.query_row(
            "SELECT id FROM articles WHERE feed_id = ?1 AND key = ?2",
            params![self.feed_id, i.key],
            |r| r.get(0),
        )?;
        self.update(id, p)?;
        self.note_stored(id)?;
        Ok(id)
    }

    /// In a first import, notes an article joined or rewritten as it now stands.
    fn note_stored(&mut self, id: i64) -> rusqlite::Result<()> {
        if let Some(rows) = &mut self.bulk {
            let (sort_time, read) = self.tx.query_row(
                "SELECT sort_time, read FROM articles WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get::<_, i64>(1)? != 0)),
            )?;
            rows.note(sort_time, id, read);
        }
        Ok(())
    }

    fn spoil_notes(&mut self) {
        if let Some(rows) = &mut self.bulk {
            rows.spoil();
        }
    }
}

fn known_rows(conn: &Connection, feed_id: i64) -> rusqlite::Result<HashMap<String, (i64, i64)>> {
    let mut stmt = conn.prepare_cached(KNOWN)?;
    let rows = stmt.query_map([feed_id], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?;
    rows.collect()
}
