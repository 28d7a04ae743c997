//! Feed-pane state: the listed feeds with their counts and fetch state, which sections are
//! folded, the pane's cursor and whether it is shown; the pane's lines («Усі новини», then
//! each section with its feeds, and the feeds of no section, in the list's order). Pure.

use std::collections::{HashMap, HashSet};

use crate::model::{Counts, FeedSummary, Scope};

/// One line of the feed pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PaneLine {
    All,
    /// A section's header (its feeds follow unless it is folded).
    Section(String),
    /// A feed, by its index in `FeedPane::feeds`.
    Feed(usize),
}

impl PaneLine {
    /// The list this line shows.
    pub fn scope(&self, pane: &FeedPane) -> Option<Scope> {
        match self {
            PaneLine::All => Some(Scope::All),
            PaneLine::Section(name) => Some(Scope::Section(name.clone())),
            PaneLine::Feed(i) => pane.feeds.get(*i).map(|f| Scope::Feed(f.id)),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct FeedPane {
    pub feeds: Vec<FeedSummary>,
    /// Every list's counts ("All", sections, feeds).
    pub counts: HashMap<Scope, Counts>,
    pub folded: HashSet<String>,
    /// Index into `lines()`.
    pub cursor: usize,
    /// Shown (when the screen is wide enough; see `App::pane_width`).
    pub shown: bool,
    /// True once the feeds arrived.
    pub loaded: bool,
    /// No "All" line: a one-off `--feed` run is not the list.
    pub one_off: bool,
}

impl FeedPane {
    /// The pane's lines, folded sections without their feeds.
    pub fn lines(&self) -> Vec<PaneLine> {
        let mut out = Vec::with_capacity(self.feeds.len() + 4);
        if !self.one_off {
            out.push(PaneLine::All);
        }
        let mut done: HashSet<&str> = HashSet::new();
        for (i, feed) in self.feeds.iter().enumerate() {
            let Some(section) = feed.section.as_deref() else {
                out.push(PaneLine::Feed(i));
                continue;
            };
            if !done.insert(section) {
                continue;
            }
            out.push(PaneLine::Section(section.to_string()));
            if self.folded.contains(section) {
                continue;
            }
            for (j, other) in self.feeds.iter().enumerate().skip(i) {
                if other.section.as_deref() == Some(section) {
                    out.push(PaneLine::Feed(j));
                }
            }
        }
        out
    }

    /// The counts of a list (zero when unknown).
    pub fn counts_of(&self, scope: &Scope) -> Counts {
        self.counts.get(scope).copied().unwrap_or_default()
    }

    /// The feed with this cache id.
    pub fn feed(&self, id: i64) -> Option<&FeedSummary> {
        self.feeds.iter().find(|f| f.id == id)
    }

    /// Moves the cursor to `pos` (clamped).
    pub fn select(&mut self, pos: usize) {
        self.cursor = pos.min(self.lines().len().saturating_sub(1));
    }

    /// The line under the cursor.
    pub fn current(&self) -> Option<PaneLine> {
        self.lines().get(self.cursor).cloned()
    }

    /// Folds or unfolds the section under the cursor (or the one of the feed under it, which
    /// the cursor then moves to).
    pub fn fold(&mut self) {
        let section = match self.current() {
            Some(PaneLine::Section(name)) => name,
            Some(PaneLine::Feed(i)) => match self.feeds.get(i).and_then(|f| f.section.clone()) {
                Some(name) => name,
                None => return,
            },
            Some(PaneLine::All) | None => return,
        };
        if !self.folded.remove(&section) {
            self.folded.insert(section.clone());
        }
        let at = self
            .lines()
            .iter()
            .position(|l| *l == PaneLine::Section(section.clone()));
        if let Some(at) = at {
            self.cursor = at;
        }
    }

    /// Puts the cursor on the line of `scope` if it is shown.
    pub fn point_at(&mut self, scope: &Scope) {
        let lines = self.lines();
        if let Some(at) = lines
            .iter()
            .position(|l| l.scope(self).as_ref() == Some(scope))
        {
            self.cursor = at;
        }
    }

    /// Takes freshly loaded feeds and counts, keeping the cursor on the same line.
    pub fn accept(&mut self, feeds: Vec<FeedSummary>, counts: HashMap<Scope, Counts>) {
        let at = self.current().and_then(|l| l.scope(self));
        self.feeds = feeds;
        self.counts = counts;
        self.loaded = true;
        match at {
            Some(scope) => self.point_at(&scope),
            None => self.select(self.cursor),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feed(id: i64, section: Option<&str>) -> FeedSummary {
        FeedSummary {
            id,
            source: format!("https://f{id}.ua/rss"),
            section: section.map(Into::into),
            ..FeedSummary::default()
        }
    }

    #[test]
    fn sections_gather_their_feeds_where_they_first_appear_and_fold() {
        let mut pane = FeedPane {
            feeds: vec![
                feed(1, None),
                feed(2, Some("Агенція")),
                feed(3, None),
                feed(4, Some("Агенція")),
            ],
            ..FeedPane::default()
        };
        use PaneLine::*;
        let agency = || Section("Агенція".to_string());
        assert_eq!(
            pane.lines(),
            vec![All, Feed(0), agency(), Feed(1), Feed(3), Feed(2)]
        );
        pane.select(4);
        pane.fold();
        assert_eq!(pane.lines(), vec![All, Feed(0), agency(), Feed(2)]);
        assert_eq!(pane.cursor, 2, "the cursor goes to the folded section");
        pane.fold();
        assert_eq!(pane.lines().len(), 6);
        pane.point_at(&Scope::Feed(3));
        assert_eq!(pane.current(), Some(Feed(2)));
        pane.one_off = true;
        assert_eq!(pane.lines()[0], Feed(0));
    }
}
