//! The real loop (`runtime::run_with`) in a thread of the test, on a shared backend, with a
//! real cache in a temporary directory and a local feed file: the test sends `Input` (keys as
//! named in the key table, pastes, signals) and waits for the screen. No network, no terminal.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::Backend;

use chmon::config::Settings;
use chmon::i18n::Lang;
use chmon::keymap::{Key, KeyPress};
use chmon::runtime::{Browser, Input, Options, RuntimeError, run_with};

use super::backend::{ScreenText, Shared};

pub struct Running<B> {
    pub tx: Sender<Input>,
    pub backend: Arc<Mutex<B>>,
    handle: Option<JoinHandle<Result<(), RuntimeError>>>,
}

/// Settings for `feed` with the cache in `dir`, in Ukrainian, Kyiv time; no article page is
/// fetched (the fixtures link to real sites: `full_text = "never"`).
pub fn settings(feed: &Path, dir: &Path) -> Settings {
    let mut settings = Settings::new(feed.display().to_string(), dir);
    settings.lang = Lang::Uk;
    settings.zone = chmon::timefmt::Zone::kyiv();
    for spec in &mut settings.feeds {
        spec.full_text = chmon::config::FullText::Never;
    }
    settings
}

/// A browser that appends its arguments, one line per run, to `log` (a script, no shell
/// string: the URL is an argument).
pub fn recording_browser(dir: &Path, log: &Path, template: &str) -> Browser {
    use std::os::unix::fs::PermissionsExt;
    let script: PathBuf = dir.join("browser.sh");
    let body = format!("#!/bin/sh\nprintf '%s\\n' \"$*\" >> '{}'\n", log.display());
    std::fs::write(&script, body).unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let value = template.replace("BROWSER", &script.display().to_string());
    Browser::from_value(Some(value.into()))
}

impl<B: Backend + ScreenText + Send + 'static> Running<B> {
    pub fn start(settings: Settings, refresh: bool, backend: B, browser: Browser) -> Running<B> {
        let options = Options {
            refresh_on_start: refresh,
            browser,
            clipboard: chmon::runtime::Clipboard::default(),
            save_dir: None,
        };
        Running::start_with(settings, backend, options)
    }

    /// With every option given (the clipboard captured, the save directory).
    pub fn start_with(settings: Settings, backend: B, options: Options) -> Running<B> {
        let backend = Arc::new(Mutex::new(backend));
        let (tx, rx) = mpsc::channel();
        let shared = Shared(backend.clone());
        let handle = std::thread::spawn(move || {
            let mut terminal =
                Terminal::new(shared).map_err(|e| RuntimeError::Draw(e.to_string()))?;
            run_with(&settings, options, &mut terminal, rx)
        });
        Running {
            tx,
            backend,
            handle: Some(handle),
        }
    }

    pub fn screen(&self) -> String {
        self.backend.lock().unwrap().screen_text()
    }

    pub fn send(&self, input: Input) {
        self.tx.send(input).unwrap();
    }

    /// Presses keys named as in the key table (`j`, `Enter`, `Esc`, `Ctrl-c`).
    pub fn keys(&self, names: &[&str]) {
        for name in names {
            self.send(Input::Key(KeyPress::press(Key::parse(name).unwrap())));
        }
    }

    /// Waits (up to 10 s) until `check` holds for the screen; fails with the last screen.
    pub fn wait_for(&self, what: &str, check: impl Fn(&str) -> bool) -> String {
        self.wait_within(what, Duration::from_secs(10), check)
    }

    pub fn wait_within(&self, what: &str, limit: Duration, check: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + limit;
        loop {
            let screen = self.screen();
            if check(&screen) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// True once the loop has returned.
    pub fn finished(&self) -> bool {
        self.handle.as_ref().is_none_or(JoinHandle::is_finished)
    }

    /// Waits for the loop to return and gives its result.
    pub fn join(mut self) -> Result<(), RuntimeError> {
        self.handle.take().unwrap().join().unwrap()
    }
}
