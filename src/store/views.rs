//! The starred view and the marks that span a list: the starred articles in time order (from
//! the partial index `articles_starred`), stars, marking a whole list read (returning exactly
//! the articles it changed, for the undo), marking many at once, and the next or previous
//! unread article of a list (from `list_items_unread`). Works on a connection handed in by
//! `Store`; must not open files or change the schema.

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use super::found;
use super::lists::{clamp, headline_row, list_id, position_of, to_count};
use crate::model::{Counts, Headline, ListQuery};

/// `AND read = 0` on `articles` when the query wants only unread ones.
fn unread(query: &ListQuery) -> &'static str {
    if query.unread_only {
        "AND a.read = 0"
    } else {
        ""
    }
}

pub(super) fn starred_headlines(
    conn: &Connection,
    query: &ListQuery,
    offset: usize,
    limit: usize,
) -> rusqlite::Result<Vec<Headline>> {
    let sql = format!(
        "SELECT a.id, a.title, a.sort_time, a.published IS NOT NULL, a.read, a.starred,
            (SELECT m.feed_id FROM memberships m WHERE m.article_id = a.id
             ORDER BY m.feed_id LIMIT 1)
         FROM articles a WHERE a.starred = 1 {}
         ORDER BY a.sort_time DESC, a.id DESC LIMIT ?1 OFFSET ?2",
        unread(query)
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![clamp(limit), clamp(offset)], headline_row)?;
    rows.collect()
}

/// Counted on the starred index (stars are few).
pub(super) fn starred_counts(conn: &Connection, query: &ListQuery) -> rusqlite::Result<Counts> {
    let (total, unread): (i64, i64) = conn
        .prepare_cached(
            "SELECT count(*), coalesce(sum(a.read = 0), 0) FROM articles a WHERE a.starred = 1",
        )?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let total = if query.unread_only { unread } else { total };
    Ok(Counts {
        total: to_count(total),
        unread: to_count(unread),
    })
}

pub(super) fn starred_position(
    conn: &Connection,
    query: &ListQuery,
    article_id: i64,
) -> rusqlite::Result<Option<usize>> {
    let u = unread(query).replace("a.", "b.");
    let sql = format!(
        "SELECT (SELECT count(*) FROM articles b
                 WHERE b.starred = 1 AND b.sort_time > a.sort_time {u})
              + (SELECT count(*) FROM articles b
                 WHERE b.starred = 1 AND b.sort_time = a.sort_time AND b.id > a.id {u})
         FROM articles a WHERE a.id = ?1 AND a.starred = 1"
    );
    let ahead: Option<i64> = conn
        .prepare_cached(&sql)?
        .query_row([article_id], |r| r.get(0))
        .optional()?;
    Ok(ahead.map(to_count))
}

pub(super) fn set_starred(
    conn: &Connection,
    article_id: i64,
    starred: bool,
) -> rusqlite::Result<()> {
    conn.prepare_cached("UPDATE articles SET starred = ?2 WHERE id = ?1")?
        .execute(params![article_id, starred])?;
    Ok(())
}

/// The unread articles of the list the query shows (of what its search finds, if any).
pub(super) fn unread_ids(conn: &Connection, query: &ListQuery) -> rusqlite::Result<Vec<i64>> {
    if let Some(search) = found::active(query.search.as_ref()) {
        return found::unread_ids(conn, query, search);
    }
    if query.starred {
        let mut stmt =
            conn.prepare_cached("SELECT id FROM articles WHERE starred = 1 AND read = 0")?;
        return stmt.query_map([], |r| r.get(0))?.collect();
    }
    let Some(list) = list_id(conn, query)? else {
        return Ok(Vec::new());
    };
    let mut stmt =
        conn.prepare_cached("SELECT article_id FROM list_items WHERE list_id = ?1 AND read = 0")?;
    stmt.query_map([list], |r| r.get(0))?.collect()
}

/// Marks every unread article of the list read in one transaction; returns their ids.
pub(super) fn mark_all_read(
    conn: &mut Connection,
    query: &ListQuery,
) -> rusqlite::Result<Vec<i64>> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let ids = unread_ids(&tx, query)?;
    {
        let mut mark = tx.prepare_cached("UPDATE articles SET read = 1 WHERE id = ?1")?;
        for id in &ids {
            mark.execute([id])?;
        }
    }
    tx.commit()?;
    Ok(ids)
}

/// Sets the read flag of `ids` in one transaction (the undo of [`mark_all_read`]).
pub(super) fn set_read_many(
    conn: &mut Connection,
    ids: &[i64],
    read: bool,
) -> rusqlite::Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    {
        let mut mark = tx.prepare_cached("UPDATE articles SET read = ?2 WHERE id = ?1")?;
        for id in ids {
            mark.execute(params![id, read])?;
        }
    }
    tx.commit()
}

/// The unread article after (`forward`: older, below) or before `article_id` in the list's
/// order, with its position in the list the query shows.
pub(super) fn next_unread(
    conn: &Connection,
    query: &ListQuery,
    article_id: i64,
    forward: bool,
) -> rusqlite::Result<Option<(i64, usize)>> {
    if let Some(search) = found::active(query.search.as_ref()) {
        return found::next_unread(conn, query, search, article_id, forward);
    }
    let Some(time) = conn
        .prepare_cached("SELECT sort_time FROM articles WHERE id = ?1")?
        .query_row([article_id], |r| r.get::<_, i64>(0))
        .optional()?
    else {
        return Ok(None);
    };
    let (cmp, order) = if forward { ("<", "DESC") } else { (">", "ASC") };
    let found: Option<i64> = if query.starred {
        let sql = format!(
            "SELECT id FROM articles WHERE starred = 1 AND read = 0
             AND (sort_time {cmp} ?1 OR (sort_time = ?1 AND id {cmp} ?2))
             ORDER BY sort_time {order}, id {order} LIMIT 1"
        );
        conn.prepare_cached(&sql)?
            .query_row(params![time, article_id], |r| r.get(0))
            .optional()?
    } else {
        let Some(list) = list_id(conn, query)? else {
            return Ok(None);
        };
        let sql = format!(
            "SELECT article_id FROM list_items WHERE list_id = ?3 AND read = 0
             AND (sort_time {cmp} ?1 OR (sort_time = ?1 AND article_id {cmp} ?2))
             ORDER BY sort_time {order}, article_id {order} LIMIT 1"
        );
        conn.prepare_cached(&sql)?
            .query_row(params![time, article_id, list], |r| r.get(0))
            .optional()?
    };
    let Some(id) = found else {
        return Ok(None);
    };
    Ok(position_of(conn, query, id)?.map(|pos| (id, pos)))
}
