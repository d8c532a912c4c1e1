//! The wire form of the requests: every value as it was given, field by field, before
//! any rule has read it.
//!
//! This is what the server decodes and what untyped callers (Python dicts, JavaScript
//! objects, JSON files) fill in. Each value keeps its kind ([`Given`]: a text, an integer,
//! a boolean, or something of the wrong kind such as a list where a text belongs); a
//! missing value is `None`. Validation reads it with each field's one rule and gives the
//! typed models, with the server's messages; XML is only ever written from the typed models.

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

/// One value as a caller or the XML gave it. Missing is `Option::None` around it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Given {
    /// Text, as the XML always carries it, or a string from Python, JavaScript or JSON.
    Text(String),
    /// A whole number from Python, JavaScript or JSON (`2.0` counts: JavaScript has only
    /// doubles). One past `i64` arrives as the text of its digits, which every rule reads
    /// the same way.
    Integer(i64),
    /// A boolean from Python, JavaScript or JSON.
    Boolean(bool),
    /// A list or a mapping where one value belongs (in XML: an element holding elements).
    WrongKind,
    /// Text from Python or JavaScript holding a lone UTF-16 surrogate (the first one, as
    /// its code unit): neither UTF-8 nor XML can carry it, so every rule refuses it as its
    /// field's own error (docs/decisions.md 31). It crosses serde as the map
    /// `{`[`LONE_SURROGATE`]`: code}`, which no XML element and no field name can be.
    LoneSurrogate(u16),
    /// Bytes from Python (`bytes`), JavaScript (a `Uint8Array`) or Rust: a sound file's
    /// audio. Only an element declared as bytes takes them (written as base64); text is
    /// never taken there, and bytes are the wrong kind anywhere else. It crosses serde as
    /// the map `{`[`BYTES`]`: "<base64>"}` (docs/decisions.md 44).
    Bytes(Vec<u8>),
}

/// The one key of the map that stands for [`Given::Bytes`] in serde's data model, its
/// value the bytes in standard base64: a NUL cannot begin an XML name, nor any field name.
pub const BYTES: &str = "\u{0}bytes";

/// The one key of the map that stands for a [`Given::LoneSurrogate`] in serde's data
/// model: a NUL cannot begin an XML name, nor any field name.
pub const LONE_SURROGATE: &str = "\u{0}lone surrogate";

impl From<String> for Given {
    fn from(s: String) -> Self {
        Given::Text(s)
    }
}

impl From<&str> for Given {
    fn from(s: &str) -> Self {
        Given::Text(s.to_string())
    }
}

impl From<i64> for Given {
    fn from(n: i64) -> Self {
        Given::Integer(n)
    }
}

impl From<bool> for Given {
    fn from(b: bool) -> Self {
        Given::Boolean(b)
    }
}

impl Given {
    /// The value as the XML would carry it; `None` for a value of the wrong kind.
    pub fn as_text(&self) -> Option<std::borrow::Cow<'_, str>> {
        use std::borrow::Cow;
        match self {
            Given::Text(s) => Some(Cow::Borrowed(s)),
            Given::Integer(n) => Some(Cow::Owned(n.to_string())),
            Given::Boolean(b) => Some(Cow::Borrowed(if *b { "TRUE" } else { "FALSE" })),
            Given::WrongKind | Given::LoneSurrogate(_) | Given::Bytes(_) => None,
        }
    }
}

/// Written as the XML text of the value (the serde encoder is the test oracle); bytes
/// as their base64.
impl Serialize for Given {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Given::Bytes(b) => s.serialize_str(&base64_text(b)),
            _ => s.serialize_str(self.as_text().as_deref().unwrap_or("")),
        }
    }
}

/// Bytes as standard base64, as IOVOX reads a sound file.
pub fn base64_text(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// The map that stands for bytes in serde's data model (`{`[`BYTES`]`: "<base64>"}`):
/// what the bindings make of a `bytes` or a `Uint8Array`.
pub fn bytes_value(bytes: &[u8]) -> serde_json::Value {
    serde_json::json!({ BYTES: base64_text(bytes) })
}

/// Wire form of a purchaseVoxNumbers request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PurchaseRequest {
    /// `callback_url`.
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub callback_url: Option<Given>,
    /// `cc_list`: addresses joined by commas.
    #[serde(
        default,
        deserialize_with = "comma_list",
        skip_serializing_if = "Option::is_none"
    )]
    pub cc_list: Option<Given>,
    /// `dynamic_quantity`: `TRUE` or `FALSE`.
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub dynamic_quantity: Option<Given>,
    /// Not part of the XML: the caller's leave to send a `callback_url` without
    /// `user:password@` (docs/decisions.md 30). `TRUE` or `FALSE`.
    #[serde(default, deserialize_with = "scalar", skip_serializing)]
    pub allow_unauthenticated_callbacks: Option<Given>,
    /// `items`.
    #[serde(
        default,
        deserialize_with = "items",
        skip_serializing_if = "Option::is_none"
    )]
    pub items: Option<Items>,
}

/// The `<items>` element: a list of `<item>`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Items {
    /// The items, in order.
    #[serde(default)]
    pub item: Vec<PurchaseItem>,
}

/// Wire form of one purchase item.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PurchaseItem {
    /// `country_code`.
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub country_code: Option<Given>,
    /// `area_code`.
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub area_code: Option<Given>,
    /// `post_code`.
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub post_code: Option<Given>,
    /// `city_name`.
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub city_name: Option<Given>,
    /// `number_type`.
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub number_type: Option<Given>,
    /// `quantity`.
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub quantity: Option<Given>,
    /// `additional_information`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additional_information: Option<AdditionalInformation>,
}

/// Wire form of `additional_information`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdditionalInformation {
    /// `firstname`.
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub firstname: Option<Given>,
    /// `lastname`.
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub lastname: Option<Given>,
    /// `company`.
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub company: Option<Given>,
    /// `street`.
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub street: Option<Given>,
    /// `building_number`.
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub building_number: Option<Given>,
    /// `city`.
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub city: Option<Given>,
    /// `zipcode`.
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub zipcode: Option<Given>,
}

/// Wire form of an attachVoxnumberToLink request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachRequest {
    /// The `<link>` elements, in order (`links` is accepted from JSON).
    #[serde(rename = "link", alias = "links", default)]
    pub links: Vec<Link>,
}

/// Wire form of one `<link>`: every field of every method, as the server sees them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    /// `link_id`.
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub link_id: Option<Given>,
    /// `method`: BY AREA, BY VOXNUMBER or BY POSTCODE.
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub method: Option<Given>,
    /// `voxnumber_idd` (BY AREA).
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub voxnumber_idd: Option<Given>,
    /// `area_code` (BY AREA).
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub area_code: Option<Given>,
    /// `fallback_city` (BY AREA).
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub fallback_city: Option<Given>,
    /// `fallback_region` (BY AREA).
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub fallback_region: Option<Given>,
    /// `fallback_country` (BY AREA).
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub fallback_country: Option<Given>,
    /// `full_voxnumber` (BY VOXNUMBER).
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub full_voxnumber: Option<Given>,
    /// `voxnumber_country` (BY POSTCODE).
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub voxnumber_country: Option<Given>,
    /// `postcode` (BY POSTCODE).
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub postcode: Option<Given>,
    /// `fallback_area_distance` in km (BY POSTCODE).
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub fallback_area_distance: Option<Given>,
}

/// Wire form of a removeVoxnumberFromLink request: `<link_id>` repeated in `<request>`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DetachRequest {
    /// The `<link_id>` elements, in order (`link_ids` is accepted from JSON, and
    /// `node_ids`: the wire form of any list of IDs).
    #[serde(
        rename = "link_id",
        alias = "link_ids",
        alias = "node_ids",
        alias = "categories",
        alias = "sound_files",
        alias = "blocked_numbers",
        alias = "categories_ids",
        default
    )]
    pub link_ids: Vec<Entry>,
}

/// Wire form of a body of records (createNodes, createLinks): each record's elements by
/// name, every value as given (`crate::records`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Records {
    /// The records, in order (`nodes`, `links`, `categories`, `sound_files` and `contacts` are accepted from JSON, as the methods
    /// name them).
    #[serde(
        default,
        alias = "nodes",
        alias = "links",
        alias = "categories",
        alias = "sound_files",
        alias = "contacts"
    )]
    pub records: Vec<std::collections::BTreeMap<String, Entry>>,
}

/// Wire form of a setCallStatus request: `call_status` and the `voxnumbers`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallStatusRequest {
    /// `ON` or `OFF`.
    #[serde(default, deserialize_with = "scalar")]
    pub call_status: Option<Given>,
    /// The numbers, in order.
    #[serde(default)]
    pub voxnumbers: Vec<Entry>,
}

/// One value of a repeated element, read as leniently as any field.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Entry(pub Option<Given>);

impl<'de> Deserialize<'de> for Entry {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ScalarVisitor { join_lists: false })
            .map(Entry)
    }
}

/// Wire form of a request whose arguments travel in the query string (the list methods,
/// deleteVoxnumbersFromAccount): each argument by its wire name, as given. A list of
/// texts is joined with commas (`req_fields`, `full_voxnumbers`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Query(pub std::collections::BTreeMap<String, Joined>);

impl Query {
    /// From the pairs of a query string (the server's side); a repeated key keeps its
    /// first value.
    pub fn from_pairs<K: Into<String>, V: Into<String>>(
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        let mut map = std::collections::BTreeMap::new();
        for (k, v) in pairs {
            map.entry(k.into())
                .or_insert_with(|| Joined(Some(Given::Text(v.into()))));
        }
        Query(map)
    }

    /// Sets an argument.
    pub fn set(mut self, key: impl Into<String>, value: impl Into<Given>) -> Self {
        self.0.insert(key.into(), Joined(Some(value.into())));
        self
    }
}

/// One argument of a [`Query`]: a list of texts arrives joined with commas.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Joined(pub Option<Given>);

impl<'de> Deserialize<'de> for Joined {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ScalarVisitor { join_lists: true })
            .map(Joined)
    }
}

/// Accepts any value and keeps its kind: text, integer, boolean; null as missing; a list
/// or a map as [`Given::WrongKind`], which fails the field's own rule, so the caller gets
/// the server's message for it ("Quantity 1 of 1 not an integer") rather than a type error
/// from the binding layer.
fn scalar<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Given>, D::Error> {
    d.deserialize_any(ScalarVisitor { join_lists: false })
}

/// Like [`scalar`], but a list of texts is joined with commas (`cc_list`).
fn comma_list<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Given>, D::Error> {
    d.deserialize_any(ScalarVisitor { join_lists: true })
}

/// A whole number: [`Given::Integer`] when it fits, else the text of its digits.
fn whole<N: Copy + TryInto<i64> + ToString>(n: N) -> Given {
    n.try_into()
        .map_or_else(|_| Given::Text(n.to_string()), Given::Integer)
}

struct ScalarVisitor {
    join_lists: bool,
}

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Option<Given>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a text, a number or a boolean")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some(Given::Text(v.to_owned())))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Some(Given::Text(v)))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Some(Given::Boolean(v)))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(Given::Integer(v)))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Some(whole(v)))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Self::Value, E> {
        Ok(Some(whole(v)))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Self::Value, E> {
        Ok(Some(whole(v)))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        // JavaScript has only doubles: 2.0 is the integer 2, 2.5 is not an integer, and a
        // double too large to hold its digits exactly reads as the digits it prints.
        if v.is_finite() && v.fract() == 0.0 && v.abs() < 1e15 {
            Ok(Some(Given::Integer(v as i64)))
        } else {
            Ok(Some(Given::Text(v.to_string())))
        }
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut parts = Vec::new();
        let mut all_text = true;
        let mut lone = None;
        while let Some(v) = seq.next_element::<Entry>()? {
            if let Some(Given::LoneSurrogate(c)) = v.0 {
                lone = lone.or(Some(c));
            }
            match v.0.as_ref().and_then(Given::as_text) {
                Some(s) => parts.push(s.into_owned()),
                None => all_text = false,
            }
        }
        if let (true, Some(c)) = (self.join_lists, lone) {
            Ok(Some(Given::LoneSurrogate(c)))
        } else if self.join_lists && all_text {
            Ok(Some(Given::Text(parts.join(","))))
        } else {
            Ok(Some(Given::WrongKind))
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        // quick-xml hands an element's text over as the map `{"$text": …}`; an empty
        // element is an empty map. Any child element makes the value the wrong kind.
        let mut text = Some(String::new());
        while let Some(key) = map.next_key::<String>()? {
            if key == LONE_SURROGATE {
                let code = map.next_value::<u16>()?;
                while map
                    .next_entry::<de::IgnoredAny, de::IgnoredAny>()?
                    .is_some()
                {}
                return Ok(Some(Given::LoneSurrogate(code)));
            }
            if key == BYTES {
                use base64::Engine;
                let text = map.next_value::<String>()?;
                while map
                    .next_entry::<de::IgnoredAny, de::IgnoredAny>()?
                    .is_some()
                {}
                let bytes = base64::engine::general_purpose::STANDARD.decode(text.trim());
                return Ok(Some(bytes.map_or(Given::WrongKind, Given::Bytes)));
            }
            if key == "$text" || key == "$value" {
                let value = map.next_value::<Entry>()?.0;
                let value = value.as_ref().and_then(Given::as_text);
                text = text.zip(value).map(|(a, b)| a + &b);
            } else {
                map.next_value::<de::IgnoredAny>()?;
                text = None;
            }
        }
        Ok(Some(text.map_or(Given::WrongKind, Given::Text)))
    }
}

/// `items` from XML (`<items><item>…</item></items>`) or from JSON (a plain list).
fn items<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Items>, D::Error> {
    struct ItemsVisitor;
    impl<'de> Visitor<'de> for ItemsVisitor {
        type Value = Option<Items>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a list of items")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut item = Vec::new();
            while let Some(i) = seq.next_element()? {
                item.push(i);
            }
            Ok(Some(Items { item }))
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            Items::deserialize(de::value::MapAccessDeserializer::new(map)).map(Some)
        }
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
            // `<items></items>` or `<items/>`: present but holding no item.
            Ok(Some(Items::default()))
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }
    }
    d.deserialize_any(ItemsVisitor)
}
