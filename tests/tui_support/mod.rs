//! Shared fixtures for the TUI tests: a fixed clock, handmade headlines and articles, and a
//! fake store that answers the app's effects in-process (no IO, no threads).
#![allow(dead_code)]

pub mod backend;
pub mod running;
pub mod screen;

use chrono::{DateTime, Duration, TimeZone, Utc};

use chmon::action::{Action, Effect, HeadlineWindow, Intent, StoreJob};
use chmon::app::{App, update};
use chmon::config::Settings;
use chmon::i18n::Lang;
use chmon::model::{Article, Counts, FeedSummary, Headline, Scope};
use chmon::timefmt::Zone;

/// 2025-12-25 10:00 UTC = 12:00 in Kyiv, a Thursday.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 12, 25, 10, 0, 0).unwrap()
}

const TITLES: [&str; 8] = [
    "У Чернігові відновили рух тролейбусів після обстрілу",
    "Прикордонники Чернігівщини отримали нові дрони 🇺🇦 від волонтерів",
    "Суд у Ніжині розглянув справу про незаконну вирубку лісу в заказнику «Дубовий гай» поблизу села",
    "日本の代表団が チェルニーヒウを訪問",
    "Новорічна ялинка на Красній площі засяє 31 грудня",
    "Обласна рада затвердила бюджет на 2026 рік",
    "Погода: сніг та ожеледиця на дорогах області",
    "Бібліотека імені Короленка відкрила виставку",
];

/// `n` headlines, newest first, two hours apart (so they span several days), ids 1..=n;
/// every third one read. The last one is from 2024 when `n` is large enough.
pub fn headlines(n: usize) -> Vec<Headline> {
    (0..n)
        .map(|i| Headline {
            id: i as i64 + 1,
            title: TITLES[i % TITLES.len()].to_string(),
            time: now() - Duration::minutes(35) - Duration::hours(7 * i as i64),
            dated: true,
            read: i % 3 == 2,
            feed_id: 1,
        })
        .collect()
}

pub fn article(id: i64) -> Article {
    Article {
        id,
        key: format!("http://monitor.cn.ua/ua/news/{id}"),
        title: "У Чернігові відновили рух тролейбусів після обстрілу".into(),
        link: Some(format!("http://monitor.cn.ua/ua/news/{id}")),
        published: Some(Utc.with_ymd_and_hms(2025, 12, 23, 14, 33, 0).unwrap()),
        first_seen: now(),
        author: Some("Агенцiя".into()),
        category: Some("Суспільство".into()),
        lead: Some("Рух тролейбусів у місті відновили о 14:00.".into()),
        body: Some(
            "<p>Про це повідомили в міській раді. Пошкоджену контактну мережу \
             відремонтували за добу.</p><p>Детальніше — на \
             <a href=\"https://chernigiv-rada.gov.ua/news\">сайті міськради</a>.</p>"
                .into(),
        ),
        read: false,
    }
}

pub fn settings(lang: Lang) -> Settings {
    let mut settings = Settings::new("http://monitor.cn.ua/news.xml", "/nonexistent");
    settings.lang = lang;
    settings.zone = Zone::kyiv();
    settings
}

/// Feed 1's refresh came back with `new` new articles.
pub fn refreshed(new: usize) -> Action {
    Action::FeedRefreshed(Box::new(chmon::action::FeedRefreshed {
        feed_id: 1,
        now: now(),
        new,
        title: None,
        error: None,
        held: None,
        state: chmon::model::FeedState {
            last_attempt: Some(now()),
            last_success: Some(now()),
            ..Default::default()
        },
    }))
}

/// The one feed of the tests' apps (cache id 1).
pub fn agency_feed() -> FeedSummary {
    FeedSummary {
        id: 1,
        source: "http://monitor.cn.ua/news.xml".into(),
        title: Some("Інформ-агенція «Чернігівський монітор»".into()),
        ..FeedSummary::default()
    }
}

/// The fake cache behind an app under test.
pub struct Fake {
    pub rows: Vec<Headline>,
    /// Effects that were not store reads (writes, Refresh, OpenUrl, Quit ...), in order.
    pub effects: Vec<Effect>,
}

impl Fake {
    pub fn new(rows: Vec<Headline>) -> Fake {
        Fake {
            rows,
            effects: Vec::new(),
        }
    }

    pub fn counts(&self) -> Counts {
        Counts {
            total: self.rows.len(),
            unread: self.rows.iter().filter(|h| !h.read).count(),
        }
    }

    /// Applies `action`, then answers store reads (windows, positions, articles) until quiet.
    pub fn send(&mut self, app: &mut App, action: Action) {
        let mut queue = update(app, action);
        while !queue.is_empty() {
            let effect = queue.remove(0);
            let Some(answer) = self.answer(&effect) else {
                self.effects.push(effect);
                continue;
            };
            queue.extend(update(app, answer));
        }
    }

    pub fn key(&mut self, app: &mut App, intent: Intent) {
        self.send(app, Action::Intent(intent));
    }

    /// The rows a list shows: all, or those whose title has every word a search asks for (the
    /// real cache also looks at the text, and leaves out the `-words`).
    fn found(&self, query: &chmon::model::ListQuery) -> Vec<Headline> {
        let Some(search) = &query.search else {
            return self.rows.clone();
        };
        let q = chmon::search::Query::parse(&search.text, search.prefix);
        if q.is_empty() {
            return self.rows.clone();
        }
        // Every word (or phrase) must be in the title.
        let each: Vec<chmon::search::Query> = q
            .must
            .iter()
            .map(|c| chmon::search::Query {
                must: vec![c.clone()],
                not: Vec::new(),
            })
            .collect();
        self.rows
            .iter()
            .filter(|h| {
                each.iter()
                    .all(|one| !chmon::search::hits(&h.title, one).is_empty())
            })
            .cloned()
            .collect()
    }

    fn answer(&mut self, effect: &Effect) -> Option<Action> {
        let Effect::Store(job) = effect else {
            return None;
        };
        match job.clone() {
            StoreJob::LoadHeadlines {
                seq,
                offset,
                limit,
                query,
            } => {
                let found = self.found(&query);
                let end = (offset + limit).min(found.len());
                let rows = found.get(offset.min(end)..end).unwrap_or(&[]).to_vec();
                Some(Action::HeadlinesLoaded(HeadlineWindow {
                    seq,
                    offset,
                    counts: Counts {
                        total: found.len(),
                        unread: found.iter().filter(|h| !h.read).count(),
                    },
                    rows,
                }))
            }
            StoreJob::IndexSearch => Some(Action::SearchIndexed),
            StoreJob::Locate { query, article_id } => Some(Action::Located {
                query,
                article_id,
                position: self.rows.iter().position(|h| h.id == article_id),
                counts: self.counts(),
            }),
            StoreJob::LoadArticle { id } => Some(Action::ArticleLoaded {
                id,
                article: self
                    .rows
                    .iter()
                    .any(|h| h.id == id)
                    .then(|| Box::new(article(id))),
            }),
            StoreJob::SetRead { id, read } => {
                if let Some(h) = self.rows.iter_mut().find(|h| h.id == id) {
                    h.read = read;
                }
                None
            }
            StoreJob::LoadFeeds => Some(Action::FeedsLoaded {
                feeds: vec![agency_feed()],
                counts: [(Scope::Feed(1), self.counts())].into_iter().collect(),
            }),
        }
    }
}

/// An app at `width`×`height` with `rows` cached, started (without a refresh) and loaded.
pub fn started(lang: Lang, rows: Vec<Headline>, width: u16, height: u16) -> (App, Fake) {
    started_with(settings(lang), rows, width, height)
}

/// The same with other settings (keys, theme).
pub fn started_with(
    settings: Settings,
    rows: Vec<Headline>,
    width: u16,
    height: u16,
) -> (App, Fake) {
    let mut app = App::new(settings, now(), vec![agency_feed()]);
    let mut fake = Fake::new(rows);
    fake.send(&mut app, Action::Resize { width, height });
    fake.send(
        &mut app,
        Action::Start {
            now: now(),
            refresh: false,
            notice: None,
        },
    );
    fake.effects.clear();
    (app, fake)
}
