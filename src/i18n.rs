//! Every user-facing TUI string, in Ukrainian (default) and English, including day and month
//! names and number agreement. Pure data and formatting; must not read clocks, zones or state.

use chrono::{Datelike, NaiveDate};

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
    pub unread: &'static str,
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
    pub help_list: &'static str,
    pub help_article: &'static str,
    pub help_close: &'static str,
    pub hint_list: &'static str,
    pub hint_article: &'static str,
    pub links_heading: &'static str,
    pub image: &'static str,
    pub no_link: &'static str,
    pub bad_scheme: &'static str,
    pub open_failed: &'static str,
    pub opened: &'static str,
    pub article_missing: &'static str,
    pub load_failed: &'static str,
    pub author: &'static str,
    pub category: &'static str,
    pub undated: &'static str,
    pub help_keys_list: &'static [(&'static str, &'static str)],
    pub help_keys_article: &'static [(&'static str, &'static str)],
    weekdays: [&'static str; 7],
    months: [&'static str; 12],
    today: &'static str,
    yesterday: &'static str,
}

static UK: Strings = Strings {
    unread: "непрочитаних",
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
    help_list: "Список новин",
    help_article: "Стаття",
    help_close: "Будь-яка клавіша закриває довідку",
    hint_list: "j/k рух  Enter читати  r оновити  o браузер  u прочитано  ? довідка  q вихід",
    hint_article: "j/k гортати  n/p наступна/попередня  o браузер  Esc назад  ? довідка",
    links_heading: "Посилання:",
    image: "зображення",
    no_link: "у статті немає посилання",
    bad_scheme: "відкриваю лише http та https посилання",
    open_failed: "не вдалося відкрити браузер",
    opened: "відкрито в браузері",
    article_missing: "статтю не знайдено в кеші",
    load_failed: "помилка кешу",
    author: "Автор",
    category: "Рубрика",
    undated: "без дати",
    help_keys_list: &[
        ("j k ↓ ↑", "рух списком"),
        ("PgDn PgUp Пробіл", "на екран"),
        ("g G Home End", "на початок / у кінець"),
        ("Enter l →", "читати статтю"),
        ("r", "оновити стрічку"),
        ("o", "відкрити в браузері"),
        ("u", "прочитано / непрочитано"),
        ("q", "вихід"),
        ("?", "довідка"),
    ],
    help_keys_article: &[
        ("j k ↓ ↑", "гортати"),
        ("Пробіл PgDn PgUp", "на екран"),
        ("g G", "на початок / у кінець"),
        ("n p", "наступна / попередня стаття"),
        ("o", "відкрити в браузері"),
        ("Esc h q ←", "назад до списку"),
        ("коліщатко миші", "гортати; клік обирає новину"),
    ],
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
    unread: "unread",
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
    help_list: "Headlines",
    help_article: "Article",
    help_close: "Any key closes this help",
    hint_list: "j/k move  Enter read  r refresh  o browser  u read/unread  ? help  q quit",
    hint_article: "j/k scroll  n/p next/previous  o browser  Esc back  ? help",
    links_heading: "Links:",
    image: "image",
    no_link: "this article has no link",
    bad_scheme: "only http and https links are opened",
    open_failed: "could not open the browser",
    opened: "opened in the browser",
    article_missing: "article not found in the cache",
    load_failed: "cache error",
    author: "Author",
    category: "Category",
    undated: "undated",
    help_keys_list: &[
        ("j k ↓ ↑", "move"),
        ("PgDn PgUp Space", "page"),
        ("g G Home End", "first / last"),
        ("Enter l →", "read the article"),
        ("r", "refresh the feed"),
        ("o", "open in the browser"),
        ("u", "toggle read"),
        ("q", "quit"),
        ("?", "help"),
    ],
    help_keys_article: &[
        ("j k ↓ ↑", "scroll"),
        ("Space PgDn PgUp", "page"),
        ("g G", "top / bottom"),
        ("n p", "next / previous article"),
        ("o", "open in the browser"),
        ("Esc h q ←", "back to the list"),
        ("mouse wheel", "scroll; a click selects a headline"),
    ],
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
        match self {
            Lang::En => format!("{n} new"),
            Lang::Uk => format!("{n} {}", uk_plural(n, "нова", "нові", "нових")),
        }
    }
}

/// Ukrainian number agreement: 1, 21 → one; 2–4, 22–24 → few; else many (11–14 included).
fn uk_plural(n: usize, one: &'static str, few: &'static str, many: &'static str) -> &'static str {
    let (last, tens) = (n % 10, n % 100);
    if last == 1 && tens != 11 {
        one
    } else if (2..=4).contains(&last) && !(12..=14).contains(&tens) {
        few
    } else {
        many
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn day_headers_like_the_site() {
        let today = d(2025, 12, 25);
        assert_eq!(Lang::Uk.day_header(today, today), "Сьогодні");
        assert_eq!(Lang::Uk.day_header(d(2025, 12, 24), today), "Вчора");
        assert_eq!(
            Lang::Uk.day_header(d(2025, 12, 23), today),
            "Вівторок, 23 грудня"
        );
        assert_eq!(
            Lang::Uk.day_header(d(2024, 1, 5), today),
            "П’ятниця, 5 січня 2024"
        );
        assert_eq!(
            Lang::En.day_header(d(2025, 12, 23), today),
            "Tuesday, 23 December"
        );
        // Yesterday across a year boundary is still "Вчора".
        assert_eq!(Lang::Uk.day_header(d(2024, 12, 31), d(2025, 1, 1)), "Вчора");
    }

    #[test]
    fn new_counts_agree_in_number() {
        assert_eq!(Lang::Uk.new_count(0), "немає нових");
        assert_eq!(Lang::Uk.new_count(1), "1 нова");
        assert_eq!(Lang::Uk.new_count(3), "3 нові");
        assert_eq!(Lang::Uk.new_count(11), "11 нових");
        assert_eq!(Lang::Uk.new_count(22), "22 нові");
        assert_eq!(Lang::Uk.new_count(25), "25 нових");
        assert_eq!(Lang::En.new_count(2), "2 new");
    }
}
