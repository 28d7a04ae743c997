//! The TUI's state and `update`, the only code that changes it. No IO, no clock reads (the
//! runtime passes `now` in), no terminal or network types: every outside effect is an `Effect`.

mod intents;
pub mod list;
pub mod reader;
mod results;

use chrono::{DateTime, Utc};

use crate::action::{Action, Effect, Mouse, View};
use crate::config::Settings;
use list::{ListLine, ListState};
use reader::{Context, Reader};

/// Rows the chrome takes: title bar, status bar, hint bar.
pub const CHROME_ROWS: u16 = 3;
/// Below this the screen shows only a "too small" message.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 5;

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
    pub quit: bool,
    /// An article loaded only to open its link (`o` in the list).
    open_link_of: Option<i64>,
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
        Action::Start {
            now,
            refresh,
            notice,
        } => started(app, now, refresh, notice),
        Action::Intent(intent) => intents::apply(app, intent),
        Action::HeadlinesLoaded(window) => {
            if !app.list.accept(window) {
                return Vec::new();
            }
            let pos = app.list.selected;
            app.select(pos)
        }
        Action::Located {
            article_id,
            position,
            counts,
        } => results::located(app, article_id, position, counts),
        Action::ArticleLoaded { id, article } => {
            results::article_loaded(app, id, article.map(|a| *a))
        }
        Action::StoreFailed(error) => {
            app.status = Status::Error(format!(
                "{}: {error}",
                app.settings.lang.strings().load_failed
            ));
            Vec::new()
        }
        other => results::other(app, other),
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
        app.status = Status::Info(notice);
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

pub(super) fn resized(app: &mut App, width: u16, height: u16) -> Vec<Effect> {
    app.width = width;
    app.height = height;
    let text_width = app.text_width();
    let body = app.body_height();
    let cx = app.context();
    if let Some(reader) = app.reader.as_mut() {
        if reader.width != text_width {
            reader.layout(text_width, &cx);
        }
        reader.scroll = reader.scroll.min(reader.max_scroll(body));
    }
    let pos = app.list.selected;
    app.select(pos)
}

/// Wheel scrolls the view; a click on a headline selects it (a second click opens it).
pub(super) fn clicked(app: &mut App, mouse: Mouse) -> Vec<Effect> {
    let body = app.body_height();
    if let Some(reader) = app.reader.as_mut() {
        match mouse {
            Mouse::ScrollUp => reader.scroll_by(-3, body),
            Mouse::ScrollDown => reader.scroll_by(3, body),
            Mouse::Click { .. } => {}
        }
        return Vec::new();
    }
    match mouse {
        Mouse::ScrollUp => app.select(app.list.selected.saturating_sub(3)),
        Mouse::ScrollDown => app.select(app.list.selected + 3),
        Mouse::Click { row, .. } => {
            let line = usize::from(row).checked_sub(1);
            match line.and_then(|l| app.list_lines().get(l).copied()) {
                Some(ListLine::Row(pos)) if pos == app.list.selected => {
                    intents::apply(app, crate::action::Intent::Open)
                }
                Some(ListLine::Row(pos)) => app.select(pos),
                _ => Vec::new(),
            }
        }
    }
}
