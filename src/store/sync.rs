//! The feed list (from the config) mirrored in the cache: which feeds are listed, in what
//! order, with what name and section, and so which feeds make up "All" and each section's
//! list. Unchanged lists cost two reads and no lock; a change updates only the lists it
//! touches (a feed that joins a list brings its articles, one that leaves takes away those no
//! other feed of the list has). Works on a connection handed in by `Store`.

use std::collections::{BTreeSet, HashMap};

use rusqlite::{Connection, TransactionBehavior, params};

use super::feeds;
use crate::config::{FeedSpec, Retention};

/// One feed of the list as the cache keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub source: String,
    pub name: Option<String>,
    pub section: Option<String>,
    /// Kept for `chmon vacuum`, which applies every feed's retention.
    pub retention: Retention,
}

impl Listed {
    /// The configured feeds as the cache keeps the list.
    pub fn from_specs(specs: &[FeedSpec]) -> Vec<Listed> {
        specs
            .iter()
            .map(|f| Listed {
                source: f.url.clone(),
                name: f.name.clone(),
                section: f.section.clone(),
                retention: f.retention,
            })
            .collect()
    }
}

/// A feed row's list fields: (id, name, section, listed, position, keep_days, max_articles).
type Row = (
    i64,
    Option<String>,
    Option<String>,
    bool,
    i64,
    Option<u32>,
    Option<u32>,
);

/// Makes the cache's list `list`; returns the feeds' ids in the list's order.
pub(super) fn sync(conn: &mut Connection, list: &[Listed]) -> rusqlite::Result<Vec<i64>> {
    if let Some(ids) = unchanged(conn, list)? {
        return Ok(ids);
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let mut ids = Vec::with_capacity(list.len());
    for (position, entry) in list.iter().enumerate() {
        let id = feeds::create(&tx, &entry.source)?.id;
        tx.prepare_cached(
            "UPDATE feeds SET name = ?2, section = ?3, listed = 1, position = ?4,
             keep_days = ?5, max_articles = ?6 WHERE id = ?1",
        )?
        .execute(params![
            id,
            entry.name,
            entry.section,
            position as i64,
            entry.retention.keep_days,
            entry.retention.max_articles
        ])?;
        ids.push(id);
    }
    let keep: BTreeSet<i64> = ids.iter().copied().collect();
    for (id, ..) in rows(&tx)?.into_values().filter(|r| r.3) {
        if !keep.contains(&id) {
            tx.execute("UPDATE feeds SET listed = 0 WHERE id = ?1", [id])?;
        }
    }
    let want = wanted(list, &ids);
    apply(&tx, &mappings(&tx)?, &want)?;
    tx.commit()?;
    Ok(ids)
}

/// The ids when the cache already has exactly this list (reads only), else `None`.
fn unchanged(conn: &Connection, list: &[Listed]) -> rusqlite::Result<Option<Vec<i64>>> {
    let rows = rows(conn)?;
    let mut ids = Vec::with_capacity(list.len());
    for (position, entry) in list.iter().enumerate() {
        match rows.get(&entry.source) {
            Some((id, name, section, true, pos, days, max))
                if *name == entry.name
                    && *section == entry.section
                    && *pos == position as i64
                    && *days == entry.retention.keep_days
                    && *max == entry.retention.max_articles =>
            {
                ids.push(*id);
            }
            _ => return Ok(None),
        }
    }
    if rows.values().filter(|r| r.3).count() != ids.len() {
        return Ok(None);
    }
    let same = mappings(conn)? == wanted(list, &ids);
    Ok(same.then_some(ids))
}

fn rows(conn: &Connection) -> rusqlite::Result<HashMap<String, Row>> {
    let mut stmt = conn.prepare_cached(
        "SELECT source, id, name, section, listed, position, keep_days, max_articles FROM feeds",
    )?;
    let rows = stmt.query_map([], |r| {
        let row = (
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get(5)?,
            r.get(6)?,
            r.get(7)?,
        );
        Ok((r.get(0)?, row))
    })?;
    rows.collect()
}

/// (feed id, scope) of every list but the feeds' own.
fn mappings(conn: &Connection) -> rusqlite::Result<BTreeSet<(i64, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT fl.feed_id, l.scope FROM feed_lists fl JOIN lists l ON l.id = fl.list_id
         WHERE l.scope NOT LIKE 'feed:%'",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect()
}

fn wanted(list: &[Listed], ids: &[i64]) -> BTreeSet<(i64, String)> {
    let mut want = BTreeSet::new();
    for (entry, &id) in list.iter().zip(ids) {
        want.insert((id, "all".to_string()));
        if let Some(section) = &entry.section {
            want.insert((id, format!("section:{section}")));
        }
    }
    want
}

/// Moves the mappings from `have` to `want`, bringing and taking away the articles.
fn apply(
    conn: &Connection,
    have: &BTreeSet<(i64, String)>,
    want: &BTreeSet<(i64, String)>,
) -> rusqlite::Result<()> {
    for (feed, scope) in have.difference(want) {
        let list = list_of(conn, scope)?;
        conn.execute(
            "DELETE FROM feed_lists WHERE feed_id = ?1 AND list_id = ?2",
            params![feed, list],
        )?;
        conn.execute(
            "DELETE FROM list_items WHERE list_id = ?1 AND NOT EXISTS (
                SELECT 1 FROM memberships m JOIN feed_lists fl ON fl.feed_id = m.feed_id
                WHERE fl.list_id = ?1 AND m.article_id = list_items.article_id)",
            [list],
        )?;
    }
    for (feed, scope) in want.difference(have) {
        let list = list_of(conn, scope)?;
        conn.execute(
            "INSERT INTO feed_lists (feed_id, list_id) VALUES (?1, ?2)",
            params![feed, list],
        )?;
        conn.execute(
            "INSERT OR IGNORE INTO list_items (list_id, sort_time, article_id, read)
             SELECT ?2, a.sort_time, a.id, a.read FROM memberships m
             JOIN articles a ON a.id = m.article_id WHERE m.feed_id = ?1",
            params![feed, list],
        )?;
    }
    conn.execute(
        "DELETE FROM lists WHERE scope LIKE 'section:%'
         AND id NOT IN (SELECT list_id FROM feed_lists)",
        [],
    )?;
    Ok(())
}

/// The id of the list for `scope`, created empty when missing.
fn list_of(conn: &Connection, scope: &str) -> rusqlite::Result<i64> {
    conn.execute("INSERT OR IGNORE INTO lists (scope) VALUES (?1)", [scope])?;
    conn.query_row("SELECT id FROM lists WHERE scope = ?1", [scope], |r| {
        r.get(0)
    })
}
