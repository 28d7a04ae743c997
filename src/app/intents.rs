//! What each `Intent` does to the app in the list and the article view: one exhaustive match,
//! each arm a short function. Part of `update`: pure state changes that return effects; no IO.

use super::links::{self, LinkUse};
use super::reader::Reader;
use super::{App, Status, marks, pages, panes, popup, refreshing, search};
use crate::action::{Effect, Intent, StoreJob};

/// A movement, in whichever view is open.
#[derive(Debug, Clone, Copy)]
enum Motion {
    Lines(isize),
    Pages(isize),
    Top,
    Bottom,
}

pub(super) fn apply(app: &mut App, intent: Intent) -> Vec<Effect> {
    // On the help overlay any key only closes it (the keymap still lets Ctrl-C quit).
    if app.help && intent != Intent::Quit && !scrolls_help(intent) {
        app.help = false;
        return Vec::new();
    }
    if let Some(effects) = popup::popup_intent(app, intent) {
        return effects;
    }
    handler(intent)(app)
}

/// The function an intent runs (one line each: the match is exhaustive).
fn handler(intent: Intent) -> fn(&mut App) -> Vec<Effect> {
    match intent {
        Intent::Help => help,
        Intent::CloseHelp => |_| Vec::new(),
        Intent::Quit => quit,
        Intent::Refresh => refresh,
        Intent::Up => |app| motion(app, Motion::Lines(-1)),
        Intent::Down => |app| motion(app, Motion::Lines(1)),
        Intent::PageUp => |app| motion(app, Motion::Pages(-1)),
        Intent::PageDown => |app| motion(app, Motion::Pages(1)),
        Intent::Top => |app| motion(app, Motion::Top),
        Intent::Bottom => |app| motion(app, Motion::Bottom),
        Intent::Open => open,
        Intent::Back => back,
        Intent::Next => |app| step(app, 1),
        Intent::Previous => |app| step(app, -1),
        Intent::NextUnread => |app| browse(app, |app| marks::unread(app, true), 1),
        Intent::PreviousUnread => |app| browse(app, |app| marks::unread(app, false), -1),
        Intent::MarkAllRead => marks::mark_all,
        Intent::UndoMarkAll => marks::undo,
        Intent::ToggleUnreadOnly => marks::toggle_unread_only,
        Intent::ToggleStar => marks::toggle_star,
        Intent::StarredView => marks::starred_view,
        Intent::LinkNumber | Intent::FollowLink => |app| links::start(app, LinkUse::Open, None),
        Intent::LinkList => popup::toggle_popup,
        Intent::FollowChosen => |_| Vec::new(),
        Intent::CopyUrl => links::copy_url,
        Intent::CopyLink => links::copy_link,
        Intent::SaveArticle => links::save,
        Intent::FullText => pages::on_demand,
        Intent::OpenLink => open_link,
        Intent::ToggleRead => toggle_read,
        Intent::ToggleFeeds => panes::toggle,
        Intent::SwitchPane => panes::switch,
        Intent::ChooseFeed => panes::choose,
        Intent::Fold => panes::fold,
        Intent::Search => search::open,
        Intent::ClearSearch => search::close,
        Intent::SearchOrder => search::toggle_order,
    }
}

fn help(app: &mut App) -> Vec<Effect> {
    app.help = true;
    app.help_scroll = 0;
    Vec::new()
}

/// On the help overlay the movement keys (those that repeat) scroll it.
fn scrolls_help(intent: Intent) -> bool {
    crate::keymap::TABLE
        .iter()
        .any(|e| e.intent == intent && e.repeats)
}

/// Scrolls the help overlay by `motion` (as far as it is taller than the screen).
fn help_motion(app: &mut App, motion: Motion) -> Vec<Effect> {
    let page = app.body_height().max(1) as isize;
    let max = app.help_rows().saturating_sub(usize::from(app.height));
    let at = app.help_scroll;
    app.help_scroll = match motion {
        Motion::Lines(n) => at.saturating_add_signed(n),
        Motion::Pages(n) => at.saturating_add_signed(n * page),
        Motion::Top => 0,
        Motion::Bottom => max,
    }
    .min(max);
    Vec::new()
}

/// `q`, Ctrl-C or a signal.
pub(super) fn quit(app: &mut App) -> Vec<Effect> {
    app.quit = true;
    vec![Effect::Quit]
}

/// `r`: every feed that is not being fetched and whose server lets us ask.
fn refresh(app: &mut App) -> Vec<Effect> {
    app.say(Status::None);
    refreshing::manual(app)
}

fn motion(app: &mut App, motion: Motion) -> Vec<Effect> {
    if app.help {
        return help_motion(app, motion);
    }
    let body = app.body_height();
    let Some(reader) = app.reader.as_mut() else {
        if app.pane_focus {
            return pane_motion(app, motion);
        }
        return select(app, motion);
    };
    let page = body.saturating_sub(1).max(1) as isize;
    match motion {
        Motion::Lines(n) => reader.scroll_by(n, body),
        Motion::Pages(n) => reader.scroll_by(n * page, body),
        Motion::Top => reader.scroll = 0,
        Motion::Bottom => reader.scroll = reader.max_scroll(body),
    }
    Vec::new()
}

/// Movement in the feed pane: its cursor moves.
fn pane_motion(app: &mut App, motion: Motion) -> Vec<Effect> {
    let (at, page) = (
        app.feeds.cursor,
        app.body_height().saturating_sub(1).max(1) as isize,
    );
    let target = match motion {
        Motion::Lines(n) => at.saturating_add_signed(n),
        Motion::Pages(n) => at.saturating_add_signed(n * page),
        Motion::Top => 0,
        Motion::Bottom => usize::MAX,
    };
    panes::move_to(app, target)
}

/// Movement in the list: the selection moves (and the window of rows follows).
fn select(app: &mut App, motion: Motion) -> Vec<Effect> {
    let sel = app.list.selected;
    let page = app.body_height().saturating_sub(2).max(1) as isize;
    let target = match motion {
        Motion::Lines(n) => sel.saturating_add_signed(n),
        Motion::Pages(n) => sel.saturating_add_signed(n * page),
        Motion::Top => 0,
        Motion::Bottom => usize::MAX,
    };
    app.select(target)
}

/// Enter in the list: the selected headline in the article view.
fn open(app: &mut App) -> Vec<Effect> {
    if app.reader.is_some() {
        return Vec::new();
    }
    open_selected(app)
}

fn back(app: &mut App) -> Vec<Effect> {
    app.reader = None;
    app.links = links::LinkUi::default();
    Vec::new()
}

/// In the feed pane a step of its cursor; elsewhere `act`.
fn browse(app: &mut App, act: fn(&mut App) -> Vec<Effect>, delta: isize) -> Vec<Effect> {
    if app.reader.is_none() && app.pane_focus {
        return pane_motion(app, Motion::Lines(delta));
    }
    act(app)
}

fn toggle_read(app: &mut App) -> Vec<Effect> {
    if app.reader.is_some() {
        return Vec::new();
    }
    app.list.toggle_read().into_iter().collect()
}

/// Opens the selected headline in the article view and marks it read.
pub(super) fn open_selected(app: &mut App) -> Vec<Effect> {
    let sel = app.list.selected;
    let Some(row) = app.list.selected_row() else {
        return Vec::new();
    };
    let (id, was_read) = (row.id, row.read);
    app.reader = Some(Reader::loading(id));
    app.links = links::LinkUi::default();
    let mut effects = vec![Effect::Store(StoreJob::LoadArticle { id })];
    if !was_read {
        app.list.set_read_local(sel, true);
        effects.push(Effect::Store(StoreJob::SetRead { id, read: true }));
    }
    effects
}

/// n/p: in the article view the next or previous headline of the list, if there is one; in
/// the list, a step of the selection.
fn step(app: &mut App, delta: isize) -> Vec<Effect> {
    if app.reader.is_none() && app.pane_focus {
        return pane_motion(app, Motion::Lines(delta));
    }
    if app.reader.is_none() {
        return select(app, Motion::Lines(delta));
    }
    let Some(target) = app.list.selected.checked_add_signed(delta) else {
        return Vec::new();
    };
    if target >= app.list.counts.total || app.list.row(target).is_none() {
        return Vec::new();
    }
    open_at(app, target)
}

/// Selects a loaded row and opens it: its read mark goes to the cache before the window the
/// selection may ask for, so the window's counts already have it.
pub(super) fn open_at(app: &mut App, pos: usize) -> Vec<Effect> {
    let height = app.body_height();
    app.list.select(pos, height, &app.settings.zone);
    let mut effects = open_selected(app);
    effects.extend(app.list.ensure_window(height, false));
    effects
}

/// `o`: the article's link; in the list the selected article is loaded first.
fn open_link(app: &mut App) -> Vec<Effect> {
    if app.pane_focus && app.reader.is_none() {
        return Vec::new();
    }
    if let Some(reader) = &app.reader {
        let link = reader.article.as_ref().and_then(|a| a.link.clone());
        return open_url(app, link.as_deref());
    }
    let Some(row) = app.list.selected_row() else {
        return Vec::new();
    };
    let id = row.id;
    app.open_link_of = Some(id);
    vec![Effect::Store(StoreJob::LoadArticle { id })]
}

/// Checks a link before asking the runtime to open it: http and https only.
pub(super) fn open_url(app: &mut App, link: Option<&str>) -> Vec<Effect> {
    let s = app.settings.lang.strings();
    let Some(link) = link else {
        app.say(Status::Error(s.no_link.to_string()));
        return Vec::new();
    };
    match url::Url::parse(link) {
        Ok(url) if matches!(url.scheme(), "http" | "https") => {
            vec![Effect::OpenUrl(url.to_string())]
        }
        Ok(_) | Err(_) => {
            app.say(Status::Error(s.bad_scheme.to_string()));
            Vec::new()
        }
    }
}
