//! Opening the cache file: connection settings, a cheap check that the file is ours, and
//! moving a damaged or newer file aside (never deleting it). Must not read or write articles.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use rusqlite::{Connection, ErrorCode};

use super::StoreError;
use super::schema::{self, OUR_TABLES, VERSION};

/// How long a write waits for another chmon process holding the lock.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);
/// The first 16 bytes of every SQLite 3 database file.
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";
/// Files SQLite keeps next to a database; they travel with it when it is moved aside.
const SIDE_SUFFIXES: [&str; 3] = ["-wal", "-shm", "-journal"];

/// Why an existing file cannot be used as it is.
enum Unusable {
    /// Not a database, a damaged one, or someone else's (the reason, for the notice).
    Damaged(String),
    /// Written by a newer chmon with this schema version.
    Newer(i64),
    /// The file or its directory cannot be written: it is opened read-only instead.
    ReadOnly(StoreError),
    /// A real error (permissions, disk): reported, the file is left where it is.
    Fatal(StoreError),
}

/// Opens the cache at `path`, moving an unusable file aside; returns the notice if it did.
pub(super) fn open_file(path: &Path) -> Result<(Connection, Option<String>), StoreError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir).map_err(|e| StoreError::io(path, e))?;
    }
    let (tag, reason) = match try_open(path) {
        Ok(conn) => return Ok((conn, None)),
        Err(Unusable::ReadOnly(e)) => return open_read_only(path, e).map(|c| (c, None)),
        Err(Unusable::Fatal(e)) => return Err(e),
        Err(Unusable::Damaged(why)) => ("corrupt".to_string(), format!("was unreadable ({why})")),
        Err(Unusable::Newer(v)) => (
            format!("newer-v{v}"),
            format!("was written by a newer chmon (schema v{v}; this one knows v{VERSION})"),
        ),
    };
    let aside = move_aside(path, &tag)?;
    let conn = try_open(path).map_err(|bad| match bad {
        Unusable::Fatal(e) | Unusable::ReadOnly(e) => e,
        Unusable::Damaged(why) => StoreError::unusable(path, why),
        Unusable::Newer(v) => StoreError::unusable(path, format!("schema v{v} appeared again")),
    })?;
    let notice = format!(
        "The cache {} {reason}; it was moved to {} and a new cache was started.",
        path.display(),
        aside.display()
    );
    Ok((conn, Some(notice)))
}

/// Opens and checks the file, then migrates it to our schema.
fn try_open(path: &Path) -> Result<Connection, Unusable> {
    check_magic(path)?;
    let classify = |e: rusqlite::Error| classify(path, e);
    let mut conn = Connection::open(path).map_err(classify)?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(classify)?;
    check_schema(&conn).map_err(|e| e.unwrap_or_else(classify))?;
    configure(&conn).map_err(classify)?;
    schema::migrate(&mut conn).map_err(classify)?;
    Ok(conn)
}

/// A cache that cannot be written (a read-only file, directory or mount) is opened read-only
/// and immutable (no WAL side files are needed): `list` and `show` work, writes fail. It is
/// never migrated: one from an older chmon is an error saying so (`why` is the write error).
fn open_read_only(path: &Path, why: StoreError) -> Result<Connection, StoreError> {
    use rusqlite::OpenFlags;
    let Ok(mut uri) = url::Url::from_file_path(std::path::absolute(path).unwrap_or_default())
    else {
        return Err(why);
    };
    uri.set_query(Some("immutable=1"));
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI;
    let conn = Connection::open_with_flags(uri.as_str(), flags)
        .map_err(|e| StoreError::sqlite(path, e))?;
    let version = schema::user_version(&conn).map_err(|e| StoreError::sqlite(path, e))?;
    if version != VERSION {
        return Err(StoreError::unusable(
            path,
            format!(
                "it is read-only and has schema v{version} (this chmon needs v{VERSION}): \
                 make it writable once so that it can be upgraded"
            ),
        ));
    }
    Ok(conn)
}

/// Per-connection settings: WAL so readers and a writer coexist across processes.
pub(super) fn configure(conn: &Connection) -> rusqlite::Result<()> {
    let mode = switch_to_wal(conn)?;
    if !mode.eq_ignore_ascii_case("wal") && !mode.eq_ignore_ascii_case("memory") {
        return Err(rusqlite::Error::InvalidQuery);
    }
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.set_prepared_statement_cache_capacity(32);
    Ok(())
}

/// `PRAGMA journal_mode = WAL` needs the file to itself once (when the file is new) and fails at
/// once as busy, without the busy handler, while another process has it open: chmon processes
/// started together on a new cache take turns here for up to [`BUSY_TIMEOUT`].
fn switch_to_wal(conn: &Connection) -> rusqlite::Result<String> {
    let deadline = Instant::now() + BUSY_TIMEOUT;
    loop {
        match conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0)) {
            Err(e)
                if e.sqlite_error_code() == Some(ErrorCode::DatabaseBusy)
                    && Instant::now() < deadline =>
            {
                std::thread::sleep(Duration::from_millis(5));
            }
            done => return done,
        }
    }
}

/// A non-empty file must start with SQLite's magic string (cheap: reads 16 bytes).
fn check_magic(path: &Path) -> Result<(), Unusable> {
    use std::io::Read;
    let mut file = match fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Unusable::Fatal(StoreError::io(path, e))),
    };
    let mut head = Vec::with_capacity(16);
    (&mut file)
        .take(16)
        .read_to_end(&mut head)
        .map_err(|e| Unusable::Fatal(StoreError::io(path, e)))?;
    if head.is_empty() || head == SQLITE_MAGIC {
        Ok(())
    } else {
        Err(Unusable::Damaged("not an SQLite database".into()))
    }
}

/// Reads only the version and the schema table: no scan of the data. One statement, so one
/// snapshot: another process creating the cache at this moment is seen before or after its
/// migration, never half (a version 0 from before and its tables from after).
fn check_schema(conn: &Connection) -> Result<(), Result<Unusable, rusqlite::Error>> {
    let (version, all, ours): (i64, i64, i64) = conn
        .query_row(
            "SELECT (SELECT user_version FROM pragma_user_version), count(*),
                    count(CASE WHEN type = 'table' AND name IN (?1, ?2) THEN 1 END)
             FROM sqlite_master",
            OUR_TABLES,
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .map_err(Err)?;
    if version < 0 {
        return Err(Ok(Unusable::Damaged(format!(
            "its schema version {version} makes no sense"
        ))));
    }
    if version > VERSION {
        return Err(Ok(Unusable::Newer(version)));
    }
    let expected = if version == 0 {
        0
    } else {
        OUR_TABLES.len() as i64
    };
    if ours != expected || (version == 0 && all != 0) {
        return Err(Ok(Unusable::Damaged("not a chmon cache".into())));
    }
    Ok(())
}

/// Damage reported by SQLite means "move aside"; anything else is a real error.
fn classify(path: &Path, e: rusqlite::Error) -> Unusable {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => {
            Unusable::Damaged(e.to_string())
        }
        Some(ErrorCode::ReadOnly) if path.exists() => {
            Unusable::ReadOnly(StoreError::sqlite(path, e))
        }
        _ => Unusable::Fatal(StoreError::sqlite(path, e)),
    }
}

/// Renames the file (and its WAL side files, which must never pair with a new database) to
/// `<name>.<tag>-<unix time>`; returns the new path of the main file.
fn move_aside(path: &Path, tag: &str) -> Result<PathBuf, StoreError> {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let aside = free_name(path, &format!("{tag}-{now}"));
    rename(path, &aside)?;
    for suffix in SIDE_SUFFIXES {
        let side = with_suffix(path, suffix);
        if side.exists() {
            rename(&side, &with_suffix(&aside, suffix))?;
        }
    }
    Ok(aside)
}

fn rename(from: &Path, to: &Path) -> Result<(), StoreError> {
    fs::rename(from, to).map_err(|source| StoreError::MoveAside {
        path: from.display().to_string(),
        to: to.display().to_string(),
        source,
    })
}

/// `<path>.<tag>`, or `<path>.<tag>.<n>` if that is taken (two starts in one second).
fn free_name(path: &Path, tag: &str) -> PathBuf {
    let first = with_suffix(path, &format!(".{tag}"));
    let mut candidate = first.clone();
    let mut n = 1;
    while candidate.exists() || with_suffix(&candidate, "-wal").exists() {
        candidate = with_suffix(&first, &format!(".{n}"));
        n += 1;
    }
    candidate
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}
