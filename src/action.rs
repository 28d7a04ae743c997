//! The TUI's vocabulary: `Intent` (what a key means), `Action` (input, an intent or a result
//! coming back from an effect), `Effect` (work the runtime does for the app) and `StoreJob`
//! (the cache's part of it); what some of them carry is in `payloads`. Data only: no logic, no
//! IO, no terminal types.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

mod payloads;

pub use payloads::{FeedRefreshed, PageRequest, SaveRequest};

use crate::key::KeyPress;
use crate::model::{Article, Counts, FeedSummary, Headline, ListQuery, Scope, StoredPage};

/// Which screen keys act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    List,
    /// The feed pane has the keys.
    Feeds,
    Article,
    /// The link list popup over the article.
    Links,
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
    /// The next / previous article, read or not.
    Next,
    Previous,
    /// The next / previous unread article (across days; in the article view it opens it).
    NextUnread,
    PreviousUnread,
    /// Marks every article of the list shown read; `UndoMarkAll` gives back what it changed.
    MarkAllRead,
    UndoMarkAll,
    /// Only unread articles in the list, or all again.
    ToggleUnreadOnly,
    /// Stars or unstars the selected or open article.
    ToggleStar,
    /// The starred articles as the list, or back to the list before.
    StarredView,
    /// A digit in the article view: the number of a link to open (more digits may follow).
    LinkNumber,
    /// `f` and a number: open that link.
    FollowLink,
    /// The link list popup.
    LinkList,
    /// In the link list: open the chosen link.
    FollowChosen,
    /// Copy the article's URL (OSC 52).
    CopyUrl,
    /// Copy a link: the chosen one in the link list, else `Y` and a number.
    CopyLink,
    /// Save the article as plain text in the download directory.
    SaveArticle,
    /// Fetch the open article's web page now (again, conditionally, when one is stored).
    FullText,
    Refresh,
    OpenLink,
    ToggleRead,
    /// Show or hide the feed pane.
    ToggleFeeds,
    /// Move the keys between the feed pane and the list.
    SwitchPane,
    /// In the feed pane: show the feed, section or "All" under the cursor in the list.
    ChooseFeed,
    /// In the feed pane: fold or unfold the section under the cursor.
    Fold,
    /// Open the search line (or edit the search shown).
    Search,
    /// Leave the search: the full list again.
    ClearSearch,
    /// Search results newest first / best first.
    SearchOrder,
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
    /// The listed feeds with their state, and every list's counts (the feed pane).
    FeedsLoaded {
        feeds: Vec<FeedSummary>,
        counts: HashMap<Scope, Counts>,
    },
    /// The answer to `Effect::Locate`: where an article is now, and the fresh counts.
    Located {
        query: ListQuery,
        article_id: i64,
        position: Option<usize>,
        counts: Counts,
    },
    /// `None`: the article is not in the cache (any more). `page`: its stored web page;
    /// `feeds`: the feeds it is in (whose `full_text` setting applies).
    ArticleLoaded {
        id: i64,
        article: Option<Box<Article>>,
        page: Option<Box<StoredPage>>,
        feeds: Vec<i64>,
    },
    /// The answer to `Effect::FetchPage`: the page extracted (not stored yet), or `None` when
    /// the server said it has not changed (the stored page stands).
    PageFetched {
        id: i64,
        page: Option<Box<StoredPage>>,
    },
    /// `Effect::FetchPage` failed: why (`HTTP 404 Not Found`, a timeout, no article found).
    PageFailed {
        id: i64,
        error: String,
    },
    /// The answer to `StoreJob::PagesWanted`: the pages to prefetch.
    PagesWanted(Vec<PageRequest>),
    /// A cache read or write failed.
    StoreFailed(String),
    /// One feed of a refresh is done (fetched, failed, or not asked because of a
    /// `Retry-After`).
    FeedRefreshed(Box<FeedRefreshed>),
    /// A refresh could not run at all (no HTTP client, no threads): every feed it had is done.
    RefreshFailed {
        now: DateTime<Utc>,
        error: String,
    },
    LinkOpened,
    OpenLinkFailed(String),
    /// The search index has caught up (after `StoreJob::IndexSearch`).
    SearchIndexed,
    /// The answer to `StoreJob::MarkAllRead`: exactly the articles it marked read.
    MarkedAllRead {
        query: ListQuery,
        ids: Vec<i64>,
    },
    /// The answer to `StoreJob::SetReadMany` (an undo) and `SetStarred`: the list's rows and
    /// counts changed in the cache.
    MarksSaved,
    /// The answer to `StoreJob::NextUnread`: the unread article found (and its position).
    UnreadFound {
        query: ListQuery,
        found: Option<(i64, usize)>,
        /// Open it (the article view asked).
        open: bool,
    },
    /// The article was written as text to this file.
    Saved(String),
    SaveFailed(String),
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
    /// Refresh these feeds (cache ids); one `FeedRefreshed` comes back for each.
    Refresh(Vec<i64>),
    /// An http(s) URL, already checked by the app.
    OpenUrl(String),
    /// Put this text on the terminal's clipboard (OSC 52).
    Copy(String),
    /// Write an article as text to a new file in the download directory.
    Save(SaveRequest),
    /// Fetch and extract an article's web page in the background; `PageFetched` or
    /// `PageFailed` comes back.
    FetchPage(PageRequest),
    /// Stop the reader (after the cache worker has written what it holds).
    Quit,
}

/// What the cache worker does; reads answer with an `Action`, writes are kept until they land
/// (a read mark is answered with fresh `FeedsLoaded` counts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreJob {
    LoadHeadlines {
        seq: u64,
        query: ListQuery,
        offset: usize,
        limit: usize,
    },
    /// Find the position of an article in the list order (after a refresh).
    Locate {
        query: ListQuery,
        article_id: i64,
    },
    /// The feed pane's feeds and counts.
    LoadFeeds,
    LoadArticle {
        id: i64,
    },
    SetRead {
        id: i64,
        read: bool,
    },
    /// Index, in small batches while no other job waits, every article the search index does
    /// not have yet (new, changed, or from a cache made before it); `SearchIndexed` follows.
    IndexSearch,
    SetStarred {
        id: i64,
        starred: bool,
    },
    /// Every unread article of the list read, in one transaction.
    MarkAllRead {
        query: ListQuery,
    },
    /// The undo of `MarkAllRead`: these articles unread again.
    SetReadMany {
        ids: Vec<i64>,
        read: bool,
    },
    /// Store (or replace) an article's page; kept and retried while a refresh holds the lock.
    SavePage {
        id: i64,
        page: Box<StoredPage>,
    },
    /// The articles of these feeds first seen at or after `since` that have no page and a
    /// link, newest first, at most `limit`: `PagesWanted` answers.
    PagesWanted {
        feeds: Vec<i64>,
        since: DateTime<Utc>,
        limit: usize,
    },
    /// The next (`forward`) or previous unread article of the list after `article_id`.
    NextUnread {
        query: ListQuery,
        article_id: i64,
        forward: bool,
        open: bool,
    },
}
