//! What the sandbox knows: regions for sale with their stock, the account's VoxNumbers and
//! links, and a small postcode table. Loaded from JSON or built in code.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The whole state of a sandbox account. `State::default()` is the built-in one that
/// `docs/sandbox.md` documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct State {
    /// What can be bought.
    pub regions: Vec<Region>,
    /// The numbers already in the account.
    #[serde(default)]
    pub voxnumbers: Vec<AccountNumber>,
    /// The links of the account. A state file may list each as its ID alone (the older
    /// form) or as an object with its name, type and node.
    #[serde(default)]
    pub links: Links,
    /// Outcodes known to BY POSTCODE.
    #[serde(default)]
    pub postcodes: Vec<Outcode>,
    /// Nodes made by createNodes. A node also exists while a link names it (the older
    /// state files have links only); `#[serde(default)]` keeps those loading.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nodes: Vec<NodeInfo>,
    /// Calls the account's numbers received (`Sandbox::simulate_call`), oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub calls: Vec<CallRecord>,
    /// Categories made by createCategories, in the order made.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<CategoryInfo>,
    /// Sound files made by createSoundFiles, in the order made.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sound_files: Vec<StoredSoundFile>,
    /// Calls placed by initiateCall, oldest first: what would have happened, for a test to
    /// read. Nothing rings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub initiated_calls: Vec<InitiatedCall>,
    /// Contacts made by createContacts, in the order made.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<ContactInfo>,
    /// The rule templates links can follow: IOVOX's (`DEFAULT`, in every account) and the
    /// account's (`CUSTOM`, made in IOVOX's portal, not through the API). A state file
    /// without them has IOVOX's.
    #[serde(default = "default_rule_templates")]
    pub rule_templates: Vec<RuleTemplateInfo>,
    /// The SMS rule templates links can follow (a state file without them has IOVOX's).
    #[serde(default = "default_sms_templates")]
    pub sms_templates: Vec<RuleTemplateInfo>,
    /// Blocked numbers made by createBlockedNumbers, each a mapping of its elements
    /// (`number`, `in_or_out`, `operator`, `default`, `notes`, `rules`), in the order made.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub blocked_numbers: Vec<serde_json::Value>,
    /// Time templates made by createTimeTemplates, each a mapping (`label`, `notes`,
    /// `created`, `time_frames`), in the order made.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub time_templates: Vec<serde_json::Value>,
    /// Category configurations made by createCategoryConfigurations, each a mapping
    /// (`category_id`, `label`, `type`, `colour`), in the order made.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub category_configurations: Vec<serde_json::Value>,
}

/// A rule template (or an SMS one): its name, kind and variable rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleTemplateInfo {
    /// Its name.
    pub template_name: String,
    /// Its notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template_notes: Option<String>,
    /// `DEFAULT` (IOVOX's) or `CUSTOM` (the account's).
    #[serde(default = "default_template_type")]
    pub template_type: String,
    /// Whether it is an advanced template.
    #[serde(default)]
    pub advanced: bool,
    /// When it was made.
    #[serde(default = "default_created")]
    pub created: String,
    /// Its variable rules, each a mapping (what getVariableRulesOfTemplate answers).
    #[serde(default)]
    pub rules: Vec<serde_json::Value>,
    /// For a call flow (createCallFlow): its rules as Callflow elements, each a mapping
    /// (`element`, attributes, `children`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flow: Option<Vec<serde_json::Value>>,
}

fn default_template_type() -> String {
    "DEFAULT".into()
}

fn default_created() -> String {
    "2012-01-01 00:00:00".into()
}

/// IOVOX's rule templates as the sandbox has them: the page's example template, and one
/// that puts a call through.
pub fn default_rule_templates() -> Vec<RuleTemplateInfo> {
    let template = |name: &str, rules: serde_json::Value| RuleTemplateInfo {
        template_name: name.into(),
        template_notes: None,
        template_type: default_template_type(),
        advanced: false,
        created: default_created(),
        rules: rules.as_array().cloned().unwrap_or_default(),
        flow: None,
    };
    vec![
        template(
            "Call Whisper Both",
            serde_json::json!([
                {"rule_id": "1", "rule_type": "play", "rule_label": "Welcome", "sound_files": []},
                {"rule_id": "3", "rule_type": "call", "rule_label": "Call", "contact": {}},
            ]),
        ),
        template(
            "Forward",
            serde_json::json!([{"rule_id": "1", "rule_type": "call", "rule_label": "Call", "contact": {}}]),
        ),
    ]
}

/// IOVOX's SMS rule template as the sandbox has it (the page's example).
pub fn default_sms_templates() -> Vec<RuleTemplateInfo> {
    vec![RuleTemplateInfo {
        template_name: "SMS".into(),
        template_notes: None,
        template_type: default_template_type(),
        advanced: false,
        created: default_created(),
        rules: vec![serde_json::json!(
            {"rule_id": "sendSms_1", "rule_type": "sendSms", "rule_label": "sendSms", "contact": {}}
        )],
        flow: None,
    }]
}

/// A contact of the account, made by createContacts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactInfo {
    /// Its ID, the caller's own.
    pub contact_id: String,
    /// Its details by element name (`display_name`, `business_phone`, …).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub details: BTreeMap<String, String>,
}

/// A call initiateCall placed, as the request asked for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InitiatedCall {
    /// The link whose calling rules it follows.
    pub link_id: String,
    /// Its call variables, in the order sent.
    pub call_variables: Vec<(String, String)>,
    /// When it was asked for (`YYYY-MM-DD HH:MM:SS`).
    pub requested: String,
}

/// A sound file of the account, made by createSoundFiles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoredSoundFile {
    /// IOVOX's ID for it (getSoundFiles' `sound_id`).
    pub sound_id: String,
    /// Its label, unique in its group.
    pub sound_label: String,
    /// Its group; empty for none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sound_group: String,
    /// The audio.
    pub audio: Vec<u8>,
    /// Its notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// When it was made (`YYYY-MM-DD HH:MM:SS`).
    pub created: String,
    /// When it last changed.
    pub updated: String,
}

/// A category of the account, made by createCategories.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryInfo {
    /// Its ID, the caller's own.
    pub category_id: String,
    /// Its label: the top category of its tree.
    pub label: String,
    /// Its value.
    pub value: String,
    /// The category it is under; `None` at the top of its label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_category_id: Option<String>,
}

/// A call a number of the account received, as the sandbox keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CallRecord {
    /// Its ID (getCallData's `id`, the key of its recording).
    pub id: String,
    /// The tracking number called.
    pub voxnumber: String,
    /// The caller's number, international digits.
    pub caller: String,
    /// When it started, "YYYY-MM-DD HH:MM:SS".
    pub start: String,
    /// How long it lasted, in seconds.
    pub duration_sec: u32,
    /// Whether it was answered (`ANSWERED`; otherwise `MISSED`).
    pub answered: bool,
    /// Whether it was recorded.
    pub recording: bool,
    /// The link the number was attached to when called, if any.
    #[serde(default)]
    pub link_id: Option<String>,
}

/// A node of the account, made by createNodes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NodeInfo {
    /// Its ID, the caller's own.
    pub node_id: String,
    /// Its name.
    pub node_name: String,
    /// Its type.
    pub node_type: String,
    /// Its date, as given (`YYYY-MM-DD[ HH:MM:SS]`), where given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub node_date: Option<String>,
}

/// A region for sale, as getVoxnumberRegions would list it, with its stock.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// IDD (44).
    pub country_code: u32,
    /// Area code (151).
    pub area_code: u32,
    /// NATIONAL, GEOGRAPHIC or TOLLFREE.
    pub number_type: String,
    /// Country name in upper case ("UNITED KINGDOM").
    pub country_name: String,
    /// City ("Liverpool"); BY AREA `fallback_city` stays within it.
    #[serde(default)]
    pub city_name: String,
    /// State or region ("NY"); BY AREA `fallback_region` stays within it.
    #[serde(default)]
    pub state_name: String,
    /// Outcodes a purchase by `post_code` maps to this region.
    #[serde(default)]
    pub postcodes: Vec<String>,
    /// Whether a purchase needs `additional_information`.
    #[serde(default)]
    pub require_purchase_info: bool,
    /// Numbers that can be bought right now.
    pub stock: u32,
}

/// A number in the account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccountNumber {
    /// Digits only.
    pub full_voxnumber: String,
    /// IDD.
    pub country_code: u32,
    /// Area code.
    pub area_code: u32,
    /// The link it is attached to; `None` when UNASSIGNED.
    #[serde(default)]
    pub link_id: Option<String>,
    /// When it was bought, "YYYY-MM-DD HH:MM:SS" (UTC); `None` for numbers of a state file
    /// that does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purchase_date: Option<String>,
    /// ON, NO RULES, ACTIVE or OFF; when not set, NO RULES for an attached number and OFF
    /// for a free one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call_status: Option<String>,
}

/// One link of the account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinkInfo {
    /// Its ID.
    pub link_id: String,
    /// Its name (default: `Link <id>`).
    #[serde(default)]
    pub link_name: Option<String>,
    /// Its type (default "Web").
    #[serde(default)]
    pub link_type: Option<String>,
    /// Its node (default "N1").
    #[serde(default)]
    pub node_id: Option<String>,
    /// The node's name (default "Main node").
    #[serde(default)]
    pub node_name: Option<String>,
    /// The node's type (default "Store").
    #[serde(default)]
    pub node_type: Option<String>,
    /// Its rule template, by name (createNodeFull).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule_template_name: Option<String>,
    /// Its variable rules as given to createNodeFull, each a mapping.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<serde_json::Value>,
    /// Its categories as given to createNodeFull (`category_id`, `value`), each a mapping.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<serde_json::Value>,
    /// Its SMS rule template, by name (attachSMSTemplateToLinks).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sms_template_name: Option<String>,
    /// Its SMS template's variable rules as given, each a mapping.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sms_rules: Vec<serde_json::Value>,
}

impl LinkInfo {
    /// A link with the defaults (node N1).
    pub fn new(link_id: impl Into<String>) -> Self {
        LinkInfo {
            link_id: link_id.into(),
            link_name: None,
            link_type: None,
            node_id: None,
            node_name: None,
            node_type: None,
            rule_template_name: None,
            rules: Vec::new(),
            categories: Vec::new(),
            sms_template_name: None,
            sms_rules: Vec::new(),
        }
    }

    /// Its name.
    pub fn name(&self) -> String {
        self.link_name
            .clone()
            .unwrap_or_else(|| format!("Link {}", self.link_id))
    }

    /// Its type.
    pub fn kind(&self) -> &str {
        self.link_type.as_deref().unwrap_or("Web")
    }

    /// Its node's ID.
    pub fn node(&self) -> &str {
        self.node_id.as_deref().unwrap_or("N1")
    }

    /// Its node's name.
    pub fn node_name(&self) -> &str {
        self.node_name.as_deref().unwrap_or("Main node")
    }

    /// Its node's type.
    pub fn node_type(&self) -> &str {
        self.node_type.as_deref().unwrap_or("Store")
    }
}

/// The account's links by ID, in ID order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Links(pub BTreeMap<String, LinkInfo>);

impl Links {
    /// Whether a link with this ID exists.
    pub fn contains(&self, id: &str) -> bool {
        self.0.contains_key(id)
    }

    /// Every link, in ID order.
    pub fn iter(&self) -> impl Iterator<Item = &LinkInfo> {
        self.0.values()
    }

    /// How many links there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<S: Into<String>> FromIterator<S> for Links {
    fn from_iter<I: IntoIterator<Item = S>>(ids: I) -> Self {
        Links(
            ids.into_iter()
                .map(|id| {
                    let id = id.into();
                    (id.clone(), LinkInfo::new(id))
                })
                .collect(),
        )
    }
}

impl Serialize for Links {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.values())
    }
}

impl<'de> Deserialize<'de> for Links {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Entry {
            Id(String),
            Link(Box<LinkInfo>),
        }
        let entries = Vec::<Entry>::deserialize(d)?;
        Ok(Links(
            entries
                .into_iter()
                .map(|e| match e {
                    Entry::Id(id) => (id.clone(), LinkInfo::new(id)),
                    Entry::Link(l) => (l.link_id.clone(), *l),
                })
                .collect(),
        ))
    }
}

/// One outcode of the postcode table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcode {
    /// First half of a postcode ("SW1A").
    pub outcode: String,
    /// Country name in upper case.
    pub country_name: String,
    /// IDD of the country.
    pub country_code: u32,
    /// Area code that covers it.
    pub area_code: u32,
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
}

impl State {
    /// Reads a state from JSON text.
    pub fn from_json(text: &str) -> Result<State, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// Numbers sold or in stock, counted per region plus the account: used by tests to
    /// prove nothing is lost or sold twice.
    pub fn total_numbers(&self) -> u64 {
        self.regions.iter().map(|r| u64::from(r.stock)).sum::<u64>() + self.voxnumbers.len() as u64
    }
}

#[allow(clippy::too_many_arguments)]
fn region(
    cc: u32,
    area: u32,
    number_type: &str,
    country: &str,
    city: &str,
    state: &str,
    postcodes: &[&str],
    info: bool,
    stock: u32,
) -> Region {
    Region {
        country_code: cc,
        area_code: area,
        number_type: number_type.into(),
        country_name: country.into(),
        city_name: city.into(),
        state_name: state.into(),
        postcodes: postcodes.iter().map(|s| s.to_string()).collect(),
        require_purchase_info: info,
        stock,
    }
}

fn number(full: &str, cc: u32, area: u32, link: Option<&str>) -> AccountNumber {
    AccountNumber {
        full_voxnumber: full.into(),
        country_code: cc,
        area_code: area,
        link_id: link.map(str::to_string),
        purchase_date: Some("2026-01-15 10:00:00".into()),
        call_status: None,
    }
}

fn outcode(code: &str, area: u32, lat: f64, lon: f64) -> Outcode {
    Outcode {
        outcode: code.into(),
        country_name: "UNITED KINGDOM".into(),
        country_code: 44,
        area_code: area,
        lat,
        lon,
    }
}

const UK: &str = "UNITED KINGDOM";
const US: &str = "UNITED STATES";

impl Default for State {
    /// The built-in account (see docs/sandbox.md).
    fn default() -> State {
        State {
            regions: vec![
                region(
                    44,
                    20,
                    "GEOGRAPHIC",
                    UK,
                    "London",
                    "",
                    &["SW1A", "W11", "EC1A"],
                    false,
                    10,
                ),
                region(
                    44,
                    151,
                    "GEOGRAPHIC",
                    UK,
                    "Liverpool",
                    "",
                    &["L1", "L2"],
                    false,
                    2,
                ),
                region(
                    44,
                    161,
                    "GEOGRAPHIC",
                    UK,
                    "Manchester",
                    "",
                    &["M1"],
                    false,
                    0,
                ),
                region(44, 845, "NATIONAL", UK, "", "", &[], false, 5),
                region(44, 800, "TOLLFREE", UK, "", "", &[], false, 5),
                region(
                    33,
                    1,
                    "GEOGRAPHIC",
                    "FRANCE",
                    "Paris",
                    "",
                    &["75001"],
                    true,
                    5,
                ),
                region(1, 212, "GEOGRAPHIC", US, "New York", "NY", &[], false, 3),
                region(1, 646, "GEOGRAPHIC", US, "New York", "NY", &[], false, 3),
                region(1, 914, "GEOGRAPHIC", US, "Yonkers", "NY", &[], false, 3),
                region(
                    1,
                    415,
                    "GEOGRAPHIC",
                    US,
                    "San Francisco",
                    "CA",
                    &[],
                    false,
                    3,
                ),
            ],
            voxnumbers: vec![
                number("4423012565866", 44, 20, None),
                number("442071234567", 44, 20, None),
                number("442071234568", 44, 20, Some("100")),
                number("441512100200", 44, 151, None),
                number("16465550100", 1, 646, None),
            ],
            links: [
                "100", "101", "102", "103", "104", "105", "333", "444", "555",
            ]
            .iter()
            .map(|s| s.to_string())
            .collect(),
            postcodes: vec![
                outcode("SW1A", 20, 51.501, -0.142),
                outcode("W11", 20, 51.513, -0.206),
                outcode("EC1A", 20, 51.518, -0.097),
                outcode("L1", 151, 53.405, -2.980),
                outcode("L2", 151, 53.408, -2.988),
                outcode("M1", 161, 53.480, -2.237),
                outcode("OX1", 1865, 51.752, -1.258),
            ],
            nodes: Vec::new(),
            categories: Vec::new(),
            sound_files: Vec::new(),
            initiated_calls: Vec::new(),
            contacts: Vec::new(),
            rule_templates: default_rule_templates(),
            sms_templates: default_sms_templates(),
            blocked_numbers: Vec::new(),
            time_templates: Vec::new(),
            category_configurations: Vec::new(),
            calls: Vec::new(),
        }
    }
}
