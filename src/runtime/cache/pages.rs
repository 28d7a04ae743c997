//! The cache worker's part of full-text pages: a page to store is kept and retried like a read
//! mark while a refresh holds the write lock (never dropped for a busy file), an article is
//! loaded with its page (a kept one first) and its feeds, and the pages to prefetch are
//! looked up. Must not fetch anything or decide which pages are wanted.

use super::{Cache, Msg};
use crate::action::{Action, PageRequest, StoreJob};
use crate::model::StoredPage;
use crate::store::StoreError;

impl Cache {
    /// An article with its read mark as kept, its page and its feeds.
    pub(super) fn article(&self, id: i64) -> Result<Action, StoreError> {
        let mut article = self.store.article(id)?;
        if let (Some(a), Some(p)) = (&mut article, self.pending.iter().find(|p| p.id == id)) {
            a.read = p.read;
        }
        if let (Some(a), Some(starred)) = (&mut article, self.star_of(id)) {
            a.starred = starred;
        }
        let (page, feeds) = match &article {
            Some(_) => (self.page_of(id)?.map(Box::new), self.store.feeds_of(id)?),
            None => (None, Vec::new()),
        };
        Ok(Action::ArticleLoaded {
            id,
            article: article.map(Box::new),
            page,
            feeds,
        })
    }

    /// Keeps a page to store (a later one for the same article replaces it).
    pub(super) fn keep_page(&mut self, id: i64, page: StoredPage) {
        self.pages.retain(|(kept, _)| *kept != id);
        self.pages.push((id, page));
    }

    /// Writes the kept pages in order; stops at the first that finds the file busy. Called
    /// by `flush` (with the short write wait set).
    pub(super) fn flush_pages(&mut self) {
        while let Some((id, page)) = self.pages.first() {
            match self.store.save_page(*id, page) {
                Ok(()) => {}
                Err(e) if e.is_busy() => break,
                Err(e) => {
                    self.log.line(&format!("cache: page of {id} lost: {e}"));
                    let _ = self
                        .tx
                        .send(Msg::Action(Action::StoreFailed(e.to_string())));
                }
            }
            self.pages.remove(0);
        }
    }

    /// The article's page: a kept one, else the stored one.
    pub(super) fn page_of(&self, id: i64) -> Result<Option<StoredPage>, StoreError> {
        match self.pages.iter().find(|(kept, _)| *kept == id) {
            Some((_, page)) => Ok(Some(page.clone())),
            None => self.store.page(id),
        }
    }

    /// `StoreJob::PagesWanted`: the articles without a page (kept ones count as stored).
    pub(super) fn pages_wanted(&self, job: StoreJob) -> Result<Action, StoreError> {
        let StoreJob::PagesWanted {
            feeds,
            since,
            limit,
        } = job
        else {
            return Ok(Action::PagesWanted(Vec::new()));
        };
        let found = self.store.without_page(&feeds, since, limit)?;
        let wanted = found
            .into_iter()
            .filter(|(id, _)| !self.pages.iter().any(|(kept, _)| kept == id))
            .map(|(id, link)| PageRequest {
                id,
                link,
                etag: None,
                last_modified: None,
                first: false,
            })
            .collect();
        Ok(Action::PagesWanted(wanted))
    }
}
