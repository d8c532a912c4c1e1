//! Rule templates: the calling rules a link follows (a whisper, a menu, a call put through
//! to a contact), picked from the account's templates and filled in with the link's own
//! values (its variable rules); SMS templates likewise. Listed by getRuleTemplates, their
//! variable rules read by getVariableRulesOfTemplate, attached to links by
//! attachRuleTemplateToLinks and attachSMSTemplateToLinks, taken off by
//! removeRuleTemplateFromLinks and removeSMSTemplateFromLinks.
//!
//! What the pages state and how sure we are of each fact: `docs/decisions.md` 47. In
//! short: every element and argument is IOVOX's pages; checked before sending are
//! getRuleTemplates' messages and removeSMSTemplateFromLinks' (its page is whole); the
//! attaches' error tables are cut in our copies and the PHP client's copies name only
//! "Request Empty", so their bodies are sent as given.

use crate::check::{owned_text, xml_text, Given, Report, WHOLE_REQUEST};
use crate::error::{ErrorCode as C, Position, ValidationErrors};
use crate::list::{self, word_enum};
use crate::model::{Answer, Argument, ArgumentKind as K, Confidence, Known, RequestShape, Spec};
use crate::tree::{prepare_tree, read_tree, Element, Shape as S};
use crate::vocab::{Method, Prepared, Retry, Route, Verb};
use crate::wire;
use serde_json::Value;

const SOUND_FILES: S = S::Texts(&["sound_files", "sound_file"]);

/// A rule's own `<sound_files>` (the element is the list).
const OWN_SOUND_FILES: S = S::Texts(&["sound_file"]);

/// A contact a variable rule puts calls through to (page example).
const RULE_CONTACT: &[Element] = &[
    Element::optional("contact_id", S::Text),
    Element::optional("phone_number", S::Text),
];

/// A variable rule of a template, as the attaches send it and getVariableRulesOfTemplate
/// answers it (pages' examples; the PHP client's rule payload names the messages).
pub const VARIABLE_RULE: &[Element] = &[
    Element::optional("rule_id", S::Text),
    Element::optional("rule_type", S::Text),
    Element::optional("rule_label", S::Text),
    Element::optional("sound_files", OWN_SOUND_FILES),
    Element::optional(
        "play",
        S::Group(&[Element::optional("sound_files", OWN_SOUND_FILES)]),
    ),
    Element::optional("contact", S::Group(RULE_CONTACT)),
    Element::optional("caller_message", SOUND_FILES),
    Element::optional("called_message", SOUND_FILES),
    Element::optional("voicemail_message", SOUND_FILES),
    Element::optional("completed_message", SOUND_FILES),
    Element::optional("failure_message", SOUND_FILES),
    Element::optional("no_key_messages", SOUND_FILES),
    Element::optional("unmatched_messages", SOUND_FILES),
    Element::optional("send_call_alert", S::Text),
    Element::optional("record_call", S::Text),
];

/// attachRuleTemplateToLinks' and attachSMSTemplateToLinks' `<request>` (pages).
pub const ATTACH_TEMPLATE: &[Element] = &[
    Element::required("template_name", S::Text),
    Element::required("overwrite_existing", S::Text),
    Element::required("link_ids", S::Texts(&["link_id"])),
    Element::optional("rules_variable", S::List("rule", VARIABLE_RULE)),
];

/// getVariableRulesOfTemplate's answer (page example).
pub const VARIABLE_RULES: &[Element] =
    &[Element::optional("rules", S::List("rule", VARIABLE_RULE))];

/// A method that attaches a template to links: a tree whose elements are `<request>`'s.
macro_rules! attach_template {
    ($(#[$doc:meta])* $name:ident, $method:literal, $confidence:ident, $example:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy)]
        pub struct $name;

        impl Method for $name {
            const SPEC: Spec = Spec {
                route: Route { interface: "Links", name: $method, verb: Verb::Put },
                retry: Retry::NotAfterSent,
                area: "AccountSetup",
                request: RequestShape::Body,
                arguments: &[
                    Argument::required("template_name", K::Text),
                    Argument::required("overwrite_existing", K::Flag),
                    Argument::required("link_ids", K::List),
                    Argument::optional("rules_variable", K::List),
                ],
                answer: Answer::Nothing,
                paged: Known::Yes(false),
                success: Some(204),
                confidence: Confidence::$confidence,
                typed: true,
                example: $example,
            };
            /// The request's elements, as a mapping ([`ATTACH_TEMPLATE`]).
            type Request = Value;
            type Wire = Value;
            type Output = ();

            fn prepare(request: &Value) -> Result<Prepared, ValidationErrors> {
                Self::prepare_wire(request)
            }

            fn prepare_wire(request: &Value) -> Result<Prepared, ValidationErrors> {
                Ok(Prepared {
                    query: Vec::new(),
                    body: prepare_tree(&["request"], ATTACH_TEMPLATE, request)?,
                    callback_url: None,
                })
            }

            /// No answer body is documented or read.
            fn decode(_: &[u8]) -> Result<(), crate::DecodeError> {
                Ok(())
            }
        }
    };
}

attach_template!(
    /// `attachRuleTemplateToLinks`: a rule template on links, with the values of its
    /// variable rules (getVariableRulesOfTemplate lists them). Not repeated once it may
    /// have been sent.
    ///
    /// ```
    /// use iovox_core::method::{AttachRuleTemplateToLinks, Method};
    /// let attach = serde_json::json!({"template_name": "Call Whisper Both", "overwrite_existing": true,
    ///     "link_ids": ["100", "130"],
    ///     "rules_variable": [{"rule_id": "3", "rule_type": "call", "contact": {"contact_id": "1"}}]});
    /// let body = AttachRuleTemplateToLinks::prepare(&attach).unwrap().body;
    /// assert!(body.ends_with("<request><template_name>Call Whisper Both</template_name>\
    /// <overwrite_existing>TRUE</overwrite_existing><link_ids><link_id>100</link_id><link_id>130</link_id></link_ids>\
    /// <rules_variable><rule><rule_id>3</rule_id><rule_type>call</rule_type><contact><contact_id>1</contact_id></contact></rule>\
    /// </rules_variable></request>"));
    /// ```
    AttachRuleTemplateToLinks, "attachRuleTemplateToLinks", PageAndClients,
    "{\"template_name\": \"Call Whisper Both\", \"overwrite_existing\": true, \"link_ids\": [\"333\"]}"
);

attach_template!(
    /// `attachSMSTemplateToLinks`: an SMS rule template on links, with its variable rules'
    /// values. Not repeated once it may have been sent.
    AttachSMSTemplateToLinks, "attachSMSTemplateToLinks", Page,
    "{\"template_name\": \"SMS\", \"overwrite_existing\": true, \"link_ids\": [\"333\"]}"
);

/// The links a template is taken off: `<request><link_ids><link_id>…`. Checked before
/// sending only where the page states it (`checked`): "Link IDs Empty", "Link ID x of y
/// Empty", "Duplicate Link ID Received".
fn prepare_link_ids(
    request: &wire::DetachRequest,
    checked: bool,
) -> Result<Prepared, ValidationErrors> {
    let mut r = Report::default();
    let total = request.link_ids.len();
    if checked && total == 0 {
        r.push(C::IdsEmpty, None, Some("link_ids"), "Link IDs Empty".into());
    }
    let mut ids = Vec::with_capacity(total);
    for (n, id) in request.link_ids.iter().enumerate() {
        let p = Position {
            index: n + 1,
            total,
        };
        let v: Given<'_> = (&id.0).into();
        if !xml_text(&mut r, p, "link_ids", v) {
            continue;
        }
        let id = owned_text(v).unwrap_or_default();
        if checked && id.is_empty() {
            r.push(
                C::Empty,
                Some(p),
                Some("link_ids"),
                format!("Link ID {p} Empty"),
            );
        }
        ids.push(id);
    }
    let duplicate = (1..ids.len()).any(|i| !ids[i].is_empty() && ids[..i].contains(&ids[i]));
    if checked && duplicate {
        let m = "Duplicate Link ID Received";
        r.push(C::DuplicateLinkId, None, Some("link_ids"), m.into());
    }
    r.finish(Some(()))?;
    let mut xml = String::from(crate::xml::DECLARATION);
    xml.push_str("<request><link_ids>");
    for id in &ids {
        xml.push_str("<link_id>");
        xml.push_str(&quick_xml::escape::partial_escape(id.as_str()));
        xml.push_str("</link_id>");
    }
    xml.push_str("</link_ids></request>");
    Ok(Prepared {
        query: Vec::new(),
        body: crate::xml::keep_carriage_returns(xml),
        callback_url: None,
    })
}

/// The link IDs of a remove's body as a server reads it (the sandbox); `None` when the body
/// is not `<request><link_ids><link_id>…`.
pub fn read_link_ids(body: &[u8]) -> Option<wire::DetachRequest> {
    let tree = read_tree(
        body,
        &[],
        &[Element::optional("link_ids", S::Texts(&["link_id"]))],
    )
    .ok()?;
    let ids = tree
        .get("link_ids")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    Some(wire::DetachRequest {
        link_ids: (ids.iter())
            .map(|v| wire::Entry(v.as_str().map(|s| wire::Given::Text(s.to_string()))))
            .collect(),
    })
}

/// A method that takes a template off links.
macro_rules! remove_template {
    ($(#[$doc:meta])* $name:ident, $method:literal, $checked:literal, $confidence:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy)]
        pub struct $name;

        impl Method for $name {
            const SPEC: Spec = Spec {
                route: Route { interface: "Links", name: $method, verb: Verb::Put },
                retry: Retry::SafeToRepeat,
                area: "AccountSetup",
                request: RequestShape::Body,
                arguments: &[Argument::required("link_ids", K::List)],
                answer: Answer::Nothing,
                paged: Known::Yes(false),
                success: Some(204),
                confidence: Confidence::$confidence,
                typed: true,
                example: "{\"link_ids\": [\"333\"]}",
            };
            type Request = crate::setup::IdsRequest;
            type Wire = wire::DetachRequest;
            type Output = ();

            fn prepare(request: &crate::setup::IdsRequest) -> Result<Prepared, ValidationErrors> {
                Self::prepare_wire(&request.to_wire())
            }

            fn prepare_wire(request: &wire::DetachRequest) -> Result<Prepared, ValidationErrors> {
                prepare_link_ids(request, $checked)
            }

            /// Success is "204 No Content".
            fn decode(_: &[u8]) -> Result<(), crate::DecodeError> {
                Ok(())
            }
        }
    };
}

remove_template!(
    /// `removeRuleTemplateFromLinks`: the rule template off links. Safe to repeat: a link
    /// without one stays without one (inferred). Its page is not in our copies and the PHP
    /// client's names only "Request Empty": the IDs are sent as given.
    RemoveRuleTemplateFromLinks, "removeRuleTemplateFromLinks", false, PageAndClients
);

remove_template!(
    /// `removeSMSTemplateFromLinks`: the SMS template off links. Safe to repeat. Checked
    /// before sending: "Link IDs Empty", "Link ID x of y Empty", "Duplicate Link ID
    /// Received" (page).
    ///
    /// ```
    /// use iovox_core::method::{Method, RemoveSMSTemplateFromLinks};
    /// let e = RemoveSMSTemplateFromLinks::prepare(&iovox_core::IdsRequest::new(["100", "", "100"])).unwrap_err();
    /// assert_eq!(e.messages(), ["Link ID 2 of 3 Empty", "Duplicate Link ID Received"]);
    /// ```
    RemoveSMSTemplateFromLinks, "removeSMSTemplateFromLinks", true, Page
);

word_enum! {
    /// Which rule templates getRuleTemplates lists.
    TemplateType {
        /// IOVOX's own.
        Default => "DEFAULT",
        /// The account's.
        Custom => "CUSTOM",
        /// Both (IOVOX's default).
        All => "ALL",
    }
}

word_enum! {
    /// getRuleTemplates' `advanced`: `YES` lists only advanced templates.
    Advanced {
        /// Only advanced templates.
        Yes => "YES",
        /// Any (inferred: the page names only YES).
        No => "NO",
    }
}

list::request! {
    /// A getRuleTemplates request: the account's rule templates and IOVOX's.
    ///
    /// ```
    /// use iovox_core::{RuleTemplatesRequest, TemplateType};
    /// let request = RuleTemplatesRequest::new().template_type(TemplateType::Custom).order("tna_ASC");
    /// assert!(request.validate().is_ok());
    /// let bad = RuleTemplatesRequest::new().req_fields(["tna", "x"]);
    /// assert_eq!(bad.validate().unwrap_err().messages(), ["Required Fields Invalid: x"]);
    /// ```
    RuleTemplatesRequest {
        /// The page (from 1; default 1).
        page: Option<u32> = list::PageNumber,
        /// Results per page (1 to 20,000).
        limit: Option<u32> = list::Limit(list::LIMIT_RANGE),
        /// Sort: an abbreviation of [`RULE_TEMPLATE_FIELDS`] with `_ASC` or `_DESC`
        /// (IOVOX's default `c_DESC`).
        order: Option<String> = list::Order(RULE_TEMPLATE_FIELDS),
        /// Only these fields of each result ([`RULE_TEMPLATE_FIELDS`]); every field when empty.
        req_fields: Vec<String> = list::Fields(RULE_TEMPLATE_FIELDS),
        /// Only the template with this name.
        template_name: Option<String> = list::Text,
        /// IOVOX's templates, the account's, or both (IOVOX's default).
        template_type: Option<TemplateType> = list::Word("Template Type"),
        /// `YES`: only advanced templates.
        advanced: Option<Advanced> = list::Word("Advanced"),
    }
    /// getRuleTemplates' arguments: every key its request may have (the bindings refuse any other).
    arguments: RULE_TEMPLATE_ARGUMENTS,
    /// A getRuleTemplates request from its arguments as given, with the messages.
    wire: validate_rule_templates,
}

list::record! {
    /// A rule template. Fields not asked for in `req_fields` are `None`.
    RuleTemplate {
        /// Its name: what attachRuleTemplateToLinks takes.
        template_name: String = "tna",
        /// Its notes.
        template_notes: String = "tno",
        /// `DEFAULT` (IOVOX's) or `CUSTOM` (the account's).
        template_type: String = "tt",
        /// When it was made (`YYYY-MM-DD HH:MM:SS`).
        created: String as DateTime = "c",
        /// Whether it is an advanced template (IOVOX's word, as sent).
        advanced: String = "a",
    }
    /// The `req_fields` abbreviations: name, notes, type, created, advanced.
    abbreviations: RULE_TEMPLATE_FIELDS,
}

list::list_method! {
    /// `getRuleTemplates`: reads only, safe to repeat.
    GetRuleTemplates: RuleTemplatesRequest => RuleTemplate,
    fields: |r| &r.req_fields,
    spec: Spec {
        route: Route {
            interface: "Rules",
            name: "getRuleTemplates",
            verb: Verb::Get,
        },
        retry: Retry::SafeToRepeat,
        area: "Calling",
        request: RequestShape::Query,
        arguments: &RuleTemplatesRequest::ARGUMENTS,
        answer: Answer::List(&RuleTemplate::RESULT),
        paged: Known::Yes(true),
        success: Some(200),
        confidence: Confidence::PageAndClients,
        typed: true,
        example: "{\"template_type\": \"ALL\", \"req_fields\": [\"tna\", \"tt\"]}",
    },
}

/// `getVariableRulesOfTemplate`: the variable rules of a template, with a link's values
/// when `link_id` is given. A read, safe to repeat. The arguments are sent as given: the
/// page states no message for a missing template name, a page or a limit.
///
/// ```
/// use iovox_core::method::{GetVariableRulesOfTemplate, Method};
/// let q = serde_json::json!({"template_name": "Call Whisper Both", "link_id": "333"});
/// let prepared = GetVariableRulesOfTemplate::prepare(&q).unwrap();
/// assert_eq!(prepared.query, [("template_name", "Call Whisper Both".to_string()), ("link_id", "333".to_string())]);
/// let answer = br#"<response><rules><rule><rule_id>1</rule_id><rule_type>play</rule_type>
///   <sound_files><sound_file>G|Welcome</sound_file></sound_files></rule></rules></response>"#;
/// let rules = GetVariableRulesOfTemplate::decode(answer).unwrap();
/// assert_eq!(rules["rules"][0]["sound_files"][0], "G|Welcome");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct GetVariableRulesOfTemplate;

const VARIABLE_RULE_ARGUMENTS: [&str; 4] = ["template_name", "link_id", "page", "limit"];

impl Method for GetVariableRulesOfTemplate {
    const SPEC: Spec = Spec {
        route: Route {
            interface: "Rules",
            name: "getVariableRulesOfTemplate",
            verb: Verb::Get,
        },
        retry: Retry::SafeToRepeat,
        area: "Calling",
        request: RequestShape::Query,
        arguments: &[
            Argument::required("template_name", K::Text),
            Argument::optional("link_id", K::Text),
            Argument::optional(
                "page",
                K::Integer {
                    min: 1,
                    max: u32::MAX as u64,
                },
            ),
            Argument::optional("limit", K::Integer { min: 1, max: 5_000 }),
        ],
        answer: Answer::Tree(VARIABLE_RULES),
        paged: Known::Yes(true),
        success: Some(200),
        confidence: Confidence::PageAndClients,
        typed: true,
        example: "{\"template_name\": \"Call Whisper Both\"}",
    };
    /// The arguments, as a mapping (`template_name`, `link_id`, `page`, `limit`).
    type Request = Value;
    type Wire = Value;
    type Output = Value;

    fn prepare(request: &Value) -> Result<Prepared, ValidationErrors> {
        Self::prepare_wire(request)
    }

    fn prepare_wire(request: &Value) -> Result<Prepared, ValidationErrors> {
        let mut r = Report::default();
        let mut query = Vec::new();
        for name in VARIABLE_RULE_ARGUMENTS {
            let v = crate::tree::given(request.get(name).unwrap_or(&Value::Null));
            if xml_text(&mut r, WHOLE_REQUEST, name, v) {
                query.extend(owned_text(v).map(|t| (name, t)));
            }
        }
        r.finish(Some(()))?;
        Ok(list::prepared(query))
    }

    /// The rules as a mapping (`rules`, a list); an empty answer is no rules.
    fn decode(body: &[u8]) -> Result<Value, crate::DecodeError> {
        if body.iter().all(u8::is_ascii_whitespace) {
            return Ok(serde_json::json!({ "rules": [] }));
        }
        read_tree(body, &[], VARIABLE_RULES)
    }
}
