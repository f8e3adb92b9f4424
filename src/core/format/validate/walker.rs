//! Walking a JSON document: typed reads of its fields, each problem recorded at its pointer.

use super::{is_iso_date, Problem, ValidationError};
use serde_json::{Map, Value};

/// Escapes one reference token of a JSON pointer.
pub(super) fn token(s: &str) -> String {
    s.replace('~', "~0").replace('/', "~1")
}

/// The pointer to an object's member ("<at>/<key>"), written out only when a problem is recorded
/// there: a valid dataset is read without making a string per field.
pub(super) struct Member<'a>(pub(super) &'a str, pub(super) &'a str);

impl std::fmt::Display for Member<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.0, token(self.1))
    }
}

pub(super) struct Walker {
    pub(super) errors: Vec<ValidationError>,
}

impl Walker {
    pub(super) fn err(&mut self, pointer: &str, problem: Problem) {
        self.errors.push(ValidationError { pointer: pointer.to_string(), problem });
    }

    pub(super) fn field<'a>(&mut self, obj: &'a Map<String, Value>, at: &str, key: &str) -> Option<&'a Value> {
        let v = obj.get(key);
        if v.is_none() || v == Some(&Value::Null) {
            self.err(&format!("{at}/{}", token(key)), Problem::Missing);
            return None;
        }
        v
    }

    pub(super) fn string(&mut self, obj: &Map<String, Value>, at: &str, key: &str) -> Option<String> {
        let v = self.field(obj, at, key)?;
        self.as_string(v, Member(at, key))
    }

    pub(super) fn as_string(&mut self, v: &Value, at: impl std::fmt::Display) -> Option<String> {
        match v.as_str() {
            Some(s) if s.trim().is_empty() => {
                self.err(&at.to_string(), Problem::Empty);
                None
            }
            Some(s) => Some(s.to_string()),
            None => {
                self.err(&at.to_string(), Problem::WrongType { expected: "string" });
                None
            }
        }
    }

    pub(super) fn opt_string(&mut self, obj: &Map<String, Value>, at: &str, key: &str) -> Option<String> {
        match obj.get(key) {
            None | Some(Value::Null) => None,
            Some(v) => self.as_string(v, Member(at, key)),
        }
    }

    pub(super) fn object<'a>(&mut self, v: &'a Value, at: &str) -> Option<&'a Map<String, Value>> {
        let o = v.as_object();
        if o.is_none() {
            self.err(at, Problem::WrongType { expected: "object" });
        }
        o
    }

    pub(super) fn array<'a>(&mut self, v: &'a Value, at: &str) -> Option<&'a Vec<Value>> {
        let a = v.as_array();
        if a.is_none() {
            self.err(at, Problem::WrongType { expected: "array" });
        }
        a
    }

    pub(super) fn amount(&mut self, obj: &Map<String, Value>, at: &str, key: &str) -> Option<f64> {
        let v = self.field(obj, at, key)?;
        let at = Member(at, key);
        match v.as_f64() {
            Some(a) if a < 0.0 => {
                self.err(&at.to_string(), Problem::NegativeAmount);
                None
            }
            Some(a) => Some(a),
            None => {
                self.err(&at.to_string(), Problem::WrongType { expected: "number" });
                None
            }
        }
    }

    pub(super) fn year(&mut self, obj: &Map<String, Value>, at: &str) -> Option<i32> {
        self.year_in(obj, at, "year")
    }

    pub(super) fn year_in(&mut self, obj: &Map<String, Value>, at: &str, key: &str) -> Option<i32> {
        let v = self.field(obj, at, key)?;
        let at = Member(at, key);
        match v.as_i64() {
            Some(y) if !(1900..=2100).contains(&y) => {
                self.err(&at.to_string(), Problem::YearOutOfRange(y));
                None
            }
            Some(y) => Some(y as i32),
            None => {
                self.err(&at.to_string(), Problem::WrongType { expected: "integer" });
                None
            }
        }
    }

    pub(super) fn date(&mut self, obj: &Map<String, Value>, at: &str, key: &str, required: bool) -> Option<String> {
        let s = if required { self.string(obj, at, key)? } else { self.opt_string(obj, at, key)? };
        if is_iso_date(&s) {
            Some(s)
        } else {
            self.err(&format!("{at}/{key}"), Problem::BadDate(s));
            None
        }
    }
}
