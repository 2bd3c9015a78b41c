//! Serde for long lists of 64-bit hashes as little-endian bytes: the build cache stores
//! millions of them, and a varint per hash (10 bytes for most) is slow to read and large.

use serde::de::{Error, SeqAccess, Visitor};
use serde::{Deserializer, Serializer};

pub fn serialize<S: Serializer>(hashes: &[u64], s: S) -> Result<S::Ok, S::Error> {
    let bytes: Vec<u8> = hashes.iter().flat_map(|h| h.to_le_bytes()).collect();
    s.serialize_bytes(&bytes)
}

/// Read straight from the bytes the format gives into the hashes: a copy of the bytes first
/// doubled the memory a rebuild's cache took to read (fresh pages, which the kernel zeroes).
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u64>, D::Error> {
    d.deserialize_bytes(HashesVisitor)
}

struct HashesVisitor;

fn hashes<E: Error>(bytes: &[u8]) -> Result<Vec<u64>, E> {
    if !bytes.len().is_multiple_of(8) {
        return Err(E::custom("a hash list is not a whole number of hashes"));
    }
    Ok(bytes
        .chunks_exact(8)
        .map(|c| u64::from_le_bytes(c.try_into().expect("8 bytes")))
        .collect())
}

impl<'de> Visitor<'de> for HashesVisitor {
    type Value = Vec<u64>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("bytes")
    }

    fn visit_bytes<E: Error>(self, v: &[u8]) -> Result<Vec<u64>, E> {
        hashes(v)
    }

    /// Bytes as a sequence, from formats without a bytes type.
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<u64>, A::Error> {
        let mut bytes = Vec::new();
        while let Some(b) = seq.next_element()? {
            bytes.push(b);
        }
        hashes(&bytes)
    }
}

#[cfg(test)]
mod tests {
    #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
    struct Holder(#[serde(with = "super")] Vec<u64>);

    #[test]
    fn hashes_round_trip_and_take_eight_bytes_each() {
        let h = Holder(vec![0, 1, u64::MAX, 0x0123_4567_89ab_cdef]);
        let bytes = postcard::to_allocvec(&h).unwrap();
        assert_eq!(bytes.len(), 1 + 32);
        assert_eq!(postcard::from_bytes::<Holder>(&bytes).unwrap(), h);
        assert!(postcard::from_bytes::<Holder>(&[3, 1, 2, 3]).is_err());
    }
}
