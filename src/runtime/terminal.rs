//! The real terminal's setup and the guarantee that it is restored: raw mode, alternate
//! screen, mouse capture and bracketed paste on; off again on drop, on error and on panic (the
//! hook restores, then reports). Only `runtime::run` uses it; owns no product behaviour.

use std::io::{self, Stdout, stdout};
use std::sync::OnceLock;
use std::thread::ThreadId;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

use super::log::Log;

pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// The thread that owns the terminal; panics elsewhere must not tear the screen down.
static UI_THREAD: OnceLock<ThreadId> = OnceLock::new();

/// Restores the terminal when dropped.
pub struct Guard {
    pub terminal: Term,
}

impl Guard {
    /// Installs the panic hook, then switches the terminal over. Fails cleanly (restored)
    /// when there is no terminal.
    pub fn new(log: Log) -> io::Result<Guard> {
        install_panic_hook(log);
        if let Err(e) = enter() {
            restore();
            return Err(e);
        }
        match Terminal::new(CrosstermBackend::new(stdout())) {
            Ok(terminal) => Ok(Guard { terminal }),
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    execute!(
        stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )
}

/// Best effort: every step is tried even when an earlier one fails.
pub fn restore() {
    let _ = execute!(
        stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        Show
    );
    let _ = disable_raw_mode();
}

/// On the UI thread: restore the terminal, then the previous hook prints the panic on the
/// normal screen. On a worker thread: log it instead of printing over the TUI.
fn install_panic_hook(log: Log) {
    let _ = UI_THREAD.set(std::thread::current().id());
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if UI_THREAD.get() == Some(&std::thread::current().id()) {
            restore();
            previous(info);
        } else {
            log.line(&format!("worker panic: {info}"));
        }
    }));
}

/// Puts the default panic hook back once the TUI is gone.
pub fn remove_panic_hook() {
    let _ = std::panic::take_hook();
}
