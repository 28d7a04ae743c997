//! Article rows: the headline/article queries (the upsert is in `upsert`).
//! Works on a connection handed in by `Store`; must not open files or change the schema.

use chrono::{DateTime, Utc};
use rusqlite::types::Type;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::codec;
use crate::model::Counts;
use crate::model::{Article, Headline};

const ARTICLE_COLUMNS: &str =
    "id, key, title, link, published, first_seen, author, category, lead, body, read";

/// A window of the headline list, newest first; reads the index and only the front of rows.
pub(super) fn headlines(
    conn: &Connection,
    feed_id: i64,
    offset: usize,
    limit: usize,
) -> rusqlite::Result<Vec<Headline>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, title, sort_time, published IS NOT NULL, read FROM articles
         WHERE feed_id = ?1 ORDER BY sort_time DESC, id DESC LIMIT ?2 OFFSET ?3",
    )?;
    let rows = stmt.query_map(params![feed_id, clamp(limit), clamp(offset)], |r| {
        Ok(Headline {
            id: r.get(0)?,
            title: r.get(1)?,
            time: to_time(r.get(2)?),
            dated: r.get(3)?,
            read: r.get(4)?,
        })
    })?;
    rows.collect()
}

pub(super) fn counts(conn: &Connection, feed_id: i64) -> rusqlite::Result<Counts> {
    let mut stmt = conn.prepare_cached("SELECT total, unread FROM feeds WHERE id = ?1")?;
    let counts = stmt.query_row([feed_id], |r| {
        Ok(Counts {
            total: to_count(r.get(0)?),
            unread: to_count(r.get(1)?),
        })
    });
    match counts {
        Err(rusqlite::Error::QueryReturnedNoRows) => Ok(Counts::default()),
        other => other,
    }
}

/// Counts the rows ahead of the article in the headline order: two index range counts
/// (one `OR` would make SQLite walk the feed's whole index range).
pub(super) fn position_of(
    conn: &Connection,
    feed_id: i64,
    article_id: i64,
) -> rusqlite::Result<Option<usize>> {
    let mut stmt = conn.prepare_cached(
        "SELECT (SELECT count(*) FROM articles b
                 WHERE b.feed_id = a.feed_id AND b.sort_time > a.sort_time)
              + (SELECT count(*) FROM articles b
                 WHERE b.feed_id = a.feed_id AND b.sort_time = a.sort_time AND b.id > a.id)
         FROM articles a WHERE a.id = ?2 AND a.feed_id = ?1",
    )?;
    let ahead = stmt
        .query_row(params![feed_id, article_id], |r| r.get(0))
        .optional()?;
    Ok(ahead.map(to_count))
}

pub(super) fn article(conn: &Connection, article_id: i64) -> rusqlite::Result<Option<Article>> {
    let sql = format!("SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?1");
    let mut stmt = conn.prepare_cached(&sql)?;
    stmt.query_row([article_id], article_row).optional()
}

pub(super) fn article_by_key(
    conn: &Connection,
    feed_id: i64,
    key: &str,
) -> rusqlite::Result<Option<Article>> {
    let sql = format!("SELECT {ARTICLE_COLUMNS} FROM articles WHERE feed_id = ?1 AND key = ?2");
    let mut stmt = conn.prepare_cached(&sql)?;
    stmt.query_row(params![feed_id, key], article_row)
        .optional()
}

pub(super) fn set_read(conn: &Connection, article_id: i64, read: bool) -> rusqlite::Result<()> {
    let mut stmt = conn.prepare_cached("UPDATE articles SET read = ?2 WHERE id = ?1")?;
    stmt.execute(params![article_id, read])?;
    Ok(())
}

pub(super) fn read_state(conn: &Connection, article_id: i64) -> rusqlite::Result<Option<bool>> {
    let mut stmt = conn.prepare_cached("SELECT read FROM articles WHERE id = ?1")?;
    stmt.query_row(params![article_id], |r| r.get(0)).optional()
}

fn article_row(r: &Row<'_>) -> rusqlite::Result<Article> {
    Ok(Article {
        id: r.get(0)?,
        key: r.get(1)?,
        title: r.get(2)?,
        link: r.get(3)?,
        published: r.get::<_, Option<i64>>(4)?.map(to_time),
        first_seen: to_time(r.get(5)?),
        author: r.get(6)?,
        category: r.get(7)?,
        lead: text_blob(r, 8)?,
        body: text_blob(r, 9)?,
        read: r.get(10)?,
    })
}

/// Decodes a tagged blob column; damage is reported as a conversion error on that column.
fn text_blob(r: &Row<'_>, idx: usize) -> rusqlite::Result<Option<String>> {
    let Some(blob) = r.get_ref(idx)?.as_blob_or_null()? else {
        return Ok(None);
    };
    codec::decode(blob).map(Some).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(idx, Type::Blob, "damaged text".into())
    })
}

fn to_time(secs: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(secs, 0).unwrap_or_default()
}

fn to_count(n: i64) -> usize {
    usize::try_from(n).unwrap_or(0)
}

fn clamp(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}
