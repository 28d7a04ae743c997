//! A feed's first import in bulk: while its upsert holds a row in `bulk_import` (inside its
//! own transaction, so no other connection ever sees it), the triggers that put each new
//! membership into its lists and count it there stand aside ([`SQL`], migration v8), and the
//! lists are filled and counted once, set-based, before the commit. Works on the upsert's
//! transaction; must not open files or touch articles.

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

/// Ends it: every membership of the feed into each of the feed's lists (in the list's order),
/// the list's counters raised by what went in (read and unread apart, so no list is counted
/// again), then the flag gone, so later writes keep the counts as usual.
pub(super) fn finish(tx: &Connection, feed_id: i64) -> rusqlite::Result<()> {
    let lists: Vec<i64> = tx
        .prepare("SELECT list_id FROM feed_lists WHERE feed_id = ?1")?
        .query_map([feed_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut fill = tx.prepare(
        "INSERT OR IGNORE INTO list_items (list_id, sort_time, article_id, read)
         SELECT ?2, a.sort_time, a.id, a.read
         FROM memberships m JOIN articles a ON a.id = m.article_id
         WHERE m.feed_id = ?1 AND a.read = ?3 ORDER BY a.sort_time, a.id",
    )?;
    let mut count =
        tx.prepare("UPDATE lists SET total = total + ?2, unread = unread + ?3 WHERE id = ?1")?;
    for list in lists {
        for read in [false, true] {
            let added = i64::try_from(fill.execute(params![feed_id, list, read])?).unwrap_or(0);
            if added > 0 {
                let unread = if read { 0 } else { added };
                count.execute(params![list, added, unread])?;
            }
        }
    }
    tx.execute("DELETE FROM bulk_import", []).map(|_| ())
}
