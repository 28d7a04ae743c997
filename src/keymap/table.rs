//! THE key table: every action the reader has, its config name, the views it works in and its
//! default keys. The keymap, the `?` help, the hint bar and the README's key table are made from
//! it (a test compares the README). A new action is one entry here (plus its `Intent`, its help
//! text in `i18n` and its arm in `app::intents`, which the compiler asks for). Data only.

use crate::action::{Intent, View};

/// Where an action works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    List,
    /// The article view and the link list over it.
    Article,
    /// The link list popup.
    Links,
    /// The feed pane (while it has the keys).
    Feeds,
    /// The list and the feed pane.
    Browse,
    /// The list, the feed pane and the article view.
    Both,
    /// Every view, the help overlay included.
    Always,
}

impl Scope {
    pub fn has(self, view: View) -> bool {
        match self {
            Scope::List => view == View::List,
            Scope::Article => matches!(view, View::Article | View::Links),
            Scope::Links => view == View::Links,
            Scope::Feeds => view == View::Feeds,
            Scope::Browse => matches!(view, View::List | View::Feeds),
            Scope::Both => view != View::Help,
            Scope::Always => true,
        }
    }
}

/// One action of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// The name in `[keys]` of the config.
    pub name: &'static str,
    pub intent: Intent,
    pub scope: Scope,
    /// Default keys, as `keymap::Key::parse` reads them.
    pub keys: &'static [&'static str],
    /// Also acts on auto-repeat (movement); everything else acts on a press only.
    pub repeats: bool,
    /// Shares the help line (and hint) of the entry before it: `j ↓ / k ↑  down / up`.
    pub joins: bool,
    /// Shown in the hint bar (with the entries that join it).
    pub hint: bool,
    /// A hint the bar leaves out first when the line is too long (in table order).
    pub spare: bool,
}

const fn entry(
    name: &'static str,
    intent: Intent,
    scope: Scope,
    keys: &'static [&'static str],
) -> Entry {
    Entry {
        name,
        intent,
        scope,
        keys,
        repeats: false,
        joins: false,
        hint: false,
        spare: false,
    }
}

const fn moves(e: Entry) -> Entry {
    Entry { repeats: true, ..e }
}

const fn joins(e: Entry) -> Entry {
    Entry { joins: true, ..e }
}

const fn hint(e: Entry) -> Entry {
    Entry { hint: true, ..e }
}

/// Hinted while there is room.
const fn spare(e: Entry) -> Entry {
    Entry {
        hint: true,
        spare: true,
        ..e
    }
}

/// In help order: the hint bar shows the hinted ones of a view in this order too.
pub const TABLE: &[Entry] = &[
    hint(moves(entry("down", Intent::Down, Scope::Both, &["j", "↓"]))),
    joins(moves(entry("up", Intent::Up, Scope::Both, &["k", "↑"]))),
    moves(entry(
        "page_down",
        Intent::PageDown,
        Scope::Both,
        &["Space", "PgDn"],
    )),
    joins(moves(entry(
        "page_up",
        Intent::PageUp,
        Scope::Both,
        &["PgUp"],
    ))),
    entry("top", Intent::Top, Scope::Both, &["g", "Home"]),
    joins(entry("bottom", Intent::Bottom, Scope::Both, &["G", "End"])),
    hint(entry(
        "open",
        Intent::Open,
        Scope::List,
        &["Enter", "l", "→"],
    )),
    entry("next_unread", Intent::NextUnread, Scope::Both, &["n"]),
    joins(entry(
        "previous_unread",
        Intent::PreviousUnread,
        Scope::Both,
        &["p"],
    )),
    entry("next", Intent::Next, Scope::Both, &["J"]),
    joins(entry("previous", Intent::Previous, Scope::Both, &["K"])),
    hint(entry(
        "back",
        Intent::Back,
        Scope::Article,
        &["Esc", "h", "q", "←"],
    )),
    hint(entry("refresh", Intent::Refresh, Scope::Both, &["r"])),
    spare(entry("open_link", Intent::OpenLink, Scope::Both, &["o"])),
    spare(entry(
        "toggle_read",
        Intent::ToggleRead,
        Scope::List,
        &["u"],
    )),
    entry("mark_all_read", Intent::MarkAllRead, Scope::Browse, &["A"]),
    joins(entry(
        "undo_mark_all",
        Intent::UndoMarkAll,
        Scope::Browse,
        &["U"],
    )),
    entry(
        "unread_only",
        Intent::ToggleUnreadOnly,
        Scope::Browse,
        &["t"],
    ),
    entry("star", Intent::ToggleStar, Scope::Both, &["s"]),
    entry("starred", Intent::StarredView, Scope::Browse, &["S"]),
    entry(
        "link_number",
        Intent::LinkNumber,
        Scope::Article,
        &["1", "2", "3", "4", "5", "6", "7", "8", "9"],
    ),
    entry("follow_link", Intent::FollowLink, Scope::Article, &["f"]),
    hint(entry("link_list", Intent::LinkList, Scope::Article, &["L"])),
    hint(entry(
        "follow_chosen",
        Intent::FollowChosen,
        Scope::Links,
        &["Enter", "l", "→"],
    )),
    entry("copy_url", Intent::CopyUrl, Scope::Article, &["y"]),
    joins(entry("copy_link", Intent::CopyLink, Scope::Article, &["Y"])),
    entry("save", Intent::SaveArticle, Scope::Article, &["w"]),
    entry("full_text", Intent::FullText, Scope::Article, &["e"]),
    entry("feeds", Intent::ToggleFeeds, Scope::Browse, &["f"]),
    hint(entry(
        "switch_pane",
        Intent::SwitchPane,
        Scope::Browse,
        &["Tab", "BackTab"],
    )),
    hint(entry(
        "choose_feed",
        Intent::ChooseFeed,
        Scope::Feeds,
        &["Enter", "l", "→"],
    )),
    spare(entry("fold", Intent::Fold, Scope::Feeds, &["z"])),
    hint(entry("search", Intent::Search, Scope::Browse, &["/"])),
    entry("clear_search", Intent::ClearSearch, Scope::List, &["Esc"]),
    entry("search_order", Intent::SearchOrder, Scope::List, &["="]),
    hint(entry("help", Intent::Help, Scope::Both, &["?"])),
    hint(entry("quit", Intent::Quit, Scope::Browse, &["q"])),
    entry("quit_anywhere", Intent::Quit, Scope::Always, &["Ctrl-c"]),
];
