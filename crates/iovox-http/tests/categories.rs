//! The Categories family over real HTTP against iovox-sandbox: a label's tree made, listed
//! a level at a time, found by value with its path, and removed with what is under it;
//! every request-only rule refused before sending, every account rule answered with
//! IOVOX's words, all of a request or none of it.

mod common;

use common::start;
use iovox_http::{CategoriesRequest, CategoryIdRequest, Client, IdsRequest, Records};

fn category(
    id: &str,
    parent: Option<&str>,
    label: &str,
    value: &str,
) -> Vec<(&'static str, String)> {
    let mut r = vec![
        ("category_id", id.to_string()),
        ("label", label.to_string()),
        ("value", value.to_string()),
    ];
    if let Some(p) = parent {
        r.push(("parent_category_id", p.to_string()));
    }
    r
}

fn records(list: Vec<Vec<(&'static str, String)>>) -> Records {
    list.into_iter().fold(Records::new(), |r, c| r.record(c))
}

/// (id, value, child count) of each result.
fn level(c: &Client, parent: Option<&str>) -> Vec<(String, String, u32)> {
    let mut request = CategoriesRequest::new();
    if let Some(p) = parent {
        request = request.parent_category_id(p);
    }
    let page = c.get_categories(&request).unwrap();
    (page.results.into_iter())
        .map(|c| {
            (
                c.category_id.unwrap(),
                c.value.unwrap(),
                c.child_count.unwrap(),
            )
        })
        .collect()
}

#[test]
fn a_tree_is_made_listed_found_and_removed() {
    let (sb, c) = start();
    let tree = records(vec![
        category("Location", None, "Location", "Location"),
        category("UK", Some("Location"), "Location", "United Kingdom"),
        category("LDN", Some("UK"), "Location", "London"),
        category("MAN", Some("UK"), "Location", "Manchester"),
        category("Type", None, "Type", "Type"),
        // Another label may hold the same value under its own tree.
        category("T-LDN", Some("Type"), "Type", "London"),
    ]);
    c.create_categories(&tree).unwrap();

    let own = |v: &[(&str, &str, u32)]| -> Vec<(String, String, u32)> {
        v.iter()
            .map(|(a, b, n)| (a.to_string(), b.to_string(), *n))
            .collect()
    };
    assert_eq!(
        level(&c, None),
        own(&[("Location", "Location", 1), ("Type", "Type", 1)])
    );
    assert_eq!(
        level(&c, Some("UK")),
        own(&[("LDN", "London", 0), ("MAN", "Manchester", 0)])
    );
    // Only the fields asked for.
    let some = c
        .get_categories(
            &CategoriesRequest::new()
                .parent_category_id("Location")
                .req_fields(["cv", "chc"]),
        )
        .unwrap();
    assert_eq!(some.results[0].category_id, None);
    assert_eq!(some.results[0].value.as_deref(), Some("United Kingdom"));
    assert_eq!(some.results[0].child_count, Some(2));

    // Found by value, with the path from the top of each label, in the delimiter asked for.
    let found = c
        .get_category_id(&CategoryIdRequest::new().label("Location").value("London"))
        .unwrap();
    let paths: Vec<_> = (found.results.iter())
        .map(|m| {
            (
                m.category_id.clone().unwrap(),
                m.category_path.clone().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        paths,
        [(
            "LDN".to_string(),
            "Location;United Kingdom;London".to_string()
        )]
    );
    let slashed = c
        .get_category_id(
            &CategoryIdRequest::new()
                .label("Type")
                .value("London")
                .delimiter("/"),
        )
        .unwrap();
    assert_eq!(
        slashed.results[0].category_path.as_deref(),
        Some("Type/London")
    );

    // IOVOX's words for what only the account knows, every one at once, nothing made.
    let e = c
        .create_categories(&records(vec![
            category("New", Some("Location"), "Location", "New"),
            category("LDN", Some("UK"), "Location", "London"),
            category("X", Some("Nowhere"), "Location", "X"),
        ]))
        .unwrap_err();
    assert_eq!(
        e.messages(),
        [
            "Category ID 2 of 3 already exist",
            "Parent ID 3 of 3 does not exist"
        ]
    );
    assert_eq!(
        level(&c, Some("Location")),
        own(&[("UK", "United Kingdom", 2)])
    );
    let e = c
        .get_categories(&CategoriesRequest::new().parent_category_id("Nowhere"))
        .unwrap_err();
    assert_eq!(e.messages(), ["Category ID does not exist"]);

    // Request-only rules are refused before anything is sent.
    let before = sb.stats().requests;
    let e = c
        .get_categories(&CategoriesRequest::new().req_fields(["chc"]))
        .unwrap_err();
    assert_eq!(
        e.messages(),
        ["Child Count not allow to be alone in the Required Fields"]
    );
    let e = c
        .get_category_id(&CategoryIdRequest::new().value("London"))
        .unwrap_err();
    assert_eq!(e.messages(), ["Label Empty"]);
    let e = c
        .delete_categories(&IdsRequest::new(Vec::<String>::new()))
        .unwrap_err();
    assert_eq!(e.messages(), ["Category IDs Empty"]);
    assert_eq!(sb.stats().requests, before);

    // Removed with what is under it; a category the account lacks refuses the whole request.
    let e = c
        .delete_categories(&IdsRequest::new(["Location;UK", "Type;UK", "Location;"]))
        .unwrap_err();
    assert_eq!(
        e.messages(),
        [
            "Category ID 2 of 3 does not exist",
            "Category ID 3 of 3 Empty"
        ]
    );
    assert_eq!(level(&c, Some("UK")).len(), 2);
    c.delete_categories(&IdsRequest::new(["Location;UK"]))
        .unwrap();
    assert_eq!(level(&c, Some("Location")), own(&[]));
    let gone = c
        .get_category_id(&CategoryIdRequest::new().label("Location").value("London"))
        .unwrap();
    assert!(gone.results.is_empty());
    assert_eq!(
        level(&c, None),
        own(&[("Location", "Location", 0), ("Type", "Type", 1)])
    );
    // A repeat answers as IOVOX would: it is gone.
    let e = c
        .delete_categories(&IdsRequest::new(["Location;UK"]))
        .unwrap_err();
    assert_eq!(e.messages(), ["Category ID 1 of 1 does not exist"]);
}

/// Categories on links: an existing one attached by its ID, a new one made under its
/// parent on the way, both taken off by ID and label; IOVOX's words for a link or a
/// combination that is not there; the remove's page rules before sending.
#[test]
fn categories_go_on_and_off_links() {
    let (sb, c) = start();
    c.create_categories(&records(vec![
        category("100", None, "Location", "Location"),
        category("101", Some("100"), "Location", "London"),
    ]))
    .unwrap();
    c.attach_category_to_link(
        &Records::new()
            .record([("link_id", "333"), ("category_id", "101")])
            .record([
                ("link_id", "333"),
                ("category_id", "102"),
                ("parent_category_id", "100"),
                ("value", "Leeds"),
            ]),
    )
    .unwrap();
    let link = sb
        .state()
        .links
        .iter()
        .find(|l| l.link_id == "333")
        .cloned()
        .unwrap();
    let on: Vec<_> = link
        .categories
        .iter()
        .map(|c| c["value"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(on, ["London", "Leeds"]);
    assert_eq!(
        level(&c, Some("100")).len(),
        2,
        "Leeds was made under Location"
    );

    let before = sb.stats().requests;
    let e = c
        .remove_category_from_link(&Records::new().record([
            ("link_id", "333"),
            ("category_id", "x"),
            ("label", "Location"),
        ]))
        .unwrap_err();
    assert_eq!(e.messages(), ["Category ID 1 of 1 not an integer"]);
    assert_eq!(sb.stats().requests, before);

    let e = c
        .remove_category_from_link(
            &Records::new()
                .record([
                    ("link_id", "333"),
                    ("category_id", "101"),
                    ("label", "Type"),
                ])
                .record([
                    ("link_id", "nowhere"),
                    ("category_id", "101"),
                    ("label", "Location"),
                ]),
        )
        .unwrap_err();
    assert_eq!(
        e.messages(),
        [
            "Category ID/Label Combination 1 of 2 does not exist",
            "Link ID 2 of 2 does not exist"
        ]
    );
    c.remove_category_from_link(
        &Records::new()
            .record([
                ("link_id", "333"),
                ("category_id", "101"),
                ("label", "Location"),
            ])
            .record([
                ("link_id", "333"),
                ("category_id", "102"),
                ("label", "Location"),
            ]),
    )
    .unwrap();
    let link = sb
        .state()
        .links
        .iter()
        .find(|l| l.link_id == "333")
        .cloned()
        .unwrap();
    assert!(link.categories.is_empty());
}

#[test]
fn labels_are_configured_and_their_configurations_deleted() {
    let (sb, c) = start();
    let location = [("category_id", "Location"), ("label", "Location")];
    c.create_category_configurations(&Records::new().record(location).record([
        ("category_id", "Quarantine Date"),
        ("label", "Quarantine Date"),
        ("type", "Quarantine_Date"),
        ("colour", "#FF0000"),
    ]))
    .unwrap();
    let kept: Vec<_> = (sb.state().category_configurations.iter())
        .map(|c| (c["category_id"].clone(), c["type"].clone()))
        .collect();
    assert_eq!(
        kept,
        [
            ("Location".into(), "Tree".into()),
            ("Quarantine Date".into(), "Quarantine_Date".into())
        ],
        "a label without a type is a tree, as IOVOX defaults it"
    );

    // The type is checked before sending, with the rest of the page's table.
    let before = sb.stats().requests;
    let bad = Records::new()
        .record([("category_id", "Due"), ("label", "Due"), ("type", "Date")])
        .record([("category_id", ""), ("label", "Other")]);
    let e = c.create_category_configurations(&bad).unwrap_err();
    assert_eq!(
        e.messages(),
        ["Type 1 of 2 invalid", "Category ID 2 of 2 Empty"]
    );
    assert_eq!(sb.stats().requests, before);

    // What only the account knows comes back from it, every message, nothing made.
    let again = Records::new()
        .record([("category_id", "New"), ("label", "Fresh")])
        .record([("category_id", "Location"), ("label", "Location")]);
    let e = c.create_category_configurations(&again).unwrap_err();
    assert_eq!(
        e.messages(),
        ["Category ID 2 of 2 exists", "Label 2 of 2 exists"]
    );
    assert_eq!(sb.state().category_configurations.len(), 2);

    let e = c
        .delete_category_configurations(&IdsRequest::new(["Location", "Nowhere"]))
        .unwrap_err();
    assert_eq!(e.messages(), ["Category ID 2 of 2 does not exist"]);
    assert_eq!(sb.state().category_configurations.len(), 2);
    c.delete_category_configurations(&IdsRequest::new(["Location"]))
        .unwrap();
    let left: Vec<_> = (sb.state().category_configurations.iter())
        .map(|c| c["label"].clone())
        .collect();
    assert_eq!(left, ["Quarantine Date"]);
}
