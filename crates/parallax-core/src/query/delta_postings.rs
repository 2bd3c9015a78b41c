//! Postings lists as they travel (`serde(with)` for the search shards): each report as the gap
//! from the one before (lists are by ascending report), so most take one byte as a varint
//! instead of two or three; a quarter fewer bytes for the shards a keystroke fetches. Written
//! straight from the lists, without a coded copy; decoding checks the ids do not overflow.

use super::postings::Posting;
use serde::de::{DeserializeSeed, SeqAccess, Visitor};
use serde::ser::SerializeSeq;
use serde::{Deserializer, Serialize, Serializer};

/// One list, written as `(gap, in_title, in_body)` triples.
struct Gaps<'a>(&'a [Posting]);

impl Serialize for Gaps<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        let mut previous = 0;
        for p in self.0 {
            debug_assert!(p.report >= previous, "postings ascend by report");
            let gap = p.report.saturating_sub(previous);
            previous = p.report;
            seq.serialize_element(&(gap, p.in_title, p.in_body))?;
        }
        seq.end()
    }
}

pub fn serialize<S: Serializer>(lists: &[Vec<Posting>], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(lists.iter().map(|list| Gaps(list)))
}

/// Decoded straight into the lists (a coded copy first doubled the memory a rebuild took to
/// read the last index). Lengths are taken as hints only up to a bound: a damaged length
/// cannot make a huge allocation.
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Vec<Posting>>, D::Error> {
    d.deserialize_seq(ListsVisitor)
}

/// At most this many entries are reserved ahead of reading them.
const RESERVED: usize = 4096;

struct ListsVisitor;

impl<'de> Visitor<'de> for ListsVisitor {
    type Value = Vec<Vec<Posting>>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("postings lists")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut lists = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(RESERVED));
        while let Some(list) = seq.next_element_seed(ListSeed)? {
            lists.push(list);
        }
        Ok(lists)
    }
}

/// One list: its gaps summed back into report ids, which must not overflow.
struct ListSeed;

impl<'de> DeserializeSeed<'de> for ListSeed {
    type Value = Vec<Posting>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Vec<Posting>, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for ListSeed {
    type Value = Vec<Posting>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a postings list")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Posting>, A::Error> {
        let mut list = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(RESERVED));
        let mut report = 0u32;
        while let Some((gap, in_title, in_body)) = seq.next_element::<(u32, u32, u32)>()? {
            report = report
                .checked_add(gap)
                .ok_or_else(|| serde::de::Error::custom("a report id overflows"))?;
            list.push(Posting {
                report,
                in_title,
                in_body,
            });
        }
        Ok(list)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    struct Lists(#[serde(with = "super")] Vec<Vec<Posting>>);

    /// The bytes are those of the coded copy the lists were once written through.
    #[test]
    fn lists_travel_as_gaps_and_come_back_equal() {
        let posting = |report, in_title, in_body| Posting {
            report,
            in_title,
            in_body,
        };
        let lists = Lists(vec![
            vec![posting(3, 1, 0), posting(300, 0, 2), posting(70_000, 0, 1)],
            Vec::new(),
            vec![posting(0, 0, 5)],
        ]);
        let bytes = postcard::to_allocvec(&lists).unwrap();
        let coded: Vec<Vec<(u32, u32, u32)>> = vec![
            vec![(3, 1, 0), (297, 0, 2), (69_700, 0, 1)],
            Vec::new(),
            vec![(0, 0, 5)],
        ];
        assert_eq!(bytes, postcard::to_allocvec(&coded).unwrap());
        assert_eq!(postcard::from_bytes::<Lists>(&bytes).unwrap(), lists);
        let overflow: Vec<Vec<(u32, u32, u32)>> = vec![vec![(u32::MAX, 0, 1), (1, 0, 1)]];
        let bytes = postcard::to_allocvec(&overflow).unwrap();
        assert!(postcard::from_bytes::<Lists>(&bytes).is_err());
        // A damaged length (four billion lists, then nothing) is an error, not an allocation.
        assert!(postcard::from_bytes::<Lists>(&[0xff, 0xff, 0xff, 0xff, 0x0f]).is_err());
        assert!(postcard::from_bytes::<Lists>(&[1, 0xff, 0xff, 0xff, 0xff, 0x0f]).is_err());
    }
}
