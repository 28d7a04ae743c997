//! The crate's stable hashes (the same across versions and platforms, unlike `DefaultHasher`):
//! FNV-1a-64 for item identity keys (`h:` keys are stored and must never change), and XXH3-64
//! (streaming, ~10 GB/s) for change detection of bodies and item contents; and [`Keyed`], a
//! seeded XXH3 for in-memory maps of short words (SipHash, std's, costs several times more).
//! Pure.

/// A streaming FNV-1a-64 hasher: item identity keys, and the item content hashes that caches
/// written before XXH3 hold (see `store::codec`).
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    pub fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    pub fn finish(&self) -> u64 {
        self.0
    }
}

/// FNV-1a-64 of a byte string.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h = Fnv::default();
    h.write(bytes);
    h.finish()
}

/// A streaming XXH3-64 hasher (seed 0): feed it the body while it arrives.
#[derive(Clone, Default)]
pub struct Fast(xxhash_rust::xxh3::Xxh3Default);

impl Fast {
    pub fn write(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }

    pub fn finish(&self) -> u64 {
        self.0.digest()
    }
}

/// XXH3-64 (seed 0) of a byte string.
pub fn fast(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// Builds [`KeyedHasher`]s: XXH3 with a seed drawn once per process from std's random
/// state, so feed text cannot be written to collide on purpose.
#[derive(Debug, Clone, Copy)]
pub struct Keyed(u64);

impl Default for Keyed {
    fn default() -> Self {
        use std::hash::BuildHasher;
        static SEED: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
        Keyed(*SEED.get_or_init(|| std::collections::hash_map::RandomState::new().hash_one(0)))
    }
}

impl std::hash::BuildHasher for Keyed {
    type Hasher = KeyedHasher;
    fn build_hasher(&self) -> KeyedHasher {
        KeyedHasher(self.0)
    }
}

/// Each write folds its bytes into the state (the state is the next write's seed).
#[derive(Debug, Clone, Copy)]
pub struct KeyedHasher(u64);

impl std::hash::Hasher for KeyedHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0 = xxhash_rust::xxh3::xxh3_64_with_seed(bytes, self.0);
    }

    fn write_u8(&mut self, byte: u8) {
        self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Equal keys hash alike, different ones (here: a word and its prefixes) apart.
    #[test]
    fn keyed_hashes_tell_words_apart() {
        use std::hash::BuildHasher;
        let keyed = Keyed::default();
        let words = ["новина", "новин", "нови", "", "новина ", "News"];
        let hashes: std::collections::HashSet<u64> =
            words.iter().map(|w| keyed.hash_one(w)).collect();
        assert_eq!(hashes.len(), words.len());
        assert_eq!(
            keyed.hash_one("новина"),
            Keyed::default().hash_one("новина".to_string())
        );
    }

    /// The published FNV-1a-64 test vectors (Landon Curt Noll's FNV test suite).
    #[test]
    fn fnv1a_published_vectors() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }

    /// xxHash's sanity buffer: byte i is the top byte of PRIME32 · PRIME64^i.
    fn sanity_buffer(len: usize) -> Vec<u8> {
        let mut state: u64 = 2_654_435_761;
        (0..len)
            .map(|_| {
                let b = (state >> 56) as u8;
                state = state.wrapping_mul(11_400_714_785_074_694_797);
                b
            })
            .collect()
    }

    /// The published XXH3-64 vectors (xxHash's sanity test, seed 0), over every code path
    /// (0, 1–3, 4–8, 9–16, 17–128, 129–240 bytes and the long loop), streamed in uneven parts
    /// too: the streaming hash must equal the one-shot one.
    #[test]
    fn xxh3_published_vectors() {
        let vectors: [(usize, u64); 7] = [
            (0, 0x2D06_8005_38D3_94C2),
            (1, 0xC44B_DFF4_074E_ECDB),
            (6, 0x27B5_6A84_CD2D_7325),
            (12, 0xA713_DAF0_DFBB_77E7),
            (24, 0xA3FE_70BF_9D35_10EB),
            (48, 0x397D_A259_ECBA_1F11),
            (80, 0xBCDE_FBBB_2C47_C90A),
        ];
        for (len, want) in vectors {
            let buf = sanity_buffer(len);
            assert_eq!(fast(&buf), want, "{len} bytes");
            let mut h = Fast::default();
            for part in buf.chunks(7) {
                h.write(part);
            }
            assert_eq!(h.finish(), want, "{len} bytes, streamed");
        }
        let long = sanity_buffer(100_000);
        let mut h = Fast::default();
        for part in long.chunks(4093) {
            h.write(part);
        }
        assert_eq!(h.finish(), fast(&long));
    }
}
