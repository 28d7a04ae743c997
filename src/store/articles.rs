//! Article rows: one whole article, and its read flag (lists are in `lists`, the upsert in
//! `upsert`).
//! Works on a connection handed in by `Store`; must not open files or change the schema.

use rusqlite::types::Type;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::codec;
use super::lists::{opt_text, text, to_time};
use crate::model::Article;

const ARTICLE_COLUMNS: &str =
    "id, key, title, link, published, first_seen, author, category, lead, body, read, starred";

pub(super) fn article(conn: &Connection, article_id: i64) -> rusqlite::Result<Option<Article>> {
    let sql = format!("SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?1");
    let mut stmt = conn.prepare_cached(&sql)?;
    stmt.query_row([article_id], article_row).optional()
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

pub(super) fn star_state(conn: &Connection, article_id: i64) -> rusqlite::Result<Option<bool>> {
    let mut stmt = conn.prepare_cached("SELECT starred FROM articles WHERE id = ?1")?;
    stmt.query_row(params![article_id], |r| r.get(0)).optional()
}

fn article_row(r: &Row<'_>) -> rusqlite::Result<Article> {
    Ok(Article {
        id: r.get(0)?,
        key: text(r, 1)?,
        title: text(r, 2)?,
        link: opt_text(r, 3)?,
        published: r.get::<_, Option<i64>>(4)?.map(to_time),
        first_seen: to_time(r.get(5)?),
        author: opt_text(r, 6)?,
        category: opt_text(r, 7)?,
        lead: text_blob(r, 8)?,
        body: text_blob(r, 9)?,
        read: r.get(10)?,
        starred: r.get(11)?,
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
