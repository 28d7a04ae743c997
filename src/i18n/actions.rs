//! What each action does, in Ukrainian and English: the help line and the short word of the
//! hint bar. One exhaustive match per language, so a new `Intent` cannot lack its text.

use crate::action::Intent;

/// An action's words: the help line, and the short word of the hint bar (shown for the
/// table's hinted entries).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActionText {
    pub help: &'static str,
    pub hint: &'static str,
}

const fn text(help: &'static str, hint: &'static str) -> ActionText {
    ActionText { help, hint }
}

pub(super) fn uk(intent: Intent) -> ActionText {
    match intent {
        Intent::Down => text("вниз", "рух"),
        Intent::Up => text("вгору", "вгору"),
        Intent::PageDown => text("екран вниз", "екран"),
        Intent::PageUp => text("екран вгору", "екран"),
        Intent::Top => text("на початок", "початок"),
        Intent::Bottom => text("у кінець", "кінець"),
        Intent::Open => text("читати статтю (позначає прочитаною)", "читати"),
        Intent::Next => text("наступна стаття", "наступна"),
        Intent::Previous => text("попередня стаття", "попередня"),
        Intent::NextUnread => text("наступна непрочитана", "непрочитана"),
        Intent::PreviousUnread => text("попередня непрочитана", "попередня"),
        Intent::MarkAllRead => text("усе в списку прочитано", "усе прочитано"),
        Intent::UndoMarkAll => text("скасувати останнє", "скасувати"),
        Intent::ToggleUnreadOnly => text("лише непрочитані / усі", "непрочитані"),
        Intent::ToggleStar => text("обране: додати / прибрати", "обране"),
        Intent::StarredView => text("показати обрані / повернутися", "обрані"),
        Intent::LinkNumber => text("відкрити посилання з цим номером", "посилання"),
        Intent::FollowLink => text("відкрити посилання: f і номер", "посилання"),
        Intent::LinkList => text("список посилань", "посилання"),
        Intent::FollowChosen => text("відкрити вибране посилання", "відкрити"),
        Intent::CopyUrl => text("копіювати адресу статті", "копіювати"),
        Intent::CopyLink => text("копіювати посилання: вибране або Y і номер", "посилання"),
        Intent::SaveArticle => text("зберегти статтю як текст", "зберегти"),
        Intent::FullText => text("повний текст зі сторінки статті", "повний текст"),
        Intent::Back => text("назад до списку", "назад"),
        Intent::Refresh => text("оновити стрічки", "оновити"),
        Intent::OpenLink => text("відкрити посилання в браузері", "браузер"),
        Intent::ToggleRead => text("прочитано / непрочитано", "прочитано"),
        Intent::ToggleFeeds => text("показати / сховати стрічки", "стрічки"),
        Intent::SwitchPane => text("до стрічок / до списку", "стрічки"),
        Intent::ChooseFeed => text("показати цю стрічку в списку", "показати"),
        Intent::Fold => text("згорнути / розгорнути розділ", "згорнути"),
        Intent::Search | Intent::ClearSearch | Intent::SearchOrder => search_uk(intent),
        Intent::Help => text("ця довідка", "довідка"),
        Intent::CloseHelp => text("закрити довідку", "закрити"),
        Intent::Quit => text("вихід", "вихід"),
    }
}

pub(super) fn en(intent: Intent) -> ActionText {
    match intent {
        Intent::Down => text("down", "move"),
        Intent::Up => text("up", "up"),
        Intent::PageDown => text("a screen down", "page"),
        Intent::PageUp => text("a screen up", "page"),
        Intent::Top => text("to the top", "top"),
        Intent::Bottom => text("to the bottom", "bottom"),
        Intent::Open => text("read the article (marks it read)", "read"),
        Intent::Next => text("next article", "next"),
        Intent::Previous => text("previous article", "previous"),
        Intent::NextUnread => text("next unread", "unread"),
        Intent::PreviousUnread => text("previous unread", "previous"),
        Intent::MarkAllRead => text("mark the whole list read", "all read"),
        Intent::UndoMarkAll => text("undo the last mark-all", "undo"),
        Intent::ToggleUnreadOnly => text("only unread / all", "unread"),
        Intent::ToggleStar => text("star / unstar", "star"),
        Intent::StarredView => text("show the starred / back", "starred"),
        Intent::LinkNumber => text("open the link of this number", "link"),
        Intent::FollowLink => text("open a link: f and its number", "link"),
        Intent::LinkList => text("the list of links", "links"),
        Intent::FollowChosen => text("open the chosen link", "open"),
        Intent::CopyUrl => text("copy the article's URL", "copy"),
        Intent::CopyLink => text("copy a link: the chosen one, or Y and its number", "link"),
        Intent::SaveArticle => text("save the article as text", "save"),
        Intent::FullText => text("the full text from the article's page", "full text"),
        Intent::Back => text("back to the list", "back"),
        Intent::Refresh => text("refresh the feeds", "refresh"),
        Intent::OpenLink => text("open the link in the browser", "browser"),
        Intent::ToggleRead => text("toggle read / unread", "read/unread"),
        Intent::ToggleFeeds => text("show / hide the feeds", "feeds"),
        Intent::SwitchPane => text("to the feeds / to the list", "feeds"),
        Intent::ChooseFeed => text("show this feed in the list", "show"),
        Intent::Fold => text("fold / unfold the section", "fold"),
        Intent::Search | Intent::ClearSearch | Intent::SearchOrder => search_en(intent),
        Intent::Help => text("this help", "help"),
        Intent::CloseHelp => text("close the help", "close"),
        Intent::Quit => text("quit", "quit"),
    }
}

/// The search's actions (kept apart so each language's match stays short).
fn search_uk(intent: Intent) -> ActionText {
    match intent {
        Intent::ClearSearch => text("закрити пошук: увесь список", "усі"),
        Intent::SearchOrder => text("результати: новіші / найкращі спершу", "порядок"),
        _ => text(
            "пошук (слова в будь-якій формі, \"фраза\", -слово)",
            "пошук",
        ),
    }
}

fn search_en(intent: Intent) -> ActionText {
    match intent {
        Intent::ClearSearch => text("close the search: the whole list", "all"),
        Intent::SearchOrder => text("results: newest / best first", "order"),
        _ => text("search (any form of a word, \"a phrase\", -word)", "search"),
    }
}
