//! The refresh lock: one refresh of a cache at a time, across processes. An advisory lock
//! (`File::try_lock`) on `refresh.lock` in the data directory, released when the guard drops
//! or the process dies (the kernel drops it: no stale lock after `kill -9`).
//! Must not touch the cache itself.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;

use super::RefreshError;

/// The lock file's name inside the data directory.
pub const LOCK_FILE: &str = "refresh.lock";

/// Held while a refresh runs; dropping it lets the next one in.
#[derive(Debug)]
pub struct RefreshLock {
    _file: File,
}

/// Takes the refresh lock of the cache in `data_dir` (creating the directory and the file), or
/// says [`RefreshError::Busy`] at once when another refresh holds it.
pub fn lock(data_dir: &Path) -> Result<RefreshLock, RefreshError> {
    let path = data_dir.join(LOCK_FILE);
    let fail = |source| RefreshError::Lock {
        path: path.display().to_string(),
        source,
    };
    std::fs::create_dir_all(data_dir).map_err(fail)?;
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(fail)?;
    match file.try_lock() {
        Ok(()) => Ok(RefreshLock { _file: file }),
        Err(TryLockError::WouldBlock) => Err(RefreshError::Busy),
        Err(TryLockError::Error(e)) => Err(fail(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let first = lock(dir.path()).unwrap();
        assert!(matches!(lock(dir.path()), Err(RefreshError::Busy)));
        drop(first);
        assert!(lock(dir.path()).is_ok());
    }
}
