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
    // v3. Many feeds, one article per link: see `schema_v3`.
    super::schema_v3::SQL,
    // Unread-only lists and the starred view by index: see `schema_v4`.
    super::schema_v4::SQL,
    // Full-text pages (issue 11): see `schema_pages`.
    super::schema_pages::SQL,
    // The search index: see `schema_search`.
    super::schema_search::SQL,
    // New articles pending for the index by a watermark, not a row each: see `schema_search`.
    super::schema_search::MARK_SQL,
    // A feed's first import fills its lists once, not a row at a time: see `bulk`.
    super::bulk::SQL,
];

/// Work a migration needs besides its SQL, run right after it in the same transaction.
fn after(version: i64, conn: &Connection) -> rusqlite::Result<()> {
    match version {
        3 => super::schema_v3::backfill(conn),
        _ => Ok(()),
    }
}

/// The schema version this build writes.
pub(crate) const VERSION: i64 = MIGRATIONS.len() as i64;

/// The names of the tables every version of our schema has (used to recognise our files).
pub(crate) const OUR_TABLES: [&str; 2] = ["feeds", "articles"];

pub(crate) fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |row| row.get(0))
}

/// Brings the schema up to [`VERSION`] in one immediate transaction (so two processes
/// starting at once cannot both migrate). A file that is up to date is only read: opening the
/// cache never waits for a refresh that is writing. A newer file never gets here (the caller
/// moved it aside).
pub(crate) fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    if user_version(conn)? == VERSION {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let current = user_version(&tx)?;
    for (done, sql) in MIGRATIONS.iter().enumerate() {
        if (done as i64) >= current {
            tx.execute_batch(sql)?;
            after(done as i64 + 1, &tx)?;
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

    /// Applies migrations up to and including `version` (the way an old chmon left the file).
    fn migrate_to(conn: &Connection, version: usize) {
        for sql in &MIGRATIONS[..version] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", version as i64)
            .unwrap();
    }

    fn list_counts(conn: &Connection, scope: &str) -> (i64, i64) {
        conn.query_row(
            "SELECT total, unread FROM lists WHERE scope = ?1",
            [scope],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap()
    }

    const V2_INSERT: &str = "INSERT INTO articles
        (feed_id, key, sort_time, read, content_hash, first_seen, title, link)
        VALUES (?1, ?2, ?3, ?4, 0, 0, 't', ?5)";

    #[test]
    fn v2_counters_are_still_computed_on_the_way_up() {
        let conn = Connection::open_in_memory().unwrap();
        migrate_to(&conn, 1);
        conn.execute("INSERT INTO feeds (id, source) VALUES (1, 's')", [])
            .unwrap();
        for (key, read) in [("a", 0), ("b", 1), ("c", 0)] {
            conn.execute(
                V2_INSERT,
                rusqlite::params![1, key, 0, read, None::<String>],
            )
            .unwrap();
        }
        conn.execute_batch(MIGRATIONS[1]).unwrap();
        let v2: (i64, i64) = conn
            .query_row("SELECT total, unread FROM feeds WHERE id = 1", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert_eq!(v2, (3, 2));
    }

    /// A v2 cache that read one page through two feeds (the site and its feed) and
    /// another page twice in one feed: one article per link across feeds, one read state.
    #[test]
    fn v3_upgrade_merges_one_page_of_two_feeds_and_keeps_counts() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate_to(&conn, 2);
        conn.execute_batch("INSERT INTO feeds (id, source) VALUES (1, 'site'), (2, 'feed')")
            .unwrap();
        let rows = [
            (
                1,
                "monitor.cn.ua/ua/news/1",
                10,
                0,
                "http://monitor.cn.ua/ua/news/1",
            ),
            (1, "g-a", 20, 0, "http://x.ua/same"),
            (1, "g-b", 30, 1, "http://x.ua/same"),
            (
                2,
                "https://www.monitor.cn.ua/ua/news/1",
                10,
                1,
                "https://www.monitor.cn.ua/ua/news/1",
            ),
            (2, "only-2", 40, 0, "http://monitor.cn.ua/ua/news/2"),
        ];
        for (feed, key, time, read, link) in rows {
            conn.execute(V2_INSERT, rusqlite::params![feed, key, time, read, link])
                .unwrap();
        }
        migrate(&mut conn).unwrap();
        let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
        assert_eq!(
            count("SELECT count(*) FROM articles"),
            4,
            "news/1 is stored once"
        );
        assert_eq!(count("SELECT count(*) FROM memberships"), 5);
        assert_eq!(
            count("SELECT read FROM articles WHERE key = 'monitor.cn.ua/ua/news/1'"),
            1,
            "read in either feed is read"
        );
        assert_eq!(list_counts(&conn, "feed:1"), (3, 1));
        assert_eq!(list_counts(&conn, "feed:2"), (2, 1));
        assert_eq!(list_counts(&conn, "all"), (0, 0), "nothing is listed yet");
        // The triggers keep the counters from now on.
        conn.execute("UPDATE articles SET read = 1 WHERE key = 'g-a'", [])
            .unwrap();
        assert_eq!(list_counts(&conn, "feed:1"), (3, 0));
        conn.execute("DELETE FROM articles WHERE key = 'only-2'", [])
            .unwrap();
        assert_eq!(list_counts(&conn, "feed:2"), (1, 0));
        assert_eq!(count("SELECT count(*) FROM memberships"), 4);
        assert_eq!(count("SELECT count(*) FROM links"), 2);
    }

    /// A cache from before the search index: every article is left to index (in the background).
    #[test]
    fn an_upgraded_cache_has_every_article_to_index() {
        let mut conn = Connection::open_in_memory().unwrap();
        let at = MIGRATIONS
            .iter()
            .position(|m| *m == super::super::schema_search::SQL)
            .unwrap();
        migrate_to(&conn, at);
        conn.execute("INSERT INTO feeds (id, source) VALUES (1, 's')", [])
            .unwrap();
        for key in ["a", "b"] {
            conn.execute(
                "INSERT INTO articles (feed_id, key, sort_time, content_hash, first_seen, title)
                 VALUES (1, ?1, 0, 0, 0, 'Уряд')",
                [key],
            )
            .unwrap();
        }
        migrate(&mut conn).unwrap();
        let dirty: i64 = conn
            .query_row("SELECT count(*) FROM search_dirty", [], |r| r.get(0))
            .unwrap();
        assert_eq!(dirty, 2);
    }
}
