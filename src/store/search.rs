//! The search index of the cache: indexing the dirty articles in batches (their title, lead
//! and body as terms, see `crate::search`). What a search finds is `found`'s. Works on a
//! connection handed in by `Store`; must not open files or change the schema.

use rusqlite::{Connection, TransactionBehavior, params};

use super::codec;
use super::lists::{clamp, to_count};
use crate::search::{Stems, index_terms_with, markup};

/// The terms of one article for its two columns.
fn article_terms(
    stems: &mut Stems,
    title: &str,
    lead: Option<&[u8]>,
    body: Option<&[u8]>,
) -> (String, String) {
    let mut t = String::new();
    index_terms_with(stems, title, &mut t);
    let mut b = String::new();
    for blob in [lead, body].into_iter().flatten() {
        if let Some(text) = codec::decode(blob) {
            index_terms_with(stems, &markup::plain(&text), &mut b);
        }
    }
    (t, b)
}

/// Indexes at most `limit` pending articles in one transaction (the marked ones first, then
/// those above the watermark, which it moves up); returns how many it did. An article's
/// full-text page, when it has one, is indexed in place of the feed's body.
pub(super) fn index_pending(conn: &mut Connection, limit: usize) -> rusqlite::Result<usize> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let mut stems = Stems::default();
    let marked = index_rows(
        &tx,
        &mut stems,
        "SELECT d.article_id, a.title, a.lead, coalesce(p.body, a.body) FROM search_dirty d
         JOIN articles a ON a.id = d.article_id LEFT JOIN pages p ON p.article_id = a.id
         LIMIT ?1",
        limit,
    )?;
    let fresh = index_rows(
        &tx,
        &mut stems,
        "SELECT a.id, a.title, a.lead, coalesce(p.body, a.body) FROM articles a
         LEFT JOIN pages p ON p.article_id = a.id
         WHERE a.id > (SELECT through FROM search_mark WHERE id = 1) ORDER BY a.id LIMIT ?1",
        limit - marked.0,
    )?;
    if let Some(last) = fresh.1 {
        tx.prepare_cached("UPDATE search_mark SET through = ?1 WHERE id = 1 AND through < ?1")?
            .execute([last])?;
    }
    tx.commit()?;
    Ok(marked.0 + fresh.0)
}

/// Indexes the rows `pick` (id, title, lead, body) selects, at most `limit`; returns how many
/// and the last id.
fn index_rows(
    tx: &Connection,
    stems: &mut Stems,
    pick: &str,
    limit: usize,
) -> rusqlite::Result<(usize, Option<i64>)> {
    if limit == 0 {
        return Ok((0, None));
    }
    let mut pick = tx.prepare_cached(pick)?;
    let mut remove = tx.prepare_cached("DELETE FROM search WHERE rowid = ?1")?;
    let mut add =
        tx.prepare_cached("INSERT INTO search (rowid, title, body) VALUES (?1, ?2, ?3)")?;
    let mut clean = tx.prepare_cached("DELETE FROM search_dirty WHERE article_id = ?1")?;
    let mut rows = pick.query([clamp(limit)])?;
    let (mut done, mut last) = (0, None);
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let title: String = row.get(1)?;
        let lead = row.get_ref(2)?.as_blob_or_null()?;
        let body = row.get_ref(3)?.as_blob_or_null()?;
        let (t, b) = article_terms(stems, &title, lead, body);
        remove.execute([id])?;
        add.execute(params![id, t, b])?;
        clean.execute([id])?;
        (done, last) = (done + 1, Some(id));
    }
    Ok((done, last))
}

/// How many articles are still to be indexed.
pub(super) fn unindexed(conn: &Connection) -> rusqlite::Result<usize> {
    conn.prepare_cached(
        "SELECT (SELECT count(*) FROM search_dirty) + (SELECT count(*) FROM articles
         WHERE id > (SELECT through FROM search_mark WHERE id = 1))",
    )?
    .query_row([], |r| r.get(0))
    .map(to_count)
}
