//! HXL hashtags (`#value+funding+total+usd`) and tag patterns (`#value+funding-required`, `#date!`)
//! with HXL's matching rules: columns are found by their tags, never by header text.

use std::collections::BTreeSet;

/// A column's HXL hashtag: `#value+funding+total+usd` → tag `value`, attributes {funding, total, usd}.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HxlTag {
    /// The hashtag without `#`, lower case.
    pub tag: String,
    /// The attributes without `+`, lower case.
    pub attributes: BTreeSet<String>,
}

/// Whitespace removed, lower case: HXL tags are compared that way.
fn normalise_tag_text(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase()
}

/// A tag or attribute name: ASCII letters, digits and `_`.
fn is_tag_word(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

impl HxlTag {
    /// `None` unless the text is a hashtag (`#tag` with optional `+attribute`s).
    pub fn parse(text: &str) -> Option<HxlTag> {
        let s = normalise_tag_text(text);
        let mut parts = s.strip_prefix('#')?.split('+');
        let tag = parts.next()?.to_string();
        if !is_tag_word(&tag) {
            return None;
        }
        let mut attributes = BTreeSet::new();
        for a in parts.filter(|a| !a.is_empty()) {
            if !is_tag_word(a) {
                return None;
            }
            attributes.insert(a.to_string());
        }
        Some(HxlTag { tag, attributes })
    }
}

/// An HXL tag pattern: `#tag`, `+attr` (must have), `-attr` (must not have), trailing `!` (exactly
/// the attributes given).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TagPattern {
    /// The hashtag without `#`, lower case.
    pub tag: String,
    /// Attributes a column must have (`+attr`).
    pub include: BTreeSet<String>,
    /// Attributes a column must not have (`-attr`).
    pub exclude: BTreeSet<String>,
    /// A trailing `!`: the column has exactly the `include` attributes.
    pub absolute: bool,
}

impl TagPattern {
    /// `None` unless the text is a pattern (`#tag` with optional `+attr`, `-attr` and a final `!`).
    pub fn parse(text: &str) -> Option<TagPattern> {
        let mut s = normalise_tag_text(text);
        let absolute = s.ends_with('!');
        if absolute {
            s.pop();
        }
        let s = s.strip_prefix('#')?;
        let end = s.find(['+', '-']).unwrap_or(s.len());
        let tag = s[..end].to_string();
        if !is_tag_word(&tag) {
            return None;
        }
        let (mut include, mut exclude) = (BTreeSet::new(), BTreeSet::new());
        let mut rest = &s[end..];
        while let Some(sign) = rest.chars().next() {
            let body = &rest[1..];
            let end = body.find(['+', '-']).unwrap_or(body.len());
            let attr = &body[..end];
            if !is_tag_word(attr) {
                return None;
            }
            if sign == '+' { &mut include } else { &mut exclude }.insert(attr.to_string());
            rest = &body[end..];
        }
        Some(TagPattern { tag, include, exclude, absolute })
    }

    /// Does a column's hashtag match, by HXL's rules (order and case do not matter)?
    pub fn matches(&self, t: &HxlTag) -> bool {
        t.tag == self.tag
            && self.include.is_subset(&t.attributes)
            && self.exclude.is_disjoint(&t.attributes)
            && (!self.absolute || t.attributes == self.include)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(s: &str) -> HxlTag {
        HxlTag::parse(s).unwrap()
    }

    fn pattern(s: &str) -> TagPattern {
        TagPattern::parse(s).unwrap()
    }

    #[test]
    fn tag_patterns_follow_hxl_matching() {
        let t = tag("#value+funding+required+usd");
        assert!(pattern("#value+funding+required").matches(&t));
        assert!(pattern("#VALUE +required+funding").matches(&t), "order and case do not matter");
        assert!(!pattern("#value+funding+total").matches(&t));
        assert!(!pattern("#value-usd").matches(&t));
        assert!(!pattern("#value+funding+required!").matches(&t), "! asks for exactly these attributes");
        assert!(pattern("#value+usd+required+funding!").matches(&t));
        assert!(!pattern("#org").matches(&t));
        assert!(pattern("#date!").matches(&tag("#date")));
        assert!(!pattern("#date!").matches(&tag("#date+year")));
        assert_eq!(HxlTag::parse("countryCode"), None);
        assert_eq!(HxlTag::parse("#country+"), Some(tag("#country")));
        assert_eq!(TagPattern::parse("#"), None);
    }
}
