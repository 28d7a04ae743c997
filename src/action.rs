//! The TUI's vocabulary: `Intent` (what a key means), `Action` (input, an intent or a result
//! coming back from an effect), `Effect` (work the runtime does for the app) and `StoreJob`
//! (the cache's part of it). Data only: no logic, no IO, no terminal types.

use chrono::{DateTime, Utc};

use crate::key::KeyPress;
use crate::model::{Article, Counts, Headline};

/// Which screen keys act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    List,
    Article,
    /// The help overlay (over either view).
    Help,
}

/// What a key or click means, independent of which key it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intent {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// Open the selected headline.
    Open,
    /// Back from the article to the list.
    Back,
    Next,
    Previous,
    Refresh,
    OpenLink,
    ToggleRead,
    Help,
    /// Any key while the help overlay is shown.
    CloseHelp,
    Quit,
}

/// A window of headline rows, newest first, starting at row `offset` of the whole list.
#[derive(Debug, Clone, PartialEq)]
pub struct HeadlineWindow {
    /// The `Effect::LoadHeadlines::seq` this answers.
    pub seq: u64,
    pub offset: usize,
    pub rows: Vec<Headline>,
    pub counts: Counts,
}

/// Mouse input, already reduced to what the app cares about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mouse {
    ScrollUp,
    ScrollDown,
    /// A left click at a terminal cell.
    Click {
        column: u16,
        row: u16,
    },
}

/// Everything that can change the app's state.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A key from the terminal; the app looks it up in the key table of the current view.
    Key(KeyPress),
    /// Text pasted into the terminal (bracketed paste): never taken as key presses.
    Paste(String),
    /// Sent once by the runtime (after the first `Resize`). `notice`: what the cache said on
    /// opening (a bad file moved aside), for the status bar.
    Start {
        now: DateTime<Utc>,
        refresh: bool,
        notice: Option<String>,
    },
    Intent(Intent),
    HeadlinesLoaded(HeadlineWindow),
    /// The answer to `Effect::Locate`: where an article is now, and the fresh counts.
    Located {
        article_id: i64,
        position: Option<usize>,
        counts: Counts,
    },
    /// `None`: the article is not in the cache (any more).
    ArticleLoaded {
        id: i64,
        article: Option<Box<Article>>,
    },
    /// A cache read or write failed.
    StoreFailed(String),
    RefreshStarted,
    RefreshFinished {
        now: DateTime<Utc>,
        new: usize,
        feed_title: Option<String>,
    },
    RefreshFailed {
        now: DateTime<Utc>,
        error: String,
    },
    LinkOpened,
    OpenLinkFailed(String),
    Resize {
        width: u16,
        height: u16,
    },
    Mouse(Mouse),
    /// The clock, sent while `App::tick_interval` asks for it (spinner, status timeout).
    Tick {
        now: DateTime<Utc>,
    },
    /// A signal (SIGTERM, SIGHUP, SIGINT, SIGQUIT) asked the reader to stop.
    Terminate,
}

/// Work the app asks the runtime to do; the result comes back as an `Action`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// A read or write for the cache worker.
    Store(StoreJob),
    Refresh,
    /// An http(s) URL, already checked by the app.
    OpenUrl(String),
    /// Stop the reader (after the cache worker has written what it holds).
    Quit,
}

/// What the cache worker does; reads answer with an `Action`, writes are kept until they land.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreJob {
    LoadHeadlines {
        seq: u64,
        offset: usize,
        limit: usize,
    },
    /// Find the position of an article in the list order (after a refresh).
    Locate {
        article_id: i64,
    },
    LoadArticle {
        id: i64,
    },
    SetRead {
        id: i64,
        read: bool,
    },
}
