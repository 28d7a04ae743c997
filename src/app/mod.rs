//! The TUI's state and `update`, the only code that changes it: one exhaustive match over
//! `Action`, each arm handed to `input`, `intents`, `panes`, `marks`, `links`, `refreshing`,
//! `results`, `search`, `pages` or `clock`. No IO,
//! no clock reads (the runtime passes `now` in), no terminal or network types: every outside
//! effect is an `Effect`.

mod clock;
pub mod feeds;
mod input;
mod intents;
pub mod links;
pub mod list;
pub mod marks;
pub mod pages;
mod panes;
mod popup;
pub mod reader;
pub mod refreshing;
mod results;
pub mod search;

use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::action::{Action, Effect, Intent, View};
use crate::config::{FeedSpec, Settings};
use crate::model::{FeedSummary, ListQuery, Scope};
use feeds::FeedPane;
use list::{ListLine, ListState};
use reader::{Context, Reader};
use refreshing::RefreshState;

/// Rows the chrome takes: title bar, status bar, hint bar.
pub const CHROME_ROWS: u16 = 3;
/// Below this the screen shows only a "too small" message.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 5;
/// Below this width the feed pane is not shown beside the list (it takes the screen instead
/// while it has the keys).
pub const PANE_MIN_WIDTH: u16 = 70;
/// How often the clock is wanted while the refresh spinner turns.
pub const SPINNER_TICK: Duration = Duration::from_millis(120);
/// How often the clock is wanted while a link number is typed (its pause).
pub const NUMBER_TICK: Duration = Duration::from_millis(250);
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
    /// The run's feeds (cache ids), in the list's order; `settings.feeds` is index-aligned.
    pub feed_ids: Vec<i64>,
    pub feeds: FeedPane,
    /// The keys are in the feed pane (else in the list).
    pub pane_focus: bool,
    pub list: ListState,
    /// `Some` while the article view is open.
    pub reader: Option<Reader>,
    /// `Some` while a search is shown (its line open, or its results kept).
    pub search: Option<search::SearchLine>,
    pub help: bool,
    /// Lines the help overlay is scrolled by.
    pub help_scroll: usize,
    pub status: Status,
    /// True while any feed is being refreshed.
    pub refreshing: bool,
    pub refresh: RefreshState,
    /// The last refresh error, kept for the empty-cache screen.
    pub refresh_error: Option<String>,
    pub spinner: usize,
    /// Set when the app has asked to stop (`Effect::Quit`).
    pub quit: bool,
    /// The article pages being fetched.
    pub pages: pages::PageFetches,
    /// An article loaded only to open its link (`o` in the list).
    open_link_of: Option<i64>,
    /// A link number being typed, and the link list.
    pub links: links::LinkUi,
    /// What the last mark-all changed (`U` gives it back).
    pub undo: Option<marks::Undo>,
    /// The list shown before the starred view (`S` goes back to it).
    pub before_starred: Option<ListQuery>,
    /// When the status message was first seen by a tick (it expires from then on).
    status_since: Option<DateTime<Utc>>,
}

impl App {
    /// The reader over the run's feeds (as the cache has them, in the list's order).
    pub fn new(settings: Settings, now: DateTime<Utc>, feeds: Vec<FeedSummary>) -> App {
        let one_off = settings.one_off;
        let first = feeds.first().filter(|_| one_off);
        let scope = first.map_or(Scope::All, |f| Scope::Feed(f.id));
        let mut list = ListState::default();
        list.switch_to(ListQuery::new(scope));
        let mut refresh = RefreshState::default();
        refresh.states = feeds.iter().map(|f| (f.id, f.state.clone())).collect();
        let pane = FeedPane {
            shown: feeds.len() > 1,
            one_off,
            loaded: true,
            feeds,
            ..FeedPane::default()
        };
        App {
            settings,
            now,
            width: 80,
            height: 24,
            feed_ids: pane.feeds.iter().map(|f| f.id).collect(),
            feeds: pane,
            pane_focus: false,
            list,
            reader: None,
            search: None,
            help: false,
            help_scroll: 0,
            status: Status::None,
            refreshing: false,
            refresh,
            refresh_error: None,
            spinner: 0,
            quit: false,
            pages: pages::PageFetches::default(),
            open_link_of: None,
            links: links::LinkUi::default(),
            undo: None,
            before_starred: None,
            status_since: None,
        }
    }

    /// How many rows the help overlay has (as `ui::help` lays it out): a line per action
    /// (entries that join share one; the pane's keys only with several feeds), a heading and a
    /// blank line per section, the mouse and closing lines and the frame.
    pub fn help_rows(&self) -> usize {
        use crate::keymap::Scope as S;
        let several = self.feed_ids.len() > 1;
        let pane_key = |e: &&crate::keymap::Entry| {
            e.scope == S::Feeds || matches!(e.intent, Intent::ToggleFeeds | Intent::SwitchPane)
        };
        let lines = (crate::keymap::TABLE.iter())
            .filter(|e| !e.joins)
            .filter(|e| several || !pane_key(e))
            .count();
        let sections = 3 + usize::from(several);
        lines + 2 * sections + 2 + 2
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

    /// The title bar's name: the list shown («Усі новини», a section, a feed's name).
    pub fn title(&self) -> String {
        let nav = self.settings.lang.nav();
        let name = match &self.list.query.scope {
            _ if self.list.query.starred => nav.starred_title.to_string(),
            Scope::Feed(id) => self.label_of(*id),
            Scope::Section(name) => name.clone(),
            Scope::All if self.feed_ids.len() == 1 => self.label_of(self.feed_ids[0]),
            Scope::All => self.settings.lang.strings().all_news.to_string(),
        };
        if self.list.query.unread_only {
            format!("{name} · {}", nav.unread_only_mark)
        } else {
            name
        }
    }

    /// A feed's name: the list's, else its own title, else its source.
    pub fn label_of(&self, id: i64) -> String {
        match self.feeds.feed(id) {
            Some(feed) => feed.label().to_string(),
            None => self.settings.first_source().to_string(),
        }
    }

    /// The settings of a feed of this run.
    pub fn spec_of(&self, id: i64) -> Option<&FeedSpec> {
        let at = self.feed_ids.iter().position(|&f| f == id)?;
        self.settings.feeds.get(at)
    }

    /// Which screen keys act on now.
    pub fn view(&self) -> View {
        match (self.help, &self.reader) {
            (true, _) => View::Help,
            (false, Some(_)) if self.links.popup.is_some() => View::Links,
            (false, Some(_)) => View::Article,
            (false, None) if self.pane_focus => View::Feeds,
            (false, None) => View::List,
        }
    }

    /// Columns of the feed pane beside the list: 0 when it is hidden or the screen too narrow.
    pub fn pane_width(&self) -> u16 {
        if !self.feeds.shown || self.width < PANE_MIN_WIDTH || self.reader.is_some() {
            return 0;
        }
        (self.width / 4).clamp(24, 36)
    }

    /// True when the feed pane takes the whole body (it has the keys on a narrow screen).
    pub fn pane_fills_screen(&self) -> bool {
        self.pane_focus && self.reader.is_none() && self.pane_width() == 0
    }

    /// True when each headline should say which feed it is from.
    pub fn shows_feed_names(&self) -> bool {
        !matches!(self.list.query.scope, Scope::Feed(_)) && self.feed_ids.len() > 1
    }

    pub fn list_lines(&self) -> Vec<ListLine> {
        self.list.lines(self.body_height(), &self.settings.zone)
    }

    /// How often the runtime should send `Action::Tick` with the time; `None`: not at all.
    /// Besides the spinner and the status, the timer: when the next feed is due.
    pub fn tick_interval(&self) -> Option<Duration> {
        let fetching = self.reader.as_ref().is_some_and(|r| r.fetching);
        let ui = if self.refreshing || !self.list.loaded || fetching {
            Some(SPINNER_TICK)
        } else if self.links.entry.is_some() {
            Some(NUMBER_TICK)
        } else if self.status != Status::None {
            Some(STATUS_TICK)
        } else {
            // The status line's "updated 5 min ago": when its text next changes.
            self.freshness().and_then(|f| f.next_change())
        };
        match (ui, self.timer_wait()) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// How long until the timer's next feed is due; `None`: no timer.
    pub fn timer_wait(&self) -> Option<Duration> {
        refreshing::wait(self)
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
        Action::Paste(text) => input::pasted(app, &text),
        Action::Intent(intent) => input::intent(app, intent),
        Action::Mouse(mouse) => input::mouse(app, mouse),
        Action::Resize { width, height } => input::resized(app, width, height),
        Action::Tick { now } => clock::ticked(app, now),
        Action::Terminate => intents::quit(app),
        Action::Start {
            now,
            refresh,
            notice,
        } => clock::started(app, now, refresh, notice),
        Action::HeadlinesLoaded(window) => results::headlines(app, window),
        Action::FeedsLoaded { feeds, counts } => results::feeds(app, feeds, counts),
        Action::Located {
            query,
            article_id,
            position,
            counts,
        } => results::located(app, &query, article_id, position, counts),
        loaded @ Action::ArticleLoaded { .. } => results::article(app, loaded),
        Action::PageFetched { .. } | Action::PageFailed { .. } | Action::PagesWanted(_) => {
            pages::result(app, action)
        }
        Action::StoreFailed(error) => results::store_failed(app, &error),
        Action::FeedRefreshed(done) => refreshing::feed_done(app, *done),
        Action::RefreshFailed { now, error } => refreshing::failed(app, now, &error),
        Action::LinkOpened => results::link_opened(app),
        Action::SearchIndexed => search::indexed(app),
        Action::OpenLinkFailed(error) => results::open_failed(app, &error),
        Action::MarkedAllRead { query, ids } => marks::marked_all(app, &query, ids),
        Action::MarksSaved => marks::reload(app),
        Action::UnreadFound { query, found, open } => marks::found(app, &query, found, open),
        Action::Saved(path) => links::saved(app, &path),
        Action::SaveFailed(error) => links::save_failed(app, &error),
    }
}
