//! Opening a link in the browser, never through a shell: `$BROWSER` split into words (quotes
//! and backslashes as in a shell, nothing else), `%s` standing for the URL (else the URL comes
//! last), or the platform opener; detached, stdio null. The app has already checked the scheme.

use std::ffi::OsString;
use std::process::{Command, Stdio};
use std::sync::mpsc::Sender;

use super::Msg;
use crate::action::Action;

/// The browser command: a program and its arguments, `%s` where the URL goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Browser {
    words: Vec<OsString>,
}

impl Browser {
    /// From `$BROWSER`, else `xdg-open` (`open` on macOS).
    pub fn from_env() -> Browser {
        Browser::from_value(std::env::var_os("BROWSER"))
    }

    /// From the value `$BROWSER` would have.
    pub fn from_value(value: Option<OsString>) -> Browser {
        let words = match value.map(OsString::into_string) {
            Some(Ok(text)) => split(&text).into_iter().map(OsString::from).collect(),
            // Not UTF-8: one program name, as it is.
            Some(Err(raw)) => vec![raw],
            None => Vec::new(),
        };
        if words.is_empty() {
            let default = if cfg!(target_os = "macos") {
                "open"
            } else {
                "xdg-open"
            };
            return Browser {
                words: vec![default.into()],
            };
        }
        Browser { words }
    }

    /// The program and arguments for `url`.
    pub fn argv(&self, url: &str) -> Vec<OsString> {
        let mut placed = false;
        let mut argv: Vec<OsString> = self
            .words
            .iter()
            .map(|word| match word.to_str() {
                Some(w) if w.contains("%s") => {
                    placed = true;
                    w.replace("%s", url).into()
                }
                Some(_) | None => word.clone(),
            })
            .collect();
        if !placed {
            argv.push(url.into());
        }
        argv
    }
}

/// Words as a shell would split them, without any of its expansions: whitespace separates,
/// '…' and "…" quote, a backslash escapes the next character (outside single quotes).
fn split(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut quote: Option<char> = None;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some('"') | None, '\\') => {
                if let Some(next) = chars.next() {
                    word.get_or_insert_default().push(next);
                }
            }
            (Some(_), c) => word.get_or_insert_default().push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                word.get_or_insert_default();
            }
            (None, c) if c.is_whitespace() => words.extend(word.take()),
            (None, c) => word.get_or_insert_default().push(c),
        }
    }
    words.extend(word);
    words
}

/// Spawns the browser; a start failure or a failing exit comes back as `OpenLinkFailed`.
pub fn open(browser: &Browser, url: &str, tx: &Sender<Msg>) {
    let argv = browser.argv(url);
    let Some((program, args)) = argv.split_first() else {
        return;
    };
    let spawned = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    let name = program.to_string_lossy().into_owned();
    let mut child = match spawned {
        Ok(child) => child,
        Err(e) => {
            let _ = tx.send(Msg::Action(Action::OpenLinkFailed(format!("{name}: {e}"))));
            return;
        }
    };
    let _ = tx.send(Msg::Action(Action::LinkOpened));
    let tx = tx.clone();
    // Reap the child so it never lingers as a zombie; report a failing exit.
    let _ = std::thread::Builder::new()
        .name("opener".into())
        .spawn(move || {
            if let Ok(status) = child.wait()
                && !status.success()
            {
                let msg = format!("{name}: {status}");
                let _ = tx.send(Msg::Action(Action::OpenLinkFailed(msg)));
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(browser: Option<&str>, url: &str) -> Vec<String> {
        Browser::from_value(browser.map(OsString::from))
            .argv(url)
            .into_iter()
            .map(|w| w.into_string().unwrap())
            .collect()
    }

    #[test]
    fn words_and_the_url() {
        let url = "https://monitor.cn.ua/ua/news/1";
        assert_eq!(argv(Some("firefox"), url), ["firefox", url]);
        assert_eq!(
            argv(Some("firefox --new-tab"), url),
            ["firefox", "--new-tab", url]
        );
        assert_eq!(
            argv(Some("chromium --app=%s --incognito"), url),
            [
                "chromium".to_string(),
                format!("--app={url}"),
                "--incognito".into()
            ]
        );
        assert_eq!(
            argv(Some("'/opt/My Browser/run' -x \"a b\" c\\ d"), url),
            ["/opt/My Browser/run", "-x", "a b", "c d", url]
        );
        assert_eq!(argv(Some("  "), url)[1], url, "blank: the platform opener");
        assert_eq!(argv(None, url).len(), 2);
        assert_eq!(argv(Some("a '' b"), url), ["a", "", "b", url]);
    }

    #[test]
    fn nothing_a_shell_would_do() {
        let url = "https://x.test/?a=1&b=$(id)";
        assert_eq!(
            argv(Some("echo $HOME; rm -rf ~ | cat"), url),
            ["echo", "$HOME;", "rm", "-rf", "~", "|", "cat", url]
        );
        assert_eq!(argv(Some("w3m %s"), url), ["w3m", url]);
    }
}
