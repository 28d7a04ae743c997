//! Unit tests of feed date parsing (included by `date.rs`).

use super::*;

fn utc(s: &str) -> Option<DateTime<Utc>> {
    Some(DateTime::parse_from_rfc3339(s).ok()?.with_timezone(&Utc))
}

#[test]
fn rfc822_with_offsets_and_names() {
    assert_eq!(
        parse_date("Tue, 12 Jan 2021 13:01:47 +0200"),
        utc("2021-01-12T11:01:47Z")
    );
    assert_eq!(
        parse_date("Wed, 14 Jul 2021 09:05:00 +0300"),
        utc("2021-07-14T06:05:00Z")
    );
    assert_eq!(
        parse_date("Tue, 12 Jan 2021 13:01:47 GMT"),
        utc("2021-01-12T13:01:47Z")
    );
    assert_eq!(
        parse_date("Tue, 12 Jan 2021 13:01:47 UT"),
        utc("2021-01-12T13:01:47Z")
    );
    assert_eq!(
        parse_date("12 Jan 2021 13:01:47 Z"),
        utc("2021-01-12T13:01:47Z")
    );
    assert_eq!(
        parse_date("Wed, 14 Jul 2021 09:05:00 EEST"),
        utc("2021-07-14T06:05:00Z")
    );
    assert_eq!(
        parse_date("Tue, 12 Jan 2021 13:01:47 EET"),
        utc("2021-01-12T11:01:47Z")
    );
    assert_eq!(
        parse_date("Tue, 12 Jan 2021 08:01:47 EST"),
        utc("2021-01-12T13:01:47Z")
    );
    assert_eq!(
        parse_date("Wed, 14 Jul 2021 09:05:00 EDT"),
        utc("2021-07-14T13:05:00Z")
    );
    assert_eq!(
        parse_date("Tue, 12 Jan 2021 13:01:47 CET"),
        utc("2021-01-12T12:01:47Z")
    );
    assert_eq!(
        parse_date("Wed, 14 Jul 2021 09:05:00 CEST"),
        utc("2021-07-14T07:05:00Z")
    );
    assert_eq!(
        parse_date("Tue, 12 Jan 2021 13:01:47 MSK"),
        utc("2021-01-12T10:01:47Z")
    );
    assert_eq!(
        parse_date("Tue, 12 Jan 2021 13:01:47 UTC"),
        utc("2021-01-12T13:01:47Z")
    );
}

#[test]
fn missing_seconds_single_digit_day_two_digit_year() {
    assert_eq!(
        parse_date("Sat, 2 Jan 2021 13:01 +0200"),
        utc("2021-01-02T11:01:00Z")
    );
    assert_eq!(
        parse_date("2 Jan 21 13:01:05 +0000"),
        utc("2021-01-02T13:01:05Z")
    );
}

#[test]
fn rfc3339() {
    assert_eq!(
        parse_date("2021-01-12T13:01:47+02:00"),
        utc("2021-01-12T11:01:47Z")
    );
    assert_eq!(
        parse_date("2021-01-12T13:01:47.250Z"),
        utc("2021-01-12T13:01:47Z")
    );
    assert_eq!(
        parse_date("2021-07-14T09:05:00-04:00"),
        utc("2021-07-14T13:05:00Z")
    );
    assert_eq!(
        parse_date(" 2021-01-12T13:01:47+0200 "),
        utc("2021-01-12T11:01:47Z")
    );
}

#[test]
fn ukrainian_and_russian_names() {
    let want = utc("2021-01-12T11:01:47Z");
    assert_eq!(parse_date("Вт, 12 січ 2021 13:01:47 +0200"), want);
    assert_eq!(parse_date("вівторок, 12 СІЧНЯ 2021 13:01:47 +0200"), want);
    assert_eq!(parse_date("Вт, 12 янв 2021 13:01:47 +0200"), want);
    assert_eq!(parse_date("12 января 2021 г. 13:01:47 +0200"), want);
    assert_eq!(
        parse_date("12 січня 2021 13:01"),
        utc("2021-01-12T11:01:00Z")
    );
    assert_eq!(
        parse_date("12 січня 2021 р., 13:01"),
        utc("2021-01-12T11:01:00Z")
    );
    assert_eq!(parse_date("12 янв 2021"), utc("2021-01-11T22:00:00Z"));
    assert_eq!(
        parse_date("П’ятниця, 16 лип. 2021 10:00"),
        utc("2021-07-16T07:00:00Z")
    );
    assert_eq!(
        parse_date("П`ятниця, 16 липня 2021 10:00"),
        utc("2021-07-16T07:00:00Z")
    );
    assert_eq!(
        parse_date("пт, 3 травня 2024 10:00"),
        utc("2024-05-03T07:00:00Z")
    );
    assert_eq!(
        parse_date("Ср, 25 грудня 2024 16:49:09"),
        utc("2024-12-25T14:49:09Z")
    );
    assert_eq!(parse_date("1 мая 2024 10:00"), utc("2024-05-01T07:00:00Z"));
}

#[test]
fn numeric_dates_without_zone_are_kyiv_time() {
    assert_eq!(parse_date("13.11.2013 16:33"), utc("2013-11-13T14:33:00Z"));
    assert_eq!(
        parse_date("13.07.2021 16:33:10"),
        utc("2021-07-13T13:33:10Z")
    );
    assert_eq!(parse_date("2021-07-13 16:33"), utc("2021-07-13T13:33:00Z"));
    assert_eq!(
        parse_date("2021-01-13 16:33:10"),
        utc("2021-01-13T14:33:10Z")
    );
    assert_eq!(
        parse_date("2021-01-13T16:33:10"),
        utc("2021-01-13T14:33:10Z")
    );
}

#[test]
fn kyiv_dst_boundaries() {
    // Spring 2024: 03:00 EET → 04:00 EEST on 31 March.
    assert_eq!(parse_date("31.03.2024 02:59"), utc("2024-03-31T00:59:00Z"));
    assert_eq!(parse_date("31.03.2024 03:30"), utc("2024-03-31T01:30:00Z"));
    assert_eq!(parse_date("31.03.2024 04:00"), utc("2024-03-31T01:00:00Z"));
    // Autumn 2024: 04:00 EEST → 03:00 EET on 27 October; 03:30 happens twice.
    assert_eq!(parse_date("27.10.2024 02:59"), utc("2024-10-26T23:59:00Z"));
    assert_eq!(parse_date("2024-10-27 03:30"), utc("2024-10-27T00:30:00Z"));
    assert_eq!(parse_date("27.10.2024 04:00"), utc("2024-10-27T02:00:00Z"));
}

#[test]
fn garbage_is_none() {
    for s in [
        "",
        "yesterday",
        "32 Jan 2021 10:00",
        "12 Foo 2021",
        "2021-13-01",
        "25:00 12.01.2021",
        "Tue, 12 Jan",
        "12:00",
    ] {
        assert_eq!(parse_date(s), None, "{s}");
    }
}

/// The RFC 822 shortcut reads exactly what the chunk-by-chunk reading reads, on dates made to
/// trip it (bad weekdays, days, months, clocks and zones, other spacing and case).
#[test]
fn the_rfc822_shortcut_agrees_with_the_general_reading() {
    for (i, m) in RFC_MONTHS.iter().enumerate() {
        assert_eq!(words::month(m), Some(i as u32 + 1), "{m}");
    }
    assert!(RFC_WEEKDAYS.iter().all(|w| words::is_weekday(w)));
    let weekdays = ["", "Tue, ", "tue, ", "TUE, ", "Foo, ", "Tue,", "Вт, "];
    let days = ["1", "01", "13", "31", "32", "0", "123", "x"];
    let months = ["Jan", "nov", "MAY", "Sep", "Foo", "Nov.", "лис"];
    let years = ["2026", "26", "20266"];
    let clocks = [
        "00:32:00",
        "23:59:60",
        "24:00:00",
        "9:05:00",
        "12:30",
        "12:30:00:01",
        "aa:bb:cc",
    ];
    let zones = [
        "+0200", "+0300", "-0530", "+2400", "+0260", "GMT", "EEST", "Z", "+02:00", "x",
    ];
    let mut shortcut = 0;
    for w in weekdays {
        for d in days {
            for m in months {
                for y in years {
                    for c in clocks {
                        for z in zones {
                            let date = format!("{w}{d} {m} {y} {c} {z}");
                            assert_eq!(parse_date(&date), parse_chunks(&date), "{date}");
                            shortcut += usize::from(rfc822(&date).is_some());
                        }
                    }
                }
            }
        }
    }
    assert!(shortcut > 1000, "the shortcut is taken ({shortcut})");
    let long = format!("Tue, 13 Nov 2026 00:32:00 +{}02", ":".repeat(120));
    assert_eq!(parse_date(&long), None);
}
