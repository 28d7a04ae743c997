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
        Intent::Next => text("наступна стаття", "наступна/попередня"),
        Intent::Previous => text("попередня стаття", "попередня"),
        Intent::Back => text("назад до списку", "назад"),
        Intent::Refresh => text("оновити стрічки", "оновити"),
        Intent::OpenLink => text("відкрити посилання в браузері", "браузер"),
        Intent::ToggleRead => text("прочитано / непрочитано", "прочитано"),
        Intent::ToggleFeeds => text("показати / сховати стрічки", "стрічки"),
        Intent::SwitchPane => text("до стрічок / до списку", "стрічки"),
        Intent::ChooseFeed => text("показати цю стрічку в списку", "показати"),
        Intent::Fold => text("згорнути / розгорнути розділ", "згорнути"),
        Intent::Search => text(
            "пошук (слова в будь-якій формі, \"фраза\", -слово)",
            "пошук",
        ),
        Intent::ClearSearch => text("закрити пошук: увесь список", "усі"),
        Intent::SearchOrder => text("результати: новіші / найкращі спершу", "порядок"),
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
        Intent::Next => text("next article", "next/previous"),
        Intent::Previous => text("previous article", "previous"),
        Intent::Back => text("back to the list", "back"),
        Intent::Refresh => text("refresh the feeds", "refresh"),
        Intent::OpenLink => text("open the link in the browser", "browser"),
        Intent::ToggleRead => text("toggle read / unread", "read/unread"),
        Intent::ToggleFeeds => text("show / hide the feeds", "feeds"),
        Intent::SwitchPane => text("to the feeds / to the list", "feeds"),
        Intent::ChooseFeed => text("show this feed in the list", "show"),
        Intent::Fold => text("fold / unfold the section", "fold"),
        Intent::Search => text("search (any form of a word, \"a phrase\", -word)", "search"),
        Intent::ClearSearch => text("close the search: the whole list", "all"),
        Intent::SearchOrder => text("results: newest / best first", "order"),
        Intent::Help => text("this help", "help"),
        Intent::CloseHelp => text("close the help", "close"),
        Intent::Quit => text("quit", "quit"),
    }
}
