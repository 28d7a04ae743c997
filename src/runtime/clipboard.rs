//! Copying to the terminal's clipboard with OSC 52 (`ESC ] 52 ; c ; base64 BEL`), which works
//! over SSH and, with tmux's `set-clipboard on`, inside tmux; and saving an article as a text
//! file in the download directory under a safe, new name. Carries out `Effect::Copy` and
//! `Effect::Save`; makes no product decisions (the app chose the text).

use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

/// Where OSC 52 goes.
#[derive(Debug, Clone, Default)]
pub enum Clipboard {
    /// The real terminal (stdout).
    #[default]
    Terminal,
    /// A buffer (tests): the bytes the terminal would get.
    Capture(Arc<Mutex<Vec<u8>>>),
}

/// The escape sequence that puts `text` on the clipboard.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", STANDARD.encode(text))
}

impl Clipboard {
    pub fn copy(&self, text: &str) -> io::Result<()> {
        let seq = osc52(text);
        match self {
            Clipboard::Terminal => {
                let mut out = io::stdout().lock();
                out.write_all(seq.as_bytes())?;
                out.flush()
            }
            Clipboard::Capture(buf) => {
                let mut buf = buf.lock().map_err(|_| io::Error::other("clipboard lock"))?;
                buf.extend_from_slice(seq.as_bytes());
                Ok(())
            }
        }
    }
}

/// The longest file name stem, in characters.
const NAME_CHARS: usize = 80;

/// A file name stem from a title: no path separators, control characters or characters other
/// systems refuse, no leading dot, spaces collapsed, at most [`NAME_CHARS`] characters.
pub fn safe_name(title: &str) -> String {
    let mapped: String = title
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '-',
            c if c.is_whitespace() => ' ',
            c => c,
        })
        .filter(|c| !c.is_control())
        .collect();
    let words: Vec<&str> = mapped.split_whitespace().collect();
    let joined: String = words.join(" ").chars().take(NAME_CHARS).collect();
    let name = joined
        .trim_matches(|c: char| c == '.' || c == ' ' || c == '-')
        .to_string();
    if name.is_empty() {
        "article".to_string()
    } else {
        name
    }
}

/// The directory saved articles go to: the user's download directory, else the home one.
pub fn download_dir() -> Option<PathBuf> {
    let dirs = directories::UserDirs::new()?;
    Some(
        dirs.download_dir()
            .unwrap_or_else(|| dirs.home_dir())
            .to_path_buf(),
    )
}

/// Writes `text` to `dir/<name>.txt`, or `<name>-2.txt`, `-3`… (never over a file).
pub fn save(dir: &Path, title: &str, text: &str) -> io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let stem = safe_name(title);
    for n in 1..=999 {
        let name = match n {
            1 => format!("{stem}.txt"),
            n => format!("{stem}-{n}.txt"),
        };
        let path = dir.join(name);
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(mut file) => {
                file.write_all(text.as_bytes())?;
                return Ok(path);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("too many files of that name"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_is_base64_between_the_escapes() {
        assert_eq!(osc52("http://x.ua/a"), "\x1b]52;c;aHR0cDovL3gudWEvYQ==\x07");
    }

    #[test]
    fn names_are_safe() {
        assert_eq!(safe_name("Суд / вирок: 5 років?"), "Суд - вирок- 5 років");
        assert_eq!(safe_name("../../etc/passwd"), "etc-passwd");
        assert_eq!(safe_name("a\x1b[31mb\u{7}\nc"), "a[31mb c");
        assert_eq!(safe_name("  ...  "), "article");
        assert_eq!(safe_name(&"ї".repeat(300)).chars().count(), NAME_CHARS);
    }

    #[test]
    fn save_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let a = save(dir.path(), "Новина", "один").unwrap();
        let b = save(dir.path(), "Новина", "два").unwrap();
        let c = save(dir.path(), "Новина", "три").unwrap();
        assert_eq!(a.file_name().unwrap(), "Новина.txt");
        assert_eq!(b.file_name().unwrap(), "Новина-2.txt");
        assert_eq!(c.file_name().unwrap(), "Новина-3.txt");
        assert_eq!(std::fs::read_to_string(a).unwrap(), "один");
    }
}
