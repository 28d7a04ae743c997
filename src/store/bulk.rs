//! A feed's first import in bulk: while its upsert holds a row in `bulk_import` (inside its
//! own transaction, so no other connection ever sees it), the triggers that put each new
//! membership into its lists and count it there stand aside ([`SQL`], migration v8), and the
//! lists are filled and counted once before the commit: from the rows the upsert noted as it
//! went ([`Rows`]), or, when it could not note them exactly, set-based from the articles.
//! Works on the upsert's transaction; must not open files or touch articles.

use rusqlite::{Connection, params};

/// The migration: the flag table and the two triggers, now skipped while it holds a row.
pub(super) const SQL: &str = "
    CREATE TABLE bulk_import (feed_id INTEGER PRIMARY KEY);
    DROP TRIGGER memberships_insert;
    CREATE TRIGGER memberships_insert AFTER INSERT ON memberships
    WHEN NOT EXISTS (SELECT 1 FROM bulk_import) BEGIN
        INSERT OR IGNORE INTO list_items (list_id, sort_time, article_id, read)
        SELECT fl.list_id, a.sort_time, a.id, a.read
        FROM feed_lists fl JOIN articles a ON a.id = NEW.article_id
        WHERE fl.feed_id = NEW.feed_id;
    END;
    DROP TRIGGER list_items_insert;
    CREATE TRIGGER list_items_insert AFTER INSERT ON list_items
    WHEN NOT EXISTS (SELECT 1 FROM bulk_import) BEGIN
        UPDATE lists SET total = total + 1, unread = unread + (NEW.read = 0)
        WHERE id = NEW.list_id;
    END;
";

/// Starts the bulk mode for `feed_id` (its first import: it has no memberships yet).
pub(super) fn begin(tx: &Connection, feed_id: i64) -> rusqlite::Result<()> {
    tx.execute("INSERT INTO bulk_import (feed_id) VALUES (?1)", [feed_id])
        .map(|_| ())
}

/// What a first import noted of each membership it wrote, so that filling the lists need not
/// read every article back: `(sort_time, article_id, read)`. `exact` is false once a row was
/// rewritten after it was noted (a key repeated within the body), and the notes are not used.
#[derive(Debug)]
pub(super) struct Rows {
    rows: Vec<(i64, i64, bool)>,
    exact: bool,
}

impl Rows {
    pub(super) fn new() -> Rows {
        Rows {
            rows: Vec::new(),
            exact: true,
        }
    }

    pub(super) fn note(&mut self, sort_time: i64, article_id: i64, read: bool) {
        if self.exact {
            self.rows.push((sort_time, article_id, read));
        }
    }

    /// A noted row changed: the lists are filled from the articles instead.
    pub(super) fn spoil(&mut self) {
        self.exact = false;
        self.rows = Vec::new();
    }
}

/// Ends it: fills the feed's lists from `rows` when they are exact, else from the articles
/// ([`fill_from_articles`]); then the flag goes, so later writes keep the counts as usual.
pub(super) fn finish(tx: &Connection, feed_id: i64, rows: Rows) -> rusqlite::Result<()> {
    let lists = feed_lists(tx, feed_id)?;
    if rows.exact {
        fill_from_rows(tx, &lists, rows.rows)?;
    } else {
        fill_from_articles(tx, feed_id, &lists)?;
    }
    tx.execute("DELETE FROM bulk_import", []).map(|_| ())
}

fn feed_lists(tx: &Connection, feed_id: i64) -> rusqlite::Result<Vec<i64>> {
    tx.prepare("SELECT list_id FROM feed_lists WHERE feed_id = ?1")?
        .query_map([feed_id], |r| r.get(0))?
        .collect()
}

/// Each noted row into each list, in the list's order, counting what went in (a row another
/// feed already put there is not counted again).
fn fill_from_rows(
    tx: &Connection,
    lists: &[i64],
    mut rows: Vec<(i64, i64, bool)>,
) -> rusqlite::Result<()> {
    rows.sort_unstable();
    let mut put = tx.prepare(
        "INSERT OR IGNORE INTO list_items (list_id, sort_time, article_id, read)
         VALUES (?1, ?2, ?3, ?4)",
    )?;
    for &list in lists {
        let (mut total, mut unread) = (0i64, 0i64);
        for &(sort_time, id, read) in &rows {
            if put.execute(params![list, sort_time, id, read])? > 0 {
                total += 1;
                unread += i64::from(!read);
            }
        }
        count(tx, list, total, unread)?;
    }
    Ok(())
}

fn count(tx: &Connection, list: i64, total: i64, unread: i64) -> rusqlite::Result<()> {
    if total > 0 {
        tx.prepare_cached(
            "UPDATE lists SET total = total + ?2, unread = unread + ?3 WHERE id = ?1",
        )?
        .execute(params![list, total, unread])?;
    }
    Ok(())
}

/// Every membership of the feed into each of the feed's lists (in the list's order),
/// the list's counters raised by what went in (read and unread apart, so no list is counted
/// again).
fn fill_from_articles(tx: &Connection, feed_id: i64, lists: &[i64]) -> rusqlite::Result<()> {
    let mut fill = tx.prepare(
        "INSERT OR IGNORE INTO list_items (list_id, sort_time, article_id, read)
         SELECT ?2, a.sort_time, a.id, a.read
         FROM memberships m JOIN articles a ON a.id = m.article_id
         WHERE m.feed_id = ?1 AND a.read = ?3 ORDER BY a.sort_time, a.id",
    )?;
    for &list in lists {
        for read in [false, true] {
            let added = i64::try_from(fill.execute(params![feed_id, list, read])?).unwrap_or(0);
            count(tx, list, added, if read { 0 } else { added })?;
        }
    }
    Ok(())
}

#[cfg(test)]
#[path = "bulk_tests.rs"]
mod tests;
