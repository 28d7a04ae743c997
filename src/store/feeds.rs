//! Feed records: one row per source, with the HTTP validators, the hash of the last parsed
//! body, the fetch state the timer needs, and the feed's own list. Must not touch articles.

use std::time::Duration;

use rusqlite::{Connection, OptionalExtension, Row, TransactionBehavior, params};

use super::FeedRecord;
use super::lists::{opt_text, text, to_count, to_time};
use crate::model::{Counts, FeedState, FeedSummary};

const COLUMNS: &str = "id, source, feed_url, title, etag, last_modified, body_hash";

/// Gets the record for `source`, creating it (and its list) when it is new. An existing
/// record is read without taking the write lock.
pub(super) fn get_or_create(conn: &mut Connection, source: &str) -> rusqlite::Result<FeedRecord> {
    if let Some(record) = find(conn, source)? {
        return Ok(record);
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let record = create(&tx, source)?;
    tx.commit()?;
    Ok(record)
}

/// Creates the record and its own list unless it exists; returns it. Inside a transaction.
pub(super) fn create(conn: &Connection, source: &str) -> rusqlite::Result<FeedRecord> {
    let added = conn
        .prepare_cached("INSERT OR IGNORE INTO feeds (source) VALUES (?1)")?
        .execute([source])?;
    if added > 0 {
        let id = conn.last_insert_rowid();
        conn.prepare_cached("INSERT OR IGNORE INTO lists (scope) VALUES ('feed:' || ?1)")?
            .execute([id])?;
        conn.prepare_cached(
            "INSERT OR IGNORE INTO feed_lists (feed_id, list_id)
             SELECT ?1, id FROM lists WHERE scope = 'feed:' || ?1",
        )?
        .execute([id])?;
    }
    find(conn, source)?.ok_or(rusqlite::Error::QueryReturnedNoRows)
}

fn find(conn: &Connection, source: &str) -> rusqlite::Result<Option<FeedRecord>> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM feeds WHERE source = ?1"))?
        .query_row([source], |r| {
            Ok(FeedRecord {
                id: r.get(0)?,
                source: text(r, 1)?,
                feed_url: opt_text(r, 2)?,
                title: opt_text(r, 3)?,
                etag: opt_text(r, 4)?,
                last_modified: opt_text(r, 5)?,
                body_hash: r
                    .get::<_, Option<i64>>(6)?
                    .map(|h| u64::from_ne_bytes(h.to_ne_bytes())),
            })
        })
        .optional()
}

/// Saves everything but the id and the source (the record's identity).
/// Returns false when no record has that id.
pub(super) fn save(conn: &Connection, feed: &FeedRecord) -> rusqlite::Result<bool> {
    let hash = feed.body_hash.map(|h| i64::from_ne_bytes(h.to_ne_bytes()));
    let changed = conn
        .prepare_cached(
            "UPDATE feeds SET feed_url = ?2, title = ?3, etag = ?4, last_modified = ?5,
             body_hash = ?6 WHERE id = ?1",
        )?
        .execute(params![
            feed.id,
            feed.feed_url,
            feed.title,
            feed.etag,
            feed.last_modified,
            hash
        ])?;
    Ok(changed > 0)
}

/// Saves the fetch state of a feed.
pub(super) fn save_state(conn: &Connection, id: i64, s: &FeedState) -> rusqlite::Result<bool> {
    let secs = |t: Option<chrono::DateTime<chrono::Utc>>| t.map(|t| t.timestamp());
    let wait = s
        .server_wait
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
    let changed = conn
        .prepare_cached(
            "UPDATE feeds SET last_attempt = ?2, last_success = ?3, last_error = ?4,
             failures = ?5, server_wait = ?6, retry_until = ?7 WHERE id = ?1",
        )?
        .execute(params![
            id,
            secs(s.last_attempt),
            secs(s.last_success),
            s.last_error,
            s.failures,
            wait,
            secs(s.retry_until)
        ])?;
    Ok(changed > 0)
}

const SUMMARY: &str = "SELECT f.id, f.source, f.feed_url, f.title, f.name, f.section,
    f.last_attempt, f.last_success, f.last_error, f.failures, f.server_wait, f.retry_until,
    l.total, l.unread
    FROM feeds f LEFT JOIN lists l ON l.scope = 'feed:' || f.id";

/// The listed feeds in the list's order.
pub(super) fn listed(conn: &Connection) -> rusqlite::Result<Vec<FeedSummary>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SUMMARY} WHERE f.listed = 1 ORDER BY f.position, f.id"
    ))?;
    let rows = stmt.query_map([], summary)?;
    rows.collect()
}

/// One feed by id, listed or not.
pub(super) fn summary_of(conn: &Connection, id: i64) -> rusqlite::Result<Option<FeedSummary>> {
    conn.prepare_cached(&format!("{SUMMARY} WHERE f.id = ?1"))?
        .query_row([id], summary)
        .optional()
}

fn summary(r: &Row<'_>) -> rusqlite::Result<FeedSummary> {
    let time = |i: usize| -> rusqlite::Result<_> { Ok(r.get::<_, Option<i64>>(i)?.map(to_time)) };
    Ok(FeedSummary {
        id: r.get(0)?,
        source: text(r, 1)?,
        feed_url: opt_text(r, 2)?,
        title: opt_text(r, 3)?,
        name: opt_text(r, 4)?,
        section: opt_text(r, 5)?,
        state: FeedState {
            last_attempt: time(6)?,
            last_success: time(7)?,
            last_error: opt_text(r, 8)?,
            failures: r.get::<_, i64>(9)?.clamp(0, i64::from(u32::MAX)) as u32,
            server_wait: r
                .get::<_, Option<i64>>(10)?
                .map(|s| Duration::from_secs(s.max(0).unsigned_abs())),
            retry_until: time(11)?,
        },
        counts: Counts {
            total: to_count(r.get::<_, Option<i64>>(12)?.unwrap_or(0)),
            unread: to_count(r.get::<_, Option<i64>>(13)?.unwrap_or(0)),
        },
    })
}
