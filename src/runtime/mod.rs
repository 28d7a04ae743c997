//! The loop: starts the cache worker (and the page workers on demand), turns `Input` and worker
//! results into `Action`s, runs `app::update`, carries out the `Effect`s it returns, sends the
//! clock when the app asks for it and redraws when something changed. `run_with` works on any ratatui `Backend` and any
//! source of `Input` (tests drive it on a `TestBackend`); `run` is the real terminal (set up
//! and always restored in `terminal`). Makes no product decisions and changes no `App` field.

mod cache;
mod clipboard;
mod effects;
mod input;
mod log;
mod opener;
mod pages;
mod terminal;
mod workers;

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use chrono::Utc;
use ratatui::Terminal;
use ratatui::backend::Backend;

pub use clipboard::{Clipboard, osc52, safe_name};
pub use input::{Input, STOP_SIGNALS};
pub use opener::Browser;

use crate::action::Action;
use crate::app::App;
use crate::config::Settings;
use crate::model::{Counts, FeedSummary, Scope};
use crate::store::{Store, StoreError};
use effects::Context;
use log::Log;
use terminal::Guard;
use workers::RefreshJob;

#[derive(Debug, thiserror::Error)]
pub enum RuntimeError {
    #[error("terminal: {0}")]
    Terminal(#[from] std::io::Error),
    #[error("terminal: {0}")]
    Draw(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("terminal input: {0}")]
    Input(String),
}

/// What arrives on the loop's one channel.
pub(crate) enum Msg {
    Input(Input),
    Action(Action),
    /// Every input sender is gone.
    InputClosed,
}

/// How a run starts.
#[derive(Debug, Clone)]
pub struct Options {
    pub refresh_on_start: bool,
    /// What `o` runs.
    pub browser: Browser,
    /// Where `y` / `Y` write OSC 52.
    pub clipboard: Clipboard,
    /// Where `w` saves articles; `None`: the user's download directory (else home).
    pub save_dir: Option<std::path::PathBuf>,
}

/// How long the first frame may wait for the cached headlines.
const FIRST_FRAME_WAIT: Duration = Duration::from_millis(300);

/// The reader in the real terminal until the user quits or a signal arrives. The terminal is
/// restored on every way out, before the last cache writes are waited for.
pub fn run(settings: &Settings, refresh_on_start: bool) -> Result<(), RuntimeError> {
    let options = Options {
        refresh_on_start,
        browser: Browser::from_env(),
        clipboard: Clipboard::Terminal,
        save_dir: None,
    };
    let mut session = Session::open(settings, options)?;
    let (tx, events) = mpsc::channel();
    input::signals(tx.clone())?;
    let result = Guard::new(session.log.clone())
        .and_then(|guard| input::terminal_events(tx).map(|()| guard))
        .map_err(RuntimeError::from)
        .and_then(|mut guard| session.run(&mut guard.terminal, events));
    terminal::remove_panic_hook();
    session.finish(&result);
    result
}

/// The reader on any backend, driven by `events` (a test sends keys through the real loop).
pub fn run_with<B: Backend>(
    settings: &Settings,
    options: Options,
    terminal: &mut Terminal<B>,
    events: Receiver<Input>,
) -> Result<(), RuntimeError> {
    let mut session = Session::open(settings, options)?;
    let result = session.run(terminal, events);
    session.finish(&result);
    result
}

/// Everything a run holds between start and finish.
struct Session {
    app: App,
    ctx: Context,
    rx: Receiver<Msg>,
    cache: JoinHandle<()>,
    notice: Option<String>,
    refresh_on_start: bool,
    log: Log,
}

impl Session {
    /// Opens the cache and starts its worker (before the terminal is touched, so an error is
    /// printed on a normal screen).
    fn open(settings: &Settings, options: Options) -> Result<Session, RuntimeError> {
        let log = Log::open(&settings.log_path());
        log.line(&format!(
            "start: {} feed(s), first {}",
            settings.feeds.len(),
            settings.first_source()
        ));
        let (store, feeds, counts) = open_feeds(settings)?;
        let ids: Vec<i64> = feeds.iter().map(|f| f.id).collect();
        let notice = store.notice().map(str::to_string);
        let (tx, rx) = mpsc::channel();
        let (jobs, job_rx) = mpsc::channel();
        let cache = cache::spawn(store, ids.clone(), job_rx, tx.clone(), log.clone())?;
        let refresh = RefreshJob {
            settings: Arc::new(settings.clone()),
            feed_ids: Arc::new(ids),
            log: log.clone(),
        };
        let cut_note = settings.lang.pages().cut;
        let pages = pages::Pages::new(settings.fetch.clone(), cut_note, tx.clone(), log.clone());
        let ctx = Context {
            jobs: Some(jobs),
            tx,
            refresh,
            pages,
            browser: options.browser,
            clipboard: options.clipboard,
            save_dir: options.save_dir,
            log: log.clone(),
        };
        let mut app = App::new(settings.clone(), Utc::now(), feeds);
        app.feeds.counts = counts;
        Ok(Session {
            app,
            ctx,
            rx,
            cache,
            notice,
            refresh_on_start: options.refresh_on_start,
            log,
        })
    }

    /// Lets the cache worker write what it still holds (it gives up after a while), then logs.
    fn finish(mut self, result: &Result<(), RuntimeError>) {
        self.ctx.jobs = None;
        let deadline = Instant::now() + cache::EXIT_PATIENCE + Duration::from_secs(1);
        while !self.cache.is_finished() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
        }
        let how = if result.is_ok() { "ok" } else { "error" };
        self.log.line(&format!("exit: {how}"));
    }

    fn run<B: Backend>(
        &mut self,
        terminal: &mut Terminal<B>,
        events: Receiver<Input>,
    ) -> Result<(), RuntimeError> {
        forward(events, self.ctx.tx.clone())?;
        let size = terminal.size().map_err(draw_error)?;
        let resize = Action::Resize {
            width: size.width,
            height: size.height,
        };
        let start = Action::Start {
            now: Utc::now(),
            refresh: self.refresh_on_start,
            notice: self.notice.take(),
        };
        if self.ctx.apply(&mut self.app, resize) || self.ctx.apply(&mut self.app, start) {
            return Ok(());
        }
        event_loop(terminal, &mut self.app, &self.ctx, &self.rx)
    }
}

type ScopeCounts = HashMap<Scope, Counts>;

/// The cache with the run's feeds in it (the list mirrored, or the one-off source), their
/// summaries in order and every list's counts: what the first frame needs, read once.
fn open_feeds(settings: &Settings) -> Result<(Store, Vec<FeedSummary>, ScopeCounts), RuntimeError> {
    let mut store = Store::open(&settings.cache_path())?;
    let ids = if settings.one_off {
        vec![store.feed(settings.first_source())?.id]
    } else {
        store.sync_list(&crate::store::Listed::from_specs(&settings.feeds))?
    };
    let feeds = if settings.one_off {
        let mut one = Vec::with_capacity(1);
        for id in ids {
            one.extend(store.feed_summary(id)?);
        }
        one
    } else {
        store.listed_feeds()?
    };
    let counts = store.scope_counts()?;
    Ok((store, feeds, counts))
}

fn draw_error(e: impl std::fmt::Display) -> RuntimeError {
    RuntimeError::Draw(e.to_string())
}

/// Moves `Input` from the caller's channel onto the loop's one channel.
fn forward(events: Receiver<Input>, tx: Sender<Msg>) -> std::io::Result<()> {
    let body = move || {
        for input in events {
            if tx.send(Msg::Input(input)).is_err() {
                return;
            }
        }
        let _ = tx.send(Msg::InputClosed);
    };
    std::thread::Builder::new()
        .name("events".into())
        .spawn(body)
        .map(|_| ())
}

fn event_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    ctx: &Context,
    rx: &Receiver<Msg>,
) -> Result<(), RuntimeError> {
    let started = Instant::now();
    let mut last_tick = Instant::now();
    let mut dirty = true;
    loop {
        let first_frame_due = app.list.loaded || started.elapsed() >= FIRST_FRAME_WAIT;
        if dirty && first_frame_due {
            terminal
                .draw(|frame| crate::ui::draw(frame, app))
                .map_err(draw_error)?;
            dirty = false;
        }
        let Some(msg) = next_message(app, rx, &mut last_tick) else {
            return Ok(());
        };
        // Handle everything already queued before drawing once.
        for msg in std::iter::once(msg).chain(rx.try_iter()) {
            if ctx.apply(app, to_action(ctx, msg)?) {
                return Ok(());
            }
            dirty = true;
        }
    }
}

/// Waits for the next message; the clock comes instead when the app wants it. `None` when
/// every sender is gone.
fn next_message(app: &App, rx: &Receiver<Msg>, last_tick: &mut Instant) -> Option<Msg> {
    let Some(every) = app.tick_interval() else {
        return rx.recv().ok();
    };
    let tick = |last_tick: &mut Instant| {
        *last_tick = Instant::now();
        Some(Msg::Action(Action::Tick { now: Utc::now() }))
    };
    let due = *last_tick + every;
    if Instant::now() >= due {
        return tick(last_tick);
    }
    match rx.recv_timeout(due.saturating_duration_since(Instant::now())) {
        Ok(msg) => Some(msg),
        Err(RecvTimeoutError::Timeout) => tick(last_tick),
        Err(RecvTimeoutError::Disconnected) => None,
    }
}

/// The action a message stands for.
fn to_action(ctx: &Context, msg: Msg) -> Result<Action, RuntimeError> {
    let input = match msg {
        Msg::Action(action) => return Ok(action),
        Msg::InputClosed => return Err(RuntimeError::Input("the input closed".into())),
        Msg::Input(input) => input,
    };
    Ok(match input {
        Input::Key(press) => Action::Key(press),
        Input::Paste(text) => Action::Paste(text),
        Input::Mouse(mouse) => Action::Mouse(mouse),
        Input::Resize { width, height } => Action::Resize { width, height },
        Input::Signal(signal) => {
            ctx.log.line(&format!("signal {signal}: quitting"));
            Action::Terminate
        }
        Input::Failed(error) => return Err(RuntimeError::Input(error)),
    })
}
