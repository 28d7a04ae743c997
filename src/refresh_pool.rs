//! Refreshing many feeds at once: at most 2 requests at a time to one host, 8 in all, each
//! feed once per batch. Every worker has its own `Store` on the cache file (SQLite serialises
//! the writes) and shares one HTTP client; each feed's outcome moves its `FeedState` by the
//! timer's rules and is saved, then handed to the caller as soon as it is done. One feed's
//! failure never stops the others. Shared by `chmon refresh` and the reader; prints nothing.

use std::collections::{HashMap, VecDeque};
use std::path::PathBuf;
use std::sync::mpsc::Sender;
use std::sync::{Condvar, Mutex};
use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::config::{FeedSpec, FetchOptions};
use crate::feed::FeedError;
use crate::feed::fetch::Fetcher;
use crate::model::FeedState;
use crate::refresh::{self, RefreshError, RefreshReport};
use crate::schedule::{self, Outcome};
use crate::store::Store;

/// Requests at a time to one host.
pub const PER_HOST: usize = 2;
/// Requests at a time in all.
pub const IN_ALL: usize = 8;
/// How long a worker's writes wait for another writer (a big feed holds the lock a while).
const WRITE_WAIT: Duration = Duration::from_secs(120);

/// One feed to refresh.
#[derive(Debug, Clone)]
pub struct Job {
    /// The feed's cache id.
    pub id: i64,
    pub spec: FeedSpec,
}

/// What happened to one feed.
#[derive(Debug)]
pub enum Ran {
    Fetched(Result<RefreshReport, RefreshError>),
    /// Not asked: the server's `Retry-After` still has this long to run.
    Held(Duration),
}

/// One feed's result, with its new fetch state (already saved).
#[derive(Debug)]
pub struct Done {
    pub id: i64,
    pub url: String,
    pub ran: Ran,
    pub state: FeedState,
    /// When the fetch started.
    pub at: DateTime<Utc>,
}

/// Where and how the batch runs.
pub struct Pool {
    pub cache: PathBuf,
    pub fetch: FetchOptions,
    /// The clock (a test may pass a fixed one).
    pub now: fn() -> DateTime<Utc>,
}

/// The queue shared by the workers, and how many requests each host has open.
struct Queue {
    jobs: VecDeque<Job>,
    busy: HashMap<String, usize>,
}

impl Pool {
    /// Refreshes `jobs` (the first of any repeated id only), sending each result to `done`
    /// as it finishes; returns when all are done. Holds the cache's refresh lock throughout
    /// (no other process refreshes it meanwhile: never two requests for one feed at once).
    /// Err when the lock is held elsewhere or no client could be built: nothing was asked.
    pub fn run(&self, jobs: Vec<Job>, done: &Sender<Done>) -> Result<(), RefreshError> {
        let dir = self.cache.parent().unwrap_or(std::path::Path::new("."));
        let _lock = refresh::lock(dir)?;
        let fetcher = Fetcher::new(self.fetch.clone())?;
        let mut seen = std::collections::HashSet::new();
        let jobs: VecDeque<Job> = jobs.into_iter().filter(|j| seen.insert(j.id)).collect();
        let workers = jobs.len().min(IN_ALL);
        let queue = Mutex::new(Queue {
            jobs,
            busy: HashMap::new(),
        });
        let wake = Condvar::new();
        std::thread::scope(|scope| {
            for n in 0..workers {
                let (queue, wake, fetcher) = (&queue, &wake, &fetcher);
                let sender = done.clone();
                let body = move || self.work(queue, wake, fetcher, &sender);
                let spawned = std::thread::Builder::new()
                    .name(format!("refresh-{n}"))
                    .spawn_scoped(scope, body);
                if spawned.is_err() && n == 0 {
                    self.work(queue, wake, fetcher, done);
                }
            }
        });
        Ok(())
    }

    /// One worker: takes the next job whose host has room, until none is left.
    fn work(&self, queue: &Mutex<Queue>, wake: &Condvar, fetcher: &Fetcher, done: &Sender<Done>) {
        let mut store: Option<Store> = None;
        while let Some((job, host)) = next(queue, wake) {
            let result = self.one(&mut store, fetcher, &job);
            if let Ok(mut q) = queue.lock()
                && let Some(n) = q.busy.get_mut(&host)
            {
                *n = n.saturating_sub(1);
            }
            wake.notify_all();
            let _ = done.send(result);
        }
    }

    /// Refreshes one feed (unless the server asked to wait) and saves its new state.
    fn one(&self, store: &mut Option<Store>, fetcher: &Fetcher, job: &Job) -> Done {
        let at = (self.now)();
        let mut state = FeedState::default();
        let mut held = None;
        let result = open(store, &self.cache).and_then(|store| {
            state = store
                .feed_summary(job.id)?
                .map(|s| s.state)
                .unwrap_or_default();
            held = schedule::held(&state, at);
            if held.is_some() {
                return Ok(RefreshReport::default());
            }
            let spec = &job.spec;
            refresh::refresh_keeping(store, fetcher, &spec.url, spec.retention, at)
        });
        let (ran, next) = match held {
            Some(wait) => (Ran::Held(wait), state),
            None => {
                let next = schedule::after(&state, &outcome(&result), at);
                if let Some(store) = store.as_ref() {
                    let _ = store.save_state(job.id, &next);
                }
                (Ran::Fetched(result), next)
            }
        };
        Done {
            id: job.id,
            url: job.spec.url.clone(),
            ran,
            state: next,
            at,
        }
    }
}

/// The timer's view of a refresh's result.
pub fn outcome(result: &Result<RefreshReport, RefreshError>) -> Outcome {
    match result {
        Ok(report) => Outcome::Fetched {
            server_wait: report.server_wait,
        },
        Err(error) => Outcome::Failed {
            error: error.to_string(),
            retry_after: match error {
                RefreshError::Feed(FeedError::Throttled { retry_after, .. }) => Some(*retry_after),
                _ => None,
            },
        },
    }
}

fn open<'s>(
    store: &'s mut Option<Store>,
    path: &std::path::Path,
) -> Result<&'s mut Store, RefreshError> {
    if store.is_none() {
        let opened = Store::open(path)?;
        opened.set_busy_timeout(WRITE_WAIT)?;
        *store = Some(opened);
    }
    store.as_mut().ok_or_else(|| {
        RefreshError::Store(crate::store::StoreError::Unusable {
            path: path.display().to_string(),
            reason: "not open".into(),
        })
    })
}

/// The next job whose host has room (waiting while every host left is busy); `None` when
/// the queue is empty.
fn next(queue: &Mutex<Queue>, wake: &Condvar) -> Option<(Job, String)> {
    let mut q = queue.lock().ok()?;
    loop {
        if q.jobs.is_empty() {
            return None;
        }
        let free = q
            .jobs
            .iter()
            .position(|j| q.busy.get(&host_of(&j.spec.url)).copied().unwrap_or(0) < PER_HOST);
        if let Some(i) = free {
            let job = q.jobs.remove(i)?;
            let host = host_of(&job.spec.url);
            *q.busy.entry(host.clone()).or_default() += 1;
            return Some((job, host));
        }
        q = wake.wait(q).ok()?;
    }
}

/// What "one host" is: the URL's host and port (a local file is its own host).
pub fn host_of(source: &str) -> String {
    match url::Url::parse(source) {
        Ok(u) if u.host_str().is_some() => {
            let host = u.host_str().unwrap_or_default().to_ascii_lowercase();
            match u.port_or_known_default() {
                Some(port) => format!("{host}:{port}"),
                None => host,
            }
        }
        _ => source.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_fold_case_and_default_ports() {
        assert_eq!(
            host_of("https://Monitor.cn.ua/news.xml"),
            "monitor.cn.ua:443"
        );
        assert_eq!(host_of("http://127.0.0.2:8080/a"), "127.0.0.2:8080");
        assert_eq!(host_of("feeds/a.xml"), "feeds/a.xml");
    }

    #[test]
    fn a_throttled_error_carries_its_wait() {
        let error = RefreshError::Feed(FeedError::Throttled {
            url: "u".into(),
            status: "429 Too Many Requests".into(),
            retry_after: Duration::from_secs(90),
        });
        let Outcome::Failed { retry_after, .. } = outcome(&Err(error)) else {
            panic!("a failure");
        };
        assert_eq!(retry_after, Some(Duration::from_secs(90)));
    }
}
