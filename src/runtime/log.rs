//! The TUI's log file: append-only lines with a UTC time, never printed over the screen. A
//! file over 1 MiB is moved to `<name>.old` at start. Logging failures are ignored.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::Path;
use std::sync::{Arc, Mutex};

const MAX_BYTES: u64 = 1024 * 1024;

#[derive(Clone, Default)]
pub struct Log {
    file: Option<Arc<Mutex<File>>>,
}

impl Log {
    pub fn open(path: &Path) -> Log {
        if std::fs::metadata(path).is_ok_and(|m| m.len() > MAX_BYTES) {
            let _ = std::fs::rename(path, path.with_extension("log.old"));
        }
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let file = OpenOptions::new().create(true).append(true).open(path).ok();
        Log {
            file: file.map(|f| Arc::new(Mutex::new(f))),
        }
    }

    pub fn line(&self, message: &str) {
        let Some(file) = &self.file else {
            return;
        };
        let stamp = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ");
        if let Ok(mut f) = file.lock() {
            let _ = writeln!(f, "{stamp} {message}");
        }
    }
}
