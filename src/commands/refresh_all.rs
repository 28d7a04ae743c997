//! `chmon refresh`: every feed of the run at once (see `refresh_pool`), one line per feed in
//! the list's order as soon as it is done; exit status 1 when any failed (the others are
//! stored). A one-off `--feed` prints the single line it always did, and its error is the
//! command's. A feed whose server asked to wait (`Retry-After`) is not asked, and says so.
//! Afterwards the new articles of `full_text = "always"` feeds get their pages (at most
//! [`PREFETCH_LIMIT`] a feed, 2 at a time), so they read offline.

use std::collections::HashMap;
use std::sync::mpsc;

use chrono::Utc;

use super::{CommandError, emit, open_feeds};
use crate::app::pages::PREFETCH_LIMIT;
use crate::config::{FullText, Settings};
use crate::feed::fetch::Fetcher;
use crate::refresh::RefreshReport;
use crate::refresh_pool::{Done, Job, Pool, Ran};
use crate::text::sanitize::clean_line;
use crate::timefmt::wait_text;

/// `chmon refresh`.
pub fn refresh(settings: &Settings) -> Result<(), CommandError> {
    run(settings, true)
}

/// Refreshes without printing (the demo does it before any command).
pub fn refresh_quietly(settings: &Settings) -> Result<(), CommandError> {
    run(settings, false)
}

fn run(settings: &Settings, print: bool) -> Result<(), CommandError> {
    let (store, ids, _) = open_feeds(settings)?;
    drop(store);
    let started = Utc::now();
    let jobs: Vec<Job> = ids
        .iter()
        .zip(&settings.feeds)
        .map(|(&id, spec)| Job {
            id,
            spec: spec.clone(),
        })
        .collect();
    let pool = Pool {
        cache: settings.cache_path(),
        fetch: settings.fetch.clone(),
        now: Utc::now,
    };
    let (tx, rx) = mpsc::channel();
    let (failed, first_error) = std::thread::scope(|scope| {
        let worker = scope.spawn(move || pool.run(jobs, &tx));
        let outcome = report(rx, &ids, settings, print);
        match worker.join() {
            Ok(Ok(())) => outcome,
            Ok(Err(e)) => Err(e.into()),
            Err(_) => Err(CommandError::Usage("the refresh stopped".into())),
        }
    })?;
    prefetch(settings, &ids, started)?;
    match (failed, first_error) {
        (0, _) => Ok(()),
        (_, Some(error)) if settings.one_off => Err(error),
        _ => Err(CommandError::SomeFailed {
            failed,
            all: ids.len(),
        }),
    }
}

/// The pages of the new articles of the `always` feeds, stored (failures are left: `show
/// --full` or the reader can try again).
fn prefetch(
    settings: &Settings,
    ids: &[i64],
    started: chrono::DateTime<Utc>,
) -> Result<(), CommandError> {
    let always: Vec<i64> = (ids.iter().zip(&settings.feeds))
        .filter(|(_, spec)| spec.full_text == FullText::Always)
        .map(|(id, _)| *id)
        .collect();
    if always.is_empty() {
        return Ok(());
    }
    let store = super::open_store(settings)?;
    let fetcher = Fetcher::new(settings.fetch.clone())?;
    for id in always {
        let wanted = store.without_page(&[id], started, PREFETCH_LIMIT)?;
        crate::fulltext::prefetch(&fetcher, &store, &wanted, 2, settings.lang.pages().cut);
    }
    Ok(())
}

/// Prints each feed's line in the list's order as soon as it and those before it are done;
/// returns how many failed, and the first failure.
fn report(
    rx: mpsc::Receiver<Done>,
    order: &[i64],
    settings: &Settings,
    print: bool,
) -> Result<(usize, Option<CommandError>), CommandError> {
    let mut ready: HashMap<i64, Done> = HashMap::new();
    let (mut next, mut failed, mut first_error) = (0, 0, None);
    for done in rx {
        ready.insert(done.id, done);
        while let Some(done) = order.get(next).and_then(|id| ready.remove(id)) {
            next += 1;
            let (line, error) = line(&done, settings.one_off);
            if let Some(error) = error {
                failed += 1;
                first_error.get_or_insert(error);
            }
            if print && !(settings.one_off && failed > 0) {
                emit(&line)?;
            }
        }
    }
    Ok((failed, first_error))
}

/// A body cut off: what it kept is stored, and the feed counts as failed.
fn truncated(who: &str, report: &RefreshReport) -> (String, Option<CommandError>) {
    let s = report.stats;
    let (url, kept) = report
        .truncated
        .as_ref()
        .map_or((String::new(), 0), |cut| (cut.url.clone(), cut.kept));
    let error = CommandError::Truncated {
        url,
        kept,
        new: s.new,
        updated: s.updated,
        total: s.total,
    };
    let text = clean_line(&error.to_string());
    (format!("{who}failed: {text}\n"), Some(error))
}

/// A feed's line, and its error when it failed.
fn line(done: &Done, one_off: bool) -> (String, Option<CommandError>) {
    let who = if one_off {
        String::new()
    } else {
        format!("{}: ", clean_line(&done.url))
    };
    match &done.ran {
        Ran::Held(wait) => (
            format!(
                "{who}not asked: the server asked to wait {}\n",
                wait_text(*wait)
            ),
            None,
        ),
        Ran::Fetched(Ok(report)) if report.truncated.is_some() => truncated(&who, report),
        Ran::Fetched(Ok(report)) => {
            let s = report.stats;
            let gone = if s.removed > 0 {
                format!(", {} let go", s.removed)
            } else {
                String::new()
            };
            let text = format!(
                "{who}{} new, {} updated, {} total{gone}\n",
                s.new, s.updated, s.total
            );
            (text, None)
        }
        Ran::Fetched(Err(e)) => {
            let text = clean_line(&e.to_string());
            let cause = text
                .strip_prefix(&format!("{}: ", clean_line(&done.url)))
                .unwrap_or(&text);
            (
                format!("{who}failed: {cause}\n"),
                Some(CommandError::Usage(text.clone())),
            )
        }
    }
}
