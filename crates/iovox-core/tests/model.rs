//! The model as declared is the model the other languages read: `tests/vectors/model.json`
//! (written by `scripts/generate`, which adds what the sandbox and the bindings answer)
//! holds every method's declaration, and each must be what the core describes now. A change
//! to a declaration, an argument list or a route shows here until `scripts/generate` is
//! run and the new file committed.

use iovox_core::method::{describe, find, CATALOGUE};
use serde_json::Value;

fn recorded() -> Vec<Value> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/vectors/model.json"
    );
    let file: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    file["methods"].as_array().unwrap().clone()
}

#[test]
fn every_declaration_is_what_the_vectors_record() {
    let recorded = recorded();
    let names: Vec<&str> = recorded
        .iter()
        .map(|m| m["name"].as_str().unwrap())
        .collect();
    let declared: Vec<&str> = CATALOGUE.iter().map(|s| s.route.name).collect();
    assert_eq!(names, declared, "the catalogue's methods, in its order");
    for mut method in recorded {
        let name = method["name"].as_str().unwrap().to_string();
        let object = method.as_object_mut().unwrap();
        // What the sandbox and the conversion crate add; not the core's.
        object.remove("sandbox");
        object.remove("action");
        assert_eq!(describe(find(&name).unwrap()), method, "{name}");
    }
}

#[test]
fn the_typed_registry_and_its_names_follow_the_declarations() {
    use iovox_core::method::{METHODS, TYPED};
    // Every typed method's route and retry class, in the registry's order.
    assert_eq!(METHODS.len(), TYPED.len());
    for (m, t) in METHODS.iter().zip(TYPED) {
        assert_eq!((m.0, m.1), (t.spec.route, t.spec.retry));
    }
    // The keys each request may have, from its declared arguments, in their order.
    assert_eq!(
        iovox_core::CATEGORY_ARGUMENTS,
        ["page", "limit", "parent_category_id", "req_fields"]
    );
    assert_eq!(
        iovox_core::CATEGORY_ID_ARGUMENTS,
        ["page", "limit", "label", "value", "delimiter"]
    );
    assert_eq!(iovox_core::COUNTRY_ARGUMENTS, ["page", "limit"]);
    // What a registry entry shows when printed: its method and request.
    let shown = format!("{:?}", TYPED[0]);
    assert!(
        shown.starts_with("Typed {") && shown.contains("Records"),
        "{shown}"
    );
    let list = iovox_core::method::list_named("getCategories").unwrap();
    let shown = format!("{list:?}");
    assert!(
        shown.starts_with("List {") && shown.contains("getCategories"),
        "{shown}"
    );
    assert_eq!(
        iovox_core::model::Confidence::PageAndClients.to_string(),
        "page, clients"
    );
}

/// An interface belongs to one part of IOVOX (the PHP bundle's folders: `SoundFiles` is
/// `Calling`), whichever macro declares its methods: deleteSoundFiles once said
/// `AccountSetup`, the area its declaring macro assumed.
#[test]
fn each_interface_lies_in_one_area() {
    let mut areas = std::collections::BTreeMap::new();
    for s in CATALOGUE {
        let area = *areas.entry(s.route.interface).or_insert(s.area);
        assert_eq!(
            s.area, area,
            "{}: {} is in {area} for its other methods",
            s.route.name, s.route.interface
        );
    }
    assert_eq!(areas["SoundFiles"], "Calling");
    assert_eq!(areas["Nodes"], "AccountSetup");
}
