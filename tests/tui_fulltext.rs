//! Full text in the reader, through `app::update` and the fake store: an opened teaser asks for
//! its page and shows the teaser meanwhile; the page replaces the text when it arrives (and is
//! stored even when its article is closed); `e` fetches on demand; `never` fetches nothing; a
//! failure is said and the teaser stays; `always` feeds are prefetched after a refresh.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

mod tui_support;

use chmon::action::{Action, Effect, Intent, PageRequest, StoreJob};
use chmon::app::{App, Status};
use chmon::config::FullText;
use chmon::i18n::Lang;
use chmon::model::StoredPage;
use tui_support::{Fake, headlines, now, started_with};

const FROM_PAGE: &str = "Тролейбуси повернулися на всі маршрути";

fn app_with(policy: FullText) -> (App, Fake) {
    let mut settings = tui_support::settings(Lang::Uk);
    tui_support::fetching(&mut settings, policy);
    started_with(settings, headlines(5), 80, 24)
}

/// A page whose text is long enough to scroll.
fn page(etag: &str) -> StoredPage {
    let mut html = format!("<p>{FROM_PAGE}.</p>");
    for n in 1..=40 {
        html.push_str(&format!("<p>Абзац {n} повного тексту статті.</p>"));
    }
    StoredPage {
        url: Some("http://monitor.cn.ua/ua/news/1".into()),
        fetched: now(),
        etag: Some(etag.into()),
        last_modified: None,
        title: None,
        published: None,
        author: None,
        html,
    }
}

fn shown(app: &App) -> String {
    let reader = app.reader.as_ref().unwrap();
    reader
        .doc
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

fn arrived(id: i64, page: StoredPage) -> Action {
    Action::PageFetched {
        id,
        page: Some(Box::new(page)),
    }
}

#[test]
fn an_opened_teaser_is_shown_at_once_and_its_page_asked_for() {
    let (mut app, mut fake) = app_with(FullText::Auto);
    fake.key(&mut app, Intent::Open);
    assert!(
        shown(&app).contains("Рух тролейбусів"),
        "the teaser at once"
    );
    assert_eq!(
        fake.fetches,
        vec![PageRequest {
            id: 1,
            link: "http://monitor.cn.ua/ua/news/1".into(),
            etag: None,
            last_modified: None,
            first: true,
        }]
    );
    assert!(app.reader.as_ref().unwrap().fetching);
    let screen = tui_support::screen::text(&tui_support::screen::draw(&app));
    assert!(screen.contains("завантажую повний текст…"), "{screen}");
}

#[test]
fn the_page_replaces_the_text_and_is_stored() {
    let (mut app, mut fake) = app_with(FullText::Auto);
    fake.key(&mut app, Intent::Open);
    fake.send(&mut app, arrived(1, page("\"p1\"")));
    let text = shown(&app);
    assert!(text.contains(FROM_PAGE), "{text}");
    assert!(!text.contains("Рух тролейбусів"), "{text}");
    assert_eq!(app.reader.as_ref().unwrap().scroll, 0);
    assert!(!app.reader.as_ref().unwrap().fetching);
    assert_eq!(fake.pages[&1].etag.as_deref(), Some("\"p1\""));
    let screen = tui_support::screen::text(&tui_support::screen::draw(&app));
    assert!(!screen.contains("завантажую"), "{screen}");
    // Reopened: the stored page comes with the article, nothing is fetched again.
    fake.key(&mut app, Intent::Back);
    fake.key(&mut app, Intent::Open);
    assert!(shown(&app).contains(FROM_PAGE));
    assert_eq!(fake.fetches.len(), 1, "{:?}", fake.fetches);
}

#[test]
fn a_page_keeps_the_scroll_the_reader_made() {
    let (mut app, mut fake) = tui_support::started(Lang::Uk, headlines(5), 80, 12);
    tui_support::fetching(&mut app.settings, FullText::Auto);
    fake.key(&mut app, Intent::Open);
    fake.send(&mut app, arrived(1, page("a")));
    fake.key(&mut app, Intent::Down);
    fake.key(&mut app, Intent::Down);
    fake.key(&mut app, Intent::FullText);
    let mut second = page("b");
    second.html = second.html.replace("Абзац 40", "Абзац сороковий");
    fake.send(&mut app, arrived(1, second));
    assert!(shown(&app).contains("Абзац сороковий"), "replaced again");
    assert_eq!(app.reader.as_ref().unwrap().scroll, 2);
}

#[test]
fn a_page_for_another_article_is_stored_not_shown() {
    let (mut app, mut fake) = app_with(FullText::Auto);
    fake.key(&mut app, Intent::Open);
    fake.key(&mut app, Intent::Back);
    fake.key(&mut app, Intent::Down);
    fake.key(&mut app, Intent::Open);
    assert_eq!(app.reader.as_ref().unwrap().id, 2);
    fake.send(&mut app, arrived(1, page("x")));
    assert!(!shown(&app).contains(FROM_PAGE));
    assert!(
        app.reader.as_ref().unwrap().fetching,
        "2's page still comes"
    );
    assert!(
        fake.pages.contains_key(&1),
        "leaving did not cancel the store"
    );
    fake.send(
        &mut app,
        Action::PageFailed {
            id: 1,
            error: "late".into(),
        },
    );
    assert_eq!(app.status, Status::None, "no word about another article");
}

#[test]
fn the_same_article_is_never_asked_for_twice_at_once() {
    let (mut app, mut fake) = app_with(FullText::Auto);
    fake.key(&mut app, Intent::Open);
    fake.key(&mut app, Intent::FullText);
    fake.key(&mut app, Intent::Back);
    fake.key(&mut app, Intent::Open);
    assert_eq!(fake.fetches.len(), 1, "{:?}", fake.fetches);
    assert!(app.reader.as_ref().unwrap().fetching);
    fake.send(&mut app, arrived(1, page("a")));
    assert!(shown(&app).contains(FROM_PAGE));
    fake.key(&mut app, Intent::FullText);
    assert_eq!(fake.fetches.len(), 2, "once it is back, e asks again");
}

#[test]
fn e_fetches_any_article_and_sends_the_stored_validators() {
    let (mut app, mut fake) = app_with(FullText::Never);
    fake.pages.insert(1, page("\"old\""));
    fake.key(&mut app, Intent::Open);
    assert!(shown(&app).contains(FROM_PAGE), "the stored page is shown");
    assert!(fake.fetches.is_empty());
    fake.key(&mut app, Intent::FullText);
    assert_eq!(fake.fetches.len(), 1);
    assert_eq!(fake.fetches[0].etag.as_deref(), Some("\"old\""));
    fake.send(&mut app, Action::PageFetched { id: 1, page: None });
    assert!(
        shown(&app).contains(FROM_PAGE),
        "304: the stored page stays"
    );
    assert!(matches!(&app.status, Status::Info(m) if m.contains("не змінився")));
}

#[test]
fn never_and_a_full_feed_text_fetch_nothing_on_open() {
    let (mut app, mut fake) = app_with(FullText::Never);
    fake.key(&mut app, Intent::Open);
    assert!(fake.fetches.is_empty(), "{:?}", fake.fetches);
    assert!(!app.reader.as_ref().unwrap().fetching);
    let screen = tui_support::screen::text(&tui_support::screen::draw(&app));
    assert!(!screen.contains("завантажую"), "{screen}");
}

#[test]
fn always_fetches_a_page_with_a_stored_one_only_on_e() {
    let (mut app, mut fake) = app_with(FullText::Always);
    fake.pages.insert(1, page("s"));
    fake.key(&mut app, Intent::Open);
    assert!(fake.fetches.is_empty(), "a stored page is read offline");
    fake.key(&mut app, Intent::Back);
    fake.key(&mut app, Intent::Down);
    fake.key(&mut app, Intent::Open);
    assert_eq!(fake.fetches.len(), 1, "always: no page yet");
}

#[test]
fn a_failure_is_said_and_the_teaser_stays() {
    let (mut app, mut fake) = app_with(FullText::Auto);
    fake.key(&mut app, Intent::Open);
    fake.send(
        &mut app,
        Action::PageFailed {
            id: 1,
            error: "HTTP 404 Not Found\u{1b}[2J".into(),
        },
    );
    assert!(shown(&app).contains("Рух тролейбусів"));
    let Status::Error(message) = &app.status else {
        panic!("{:?}", app.status)
    };
    assert!(message.contains("не вдалося завантажити повний текст: HTTP 404"));
    assert!(!message.contains('\u{1b}'));
    assert!(!app.reader.as_ref().unwrap().fetching);
    let screen = tui_support::screen::text(&tui_support::screen::draw(&app));
    assert!(screen.contains("HTTP 404"), "{screen}");
}

#[test]
fn e_without_an_http_link_says_so() {
    let (mut app, mut fake) = app_with(FullText::Never);
    fake.key(&mut app, Intent::Open);
    let mut article = tui_support::article(1);
    article.link = Some("javascript:alert(1)".into());
    fake.send(
        &mut app,
        Action::ArticleLoaded {
            id: 1,
            article: Some(Box::new(article)),
            page: None,
            feeds: vec![1],
        },
    );
    fake.key(&mut app, Intent::FullText);
    assert!(fake.fetches.is_empty());
    assert!(matches!(app.status, Status::Error(_)));
}

#[test]
fn new_articles_of_an_always_feed_are_prefetched_after_a_refresh() {
    let (mut app, mut fake) = app_with(FullText::Always);
    fake.key(&mut app, Intent::Refresh);
    fake.send(&mut app, tui_support::refreshed(3));
    let asked = fake
        .effects
        .iter()
        .find_map(|e| match e {
            Effect::Store(StoreJob::PagesWanted {
                feeds,
                since,
                limit,
            }) => Some((feeds.clone(), *since, *limit)),
            _ => None,
        })
        .expect("the new articles looked up");
    assert_eq!(asked, (vec![1], now(), 20));
    let ids: Vec<i64> = fake.fetches.iter().map(|r| r.id).collect();
    assert_eq!(ids, [1, 2, 3, 4, 5]);
    assert_eq!(app.status, Status::Info("3 нові".into()), "quietly");
}

#[test]
fn auto_feeds_are_not_prefetched() {
    let (mut app, mut fake) = app_with(FullText::Auto);
    fake.key(&mut app, Intent::Refresh);
    fake.send(&mut app, tui_support::refreshed(3));
    assert!(fake.fetches.is_empty());
    assert!(
        !fake
            .effects
            .iter()
            .any(|e| matches!(e, Effect::Store(StoreJob::PagesWanted { .. })))
    );
}

/// The agency's long page as the extractor stores it.
fn agency_page() -> StoredPage {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/extract/pages/agency_long.html"
    );
    let bytes = std::fs::read(path).unwrap();
    let url = "http://monitor.cn.ua/ua/news/1";
    let page = chmon::extract::Page {
        bytes: &bytes,
        content_type: Some("text/html; charset=utf-8"),
        url: Some(url),
    };
    let story = chmon::extract::extract(&page).unwrap();
    StoredPage {
        url: Some(url.into()),
        fetched: now(),
        etag: None,
        last_modified: None,
        title: story.title,
        published: story.published,
        author: story.author,
        html: story.html,
    }
}

#[test]
fn the_article_view_with_a_fetched_agency_page() {
    let (mut app, mut fake) = app_with(FullText::Auto);
    fake.key(&mut app, Intent::Open);
    let page = agency_page();
    let mut article = tui_support::article(1);
    article.title = page.title.clone().unwrap();
    article.published = None;
    article.author = None;
    article.body = None;
    article.lead = Some("Будівля колишнього кінотеатру… Читати далі".into());
    fake.send(
        &mut app,
        Action::ArticleLoaded {
            id: 1,
            article: Some(Box::new(article)),
            page: None,
            feeds: vec![1],
        },
    );
    assert_eq!(fake.fetches.len(), 1, "{:?}", fake.fetches);
    assert!(shown(&app).contains("Читати далі"));
    fake.send(&mut app, arrived(1, page.clone()));
    let text = shown(&app);
    assert!(!text.contains("Читати далі"), "{text}");
    assert!(text.contains("Після обстрілів 2022 року"), "{text}");
    assert!(!text.contains("Останні новини Чернігівщини"), "{text}");
    // The page's date and author fill the feed's missing ones.
    assert!(page.published.is_some() && page.author.is_some());
    let meta = &app.reader.as_ref().unwrap().doc;
    let meta: Vec<&str> = (meta.iter())
        .filter(|l| l.kind == chmon::app::reader::DocKind::Meta)
        .map(|l| l.text.as_str())
        .collect();
    assert!(meta.join(" ").contains("Автор"), "{meta:?}");
    assert!(!meta.join(" ").contains("без дати"), "{meta:?}");
    insta::assert_snapshot!(
        "article_with_agency_page_uk",
        tui_support::screen::styled(&tui_support::screen::draw(&app))
    );
}

#[test]
fn an_opened_article_being_prefetched_is_asked_for_first() {
    let (mut app, mut fake) = app_with(FullText::Always);
    fake.key(&mut app, Intent::Refresh);
    fake.send(&mut app, tui_support::refreshed(5));
    assert!(fake.fetches.iter().all(|r| !r.first), "prefetches wait");
    fake.key(&mut app, Intent::Bottom);
    fake.key(&mut app, Intent::Open);
    let last = fake.fetches.last().unwrap();
    assert_eq!((last.id, last.first), (5, true), "{:?}", fake.fetches);
    assert_eq!(fake.fetches.len(), 6);
    fake.key(&mut app, Intent::FullText);
    assert_eq!(fake.fetches.len(), 6, "once moved ahead, not again");
}

#[test]
fn the_status_line_in_english() {
    let mut settings = tui_support::settings(Lang::En);
    tui_support::fetching(&mut settings, FullText::Auto);
    let (mut app, mut fake) = started_with(settings, headlines(3), 80, 24);
    fake.key(&mut app, Intent::Open);
    let screen = tui_support::screen::text(&tui_support::screen::draw(&app));
    assert!(screen.contains("fetching the full text…"), "{screen}");
    fake.send(
        &mut app,
        Action::PageFailed {
            id: 1,
            error: "timed out after 30s".into(),
        },
    );
    let screen = tui_support::screen::text(&tui_support::screen::draw(&app));
    assert!(
        screen.contains("could not fetch the full text: timed out after 30s"),
        "{screen}"
    );
}

#[test]
fn the_help_lists_e() {
    let (mut app, mut fake) = tui_support::started(Lang::Uk, headlines(3), 100, 80);
    fake.key(&mut app, Intent::Help);
    let screen = tui_support::screen::text(&tui_support::screen::draw(&app));
    let line = screen
        .lines()
        .find(|l| l.contains("повний текст зі сторінки статті"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(line.contains(" e "), "{line}");
}
