//! The reader's lists: a `ListQuery` becomes one row of `lists` (`all`, `feed:<id>`,
//! `section:<name>`), whose items are kept in time order and counted by triggers (see
//! `schema_v3`): a window of headlines, the counts and an article's position never walk the
//! archive. Works on a connection handed in by `Store`; must not open files or change the schema.

use chrono::{DateTime, Utc};
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::found;
use crate::model::{Counts, Headline, ListQuery, Scope};

/// The `lists.scope` text of a scope.
pub(super) fn scope_name(scope: &Scope) -> String {
    match scope {
        Scope::All => "all".to_string(),
        Scope::Feed(id) => format!("feed:{id}"),
        Scope::Section(name) => format!("section:{name}"),
    }
}

/// The list's row id; `None` when no such list exists (it shows nothing).
pub(super) fn list_id(conn: &Connection, query: &ListQuery) -> rusqlite::Result<Option<i64>> {
    conn.prepare_cached("SELECT id FROM lists WHERE scope = ?1")?
        .query_row([scope_name(&query.scope)], |r| r.get(0))
        .optional()
}

/// The rows of a window of a list, newest first (`{unread}`: the unread-only filter, which
/// the partial index `list_items_unread` answers).
const WINDOW: &str = "FROM list_items li JOIN articles a ON a.id = li.article_id
    WHERE li.list_id = ?1 {unread} ORDER BY li.sort_time DESC, li.article_id DESC
    LIMIT ?2 OFFSET ?3";

/// The filter a query adds to `list_items` rows aliased `alias`.
pub(super) fn unread_filter(query: &ListQuery, alias: &str) -> String {
    if query.unread_only {
        format!("AND {alias}.read = 0")
    } else {
        String::new()
    }
}

/// A window of the list, newest first; reads the list's index and the front of each row.
pub(super) fn headlines(
    conn: &Connection,
    query: &ListQuery,
    offset: usize,
    limit: usize,
) -> rusqlite::Result<Vec<Headline>> {
    if let Some(search) = found::active(query.search.as_ref()) {
        return found::headlines(conn, query, search, offset, limit);
    }
    if query.starred {
        return super::views::starred_headlines(conn, query, offset, limit);
    }
    let Some(list) = list_id(conn, query)? else {
        return Ok(Vec::new());
    };
    let feed = match query.scope {
        Scope::Feed(id) => Some(id),
        Scope::All | Scope::Section(_) => None,
    };
    let window = WINDOW.replace("{unread}", &unread_filter(query, "li"));
    let sql = format!(
        "SELECT a.id, a.title, a.sort_time, a.published IS NOT NULL, li.read, a.starred, {}
         {window}",
        feed_column(feed)
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![list, clamp(limit), clamp(offset)], headline_row)?;
    rows.collect()
}

/// The `feed_id` column of a headline row: a feed's own list knows its feed; "All" and a
/// section ask each row which feed of the list it is in.
pub(super) fn feed_column(feed: Option<i64>) -> String {
    match feed {
        Some(id) => id.to_string(),
        None => "(SELECT m.feed_id FROM memberships m
                 JOIN feed_lists fl ON fl.feed_id = m.feed_id AND fl.list_id = li.list_id
                 WHERE m.article_id = li.article_id ORDER BY m.feed_id LIMIT 1)"
            .to_string(),
    }
}

/// id, title, sort_time, dated, read, starred, feed id.
pub(super) fn headline_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Headline> {
    Ok(Headline {
        id: r.get(0)?,
        title: text(r, 1)?,
        time: to_time(r.get(2)?),
        dated: r.get(3)?,
        read: r.get(4)?,
        starred: r.get(5)?,
        feed_id: r.get::<_, Option<i64>>(6)?.unwrap_or_default(),
    })
}

/// The list's counters (no count of rows); with a search, what it finds is counted (with
/// the list's filters: see `found`).
pub(super) fn counts(conn: &Connection, query: &ListQuery) -> rusqlite::Result<Counts> {
    if let Some(search) = found::active(query.search.as_ref()) {
        return found::counts(conn, query, search);
    }
    if query.starred {
        return super::views::starred_counts(conn, query);
    }
    let counts = conn
        .prepare_cached("SELECT total, unread FROM lists WHERE scope = ?1")?
        .query_row([scope_name(&query.scope)], |r| {
            Ok(Counts {
                total: to_count(r.get(0)?),
                unread: to_count(r.get(1)?),
            })
        })
        .optional()?;
    let counts = counts.unwrap_or_default();
    Ok(if query.unread_only {
        Counts {
            total: counts.unread,
            unread: counts.unread,
        }
    } else {
        counts
    })
}

/// Every list's counters by scope text (the feed pane's numbers), one query.
pub(super) fn all_counts(conn: &Connection) -> rusqlite::Result<Vec<(String, Counts)>> {
    let mut stmt = conn.prepare_cached("SELECT scope, total, unread FROM lists")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get(0)?,
            Counts {
                total: to_count(r.get(1)?),
                unread: to_count(r.get(2)?),
            },
        ))
    })?;
    rows.collect()
}

/// Rows ahead of the article in the list's order: two range counts on the list's index.
pub(super) fn position_of(
    conn: &Connection,
    query: &ListQuery,
    article_id: i64,
) -> rusqlite::Result<Option<usize>> {
    if let Some(search) = found::active(query.search.as_ref()) {
        return found::position_of(conn, query, search, article_id);
    }
    if query.starred {
        return super::views::starred_position(conn, query, article_id);
    }
    let Some(list) = list_id(conn, query)? else {
        return Ok(None);
    };
    let unread = unread_filter(query, "b");
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT (SELECT count(*) FROM list_items b
                 WHERE b.list_id = a.list_id AND b.sort_time > a.sort_time {unread})
              + (SELECT count(*) FROM list_items b
                 WHERE b.list_id = a.list_id AND b.sort_time = a.sort_time
                 AND b.article_id > a.article_id {unread})
         FROM list_items a WHERE a.list_id = ?1 AND a.article_id = ?2"
    ))?;
    let ahead = stmt
        .query_row(params![list, article_id], |r| r.get(0))
        .optional()?;
    Ok(ahead.map(to_count))
}

/// The article a feed of the list stores under `key` (the `id` of `list --json`).
pub(super) fn article_id_by_key(
    conn: &Connection,
    query: &ListQuery,
    key: &str,
) -> rusqlite::Result<Option<i64>> {
    let Some(list) = list_id(conn, query)? else {
        return Ok(None);
    };
    conn.prepare_cached(
        "SELECT m.article_id FROM feed_lists fl
         JOIN memberships m ON m.feed_id = fl.feed_id AND m.key = ?2
         WHERE fl.list_id = ?1 ORDER BY m.feed_id LIMIT 1",
    )?
    .query_row(params![list, key], |r| r.get(0))
    .optional()
}

/// A TEXT column read as bytes and decoded lossily: invalid UTF-8 (a damaged row, another
/// program's write) shows as U+FFFD instead of failing the whole list.
pub(super) fn opt_text(r: &Row<'_>, idx: usize) -> rusqlite::Result<Option<String>> {
    Ok(match r.get_ref(idx)? {
        ValueRef::Null => None,
        ValueRef::Text(b) | ValueRef::Blob(b) => Some(String::from_utf8_lossy(b).into_owned()),
        ValueRef::Integer(i) => Some(i.to_string()),
        ValueRef::Real(f) => Some(f.to_string()),
    })
}

/// [`opt_text`] for a column that is never NULL (a NULL reads as "").
pub(super) fn text(r: &Row<'_>, idx: usize) -> rusqlite::Result<String> {
    Ok(opt_text(r, idx)?.unwrap_or_default())
}

pub(super) fn to_time(secs: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(secs, 0).unwrap_or_default()
}

pub(super) fn to_count(n: i64) -> usize {
    usize::try_from(n).unwrap_or(0)
}

pub(super) fn clamp(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}
