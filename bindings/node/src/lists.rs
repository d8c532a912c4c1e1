//! The list methods' pages as JSON text in JavaScript's names (`voxnumberCountry`), which
//! `JSON.parse` turns into plain objects faster than building them one property at a time
//! through napi; the JS layer then makes `purchaseDate` a `Date`.

use iovox_core::{Field, Page, Record};

/// `"text"` with JSON's escapes.
fn string(out: &mut String, s: &str) {
    out.push_str(&serde_json::Value::from(s).to_string());
}

/// A page as `{"results":[…],"currentPage":1,"totalPages":3,"totalResults":5}`; absent
/// fields of a result are left out.
pub fn page_json<T: Record>(page: &Page<T>) -> String {
    let mut out = String::with_capacity(64 + page.results.len() * 256);
    out.push_str("{\"results\":[");
    // Every result lists the same fields in the same order: their JS names, once.
    let mut names: Vec<String> = Vec::new();
    for (i, r) in page.results.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('{');
        let mut first = true;
        for (j, (name, value)) in r.fields().into_iter().enumerate() {
            if names.len() <= j {
                names.push(iovox_convert::fields::camel(name));
            }
            let Some(value) = value else { continue };
            if !first {
                out.push(',');
            }
            first = false;
            string(&mut out, &names[j]);
            out.push(':');
            match value {
                Field::Text(s) => string(&mut out, s),
                Field::Number(n) => out.push_str(itoa::Buffer::new().format(n)),
                Field::Flag(b) => out.push_str(if b { "true" } else { "false" }),
            }
        }
        out.push('}');
    }
    out.push(']');
    for (name, value) in [
        ("currentPage", page.current_page.map(u64::from)),
        ("totalPages", page.total_pages.map(u64::from)),
        ("totalResults", page.total_results),
    ] {
        out.push_str(",\"");
        out.push_str(name);
        out.push_str("\":");
        match value {
            Some(v) => out.push_str(itoa::Buffer::new().format(v)),
            None => out.push_str("null"),
        }
    }
    out.push_str(",\"hasNext\":");
    out.push_str(if page.has_next() { "true" } else { "false" });
    out.push('}');
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_page_is_json_in_javascripts_names() {
        let page = iovox_core::Page {
            results: vec![iovox_core::AccountVoxnumber {
                voxnumber: Some("44\"1".into()),
                country_code: Some(44),
                ..Default::default()
            }],
            current_page: Some(1),
            total_pages: None,
            total_results: Some(1),
        };
        let v: serde_json::Value = serde_json::from_str(&super::page_json(&page)).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"results": [{"countryCode": 44, "voxnumber": "44\"1"}],
                "currentPage": 1, "totalPages": null, "totalResults": 1, "hasNext": true})
        );
    }
}
