//! The TUI's state and `update`, the only code that changes it: one exhaustive match over
//! `Action`, each arm handed to `input`, `intents` or `results`. No IO, no clock reads (the
//! runtime passes `now` in), no terminal or network types: every outside effect is an `Effect`.

mod input;
mod intents;
pub mod list;
pub mod reader;
mod results;

use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::action::{Action, Effect, View};
use crate::config::Settings;
use list::{ListLine, ListState};
use reader::{Context, Reader};

/// Rows the chrome takes: title bar, status bar, hint bar.
pub const CHROME_ROWS: u16 = 3;
/// Below this the screen shows only a "too small" message.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 5;
/// How often the clock is wanted while the refresh spinner turns.
pub const SPINNER_TICK: Duration = Duration::from_millis(120);
/// How often the clock is wanted while a status message waits to expire.
pub const STATUS_TICK: Duration = Duration::from_secs(1);
/// How long a message stays in the status bar when no key is pressed (errors longer).
pub const INFO_SECONDS: i64 = 5;
pub const ERROR_SECONDS: i64 = 10;

/// The status-bar message (a running refresh is shown over it).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Status {
    #[default]
    None,
    Info(String),
    Error(String),
}

#[derive(Debug, Clone)]
pub struct App {
    pub settings: Settings,
    pub now: DateTime<Utc>,
    pub width: u16,
    pub height: u16,
    pub feed_title: Option<String>,
    pub list: ListState,
    /// `Some` while the article view is open.
    pub reader: Option<Reader>,
    pub help: bool,
    pub status: Status,
    pub refreshing: bool,
    /// The last refresh error, kept for the empty-cache screen.
    pub refresh_error: Option<String>,
    pub spinner: usize,
    /// Set when the app has asked to stop (`Effect::Quit`).
    pub quit: bool,
    /// An article loaded only to open its link (`o` in the list).
    open_link_of: Option<i64>,
    /// When the status message was first seen by a tick (it expires from then on).
    status_since: Option<DateTime<Utc>>,
}

impl App {
    pub fn new(settings: Settings, now: DateTime<Utc>, feed_title: Option<String>) -> App {
        App {
            settings,
            now,
            width: 80,
            height: 24,
            feed_title,
            list: ListState::default(),
            reader: None,
            help: false,
            status: Status::None,
            refreshing: false,
            refresh_error: None,
            spinner: 0,
            quit: false,
            open_link_of: None,
            status_since: None,
        }
    }

    /// Rows between the title bar and the status bar.
    pub fn body_height(&self) -> usize {
        usize::from(self.height.saturating_sub(CHROME_ROWS))
    }

    /// Width of the article text column: the screen less margins, at most the reading width.
    pub fn text_width(&self) -> usize {
        usize::from(self.width.saturating_sub(4))
            .min(self.settings.reading_width)
            .max(1)
    }

    pub fn too_small(&self) -> bool {
        self.width < MIN_WIDTH || self.height < MIN_HEIGHT
    }

    /// The title bar's name: the feed's own title, else what the user gave.
    pub fn title(&self) -> &str {
        self.feed_title.as_deref().unwrap_or(&self.settings.source)
    }

    /// Which screen keys act on now.
    pub fn view(&self) -> View {
        match (self.help, &self.reader) {
            (true, _) => View::Help,
            (false, Some(_)) => View::Article,
            (false, None) => View::List,
        }
    }

    pub fn list_lines(&self) -> Vec<ListLine> {
        self.list.lines(self.body_height(), &self.settings.zone)
    }

    /// How often the runtime should send `Action::Tick` with the time; `None`: not at all.
    pub fn tick_interval(&self) -> Option<Duration> {
        if self.refreshing || !self.list.loaded {
            Some(SPINNER_TICK)
        } else if self.status != Status::None {
            Some(STATUS_TICK)
        } else {
            None
        }
    }

    /// Shows a message in the status bar until the next key or its time runs out.
    fn say(&mut self, status: Status) {
        self.status = status;
        self.status_since = None;
    }

    fn context(&self) -> Context {
        Context {
            lang: self.settings.lang,
            zone: self.settings.zone,
            now: self.now,
        }
    }

    /// Selects a row and fetches the window around it when needed.
    fn select(&mut self, pos: usize) -> Vec<Effect> {
        let height = self.body_height();
        self.list.select(pos, height, &self.settings.zone);
        self.list.ensure_window(height, false).into_iter().collect()
    }
}

/// Applies one action; returns the effects the runtime must carry out.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Key(press) => input::key(app, press),
        Action::Paste(_) => input::pasted(app),
        Action::Intent(intent) => input::intent(app, intent),
        Action::Mouse(mouse) => input::mouse(app, mouse),
        Action::Resize { width, height } => input::resized(app, width, height),
        Action::Tick { now } => ticked(app, now),
        Action::Terminate => intents::quit(app),
        Action::Start {
            now,
            refresh,
            notice,
        } => started(app, now, refresh, notice),
        Action::HeadlinesLoaded(window) => results::headlines(app, window),
        Action::Located {
            article_id,
            position,
            counts,
        } => results::located(app, article_id, position, counts),
        Action::ArticleLoaded { id, article } => results::article(app, id, article.map(|a| *a)),
        Action::StoreFailed(error) => results::store_failed(app, &error),
        Action::RefreshStarted => results::refresh_started(app),
        Action::RefreshFinished {
            now,
            new,
            feed_title,
        } => results::refreshed(app, now, new, feed_title),
        Action::RefreshFailed { now, error } => results::refresh_failed(app, now, &error),
        Action::LinkOpened => results::link_opened(app),
        Action::OpenLinkFailed(error) => results::open_failed(app, &error),
    }
}

/// The first action: the first window of headlines, and a refresh unless told otherwise.
fn started(
    app: &mut App,
    now: DateTime<Utc>,
    refresh: bool,
    notice: Option<String>,
) -> Vec<Effect> {
    app.now = now;
    if let Some(notice) = notice {
        app.say(Status::Info(notice));
    }
    let mut effects: Vec<Effect> = app
        .list
        .ensure_window(app.body_height(), true)
        .into_iter()
        .collect();
    if refresh {
        app.refreshing = true;
        effects.push(Effect::Refresh);
    }
    effects
}

/// The clock: turns the spinner and lets a status message expire.
fn ticked(app: &mut App, now: DateTime<Utc>) -> Vec<Effect> {
    app.now = now;
    app.spinner = app.spinner.wrapping_add(1);
    let seconds = match app.status {
        Status::None => return Vec::new(),
        Status::Info(_) => INFO_SECONDS,
        Status::Error(_) => ERROR_SECONDS,
    };
    match app.status_since {
        None => app.status_since = Some(now),
        Some(since) if (now - since).num_seconds() >= seconds => app.say(Status::None),
        Some(_) => {}
    }
    Vec::new()
}
