//! The wire form of the two requests: every value a string, exactly as the XML carries it.
//!
//! This is what the server decodes and what untyped callers (Python dicts, JavaScript
//! objects, JSON files) fill in. Validation turns it into the typed models, with the
//! server's messages; the typed models turn back into it for encoding. One validator
//! thus serves every way in, so every language answers the same input with the same words.

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Wire form of a purchaseVoxNumbers request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PurchaseRequest {
    /// `callback_url`.
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub callback_url: Option<String>,
    /// `cc_list`: addresses joined by commas.
    #[serde(
        default,
        deserialize_with = "comma_list",
        skip_serializing_if = "Option::is_none"
    )]
    pub cc_list: Option<String>,
    /// `dynamic_quantity`: `TRUE` or `FALSE`.
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub dynamic_quantity: Option<String>,
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
    pub country_code: Option<String>,
    /// `area_code`.
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub area_code: Option<String>,
    /// `post_code`.
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub post_code: Option<String>,
    /// `city_name`.
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub city_name: Option<String>,
    /// `number_type`.
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub number_type: Option<String>,
    /// `quantity`.
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub quantity: Option<String>,
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
    pub firstname: Option<String>,
    /// `lastname`.
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub lastname: Option<String>,
    /// `company`.
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub company: Option<String>,
    /// `street`.
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub street: Option<String>,
    /// `building_number`.
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub building_number: Option<String>,
    /// `city`.
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub city: Option<String>,
    /// `zipcode`.
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub zipcode: Option<String>,
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
    pub link_id: Option<String>,
    /// `method`: BY AREA, BY VOXNUMBER or BY POSTCODE.
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub method: Option<String>,
    /// `voxnumber_idd` (BY AREA).
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub voxnumber_idd: Option<String>,
    /// `area_code` (BY AREA).
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub area_code: Option<String>,
    /// `fallback_city` (BY AREA).
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub fallback_city: Option<String>,
    /// `fallback_region` (BY AREA).
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub fallback_region: Option<String>,
    /// `fallback_country` (BY AREA).
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub fallback_country: Option<String>,
    /// `full_voxnumber` (BY VOXNUMBER).
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub full_voxnumber: Option<String>,
    /// `voxnumber_country` (BY POSTCODE).
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub voxnumber_country: Option<String>,
    /// `postcode` (BY POSTCODE).
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub postcode: Option<String>,
    /// `fallback_area_distance` in km (BY POSTCODE).
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub fallback_area_distance: Option<String>,
}

/// Wire form of a removeVoxnumberFromLink request: `<link_id>` repeated in `<request>`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DetachRequest {
    /// The `<link_id>` elements, in order.
    #[serde(rename = "link_id", default)]
    pub link_ids: Vec<Text>,
}

/// One text value of a repeated element, read as leniently as any field: a number is its
/// digits, an element holding elements reads as [`WRONG_KIND`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Text(pub Option<String>);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ScalarVisitor { join_lists: false })
            .map(Text)
    }
}

/// Accepts any scalar and keeps it as the text the wire would carry: numbers in decimal,
/// booleans as `TRUE`/`FALSE`, null as absent. A list or a map becomes a placeholder text
/// that fails the field's own check, so the caller gets the server's message for it
/// ("Quantity 1 of 1 not an integer") rather than a type error from the binding layer.
fn scalar<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    d.deserialize_any(ScalarVisitor { join_lists: false })
}

/// Like [`scalar`], but a list of strings is joined with commas (`cc_list`).
fn comma_list<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    d.deserialize_any(ScalarVisitor { join_lists: true })
}

/// Text standing for a value of the wrong kind (a list or a map where a scalar belongs).
pub const WRONG_KIND: &str = "\u{fffd}";

struct ScalarVisitor {
    join_lists: bool,
}

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Option<String>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a text, a number or a boolean")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Some(v))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Some(if v { "TRUE" } else { "FALSE" }.into()))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        // JavaScript has only doubles: 2.0 is the integer 2, 2.5 is not an integer.
        if v.is_finite() && v.fract() == 0.0 && v.abs() < 1e15 {
            Ok(Some(format!("{}", v as i64)))
        } else {
            Ok(Some(v.to_string()))
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
        while let Some(v) = seq.next_element::<serde_json_free::Any>()? {
            match v.0 {
                Some(s) => parts.push(s),
                None => all_text = false,
            }
        }
        if self.join_lists && all_text {
            Ok(Some(parts.join(",")))
        } else {
            Ok(Some(WRONG_KIND.into()))
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        // quick-xml hands an element's text over as the map `{"$text": …}`; an empty
        // element is an empty map. Any child element makes the value the wrong kind.
        let mut text = Some(String::new());
        while let Some(key) = map.next_key::<String>()? {
            if key == "$text" || key == "$value" {
                let value = map.next_value::<serde_json_free::Any>()?.0;
                text = text.zip(value).map(|(a, b)| a + &b);
            } else {
                map.next_value::<de::IgnoredAny>()?;
                text = None;
            }
        }
        Ok(Some(text.unwrap_or_else(|| WRONG_KIND.into())))
    }
}

mod serde_json_free {
    //! A list element: its text if it is a scalar, `None` if it is anything else.
    use super::*;

    pub struct Any(pub Option<String>);

    impl<'de> Deserialize<'de> for Any {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_any(ScalarVisitor { join_lists: false })
                .map(|v| Any(v.filter(|s| s != WRONG_KIND)))
        }
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
