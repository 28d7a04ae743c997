//! Feed records: one row per source the user asked for, with the HTTP validators and the
//! hash of the last parsed body. Must not touch articles.

use rusqlite::{Connection, TransactionBehavior, params};

use super::FeedRecord;

const COLUMNS: &str = "id, source, feed_url, title, etag, last_modified, body_hash";

/// Gets or creates the record for `source`.
pub(super) fn get_or_create(conn: &mut Connection, source: &str) -> rusqlite::Result<FeedRecord> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    tx.prepare_cached("INSERT OR IGNORE INTO feeds (source) VALUES (?1)")?
        .execute([source])?;
    let record = tx
        .prepare_cached(&format!("SELECT {COLUMNS} FROM feeds WHERE source = ?1"))?
        .query_row([source], |r| {
            Ok(FeedRecord {
                id: r.get(0)?,
                source: r.get(1)?,
                feed_url: r.get(2)?,
                title: r.get(3)?,
                etag: r.get(4)?,
                last_modified: r.get(5)?,
                body_hash: r
                    .get::<_, Option<i64>>(6)?
                    .map(|h| u64::from_ne_bytes(h.to_ne_bytes())),
            })
        })?;
    tx.commit()?;
    Ok(record)
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
