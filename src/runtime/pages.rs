//! The page workers: `Effect::FetchPage` is queued here and fetched (and extracted) off the
//! UI thread and off the cache worker, at most [`WORKERS`] at once, the same article never
//! twice at once; each result goes back on the loop's channel as `PageFetched` or
//! `PageFailed` (the app has it stored through the cache worker). Makes no product decisions.

use std::collections::{HashSet, VecDeque};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex, PoisonError};

use chrono::Utc;

use super::Msg;
use super::log::Log;
use crate::action::{Action, PageRequest};
use crate::config::FetchOptions;
use crate::feed::fetch::{Fetcher, Validators};
use crate::fulltext::{self, Fetch, Wanted};

/// Pages fetched at once.
pub const WORKERS: usize = 2;

#[derive(Default)]
struct Queue {
    waiting: VecDeque<PageRequest>,
    /// Articles queued or being fetched.
    held: HashSet<i64>,
    workers: usize,
}

impl Queue {
    /// Queues a request: a `first` one ahead of the others. An article already queued or
    /// being fetched is not queued again (a `first` request moves it ahead). False when
    /// nothing new was queued.
    fn push(&mut self, request: PageRequest) -> bool {
        if !self.held.insert(request.id) {
            let at = (self.waiting.iter()).position(|r| r.id == request.id);
            if let (true, Some(at)) = (request.first, at) {
                self.waiting.remove(at);
                self.waiting.push_front(request);
            }
            return false;
        }
        if request.first {
            self.waiting.push_front(request);
        } else {
            self.waiting.push_back(request);
        }
        true
    }
}

/// Where page fetches go; cloned cheaply.
#[derive(Clone)]
pub struct Pages {
    queue: Arc<Mutex<Queue>>,
    fetch: FetchOptions,
    /// The note above a page cut at the size limit.
    cut_note: &'static str,
    tx: Sender<Msg>,
    log: Log,
}

impl Pages {
    pub fn new(fetch: FetchOptions, cut_note: &'static str, tx: Sender<Msg>, log: Log) -> Pages {
        Pages {
            queue: Arc::new(Mutex::new(Queue::default())),
            fetch,
            cut_note,
            tx,
            log,
        }
    }

    /// Queues a page and starts a worker when fewer than [`WORKERS`] run.
    pub fn fetch(&self, request: PageRequest) {
        let start = {
            let mut queue = self.queue.lock().unwrap_or_else(PoisonError::into_inner);
            if !queue.push(request) {
                return;
            }
            let start = queue.workers < WORKERS;
            queue.workers += usize::from(start);
            start
        };
        if start {
            let worker = self.clone();
            let spawned = std::thread::Builder::new()
                .name("page".into())
                .spawn(move || worker.work());
            if let Err(e) = spawned {
                self.log.line(&format!("page: no thread: {e}"));
                self.give_up(&e.to_string());
            }
        }
    }

    /// A worker: fetches what is queued until the queue is empty.
    fn work(&self) {
        let fetcher = match Fetcher::new(self.fetch.clone()) {
            Ok(f) => f,
            Err(e) => return self.give_up(&e.to_string()),
        };
        while let Some(request) = self.next() {
            let action = self.one(&fetcher, &request);
            self.done(request.id);
            if self.tx.send(Msg::Action(action)).is_err() {
                return self.give_up("the reader has quit");
            }
        }
    }

    /// The next request; `None` (and this worker is gone) when the queue is empty.
    fn next(&self) -> Option<PageRequest> {
        let mut queue = self.queue.lock().unwrap_or_else(PoisonError::into_inner);
        let next = queue.waiting.pop_front();
        if next.is_none() {
            queue.workers = queue.workers.saturating_sub(1);
        }
        next
    }

    fn done(&self, id: i64) {
        let mut queue = self.queue.lock().unwrap_or_else(PoisonError::into_inner);
        queue.held.remove(&id);
    }

    /// Fetches and extracts one page.
    fn one(&self, fetcher: &Fetcher, request: &PageRequest) -> Action {
        let wanted = Wanted {
            link: &request.link,
            title: "",
            validators: Validators {
                etag: request.etag.clone(),
                last_modified: request.last_modified.clone(),
            },
            cut_note: self.cut_note,
        };
        let id = request.id;
        match fulltext::fetch(fetcher, &wanted, Utc::now()) {
            Ok(Fetch::Page(page)) => {
                self.log.line(&format!("page {}: fetched", request.link));
                Action::PageFetched {
                    id,
                    page: Some(Box::new(page)),
                }
            }
            Ok(Fetch::Unchanged) => Action::PageFetched { id, page: None },
            Err(e) => {
                self.log.line(&format!("page {} failed: {e}", request.link));
                Action::PageFailed {
                    id,
                    error: e.cause(),
                }
            }
        }
    }

    /// No worker can fetch (no client, no thread): every request waiting fails.
    fn give_up(&self, error: &str) {
        let failed: Vec<PageRequest> = {
            let mut queue = self.queue.lock().unwrap_or_else(PoisonError::into_inner);
            queue.workers = queue.workers.saturating_sub(1);
            if queue.workers > 0 {
                return;
            }
            queue.held.clear();
            queue.waiting.drain(..).collect()
        };
        for request in failed {
            let action = Action::PageFailed {
                id: request.id,
                error: error.to_string(),
            };
            let _ = self.tx.send(Msg::Action(action));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(id: i64, first: bool) -> PageRequest {
        PageRequest {
            id,
            link: format!("http://x.test/{id}"),
            etag: None,
            last_modified: None,
            first,
        }
    }

    fn order(queue: &Queue) -> Vec<i64> {
        queue.waiting.iter().map(|r| r.id).collect()
    }

    #[test]
    fn the_one_waited_for_goes_ahead_and_nothing_is_queued_twice() {
        let mut queue = Queue::default();
        for id in 1..=4 {
            assert!(queue.push(request(id, false)));
        }
        assert!(!queue.push(request(2, false)), "queued already");
        assert_eq!(order(&queue), [1, 2, 3, 4]);
        assert!(queue.push(request(9, true)));
        assert_eq!(order(&queue), [9, 1, 2, 3, 4]);
        assert!(!queue.push(request(4, true)), "moved, not added");
        assert_eq!(order(&queue), [4, 9, 1, 2, 3]);
        queue.waiting.pop_front();
        assert!(!queue.push(request(4, true)), "being fetched: not again");
        assert_eq!(order(&queue), [9, 1, 2, 3]);
    }
}
