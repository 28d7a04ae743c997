//! Schema v3: many feeds, one article per link. `memberships` says which feeds an article is in
//! (under which key, with that feed's content hash); `links` finds an article by its link key;
//! `lists` are the scopes the reader shows (`all`, `feed:<id>`, `section:<name>`) with their
//! counters, `feed_lists` which feeds make up each, `list_items` their articles in time order
//! (with the read flag), all kept by triggers, so no count ever walks the archive. Also the
//! feeds' schedule columns and `articles.starred`. The SQL and the one-off Rust backfill of a
//! v2 file (link keys, and the merge of one page stored by two feeds). Must not open files.

use std::collections::HashMap;

use rusqlite::{Connection, params};

use crate::text::link_key;

/// v2 → v3, run before [`backfill`].
pub(super) const SQL: &str = "
    ALTER TABLE feeds ADD COLUMN name TEXT;
    ALTER TABLE feeds ADD COLUMN section TEXT;
    ALTER TABLE feeds ADD COLUMN listed INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE feeds ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE feeds ADD COLUMN last_attempt INTEGER;
    ALTER TABLE feeds ADD COLUMN last_success INTEGER;
    ALTER TABLE feeds ADD COLUMN last_error TEXT;
    ALTER TABLE feeds ADD COLUMN failures INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE feeds ADD COLUMN server_wait INTEGER;
    ALTER TABLE feeds ADD COLUMN retry_until INTEGER;
    ALTER TABLE feeds ADD COLUMN body_items INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE feeds ADD COLUMN keep_days INTEGER;
    ALTER TABLE feeds ADD COLUMN max_articles INTEGER;
    ALTER TABLE articles ADD COLUMN starred INTEGER NOT NULL DEFAULT 0;
    DROP TRIGGER articles_count_insert;
    DROP TRIGGER articles_count_read;
    DROP TRIGGER articles_count_delete;
    DROP INDEX articles_window;
    ALTER TABLE feeds DROP COLUMN total;
    ALTER TABLE feeds DROP COLUMN unread;

    CREATE TABLE memberships (
        feed_id      INTEGER NOT NULL,
        key          TEXT NOT NULL,
        article_id   INTEGER NOT NULL,
        content_hash INTEGER NOT NULL,
        PRIMARY KEY (feed_id, key)
    ) WITHOUT ROWID;
    CREATE INDEX memberships_article ON memberships (article_id, feed_id);
    CREATE TABLE links (
        link_key   TEXT PRIMARY KEY,
        article_id INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX links_article ON links (article_id);
    CREATE TABLE lists (
        id     INTEGER PRIMARY KEY,
        scope  TEXT NOT NULL UNIQUE,
        total  INTEGER NOT NULL DEFAULT 0,
        unread INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE feed_lists (
        feed_id INTEGER NOT NULL,
        list_id INTEGER NOT NULL,
        PRIMARY KEY (feed_id, list_id)
    ) WITHOUT ROWID;
    CREATE INDEX feed_lists_list ON feed_lists (list_id, feed_id);
    CREATE TABLE list_items (
        list_id    INTEGER NOT NULL,
        sort_time  INTEGER NOT NULL,
        article_id INTEGER NOT NULL,
        read       INTEGER NOT NULL,
        PRIMARY KEY (list_id, sort_time, article_id)
    ) WITHOUT ROWID;
    CREATE INDEX list_items_article ON list_items (article_id, list_id);

    CREATE TRIGGER list_items_insert AFTER INSERT ON list_items BEGIN
        UPDATE lists SET total = total + 1, unread = unread + (NEW.read = 0)
        WHERE id = NEW.list_id;
    END;
    CREATE TRIGGER list_items_delete AFTER DELETE ON list_items BEGIN
        UPDATE lists SET total = total - 1, unread = unread - (OLD.read = 0)
        WHERE id = OLD.list_id;
    END;
    CREATE TRIGGER list_items_read AFTER UPDATE OF read ON list_items
    WHEN (OLD.read = 0) IS NOT (NEW.read = 0) BEGIN
        UPDATE lists SET unread = unread + (NEW.read = 0) - (OLD.read = 0)
        WHERE id = NEW.list_id;
    END;
    CREATE TRIGGER articles_read AFTER UPDATE OF read ON articles
    WHEN (OLD.read = 0) IS NOT (NEW.read = 0) BEGIN
        UPDATE list_items SET read = NEW.read WHERE article_id = NEW.id;
    END;
    CREATE TRIGGER articles_sort_time AFTER UPDATE OF sort_time ON articles
    WHEN OLD.sort_time IS NOT NEW.sort_time BEGIN
        UPDATE list_items SET sort_time = NEW.sort_time WHERE article_id = NEW.id;
    END;
    CREATE TRIGGER articles_delete AFTER DELETE ON articles BEGIN
        DELETE FROM list_items WHERE article_id = OLD.id;
        DELETE FROM memberships WHERE article_id = OLD.id;
        DELETE FROM links WHERE article_id = OLD.id;
    END;
    CREATE TRIGGER memberships_insert AFTER INSERT ON memberships BEGIN
        INSERT OR IGNORE INTO list_items (list_id, sort_time, article_id, read)
        SELECT fl.list_id, a.sort_time, a.id, a.read
        FROM feed_lists fl JOIN articles a ON a.id = NEW.article_id
        WHERE fl.feed_id = NEW.feed_id;
    END;
    CREATE TRIGGER memberships_delete AFTER DELETE ON memberships BEGIN
        DELETE FROM list_items WHERE article_id = OLD.article_id
        AND list_id IN (SELECT list_id FROM feed_lists WHERE feed_id = OLD.feed_id)
        AND NOT EXISTS (
            SELECT 1 FROM memberships m JOIN feed_lists fl ON fl.feed_id = m.feed_id
            WHERE m.article_id = OLD.article_id AND fl.list_id = list_items.list_id);
    END;

    INSERT INTO lists (scope) VALUES ('all');
    INSERT INTO lists (scope) SELECT 'feed:' || id FROM feeds ORDER BY id;
    INSERT INTO feed_lists (feed_id, list_id)
        SELECT f.id, l.id FROM feeds f JOIN lists l ON l.scope = 'feed:' || f.id;
";

/// Fills what SQL cannot compute: each article's link key, and one article per link key
/// across feeds (the oldest row wins; it is read if either was; the other feed's membership
/// moves to it). Within one feed two rows with one link stay two articles, as they were.
pub(super) fn backfill(conn: &Connection) -> rusqlite::Result<()> {
    let rows = article_rows(conn)?;
    // link key → (article id, the feeds it is in)
    let mut owner: HashMap<String, (i64, Vec<i64>)> = HashMap::new();
    let mut add_link = conn.prepare("INSERT INTO links (link_key, article_id) VALUES (?1, ?2)")?;
    let mut join = conn.prepare(
        "INSERT INTO memberships (feed_id, key, article_id, content_hash) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for row in rows {
        let found = row.link.as_deref().and_then(link_key);
        let target = match &found {
            Some(key) => match owner.get_mut(key) {
                Some((id, feeds)) if !feeds.contains(&row.feed_id) => {
                    feeds.push(row.feed_id);
                    Some(*id)
                }
                Some(_) => None,
                None => {
                    owner.insert(key.clone(), (row.id, vec![row.feed_id]));
                    add_link.execute(params![key, row.id])?;
                    None
                }
            },
            None => None,
        };
        match target {
            None => {
                join.execute(params![row.feed_id, row.key, row.id, row.hash])?;
            }
            Some(survivor) => merge(conn, &row, survivor)?,
        }
    }
    Ok(())
}

/// One v2 article row, front columns only.
struct Row {
    id: i64,
    feed_id: i64,
    key: String,
    link: Option<String>,
    hash: i64,
}

fn article_rows(conn: &Connection) -> rusqlite::Result<Vec<Row>> {
    let mut stmt =
        conn.prepare("SELECT id, feed_id, key, link, content_hash FROM articles ORDER BY id")?;
    let rows = stmt.query_map([], |r| {
        Ok(Row {
            id: r.get(0)?,
            feed_id: r.get(1)?,
            key: r.get(2)?,
            link: r.get(3)?,
            hash: r.get(4)?,
        })
    })?;
    rows.collect()
}

/// `row` is the same page as `survivor` seen by another feed: its feed joins the survivor.
fn merge(conn: &Connection, row: &Row, survivor: i64) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE articles SET read = 1 WHERE id = ?1 AND read = 0
         AND (SELECT read FROM articles WHERE id = ?2) = 1",
        params![survivor, row.id],
    )?;
    conn.execute("DELETE FROM articles WHERE id = ?1", [row.id])?;
    conn.execute(
        "INSERT INTO memberships (feed_id, key, article_id, content_hash) VALUES (?1, ?2, ?3, ?4)",
        params![row.feed_id, row.key, survivor, row.hash],
    )?;
    Ok(())
}
