//! The query language: words are AND-ed, `"a quoted phrase"` matches those words in a row,
//! `-word` (or `-"a phrase"`) leaves out what has it, and while typing (live) the last word is
//! a prefix. Every word is folded and stemmed as the index is (see the parent module). Turns a
//! query into an FTS5 MATCH expression of quoted terms only (no FTS5 syntax from the user gets
//! through). Pure; no SQL is run here.

use super::{folded, words};

/// How many letters the stemmer may take off a word's end: a word being typed also finds the
/// words whose stem is its first letters less up to this many (typing «Чернігов» on the way
/// to «Чернігові», whose stem is «черніг», still finds it).
const SUFFIX: usize = 4;

/// A word being typed is a prefix from this many letters on (one letter would ask the index
/// for nearly every word: taken whole until the second letter).
const MIN_PREFIX: usize = 2;

/// One thing the query asks for (or against).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clause {
    /// A term; `prefix`: the word being typed, folded but not stemmed: any term that starts
    /// with it, or that it starts with less at most [`SUFFIX`] letters.
    Term { term: String, prefix: bool },
    /// Terms in a row.
    Phrase(Vec<String>),
}

/// A parsed query: what must be there and what must not.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub must: Vec<Clause>,
    pub not: Vec<Clause>,
}

/// A clause from a run of words: one word is a term, more are a phrase.
fn clause(text: &str) -> Option<Clause> {
    let mut terms: Vec<String> = words(text).into_iter().map(|w| w.term).collect();
    match terms.len() {
        0 => None,
        1 => terms.pop().map(|term| Clause::Term {
            term,
            prefix: false,
        }),
        _ => Some(Clause::Phrase(terms)),
    }
}

impl Query {
    /// Parses what the user typed. `live`: the query is still being typed, so a last word
    /// with no space after it is a prefix.
    pub fn parse(text: &str, live: bool) -> Query {
        let mut query = Query::default();
        let mut rest = text.trim_start();
        let mut last: Option<&str> = None;
        while !rest.is_empty() {
            let negated = rest.starts_with('-') && rest.len() > 1;
            if negated {
                rest = &rest[1..];
            }
            let (piece, quoted, after) = match rest.strip_prefix('"') {
                Some(inner) => {
                    let end = inner.find('"').unwrap_or(inner.len());
                    (&inner[..end], true, inner.get(end + 1..).unwrap_or(""))
                }
                None => {
                    let end = rest
                        .find(|c: char| c.is_whitespace() || c == '"')
                        .unwrap_or(rest.len());
                    (&rest[..end], false, &rest[end..])
                }
            };
            if let Some(c) = clause(piece) {
                let plain = !quoted && !negated && after.is_empty();
                last = plain.then_some(piece);
                if negated {
                    query.not.push(c);
                } else {
                    query.must.push(c);
                }
            }
            rest = after.trim_start();
        }
        if live
            && let Some(piece) = last
            && let Some(Clause::Term { term, prefix }) = query.must.last_mut()
            && let Some(typed) = folded(piece).filter(|t| t.chars().count() >= MIN_PREFIX)
        {
            *term = typed;
            *prefix = true;
        }
        query
    }

    /// True when the query asks for nothing (no word at all).
    pub fn is_empty(&self) -> bool {
        self.must.is_empty() && self.not.is_empty()
    }

    /// The FTS5 expression of what must be there; `None` when nothing must.
    pub fn must_expression(&self) -> Option<String> {
        join(&self.must, " AND ")
    }

    /// The FTS5 expression of what must not be there (any of it); `None` when nothing.
    pub fn not_expression(&self) -> Option<String> {
        join(&self.not, " OR ")
    }

    /// The whole FTS5 expression when something must be there: `(must) NOT (not)`.
    pub fn expression(&self) -> Option<String> {
        let must = self.must_expression()?;
        Some(match self.not_expression() {
            Some(not) => format!("({must}) NOT ({not})"),
            None => must,
        })
    }

    /// True when a word with this term is one the query looks for (to highlight it).
    pub fn wants(&self, term: &str) -> bool {
        self.must.iter().any(|c| match c {
            Clause::Term {
                term: t,
                prefix: true,
            } => term.starts_with(t.as_str()) || stems_of(t).any(|stem| stem == term),
            Clause::Term { term: t, .. } => term == t,
            Clause::Phrase(terms) => terms.iter().any(|t| t == term),
        })
    }
}

/// Clauses as FTS5 strings: each term in double quotes (terms hold letters, digits and ʼ
/// only, so nothing the user typed is read as FTS5 syntax).
fn join(clauses: &[Clause], op: &str) -> Option<String> {
    if clauses.is_empty() {
        return None;
    }
    let parts: Vec<String> = clauses
        .iter()
        .map(|c| match c {
            Clause::Term {
                term,
                prefix: false,
            } => format!("\"{term}\""),
            Clause::Term { term, prefix: true } => {
                let mut any = vec![format!("\"{term}\"*")];
                any.extend(stems_of(term).map(|stem| format!("\"{stem}\"")));
                format!("({})", any.join(" OR "))
            }
            Clause::Phrase(terms) => format!("\"{}\"", terms.join(" ")),
        })
        .collect();
    Some(parts.join(op))
}

/// The stems a word being typed may turn out to have: itself less one to [`SUFFIX`] letters
/// (at least two left).
fn stems_of(typed: &str) -> impl Iterator<Item = &str> {
    let ends: Vec<usize> = typed.char_indices().map(|(i, _)| i).skip(2).collect();
    let keep = ends.len().saturating_sub(SUFFIX);
    ends.into_iter().skip(keep).map(move |end| &typed[..end])
}
