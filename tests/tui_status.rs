//! The status bar's messages go at the next key or click, or a few seconds after they appeared
//! (the runtime delivers the time in `Tick`; here it is a fake clock), pasted text does nothing,
//! and a signal quits through `update` like `q`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

mod tui_support;

use std::time::Duration;

use chrono::TimeDelta;

use chmon::action::{Action, Effect, Intent, Mouse};
use chmon::app::{App, Status};
use chmon::i18n::Lang;
use chmon::keymap::{Key, KeyPress};
use tui_support::{Fake, headlines, now, started};

fn refreshed(app: &mut App, fake: &mut Fake) {
    fake.send(app, tui_support::refreshed(3));
    assert_eq!(app.status, Status::Info("3 нові".into()));
}

fn tick(app: &mut App, fake: &mut Fake, seconds: i64) {
    let at = now() + TimeDelta::seconds(seconds);
    fake.send(app, Action::Tick { now: at });
}

#[test]
fn the_next_key_clears_the_message() {
    let (mut app, mut fake) = started(Lang::Uk, headlines(60), 80, 24);
    refreshed(&mut app, &mut fake);
    fake.key(&mut app, Intent::Open);
    assert_eq!(app.status, Status::None);
    refreshed(&mut app, &mut fake);
    for _ in 0..40 {
        fake.key(&mut app, Intent::Next);
        assert_eq!(app.status, Status::None, "not through 40 article changes");
    }
    refreshed(&mut app, &mut fake);
    let unbound = KeyPress::press(Key::parse("F9").unwrap());
    fake.send(&mut app, Action::Key(unbound));
    assert_eq!(app.status, Status::None, "even a key that does nothing");
    refreshed(&mut app, &mut fake);
    fake.send(&mut app, Action::Mouse(Mouse::ScrollDown));
    assert_eq!(app.status, Status::None, "a click or the wheel too");
}

#[test]
fn a_message_expires_after_a_few_seconds() {
    let (mut app, mut fake) = started(Lang::Uk, headlines(5), 80, 24);
    assert_eq!(app.tick_interval(), None, "no clock wanted when idle");
    refreshed(&mut app, &mut fake);
    assert_eq!(app.tick_interval(), Some(Duration::from_secs(1)));
    // The first tick after the message starts its time.
    tick(&mut app, &mut fake, 100);
    tick(&mut app, &mut fake, 104);
    assert_eq!(app.status, Status::Info("3 нові".into()));
    tick(&mut app, &mut fake, 105);
    assert_eq!(app.status, Status::None);
    // Only the clock of the status line's «оновлено 1 хв тому», when it next changes.
    assert_eq!(app.tick_interval(), Some(Duration::from_secs(15)));
}

#[test]
fn an_error_stays_longer_but_goes_too() {
    let (mut app, mut fake) = started(Lang::Uk, headlines(5), 80, 24);
    fake.send(
        &mut app,
        Action::OpenLinkFailed("xdg-open: not found".into()),
    );
    tick(&mut app, &mut fake, 0);
    tick(&mut app, &mut fake, 9);
    assert!(matches!(app.status, Status::Error(_)));
    tick(&mut app, &mut fake, 10);
    assert_eq!(app.status, Status::None);
}

#[test]
fn a_new_message_starts_its_own_time() {
    let (mut app, mut fake) = started(Lang::Uk, headlines(5), 80, 24);
    refreshed(&mut app, &mut fake);
    tick(&mut app, &mut fake, 0);
    tick(&mut app, &mut fake, 4);
    fake.send(&mut app, Action::LinkOpened);
    tick(&mut app, &mut fake, 6);
    assert!(matches!(app.status, Status::Info(_)), "{:?}", app.status);
    tick(&mut app, &mut fake, 11);
    assert_eq!(app.status, Status::None);
}

#[test]
fn pasted_text_is_not_keys() {
    let (mut app, mut fake) = started(Lang::Uk, headlines(5), 80, 24);
    let unread = app.list.counts.unread;
    for text in [
        "o".repeat(300),
        "q".into(),
        "r".into(),
        "u".into(),
        "jjj\n".into(),
    ] {
        fake.send(&mut app, Action::Paste(text));
    }
    assert!(fake.effects.is_empty(), "{:?}", fake.effects);
    assert!(!app.quit && !app.refreshing);
    assert_eq!(app.list.selected, 0);
    assert_eq!(app.list.counts.unread, unread);
}

#[test]
fn a_signal_quits() {
    let (mut app, mut fake) = started(Lang::Uk, headlines(5), 80, 24);
    fake.key(&mut app, Intent::Open);
    fake.effects.clear();
    fake.send(&mut app, Action::Terminate);
    assert!(app.quit);
    assert_eq!(fake.effects, vec![Effect::Quit]);
}
