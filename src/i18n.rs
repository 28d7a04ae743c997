//! Every user-facing TUI string, in Ukrainian (default) and English, including day and month
//! names, number agreement (one `plural` rule) and what each action does (`actions`). Pure data
//! and formatting; must not read clocks, zones or state.

mod actions;
mod nav;
mod pages;

use chrono::{Datelike, NaiveDate};

pub use actions::ActionText;
pub use nav::NavStrings;
pub use pages::PageStrings;

use crate::action::Intent;

/// The interface language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Uk,
    En,
}

/// Fixed strings of one language.
#[derive(Debug)]
pub struct Strings {
    /// "unread" for one, a few and many (see [`plural`]).
    unread: [&'static str; 3],
    new: [&'static str; 3],
    pub refreshing: &'static str,
    pub no_new: &'static str,
    pub refresh_failed: &'static str,
    pub loading: &'static str,
    pub empty_cache: &'static str,
    pub empty_failed: &'static str,
    pub empty_retry: &'static str,
    pub empty_nothing: &'static str,
    pub too_small: &'static str,
    pub help_title: &'static str,
    pub help_everywhere: &'static str,
    pub help_list: &'static str,
    pub help_article: &'static str,
    pub help_mouse: &'static str,
    pub help_close: &'static str,
    /// How the space bar is called in the help.
    pub key_space: &'static str,
    pub links_heading: &'static str,
    pub image: &'static str,
    /// The notes above a flattened or cut article (see `article::Labels`).
    pub article_too_deep: &'static str,
    pub article_cut: &'static str,
    pub no_link: &'static str,
    pub bad_scheme: &'static str,
    pub open_failed: &'static str,
    pub opened: &'static str,
    pub article_missing: &'static str,
    pub load_failed: &'static str,
    pub author: &'static str,
    pub category: &'static str,
    pub undated: &'static str,
    /// The "All" list of the feed pane.
    pub all_news: &'static str,
    pub help_feeds: &'static str,
    /// "the server asked to wait {}".
    server_wait: &'static str,
    /// Units of a wait: seconds, minutes, hours, days.
    units: [&'static str; 4],
    weekdays: [&'static str; 7],
    months: [&'static str; 12],
    today: &'static str,
    yesterday: &'static str,
}

static UK: Strings = Strings {
    unread: ["непрочитана", "непрочитані", "непрочитаних"],
    new: ["нова", "нові", "нових"],
    refreshing: "оновлення…",
    no_new: "немає нових",
    refresh_failed: "не вдалося оновити",
    loading: "завантаження…",
    empty_cache: "Кеш порожній: завантажую стрічку…",
    empty_failed: "Не вдалося завантажити стрічку, а кеш порожній.",
    empty_retry: "Натисніть r, щоб спробувати ще раз, або запустіть chmon --demo.",
    empty_nothing: "У стрічці немає новин. Натисніть r, щоб оновити.",
    too_small: "Вікно замале",
    help_title: " Клавіші ",
    help_everywhere: "Скрізь",
    help_list: "Список новин",
    help_article: "Стаття",
    help_mouse: "Миша: коліщатко гортає, клік обирає новину",
    help_close: "клавіші руху гортають довідку, інші закривають її",
    key_space: "Пробіл",
    links_heading: "Посилання:",
    image: "зображення",
    article_too_deep: crate::article::UK_TOO_DEEP,
    article_cut: crate::article::UK_CUT,
    no_link: "у статті немає посилання",
    bad_scheme: "відкриваю лише http та https посилання",
    open_failed: "не вдалося відкрити браузер",
    opened: "відкрито в браузері",
    article_missing: "статтю не знайдено в кеші",
    load_failed: "помилка кешу",
    author: "Автор",
    category: "Рубрика",
    undated: "без дати",
    all_news: "Усі новини",
    help_feeds: "Стрічки (ліва панель)",
    server_wait: "сервер просить зачекати",
    units: ["с", "хв", "год", "дн"],
    weekdays: [
        "Понеділок",
        "Вівторок",
        "Середа",
        "Четвер",
        "П’ятниця",
        "Субота",
        "Неділя",
    ],
    months: [
        "січня",
        "лютого",
        "березня",
        "квітня",
        "травня",
        "червня",
        "липня",
        "серпня",
        "вересня",
        "жовтня",
        "листопада",
        "грудня",
    ],
    today: "Сьогодні",
    yesterday: "Вчора",
};

static EN: Strings = Strings {
    unread: ["unread"; 3],
    new: ["new"; 3],
    refreshing: "refreshing…",
    no_new: "nothing new",
    refresh_failed: "refresh failed",
    loading: "loading…",
    empty_cache: "The cache is empty: fetching the feed…",
    empty_failed: "Could not fetch the feed, and the cache is empty.",
    empty_retry: "Press r to try again, or run chmon --demo.",
    empty_nothing: "The feed has no news. Press r to refresh.",
    too_small: "Window too small",
    help_title: " Keys ",
    help_everywhere: "Everywhere",
    help_list: "Headlines",
    help_article: "Article",
    help_mouse: "Mouse: the wheel scrolls, a click selects a headline",
    help_close: "movement keys scroll this help, any other key closes it",
    key_space: "Space",
    links_heading: "Links:",
    image: "image",
    article_too_deep: crate::article::EN_TOO_DEEP,
    article_cut: crate::article::EN_CUT,
    no_link: "this article has no link",
    bad_scheme: "only http and https links are opened",
    open_failed: "could not open the browser",
    opened: "opened in the browser",
    article_missing: "article not found in the cache",
    load_failed: "cache error",
    author: "Author",
    category: "Category",
    undated: "undated",
    all_news: "All news",
    help_feeds: "Feeds (the left pane)",
    server_wait: "the server asked to wait",
    units: ["s", "min", "h", "d"],
    weekdays: [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ],
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    today: "Today",
    yesterday: "Yesterday",
};

impl Lang {
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Uk => &UK,
            Lang::En => &EN,
        }
    }

    /// The words the article text uses for images and the link list.
    pub fn article_labels(self) -> crate::article::Labels<'static> {
        let s = self.strings();
        crate::article::Labels {
            image: s.image,
            links_heading: s.links_heading,
            too_deep: s.article_too_deep,
            cut: s.article_cut,
        }
    }

    /// A day header as on the agency's site: "Сьогодні", "Вчора", "Вівторок, 23 грудня",
    /// with the year added when `day` is not in `today`'s year.
    pub fn day_header(self, day: NaiveDate, today: NaiveDate) -> String {
        let s = self.strings();
        if day == today {
            return s.today.to_string();
        }
        if today.pred_opt() == Some(day) {
            return s.yesterday.to_string();
        }
        let weekday = s.weekdays[day.weekday().num_days_from_monday() as usize];
        let month = s.months[day.month0() as usize];
        let mut out = format!("{weekday}, {} {month}", day.day());
        if day.year() != today.year() {
            out.push_str(&format!(" {}", day.year()));
        }
        out
    }

    /// "3 нових" / "1 нова" / "2 нові"; "3 new"; zero gives the "nothing new" text.
    pub fn new_count(self, n: usize) -> String {
        if n == 0 {
            return self.strings().no_new.to_string();
        }
        format!("{n} {}", plural(n, self.strings().new))
    }

    /// "1 непрочитана" / "2 непрочитані" / "5 непрочитаних"; "5 unread".
    pub fn unread_count(self, n: usize) -> String {
        format!("{n} {}", plural(n, self.strings().unread))
    }

    /// The list's message when a search finds nothing.
    pub fn nothing_found(self) -> &'static str {
        match self {
            Lang::Uk => "Нічого не знайдено (Esc — увесь список).",
            Lang::En => "Nothing found (Esc: the whole list).",
        }
    }

    /// The search line's right side: "12 знайдено · новіші спершу"; "12 found · newest first".
    pub fn search_summary(self, found: usize, relevance: bool) -> String {
        let uk = self == Lang::Uk;
        let order = match (uk, relevance) {
            (true, false) => "новіші спершу",
            (true, true) => "найкращі спершу",
            (false, false) => "newest first",
            (false, true) => "best first",
        };
        let found_word = if uk { "знайдено" } else { "found" };
        format!("{found} {found_word} · {order}")
    }

    /// "сервер просить зачекати 15 хв": how long a `Retry-After` still holds a feed.
    pub fn server_wait(self, wait: std::time::Duration) -> String {
        let s = self.strings();
        let [sec, min, hour, day] = s.units;
        let secs = wait.as_secs();
        let text = match secs {
            0..60 => format!("{secs} {sec}"),
            60..3600 => format!("{} {min}", secs.div_ceil(60)),
            3600..86_400 => match (secs % 3600).div_ceil(60) {
                0 => format!("{} {hour}", secs / 3600),
                m => format!("{} {hour} {m} {min}", secs / 3600),
            },
            _ => format!("{} {day}", secs.div_ceil(86_400)),
        };
        format!("{} {text}", s.server_wait)
    }

    /// What an action does, for the help and the hint bar.
    pub fn action(self, intent: Intent) -> ActionText {
        match self {
            Lang::Uk => actions::uk(intent),
            Lang::En => actions::en(intent),
        }
    }
}

/// The one plural rule every shown number goes through: `forms` is [one, few, many]. In
/// Ukrainian 1, 21, 101 take "one"; 2–4, 22–24 take "few"; 0, 5–20, 25–30, 111–114 "many"
/// (English gives the same word three times, or "one" and "many" forms).
pub fn plural(n: usize, forms: [&'static str; 3]) -> &'static str {
    let (last, tens) = (n % 10, n % 100);
    if last == 1 && tens != 11 {
        forms[0]
    } else if (2..=4).contains(&last) && !(12..=14).contains(&tens) {
        forms[1]
    } else {
        forms[2]
    }
}

#[cfg(test)]
mod tests;
