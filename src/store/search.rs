//! Search in the cache: indexing the dirty articles in batches (their title, lead and body as
//! terms, see `crate::search`), and a list's rows and counts when its query has a search
//! (newest first, or by the index's bm25 rank). Works on a connection handed in by `Store`;
//! must not open files or change the schema.

use rusqlite::{Connection, TransactionBehavior, params};

use super::codec;
use super::lists::{clamp, feed_column, headline_row, to_count};
use crate::model::{Counts, Headline, Search};
use crate::search::{Query, Stems, index_terms_with, markup};

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
/// those above the watermark, which it moves up); returns how many it did.
pub(super) fn index_pending(conn: &mut Connection, limit: usize) -> rusqlite::Result<usize> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let mut stems = Stems::default();
    let marked = index_rows(
        &tx,
        &mut stems,
        "SELECT d.article_id, a.title, a.lead, a.body FROM search_dirty d
         JOIN articles a ON a.id = d.article_id LIMIT ?1",
        limit,
    )?;
    let fresh = index_rows(
        &tx,
        &mut stems,
        "SELECT id, title, lead, body FROM articles
         WHERE id > (SELECT through FROM search_mark WHERE id = 1) ORDER BY id LIMIT ?1",
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

/// The MATCH expressions of a search: what must be there, else what must not (the caller
/// has checked with [`active`] that the search asks for something).
fn expressions(search: &Search) -> (Option<String>, Option<String>) {
    let q = Query::parse(&search.text, search.prefix);
    match q.expression() {
        Some(all) => (Some(all), None),
        None => (None, q.not_expression()),
    }
}

/// The search of a query, when it asks for anything (an empty one lists everything).
pub(super) fn active(search: Option<&Search>) -> Option<&Search> {
    search.filter(|s| !Query::parse(&s.text, s.prefix).is_empty())
}

/// The rows a search finds in list `list`: `FROM … WHERE …` with `?1` the list, `?2` the
/// expression. The matches are taken once as a set that the list's rows (in time order) are
/// looked up in: joining the FTS table instead lets SQLite walk the list and run the full-text
/// query once per row (seconds at 50,000 articles).
fn source(must: bool) -> &'static str {
    if must {
        "FROM list_items li JOIN articles a ON a.id = li.article_id
         WHERE li.list_id = ?1 AND li.article_id IN
             (SELECT rowid FROM search WHERE search MATCH ?2)"
    } else {
        "FROM list_items li JOIN articles a ON a.id = li.article_id
         WHERE li.list_id = ?1 AND li.article_id NOT IN
             (SELECT rowid FROM search WHERE search MATCH ?2)"
    }
}

/// Best first: the full-text query drives (CROSS JOIN keeps it the outer loop), by its rank.
const BY_RANK: &str = "FROM search s CROSS JOIN list_items li
    ON li.article_id = s.rowid AND li.list_id = ?1
    JOIN articles a ON a.id = li.article_id WHERE search MATCH ?2";

/// A window of what the search finds in a list.
pub(super) fn headlines(
    conn: &Connection,
    list: i64,
    feed: Option<i64>,
    search: &Search,
    offset: usize,
    limit: usize,
) -> rusqlite::Result<Vec<Headline>> {
    let (must, not) = expressions(search);
    let (from, order) = if search.relevance && must.is_some() {
        (BY_RANK, "ORDER BY s.rank, li.sort_time DESC")
    } else {
        (
            source(must.is_some()),
            "ORDER BY li.sort_time DESC, li.article_id DESC",
        )
    };
    let sql = format!(
        "SELECT a.id, a.title, li.sort_time, a.published IS NOT NULL, li.read, a.starred, {}
         {from} {order} LIMIT ?3 OFFSET ?4",
        feed_column(feed)
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(
        params![list, must.or(not), clamp(limit), clamp(offset)],
        headline_row,
    )?;
    rows.collect()
}

/// How many articles of a list the search finds, and how many of them are unread.
pub(super) fn counts(conn: &Connection, list: i64, search: &Search) -> rusqlite::Result<Counts> {
    let (must, not) = expressions(search);
    let sql = format!(
        "SELECT count(*), coalesce(sum(li.read = 0), 0) FROM list_items li
         WHERE li.list_id = ?1 AND li.article_id {} IN
             (SELECT rowid FROM search WHERE search MATCH ?2)",
        if must.is_some() { "" } else { "NOT" }
    );
    conn.prepare_cached(&sql)?
        .query_row(params![list, must.or(not)], |r| {
            Ok(Counts {
                total: to_count(r.get(0)?),
                unread: to_count(r.get(1)?),
            })
        })
}

/// Where an article is in the search's order (walks the results: they are few).
pub(super) fn position_of(
    conn: &Connection,
    list: i64,
    search: &Search,
    article_id: i64,
) -> rusqlite::Result<Option<usize>> {
    let total = counts(conn, list, search)?.total;
    let rows = headlines(conn, list, Some(0), search, 0, total)?;
    Ok(rows.iter().position(|h| h.id == article_id))
}
