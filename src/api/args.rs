//! The input object of an API call, read field by field with errors that name
//! the field. Unknown fields are errors (a typo must not be ignored), `null`
//! and `undefined` count as absent. The fields a function takes are declared
//! once, in [`super::fields`]; the accessors read only those.

use super::fields::Fields;
use crate::error::{number, Code, Error, Result};
use crate::input::{ColumnRef, Locale};
use chrono::NaiveDate;
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::collections::BTreeMap;

/// Any JSON-like value: what JavaScript passes in, or what a native caller
/// builds or deserializes from JSON.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
    List(Vec<Value>),
    Object(BTreeMap<String, Value>),
}

/// Deserialized directly by kind, without serde's buffering of untagged
/// enums: the same values, much less code in the wasm.
impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Value, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a number, text, true/false, a list or an object")
    }
    fn visit_unit<E>(self) -> std::result::Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> std::result::Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> std::result::Result<Value, D::Error> {
        Value::deserialize(d)
    }
    fn visit_bool<E>(self, v: bool) -> std::result::Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> std::result::Result<Value, E> {
        Ok(Value::Number(v as f64))
    }
    fn visit_u64<E>(self, v: u64) -> std::result::Result<Value, E> {
        Ok(Value::Number(v as f64))
    }
    fn visit_f64<E>(self, v: f64) -> std::result::Result<Value, E> {
        Ok(Value::Number(v))
    }
    fn visit_str<E>(self, v: &str) -> std::result::Result<Value, E> {
        Ok(Value::Text(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> std::result::Result<Value, E> {
        Ok(Value::Text(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::List(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<Value, A::Error> {
        let mut out = BTreeMap::new();
        while let Some((key, value)) = map.next_entry::<String, Value>()? {
            out.insert(key, value);
        }
        Ok(Value::Object(out))
    }
}

impl Value {
    /// An object from `(key, value)` pairs, for native callers and tests.
    pub fn object<K: Into<String>, V: Into<Value>>(
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> Value {
        Value::Object(
            pairs
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        )
    }

    fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a true/false value",
            Value::Number(_) => "a number",
            Value::Text(_) => "text",
            Value::List(_) => "a list",
            Value::Object(_) => "an object",
        }
    }
}

impl From<f64> for Value {
    fn from(v: f64) -> Self {
        Value::Number(v)
    }
}
impl From<i32> for Value {
    fn from(v: i32) -> Self {
        Value::Number(v as f64)
    }
}
impl From<bool> for Value {
    fn from(v: bool) -> Self {
        Value::Bool(v)
    }
}
impl From<&str> for Value {
    fn from(v: &str) -> Self {
        Value::Text(v.to_string())
    }
}
impl From<String> for Value {
    fn from(v: String) -> Self {
        Value::Text(v)
    }
}
impl<T: Into<Value>> From<Vec<T>> for Value {
    fn from(v: Vec<T>) -> Self {
        Value::List(v.into_iter().map(Into::into).collect())
    }
}

/// Levenshtein distance, to suggest the field a typo meant.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let next = (prev + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            prev = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

fn wrong_type(field: &str, wanted: &str, got: &Value) -> Error {
    Error::field(
        Code::WrongType,
        field,
        format!("{field} must be {wanted}, not {}.", got.kind()),
    )
}

/// The fields of one call's input object.
pub struct Args<'a> {
    map: &'a BTreeMap<String, Value>,
    fields: Fields,
    /// The function whose input this is, and for a nested object (such as
    /// `thresholds`) its field: what the tests record as read.
    owner: &'static str,
    prefix: &'static str,
}

impl<'a> Args<'a> {
    /// Checks that `input` is an object whose fields are all in `fields`.
    pub fn new(input: &'a Value, fields: &Fields) -> Result<Args<'a>> {
        Self::within(input, *fields, fields.function, "")
    }

    fn within(
        input: &'a Value,
        fields: Fields,
        owner: &'static str,
        prefix: &'static str,
    ) -> Result<Args<'a>> {
        let (function, allowed) = (fields.function, fields.names);
        let Value::Object(map) = input else {
            return Err(Error::new(
                Code::InvalidInput,
                format!(
                    "{function}() takes one object of named fields, not {}.",
                    input.kind()
                ),
            ));
        };
        if let Some(key) = map.keys().find(|k| !allowed.contains(&k.as_str())) {
            let hint = allowed
                .iter()
                .min_by_key(|a| distance(&key.to_ascii_lowercase(), &a.to_ascii_lowercase()))
                .filter(|a| distance(&key.to_ascii_lowercase(), &a.to_ascii_lowercase()) <= 3)
                .map(|a| format!(" Did you mean {a}?"))
                .unwrap_or_default();
            return Err(Error::field(
                Code::UnknownField,
                key,
                format!(
                    "{function}() has no field \"{key}\".{hint} Its fields are: {}.",
                    allowed.join(", ")
                ),
            ));
        }
        Ok(Args {
            map,
            fields,
            owner,
            prefix,
        })
    }

    /// A read of `key`, which must be one of the declared fields: a name
    /// misspelt in the code stops a debug build (and so every test) here.
    fn declared(&self, key: &str) {
        debug_assert!(
            self.fields.names.contains(&key),
            "{}() reads \"{}\", which api/fields.rs does not declare",
            self.owner,
            path(self.prefix, key)
        );
        #[cfg(test)]
        reads::record(self.owner, &path(self.prefix, key));
    }

    fn get(&self, key: &str) -> Option<&'a Value> {
        self.declared(key);
        self.map.get(key).filter(|v| !matches!(v, Value::Null))
    }

    pub fn has(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// A finite number, if given.
    pub fn number(&self, key: &str) -> Result<Option<f64>> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Number(n)) if n.is_finite() => Ok(Some(*n)),
            Some(Value::Number(_)) => Err(Error::field(
                Code::NotANumber,
                key,
                format!("{key} must be a finite number."),
            )),
            Some(v) => Err(wrong_type(key, "a number", v)),
        }
    }

    pub fn required_number(&self, key: &str) -> Result<f64> {
        self.number(key)?.ok_or_else(|| missing(key))
    }

    /// A count: a whole number, 0 or more.
    pub fn count(&self, key: &str) -> Result<Option<u64>> {
        match self.number(key)? {
            None => Ok(None),
            Some(n) if n < 0.0 => Err(Error::field(
                Code::Negative,
                key,
                format!("{key} cannot be negative (got {}).", number(n)),
            )
            .with("got", n)),
            Some(n) if n > 9.0e15 => Err(Error::field(
                Code::TooLarge,
                key,
                format!(
                    "{key} is too large (got {}); counts up to 9e15 are supported.",
                    number(n)
                ),
            )
            .with("got", n)),
            Some(n) if n.fract() != 0.0 => Err(Error::field(
                Code::NotInteger,
                key,
                format!("{key} must be a whole number (got {}).", number(n)),
            )
            .with("got", n)),
            Some(n) => Ok(Some(n as u64)),
        }
    }

    pub fn required_count(&self, key: &str) -> Result<u64> {
        self.count(key)?.ok_or_else(|| missing(key))
    }

    /// Text; pasted data (`text`, `summary`) within the limits of
    /// [`crate::input::table::check_shape`].
    pub fn text(&self, key: &str) -> Result<Option<&'a str>> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Text(s)) if is_pasted_table(key) => {
                crate::input::table::check_shape(s, key)?;
                Ok(Some(s))
            }
            Some(Value::Text(s)) => Ok(Some(s)),
            Some(v) => Err(wrong_type(key, "text", v)),
        }
    }

    pub fn boolean(&self, key: &str) -> Result<Option<bool>> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(v) => Err(wrong_type(key, "true or false", v)),
        }
    }

    /// The nested object of field `key` (e.g. `thresholds`), if given, read
    /// like an input of its own with the keys declared for it.
    pub fn nested(&self, key: &'static str) -> Result<Option<Args<'a>>> {
        match self.get(key) {
            None => Ok(None),
            Some(v @ Value::Object(_)) => {
                let fields = Fields {
                    function: key,
                    names: self.fields.object(key),
                    objects: &[],
                };
                Self::within(v, fields, self.owner, key).map(Some)
            }
            Some(v) => Err(wrong_type(key, "an object", v)),
        }
    }

    /// A list whose every element `item` reads (else `None`, and the error
    /// names the element's position and what it should be).
    fn list<T>(
        &self,
        key: &str,
        (what, plural): (&str, &str),
        code: Code,
        item: impl Fn(&Value) -> Option<T>,
    ) -> Result<Option<Vec<T>>> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::List(items)) => items
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    item(v).ok_or_else(|| {
                        Error::field(
                            code,
                            key,
                            format!("{key}: item {} is {}, not {what}.", i + 1, v.kind()),
                        )
                        .with_row(i + 1)
                    })
                })
                .collect::<Result<Vec<T>>>()
                .map(Some),
            Some(v) => Err(wrong_type(key, &format!("a list of {plural}"), v)),
        }
    }

    /// A list of numbers; an element that is not a number names its position.
    pub fn numbers(&self, key: &str) -> Result<Option<Vec<f64>>> {
        self.list(
            key,
            ("a number", "numbers"),
            Code::NotANumber,
            |v| match v {
                Value::Number(n) if n.is_finite() => Some(*n),
                _ => None,
            },
        )
    }

    /// A list of texts; an element that is not text names its position.
    pub fn texts(&self, key: &str) -> Result<Option<Vec<String>>> {
        self.list(key, ("text", "texts"), Code::WrongType, |v| match v {
            Value::Text(s) => Some(s.to_string()),
            _ => None,
        })
    }

    /// A list of yes/no values: `true`/`false`, or 1/0; anything else names
    /// its position.
    pub fn booleans(&self, key: &str) -> Result<Option<Vec<bool>>> {
        self.list(
            key,
            ("true or false", "true/false values"),
            Code::WrongType,
            |v| match v {
                Value::Bool(b) => Some(*b),
                Value::Number(n) if *n == 1.0 || *n == 0.0 => Some(*n == 1.0),
                _ => None,
            },
        )
    }

    /// An ISO date (`YYYY-MM-DD`), if given; `such_as` follows "YYYY-MM-DD"
    /// in the message (an example, or nothing).
    pub fn date(&self, key: &str, such_as: &str) -> Result<Option<NaiveDate>> {
        match self.text(key)? {
            None => Ok(None),
            Some(s) => NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
                .map(Some)
                .map_err(|_| {
                    Error::field(
                        Code::InvalidDate,
                        key,
                        format!("{key} must be a date written YYYY-MM-DD{such_as} (got \"{s}\")."),
                    )
                }),
        }
    }

    /// `locale`: "id", "en" or "auto" (default).
    pub fn locale(&self) -> Result<Locale> {
        match self.text("locale")? {
            None => Ok(Locale::Auto),
            Some(s) => Locale::parse(s).ok_or_else(|| {
                Error::field(
                    Code::InvalidOption,
                    "locale",
                    format!("locale must be \"id\", \"en\" or \"auto\", not \"{s}\"."),
                )
            }),
        }
    }

    /// A column named by header text or 0-based index (e.g. `groupBy`).
    pub fn column_ref(&self, key: &str) -> Result<Option<ColumnRef>> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => column_ref(key, v).map(Some),
        }
    }

    /// `columns: { role: header name or 0-based index }`, limited to the
    /// roles declared for the function.
    pub fn columns(&self) -> Result<Columns> {
        let roles = self.fields.object("columns");
        let mut out = Columns {
            map: BTreeMap::new(),
            roles,
            owner: self.owner,
        };
        let Some(value) = self.get("columns") else {
            return Ok(out);
        };
        let Value::Object(map) = value else {
            return Err(wrong_type(
                "columns",
                "an object such as { score: \"Skor\" }",
                value,
            ));
        };
        for (role, v) in map {
            if !roles.contains(&role.as_str()) {
                return Err(Error::field(
                    Code::UnknownField,
                    &format!("columns.{role}"),
                    format!(
                        "columns has no role \"{role}\"; here the roles are: {}.",
                        roles.join(", ")
                    ),
                ));
            }
            let field = format!("columns.{role}");
            let column = match v {
                Value::Null => continue,
                other => column_ref(&field, other)?,
            };
            out.map.insert(role.clone(), column);
        }
        Ok(out)
    }
}

/// A `columns` mapping as given: role → column.
#[derive(Debug, Clone, PartialEq)]
pub struct Columns {
    map: BTreeMap<String, ColumnRef>,
    /// The roles declared for the function `owner`.
    roles: &'static [&'static str],
    owner: &'static str,
}

impl Columns {
    /// The column mapped to `role`, one of the function's declared roles (a
    /// role misspelt in the code stops a debug build here).
    pub fn get(&self, role: &str) -> Option<&ColumnRef> {
        debug_assert!(
            self.roles.contains(&role),
            "{}() reads columns.{role}, which api/fields.rs does not declare",
            self.owner
        );
        #[cfg(test)]
        reads::record(self.owner, &path("columns", role));
        self.map.get(role)
    }

    /// Every role given, for a reader that takes them all (the sales log's).
    pub fn into_map(self) -> BTreeMap<String, ColumnRef> {
        #[cfg(test)]
        for role in self.roles {
            reads::record(self.owner, &path("columns", role));
        }
        self.map
    }
}

fn column_ref(field: &str, v: &Value) -> Result<ColumnRef> {
    match v {
        Value::Text(name) => Ok(ColumnRef::Name(name.clone())),
        Value::Number(n) if *n >= 0.0 && n.fract() == 0.0 && *n < 1.0e9 => {
            Ok(ColumnRef::Index(*n as usize))
        }
        other => Err(wrong_type(
            field,
            "a column name or a 0-based column number",
            other,
        )),
    }
}

/// `key`, or `object.key` inside a nested object.
fn path(object: &str, key: &str) -> String {
    if object.is_empty() {
        key.to_string()
    } else {
        format!("{object}.{key}")
    }
}

fn missing(key: &str) -> Error {
    Error::field(Code::MissingField, key, format!("{key} is required."))
}

/// The fields the API functions read, per function (tests only): see
/// `api::fields`'s tests.
#[cfg(test)]
pub(crate) mod reads {
    use std::cell::RefCell;
    use std::collections::BTreeSet;

    thread_local! {
        static READ: RefCell<BTreeSet<(String, String)>> = const { RefCell::new(BTreeSet::new()) };
    }

    pub fn record(function: &str, key: &str) {
        READ.with(|r| {
            r.borrow_mut()
                .insert((function.to_string(), key.to_string()))
        });
    }

    /// What this thread's calls read since the last `take`.
    pub fn take() -> BTreeSet<(String, String)> {
        READ.with(|r| std::mem::take(&mut *r.borrow_mut()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const fn fields(function: &'static str, names: &'static [&'static str]) -> Fields {
        Fields {
            function,
            names,
            objects: &[],
        }
    }

    #[test]
    fn unknown_fields_are_named_with_a_suggestion() {
        let v = Value::object([("startCustomer", 5)]);
        let e = Args::new(&v, &fields("crr", &["startCustomers", "endCustomers"]))
            .err()
            .unwrap();
        assert_eq!(e.code, "unknownField");
        assert_eq!(e.field.as_deref(), Some("startCustomer"));
        assert!(
            e.message.contains("Did you mean startCustomers?"),
            "{}",
            e.message
        );
    }

    #[test]
    fn counts_are_whole_and_not_negative() {
        let v = Value::object([
            ("a", Value::from(-1)),
            ("b", Value::from(2.5)),
            ("c", Value::from("x")),
            ("d", Value::Number(f64::NAN)),
        ]);
        let args = Args::new(&v, &fields("f", &["a", "b", "c", "d", "e"])).unwrap();
        assert_eq!(args.count("a").unwrap_err().code, "negative");
        assert_eq!(args.count("b").unwrap_err().code, "notInteger");
        assert_eq!(args.count("c").unwrap_err().code, "wrongType");
        assert_eq!(args.count("d").unwrap_err().code, "notANumber");
        assert_eq!(args.required_count("e").unwrap_err().code, "missingField");
    }

    #[test]
    fn not_an_object() {
        assert_eq!(
            Args::new(&Value::from(3), &fields("nps", &[]))
                .err()
                .unwrap()
                .code,
            "invalidInput"
        );
    }
}

/// The text fields that hold a pasted table (their shape is checked: line
/// and column limits).
#[cfg(feature = "analytics")]
fn is_pasted_table(key: &str) -> bool {
    matches!(key, "text" | "summary" | "surveyText" | "marketingSpend")
}
#[cfg(not(feature = "analytics"))]
fn is_pasted_table(key: &str) -> bool {
    key == "text"
}
