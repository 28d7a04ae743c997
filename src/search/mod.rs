//! Search words: how a text becomes the terms the index holds and a query asks for. Folding
//! (case; the apostrophes ’ ' ` ʼ as one; soft hyphen and zero-width characters dropped; Latin
//! look-alike letters inside Cyrillic words made Cyrillic; stress marks dropped; quotes are
//! separators) and the Snowball Ukrainian stemmer on Cyrillic words; `query` parses what the
//! user types, `markup` strips HTML for the index. Pure functions; no SQL, no IO, no drawing.

mod chars;
pub mod markup;
pub mod query;

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use snowball_stemmers_rs::{Algorithm, Stemmer};

use chars::{is_alphanumeric, push_lowercase};

pub use query::{Clause, Query};

/// The one apostrophe the index keeps (U+02BC, a letter to FTS5's `unicode61`, so it stays
/// inside the word).
pub const APOSTROPHE: char = 'ʼ';

/// One word of a text: where it is (bytes of the original) and the term it is indexed as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub span: Range<usize>,
    pub term: String,
}

/// Characters that vanish without splitting a word: soft hyphen, zero-width space / joiners,
/// word joiner, byte-order mark.
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
    )
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\u{2019}' | '\'' | '`' | 'ʼ')
}

fn is_cyrillic(c: char) -> bool {
    ('\u{400}'..='\u{4ff}').contains(&c)
}

/// A Latin letter (already lower case) that looks like a Cyrillic one.
fn look_alike(c: char) -> Option<char> {
    let cyr = match c {
        'a' => 'а',
        'e' => 'е',
        'o' => 'о',
        'p' => 'р',
        'c' => 'с',
        'x' => 'х',
        'y' => 'у',
        'k' => 'к',
        'm' => 'м',
        'h' => 'н',
        't' => 'т',
        'b' => 'в',
        'i' => 'і',
        _ => return None,
    };
    Some(cyr)
}

/// A word being read: its folded letters and where it started.
struct Pending {
    start: usize,
    end: usize,
    folded: String,
}

/// Every word of `text`, folded and stemmed, with its place in `text`.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    each_word(text, |span, term| out.push(Word { span, term }));
    out
}

/// The stemmer with a memory of the words it has stemmed (news repeat their words: indexing
/// many articles with one `Stems` stems each word once).
pub struct Stems {
    stemmer: Stemmer,
    memo: HashMap<String, String, crate::hash::Keyed>,
}

/// Words remembered at most (then the memory starts again).
const MEMO_WORDS: usize = 200_000;

impl Default for Stems {
    fn default() -> Stems {
        Stems {
            stemmer: Stemmer::create(Algorithm::Ukrainian),
            memo: HashMap::default(),
        }
    }
}

impl Stems {
    fn stem(&mut self, word: &str) -> &str {
        if !self.memo.contains_key(word) {
            if self.memo.len() >= MEMO_WORDS {
                self.memo.clear();
            }
            let stem = self.stemmer.stem(word).into_owned();
            self.memo.insert(word.to_string(), stem);
        }
        self.memo.get(word).map_or("", String::as_str)
    }
}

/// Appends the terms of `text` to `out`, separated by spaces (what the index stores).
pub fn index_terms(text: &str, out: &mut String) {
    index_terms_with(&mut Stems::default(), text, out);
}

/// [`index_terms`] with a `Stems` kept across texts.
pub fn index_terms_with(stems: &mut Stems, text: &str, out: &mut String) {
    scan(text, Some(stems), |_, term| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(term);
    });
}

/// The term of one word as typed (a query word): folded and stemmed; `None` for no letters.
pub fn term(word: &str) -> Option<String> {
    let mut found = None;
    each_word(word, |_, term| {
        found.get_or_insert(term);
    });
    found
}

/// The first word of `text` folded but not stemmed (a word still being typed).
pub fn folded(text: &str) -> Option<String> {
    let mut found = None;
    scan(text, None, |_, term| {
        found.get_or_insert_with(|| term.to_string());
    });
    found
}

/// Calls `f` with the span and term of each word, in order.
fn each_word(text: &str, mut f: impl FnMut(Range<usize>, String)) {
    scan(text, Some(&mut Stems::default()), |span, term| {
        f(span, term.to_string());
    });
}

/// The words of `text`, folded, and stemmed when a stemmer is given.
fn scan(text: &str, mut stems: Option<&mut Stems>, mut f: impl FnMut(Range<usize>, &str)) {
    let mut word: Option<Pending> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if is_apostrophe(c) {
            let next_is_letter = chars.peek().is_some_and(|&(_, n)| is_alphanumeric(n));
            match word.as_mut() {
                Some(w) if next_is_letter => w.folded.push(APOSTROPHE),
                Some(_) => flush(&mut word, stems.as_deref_mut(), &mut f),
                None => {}
            }
        } else if is_alphanumeric(c) {
            let w = word.get_or_insert_with(|| Pending {
                start: at,
                end: at,
                folded: String::with_capacity(32),
            });
            push_lowercase(&mut w.folded, c);
            w.end = at + c.len_utf8();
        } else if invisible(c) {
        } else if let Some(w) = word.as_mut().filter(|_| is_combining(c)) {
            combine(&mut w.folded, c);
            w.end = at + c.len_utf8();
        } else {
            flush(&mut word, stems.as_deref_mut(), &mut f);
        }
    }
    flush(&mut word, stems, &mut f);
}

/// Hands the word being read (if any) to `f`.
fn flush(
    word: &mut Option<Pending>,
    stems: Option<&mut Stems>,
    f: &mut impl FnMut(Range<usize>, &str),
) {
    if let Some(w) = word.take() {
        f(w.start..w.end, &finish(stems, w.folded));
    }
}

fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// A combining mark after a letter: й and ї written in two characters become one; stress
/// marks and other accents are dropped.
fn combine(folded: &mut String, mark: char) {
    let joined = match (folded.chars().last(), mark) {
        (Some('и'), '\u{306}') => 'й',
        (Some('і'), '\u{308}') => 'ї',
        _ => return,
    };
    folded.pop();
    folded.push(joined);
}

/// A whole folded word: Latin look-alikes made Cyrillic when the word has a Cyrillic letter,
/// then stemmed if asked (Cyrillic words only; others stay as folded).
fn finish(stems: Option<&mut Stems>, folded: String) -> Cow<'_, str> {
    if !folded.chars().any(is_cyrillic) {
        return Cow::Owned(folded);
    }
    let cyrillic = if folded.chars().any(|c| look_alike(c).is_some()) {
        folded.chars().map(|c| look_alike(c).unwrap_or(c)).collect()
    } else {
        folded
    };
    match stems {
        Some(stems) => Cow::Borrowed(stems.stem(&cyrillic)),
        None => Cow::Owned(cyrillic),
    }
}

/// The byte ranges of `text` whose words the query looks for (to highlight them).
pub fn hits(text: &str, query: &Query) -> Vec<Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    words(text)
        .into_iter()
        .filter(|w| query.wants(&w.term))
        .map(|w| w.span)
        .collect()
}

#[cfg(test)]
mod tests;
