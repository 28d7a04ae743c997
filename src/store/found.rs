//! What a search finds in the list a query shows, with the list's filters: the scope's list
//! (`list_items`) or the starred articles of the whole cache, only the unread ones when the
//! query asks: its rows (newest first, or by the index's bm25 rank), counts, an article's
//! position, the next unread result and the unread results (for mark-all). Works on a
//! connection handed in by `Store`; must not open files, write or change the schema.

use rusqlite::{Connection, params};

use super::lists::{clamp, feed_column, headline_row, list_id, to_count};
use crate::model::{Counts, Headline, ListQuery, Scope, Search};
use crate::search::Query;

/// The search of a query, when it asks for anything (an empty one lists everything).
pub(super) fn active(search: Option<&Search>) -> Option<&Search> {
    search.filter(|s| !Query::parse(&s.text, s.prefix).is_empty())
}

/// The MATCH expression of a search and whether the rows must match it (else they must not:
/// a query of only `-words`).
fn expression(search: &Search) -> (bool, Option<String>) {
    let q = Query::parse(&search.text, search.prefix);
    match q.expression() {
        Some(all) => (true, Some(all)),
        None => (false, q.not_expression()),
    }
}

/// The rows a search runs over, as SQL pieces: `?1` is the list's id (not used by the
/// starred view), `?2` the MATCH expression.
struct Rows {
    /// The rows with their articles, for headlines (`a` is `articles`).
    from: &'static str,
    /// The rows alone, for counts and ids.
    bare: &'static str,
    /// The full-text query first (CROSS JOIN keeps it the outer loop), for the rank order.
    by_rank: &'static str,
    /// Which rows of `from` / `bare` (the list, the stars, the unread filter).
    filter: String,
    id: &'static str,
    time: &'static str,
    read: &'static str,
    feed: String,
}

/// The list's rows (`li`), or the starred articles (`a`) when the query is the starred view.
fn rows(query: &ListQuery) -> Rows {
    if query.starred {
        let unread = if query.unread_only {
            " AND a.read = 0"
        } else {
            ""
        };
        // The stars are few: walk them (their index, in time order) and look each up in the
        // matches, never the other way round (tens of thousands of article lookups).
        return Rows {
            from: "articles a INDEXED BY articles_starred",
            bare: "articles a INDEXED BY articles_starred",
            by_rank: "search s CROSS JOIN articles a ON a.id = s.rowid",
            filter: format!("a.starred = 1{unread}"),
            id: "a.id",
            time: "a.sort_time",
            read: "a.read",
            feed: "(SELECT m.feed_id FROM memberships m WHERE m.article_id = a.id
                    ORDER BY m.feed_id LIMIT 1)"
                .into(),
        };
    }
    let unread = if query.unread_only {
        " AND li.read = 0"
    } else {
        ""
    };
    let feed = match query.scope {
        Scope::Feed(id) => Some(id),
        Scope::All | Scope::Section(_) => None,
    };
    Rows {
        from: "list_items li JOIN articles a ON a.id = li.article_id",
        bare: "list_items li",
        by_rank: "search s CROSS JOIN list_items li
            ON li.article_id = s.rowid AND li.list_id = ?1
            JOIN articles a ON a.id = li.article_id",
        filter: format!("li.list_id = ?1{unread}"),
        id: "li.article_id",
        time: "li.sort_time",
        read: "li.read",
        feed: feed_column(feed),
    }
}

/// `[NOT] IN` the matches: the matches are taken once as a set that the rows (in time order)
/// are looked up in; joining the FTS table instead lets SQLite walk the list and run the
/// full-text query once per row (seconds at 50,000 articles).
fn matching(r: &Rows, must: bool) -> String {
    let not = if must { "" } else { "NOT " };
    format!(
        "{} {not}IN (SELECT rowid FROM search WHERE search MATCH ?2)",
        r.id
    )
}

/// The list's row id to bind as `?1`: `None` when the scope has no list (nothing is found);
/// the starred view needs none.
fn list_of(conn: &Connection, query: &ListQuery) -> rusqlite::Result<Option<i64>> {
    if query.starred {
        return Ok(Some(0));
    }
    list_id(conn, query)
}

/// The `FROM … WHERE … ORDER BY …` of the results in the order shown.
fn ordered_from(r: &Rows, search: &Search, must: bool, with_articles: bool) -> String {
    let from = if with_articles { r.from } else { r.bare };
    if search.relevance && must {
        format!(
            "FROM {} WHERE search MATCH ?2 AND {} ORDER BY s.rank, {} DESC",
            r.by_rank, r.filter, r.time
        )
    } else {
        format!(
            "FROM {from} WHERE {} AND {} ORDER BY {} DESC, {} DESC",
            r.filter,
            matching(r, must),
            r.time,
            r.id
        )
    }
}

/// A window of what the search finds in the list the query shows.
pub(super) fn headlines(
    conn: &Connection,
    query: &ListQuery,
    search: &Search,
    offset: usize,
    limit: usize,
) -> rusqlite::Result<Vec<Headline>> {
    let Some(list) = list_of(conn, query)? else {
        return Ok(Vec::new());
    };
    let r = rows(query);
    let (must, expr) = expression(search);
    let sql = format!(
        "SELECT {}, a.title, {}, a.published IS NOT NULL, {}, a.starred, {}
         {} LIMIT ?3 OFFSET ?4",
        r.id,
        r.time,
        r.read,
        r.feed,
        ordered_from(&r, search, must, true)
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let found = stmt.query_map(
        params![list, expr, clamp(limit), clamp(offset)],
        headline_row,
    )?;
    found.collect()
}

/// How many articles of the list the search finds, and how many of them are unread.
pub(super) fn counts(
    conn: &Connection,
    query: &ListQuery,
    search: &Search,
) -> rusqlite::Result<Counts> {
    let Some(list) = list_of(conn, query)? else {
        return Ok(Counts::default());
    };
    let r = rows(query);
    let (must, expr) = expression(search);
    let sql = format!(
        "SELECT count(*), coalesce(sum({} = 0), 0) FROM {} WHERE {} AND {}",
        r.read,
        r.bare,
        r.filter,
        matching(&r, must)
    );
    conn.prepare_cached(&sql)?
        .query_row(params![list, expr], |row| {
            Ok(Counts {
                total: to_count(row.get(0)?),
                unread: to_count(row.get(1)?),
            })
        })
}

/// Every result in the order shown: its id and whether it is read (results are few next to
/// the archive; walked for positions and the next unread one).
fn ordered(
    conn: &Connection,
    query: &ListQuery,
    search: &Search,
) -> rusqlite::Result<Vec<(i64, bool)>> {
    let Some(list) = list_of(conn, query)? else {
        return Ok(Vec::new());
    };
    let r = rows(query);
    let (must, expr) = expression(search);
    let sql = format!(
        "SELECT {}, {} {}",
        r.id,
        r.read,
        ordered_from(&r, search, must, false)
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let found = stmt.query_map(params![list, expr], |row| Ok((row.get(0)?, row.get(1)?)))?;
    found.collect()
}

/// Where an article is in the search's order.
pub(super) fn position_of(
    conn: &Connection,
    query: &ListQuery,
    search: &Search,
    article_id: i64,
) -> rusqlite::Result<Option<usize>> {
    let all = ordered(conn, query, search)?;
    Ok(all.iter().position(|&(id, _)| id == article_id))
}

/// The unread result after (`forward`) or before `article_id` in the order shown, with its
/// position; an article not among the results counts from the top.
pub(super) fn next_unread(
    conn: &Connection,
    query: &ListQuery,
    search: &Search,
    article_id: i64,
    forward: bool,
) -> rusqlite::Result<Option<(i64, usize)>> {
    let all = ordered(conn, query, search)?;
    let at = all.iter().position(|&(id, _)| id == article_id);
    let unread = |&p: &usize| all.get(p).is_some_and(|&(_, read)| !read);
    let found = match (at, forward) {
        (Some(at), true) => (at + 1..all.len()).find(unread),
        (Some(at), false) => (0..at).rev().find(unread),
        (None, _) => (0..all.len()).find(unread),
    };
    Ok(found.and_then(|p| all.get(p).map(|&(id, _)| (id, p))))
}

/// The unread articles the search finds (what mark-all marks read).
pub(super) fn unread_ids(
    conn: &Connection,
    query: &ListQuery,
    search: &Search,
) -> rusqlite::Result<Vec<i64>> {
    let Some(list) = list_of(conn, query)? else {
        return Ok(Vec::new());
    };
    let r = rows(query);
    let (must, expr) = expression(search);
    let sql = format!(
        "SELECT {} FROM {} WHERE {} AND {} = 0 AND {}",
        r.id,
        r.bare,
        r.filter,
        r.read,
        matching(&r, must)
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let ids = stmt.query_map(params![list, expr], |row| row.get(0))?;
    ids.collect()
}
