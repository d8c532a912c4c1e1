//! Every typed method that is not a list, callable by name with its arguments as one
//! mapping (either case): what the bindings' generated methods and the command line call.
//! One entry in [`ACTIONS`] is all such a method needs for Python and Node to have it; the
//! list methods have theirs in `iovox_core::method::LISTS`.
//!
//! ```
//! use iovox_convert::{action_named, Case};
//! let delete = action_named("deleteVoxnumbersFromAccount").unwrap();
//! let args = serde_json::json!({ "fullVoxnumbers": ["441512100200"], "rmIfInUse": true });
//! let prepared = (delete.prepare)(args, Case::Camel).unwrap();
//! assert_eq!(prepared.query[0], ("full_voxnumbers", "441512100200".to_string()));
//! let refused = (delete.prepare)(serde_json::json!({ "fullVoxnumbers": "441512100200" }), Case::Camel);
//! assert_eq!(refused.unwrap_err().to_string(), "fullVoxnumbers must be a list, not a string");
//! ```

use crate::fields::snake;
use crate::ShapeError;
use iovox_core::blocked;
use iovox_core::categories;
use iovox_core::contacts;
use iovox_core::method::{
    AttachCategoryToLink, AttachRuleTemplateToLinks, AttachSMSTemplateToLinks,
    AttachVoxnumberToLink, CreateBlockedNumbers, CreateCallFlow, CreateCategories, CreateContacts,
    CreateLinks, CreateNodeFull, CreateNodes, CreateSoundFiles, DeleteBlockedNumbers,
    DeleteCallFlows, DeleteCategories, DeleteContacts, DeleteLinks, DeleteNodes, DeleteSoundFiles,
    DeleteVoxnumbersFromAccount, GetBlockedNumbers, GetCallFlow, GetCallRecording, GetNodeDetails,
    GetSoundFileData, GetVariableRulesOfTemplate, GetVoicemailRecording, InitiateCall, Method,
    Prepared, PurchaseVoxNumbers, RemoveCategoryFromLink, RemoveRuleTemplateFromLinks,
    RemoveSMSTemplateFromLinks, RemoveVoxnumberFromLink, SetCallStatus, UpdateBlockedNumbers,
    UpdateCallFlow, UpdateContacts, UpdateLinks, UpdateNodes, UpdateSoundFiles,
};
use iovox_core::method::{
    CreateCategoryConfigurations, CreateTimeTemplates, DeleteCategoryConfigurations,
    DeleteTimeTemplates, GetTimeTemplates, UpdateTimeTemplates,
};
use iovox_core::model::Spec;
use iovox_core::nested;
use iovox_core::setup;
use iovox_core::sound;
use iovox_core::templates;
use iovox_core::times;
use iovox_core::{DecodeError, Order, ValidationErrors};
use serde_json::{Map, Value};

/// What a success of an action answers.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Nothing (`204`).
    Nothing,
    /// An order (purchaseVoxNumbers).
    Order(Order),
    /// Bytes, as sent (a recording's audio).
    Bytes(Vec<u8>),
    /// A mapping read by the method's declared tree (createNodeFull's IDs,
    /// getNodeDetails' node): a dict in Python, an object in Node.
    Data(Value),
}

/// Why an action's arguments were not sent: their shape (a `TypeError` in Python and Node),
/// or the method's own request-only rules (a `ValidationError`, every message at once).
#[derive(Debug, Clone, thiserror::Error)]
pub enum Refusal {
    /// A value of the wrong shape.
    #[error(transparent)]
    Shape(#[from] ShapeError),
    /// The method's rules.
    #[error(transparent)]
    Invalid(#[from] ValidationErrors),
}

/// What a caller gives for one argument, for the signatures and types each language is
/// generated with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamKind {
    /// A list of mappings or typed objects of this record (`PurchaseItem`, `Link`).
    Entries(&'static str),
    /// A list of mappings of these elements (createNodes' nodes).
    Records(&'static iovox_core::RecordsBody),
    /// A list of IDs or numbers, each text or an integer.
    Ids,
    /// Addresses: one text with commas, or a list.
    Addresses,
    /// A text.
    Text,
    /// A whole number.
    Integer,
    /// A flag.
    Flag,
    /// A list of mappings, each of this tree (createNodeFull's links).
    Tree(&'static [iovox_core::tree::Element]),
    /// A mapping of names the caller chooses to texts or numbers (initiateCall's call
    /// variables): its keys are sent as written, in any language's case.
    Variables,
    /// A list of XML elements as mappings (a call flow's rules): `element`, attributes by
    /// IOVOX's names (sent as written, never re-cased), `children`.
    Elements,
}

impl ParamKind {
    /// Its name in the model's JSON (`entries`, `records`, `ids`, `addresses`, `text`,
    /// `integer`, `flag`, `tree`, `variables`, `elements`).
    pub fn as_str(self) -> &'static str {
        match self {
            ParamKind::Entries(_) => "entries",
            ParamKind::Records(_) => "records",
            ParamKind::Ids => "ids",
            ParamKind::Addresses => "addresses",
            ParamKind::Text => "text",
            ParamKind::Integer => "integer",
            ParamKind::Flag => "flag",
            ParamKind::Tree(_) => "tree",
            ParamKind::Variables => "variables",
            ParamKind::Elements => "elements",
        }
    }
}

/// One argument of an action as the caller names it (snake_case here; each language's
/// case in its own signatures).
#[derive(Debug, Clone, Copy)]
pub struct Param {
    /// Its name (`full_voxnumbers`).
    pub name: &'static str,
    /// Whether a call must give it (the required ones come first, positional in Python).
    pub required: bool,
    /// What it takes.
    pub kind: ParamKind,
    /// A line for the docs of every language.
    pub about: &'static str,
}

/// A typed method that is not a list, by name: its declaration, the arguments a caller
/// names, every check before sending, and its answer.
#[derive(Clone, Copy)]
pub struct Action {
    /// The method's declaration.
    pub spec: Spec,
    /// What the call does, in a line, for the docs of every language.
    pub about: &'static str,
    /// Its arguments, as a caller names them.
    pub params: &'static [Param],
    /// The arguments (a mapping) through their shape and the method's rules into what
    /// to send.
    pub prepare: fn(Value, crate::Case) -> Result<Prepared, Refusal>,
    /// A success's body into the answer.
    pub decode: fn(&[u8]) -> Result<Outcome, DecodeError>,
}

impl std::fmt::Debug for Action {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Action")
            .field("spec", &self.spec)
            .field("params", &self.params)
            .finish_non_exhaustive()
    }
}

const fn param(name: &'static str, kind: ParamKind, about: &'static str) -> Param {
    Param {
        name,
        required: true,
        kind,
        about,
    }
}

const fn optional(name: &'static str, kind: ParamKind, about: &'static str) -> Param {
    Param {
        name,
        required: false,
        kind,
        about,
    }
}

/// Every typed method that is not a list.
pub const ACTIONS: &[Action] = &[
    Action {
        spec: PurchaseVoxNumbers::SPEC,
        about: "Buys VoxNumbers. Every check the request alone allows is made first: a request \
                IOVOX would refuse is never sent. Never repeated once it may have arrived, unless \
                the client opts in (retry purchase after send). A callback URL without \
                `user:password@` is refused unless unauthenticated callbacks are allowed by name: \
                anyone could forge its callbacks.",
        params: &[
            param("items", ParamKind::Entries("PurchaseItem"), "What to buy: 1 to 250 numbers per item."),
            optional("callback_url", ParamKind::Text, "Where IOVOX POSTs order updates (at most 120 characters; `user:pass@` gives basic auth)."),
            optional("cc_list", ParamKind::Addresses, "Addresses IOVOX copies its order e-mails to."),
            optional("dynamic_quantity", ParamKind::Flag, "Buy only what is in stock, and consider the order complete."),
            optional("allow_unauthenticated_callbacks", ParamKind::Flag, "Send a `callback_url` without `user:pass@` all the same (refused otherwise: anyone who finds the endpoint could forge its callbacks). Never sent to IOVOX."),
        ],
        prepare: purchase,
        decode: order::<PurchaseVoxNumbers>,
    },
    Action {
        spec: AttachVoxnumberToLink::SPEC,
        about: "Attaches VoxNumbers to links: all of them, or none. Safe to repeat.",
        params: &[param("links", ParamKind::Entries("Link"), "Each link and how its number is chosen.")],
        prepare: attach,
        decode: nothing::<AttachVoxnumberToLink>,
    },
    Action {
        spec: RemoveVoxnumberFromLink::SPEC,
        about: "Detaches the VoxNumber of each link: the numbers go back to the account's pool, \
                unassigned. All of them, or none. Safe to repeat.",
        params: &[param("link_ids", ParamKind::Ids, "The links whose numbers to detach.")],
        prepare: detach,
        decode: nothing::<RemoveVoxnumberFromLink>,
    },
    Action {
        spec: DeleteVoxnumbersFromAccount::SPEC,
        about: "Gives numbers back to IOVOX for good: at most 100, all of them or none. \
                Never repeated once it may have arrived.",
        params: &[
            param("full_voxnumbers", ParamKind::Ids, "At most 100 numbers, international digits."),
            optional("rm_if_in_use", ParamKind::Flag, "Detach attached numbers first (without it, they are refused)."),
        ],
        prepare: delete,
        decode: nothing::<DeleteVoxnumbersFromAccount>,
    },
    Action {
        spec: SetCallStatus::SPEC,
        about: "Switches the calls of numbers attached to links: `ON` runs the link's rules, \
                `OFF` drops the calls. The numbers stay on their links. Safe to repeat.",
        params: &[
            param("call_status", ParamKind::Text, "`ON` or `OFF`."),
            param("voxnumbers", ParamKind::Ids, "The numbers, international digits, each attached to a link."),
        ],
        prepare: |args, case| {
            let mut map = crate::arguments_of(args, &["call_status", "voxnumbers"], "setCallStatus", case)?;
            let numbers = map
                .iter()
                .find(|(k, _)| snake(k) == "voxnumbers")
                .map(|(k, _)| k.clone())
                .and_then(|k| map.remove(&k))
                .unwrap_or(Value::Null);
            let ids = crate::ids(numbers, "voxnumbers", case)?;
            let status = map.into_iter().find(|(k, _)| snake(k) == "call_status").map(|(_, v)| v);
            let mut wire: iovox_core::wire::CallStatusRequest =
                serde_json::from_value(serde_json::json!({ "call_status": status }))
                    .map_err(|e| ShapeError(e.to_string()))?;
            wire.voxnumbers = ids.link_ids;
            Ok(SetCallStatus::prepare_wire(&wire)?)
        },
        decode: nothing::<SetCallStatus>,
    },
    Action {
        spec: CreateCategories::SPEC,
        about: "Creates categories, each with your own ID: at the top of a label, or under a \
                parent. All of them, or none. Never repeated once it may have arrived: a repeat \
                answers \"already exist\".",
        params: &[param("categories", ParamKind::Records(&categories::CATEGORY), "Each category: `category_id`, `label` (its tree: `Location`), `value` (`London`), and `parent_category_id` for one under another.")],
        prepare: |args, case| {
            let list = only(args, "categories", "createCategories", case)?;
            Ok(CreateCategories::prepare_wire(&crate::records(list, &categories::CATEGORY, case)?)?)
        },
        decode: nothing::<CreateCategories>,
    },
    Action {
        spec: DeleteCategories::SPEC,
        about: "Deletes categories with the categories under them. All of them, or none. Never \
                repeated once it may have arrived: a repeat answers \"does not exist\".",
        params: &[param("categories", ParamKind::Ids, "Each category as `label;category_id` (`Location;London`); none may hold a comma.")],
        prepare: |args, case| {
            let ids = only(args, "categories", "deleteCategories", case)?;
            Ok(DeleteCategories::prepare_wire(&crate::ids(ids, "categories", case)?)?)
        },
        decode: nothing::<DeleteCategories>,
    },
    Action {
        spec: CreateCategoryConfigurations::SPEC,
        about: "Configures labels (category trees): each its own ID, its type (`Tree`, \
                `Quarantine_Date` or `Deletion_Date`) and colour. All of them, or none. Never \
                repeated once it may have arrived: a repeat answers \"exists\".",
        params: &[param("categories", ParamKind::Records(&categories::CATEGORY_CONFIGURATION), "Each: `category_id`, `label`, and `type` (`Tree` if not given), `colour` (hexadecimal).")],
        prepare: |args, case| {
            let list = only(args, "categories", "createCategoryConfigurations", case)?;
            Ok(CreateCategoryConfigurations::prepare_wire(&crate::records(list, &categories::CATEGORY_CONFIGURATION, case)?)?)
        },
        decode: nothing::<CreateCategoryConfigurations>,
    },
    Action {
        spec: DeleteCategoryConfigurations::SPEC,
        about: "Deletes labels' configurations by their IDs. All of them, or none. Never \
                repeated once it may have arrived: a repeat answers \"does not exist\".",
        params: &[param("categories_ids", ParamKind::Ids, "The configurations' IDs; none may hold a comma.")],
        prepare: |args, case| {
            let ids = only(args, "categories_ids", "deleteCategoryConfigurations", case)?;
            Ok(DeleteCategoryConfigurations::prepare_wire(&crate::ids(ids, "categories_ids", case)?)?)
        },
        decode: nothing::<DeleteCategoryConfigurations>,
    },
    Action {
        spec: CreateNodes::SPEC,
        about: "Creates nodes (a shop, a property), each with your own ID. All of them, or \
                none. Never repeated once it may have arrived: a repeat answers \"already exists\".",
        params: &[param("nodes", ParamKind::Records(&setup::NODE), "Each node: `node_id`, `node_name`, `node_type`, and `node_date` (`YYYY-MM-DD[ HH:MM:SS]`) if not today.")],
        prepare: |args, case| {
            let list = only(args, "nodes", "createNodes", case)?;
            Ok(CreateNodes::prepare_wire(&crate::records(list, &setup::NODE, case)?)?)
        },
        decode: nothing::<CreateNodes>,
    },
    Action {
        spec: CreateLinks::SPEC,
        about: "Creates links under existing nodes, each with your own ID: what a number is \
                attached to. All of them, or none. Never repeated once it may have arrived: a \
                repeat answers \"already exists\".",
        params: &[param("links", ParamKind::Records(&setup::LINK), "Each link: `node_id`, `link_id`, `link_name`, `link_type`, and `link_date`, `click_to_call` if wanted.")],
        prepare: |args, case| {
            let list = only(args, "links", "createLinks", case)?;
            Ok(CreateLinks::prepare_wire(&crate::records(list, &setup::LINK, case)?)?)
        },
        decode: nothing::<CreateLinks>,
    },
    Action {
        spec: CreateNodeFull::SPEC,
        about: "Creates a node with its links in one call, each link with its number (chosen \
                as attach chooses it), categories and rules, each with your own ID. All of it, \
                or none. Never repeated once it may have arrived: a repeat answers \"already \
                exists\". Answers the node's ID and each link's.",
        params: &[
            param("node_id", ParamKind::Text, "The node's ID, your own."),
            param("node_name", ParamKind::Text, "Its name."),
            param("node_type", ParamKind::Text, "Its type, free text (`Property`, `Store`)."),
            param("links", ParamKind::Tree(nested::LINK), "Each link: `link_id`, `link_name`, `link_type`; `link_date`, `click_to_call`, `rule_template_name`, `rules_variable`, `assign_voxnumber` (as attach's link, without `link_id`), `categories` if wanted."),
            optional("node_date", ParamKind::Text, "`YYYY-MM-DD[ HH:MM:SS]`, if not today."),
        ],
        prepare: |args, case| {
            let names = iovox_core::tree::names(nested::NODE_FULL);
            let node = crate::tree(args, nested::NODE_FULL, "createNodeFull", &names, case)?;
            Ok(CreateNodeFull::prepare_wire(&node)?)
        },
        decode: |body| CreateNodeFull::decode(body).map(Outcome::Data),
    },
    Action {
        spec: GetNodeDetails::SPEC,
        about: "One node in depth: its links, each link's number, rule template, rules and \
                categories, as IOVOX holds them. Safe to repeat.",
        params: &[
            param("node_id", ParamKind::Text, "The node."),
            optional("link_id", ParamKind::Text, "Only this link of it."),
            optional("req_fields", ParamKind::Ids, "Only these fields (`nid`, `nn`, `nt`, `nd`, `lid`, `ln`, `lt`, `ld`, `vn`, `cid`, `cl`, `cv`)."),
            optional("order", ParamKind::Text, "Sort: an abbreviation with `_ASC` or `_DESC`."),
            optional("return_rule_name", ParamKind::Text, "`true` (IOVOX's default) or `false`."),
            optional("return_voxnumber", ParamKind::Text, "`true` or `false`."),
            optional("page", ParamKind::Integer, "The page (from 1)."),
            optional("limit", ParamKind::Integer, "Results per page (1 to 20,000)."),
        ],
        prepare: |args, case| {
            let spec = GetNodeDetails::SPEC;
            let query = crate::query(args, spec.arguments, spec.route.name, case)?;
            Ok(GetNodeDetails::prepare_wire(&query)?)
        },
        decode: |body| GetNodeDetails::decode(body).map(Outcome::Data),
    },
    Action {
        spec: UpdateNodes::SPEC,
        about: "Changes nodes: names, types, dates, or a new ID (`new_node_id`); what is left \
                out keeps its value. All of them, or none. Never repeated once it may have arrived.",
        params: &[param("nodes", ParamKind::Records(&setup::NODE_UPDATE), "Each node: `node_id`, and what changes: `new_node_id`, `node_name`, `node_type`, `node_date`.")],
        prepare: |args, case| {
            let list = only(args, "nodes", "updateNodes", case)?;
            Ok(UpdateNodes::prepare_wire(&crate::records(list, &setup::NODE_UPDATE, case)?)?)
        },
        decode: nothing::<UpdateNodes>,
    },
    Action {
        spec: UpdateLinks::SPEC,
        about: "Changes links: names, types, click-to-call, dates, or a new ID \
                (`new_link_id`); what is left out keeps its value. All of them, or none. Never \
                repeated once it may have arrived.",
        params: &[param("links", ParamKind::Records(&setup::LINK_UPDATE), "Each link: `link_id`, and what changes: `new_link_id`, `link_name`, `link_type`, `click_to_call`, `link_date`.")],
        prepare: |args, case| {
            let list = only(args, "links", "updateLinks", case)?;
            Ok(UpdateLinks::prepare_wire(&crate::records(list, &setup::LINK_UPDATE, case)?)?)
        },
        decode: nothing::<UpdateLinks>,
    },
    Action {
        spec: DeleteNodes::SPEC,
        about: "Deletes nodes with their links; their numbers stay in the account. All of them, \
                or none. Never repeated once it may have arrived: a repeat answers \"does not exist\".",
        params: &[param("node_ids", ParamKind::Ids, "The nodes to delete; an ID may not hold a comma.")],
        prepare: |args, case| {
            let ids = only(args, "node_ids", "deleteNodes", case)?;
            Ok(DeleteNodes::prepare_wire(&crate::ids(ids, "node_ids", case)?)?)
        },
        decode: nothing::<DeleteNodes>,
    },
    Action {
        spec: DeleteLinks::SPEC,
        about: "Deletes links; their numbers stay in the account, unassigned. All of them, or \
                none. Never repeated once it may have arrived: a repeat answers \"does not exist\".",
        params: &[param("link_ids", ParamKind::Ids, "The links to delete; an ID may not hold a comma.")],
        prepare: |args, case| {
            let ids = only(args, "link_ids", "deleteLinks", case)?;
            Ok(DeleteLinks::prepare_wire(&crate::ids(ids, "link_ids", case)?)?)
        },
        decode: nothing::<DeleteLinks>,
    },
    Action {
        spec: GetCallRecording::SPEC,
        about: "The audio of a recorded call (`has_recording` in getCallData), MP3 bytes as \
                IOVOX sends them. Safe to repeat.",
        params: &[param("id", ParamKind::Text, "The call's `id`, from getCallData.")],
        prepare: |args, case| {
            let spec = GetCallRecording::SPEC;
            let query = crate::query(args, spec.arguments, spec.route.name, case)?;
            Ok(GetCallRecording::prepare_wire(&query)?)
        },
        decode: |body| GetCallRecording::decode(body).map(Outcome::Bytes),
    },
    Action {
        spec: GetVoicemailRecording::SPEC,
        about: "The audio of the voicemail a caller left, MP3 bytes as IOVOX sends them. Safe \
                to repeat.",
        params: &[param("id", ParamKind::Text, "The call's `id`, from getCallData (inferred: the page reuses getCallRecording's words).")],
        prepare: |args, case| {
            let spec = GetVoicemailRecording::SPEC;
            let query = crate::query(args, spec.arguments, spec.route.name, case)?;
            Ok(GetVoicemailRecording::prepare_wire(&query)?)
        },
        decode: |body| GetVoicemailRecording::decode(body).map(Outcome::Bytes),
    },
    Action {
        spec: AttachRuleTemplateToLinks::SPEC,
        about: "Attaches a rule template to links, with the values of its variable rules \
                (getVariableRulesOfTemplate lists them). Never repeated once it may have arrived.",
        params: &[
            param("template_name", ParamKind::Text, "The rule template's name (getRuleTemplates lists them)."),
            param("overwrite_existing", ParamKind::Flag, "Replace a template a link already has; without it, such a link is refused."),
            param("link_ids", ParamKind::Ids, "The links."),
            optional("rules_variable", ParamKind::Tree(templates::VARIABLE_RULE), "Each variable rule's values: `rule_id`, `rule_type`, `rule_label`, and its `contact`, `sound_files` or messages."),
        ],
        prepare: |args, case| {
            let names = iovox_core::tree::names(templates::ATTACH_TEMPLATE);
            let tree = crate::tree(args, templates::ATTACH_TEMPLATE, "attachRuleTemplateToLinks", &names, case)?;
            Ok(AttachRuleTemplateToLinks::prepare_wire(&tree)?)
        },
        decode: nothing::<AttachRuleTemplateToLinks>,
    },
    Action {
        spec: AttachSMSTemplateToLinks::SPEC,
        about: "Attaches an SMS rule template to links, with the values of its variable rules. \
                Never repeated once it may have arrived.",
        params: &[
            param("template_name", ParamKind::Text, "The SMS rule template's name."),
            param("overwrite_existing", ParamKind::Flag, "Replace an SMS template a link already has; without it, such a link is refused."),
            param("link_ids", ParamKind::Ids, "The links."),
            optional("rules_variable", ParamKind::Tree(templates::VARIABLE_RULE), "Each variable rule's values (`rule_id`, `rule_type`, `rule_label`, `contact`)."),
        ],
        prepare: |args, case| {
            let names = iovox_core::tree::names(templates::ATTACH_TEMPLATE);
            let tree = crate::tree(args, templates::ATTACH_TEMPLATE, "attachSMSTemplateToLinks", &names, case)?;
            Ok(AttachSMSTemplateToLinks::prepare_wire(&tree)?)
        },
        decode: nothing::<AttachSMSTemplateToLinks>,
    },
    Action {
        spec: RemoveRuleTemplateFromLinks::SPEC,
        about: "Takes the rule template off links. Safe to repeat.",
        params: &[param("link_ids", ParamKind::Ids, "The links.")],
        prepare: |args, case| {
            let ids = only(args, "link_ids", "removeRuleTemplateFromLinks", case)?;
            Ok(RemoveRuleTemplateFromLinks::prepare_wire(&crate::ids(ids, "link_ids", case)?)?)
        },
        decode: nothing::<RemoveRuleTemplateFromLinks>,
    },
    Action {
        spec: RemoveSMSTemplateFromLinks::SPEC,
        about: "Takes the SMS template off links. Safe to repeat.",
        params: &[param("link_ids", ParamKind::Ids, "The links, each once.")],
        prepare: |args, case| {
            let ids = only(args, "link_ids", "removeSMSTemplateFromLinks", case)?;
            Ok(RemoveSMSTemplateFromLinks::prepare_wire(&crate::ids(ids, "link_ids", case)?)?)
        },
        decode: nothing::<RemoveSMSTemplateFromLinks>,
    },
    Action {
        spec: GetVariableRulesOfTemplate::SPEC,
        about: "The variable rules of a rule template (what attachRuleTemplateToLinks fills \
                in), with a link's values when `link_id` is given. Safe to repeat.",
        params: &[
            param("template_name", ParamKind::Text, "The rule template's name."),
            optional("link_id", ParamKind::Text, "A link the template is attached to: its values."),
            optional("page", ParamKind::Integer, "The page (from 1)."),
            optional("limit", ParamKind::Integer, "Results per page (1 to 5,000)."),
        ],
        prepare: |args, case| {
            let names = ["template_name", "link_id", "page", "limit"];
            let map = crate::arguments_of(args, &names, "getVariableRulesOfTemplate", case)?;
            for (k, v) in &map {
                if matches!(v, Value::Array(_) | Value::Object(_)) && crate::kind(v) != "a string" {
                    return Err(ShapeError(format!("{k} must be a text or a number, not {}", crate::kind(v))).into());
                }
            }
            let wire: Map<String, Value> = map.into_iter().map(|(k, v)| (snake(&k), v)).collect();
            Ok(GetVariableRulesOfTemplate::prepare_wire(&Value::Object(wire))?)
        },
        decode: |body| GetVariableRulesOfTemplate::decode(body).map(Outcome::Data),
    },
    Action {
        spec: CreateBlockedNumbers::SPEC,
        about: "Blocks (or lets through) numbers calling in or called out, by `EQUALS` or \
                `STARTSWITH`, with rules per link and time template. Never repeated once it may \
                have arrived.",
        params: &[param("blocked_numbers", ParamKind::Tree(blocked::BLOCKED_NUMBER), "Each: `number`, `in_or_out` (`IN`, `OUT`), `operator` (`EQUALS`, `STARTSWITH`), `default` (`BLOCK`, `ALLOW`), and `notes`, `rules` (each `link_ids`, `time_template`, `blocking_type`).")],
        prepare: |args, case| {
            let tree = crate::tree(args, blocked::BLOCKED_NUMBERS, "createBlockedNumbers", &["blocked_numbers"], case)?;
            Ok(CreateBlockedNumbers::prepare_wire(&tree)?)
        },
        decode: nothing::<CreateBlockedNumbers>,
    },
    Action {
        spec: UpdateBlockedNumbers::SPEC,
        about: "Changes blocked numbers, each found by its number, direction and operator: \
                `new_number`, `new_in_or_out`, `new_operator`, `default`, notes or rules. Never \
                repeated once it may have arrived.",
        params: &[param("blocked_numbers", ParamKind::Tree(blocked::BLOCKED_NUMBER_UPDATE), "Each: `number`, `in_or_out`, `operator`, and what changes; `if_exists`: `OVERWRITE` to replace one the new combination names.")],
        prepare: |args, case| {
            let tree = crate::tree(args, blocked::BLOCKED_NUMBER_UPDATES, "updateBlockedNumbers", &["blocked_numbers"], case)?;
            Ok(UpdateBlockedNumbers::prepare_wire(&tree)?)
        },
        decode: nothing::<UpdateBlockedNumbers>,
    },
    Action {
        spec: DeleteBlockedNumbers::SPEC,
        about: "Deletes blocked numbers. Never repeated once it may have arrived.",
        params: &[param("blocked_numbers", ParamKind::Ids, "Each as `number;in_or_out;operator` (`44207;IN;STARTSWITH`).")],
        prepare: |args, case| {
            let ids = only(args, "blocked_numbers", "deleteBlockedNumbers", case)?;
            Ok(DeleteBlockedNumbers::prepare_wire(&crate::ids(ids, "blocked_numbers", case)?)?)
        },
        decode: nothing::<DeleteBlockedNumbers>,
    },
    Action {
        spec: GetBlockedNumbers::SPEC,
        about: "The blocked numbers, with their rules: a page as a mapping (`results`, \
                `current_page`, `total_pages`, `total_results`). Safe to repeat.",
        params: &[
            optional("number", ParamKind::Text, "Only this number."),
            optional("operator", ParamKind::Text, "`EQUALS` or `STARTSWITH`."),
            optional("in_or_out", ParamKind::Text, "`IN` or `OUT`."),
            optional("req_fields", ParamKind::Ids, "Only these fields (`no`, `op`, `ioo`, `nn`, `rules`)."),
            optional("order", ParamKind::Text, "Sort: an abbreviation with `_ASC` or `_DESC`."),
            optional("page", ParamKind::Integer, "The page (from 1)."),
            optional("limit", ParamKind::Integer, "Results per page (1 to 20,000)."),
        ],
        prepare: |args, case| {
            let spec = GetBlockedNumbers::SPEC;
            let query = crate::query(args, spec.arguments, spec.route.name, case)?;
            Ok(GetBlockedNumbers::prepare_wire(&query)?)
        },
        decode: |body| GetBlockedNumbers::decode(body).map(Outcome::Data),
    },
    Action {
        spec: CreateTimeTemplates::SPEC,
        about: "Creates time templates, each a label and its time frames (dates, `recurrence`, \
                hours, days). Never repeated once it may have arrived.",
        params: &[param("time_templates", ParamKind::Tree(times::TIME_TEMPLATE), "Each: `label`, `time_frames` (each `date_from`, `date_to`, `recurrence`: `YEARLY`, `MONTHLY`, `NONE`, `time_from`, `time_to`, `days`: `MON` … `SUN`), `notes`.")],
        prepare: |args, case| {
            let tree = crate::tree(args, times::TIME_TEMPLATES, "createTimeTemplates", &["time_templates"], case)?;
            Ok(CreateTimeTemplates::prepare_wire(&tree)?)
        },
        decode: nothing::<CreateTimeTemplates>,
    },
    Action {
        spec: UpdateTimeTemplates::SPEC,
        about: "Changes time templates: their time frames, or a label (`new_label`). Never \
                repeated once it may have arrived.",
        params: &[param("time_templates", ParamKind::Tree(times::TIME_TEMPLATE_UPDATE), "Each: `label`, `time_frames`, and `new_label`, `notes` if they change.")],
        prepare: |args, case| {
            let tree = crate::tree(args, times::TIME_TEMPLATE_UPDATES, "updateTimeTemplates", &["time_templates"], case)?;
            Ok(UpdateTimeTemplates::prepare_wire(&tree)?)
        },
        decode: nothing::<UpdateTimeTemplates>,
    },
    Action {
        spec: DeleteTimeTemplates::SPEC,
        about: "Deletes time templates by label. Never repeated once it may have arrived.",
        params: &[
            param("time_template_labels", ParamKind::Ids, "The labels; none may hold a comma."),
            optional("force", ParamKind::Flag, "Take them out of the blocking rules that use them; without it, such a template is refused."),
        ],
        prepare: |args, case| {
            let names = ["time_template_labels", "force"];
            let mut map = crate::arguments_of(args, &names, "deleteTimeTemplates", case)?;
            let labels = map
                .iter()
                .find(|(k, _)| snake(k) == "time_template_labels")
                .map(|(k, _)| k.clone())
                .and_then(|k| map.remove(&k))
                .unwrap_or(Value::Null);
            let labels = crate::ids(labels, "time_template_labels", case)?;
            let rest: Map<String, Value> = map.into_iter().map(|(k, v)| (snake(&k), v)).collect();
            let mut wire: iovox_core::DeleteTimeTemplatesWire = serde_json::from_value(Value::Object(rest))
                .map_err(|e| ShapeError(e.to_string()))?;
            wire.time_template_labels = labels.link_ids;
            Ok(DeleteTimeTemplates::prepare_wire(&wire)?)
        },
        decode: nothing::<DeleteTimeTemplates>,
    },
    Action {
        spec: GetTimeTemplates::SPEC,
        about: "The time templates with their time frames: a page as a mapping (`results`, \
                `current_page`, `total_pages`, `total_results`). Safe to repeat.",
        params: &[
            optional("time_template_label", ParamKind::Text, "Only this template."),
            optional("req_fields", ParamKind::Ids, "Only these fields (`l`, `n`, `tf`, `c`)."),
            optional("order", ParamKind::Text, "Sort: an abbreviation with `_ASC` or `_DESC`."),
            optional("page", ParamKind::Integer, "The page (from 1)."),
            optional("limit", ParamKind::Integer, "Results per page (1 to 5,000)."),
        ],
        prepare: |args, case| {
            let spec = GetTimeTemplates::SPEC;
            let query = crate::query(args, spec.arguments, spec.route.name, case)?;
            Ok(GetTimeTemplates::prepare_wire(&query)?)
        },
        decode: |body| GetTimeTemplates::decode(body).map(Outcome::Data),
    },
    Action {
        spec: AttachCategoryToLink::SPEC,
        about: "Puts categories on links, one per entry; a category that does not exist yet is \
                made under `parent_category_id` with `value`. All of them, or none. Never \
                repeated once it may have arrived.",
        params: &[param("links", ParamKind::Records(&categories::LINK_CATEGORY), "Each: `link_id`, `category_id`, and `parent_category_id`, `value` to make a new category.")],
        prepare: |args, case| {
            let list = only(args, "links", "attachCategoryToLink", case)?;
            Ok(AttachCategoryToLink::prepare_wire(&crate::records(list, &categories::LINK_CATEGORY, case)?)?)
        },
        decode: nothing::<AttachCategoryToLink>,
    },
    Action {
        spec: RemoveCategoryFromLink::SPEC,
        about: "Takes categories off links, each by its ID (digits) and label. All of them, or \
                none. Never repeated once it may have arrived.",
        params: &[param("links", ParamKind::Records(&categories::LINK_CATEGORY_REMOVAL), "Each: `link_id`, `category_id` (digits), `label`.")],
        prepare: |args, case| {
            let list = only(args, "links", "removeCategoryFromLink", case)?;
            Ok(RemoveCategoryFromLink::prepare_wire(&crate::records(list, &categories::LINK_CATEGORY_REMOVAL, case)?)?)
        },
        decode: nothing::<RemoveCategoryFromLink>,
    },
    Action {
        spec: CreateCallFlow::SPEC,
        about: "Creates a call flow of your own (a rule template links can follow), its rules \
                as IOVOX's Callflow XML elements. Never repeated once it may have arrived: a \
                repeat answers \"CallFlow Name already exists\".",
        params: &[
            param("name", ParamKind::Text, "Its name, unique in the account."),
            param("rules", ParamKind::Elements, "Each rule: `element` (`call`, `play`, …), its attributes by IOVOX's names (`id`, `label`, `destinationPhoneNumber`: `?` for a link's own value), and `children`."),
            optional("notes", ParamKind::Text, "Notes."),
        ],
        prepare: |args, case| flow(args, case, &["name", "rules", "notes"], "createCallFlow", CreateCallFlow::prepare_wire),
        decode: nothing::<CreateCallFlow>,
    },
    Action {
        spec: UpdateCallFlow::SPEC,
        about: "Changes a call flow: its rules, notes, or name (`new_name`). Links that follow \
                it take the new version, their values matched by rule ID. Never repeated once \
                it may have arrived.",
        params: &[
            param("name", ParamKind::Text, "The call flow's name."),
            param("rules", ParamKind::Elements, "Its rules, as createCallFlow takes them."),
            optional("new_name", ParamKind::Text, "A new name."),
            optional("notes", ParamKind::Text, "Notes."),
        ],
        prepare: |args, case| flow(args, case, &["name", "rules", "new_name", "notes"], "updateCallFlow", UpdateCallFlow::prepare_wire),
        decode: nothing::<UpdateCallFlow>,
    },
    Action {
        spec: GetCallFlow::SPEC,
        about: "One call flow: its name, notes and rules, each rule a mapping of its element, \
                attributes and children. Safe to repeat.",
        params: &[param("call_flow", ParamKind::Text, "The call flow's name.")],
        prepare: |args, case| {
            let spec = GetCallFlow::SPEC;
            let query = crate::query(args, spec.arguments, spec.route.name, case)?;
            Ok(GetCallFlow::prepare_wire(&query)?)
        },
        decode: |body| GetCallFlow::decode(body).map(Outcome::Data),
    },
    Action {
        spec: DeleteCallFlows::SPEC,
        about: "Deletes call flows by name. Never repeated once it may have arrived.",
        params: &[
            param("call_flows", ParamKind::Ids, "The call flows' names; none may hold a `|`."),
            optional("detach_from_links", ParamKind::Flag, "Detach them from the links that follow them; without it, such a flow is refused."),
        ],
        prepare: |args, case| {
            let names = ["call_flows", "detach_from_links"];
            let map = crate::arguments_of(args, &names, "deleteCallFlows", case)?;
            let mut wire = Map::new();
            for (k, v) in map {
                let name = snake(&k);
                if name == "call_flows" && !matches!(v, Value::Array(_) | Value::Null) {
                    return Err(crate::not_a_list(&k, crate::kind(&v)).into());
                }
                wire.insert(name, v);
            }
            Ok(DeleteCallFlows::prepare_wire(&Value::Object(wire))?)
        },
        decode: nothing::<DeleteCallFlows>,
    },
    Action {
        spec: CreateContacts::SPEC,
        about: "Creates contacts, each with your own ID: the people calls are put through to. \
                All of them, or none. Never repeated once it may have arrived.",
        params: &[param("contacts", ParamKind::Records(&contacts::CONTACT), "Each contact: `contact_id`, and any of `display_name`, `first_name`, `last_name`, `email`, `email_2`, `company`, the phones (`mobile_phone`, `home_phone`, `business_phone`, `business_fax`), the work and home addresses, `notes`.")],
        prepare: |args, case| {
            let list = only(args, "contacts", "createContacts", case)?;
            Ok(CreateContacts::prepare_wire(&crate::records(list, &contacts::CONTACT, case)?)?)
        },
        decode: nothing::<CreateContacts>,
    },
    Action {
        spec: UpdateContacts::SPEC,
        about: "Changes contacts: details, or a new ID (`new_contact_id`). All of them, or none. \
                Never repeated once it may have arrived.",
        params: &[
            param("contacts", ParamKind::Records(&contacts::CONTACT_UPDATE), "Each contact: `contact_id`, and what changes: `new_contact_id` and any detail createContacts takes."),
            optional("rm_rules", ParamKind::Flag, "Remove (or detach) the rule templates a detail left empty is part of; without it, such a change is refused."),
            optional("replace_details", ParamKind::Flag, "Empty the details left out (inferred from its name); without it, they keep their value."),
        ],
        prepare: |args, case| {
            let mut map = crate::arguments_of(args, &["contacts", "rm_rules", "replace_details"], "updateContacts", case)?;
            let list = map
                .iter()
                .find(|(k, _)| snake(k) == "contacts")
                .map(|(k, _)| k.clone())
                .and_then(|k| map.remove(&k))
                .unwrap_or(Value::Null);
            let records = crate::records(list, &contacts::CONTACT_UPDATE, case)?;
            let mut wire = serde_json::to_value(&records).map_err(|e| ShapeError(e.to_string()))?;
            for (k, v) in map {
                wire[snake(&k)] = v;
            }
            Ok(UpdateContacts::prepare_wire(&wire)?)
        },
        decode: nothing::<UpdateContacts>,
    },
    Action {
        spec: DeleteContacts::SPEC,
        about: "Deletes contacts. All of them, or none. Never repeated once it may have arrived: \
                a repeat answers \"does not exist\".",
        params: &[
            param("contact_ids", ParamKind::Ids, "The contacts to delete; an ID may not hold a comma."),
            optional("rm_rules", ParamKind::Flag, "Remove (or detach) the rules a contact is used in; without it, such a contact is refused."),
            optional("rm_if_user", ParamKind::Flag, "Remove a contact's user account with it; without it, such a contact is refused."),
        ],
        prepare: |args, case| {
            let names = ["contact_ids", "rm_rules", "rm_if_user"];
            let mut map = crate::arguments_of(args, &names, "deleteContacts", case)?;
            let ids = map
                .iter()
                .find(|(k, _)| snake(k) == "contact_ids")
                .map(|(k, _)| k.clone())
                .and_then(|k| map.remove(&k))
                .unwrap_or(Value::Null);
            let ids = crate::ids(ids, "contact_ids", case)?;
            let switches: Map<String, Value> = map.into_iter().map(|(k, v)| (snake(&k), v)).collect();
            let mut wire: contacts::DeleteContactsWire = serde_json::from_value(Value::Object(switches))
                .map_err(|e| ShapeError(e.to_string()))?;
            wire.contact_ids = ids.link_ids;
            Ok(DeleteContacts::prepare_wire(&wire)?)
        },
        decode: nothing::<DeleteContacts>,
    },
    Action {
        spec: InitiateCall::SPEC,
        about: "Places a call that follows the calling rules of a link, with the call variables \
                they use (`call_destination`: digits, `,` a 2-second pause, a digit a keypress \
                once answered; `delay`: minutes from now; the rules' own). Never repeated once \
                it may have arrived: a repeat places a second call.",
        params: &[
            param("link_id", ParamKind::Text, "The link whose calling rules the call follows."),
            optional("call_variables", ParamKind::Variables, "The call variables by name (sent as written): `call_destination`, `delay`, and the rules' own."),
        ],
        prepare: |args, case| {
            // The variables' names are the caller's own: never re-cased.
            let map = crate::arguments_of(args, &["link_id", "call_variables"], "initiateCall", case)?;
            let mut wire = Map::new();
            for (k, v) in map {
                let name = snake(&k);
                if name == "call_variables" && !matches!(v, Value::Object(_) | Value::Null) {
                    let what = crate::kind(&v);
                    return Err(ShapeError(format!("{k} must be a mapping of names to values, not {what}")).into());
                }
                wire.insert(name, v);
            }
            Ok(InitiateCall::prepare_wire(&Value::Object(wire))?)
        },
        decode: nothing::<InitiateCall>,
    },
    Action {
        spec: CreateSoundFiles::SPEC,
        about: "Uploads sound files, each with a label unique in its group and its audio as \
                bytes (never text). All of them, or none. Never repeated once it may have \
                arrived: a repeat answers \"already exists in Sound Group\".",
        params: &[param("sound_files", ParamKind::Records(&sound::SOUND_FILE), "Each file: `sound_label`, `sound_file` (the audio, as bytes), and `sound_group`, `notes` if wanted.")],
        prepare: |args, case| {
            let list = only(args, "sound_files", "createSoundFiles", case)?;
            Ok(CreateSoundFiles::prepare_wire(&crate::records(list, &sound::SOUND_FILE, case)?)?)
        },
        decode: nothing::<CreateSoundFiles>,
    },
    Action {
        spec: UpdateSoundFiles::SPEC,
        about: "Changes sound files, each found by its label and group: a new label or group \
                (`new_sound_label`, `new_sound_group`), new audio as bytes, or notes; what is \
                left out keeps its value. All of them, or none. Never repeated once it may have \
                arrived.",
        params: &[param("sound_files", ParamKind::Records(&sound::SOUND_FILE_UPDATE), "Each file: `sound_label` (and `sound_group` if it has one), and what changes: `new_sound_label`, `new_sound_group`, `sound_file` (bytes), `notes`.")],
        prepare: |args, case| {
            let list = only(args, "sound_files", "updateSoundFiles", case)?;
            Ok(UpdateSoundFiles::prepare_wire(&crate::records(list, &sound::SOUND_FILE_UPDATE, case)?)?)
        },
        decode: nothing::<UpdateSoundFiles>,
    },
    Action {
        spec: DeleteSoundFiles::SPEC,
        about: "Deletes sound files. All of them, or none. Never repeated once it may have \
                arrived: a repeat answers \"Does not exist\".",
        params: &[param("sound_files", ParamKind::Ids, "Each file as `sound_label;sound_group` (`Welcome;Greetings`); none may hold a comma.")],
        prepare: |args, case| {
            let ids = only(args, "sound_files", "deleteSoundFiles", case)?;
            Ok(DeleteSoundFiles::prepare_wire(&crate::ids(ids, "sound_files", case)?)?)
        },
        decode: nothing::<DeleteSoundFiles>,
    },
    Action {
        spec: GetSoundFileData::SPEC,
        about: "The audio of a sound file, bytes as IOVOX sends them. Safe to repeat.",
        params: &[
            param("sound_label", ParamKind::Text, "The file's label."),
            optional("sound_group", ParamKind::Text, "Its group, if it has one."),
        ],
        prepare: |args, case| {
            let spec = GetSoundFileData::SPEC;
            let query = crate::query(args, spec.arguments, spec.route.name, case)?;
            Ok(GetSoundFileData::prepare_wire(&query)?)
        },
        decode: |body| GetSoundFileData::decode(body).map(Outcome::Bytes),
    },
];

/// A typed method that is not a list, by its name as IOVOX spells it.
pub fn action_named(name: &str) -> Option<&'static Action> {
    ACTIONS.iter().find(|a| a.spec.route.name == name)
}

fn purchase(args: Value, case: crate::Case) -> Result<Prepared, Refusal> {
    Ok(PurchaseVoxNumbers::prepare_wire(&crate::purchase_request(
        args, case,
    )?)?)
}

fn attach(args: Value, case: crate::Case) -> Result<Prepared, Refusal> {
    let links = only(args, "links", "attachVoxnumberToLink", case)?;
    Ok(AttachVoxnumberToLink::prepare_wire(
        &crate::attach_request(links, case)?,
    )?)
}

fn detach(args: Value, case: crate::Case) -> Result<Prepared, Refusal> {
    let ids = only(args, "link_ids", "removeVoxnumberFromLink", case)?;
    Ok(RemoveVoxnumberFromLink::prepare_wire(
        &crate::detach_request(ids, case)?,
    )?)
}

fn delete(args: Value, case: crate::Case) -> Result<Prepared, Refusal> {
    let spec = DeleteVoxnumbersFromAccount::SPEC;
    let query = crate::query(args, spec.arguments, spec.route.name, case)?;
    Ok(DeleteVoxnumbersFromAccount::prepare_wire(&query)?)
}

/// A call flow's arguments: their names checked, the rules a list of mappings whose keys
/// are sent as written (IOVOX's attribute names are camelCase already).
fn flow(
    args: Value,
    case: crate::Case,
    names: &[&str],
    what: &str,
    prepare: fn(&Value) -> Result<Prepared, iovox_core::ValidationErrors>,
) -> Result<Prepared, Refusal> {
    let map = crate::arguments_of(args, names, what, case)?;
    let mut wire = Map::new();
    for (k, v) in map {
        let name = snake(&k);
        if name == "rules" {
            let Value::Array(rules) = &v else {
                return Err(crate::not_a_list(&k, crate::kind(&v)).into());
            };
            if let Some((i, other)) = rules.iter().enumerate().find(|(_, r)| !r.is_object()) {
                return Err(
                    crate::not_a_mapping("rule", i, rules.len(), crate::kind(other)).into(),
                );
            }
        }
        wire.insert(name, v);
    }
    Ok(prepare(&Value::Object(wire))?)
}

/// The one argument of a method that takes one (`links`), from its mapping; a missing one
/// is what the method's shape check says of `null`.
fn only(args: Value, name: &str, what: &str, case: crate::Case) -> Result<Value, ShapeError> {
    let map = crate::arguments_of(args, &[name], what, case)?;
    Ok(map
        .into_iter()
        .find(|(k, _)| snake(k) == name)
        .map_or(Value::Null, |(_, v)| v))
}

fn order<M: Method<Output = Order>>(body: &[u8]) -> Result<Outcome, DecodeError> {
    M::decode(body).map(Outcome::Order)
}

fn nothing<M: Method<Output = ()>>(body: &[u8]) -> Result<Outcome, DecodeError> {
    M::decode(body).map(|()| Outcome::Nothing)
}

/// An action as the generator and `iovox methods --json` read it: `about`, and `params`,
/// each with `name`, `required`, `kind`, `record` (for `entries`) and `about`.
pub fn describe(action: &Action) -> Value {
    let params: Vec<Value> = action
        .params
        .iter()
        .map(|p| {
            let mut m = Map::new();
            m.insert("name".into(), p.name.into());
            m.insert("required".into(), p.required.into());
            m.insert("kind".into(), p.kind.as_str().into());
            if let ParamKind::Entries(record) = p.kind {
                m.insert("record".into(), record.into());
            }
            if let ParamKind::Records(body) = p.kind {
                let elements: Vec<Value> = (body.elements.iter())
                    .map(|e| serde_json::json!({ "name": e.name, "required": e.required, "kind": match e.kind {
                        iovox_core::ElementKind::Text => "text",
                        iovox_core::ElementKind::DateTime => "date-time",
                        iovox_core::ElementKind::Flag => "flag",
                        iovox_core::ElementKind::Bytes => "bytes",
                        iovox_core::ElementKind::Integer => "integer",
                    } }))
                    .collect();
                m.insert("elements".into(), elements.into());
            }
            if let ParamKind::Tree(elements) = p.kind {
                m.insert("elements".into(), describe_tree(elements));
            }
            m.insert("about".into(), p.about.into());
            Value::Object(m)
        })
        .collect();
    let mut m = Map::new();
    m.insert("about".into(), action.about.into());
    m.insert("params".into(), params.into());
    Value::Object(m)
}

/// A tree's elements as the generators read them: `name`, `required`, `shape` (`text`,
/// `date-time`, `flag`, `integer`, `group`, `list`, `texts`) and, for a group or a list,
/// `elements`.
pub fn describe_tree(elements: &[iovox_core::tree::Element]) -> Value {
    use iovox_core::tree::Shape;
    let out: Vec<Value> = elements
        .iter()
        .map(|e| {
            let (shape, inner) = match e.shape {
                Shape::Text => ("text", None),
                Shape::DateTime => ("date-time", None),
                Shape::Flag => ("flag", None),
                Shape::Integer => ("integer", None),
                Shape::Group(inner) => ("group", Some(inner)),
                Shape::List(_, inner) => ("list", Some(inner)),
                Shape::Texts(_) => ("texts", None),
            };
            let mut m = Map::new();
            m.insert("name".into(), e.name.into());
            m.insert("required".into(), e.required.into());
            m.insert("shape".into(), shape.into());
            if let Some(inner) = inner {
                m.insert("elements".into(), describe_tree(inner));
            }
            Value::Object(m)
        })
        .collect();
    Value::Array(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Case;
    use serde_json::json;

    #[test]
    fn every_action_is_a_typed_method_that_is_not_a_list_and_its_example_passes() {
        for a in ACTIONS {
            assert!(a.spec.typed, "{}", a.spec.route.name);
            assert!(iovox_core::method::list_named(a.spec.route.name).is_none());
            let example: Value = serde_json::from_str(a.spec.example).unwrap();
            (a.prepare)(example, Case::Snake)
                .unwrap_or_else(|e| panic!("{}: {e}", a.spec.route.name));
            // The required arguments come first.
            let first_optional = a.params.iter().position(|p| !p.required);
            assert!(first_optional.is_none_or(|i| a.params[i..].iter().all(|p| !p.required)));
        }
    }

    #[test]
    fn describe_gives_what_the_generators_read() {
        let create = action_named("createNodes").unwrap();
        let d = describe(create);
        assert!(d["about"].as_str().unwrap().starts_with("Creates nodes"));
        assert_eq!(d["params"][0]["name"], "nodes");
        assert_eq!(d["params"][0]["kind"], "records");
        assert_eq!(
            d["params"][0]["elements"][0],
            json!({"name": "node_id", "required": true, "kind": "text"})
        );
        assert_eq!(d["params"][0]["elements"][3]["kind"], "date-time");
        let purchase = describe(action_named("purchaseVoxNumbers").unwrap());
        let kinds: Vec<&str> = (purchase["params"].as_array().unwrap().iter())
            .map(|p| p["kind"].as_str().unwrap())
            .collect();
        assert_eq!(kinds, ["entries", "text", "addresses", "flag", "flag"]);
        assert_eq!(purchase["params"][0]["record"], "PurchaseItem");
        assert_eq!(
            describe(action_named("deleteLinks").unwrap())["params"][0]["kind"],
            "ids"
        );
        let shown = format!("{create:?}");
        assert!(
            shown.contains("createNodes") && shown.contains("params"),
            "{shown}"
        );
    }

    #[test]
    fn arguments_are_one_mapping_with_only_the_methods_names() {
        let attach = action_named("attachVoxnumberToLink").unwrap();
        let e = (attach.prepare)(json!(null), Case::Camel).unwrap_err();
        assert_eq!(e.to_string(), "links must be a list, not null");
        let e = (attach.prepare)(json!([]), Case::Camel).unwrap_err();
        assert_eq!(
            e.to_string(),
            "the arguments of attachVoxnumberToLink must be a mapping, not a list"
        );
        let e = (attach.prepare)(json!({ "link": [] }), Case::Camel).unwrap_err();
        assert_eq!(
            e.to_string(),
            "unknown field 'link' in the arguments of attachVoxnumberToLink; did you mean 'links'?"
        );
        let e = (attach.prepare)(json!({}), Case::Camel).unwrap_err();
        assert_eq!(e.to_string(), "links must be a list, not null");
        let detach = action_named("removeVoxnumberFromLink").unwrap();
        let e = (detach.prepare)(json!({ "linkIds": "100" }), Case::Camel).unwrap_err();
        assert_eq!(e.to_string(), "linkIds must be a list, not a string");
        let e = (detach.prepare)(json!({ "link_ids": [""] }), Case::Snake).unwrap_err();
        assert!(matches!(e, Refusal::Invalid(_)), "{e}");
    }
}
