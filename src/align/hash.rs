//! A fast hasher for the engine's own maps.
//!
//! The standard library's SipHash resists keys chosen to collide. The engine's maps are
//! keyed by word ids, feature hashes and the words of the drafts; none of its answers depend
//! on a map's iteration order, and a large pair hashes tens of millions of keys, where
//! SipHash alone cost a sizeable share of the time. So these maps use a multiply-and-rotate
//! hash in the manner of rustc's FxHash, written here in a few lines rather than taken as a
//! dependency. The price is that a draft crafted to collide could slow a comparison down; it
//! cannot change its answer.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// Builds [`FastHasher`]s.
pub(crate) type FastBuild = BuildHasherDefault<FastHasher>;

/// A [`HashMap`] with [`FastHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, FastBuild>;

/// A [`HashSet`] with [`FastHasher`].
pub(crate) type FastSet<K> = HashSet<K, FastBuild>;

/// Multiply-and-rotate hashing of machine words (see the module documentation).
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FastHasher(u64);

/// An odd constant with well-mixed bits (from the fractional digits of π).
const MULTIPLIER: u64 = 0x243f_6a88_85a3_08d3;

impl FastHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(MULTIPLIER);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
    }

    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    /// The product's best-mixed bits are its high ones; the table picks buckets by the low
    /// ones, so bring the high bits down.
    #[inline]
    fn finish(&self) -> u64 {
        self.0.rotate_left(26)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_work_with_string_and_integer_keys() {
        let mut words: FastMap<String, u32> = FastMap::default();
        words.insert("forum".into(), 1);
        words.insert("forums".into(), 2);
        assert_eq!(words.get("forum"), Some(&1));
        assert_eq!(words.get("forums"), Some(&2));
        let ids: FastSet<u64> = (0..1000u64).map(|x| x << 40).collect();
        assert_eq!(ids.len(), 1000);
    }
}
