//! Reviewed snapshots (text and style of every cell, 80×24) of what issue 10 adds to the
//! screen: the link list popup over an article, and the status line saying when the feed was
//! refreshed and that the refresh failed, in Ukrainian and English.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

mod tui_support;

use chrono::TimeDelta;

use chmon::action::{Action, Intent};
use chmon::app::App;
use chmon::i18n::Lang;
use chmon::model::{Article, FeedState};
use tui_support::{Fake, article, headlines, now, screen, started};

fn styled(app: &App) -> String {
    screen::styled(&screen::draw(app))
}

fn with_links(id: i64) -> Article {
    let body = "<p>Голова ОДА <a href=\"https://cn.gov.ua/news/1\">повідомив</a> про \
        <a href=\"https://t.me/chernigivskaODA\">нові правила</a>, а \
        <a href=\"http://monitor.cn.ua/ua/politics/7\">раніше</a> — про бюджет \
        <img src=\"/i/photo.jpg\" alt=\"Фото засідання\">.</p>"
        .to_string();
    Article {
        body: Some(body),
        ..article(id)
    }
}

#[test]
fn link_list_popup() {
    let (mut app, mut fake) = started(Lang::Uk, headlines(5), 80, 24);
    fake.key(&mut app, Intent::Open);
    let id = app.reader.as_ref().unwrap().id;
    fake.send(
        &mut app,
        Action::ArticleLoaded {
            id,
            article: Some(Box::new(with_links(id))),
            page: None,
            feeds: vec![1],
        },
    );
    fake.key(&mut app, Intent::LinkList);
    fake.key(&mut app, Intent::Down);
    let text = screen::text(&screen::draw(&app));
    assert!(
        text.contains("[2] нові правила — https://t.me/chernigivskaODA"),
        "{text}"
    );
    assert!(
        text.contains("Фото засідання — http://monitor.cn.ua/i/photo.jpg"),
        "{text}"
    );
    insta::assert_snapshot!("link_popup_uk", styled(&app));
}

fn refreshed_five_minutes_ago(lang: Lang, error: Option<&str>) -> (App, Fake) {
    let (mut app, mut fake) = started(lang, headlines(5), 80, 24);
    app.refresh.states.insert(
        1,
        FeedState {
            last_attempt: Some(now()),
            last_success: error.is_none().then(now),
            last_error: error.map(Into::into),
            ..FeedState::default()
        },
    );
    fake.send(
        &mut app,
        Action::Tick {
            now: now() + TimeDelta::seconds(5 * 60 + 10),
        },
    );
    (app, fake)
}

#[test]
fn status_line_updated_ago_uk() {
    let (app, _) = refreshed_five_minutes_ago(Lang::Uk, None);
    insta::assert_snapshot!("status_updated_uk", styled(&app));
}

#[test]
fn status_line_updated_ago_failed_en() {
    let (app, _) = refreshed_five_minutes_ago(Lang::En, Some("HTTP 503"));
    let text = screen::text(&screen::draw(&app));
    assert!(text.contains(" updated 5 min ago · failed "), "{text}");
    insta::assert_snapshot!("status_updated_failed_en", styled(&app));
}
