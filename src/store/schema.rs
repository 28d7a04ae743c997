//! The cache's schema: the ordered list of migrations and how they are applied.
//! Owns `PRAGMA user_version`; must not open files or move them (see `open.rs`).

use rusqlite::{Connection, TransactionBehavior};

/// Migrations in order; migration `i` takes the schema from version `i` to `i + 1`.
/// Never edit a released entry: append a new one.
const MIGRATIONS: &[&str] = &[
    // v1. Article columns are ordered so that everything but the two blobs sits at the
    // front of the record: lookups of key/hash/title never read compressed text.
    "CREATE TABLE feeds (
        id            INTEGER PRIMARY KEY,
        source        TEXT NOT NULL UNIQUE,
        feed_url      TEXT,
        title         TEXT,
        etag          TEXT,
        last_modified TEXT,
        body_hash     INTEGER
    );
    CREATE TABLE articles (
        id           INTEGER PRIMARY KEY,
        feed_id      INTEGER NOT NULL REFERENCES feeds(id),
        key          TEXT NOT NULL,
        sort_time    INTEGER NOT NULL,
        read         INTEGER NOT NULL DEFAULT 0,
        content_hash INTEGER NOT NULL,
        published    INTEGER,
        first_seen   INTEGER NOT NULL,
        title        TEXT NOT NULL,
        link         TEXT,
        author       TEXT,
        category     TEXT,
        lead         BLOB,
        body         BLOB,
        UNIQUE (feed_id, key)
    );
    CREATE INDEX articles_window ON articles (feed_id, sort_time DESC, id DESC, read);",
    // v2. Per-feed counters kept by triggers, so the reader's first frame costs the same with
    // 50 or 50,000 articles cached (counting the index took milliseconds per 10k rows).
    "ALTER TABLE feeds ADD COLUMN total INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE feeds ADD COLUMN unread INTEGER NOT NULL DEFAULT 0;
    UPDATE feeds SET
        total = (SELECT count(*) FROM articles a WHERE a.feed_id = feeds.id),
        unread = (SELECT count(*) FROM articles a WHERE a.feed_id = feeds.id AND a.read = 0);
    CREATE TRIGGER articles_count_insert AFTER INSERT ON articles BEGIN
        UPDATE feeds SET total = total + 1, unread = unread + (NEW.read = 0)
        WHERE id = NEW.feed_id;
    END;
    CREATE TRIGGER articles_count_read AFTER UPDATE OF read ON articles
    WHEN (OLD.read = 0) IS NOT (NEW.read = 0) BEGIN
        UPDATE feeds SET unread = unread + (NEW.read = 0) - (OLD.read = 0)
        WHERE id = NEW.feed_id;
    END;
    CREATE TRIGGER articles_count_delete AFTER DELETE ON articles BEGIN
        UPDATE feeds SET total = total - 1, unread = unread - (OLD.read = 0)
        WHERE id = OLD.feed_id;
    END;",
];

/// The schema version this build writes.
pub(crate) const VERSION: i64 = MIGRATIONS.len() as i64;

/// The names of the tables every version of our schema has (used to recognise our files).
pub(crate) const OUR_TABLES: [&str; 2] = ["feeds", "articles"];

pub(crate) fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |row| row.get(0))
}

/// Brings the schema up to [`VERSION`] in one immediate transaction (so two processes
/// starting at once cannot both migrate). A newer file is left alone: the caller checked.
pub(crate) fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let current = user_version(&tx)?;
    for (done, sql) in MIGRATIONS.iter().enumerate() {
        if (done as i64) >= current {
            tx.execute_batch(sql)?;
        }
    }
    if current < VERSION {
        tx.pragma_update(None, "user_version", VERSION)?;
    }
    tx.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrates_from_empty_and_is_idempotent() {
        let mut conn = Connection::open_in_memory().unwrap();
        assert_eq!(user_version(&conn).unwrap(), 0);
        migrate(&mut conn).unwrap();
        assert_eq!(user_version(&conn).unwrap(), VERSION);
        migrate(&mut conn).unwrap();
        assert_eq!(user_version(&conn).unwrap(), VERSION);
        let tables: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('feeds', 'articles')",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(tables, 2);
    }

    fn counters(conn: &Connection) -> (i64, i64) {
        conn.query_row("SELECT total, unread FROM feeds WHERE id = 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap()
    }

    #[test]
    fn counters_follow_inserts_reads_and_the_v1_upgrade() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(MIGRATIONS[0]).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        let insert =
            "INSERT INTO articles (feed_id, key, sort_time, read, content_hash, first_seen, title)
                      VALUES (1, ?1, 0, ?2, 0, 0, 't')";
        conn.execute("INSERT INTO feeds (id, source) VALUES (1, 's')", [])
            .unwrap();
        for (key, read) in [("a", 0), ("b", 1), ("c", 0)] {
            conn.execute(insert, rusqlite::params![key, read]).unwrap();
        }
        migrate(&mut conn).unwrap();
        assert_eq!(counters(&conn), (3, 2), "computed by the upgrade");
        conn.execute(insert, rusqlite::params!["d", 0]).unwrap();
        assert_eq!(counters(&conn), (4, 3));
        conn.execute("UPDATE articles SET read = 1 WHERE key IN ('a', 'b')", [])
            .unwrap();
        assert_eq!(
            counters(&conn),
            (4, 2),
            "re-marking a read article changes nothing"
        );
        conn.execute("UPDATE articles SET read = 0 WHERE key = 'b'", [])
            .unwrap();
        conn.execute("DELETE FROM articles WHERE key = 'c'", [])
            .unwrap();
        assert_eq!(counters(&conn), (3, 2));
    }
}
