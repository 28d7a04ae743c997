//! Two character questions the word scanner asks of every character, answered from tables
//! made once from the standard library's own answers for the characters news text is made of
//! (U+0000–U+2FFF: Latin, Greek, Cyrillic, punctuation, symbols), and by the standard library
//! for the rest: the answers are exactly `char::is_alphanumeric` and `char::to_lowercase`, but
//! without their table searches for every Cyrillic letter (they took 40 % of indexing).
//! Pure; no IO.

use std::sync::OnceLock;

/// Characters below this are answered from the tables.
const TABLED: usize = 0x3000;
/// In [`Tables::lower`]: the character has no one-character lower case; ask `to_lowercase`.
const SEVERAL: u16 = 0;

struct Tables {
    /// Bit `c` set when `c` is alphanumeric.
    alnum: Vec<u64>,
    /// The lower case of `c` when it is one character below U+10000, else [`SEVERAL`].
    lower: Vec<u16>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut alnum = vec![0u64; TABLED / 64];
        let mut lower = vec![SEVERAL; TABLED];
        for (code, slot) in lower.iter_mut().enumerate() {
            let Some(c) = u32::try_from(code).ok().and_then(char::from_u32) else {
                continue;
            };
            if c.is_alphanumeric() {
                alnum[code / 64] |= 1 << (code % 64);
            }
            let mut lowered = c.to_lowercase();
            if let (Some(one), None) = (lowered.next(), lowered.next()) {
                *slot = u16::try_from(u32::from(one)).unwrap_or(SEVERAL);
            }
        }
        Tables { alnum, lower }
    })
}

/// `c.is_alphanumeric()`.
pub(super) fn is_alphanumeric(c: char) -> bool {
    let code = c as usize;
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // The Cyrillic letters of modern Ukrainian and Russian (and the rest up to U+0481).
    if ('\u{400}'..='\u{481}').contains(&c) {
        return true;
    }
    match tables().alnum.get(code / 64) {
        Some(bits) => bits & (1 << (code % 64)) != 0,
        None => c.is_alphanumeric(),
    }
}

/// Appends `c.to_lowercase()` to `out`.
pub(super) fn push_lowercase(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    // Ukrainian and Russian capitals lower by a fixed step; their small letters stay.
    let code = u32::from(c);
    let lowered = match code {
        0x410..=0x42F => char::from_u32(code + 0x20),
        0x400..=0x40F => char::from_u32(code + 0x50),
        0x430..=0x45F => Some(c),
        _ => None,
    };
    if let Some(l) = lowered {
        out.push(l);
        return;
    }
    let one = tables()
        .lower
        .get(c as usize)
        .filter(|&&l| l != SEVERAL)
        .and_then(|&l| char::from_u32(u32::from(l)));
    match one {
        Some(l) => out.push(l),
        None => out.extend(c.to_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character: the same answers as the standard library's.
    #[test]
    fn agree_with_std_on_every_character() {
        let mut ours = String::new();
        let mut std = String::new();
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            assert_eq!(
                is_alphanumeric(c),
                c.is_alphanumeric(),
                "U+{:04X}",
                c as u32
            );
            ours.clear();
            std.clear();
            push_lowercase(&mut ours, c);
            std.extend(c.to_lowercase());
            assert_eq!(ours, std, "U+{:04X}", c as u32);
        }
    }
}
