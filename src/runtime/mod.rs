//! The terminal loop: sets the terminal up (and always restores it), starts the worker
//! threads, turns terminal events and worker results into `Action`s, runs `app::update`, carries
//! out the `Effect`s it returns and redraws when something changed. Makes no product decisions.

mod log;
mod opener;
mod terminal;
mod workers;

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use chrono::Utc;
use ratatui::crossterm::event::{Event, KeyEvent, MouseButton, MouseEvent, MouseEventKind};

use crate::action::{Action, Effect, Mouse};
use crate::app::{App, update};
use crate::config::Settings;
use crate::store::{Store, StoreError};
use log::Log;
use terminal::Guard;
use workers::RefreshJob;

#[derive(Debug, thiserror::Error)]
pub enum RuntimeError {
    #[error("terminal: {0}")]
    Terminal(#[from] std::io::Error),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("terminal input: {0}")]
    Input(String),
}

/// What arrives on the loop's one channel.
pub(crate) enum Msg {
    Term(Event),
    Action(Action),
    Signal(i32),
    InputFailed(String),
}

/// The spinner's frame interval while a refresh runs.
const TICK: Duration = Duration::from_millis(120);
/// How long the first frame may wait for the cached headlines.
const FIRST_FRAME_WAIT: Duration = Duration::from_millis(300);

/// Runs the TUI until the user quits or a signal arrives. The terminal is restored on every
/// way out.
pub fn run(settings: &Settings, refresh_on_start: bool) -> Result<(), RuntimeError> {
    let log = Log::open(&settings.log_path());
    log.line(&format!("start: {}", settings.source));
    let mut store = Store::open(&settings.cache_path())?;
    let feed = store.feed(&settings.source)?;
    let notice = store.notice().map(str::to_string);
    let (tx, rx) = mpsc::channel();
    let (jobs, job_rx) = mpsc::channel();
    workers::cache(store, feed.id, job_rx, tx.clone(), log.clone())?;
    workers::signals(tx.clone())?;
    let guard = Guard::new(log.clone())?;
    workers::input(tx.clone())?;
    let mut app = App::new(settings.clone(), Utc::now(), feed.title.clone());
    let mut ctx = Context {
        jobs,
        tx,
        refresh: RefreshJob {
            settings: Arc::new(settings.clone()),
            log: log.clone(),
        },
        log: log.clone(),
    };
    let result = event_loop(guard, &mut app, &mut ctx, rx, refresh_on_start, notice);
    terminal::remove_panic_hook();
    log.line(&format!(
        "exit: {}",
        if result.is_ok() { "ok" } else { "error" }
    ));
    result
}

/// Where effects go.
struct Context {
    jobs: Sender<Effect>,
    tx: Sender<Msg>,
    refresh: RefreshJob,
    log: Log,
}

impl Context {
    fn perform(&self, effects: Vec<Effect>) {
        for effect in effects {
            match effect {
                Effect::Refresh => {
                    if let Err(e) = workers::refresh(self.refresh.clone(), self.tx.clone()) {
                        let action = Action::RefreshFailed {
                            now: Utc::now(),
                            error: e.to_string(),
                        };
                        let _ = self.tx.send(Msg::Action(action));
                    }
                }
                Effect::OpenUrl(url) => {
                    self.log.line(&format!("open {url}"));
                    opener::open(&url, &self.tx);
                }
                Effect::Quit => {}
                job => {
                    if self.jobs.send(job).is_err() {
                        let error = "the cache worker stopped".to_string();
                        let _ = self.tx.send(Msg::Action(Action::StoreFailed(error)));
                    }
                }
            }
        }
    }

    fn apply(&self, app: &mut App, action: Action) {
        let effects = update(app, action);
        self.perform(effects);
    }
}

fn event_loop(
    mut guard: Guard,
    app: &mut App,
    ctx: &mut Context,
    rx: Receiver<Msg>,
    refresh: bool,
    notice: Option<String>,
) -> Result<(), RuntimeError> {
    let size = guard.terminal.size()?;
    ctx.apply(
        app,
        Action::Resize {
            width: size.width,
            height: size.height,
        },
    );
    let start = Action::Start {
        now: Utc::now(),
        refresh,
        notice,
    };
    ctx.apply(app, start);
    let started = Instant::now();
    let mut dirty = true;
    loop {
        let first_frame_due = app.list.loaded || started.elapsed() >= FIRST_FRAME_WAIT;
        if dirty && first_frame_due {
            guard.terminal.draw(|frame| crate::ui::draw(frame, app))?;
            dirty = false;
        }
        let Some(msg) = next_message(app, &rx) else {
            return Ok(());
        };
        // Handle everything already queued before drawing once.
        for msg in std::iter::once(msg).chain(rx.try_iter()) {
            dirty |= handle(app, ctx, msg)?;
            if app.quit {
                return Ok(());
            }
        }
    }
}

/// Waits for the next message; a tick comes instead while a spinner is animating. `None`
/// when every sender is gone.
fn next_message(app: &App, rx: &Receiver<Msg>) -> Option<Msg> {
    if app.refreshing || !app.list.loaded {
        match rx.recv_timeout(TICK) {
            Ok(msg) => Some(msg),
            Err(RecvTimeoutError::Timeout) => Some(Msg::Action(Action::Tick)),
            Err(RecvTimeoutError::Disconnected) => None,
        }
    } else {
        rx.recv().ok()
    }
}

/// Turns one message into an action and applies it; true when the screen may have changed.
fn handle(app: &mut App, ctx: &Context, msg: Msg) -> Result<bool, RuntimeError> {
    let action = match msg {
        Msg::Action(action) => action,
        Msg::Term(event) => match to_action(app, event) {
            Some(action) => action,
            None => return Ok(false),
        },
        Msg::Signal(signal) => {
            ctx.log.line(&format!("signal {signal}: quitting"));
            app.quit = true;
            return Ok(false);
        }
        Msg::InputFailed(error) => return Err(RuntimeError::Input(error)),
    };
    ctx.apply(app, action);
    Ok(true)
}

fn to_action(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) => key_action(app, &key),
        Event::Mouse(mouse) => mouse_action(mouse).map(Action::Mouse),
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        _ => None,
    }
}

fn key_action(app: &App, key: &KeyEvent) -> Option<Action> {
    crate::keymap::intent(app.view(), key).map(Action::Intent)
}

fn mouse_action(mouse: MouseEvent) -> Option<Mouse> {
    match mouse.kind {
        MouseEventKind::ScrollUp => Some(Mouse::ScrollUp),
        MouseEventKind::ScrollDown => Some(Mouse::ScrollDown),
        MouseEventKind::Down(MouseButton::Left) => Some(Mouse::Click {
            column: mouse.column,
            row: mouse.row,
        }),
        _ => None,
    }
}
