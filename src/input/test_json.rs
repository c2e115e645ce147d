//! A minimal JSON writer for tests, enough to check the names that results
//! carry to JavaScript (serde_json is not a dependency of this crate). It
//! writes numbers, strings, options, unit enum variants and structs.

use serde::ser::{self, Impossible, Serialize};
use std::fmt;

#[derive(Debug)]
pub struct Unsupported(String);

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Unsupported(msg.to_string())
    }
}

/// The value as compact JSON; panics on shapes this writer does not know.
pub fn to_json<T: Serialize>(value: &T) -> String {
    match value.serialize(Json) {
        Ok(s) => s,
        Err(e) => panic!("test_json: {e}"),
    }
}

struct Json;

type R = Result<String, Unsupported>;

fn unsupported(what: &str) -> Unsupported {
    Unsupported(format!("{what} is not supported"))
}

macro_rules! plain {
    ($($method:ident: $t:ty),*) => {
        $(fn $method(self, v: $t) -> R {
            Ok(v.to_string())
        })*
    };
}

impl ser::Serializer for Json {
    type Ok = String;
    type Error = Unsupported;
    type SerializeSeq = Impossible<String, Unsupported>;
    type SerializeTuple = Impossible<String, Unsupported>;
    type SerializeTupleStruct = Impossible<String, Unsupported>;
    type SerializeTupleVariant = Impossible<String, Unsupported>;
    type SerializeMap = Impossible<String, Unsupported>;
    type SerializeStruct = Fields;
    type SerializeStructVariant = Impossible<String, Unsupported>;

    plain!(serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_f32: f32, serialize_f64: f64);

    fn serialize_char(self, v: char) -> R {
        Ok(format!("{:?}", v.to_string()))
    }
    fn serialize_str(self, v: &str) -> R {
        Ok(format!("{v:?}"))
    }
    fn serialize_bytes(self, _: &[u8]) -> R {
        Err(unsupported("bytes"))
    }
    fn serialize_none(self) -> R {
        Ok("null".to_string())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> R {
        value.serialize(self)
    }
    fn serialize_unit(self) -> R {
        Ok("null".to_string())
    }
    fn serialize_unit_struct(self, _: &'static str) -> R {
        Ok("null".to_string())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> R {
        Ok(format!("\"{variant}\""))
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, value: &T) -> R {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> R {
        Err(unsupported("a newtype variant"))
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Unsupported> {
        Err(unsupported("a sequence"))
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Unsupported> {
        Err(unsupported("a tuple"))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Unsupported> {
        Err(unsupported("a tuple struct"))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Unsupported> {
        Err(unsupported("a tuple variant"))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Unsupported> {
        Err(unsupported("a map"))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Fields, Unsupported> {
        Ok(Fields(Vec::new()))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Unsupported> {
        Err(unsupported("a struct variant"))
    }
}

pub struct Fields(Vec<String>);

impl ser::SerializeStruct for Fields {
    type Ok = String;
    type Error = Unsupported;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        self.0.push(format!("\"{key}\":{}", value.serialize(Json)?));
        Ok(())
    }

    fn end(self) -> R {
        Ok(format!("{{{}}}", self.0.join(",")))
    }
}
