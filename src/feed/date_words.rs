//! Words found in feed dates: month names (English, Ukrainian, Russian; abbreviated, full,
//! genitive), weekday names, zone abbreviations and filler words. Lookups only, no parsing.

/// Full forms per month (1-based index + 1); an abbreviation is any prefix of ≥ 3 letters.
const MONTHS: [&[&str]; 12] = [
    &["january", "січень", "січня", "январь", "января"],
    &["february", "лютий", "лютого", "февраль", "февраля"],
    &["march", "березень", "березня", "март", "марта"],
    &["april", "квітень", "квітня", "апрель", "апреля"],
    &["may", "травень", "травня", "май", "мая"],
    &["june", "червень", "червня", "июнь", "июня"],
    &["july", "липень", "липня", "июль", "июля"],
    &["august", "серпень", "серпня", "август", "августа"],
    &["september", "вересень", "вересня", "сентябрь", "сентября"],
    &["october", "жовтень", "жовтня", "октябрь", "октября"],
    &["november", "листопад", "листопада", "ноябрь", "ноября"],
    &["december", "грудень", "грудня", "декабрь", "декабря"],
];

const WEEKDAYS: [&str; 42] = [
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "пн",
    "вт",
    "ср",
    "чт",
    "пт",
    "сб",
    "нд",
    "вс",
    "понеділок",
    "вівторок",
    "середа",
    "четвер",
    "п'ятниця",
    "субота",
    "неділя",
    "понедельник",
    "вторник",
    "среда",
    "четверг",
    "пятница",
    "суббота",
    "воскресенье",
    "tues",
    "thur",
    "thurs",
    "пон",
    "вів",
    "суб",
];

/// Words that carry nothing: `р.`/`року` (year), `г.`/`года`, `о`/`в`/`at` (at a time).
const FILLERS: [&str; 9] = ["р", "року", "рік", "г", "года", "о", "об", "в", "at"];

/// The month (1–12) named or abbreviated by `word` (lowercase, no trailing dot).
pub fn month(word: &str) -> Option<u32> {
    if word.chars().count() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|forms| forms.iter().any(|f| f.starts_with(word)))
        .map(|i| i as u32 + 1)
}

/// True for a weekday name or abbreviation (any apostrophe already folded to `'`).
pub fn is_weekday(word: &str) -> bool {
    WEEKDAYS.contains(&word)
}

pub fn is_filler(word: &str) -> bool {
    FILLERS.contains(&word)
}

/// The UTC offset in seconds of a zone abbreviation.
pub fn zone_offset(word: &str) -> Option<i32> {
    let hours = match word {
        "gmt" | "ut" | "utc" | "z" | "wet" => 0,
        "cet" | "bst" | "west" => 1,
        "eet" | "cest" => 2,
        "eest" | "msk" => 3,
        "est" => -5,
        "edt" => -4,
        "cdt" => -5,
        "cst" | "mdt" => -6,
        "mst" => -7,
        "pst" => -8,
        "pdt" => -7,
        _ => return None,
    };
    Some(hours * 3600)
}

/// Folds the four apostrophes (’ ʼ ` ') to `'`.
pub fn fold_apostrophes(word: &str) -> String {
    word.replace(['’', 'ʼ', '`'], "'")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_in_three_languages() {
        assert_eq!(month("січ"), Some(1));
        assert_eq!(month("січня"), Some(1));
        assert_eq!(month("jan"), Some(1));
        assert_eq!(month("янв"), Some(1));
        assert_eq!(month("травня"), Some(5));
        assert_eq!(month("мая"), Some(5));
        assert_eq!(month("листопада"), Some(11));
        assert_eq!(month("sept"), Some(9));
        assert_eq!(month("середа"), None);
        assert_eq!(month("ма"), None);
    }

    #[test]
    fn weekdays_and_zones() {
        assert!(is_weekday("вт"));
        assert!(is_weekday(&fold_apostrophes("п’ятниця")));
        assert!(is_weekday(&fold_apostrophes("пʼятниця")));
        assert_eq!(zone_offset("eest"), Some(3 * 3600));
        assert_eq!(zone_offset("edt"), Some(-4 * 3600));
        assert_eq!(zone_offset("xyz"), None);
    }
}
