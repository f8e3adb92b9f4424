//! A list of ids held as one text: a million contribution ids as a million `String`s cost a
//! million allocations to read, to copy into the store and to free, and scatter the ids over the
//! heap; here they sit one after another. Written and read as a JSON array of strings.

use serde::de::{SeqAccess, Visitor};
use serde::ser::SerializeSeq;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Ids by position, end to end in one text.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Ids {
    text: String,
    /// Where each id ends in `text` (where the next begins).
    ends: Vec<u32>,
}

impl Ids {
    /// Room for `n` ids.
    pub fn with_capacity(n: usize) -> Ids {
        Ids { text: String::new(), ends: Vec::with_capacity(n) }
    }

    /// Adds an id at the end.
    pub fn push(&mut self, id: &str) {
        self.text.push_str(id);
        // Bounded by the page's dataset limit (60 MB), far below 4 GB.
        self.ends.push(u32::try_from(self.text.len()).expect("ids fit in 4 GB"));
    }

    /// The id at `i`, if there is one.
    pub fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)? as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        Some(&self.text[start..end])
    }

    /// How many ids.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Every id, in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        let mut start = 0;
        self.ends.iter().map(move |&end| {
            let id = &self.text[start..end as usize];
            start = end as usize;
            id
        })
    }
}

impl std::ops::Index<usize> for Ids {
    type Output = str;
    fn index(&self, i: usize) -> &str {
        self.get(i).expect("id index in range")
    }
}

impl<'a> FromIterator<&'a str> for Ids {
    fn from_iter<I: IntoIterator<Item = &'a str>>(items: I) -> Ids {
        let mut ids = Ids::default();
        for id in items {
            ids.push(id);
        }
        ids
    }
}

impl fmt::Debug for Ids {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for Ids {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for id in self.iter() {
            seq.serialize_element(id)?;
        }
        seq.end()
    }
}

impl<'de> Deserialize<'de> for Ids {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Ids, D::Error> {
        struct IdsVisitor;
        impl<'de> Visitor<'de> for IdsVisitor {
            type Value = Ids;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an array of strings")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Ids, A::Error> {
                let mut ids = Ids::with_capacity(seq.size_hint().unwrap_or(0).min(1 << 20));
                // Borrowed from the input; copied first only when it holds escapes.
                while let Some(id) = seq.next_element::<IdText<'de>>()? {
                    ids.push(&id.0);
                }
                Ok(ids)
            }
        }
        deserializer.deserialize_seq(IdsVisitor)
    }
}

/// One id as read: borrowed from the input when it can be, else owned.
struct IdText<'de>(std::borrow::Cow<'de, str>);

impl<'de> Deserialize<'de> for IdText<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<IdText<'de>, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = IdText<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<IdText<'de>, E> {
                Ok(IdText(std::borrow::Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<IdText<'de>, E> {
                Ok(IdText(std::borrow::Cow::Owned(v.to_string())))
            }
            fn visit_string<E>(self, v: String) -> Result<IdText<'de>, E> {
                Ok(IdText(std::borrow::Cow::Owned(v)))
            }
        }
        deserializer.deserialize_str(TextVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_read_and_write_as_a_json_array_of_strings() {
        let text = r#"["a","","b\"c","é-1"]"#;
        let ids: Ids = serde_json::from_str(text).unwrap();
        assert_eq!(ids.iter().collect::<Vec<_>>(), ["a", "", "b\"c", "é-1"]);
        assert_eq!((ids.len(), ids.get(2), ids.get(4)), (4, Some("b\"c"), None));
        assert_eq!(serde_json::to_string(&ids).unwrap(), text);
        assert_eq!(format!("{ids:?}"), r#"["a", "", "b\"c", "é-1"]"#);
    }

    #[test]
    fn anything_but_an_array_of_strings_is_refused() {
        for bad in ["\"a\"", "[1]", "[\"a\", null]", "{}"] {
            assert!(serde_json::from_str::<Ids>(bad).is_err(), "{bad}");
        }
    }
}
