//! Shared fixtures for the TUI tests: a fixed clock, handmade headlines and articles, and a
//! fake store that answers the app's effects in-process (no IO, no threads); it keeps the
//! pages saved to it and records the page fetches asked for (never answered by itself).
#![allow(dead_code)]

pub mod backend;
pub mod running;
pub mod screen;

use chrono::{DateTime, Duration, TimeZone, Utc};

use chmon::action::{Action, Effect, HeadlineWindow, Intent, StoreJob};
use chmon::app::{App, update};
use chmon::config::Settings;
use chmon::i18n::Lang;
use chmon::model::{Article, Counts, FeedSummary, Headline, ListQuery, Scope, StoredPage};
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
            starred: false,
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
        starred: false,
    }
}

/// The tests' settings: no page is fetched (`full_text = "never"`) unless a test says so
/// (see [`fetching`]).
pub fn settings(lang: Lang) -> Settings {
    let mut settings = Settings::new("http://monitor.cn.ua/news.xml", "/nonexistent");
    settings.lang = lang;
    settings.zone = Zone::kyiv();
    fetching(&mut settings, chmon::config::FullText::Never);
    settings
}

/// Sets every feed's `full_text` policy.
pub fn fetching(settings: &mut Settings, policy: chmon::config::FullText) {
    for spec in &mut settings.feeds {
        spec.full_text = policy;
    }
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
    /// Effects that were not store reads (writes, Refresh, OpenUrl, Quit ...), in order;
    /// page fetches aside.
    pub effects: Vec<Effect>,
    /// `Effect::FetchPage`s, in order.
    pub fetches: Vec<chmon::action::PageRequest>,
    /// The pages stored (`StoreJob::SavePage`), by article id.
    pub pages: std::collections::HashMap<i64, StoredPage>,
}

impl Fake {
    pub fn new(rows: Vec<Headline>) -> Fake {
        Fake {
            rows,
            effects: Vec::new(),
            fetches: Vec::new(),
            pages: std::collections::HashMap::new(),
        }
    }

    pub fn counts(&self) -> Counts {
        self.counts_of(&ListQuery::default())
    }

    /// The rows a query shows (unread only, starred).
    pub fn rows_of(&self, query: &ListQuery) -> Vec<Headline> {
        (self.rows.iter())
            .filter(|h| !query.unread_only || !h.read)
            .filter(|h| !query.starred || h.starred)
            .filter(|h| Self::found(query, h))
            .cloned()
            .collect()
    }

    pub fn counts_of(&self, query: &ListQuery) -> Counts {
        let rows = self.rows_of(query);
        Counts {
            total: rows.len(),
            unread: rows.iter().filter(|h| !h.read).count(),
        }
    }

    /// Applies `action`, then answers store reads (windows, positions, articles) until quiet.
    pub fn send(&mut self, app: &mut App, action: Action) {
        let mut queue = update(app, action);
        while !queue.is_empty() {
            let effect = queue.remove(0);
            if let Effect::FetchPage(request) = &effect {
                self.fetches.push(request.clone());
                continue;
            }
            if matches!(
                effect,
                Effect::Store(
                    StoreJob::SetStarred { .. }
                        | StoreJob::MarkAllRead { .. }
                        | StoreJob::SetReadMany { .. }
                )
            ) {
                self.effects.push(effect.clone());
            }
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

    /// True when the row's title has every word a search asks for (the real cache also looks
    /// at the text, and leaves out the `-words`); no search: every row.
    fn found(query: &ListQuery, h: &Headline) -> bool {
        let Some(search) = &query.search else {
            return true;
        };
        let q = chmon::search::Query::parse(&search.text, search.prefix);
        q.must.iter().all(|c| {
            let one = chmon::search::Query {
                must: vec![c.clone()],
                not: Vec::new(),
            };
            !chmon::search::hits(&h.title, &one).is_empty()
        })
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
                let all = self.rows_of(&query);
                let end = (offset + limit).min(all.len());
                let rows = all.get(offset.min(end)..end).unwrap_or(&[]).to_vec();
                Some(Action::HeadlinesLoaded(HeadlineWindow {
                    seq,
                    offset,
                    rows,
                    counts: self.counts_of(&query),
                }))
            }
            StoreJob::IndexSearch => Some(Action::SearchIndexed),
            StoreJob::Locate { query, article_id } => Some(Action::Located {
                position: self.rows_of(&query).iter().position(|h| h.id == article_id),
                counts: self.counts_of(&query),
                query,
                article_id,
            }),
            StoreJob::SetStarred { id, starred } => {
                self.rows
                    .iter_mut()
                    .filter(|h| h.id == id)
                    .for_each(|h| h.starred = starred);
                Some(Action::MarksSaved)
            }
            StoreJob::MarkAllRead { query } => {
                let ids: Vec<i64> = self
                    .rows_of(&query)
                    .iter()
                    .filter(|h| !h.read)
                    .map(|h| h.id)
                    .collect();
                self.rows
                    .iter_mut()
                    .filter(|h| ids.contains(&h.id))
                    .for_each(|h| h.read = true);
                Some(Action::MarkedAllRead { query, ids })
            }
            StoreJob::SetReadMany { ids, read } => {
                self.rows
                    .iter_mut()
                    .filter(|h| ids.contains(&h.id))
                    .for_each(|h| h.read = read);
                Some(Action::MarksSaved)
            }
            StoreJob::NextUnread {
                query,
                article_id,
                forward,
                open,
            } => {
                let rows = self.rows_of(&query);
                let at = rows.iter().position(|h| h.id == article_id).unwrap_or(0);
                let hit = |p: &usize| !rows[*p].read;
                let pos = if forward {
                    (at + 1..rows.len()).find(hit)
                } else {
                    (0..at).rev().find(hit)
                };
                let found = pos.map(|p| (rows[p].id, p));
                Some(Action::UnreadFound { query, found, open })
            }
            StoreJob::LoadArticle { id } => Some(Action::ArticleLoaded {
                id,
                article: self
                    .rows
                    .iter()
                    .any(|h| h.id == id)
                    .then(|| Box::new(article(id))),
                page: self.pages.get(&id).cloned().map(Box::new),
                feeds: vec![1],
            }),
            StoreJob::SavePage { id, page } => {
                self.pages.insert(id, *page);
                None
            }
            StoreJob::PagesWanted { limit, .. } => {
                self.effects.push(effect.clone());
                let wanted = (self.rows.iter())
                    .filter(|h| !self.pages.contains_key(&h.id))
                    .take(limit)
                    .map(|h| chmon::action::PageRequest {
                        id: h.id,
                        link: article(h.id).link.unwrap_or_default(),
                        etag: None,
                        last_modified: None,
                        first: false,
                    })
                    .collect();
                Some(Action::PagesWanted(wanted))
            }
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
