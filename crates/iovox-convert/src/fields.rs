//! The field names each request part accepts, and the check that refuses any other key in
//! a dict (Python) or an object (Node, JSON files): a typo such as `quantiy` would otherwise
//! vanish and come back as "Quantity 1 of 1 Empty". The nearest known name is suggested.
//!
//! ```
//! use iovox_convert::fields::{check_keys, Case, ITEM};
//! let e = check_keys(["quantiy"], ITEM, "item 1 of 1", Case::Snake).unwrap_err();
//! assert_eq!(e.0, "unknown field 'quantiy' in item 1 of 1; did you mean 'quantity'?");
//! ```

use crate::ShapeError;

/// A purchase item's fields.
pub const ITEM: &[&str] = &[
    "country_code",
    "area_code",
    "post_code",
    "city_name",
    "number_type",
    "quantity",
    "additional_information",
];
/// `additional_information`'s fields.
pub const ADDITIONAL_INFORMATION: &[&str] = &[
    "firstname",
    "lastname",
    "company",
    "street",
    "building_number",
    "city",
    "zipcode",
];
/// A link's fields, every method's.
pub const LINK: &[&str] = &[
    "link_id",
    "method",
    "voxnumber_idd",
    "area_code",
    "fallback_city",
    "fallback_region",
    "fallback_country",
    "full_voxnumber",
    "voxnumber_country",
    "postcode",
    "fallback_area_distance",
];
/// A purchase request's own fields (Node and JSON give them in one object).
pub const PURCHASE: &[&str] = &[
    "items",
    "callback_url",
    "cc_list",
    "dynamic_quantity",
    "allow_unauthenticated_callbacks",
];

/// A field name in camelCase (`country_code` → `countryCode`), for JavaScript.
pub fn camel(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    let mut upper = false;
    for c in key.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// How the caller writes names, for the suggestion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// `country_code` (Rust, Python, JSON files).
    Snake,
    /// `countryCode` (JavaScript).
    Camel,
}

/// `countryCode` → `country_code`, `workAddress1` → `work_address_1` (as [`camel`] writes
/// it); snake_case stays as it is.
pub fn snake(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 4);
    let mut after_letter = false;
    for c in key.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else if c.is_ascii_digit() && after_letter {
            // `email2` is `email_2`, as camel writes it (no field name has a digit
            // straight after a letter).
            out.push('_');
            out.push(c);
        } else {
            out.push(c);
        }
        after_letter = c.is_ascii_alphabetic();
    }
    out
}

/// Refuses the first key (snake_case, or camelCase that maps to a known snake_case name)
/// that is not in `known`, naming it, where it sits, and the nearest known name.
pub fn check_keys<'a>(
    keys: impl IntoIterator<Item = &'a str>,
    known: &[&str],
    place: &str,
    case: Case,
) -> Result<(), ShapeError> {
    for key in keys {
        let name = snake(key);
        if known.contains(&name.as_str()) {
            continue;
        }
        let nearest = known
            .iter()
            .map(|k| {
                // A name cut short (`link` for `link_id`) counts as one edit away.
                let prefix = name.len() >= 3 && (k.starts_with(&name) || name.starts_with(k));
                let d = strsim::damerau_levenshtein(&name, k);
                (if prefix { d.min(1) } else { d }, *k)
            })
            .filter(|(d, k)| *d <= 2.max(k.len() / 4))
            .min();
        let shown = |k: &str| match case {
            Case::Snake => k.to_string(),
            Case::Camel => camel(k),
        };
        let mut message = format!("unknown field '{key}' in {place}");
        if let Some((_, k)) = nearest {
            message.push_str(&format!("; did you mean '{}'?", shown(k)));
        }
        return Err(ShapeError(message));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every name with a digit round-trips: Node users write what the types say
    /// (`email2`, `workAddress1`), and results come back so named.
    #[test]
    fn names_with_digits_go_both_ways() {
        for name in [
            "email_2",
            "work_address_1",
            "home_address_2",
            "country_code",
            "v",
        ] {
            assert_eq!(snake(&camel(name)), name);
            assert_eq!(snake(name), name);
        }
        assert_eq!(camel("work_address_1"), "workAddress1");
        assert_eq!(snake("email2"), "email_2");
    }

    #[test]
    fn typos_are_named_with_the_nearest_field() {
        let e = |keys: &[&str], known, case| {
            check_keys(keys.iter().copied(), known, "link 2 of 3", case)
        };
        assert!(e(&["linkId", "fullVoxnumber"], LINK, Case::Camel).is_ok());
        assert_eq!(
            e(&["linkId", "fullVoxNumber"], LINK, Case::Camel)
                .unwrap_err()
                .0,
            "unknown field 'fullVoxNumber' in link 2 of 3; did you mean 'fullVoxnumber'?"
        );
        assert_eq!(
            e(&["colour"], LINK, Case::Snake).unwrap_err().0,
            "unknown field 'colour' in link 2 of 3"
        );
        assert_eq!(
            e(&["numbr_type"], ITEM, Case::Snake).unwrap_err().0,
            "unknown field 'numbr_type' in link 2 of 3; did you mean 'number_type'?"
        );
    }

    /// The bounds of "near": a name cut short counts as one edit away from 3 letters on,
    /// either way round; a long name tolerates an edit per 4 letters (3 for country_code).
    #[test]
    fn near_is_bounded_as_documented() {
        let e = |key: &str| {
            check_keys(
                [key],
                &["link_id", "country_code"],
                "the request",
                Case::Snake,
            )
            .unwrap_err()
            .0
        };
        assert!(
            e("link").ends_with("did you mean 'link_id'?"),
            "{}",
            e("link")
        );
        assert!(e("link_id_x").ends_with("did you mean 'link_id'?"));
        assert!(!e("li").contains("did you mean"), "two letters are too few");
        assert!(e("kountri_kode").ends_with("did you mean 'country_code'?"));
        assert!(!e("kountri_kodes_x").contains("did you mean"));
    }
}
