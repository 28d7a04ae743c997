//! The words of reading through a backlog: unread navigation, marking, stars, the list's
//! filters, links (numbers, the popup, copying, saving) and the status line's "updated 5 min
//! ago", in Ukrainian and English, with number agreement through [`super::plural`]. Pure data
//! and formatting; must not read clocks or state.

use super::{Lang, plural};

/// Fixed strings of one language.
#[derive(Debug)]
pub struct NavStrings {
    pub no_more_unread: &'static str,
    /// "marked read: {n}".
    pub marked_all: &'static str,
    pub nothing_to_mark: &'static str,
    /// "unread again: {n}".
    pub undone: &'static str,
    pub nothing_to_undo: &'static str,
    pub unread_only_on: &'static str,
    pub unread_only_off: &'static str,
    /// The title bar's mark of an unread-only list.
    pub unread_only_mark: &'static str,
    pub starred_title: &'static str,
    pub starred: &'static str,
    pub unstarred: &'static str,
    pub links_title: &'static str,
    pub no_links: &'static str,
    /// "no link {n}".
    pub no_such_link: &'static str,
    /// The status line while a link number is typed: "link: 1_".
    pub link_prompt: &'static str,
    pub copy_prompt: &'static str,
    pub copied: &'static str,
    pub saved: &'static str,
    pub save_failed: &'static str,
    updated: &'static str,
    ago: &'static str,
    just_now: &'static str,
    never: &'static str,
    /// Minutes and hours, abbreviated (they do not change with the number).
    min: &'static str,
    hour: &'static str,
    days: [&'static str; 3],
    failed_one: &'static str,
    /// "{n} feeds failed" / "не вдалося: {n} стрічки".
    failed_many: &'static str,
    feeds: [&'static str; 3],
}

static UK: NavStrings = NavStrings {
    no_more_unread: "більше немає непрочитаних",
    marked_all: "позначено прочитаними",
    nothing_to_mark: "усе вже прочитано",
    undone: "знову непрочитані",
    nothing_to_undo: "немає чого скасовувати",
    unread_only_on: "лише непрочитані",
    unread_only_off: "усі статті",
    unread_only_mark: "непрочитані",
    starred_title: "★ Обране",
    starred: "★ додано до обраного",
    unstarred: "прибрано з обраного",
    links_title: " Посилання ",
    no_links: "у статті немає посилань",
    no_such_link: "немає посилання",
    link_prompt: "посилання",
    copy_prompt: "копіювати посилання",
    copied: "скопійовано",
    saved: "збережено",
    save_failed: "не вдалося зберегти",
    updated: "оновлено",
    ago: "тому",
    just_now: "щойно",
    never: "ще не оновлювалося",
    min: "хв",
    hour: "год",
    days: ["день", "дні", "днів"],
    failed_one: "з помилкою",
    failed_many: "з помилкою",
    feeds: ["стрічка", "стрічки", "стрічок"],
};

static EN: NavStrings = NavStrings {
    no_more_unread: "no more unread",
    marked_all: "marked read",
    nothing_to_mark: "all read already",
    undone: "unread again",
    nothing_to_undo: "nothing to undo",
    unread_only_on: "only unread",
    unread_only_off: "all articles",
    unread_only_mark: "unread",
    starred_title: "★ Starred",
    starred: "★ starred",
    unstarred: "unstarred",
    links_title: " Links ",
    no_links: "this article has no links",
    no_such_link: "no link",
    link_prompt: "link",
    copy_prompt: "copy link",
    copied: "copied",
    saved: "saved",
    save_failed: "could not save",
    updated: "updated",
    ago: "ago",
    just_now: "just now",
    never: "not refreshed yet",
    min: "min",
    hour: "h",
    days: ["day", "days", "days"],
    failed_one: "failed",
    failed_many: "failed",
    feeds: ["feed", "feeds", "feeds"],
};

impl Lang {
    pub fn nav(self) -> &'static NavStrings {
        match self {
            Lang::Uk => &UK,
            Lang::En => &EN,
        }
    }

    /// «оновлено 5 хв тому», «оновлено 2 дні тому», «оновлено щойно»; `None`: never.
    pub fn updated_ago(self, secs: Option<i64>) -> String {
        let s = self.nav();
        let Some(secs) = secs else {
            return s.never.to_string();
        };
        let secs = secs.max(0).unsigned_abs();
        let n = |div: u64| usize::try_from(secs / div).unwrap_or(usize::MAX);
        let amount = match secs {
            0..60 => return format!("{} {}", s.updated, s.just_now),
            60..3600 => format!("{} {}", n(60), s.min),
            3600..86_400 => format!("{} {}", n(3600), s.hour),
            _ => format!("{} {}", n(86_400), plural(n(86_400), s.days)),
        };
        format!("{} {amount} {}", s.updated, s.ago)
    }

    /// How many feeds of the list failed their last refresh: «з помилкою», «2 стрічки з
    /// помилкою»; "failed", "2 feeds failed".
    pub fn failed_feeds(self, failed: usize, of: usize) -> String {
        let s = self.nav();
        if of <= 1 {
            return s.failed_one.to_string();
        }
        format!("{failed} {} {}", plural(failed, s.feeds), s.failed_many)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_in_ukrainian_agree_with_their_number() {
        let uk = Lang::Uk;
        assert_eq!(uk.updated_ago(Some(20)), "оновлено щойно");
        assert_eq!(uk.updated_ago(Some(5 * 60 + 30)), "оновлено 5 хв тому");
        assert_eq!(uk.updated_ago(Some(3 * 3600)), "оновлено 3 год тому");
        assert_eq!(uk.updated_ago(Some(86_400)), "оновлено 1 день тому");
        assert_eq!(uk.updated_ago(Some(3 * 86_400)), "оновлено 3 дні тому");
        assert_eq!(uk.updated_ago(Some(11 * 86_400)), "оновлено 11 днів тому");
        assert_eq!(uk.updated_ago(Some(21 * 86_400)), "оновлено 21 день тому");
        assert_eq!(uk.updated_ago(None), "ще не оновлювалося");
        assert_eq!(uk.failed_feeds(2, 5), "2 стрічки з помилкою");
        assert_eq!(uk.failed_feeds(5, 9), "5 стрічок з помилкою");
        assert_eq!(uk.failed_feeds(1, 1), "з помилкою");
    }

    #[test]
    fn ages_in_english() {
        let en = Lang::En;
        assert_eq!(en.updated_ago(Some(5 * 60)), "updated 5 min ago");
        assert_eq!(en.updated_ago(Some(86_400)), "updated 1 day ago");
        assert_eq!(en.updated_ago(Some(2 * 86_400)), "updated 2 days ago");
        assert_eq!(en.failed_feeds(1, 3), "1 feed failed");
    }
}
