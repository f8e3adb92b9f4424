//! A column's `index` in the columnar encoding, written either as a JSON array of integers or
//! packed: one string, `u8:`, `u16:` or `u32:` followed by the keys as little-endian unsigned
//! integers of that many bits, in base64 (RFC 4648, with padding). docs/dataset-format.md,
//! "Packed indexes".
//!
//! Why a second form: a million-record column read as a JSON array is a million numbers parsed one
//! by one; packed it is one string and a tight decoding loop (the page's largest files read about
//! twice as fast). The array form stays valid, and is what a person writes by hand.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde::de::{Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;
use std::ops::Deref;

/// How an index is (or is to be) written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum IndexForm {
    /// A JSON array of integers.
    #[default]
    Array,
    /// One base64 string of fixed-width integers.
    Packed,
    /// Read from a string that is not a packed index: the character where it stops making sense
    /// (`validate` reports it at the column; the keys are empty).
    Unreadable(usize),
}

/// The keys of one column, one per record, and the form they were read in or will be written in.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Index {
    /// Per record, the position of its value in the column's `values`.
    pub keys: Vec<u32>,
    #[allow(missing_docs)]
    pub form: IndexForm,
}

impl Deref for Index {
    type Target = Vec<u32>;
    fn deref(&self) -> &Vec<u32> {
        &self.keys
    }
}

/// The keys packed in the narrowest width that holds the largest: `u8:`, `u16:` or `u32:` and base64.
pub fn pack(keys: &[u32]) -> String {
    let largest = keys.iter().copied().max().unwrap_or(0);
    let (prefix, width) = match largest {
        0..=0xFF => ("u8:", 1),
        0x100..=0xFFFF => ("u16:", 2),
        _ => ("u32:", 4),
    };
    let mut bytes = Vec::with_capacity(keys.len() * width);
    for k in keys {
        bytes.extend_from_slice(&k.to_le_bytes()[..width]);
    }
    let mut text = String::with_capacity(prefix.len() + bytes.len().div_ceil(3) * 4);
    text.push_str(prefix);
    STANDARD.encode_string(&bytes, &mut text);
    text
}

/// The keys of a packed index, or the position (in characters from the start of the string) of
/// the first thing that is wrong: an unknown width, a character outside base64, bad padding, or a
/// byte count that is not a whole number of keys.
pub fn unpack(text: &str) -> Result<Vec<u32>, usize> {
    let (width, body) = match text.split_once(':') {
        Some(("u8", body)) => (1, body),
        Some(("u16", body)) => (2, body),
        Some(("u32", body)) => (4, body),
        _ => return Err(0),
    };
    let start = text.len() - body.len();
    let bytes = STANDARD.decode(body).map_err(|e| {
        start
            + match e {
                base64::DecodeError::InvalidByte(at, _) | base64::DecodeError::InvalidLastSymbol(at, _) => at,
                base64::DecodeError::InvalidLength(_) | base64::DecodeError::InvalidPadding => body.len(),
            }
    })?;
    if bytes.len() % width != 0 {
        return Err(text.len());
    }
    // Indexes rather than iterators: at opt-level "z" the wasm keeps an iterator's next() as a call
    // (a million keys per column).
    let n = bytes.len() / width;
    let mut keys = vec![0u32; n];
    let mut i = 0;
    while i < n {
        let at = i * width;
        keys[i] = match width {
            1 => u32::from(bytes[at]),
            2 => u32::from(bytes[at]) | u32::from(bytes[at + 1]) << 8,
            _ => u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]),
        };
        i += 1;
    }
    Ok(keys)
}

impl Serialize for Index {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.form {
            IndexForm::Packed => s.serialize_str(&pack(&self.keys)),
            IndexForm::Array | IndexForm::Unreadable(_) => self.keys.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Index {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Index, D::Error> {
        struct Either;
        impl<'de> Visitor<'de> for Either {
            type Value = Index;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an array of non-negative integers, or a packed index (\"u8:\", \"u16:\" or \"u32:\" and base64)")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Index, A::Error> {
                let mut keys = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1 << 20));
                while let Some(k) = seq.next_element::<u32>()? {
                    keys.push(k);
                }
                Ok(Index { keys, form: IndexForm::Array })
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Index, E> {
                Ok(match unpack(text) {
                    Ok(keys) => Index { keys, form: IndexForm::Packed },
                    Err(at) => Index { keys: Vec::new(), form: IndexForm::Unreadable(at) },
                })
            }
        }
        d.deserialize_any(Either)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_come_back_in_every_width_and_the_narrowest_is_written() {
        for (keys, prefix) in [(vec![0, 1, 255, 7], "u8:"), (vec![256, 0, 65535], "u16:"), (vec![65536, 3, u32::MAX], "u32:"), (vec![], "u8:")] {
            let text = pack(&keys);
            assert!(text.starts_with(prefix), "{text}");
            assert_eq!(unpack(&text), Ok(keys));
        }
        // Little-endian, base64 with padding: 1 and 2 as 16-bit keys are the bytes 01 00 02 00.
        assert_eq!(unpack("u16:AQACAA=="), Ok(vec![1, 2]));
        assert_eq!(pack(&[1, 2, 256]), "u16:AQACAAAB");
    }

    #[test]
    fn a_broken_packed_index_says_where_it_goes_wrong() {
        assert_eq!(unpack("u12:AAAA"), Err(0));
        assert_eq!(unpack("AAAA"), Err(0));
        assert_eq!(unpack("u8:AA!A"), Err(5));
        assert_eq!(unpack("u8:AAA"), Err(6));
        // Three bytes are not a whole number of 16-bit keys.
        assert_eq!(unpack("u16:AAAA"), Err(8));
    }

    #[test]
    fn either_form_reads_from_json() {
        let array: Index = serde_json::from_str("[3, 0, 2]").unwrap();
        assert_eq!((array.keys.clone(), array.form), (vec![3, 0, 2], IndexForm::Array));
        let packed: Index = serde_json::from_str("\"u8:AwAC\"").unwrap();
        assert_eq!((packed.keys, packed.form), (vec![3, 0, 2], IndexForm::Packed));
        let broken: Index = serde_json::from_str("\"u8:Aw?C\"").unwrap();
        assert_eq!(broken.form, IndexForm::Unreadable(5));
        assert!(serde_json::from_str::<Index>("[1, -2]").is_err());
        assert_eq!(serde_json::to_string(&Index { keys: vec![3, 0, 2], form: IndexForm::Packed }).unwrap(), "\"u8:AwAC\"");
        assert_eq!(serde_json::to_string(&array).unwrap(), "[3,0,2]");
    }
}
