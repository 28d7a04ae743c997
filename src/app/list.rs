//! Headline-list state: the loaded window of rows, the selection and scroll position, day
//! grouping into screen lines, and when to ask for another window. Pure; owns no IO.

use chrono::{DateTime, NaiveDate, Utc};

use crate::action::{Effect, HeadlineWindow, StoreJob};
use crate::model::{Counts, Headline, ListQuery};
use crate::timefmt::Zone;

/// One line of the list on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListLine {
    /// A day header for the rows below it.
    Day(NaiveDate),
    /// The headline at this absolute position (it may not be loaded yet).
    Row(usize),
}

/// The list: only a window of rows is in memory; `total` counts them all.
#[derive(Debug, Clone, Default)]
pub struct ListState {
    /// Which list this is (the scope, and the filters that come).
    pub query: ListQuery,
    pub counts: Counts,
    /// Absolute position of `rows[0]`.
    pub offset: usize,
    pub rows: Vec<Headline>,
    pub selected: usize,
    /// Absolute position of the first row on screen.
    pub top: usize,
    /// True once the first window arrived.
    pub loaded: bool,
    seq: u64,
    /// The request in flight: (seq, offset, limit).
    pending: Option<(u64, usize, usize)>,
    /// Articles marked read here since the window came (the cache's unread-only list no longer
    /// has them; a row that came read, a mark not written yet, still is in it).
    read_here: Vec<i64>,
}

impl ListState {
    /// An empty list of `query`, not loaded yet; later answers for the old list are stale.
    pub fn switch_to(&mut self, query: ListQuery) {
        let seq = self.seq;
        *self = ListState {
            query,
            seq,
            ..ListState::default()
        };
    }

    pub fn row(&self, pos: usize) -> Option<&Headline> {
        pos.checked_sub(self.offset).and_then(|i| self.rows.get(i))
    }

    pub fn row_mut(&mut self, pos: usize) -> Option<&mut Headline> {
        pos.checked_sub(self.offset)
            .and_then(|i| self.rows.get_mut(i))
    }

    pub fn selected_row(&self) -> Option<&Headline> {
        self.row(self.selected)
    }

    fn day(&self, pos: usize, zone: &Zone) -> Option<NaiveDate> {
        self.row(pos).map(|h| zone.date(h.time))
    }

    /// True when row `pos` starts a new day below `top` (it needs a header of its own).
    fn starts_day(&self, pos: usize, zone: &Zone) -> bool {
        pos > 0 && self.day(pos, zone) != self.day(pos - 1, zone)
    }

    /// The screen lines from `top`, at most `height`: a header for the top row's day, then
    /// one per row with a header wherever the day changes.
    pub fn lines(&self, height: usize, zone: &Zone) -> Vec<ListLine> {
        let mut out = Vec::with_capacity(height);
        let mut pos = self.top;
        while out.len() < height && pos < self.counts.total {
            if (pos == self.top || self.starts_day(pos, zone))
                && let Some(day) = self.day(pos, zone)
            {
                out.push(ListLine::Day(day));
                if out.len() == height {
                    break;
                }
            }
            out.push(ListLine::Row(pos));
            pos += 1;
        }
        out
    }

    /// Moves the selection to `pos` (clamped) and scrolls so it is on screen.
    pub fn select(&mut self, pos: usize, height: usize, zone: &Zone) {
        self.selected = pos.min(self.counts.total.saturating_sub(1));
        self.scroll_to_selection(height, zone);
    }

    /// Smallest scroll change that shows the selected row with its day header.
    pub fn scroll_to_selection(&mut self, height: usize, zone: &Zone) {
        let sel = self.selected;
        if sel < self.top {
            self.top = sel;
            return;
        }
        // Walk up from the selection while the lines from there still fit.
        let mut first = sel;
        let mut used = 2;
        while first > self.top {
            let extra = 1 + usize::from(self.starts_day(first, zone));
            if used + extra > height {
                break;
            }
            used += extra;
            first -= 1;
        }
        self.top = self.top.max(first);
    }

    /// Asks for a window of three screens around the view when the rows near it are missing.
    pub fn ensure_window(&mut self, height: usize, force: bool) -> Option<Effect> {
        let screen = height.max(10);
        let total = self.counts.total;
        let need_start = self.top.saturating_sub(screen / 2);
        let need_end = (self.top + height + screen / 2).min(total);
        let have_end = self.offset + self.rows.len();
        let covered = self.offset <= need_start && need_end <= have_end;
        let in_flight = self
            .pending
            .is_some_and(|(_, off, lim)| off <= need_start && need_end <= off + lim);
        if !force && (covered || in_flight || (total == 0 && self.loaded)) {
            return None;
        }
        self.seq += 1;
        // The cache counts without the rows read since they were loaded (unread only).
        let top = self.top - self.gone_before(self.top);
        let offset = top.saturating_sub(screen);
        let limit = 3 * screen;
        self.pending = Some((self.seq, offset, limit));
        Some(Effect::Store(StoreJob::LoadHeadlines {
            seq: self.seq,
            query: self.query.clone(),
            offset,
            limit,
        }))
    }

    /// Takes a loaded window if it answers the latest request. Returns false for stale ones.
    /// The selected article stays selected (at the same place on screen) when the window
    /// counts positions differently from the rows it replaces (rows read in the unread-only
    /// list are left out of the cache's).
    pub fn accept(&mut self, window: HeadlineWindow) -> bool {
        if window.seq != self.seq {
            return false;
        }
        let was = self.selected_row().map(|h| (h.id, h.time));
        let on_screen = self.selected.saturating_sub(self.top);
        let selected = self.selected - self.gone_before(self.selected);
        let top = self.top - self.gone_before(self.top);
        (self.selected, self.top) = (selected, top);
        self.pending = None;
        self.read_here.clear();
        self.offset = window.offset;
        self.rows = window.rows;
        self.counts = window.counts;
        self.loaded = true;
        if let Some(pos) = was.and_then(|was| self.place_of(was))
            && pos != self.selected
        {
            self.follow(pos, on_screen);
        }
        let last = self.counts.total.saturating_sub(1);
        self.selected = self.selected.min(last);
        self.top = self.top.min(self.selected);
        true
    }

    /// The selected article is now at `pos`: it stays selected, `on_screen` lines below the
    /// top, except when it was the list's first row: the view then stays at the list's start,
    /// so the articles that came above it (a refresh's newer ones) are in sight, not scrolled
    /// off above the screen.
    pub fn follow(&mut self, pos: usize, on_screen: usize) {
        let at_start = self.selected == 0;
        self.selected = pos;
        self.top = if at_start {
            0
        } else {
            pos.saturating_sub(on_screen)
        };
    }

    /// Where an article (id, time) is in the loaded rows, or, gone from the list, where it
    /// would be (the first row after it in time order; not for a best-first search). `None`:
    /// the loaded rows cannot tell.
    fn place_of(&self, (id, time): (i64, DateTime<Utc>)) -> Option<usize> {
        if let Some(i) = self.rows.iter().position(|h| h.id == id) {
            return Some(self.offset + i);
        }
        if self.query.search.as_ref().is_some_and(|s| s.relevance) {
            return None;
        }
        let after = |h: &Headline| h.time < time || (h.time == time && h.id < id);
        match self.rows.iter().position(after)? {
            0 if self.offset > 0 => None,
            i => Some(self.offset + i),
        }
    }

    /// Loaded rows before `pos` that the cache's list no longer has: read here since they were
    /// loaded, in a list of only the unread (they stay on screen until the next window).
    fn gone_before(&self, pos: usize) -> usize {
        if !self.query.unread_only {
            return 0;
        }
        let end = pos.saturating_sub(self.offset).min(self.rows.len());
        let gone = |h: &&Headline| h.read && self.read_here.contains(&h.id);
        self.rows[..end].iter().filter(gone).count()
    }

    /// Forgets the loaded rows (they count positions differently from the cache now); the
    /// next window brings them back.
    pub fn drop_rows(&mut self) {
        self.rows.clear();
    }

    /// Flips the read flag of the selected row; returns the effect that persists it.
    pub fn toggle_read(&mut self) -> Option<Effect> {
        let sel = self.selected;
        let row = self.row_mut(sel)?;
        let read = !row.read;
        let id = row.id;
        self.set_read_local(sel, read);
        Some(Effect::Store(StoreJob::SetRead { id, read }))
    }

    /// Marks row `pos` read or unread in memory and keeps the unread count in step.
    pub fn set_read_local(&mut self, pos: usize, read: bool) {
        let Some(row) = self.row_mut(pos) else {
            return;
        };
        if row.read == read {
            return;
        }
        row.read = read;
        let id = row.id;
        self.read_here.retain(|&here| here != id);
        if read {
            self.read_here.push(id);
            self.counts.unread = self.counts.unread.saturating_sub(1);
        } else {
            self.counts.unread += 1;
        }
    }
}
