//! The link list popup (`L`) over the article: its cursor, what each intent does while it
//! is shown (move, open the chosen link, close; help, quit, copies and the rest act as usual),
//! and the chosen link. Part of `update`: pure; opening goes through `intents::open_url`.

use super::{App, Status, intents};
use crate::action::{Effect, Intent};

pub(super) fn chosen(app: &App) -> Option<String> {
    let cursor = app.links.popup?;
    app.reader.as_ref()?.links.get(cursor).cloned()
}

/// `L`: the link list opens (or closes).
pub(super) fn toggle_popup(app: &mut App) -> Vec<Effect> {
    if app.links.popup.is_some() {
        app.links.popup = None;
    } else if app.reader.as_ref().is_some_and(|r| !r.links.is_empty()) {
        app.links.popup = Some(0);
    } else {
        app.say(Status::Info(app.settings.lang.nav().no_links.into()));
    }
    Vec::new()
}

/// What an intent does while the link list is shown.
enum PopupAct {
    /// The cursor moves: (cursor, last, page) → new cursor.
    Move(fn(usize, usize, usize) -> usize),
    Follow,
    Close,
    /// It acts as usual (help, quit, refresh, copies, star, save).
    Pass,
    Ignore,
}

fn popup_act(intent: Intent) -> PopupAct {
    use PopupAct::{Close, Follow, Ignore, Move, Pass};
    match intent {
        Intent::Down => Move(|at, last, _| (at + 1).min(last)),
        Intent::Up => Move(|at, _, _| at.saturating_sub(1)),
        Intent::PageDown => Move(|at, last, page| (at + page).min(last)),
        Intent::PageUp => Move(|at, _, page| at.saturating_sub(page)),
        Intent::Top => Move(|_, _, _| 0),
        Intent::Bottom => Move(|_, last, _| last),
        Intent::FollowChosen => Follow,
        Intent::Back | Intent::LinkList => Close,
        Intent::Help | Intent::Quit | Intent::Refresh | Intent::OpenLink => Pass,
        Intent::CopyLink | Intent::CopyUrl | Intent::SaveArticle | Intent::ToggleStar => Pass,
        Intent::FullText => Pass,
        Intent::Open | Intent::Next | Intent::Previous | Intent::CloseHelp => Ignore,
        Intent::NextUnread | Intent::PreviousUnread | Intent::ToggleRead => Ignore,
        Intent::MarkAllRead | Intent::UndoMarkAll | Intent::ToggleUnreadOnly => Ignore,
        Intent::StarredView | Intent::LinkNumber | Intent::FollowLink => Ignore,
        Intent::ToggleFeeds | Intent::SwitchPane | Intent::ChooseFeed | Intent::Fold => Ignore,
        Intent::Search | Intent::ClearSearch | Intent::SearchOrder => Ignore,
    }
}

/// An intent while the link list is shown; `None`: it acts as usual (help, quit, refresh).
pub(super) fn popup_intent(app: &mut App, intent: Intent) -> Option<Vec<Effect>> {
    let cursor = app.links.popup?;
    match popup_act(intent) {
        PopupAct::Move(to) => {
            let last = app
                .reader
                .as_ref()
                .map_or(0, |r| r.links.len().saturating_sub(1));
            let page = app.body_height().saturating_sub(3).max(1);
            app.links.popup = Some(to(cursor, last, page));
            Some(Vec::new())
        }
        PopupAct::Follow => {
            let link = chosen(app)?;
            app.links.popup = None;
            Some(intents::open_url(app, Some(&link)))
        }
        PopupAct::Close => {
            app.links.popup = None;
            Some(Vec::new())
        }
        PopupAct::Pass => None,
        PopupAct::Ignore => Some(Vec::new()),
    }
}
