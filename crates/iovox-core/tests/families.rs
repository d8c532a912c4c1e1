//! The families typed this round, held by the core's own tests (mutation testing counts
//! only these): what a server reads from each body (sound files' audio, an initiateCall,
//! an updateContacts, a template's links, a call flow), and the request-only rules the
//! vectors do not reach from the wire form.

use iovox_core::method::{
    CreateCallFlow, CreateSoundFiles, DeleteCallFlows, DeleteContacts, GetCallFlow,
    GetSoundFileData, GetVariableRulesOfTemplate, InitiateCall, Method,
    RemoveRuleTemplateFromLinks, RemoveSMSTemplateFromLinks, UpdateContacts, UpdateSoundFiles,
};
use iovox_core::{
    read_contact_updates, read_flow, read_initiate_call, read_link_ids, ContactUpdates,
    DeleteCallFlowsRequest, DeleteContactsRequest, IdsRequest, InitiateCallRequest, Records,
    SoundFile, SoundFileKey, SoundFileUpdate, SoundFileUpdates, SoundFiles,
};
use serde_json::json;

fn text(e: &iovox_core::wire::Entry) -> Option<String> {
    e.0.as_ref()
        .and_then(|g| g.as_text())
        .map(|t| t.into_owned())
}

#[test]
fn an_update_of_contacts_reads_with_its_switches_whatever_the_layout() {
    let body = b"<?xml version=\"1.0\"?>\n<request>\n  <rm_rules>TRUE</rm_rules>\n  <contact>\n    <contact_id>Jo</contact_id>\n    <email></email>\n  </contact>\n  <contact><contact_id>Al</contact_id></contact>\n</request>\n";
    let (rm_rules, replace, contacts) = read_contact_updates(body).unwrap();
    assert_eq!(rm_rules.as_deref(), Some("TRUE"));
    assert_eq!(replace, None);
    assert_eq!(contacts.records.len(), 2);
    assert_eq!(
        text(&contacts.records[0]["contact_id"]).as_deref(),
        Some("Jo")
    );
    assert_eq!(
        contacts.records[0]["email"].0, None,
        "an empty element is none"
    );
    // Text outside an element, an element too deep, another root: not an update.
    for bad in [
        &b"<request>stray<contact><contact_id>Jo</contact_id></contact></request>"[..],
        b"<request><contact><contact_id><x>1</x></contact_id></contact></request>",
        b"<response><contact><contact_id>Jo</contact_id></contact></response>",
        b"<request><contact>",
    ] {
        assert!(
            read_contact_updates(bad).is_none(),
            "{}",
            String::from_utf8_lossy(bad)
        );
    }
}

#[test]
fn a_contacts_update_writes_only_the_switches_given() {
    let one = Records::new().record([("contact_id", "Jo")]);
    let body = UpdateContacts::prepare(&ContactUpdates::new(one.clone()).rm_rules(false))
        .unwrap()
        .body;
    assert!(
        body.contains("<request><rm_rules>FALSE</rm_rules><contact>"),
        "{body}"
    );
    assert!(!body.contains("replace_details"));
    let e = UpdateContacts::prepare_wire(&json!({"contacts": [], "rm_rules": [1]})).unwrap_err();
    assert_eq!(
        e.messages(),
        ["rm_rules must be TRUE or FALSE", "Request Empty"]
    );
    // `records` is read as `contacts` is (what a wire::Records serializes to).
    let wire = json!({"records": [{"contact_id": "Jo"}], "replace_details": "TRUE"});
    let body = UpdateContacts::prepare_wire(&wire).unwrap().body;
    assert!(body.contains("<replace_details>TRUE</replace_details><contact><contact_id>Jo"));
}

#[test]
fn a_contacts_delete_spells_both_switches_and_refuses_commas_in_the_typed_form_too() {
    let query = DeleteContacts::prepare(&DeleteContactsRequest::new(["Jo"]).rm_if_user(true))
        .unwrap()
        .query;
    assert_eq!(
        query,
        [
            ("contact_ids", "Jo".to_string()),
            ("rm_rules", "FALSE".to_string()),
            ("rm_if_user", "TRUE".to_string())
        ]
    );
    let e = DeleteContacts::prepare(&DeleteContactsRequest::new(["a,b"])).unwrap_err();
    assert_eq!(e[0].code, iovox_core::ErrorCode::IdHasComma);
    assert_eq!(e[0].position.map(|p| (p.index, p.total)), Some((1, 1)));
    let e = DeleteContactsRequest::new(Vec::<String>::new())
        .validate()
        .unwrap_err();
    assert_eq!(e.messages(), ["Contact IDs Empty"]);
}

#[test]
fn an_initiated_call_reads_back_as_sent() {
    let call = InitiateCallRequest::new("link & co")
        .variable("call_destination", "44,,1")
        .variable("_x.y-z", "2");
    let body = InitiateCall::prepare(&call).unwrap().body;
    let (link, variables) = read_initiate_call(body.as_bytes()).unwrap();
    assert_eq!(link, "link & co");
    assert_eq!(
        variables,
        [
            ("_x.y-z".to_string(), "2".to_string()),
            ("call_destination".to_string(), "44,,1".to_string())
        ]
    );
    let pretty = b"<request>\n  <link_id>333</link_id>\n  <call_variables>\n    <delay>30</delay>\n  </call_variables>\n</request>";
    assert_eq!(
        read_initiate_call(pretty).unwrap().1,
        [("delay".to_string(), "30".to_string())]
    );
    for bad in [
        &b"<request>text<link_id>1</link_id></request>"[..],
        b"<request><link_id><x/></link_id><call_variables><a><b/></a></call_variables></request>",
        b"<response><link_id>1</link_id></response>",
        b"<request><other>1</other></request>",
    ] {
        assert!(
            read_initiate_call(bad).is_none(),
            "{}",
            String::from_utf8_lossy(bad)
        );
    }
    // Names XML reserves or cannot begin with, and names it takes.
    for name in ["1st", "xml", "XmLx", "a b", "", "-a"] {
        let e = InitiateCall::prepare(&InitiateCallRequest::new("1").variable(name, "v"));
        assert!(e.is_err(), "{name:?}");
    }
    for name in ["x", "_x", "é1", "a.b-c_d", "xm"] {
        assert!(
            InitiateCall::prepare(&InitiateCallRequest::new("1").variable(name, "v")).is_ok(),
            "{name:?}"
        );
    }
    // No variables: no <call_variables> at all.
    let body = InitiateCall::prepare(&InitiateCallRequest::new("1"))
        .unwrap()
        .body;
    assert!(body.ends_with("<request><link_id>1</link_id></request>"));
}

#[test]
fn sound_files_write_their_audio_as_base64_and_check_duplicates_by_label_and_group() {
    let files = SoundFiles::new([
        SoundFile::new("A", vec![0u8, 255])
            .sound_group("G")
            .notes("n"),
        SoundFile::new("A", vec![1u8]),
    ]);
    let body = CreateSoundFiles::prepare(&files).unwrap().body;
    assert!(body.contains("<sound_file><sound_label>A</sound_label><sound_group>G</sound_group><sound_file>AP8=</sound_file><notes>n</notes></sound_file>"), "{body}");
    let same = SoundFiles::new([
        SoundFile::new("A", vec![1u8]).sound_group("G"),
        SoundFile::new(" A", vec![2u8]).sound_group("G "),
    ]);
    assert_eq!(
        CreateSoundFiles::prepare(&same).unwrap_err().messages(),
        ["Duplicate Sound File Received"]
    );
    // An update may leave the audio out; given, it may not be empty.
    let mut change = SoundFileUpdate::new("A");
    change.new_sound_group = Some("H".into());
    let body = UpdateSoundFiles::prepare(&SoundFileUpdates::new([change.clone()]))
        .unwrap()
        .body;
    assert!(
        body.contains(
            "<sound_label>A</sound_label><new_sound_group>H</new_sound_group></sound_file>"
        ),
        "{body}"
    );
    change.sound_file = Some(Vec::new());
    assert_eq!(
        UpdateSoundFiles::prepare(&SoundFileUpdates::new([change]))
            .unwrap_err()
            .messages(),
        ["Sound File 1 of 1 Empty"]
    );
    // The audio's key takes bytes only: the marker's base64 read back, bad base64 refused.
    let wire: iovox_core::wire::Records = serde_json::from_value(json!({"sound_files": [
        {"sound_label": "A", "sound_file": {"\u{0}bytes": "AP8="}},
        {"sound_label": "B", "sound_file": {"\u{0}bytes": "not base64!"}},
    ]}))
    .unwrap();
    assert_eq!(
        CreateSoundFiles::prepare_wire(&wire)
            .unwrap_err()
            .messages(),
        ["Sound File 2 of 2 must be bytes"]
    );
    let key = SoundFileKey::new("A");
    assert_eq!(
        GetSoundFileData::prepare(&key).unwrap().query,
        [("sound_label", "A".to_string())]
    );
    assert!(GetSoundFileData::decode(b"").is_err());
}

#[test]
fn a_templates_links_read_back_and_only_the_sms_remove_checks_them() {
    let ids = IdsRequest::new(["100", "100", ""]);
    let body = RemoveRuleTemplateFromLinks::prepare(&ids).unwrap().body;
    let read = read_link_ids(body.as_bytes()).unwrap();
    let got: Vec<_> = read.link_ids.iter().map(text).collect();
    assert_eq!(
        got,
        [
            Some("100".to_string()),
            Some("100".to_string()),
            Some(String::new())
        ]
    );
    assert_eq!(
        RemoveSMSTemplateFromLinks::prepare(&ids)
            .unwrap_err()
            .messages(),
        ["Link ID 3 of 3 Empty", "Duplicate Link ID Received"]
    );
    assert!(RemoveSMSTemplateFromLinks::prepare(&IdsRequest::new(["1", "2"])).is_ok());
    let q = GetVariableRulesOfTemplate::prepare(&json!({"template_name": "T", "page": 2})).unwrap();
    assert_eq!(
        q.query,
        [
            ("template_name", "T".to_string()),
            ("page", "2".to_string())
        ]
    );
    assert!(GetVariableRulesOfTemplate::prepare(&json!({"template_name": "a\u{1}"})).is_err());
    assert_eq!(
        GetVariableRulesOfTemplate::decode(b"  ").unwrap(),
        json!({"rules": []})
    );
}

#[test]
fn bytes_cross_serde_as_their_marker() {
    let v = iovox_core::wire::bytes_value(&[1, 2, 255]);
    assert_eq!(v, json!({"\u{0}bytes": "AQL/"}));
    let back: iovox_core::wire::Entry = serde_json::from_value(v).unwrap();
    assert_eq!(
        back.0,
        Some(iovox_core::wire::Given::Bytes(vec![1, 2, 255]))
    );
    assert_eq!(
        serde_json::to_value(&back).unwrap(),
        json!("AQL/"),
        "written as its base64"
    );
}

#[test]
fn the_typed_requests_reach_their_query() {
    let key = SoundFileKey::new("A").sound_group("G");
    assert_eq!(
        GetSoundFileData::prepare(&key).unwrap().query,
        [
            ("sound_label", "A".to_string()),
            ("sound_group", "G".to_string())
        ]
    );
    assert_eq!(
        GetCallFlow::prepare(&"Agent".to_string()).unwrap().query,
        [("call_flow", "Agent".to_string())]
    );
    assert!(GetCallFlow::prepare(&"a\u{1}".to_string()).is_err());
    let q =
        DeleteCallFlows::prepare(&DeleteCallFlowsRequest::new(["a", "b"]).detach_from_links(true))
            .unwrap()
            .query;
    assert_eq!(
        q,
        [
            ("call_flows", "a|b".to_string()),
            ("detach_from_links", "TRUE".to_string())
        ]
    );
    let q = DeleteContacts::prepare(&DeleteContactsRequest::new(["a"]).rm_rules(true))
        .unwrap()
        .query;
    assert_eq!(q[1], ("rm_rules", "TRUE".to_string()));
    let body = UpdateContacts::prepare(
        &ContactUpdates::new(Records::new().record([("contact_id", "Jo")])).replace_details(true),
    )
    .unwrap()
    .body;
    assert!(body.contains("<request><replace_details>TRUE</replace_details><contact>"));
}

#[test]
fn a_call_flows_names_are_xml_names() {
    let flow = |element: &str, attribute: &str| {
        let mut rule = serde_json::Map::new();
        rule.insert("element".into(), element.into());
        rule.insert("id".into(), "1".into());
        rule.insert("label".into(), "L".into());
        rule.insert(attribute.into(), "v".into());
        CreateCallFlow::prepare(&json!({"name": "F", "rules": [rule]}))
    };
    for ok in ["call", "_call", "c.a-l_l", "é"] {
        assert!(flow(ok, ok).is_ok(), "{ok:?}");
    }
    for bad in ["1call", "-call", ".x", "a b", "a<b", ""] {
        assert!(flow(bad, "x").is_err(), "element {bad:?}");
        assert!(flow("x", bad).is_err(), "attribute {bad:?}");
    }
}

#[test]
fn a_call_flow_reads_back_as_written() {
    let flow = json!({"name": "F & G", "notes": "n", "rules": [
        {"element": "call", "id": "1", "label": "Call", "record": true, "n": 3,
         "children": [{"element": "soundFile", "soundLabel": "<a>"}]},
        {"element": "play", "id": "2", "label": "P"},
    ]});
    let body = CreateCallFlow::prepare(&flow).unwrap().body;
    let back = read_flow(body.as_bytes()).unwrap();
    assert_eq!(back["name"], "F & G");
    assert_eq!(back["rules"][0]["record"], "true");
    assert_eq!(back["rules"][0]["n"], "3");
    assert_eq!(back["rules"][0]["children"][0]["soundLabel"], "<a>");
    assert_eq!(
        back["rules"][1],
        json!({"element": "play", "id": "2", "label": "P"})
    );
    // What a server answers to getCallFlow: the flow under <response>, read back the same.
    let answer = iovox_core::write_flow_answer(&back).unwrap();
    assert!(
        answer.contains("<response><callFlow name=\"F &amp; G\" notes=\"n\">"),
        "{answer}"
    );
    assert_eq!(
        GetCallFlow::decode(answer.as_bytes()).unwrap()["rules"],
        back["rules"]
    );
    assert_eq!(
        iovox_core::write_flow_answer(&json!({"name": "", "rules": []})),
        None
    );
    // An update's new name reads back as new_name.
    let renamed = iovox_core::method::UpdateCallFlow::prepare(
        &json!({"name": "F", "new_name": "G", "rules": [
        {"element": "play", "id": "2", "label": "P"}]}),
    )
    .unwrap()
    .body;
    assert_eq!(read_flow(renamed.as_bytes()).unwrap()["new_name"], "G");
    for bad in [
        &b"<response/>"[..],
        b"<response></response>",
        b"not xml <",
        b"<response><callFlow",
    ] {
        assert!(
            GetCallFlow::decode(bad).is_err(),
            "{}",
            String::from_utf8_lossy(bad)
        );
    }
    // What the mapping cannot carry.
    let e = CreateCallFlow::prepare(&json!({"name": "F", "rules": [
        {"element": "call", "id": "1", "label": "L", "children": "x"},
        {"id": "2", "label": "L"},
        5,
    ]}))
    .unwrap_err();
    assert_eq!(
        e.messages(),
        [
            "Rule ID Empty",
            "Rule Label Empty",
            "Call flow rule 1 of 3: children must be a list of elements",
            "Call flow rule 2 of 3: element \"\" is not a name XML can carry",
            "Call flow rule 3 of 3 must be a mapping with an element name",
        ]
    );
    let q = DeleteCallFlows::prepare(&DeleteCallFlowsRequest::new(["a"]))
        .unwrap()
        .query;
    assert_eq!(q[1], ("detach_from_links", "FALSE".to_string()));
}

#[test]
fn category_configurations_from_the_typed_requests() {
    use iovox_core::method::{CreateCategoryConfigurations, DeleteCategoryConfigurations};
    let made = CreateCategoryConfigurations::prepare(&Records::new().record([
        ("category_id", "Q"),
        ("label", "Quarantine"),
        ("type", "Quarantine_Date"),
    ]))
    .unwrap();
    assert!(made.body.contains(
        "<category><category_id>Q</category_id><label>Quarantine</label><type>Quarantine_Date</type></category>"
    ));
    let wrong = Records::new().record([("category_id", "Q"), ("label", "Q"), ("type", "Date")]);
    let e = CreateCategoryConfigurations::prepare(&wrong).unwrap_err();
    assert_eq!(e.messages(), ["Type 1 of 1 invalid"]);

    let gone = DeleteCategoryConfigurations::prepare(&IdsRequest::new(["Q", "R"])).unwrap();
    assert_eq!(gone.query, [("categories_ids", "Q,R".to_string())]);
    let e = DeleteCategoryConfigurations::prepare(&IdsRequest::new(["Q", ""])).unwrap_err();
    assert_eq!(e.messages(), ["Category ID 2 of 2 is empty"]);
}

#[test]
fn blocked_numbers_from_the_typed_requests() {
    use iovox_core::method::{DeleteBlockedNumbers, GetBlockedNumbers};
    use iovox_core::{BlockedNumbersRequest, InOrOut};
    let gone = DeleteBlockedNumbers::prepare(&IdsRequest::new(["44207;IN;EQUALS"])).unwrap();
    assert_eq!(
        gone.query,
        [("blocked_numbers", "44207;IN;EQUALS".to_string())]
    );
    assert!(DeleteBlockedNumbers::prepare(&IdsRequest::new(Vec::<String>::new())).is_err());
    let q = GetBlockedNumbers::prepare(&BlockedNumbersRequest::new().in_or_out(InOrOut::In))
        .unwrap()
        .query;
    assert_eq!(q, [("in_or_out", "IN".to_string())]);
    let bad = BlockedNumbersRequest::new().order("no_UP");
    assert_eq!(
        GetBlockedNumbers::prepare(&bad).unwrap_err().messages(),
        ["Order Direction Invalid"]
    );
}

#[test]
fn an_initiated_call_with_an_element_of_another_name_is_no_initiate_call() {
    let body = "<request><link_id>L1</link_id><other><a>1</a></other></request>";
    assert_eq!(read_initiate_call(body.as_bytes()), None);
}

#[test]
fn a_contacts_delete_reads_from_its_query_as_the_sandbox_gets_it() {
    let q = iovox_core::wire::Query::from_pairs([("contact_ids", "a,b"), ("rm_rules", "TRUE")]);
    let r = q.validate_delete_contacts().unwrap();
    assert_eq!(r.contact_ids, ["a", "b"]);
    assert!(r.rm_rules && !r.rm_if_user);
    let bad = iovox_core::wire::Query::from_pairs([("contact_ids", ""), ("rm_rules", "maybe")]);
    assert!(bad.validate_delete_contacts().is_err());
}

#[test]
fn time_templates_from_the_typed_requests() {
    use iovox_core::method::{DeleteTimeTemplates, GetTimeTemplates};
    use iovox_core::{DeleteTimeTemplatesRequest, TimeTemplatesRequest};
    let q = DeleteTimeTemplates::prepare(&DeleteTimeTemplatesRequest::new(["A", "B"]).force(true))
        .unwrap()
        .query;
    assert_eq!(
        q,
        [
            ("time_template_labels", "A,B".to_string()),
            ("force", "TRUE".to_string())
        ]
    );
    let bad = DeleteTimeTemplatesRequest::new(["a,b"]);
    assert!(DeleteTimeTemplates::prepare(&bad).is_err());
    let q = GetTimeTemplates::prepare(&TimeTemplatesRequest::new().limit(10u32))
        .unwrap()
        .query;
    assert_eq!(q, [("limit", "10".to_string())]);
    let bad = TimeTemplatesRequest::new().limit(5_001u32);
    assert_eq!(
        GetTimeTemplates::prepare(&bad).unwrap_err().messages(),
        ["Limit must be between 1 and 5000"]
    );
}

#[test]
fn items_straight_under_the_request_read_as_mappings() {
    use iovox_core::blocked::BLOCKED_NUMBER;
    let body =
        "<request><blocked_number><number>44207</number><in_or_out>IN</in_or_out></blocked_number>\
                <other/><blocked_number><number>44208</number></blocked_number></request>";
    let items =
        iovox_core::tree::read_items(body.as_bytes(), "blocked_number", BLOCKED_NUMBER).unwrap();
    assert_eq!(
        items,
        [
            json!({"number": "44207", "in_or_out": "IN"}),
            json!({"number": "44208"})
        ]
    );
    assert!(
        iovox_core::tree::read_items(b"<request><x", "blocked_number", BLOCKED_NUMBER).is_err()
    );
}
