//! The registry: every typed method, and every method IOVOX or its public clients name
//! ([`CATALOGUE`]), each as its declaration in the model. The vocabulary they are written
//! in ([`Method`], [`Route`], [`Retry`], [`Verb`], [`Prepared`]) is re-exported from
//! [`crate::vocab`], and the declarations' types from [`crate::model`]; the method modules
//! depend on those, never on this registry, so nothing here is imported back.
//!
//! A new typed method is its module (request, rules, answer, `SPEC`), its row here turned
//! from `Spec::untyped` into the module's `SPEC`, and `scripts/generate`.
//!
//! ```
//! use iovox_core::method::{CATALOGUE, METHODS};
//! assert_eq!(CATALOGUE.len(), 68);
//! assert_eq!(CATALOGUE.iter().filter(|s| s.typed).count(), METHODS.len());
//! let regions = CATALOGUE.iter().find(|s| s.route.name == "getVoxnumberRegions").unwrap();
//! assert_eq!(regions.route.interface, "Purchase");
//! ```

pub use crate::model::{Answer, Confidence, Known, RequestShape, Spec};
pub use crate::vocab::{Method, Prepared, Retry, Route, Verb};

pub use crate::attach::AttachVoxnumberToLink;
pub use crate::blocked::{
    CreateBlockedNumbers, DeleteBlockedNumbers, GetBlockedNumbers, UpdateBlockedNumbers,
};
pub use crate::calling::InitiateCall;
pub use crate::calls::{GetCallData, GetCallMetrics, GetCallRecording, GetVoicemailRecording};
pub use crate::categories::{
    AttachCategoryToLink, CreateCategories, CreateCategoryConfigurations, DeleteCategories,
    DeleteCategoryConfigurations, GetCategories, GetCategoryId, RemoveCategoryFromLink,
};
pub use crate::contacts::{
    CreateContacts, DeleteContacts, GetContactDetails, GetContacts, UpdateContacts,
};
pub use crate::countries::GetCountries;
pub use crate::detach::RemoveVoxnumberFromLink;
pub use crate::flows::{
    CreateCallFlow, DeleteCallFlows, GetCallFlow, GetCallFlows, UpdateCallFlow,
};
pub use crate::links::GetLinks;
pub use crate::nested::{CreateNodeFull, GetNodeDetails};
pub use crate::nodes::GetNodes;
pub use crate::purchase::PurchaseVoxNumbers;
pub use crate::regions::GetVoxnumberRegions;
pub use crate::release::DeleteVoxnumbersFromAccount;
pub use crate::setup::{
    CreateLinks, CreateNodes, DeleteLinks, DeleteNodes, UpdateLinks, UpdateNodes,
};
pub use crate::sound::{
    CreateSoundFiles, DeleteSoundFiles, GetSoundFileData, GetSoundFiles, UpdateSoundFiles,
};
pub use crate::status::SetCallStatus;
pub use crate::templates::{
    AttachRuleTemplateToLinks, AttachSMSTemplateToLinks, GetRuleTemplates,
    GetVariableRulesOfTemplate, RemoveRuleTemplateFromLinks, RemoveSMSTemplateFromLinks,
};
pub use crate::times::{
    CreateTimeTemplates, DeleteTimeTemplates, GetTimeTemplates, UpdateTimeTemplates,
};
pub use crate::voxnumbers::GetVoxnumbers;

/// A typed method as the generators see it: its declaration and the names of its Rust
/// types, so `scripts/generate` can write each language's methods for it.
#[derive(Clone, Copy)]
pub struct Typed {
    /// The method's declaration.
    pub spec: Spec,
    /// Its [`Method`] type's name.
    pub method: fn() -> &'static str,
    /// Its typed request's type name.
    pub request: fn() -> &'static str,
    /// Its untyped request's type name (`iovox_core::wire::…`).
    pub wire: fn() -> &'static str,
    /// Its answer's type name.
    pub output: fn() -> &'static str,
    /// Its [`Spec::example`] through its own checks, in wire form: `Err` with the messages
    /// when it fails them.
    pub check_example: fn() -> Result<Prepared, String>,
    /// Any request in wire form, as JSON (snake_case, as the vectors write it), through
    /// the method's checks: `Err` when it is not of the method's shape (the message
    /// serde gives), else what would be sent or every error.
    pub prepare_json:
        fn(serde_json::Value) -> Result<Result<Prepared, crate::ValidationErrors>, String>,
}

impl std::fmt::Debug for Typed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Typed")
            .field("spec", &self.spec)
            .field("request", &(self.request)())
            .finish_non_exhaustive()
    }
}

const fn typed<M: Method>() -> Typed
where
    M::Wire: serde::de::DeserializeOwned,
{
    Typed {
        spec: M::SPEC,
        method: std::any::type_name::<M>,
        request: std::any::type_name::<M::Request>,
        wire: std::any::type_name::<M::Wire>,
        output: std::any::type_name::<M::Output>,
        check_example: check_example::<M>,
        prepare_json: prepare_json::<M>,
    }
}

fn prepare_json<M: Method>(
    value: serde_json::Value,
) -> Result<Result<Prepared, crate::ValidationErrors>, String>
where
    M::Wire: serde::de::DeserializeOwned,
{
    let wire: M::Wire = serde_json::from_value(value).map_err(|e| e.to_string())?;
    Ok(M::prepare_wire(&wire))
}

fn check_example<M: Method>() -> Result<Prepared, String>
where
    M::Wire: serde::de::DeserializeOwned,
{
    let wire: M::Wire = serde_json::from_str(M::SPEC.example).map_err(|e| e.to_string())?;
    M::prepare_wire(&wire).map_err(|e| e.messages().join("; "))
}

/// Every method the SDK types, in the catalogue's order, handed to the macro named:
/// `typed_methods!(then)` expands to `then! { AttachVoxnumberToLink, GetLinks, … }` (each
/// a path through `$crate::method`). [`TYPED`] is built from it here, and the sandbox's
/// router there (every typed method must have its part in the sandbox, or the sandbox does
/// not compile), so this list is the only one kept by hand: a typed method is one line
/// here, and its module.
#[macro_export]
macro_rules! typed_methods {
    ($then:ident) => {
        $then! {
            $crate::method::CreateCategories,
            $crate::method::CreateCategoryConfigurations,
            $crate::method::DeleteCategoryConfigurations,
            $crate::method::DeleteCategories,
            $crate::method::GetCategories,
            $crate::method::GetCategoryId,
            $crate::method::CreateContacts,
            $crate::method::DeleteContacts,
            $crate::method::GetContactDetails,
            $crate::method::GetContacts,
            $crate::method::UpdateContacts,
            $crate::method::AttachCategoryToLink,
            $crate::method::AttachRuleTemplateToLinks,
            $crate::method::AttachSMSTemplateToLinks,
            $crate::method::AttachVoxnumberToLink,
            $crate::method::GetLinks,
            $crate::method::RemoveCategoryFromLink,
            $crate::method::RemoveRuleTemplateFromLinks,
            $crate::method::RemoveSMSTemplateFromLinks,
            $crate::method::RemoveVoxnumberFromLink,
            $crate::method::GetCountries,
            $crate::method::GetNodes,
            $crate::method::CreateNodeFull,
            $crate::method::GetNodeDetails,
            $crate::method::SetCallStatus,
            $crate::method::GetCallData,
            $crate::method::GetCallMetrics,
            $crate::method::GetCallRecording,
            $crate::method::GetVoicemailRecording,
            $crate::method::CreateCallFlow,
            $crate::method::DeleteCallFlows,
            $crate::method::GetCallFlow,
            $crate::method::GetCallFlows,
            $crate::method::UpdateCallFlow,
            $crate::method::InitiateCall,
            $crate::method::CreateBlockedNumbers,
            $crate::method::DeleteBlockedNumbers,
            $crate::method::GetBlockedNumbers,
            $crate::method::UpdateBlockedNumbers,
            $crate::method::CreateTimeTemplates,
            $crate::method::DeleteTimeTemplates,
            $crate::method::GetTimeTemplates,
            $crate::method::UpdateTimeTemplates,
            $crate::method::GetRuleTemplates,
            $crate::method::GetVariableRulesOfTemplate,
            $crate::method::CreateSoundFiles,
            $crate::method::DeleteSoundFiles,
            $crate::method::GetSoundFileData,
            $crate::method::GetSoundFiles,
            $crate::method::UpdateSoundFiles,
            $crate::method::CreateNodes,
            $crate::method::CreateLinks,
            $crate::method::DeleteNodes,
            $crate::method::DeleteLinks,
            $crate::method::UpdateNodes,
            $crate::method::UpdateLinks,
            $crate::method::GetVoxnumberRegions,
            $crate::method::PurchaseVoxNumbers,
            $crate::method::DeleteVoxnumbersFromAccount,
            $crate::method::GetVoxnumbers,
        }
    };
}

macro_rules! typed_registry {
    ($($method:path),* $(,)?) => {
        /// Every method the SDK types, in the catalogue's order ([`typed_methods!`]);
        /// `scripts/generate` writes its methods on `iovox_http::Client` and `AsyncClient`
        /// from this.
        pub const TYPED: &[Typed] = &[$(typed::<$method>()),*];
    };
}
typed_methods!(typed_registry);

/// Every method the SDK types, for routers and documentation: route and retry class.
pub const METHODS: &[(Route, Retry)] = &{
    let mut out = [(TYPED[0].spec.route, TYPED[0].spec.retry); TYPED.len()];
    let mut i = 0;
    while i < TYPED.len() {
        out[i] = (TYPED[i].spec.route, TYPED[i].spec.retry);
        i += 1;
    }
    out
};

/// Every method IOVOX's pages or its two public clients name, in the catalogue's order
/// (area, interface, name): 60 with an IOVOX page, 8 known from one client only. Typed
/// ones are their module's `SPEC`; the rest say what is known, for `iovox methods`, the
/// method table and the raw call.
#[rustfmt::skip]
pub const CATALOGUE: &[Spec] = &[
    CreateCategories::SPEC,
    CreateCategoryConfigurations::SPEC,
    DeleteCategories::SPEC,
    DeleteCategoryConfigurations::SPEC,
    GetCategories::SPEC,
    GetCategoryId::SPEC,
    CreateContacts::SPEC,
    DeleteContacts::SPEC,
    GetContactDetails::SPEC,
    GetContacts::SPEC,
    UpdateContacts::SPEC,
    AttachCategoryToLink::SPEC,
    AttachRuleTemplateToLinks::SPEC,
    AttachSMSTemplateToLinks::SPEC,
    AttachVoxnumberToLink::SPEC,
    CreateLinks::SPEC,
    Spec::untyped("AccountSetup", "Links", "createLinksFull", Verb::Post, Known::Yes(false), RequestShape::Body, None, Confidence::OneClient),
    DeleteLinks::SPEC,
    GetLinks::SPEC,
    RemoveCategoryFromLink::SPEC,
    RemoveRuleTemplateFromLinks::SPEC,
    RemoveSMSTemplateFromLinks::SPEC,
    RemoveVoxnumberFromLink::SPEC,
    UpdateLinks::SPEC,
    CreateNodeFull::SPEC,
    CreateNodes::SPEC,
    DeleteNodes::SPEC,
    GetNodeDetails::SPEC,
    GetNodes::SPEC,
    UpdateNodes::SPEC,
    GetCallData::SPEC,
    GetCallMetrics::SPEC,
    GetCallRecording::SPEC,
    GetVoicemailRecording::SPEC,
    CreateCallFlow::SPEC,
    DeleteCallFlows::SPEC,
    GetCallFlow::SPEC,
    GetCallFlows::SPEC,
    UpdateCallFlow::SPEC,
    InitiateCall::SPEC,
    CreateBlockedNumbers::SPEC,
    CreateTimeTemplates::SPEC,
    DeleteBlockedNumbers::SPEC,
    DeleteTimeTemplates::SPEC,
    GetBlockedNumbers::SPEC,
    GetRuleTemplates::SPEC,
    GetTimeTemplates::SPEC,
    GetVariableRulesOfTemplate::SPEC,
    UpdateBlockedNumbers::SPEC,
    UpdateTimeTemplates::SPEC,
    CreateSoundFiles::SPEC,
    DeleteSoundFiles::SPEC,
    Spec::untyped("Calling", "SoundFiles", "deleteSoundFile", Verb::Delete, Known::Unknown, RequestShape::Unknown, None, Confidence::OneClient),
    GetSoundFileData::SPEC,
    GetSoundFiles::SPEC,
    UpdateSoundFiles::SPEC,
    Spec::untyped("Calling", "SoundFiles", "uploadSoundFileData", Verb::Post, Known::Unknown, RequestShape::Unknown, None, Confidence::OneClient),
    GetCountries::SPEC,
    Spec::untyped("Numbering", "Purchase", "getOrderDetails", Verb::Get, Known::Unknown, RequestShape::Unknown, None, Confidence::OneClient),
    Spec::untyped("Numbering", "Purchase", "getRegionForNumberType", Verb::Get, Known::Unknown, RequestShape::Unknown, None, Confidence::OneClient),
    GetVoxnumberRegions::SPEC,
    PurchaseVoxNumbers::SPEC,
    DeleteVoxnumbersFromAccount::SPEC,
    GetVoxnumbers::SPEC,
    SetCallStatus::SPEC,
    Spec::untyped("Other", "User", "userPortalLogin", Verb::Get, Known::Unknown, RequestShape::Unknown, None, Confidence::OneClient),
    Spec::untyped("Other", "JsApi", "createActionKey", Verb::Post, Known::Unknown, RequestShape::Unknown, None, Confidence::OneClient),
    Spec::untyped("Other", "JsApi", "getActionKey", Verb::Get, Known::Unknown, RequestShape::Unknown, None, Confidence::OneClient),
];

/// A result of any list method, as the bindings hold it: read field by field through
/// [`Record`](crate::Record), converted only when a field is read.
pub type AnyRecord = Box<dyn crate::Record + Send + Sync>;

/// A list method as the bindings, the command line and `iovox-http`'s paging call it,
/// by name: its declaration, its checks over the wire form (the method's own), and its
/// answer as records of any type (the method's own decoder). One entry in [`LISTS`] is all
/// a list method needs for Python, Node and the command line to have it.
#[derive(Clone, Copy)]
pub struct List {
    /// The method's declaration.
    pub spec: Spec,
    /// What its results are called in every language (`AccountVoxnumber`).
    pub record: &'static str,
    /// What one result is, in a line, for the docs of every language.
    pub about: &'static str,
    /// Every check that needs only the request, then the query to send.
    pub prepare: fn(&crate::wire::Query) -> Result<Prepared, crate::ValidationErrors>,
    /// A success's body into one page.
    pub decode: fn(&[u8]) -> Result<crate::Page<AnyRecord>, crate::DecodeError>,
}

impl std::fmt::Debug for List {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("List")
            .field("spec", &self.spec)
            .finish_non_exhaustive()
    }
}

const fn list<M, T>(record: &'static str, about: &'static str) -> List
where
    M: Method<Wire = crate::wire::Query, Output = crate::Page<T>>,
    T: crate::Record + Send + Sync + 'static,
{
    List {
        spec: M::SPEC,
        record,
        about,
        prepare: M::prepare_wire,
        decode: decode_any::<M, T>,
    }
}

fn decode_any<M, T>(body: &[u8]) -> Result<crate::Page<AnyRecord>, crate::DecodeError>
where
    M: Method<Output = crate::Page<T>>,
    T: crate::Record + Send + Sync + 'static,
{
    M::decode(body).map(|page| page.map(|r| Box::new(r) as AnyRecord))
}

/// Every typed list method, callable by name ([`list_named`]).
pub const LISTS: &[List] = &[
    list::<GetCategories, crate::Category>(
        "Category",
        "A category: a label's value, or one under it",
    ),
    list::<GetCategoryId, crate::CategoryMatch>(
        "CategoryMatch",
        "A category holding the value asked for, with its path from the top",
    ),
    list::<GetVoxnumberRegions, crate::VoxnumberRegion>(
        "VoxnumberRegion",
        "A region numbers can be bought in",
    ),
    list::<GetVoxnumbers, crate::AccountVoxnumber>(
        "AccountVoxnumber",
        "A number of the account. Fields not asked for in `req_fields` are empty",
    ),
    list::<GetCountries, crate::Country>("Country", "A country IOVOX sells numbers in"),
    list::<GetContacts, crate::Contact>(
        "Contact",
        "A contact: someone calls are put through to",
    ),
    list::<GetContactDetails, crate::ContactDetails>(
        "ContactDetails",
        "Every detail of a contact",
    ),
    list::<GetCallFlows, crate::RuleTemplate>(
        "CallFlowInfo",
        "A call flow: a rule template of the account's own",
    ),
    list::<GetRuleTemplates, crate::RuleTemplate>(
        "RuleTemplate",
        "A rule template: calling rules a link can follow",
    ),
    list::<GetSoundFiles, crate::SoundFileInfo>(
        "SoundFileInfo",
        "A sound file of the account: its label, group, size and dates (its audio comes from getSoundFileData)",
    ),
    list::<GetNodes, crate::AccountNode>("AccountNode", "A node of the account, once per link"),
    list::<GetCallData, crate::Call>("Call", "A call one of the account's numbers received"),
    list::<GetCallMetrics, crate::CallMetrics>(
        "CallMetrics",
        "The figures of one group of calls (of every call, ungrouped)",
    ),
    list::<GetLinks, crate::AccountLink>(
        "AccountLink",
        "A link of the account, with its node and number",
    ),
];

/// A typed list method by its name as IOVOX spells it.
///
/// ```
/// use iovox_core::{method::list_named, wire::Query};
/// let regions = list_named("getVoxnumberRegions").unwrap();
/// let prepared = (regions.prepare)(&Query::default().set("limit", 5)).unwrap();
/// assert_eq!(prepared.query, [("limit", "5".to_string())]);
/// let errors = (regions.prepare)(&Query::default().set("page", 0)).unwrap_err();
/// assert_eq!(errors.messages(), ["Page Number must be 1 or more"]);
/// ```
pub fn list_named(name: &str) -> Option<&'static List> {
    LISTS.iter().find(|l| l.spec.route.name == name)
}

/// The declaration of a method, by its name as IOVOX spells it.
///
/// ```
/// let spec = iovox_core::method::find("setCallStatus").unwrap();
/// assert_eq!(spec.route.path(), "/Voxnumbers?v=3&method=setCallStatus");
/// assert!(spec.typed);
/// assert!(!iovox_core::method::find("createLinksFull").unwrap().typed);
/// ```
pub fn find(name: &str) -> Option<&'static Spec> {
    CATALOGUE.iter().find(|s| s.route.name == name)
}

/// A method of the model as JSON: at least `name`, `interface`, `verb`, `retry` and
/// `typed`, with its route, paging, answer, how sure we are, IOVOX's page, its arguments
/// and result fields, and (typed ones) its Rust types and list record. What
/// `iovox methods --json` prints (with `sandbox` added) and `scripts/generate` reads.
///
/// ```
/// let spec = iovox_core::method::find("getVoxnumberRegions").unwrap();
/// let json = iovox_core::method::describe(spec);
/// assert_eq!(json["interface"], "Purchase");
/// assert_eq!(json["fields"][0]["abbreviation"], "cc");
/// ```
pub fn describe(spec: &Spec) -> serde_json::Value {
    use crate::model::{ArgumentKind, FieldKind};
    use serde_json::{json, Value};
    let fields: Vec<Value> = match spec.answer {
        Answer::List(fields) => fields
            .iter()
            .map(|f| {
                json!({
                    "element": f.element,
                    "abbreviation": f.abbreviation,
                    "kind": f.kind.as_str(),
                    "words": match f.kind { FieldKind::Word(w) => Some(w), _ => None },
                })
            })
            .collect(),
        _ => Vec::new(),
    };
    let arguments: Vec<Value> = spec
        .arguments
        .iter()
        .map(|a| {
            let (kind, words, bounds) = match a.kind {
                ArgumentKind::Text => ("text", None, None),
                ArgumentKind::Integer { min, max } => ("integer", None, Some([min, max])),
                ArgumentKind::Words(w) => ("word", Some(w), None),
                ArgumentKind::Flag => ("flag", None, None),
                ArgumentKind::List => ("list", None, None),
                ArgumentKind::Fields => ("fields", None, None),
                ArgumentKind::Order => ("order", None, None),
                ArgumentKind::Digits => ("digits", None, None),
            };
            json!({
                "name": a.name,
                "kind": kind,
                "describe": a.kind.describe(),
                "words": words,
                "bounds": bounds,
                "required": a.required,
            })
        })
        .collect();
    let rust = TYPED.iter().find(|t| t.spec.route == spec.route).map(|t| {
        json!({
            "method": (t.method)(),
            "request": (t.request)(),
            "wire": (t.wire)(),
            "output": (t.output)(),
        })
    });
    json!({
        "name": spec.route.name,
        "interface": spec.route.interface,
        "verb": spec.route.verb.as_str(),
        "path": spec.route.path(),
        "retry": spec.retry.as_str(),
        "typed": spec.typed,
        "area": spec.area,
        "request": spec.request.as_str(),
        "answer": spec.answer.as_str(),
        "paged": match spec.paged { Known::Yes(p) => Value::Bool(p), Known::Unknown => Value::Null },
        "success": spec.success,
        "confidence": spec.confidence.as_str(),
        "page": spec.page_url(),
        "arguments": arguments,
        "fields": fields,
        "list": list_named(spec.route.name).map(|l| json!({"record": l.record, "about": l.about})),
        "example": serde_json::from_str::<Value>(spec.example).ok(),
        "rust": rust,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogue_and_the_typed_methods_agree() {
        for (route, retry) in METHODS {
            let spec = find(route.name).expect("every typed method is in the catalogue");
            assert!(spec.typed, "{}", route.name);
            assert_eq!((spec.route, spec.retry), (*route, *retry));
        }
        assert_eq!(CATALOGUE.iter().filter(|s| s.typed).count(), METHODS.len());
        let mut names: Vec<_> = CATALOGUE.iter().map(|s| s.route.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), CATALOGUE.len(), "one row per name");
        assert_eq!(
            CATALOGUE
                .iter()
                .filter(|s| s.confidence != Confidence::OneClient)
                .count(),
            60,
            "60 methods have an IOVOX page"
        );
    }

    #[test]
    fn every_typed_methods_example_passes_its_own_checks() {
        for t in TYPED {
            let prepared =
                (t.check_example)().unwrap_or_else(|e| panic!("{}: {e}", t.spec.route.name));
            // A query method sends its example in the query, a body method in the body.
            let in_query = t.spec.request == RequestShape::Query;
            assert_eq!(prepared.body.is_empty(), in_query, "{}", t.spec.route.name);
        }
        for spec in CATALOGUE.iter().filter(|s| !s.typed) {
            assert_eq!(spec.example, "", "{}", spec.route.name);
        }
    }

    #[test]
    fn a_method_known_by_name_is_not_repeated_unless_it_reads() {
        for spec in CATALOGUE.iter().filter(|s| !s.typed) {
            let safe = spec.retry == Retry::SafeToRepeat;
            assert_eq!(safe, spec.route.verb == Verb::Get, "{}", spec.route.name);
        }
    }
}
