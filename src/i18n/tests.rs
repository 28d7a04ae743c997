//! Day headers, number agreement and action texts in both languages.
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

#[test]
fn unread_counts_agree_in_number() {
    let uk = |n| Lang::Uk.unread_count(n);
    assert_eq!(uk(0), "0 непрочитаних");
    assert_eq!(uk(1), "1 непрочитана");
    assert_eq!(uk(2), "2 непрочитані");
    assert_eq!(uk(4), "4 непрочитані");
    assert_eq!(uk(5), "5 непрочитаних");
    for many in [11, 12, 13, 14, 111, 112, 114, 1000] {
        assert_eq!(uk(many), format!("{many} непрочитаних"));
    }
    assert_eq!(uk(21), "21 непрочитана");
    assert_eq!(uk(22), "22 непрочитані");
    assert_eq!(uk(101), "101 непрочитана");
    assert_eq!(uk(1001), "1001 непрочитана");
    assert_eq!(Lang::En.unread_count(1), "1 unread");
}

#[test]
fn every_action_has_a_help_text_in_both_languages() {
    for entry in crate::keymap::TABLE {
        for lang in [Lang::Uk, Lang::En] {
            assert!(!lang.action(entry.intent).help.is_empty(), "{}", entry.name);
        }
    }
}
