//! Compressing cached text: one zstd frame per text, with or without chmon's built-in
//! dictionary (`assets/zstd-uk-news-1.dict`, made by `bench/make_dict.py` from our own
//! agency-style fixtures), whichever the first texts of a batch show to be smaller, and the
//! dictionary's prepared forms, made once per process. Pure: no SQL, no IO; the blob tags
//! and decoding are `codec`'s.

use std::sync::OnceLock;

use zstd::bulk::{Compressor, Decompressor};
use zstd::dict::{DecoderDictionary, EncoderDictionary};

/// The dictionary, as built. Blobs written with it name it by its id (in the frame header):
/// it must never change; a new one would be a new file, id and tag.
static DICT: &[u8] = include_bytes!("../../assets/zstd-uk-news-1.dict");
/// The zstd level: 1 is the fastest of the full strategies, within 1 % of level 3 in size
/// on agency articles and several times faster than deflate-6 at a similar ratio.
const LEVEL: i32 = 1;
/// Texts compressed both ways before a batch settles on one.
const TRIALS: u32 = 8;

fn encoder_dict() -> &'static EncoderDictionary<'static> {
    static PREPARED: OnceLock<EncoderDictionary<'static>> = OnceLock::new();
    PREPARED.get_or_init(|| EncoderDictionary::copy(DICT, LEVEL))
}

fn decoder_dict() -> &'static DecoderDictionary<'static> {
    static PREPARED: OnceLock<DecoderDictionary<'static>> = OnceLock::new();
    PREPARED.get_or_init(|| DecoderDictionary::copy(DICT))
}

/// Decompresses one frame written with the dictionary; `None` when it is damaged or was
/// written with another dictionary.
pub(super) fn decompress_with_dict(data: &[u8], size: usize) -> Option<Vec<u8>> {
    let mut zstd = Decompressor::with_prepared_dictionary(decoder_dict()).ok()?;
    zstd.decompress(data, size).ok()
}

/// Which way a batch compresses.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Way {
    /// Both ways, the smaller kept, sizes summed: `left` more texts, then the smaller total wins.
    Trying {
        left: u32,
        plain: usize,
        dict: usize,
    },
    Plain,
    Dict,
}

/// A compressed frame and whether the dictionary made it.
pub(super) struct Frame<'a> {
    pub(super) data: &'a [u8],
    pub(super) with_dict: bool,
}

/// A reusable compressor for a batch of texts (allocating contexts per text is slow).
pub(crate) struct Encoder {
    /// `None` only if zstd could not allocate a context: then that way is not taken.
    plain: Option<Compressor<'static>>,
    dict: Option<Compressor<'static>>,
    way: Way,
    scratch: Vec<u8>,
    scratch_dict: Vec<u8>,
}

impl Encoder {
    pub(crate) fn new() -> Encoder {
        Encoder {
            plain: Compressor::new(LEVEL).ok(),
            dict: Compressor::with_prepared_dictionary(encoder_dict()).ok(),
            way: Way::Trying {
                left: TRIALS,
                plain: 0,
                dict: 0,
            },
            scratch: Vec::new(),
            scratch_dict: Vec::new(),
        }
    }

    /// Compresses `raw` into at most `raw.len() - 1` bytes, the way the batch goes; `None`
    /// when neither way makes it smaller.
    pub(super) fn compress(&mut self, raw: &[u8]) -> Option<Frame<'_>> {
        let room = raw.len().checked_sub(1)?;
        let plain = matches!(self.way, Way::Plain | Way::Trying { .. })
            .then(|| squeeze(self.plain.as_mut(), raw, &mut self.scratch, room))
            .flatten();
        let dict = matches!(self.way, Way::Dict | Way::Trying { .. })
            .then(|| squeeze(self.dict.as_mut(), raw, &mut self.scratch_dict, room))
            .flatten();
        if let Way::Trying {
            left,
            plain: p,
            dict: d,
        } = self.way
        {
            self.way = settle(
                left.saturating_sub(1),
                p + plain.unwrap_or(raw.len()),
                d + dict.unwrap_or(raw.len()),
            );
        }
        match (plain, dict) {
            (Some(p), Some(d)) if d < p => Some(self.frame(d, true)),
            (Some(p), _) => Some(self.frame(p, false)),
            (None, Some(d)) => Some(self.frame(d, true)),
            (None, None) => None,
        }
    }

    fn frame(&self, len: usize, with_dict: bool) -> Frame<'_> {
        let scratch = if with_dict {
            &self.scratch_dict
        } else {
            &self.scratch
        };
        Frame {
            data: scratch.get(..len).unwrap_or_default(),
            with_dict,
        }
    }
}

/// The next way after a trial: still trying while texts are left, then the smaller total.
fn settle(left: u32, plain: usize, dict: usize) -> Way {
    match left {
        0 if dict < plain => Way::Dict,
        0 => Way::Plain,
        _ => Way::Trying { left, plain, dict },
    }
}

/// One frame of `raw` into `scratch`, if it fits in `room` bytes: its length.
fn squeeze(
    zstd: Option<&mut Compressor<'static>>,
    raw: &[u8],
    scratch: &mut Vec<u8>,
    room: usize,
) -> Option<usize> {
    scratch.clear();
    scratch.reserve(room);
    // Into the spare capacity (no zeroing); a frame longer than `room` is not worth keeping.
    let len = zstd?.compress_to_buffer(raw, scratch).ok()?;
    (len <= room).then_some(len)
}

#[cfg(test)]
#[path = "encoder_tests.rs"]
mod tests;
