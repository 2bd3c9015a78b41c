//! Serde for long lists of 64-bit hashes as little-endian bytes: the build cache stores
//! millions of them, and a varint per hash (10 bytes for most) is slow to read and large.

use serde::{Deserialize, Deserializer, Serializer};

pub fn serialize<S: Serializer>(hashes: &[u64], s: S) -> Result<S::Ok, S::Error> {
    let bytes: Vec<u8> = hashes.iter().flat_map(|h| h.to_le_bytes()).collect();
    s.serialize_bytes(&bytes)
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u64>, D::Error> {
    let bytes: serde_bytes_like::Bytes = Deserialize::deserialize(d)?;
    if !bytes.0.len().is_multiple_of(8) {
        return Err(serde::de::Error::custom(
            "a hash list is not a whole number of hashes",
        ));
    }
    Ok(bytes
        .0
        .chunks_exact(8)
        .map(|c| u64::from_le_bytes(c.try_into().expect("8 bytes")))
        .collect())
}

mod serde_bytes_like {
    use serde::de::{Deserialize, Deserializer, Error, SeqAccess, Visitor};

    /// Bytes however the format gives them (borrowed, owned, or as a sequence).
    pub struct Bytes(pub Vec<u8>);

    impl<'de> Deserialize<'de> for Bytes {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> Visitor<'de> for V {
                type Value = Bytes;
                fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                    f.write_str("bytes")
                }
                fn visit_bytes<E: Error>(self, v: &[u8]) -> Result<Bytes, E> {
                    Ok(Bytes(v.to_vec()))
                }
                fn visit_byte_buf<E: Error>(self, v: Vec<u8>) -> Result<Bytes, E> {
                    Ok(Bytes(v))
                }
                fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Bytes, A::Error> {
                    let mut out = Vec::new();
                    while let Some(b) = seq.next_element()? {
                        out.push(b);
                    }
                    Ok(Bytes(out))
                }
            }
            d.deserialize_bytes(V)
        }
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
