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

/// Indexes at most `limit` dirty articles in one transaction; returns how many it did.
pub(super) fn index_pending(conn: &mut Connection, limit: usize) -> rusqlite::Result<usize> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let mut done = 0;
    let mut stems = Stems::default();
    {
        let mut pick = tx.prepare_cached(
            "SELECT d.article_id, a.title, a.lead, a.body FROM search_dirty d
             JOIN articles a ON a.id = d.article_id LIMIT ?1",
        )?;
        let mut remove = tx.prepare_cached("DELETE FROM search WHERE rowid = ?1")?;
        let mut add =
            tx.prepare_cached("INSERT INTO search (rowid, title, body) VALUES (?1, ?2, ?3)")?;
        let mut clean = tx.prepare_cached("DELETE FROM search_dirty WHERE article_id = ?1")?;
        let mut rows = pick.query([clamp(limit)])?;
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            let title: String = row.get(1)?;
            let lead = row.get_ref(2)?.as_blob_or_null()?;
            let body = row.get_ref(3)?.as_blob_or_null()?;
            let (t, b) = article_terms(&mut stems, &title, lead, body);
            remove.execute([id])?;
            add.execute(params![id, t, b])?;
            clean.execute([id])?;
            done += 1;
        }
    }
    tx.commit()?;
    Ok(done)
}

/// How many articles are still to be indexed.
pub(super) fn unindexed(conn: &Connection) -> rusqlite::Result<usize> {
    conn.prepare_cached("SELECT count(*) FROM search_dirty")?
        .query_row([], |r| r.get(0))
        .map(to_count)
}
