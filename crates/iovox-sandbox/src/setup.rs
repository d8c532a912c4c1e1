//! createNodes, createLinks, deleteNodes and deleteLinks as IOVOX answers them: the
//! request's own checks (the SDK's, with the same words), then the account's, every
//! message at once, and all of the request or none of it (docs/decisions.md 37).

use crate::account::Account;
use crate::state::{LinkInfo, NodeInfo};
use iovox_core::{wire, Position, RecordsBody};
use std::collections::BTreeMap;

/// What the sandbox says where IOVOX's words are not documented: its own, and saying so.
pub(crate) fn undocumented(what: String) -> String {
    format!("iovox-sandbox: {what} (IOVOX's message for this is not documented)")
}

pub(crate) fn positions(total: usize) -> impl Iterator<Item = Position> {
    (1..=total).map(move |index| Position { index, total })
}

/// Each record's elements as text, after the SDK's own checks of `body`.
pub(crate) fn records(
    body: &RecordsBody,
    r: &wire::Records,
) -> Result<Vec<BTreeMap<String, String>>, Vec<String>> {
    iovox_core::records::prepare_records(body, r).map_err(|e| e.messages())?;
    Ok(r.records
        .iter()
        .map(|record| {
            (record.iter())
                .filter_map(|(k, v)| match &v.0 {
                    Some(wire::Given::Text(t)) => Some((k.clone(), t.trim().to_string())),
                    _ => None,
                })
                .filter(|(_, t)| !t.is_empty())
                .collect()
        })
        .collect())
}

/// IDs of a list, after the SDK's own checks.
pub(crate) fn ids(
    ids: &iovox_core::IdList,
    given: &wire::DetachRequest,
) -> Result<Vec<String>, Vec<String>> {
    let query = iovox_core::records::prepare_ids(ids, given).map_err(|e| e.messages())?;
    Ok(query[0].1.split(',').map(str::to_string).collect())
}

impl Account {
    /// Whether a node exists: made by createNodes, or named by a link.
    fn has_node(&self, id: &str) -> bool {
        self.state.nodes.iter().any(|n| n.node_id == id)
            || self.state.links.iter().any(|l| l.node() == id)
    }

    /// createNodes: "Duplicate Node ID Received" when the request names one twice,
    /// "Node ID x of y already exists" for one the account has.
    pub fn create_nodes(&mut self, r: &wire::Records) -> Result<(), Vec<String>> {
        let nodes = records(&iovox_core::setup::NODE, r)?;
        let mut errors = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (p, n) in positions(nodes.len()).zip(&nodes) {
            let id = &n["node_id"];
            if !seen.insert(id.clone()) {
                errors.push("Duplicate Node ID Received".to_string());
            } else if self.has_node(id) {
                errors.push(format!("Node ID {p} already exists"));
            }
        }
        if !errors.is_empty() {
            errors.dedup();
            return Err(errors);
        }
        for mut n in nodes {
            let text = |k: &str| n.get(k).cloned().unwrap_or_default();
            let node = NodeInfo {
                node_id: text("node_id"),
                node_name: text("node_name"),
                node_type: text("node_type"),
                node_date: n.remove("node_date"),
            };
            self.state.nodes.push(node);
        }
        Ok(())
    }

    /// createLinks: each under a node the account has, its ID new ("Link ID x of y already
    /// exists"), its name new in its node ("Link Name x is already attached to Node y").
    pub fn create_links(&mut self, r: &wire::Records) -> Result<(), Vec<String>> {
        let links = records(&iovox_core::setup::LINK, r)?;
        let mut errors = Vec::new();
        let mut ids = std::collections::HashSet::new();
        let mut names = std::collections::HashSet::new();
        for (p, l) in positions(links.len()).zip(&links) {
            for (key, label) in [
                ("node_id", "Node ID"),
                ("link_name", "Link Name"),
                ("link_type", "Link Type"),
            ] {
                if !l.contains_key(key) {
                    errors.push(undocumented(format!("{label} {p} is required")));
                }
            }
            let (Some(node), Some(id)) = (l.get("node_id"), l.get("link_id")) else {
                continue;
            };
            if !self.has_node(node) {
                errors.push(undocumented(format!(
                    "Node ID {p} is not a node of this account"
                )));
            }
            if self.state.links.contains(id) || !ids.insert(id.clone()) {
                errors.push(format!("Link ID {p} already exists"));
            }
            if let Some(name) = l.get("link_name") {
                let taken =
                    (self.state.links.iter()).any(|k| k.node() == node && &k.name() == name);
                if taken || !names.insert((node.clone(), name.clone())) {
                    errors.push(format!(
                        "Link Name {name} is already attached to Node {node}"
                    ));
                }
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        for l in links {
            let node = l["node_id"].clone();
            // A node made by createNodes gives the link its name and type; a node known
            // only from its links, theirs.
            let (node_name, node_type) = match self.state.nodes.iter().find(|n| n.node_id == node) {
                Some(n) => (n.node_name.clone(), n.node_type.clone()),
                None => {
                    let other = self.state.links.iter().find(|k| k.node() == node);
                    let other =
                        other.map(|k| (k.node_name().to_string(), k.node_type().to_string()));
                    other.unwrap_or_default()
                }
            };
            let id = l["link_id"].clone();
            let info = LinkInfo {
                link_id: id.clone(),
                link_name: l.get("link_name").cloned(),
                link_type: l.get("link_type").cloned(),
                node_id: Some(node),
                node_name: Some(node_name),
                node_type: Some(node_type),
                ..LinkInfo::new(id.clone())
            };
            self.state.links.0.insert(id, info);
        }
        Ok(())
    }

    /// updateNodes: each node the account has ("Node ID x of y does not exist"), a new ID
    /// free ("New Node ID x of y already exist", sic); names and types follow to its links.
    pub fn update_nodes(&mut self, r: &wire::Records) -> Result<(), Vec<String>> {
        let nodes = records(&iovox_core::setup::NODE_UPDATE, r)?;
        let mut errors = Vec::new();
        for (p, n) in positions(nodes.len()).zip(&nodes) {
            if !self.has_node(&n["node_id"]) {
                errors.push(format!("Node ID {p} does not exist"));
            }
            if n.get("new_node_id").is_some_and(|new| self.has_node(new)) {
                errors.push(format!("New Node ID {p} already exist"));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        for n in nodes {
            let id = &n["node_id"];
            let new_id = n.get("new_node_id").unwrap_or(id).clone();
            if let Some(node) = self.state.nodes.iter_mut().find(|k| &k.node_id == id) {
                node.node_id = new_id.clone();
                node.node_name = n.get("node_name").unwrap_or(&node.node_name).clone();
                node.node_type = n.get("node_type").unwrap_or(&node.node_type).clone();
                node.node_date = n.get("node_date").cloned().or(node.node_date.take());
            }
            for link in self.state.links.0.values_mut().filter(|l| l.node() == id) {
                link.node_id = Some(new_id.clone());
                link.node_name = n.get("node_name").cloned().or(link.node_name.take());
                link.node_type = n.get("node_type").cloned().or(link.node_type.take());
            }
        }
        Ok(())
    }

    /// updateLinks: each link the account has ("Link ID x of y does not exist"), a new ID
    /// free ("New Link ID x of y already exist", sic); a renamed link keeps its number.
    pub fn update_links(&mut self, r: &wire::Records) -> Result<(), Vec<String>> {
        let links = records(&iovox_core::setup::LINK_UPDATE, r)?;
        let mut errors = Vec::new();
        for (p, l) in positions(links.len()).zip(&links) {
            if !self.state.links.contains(&l["link_id"]) {
                errors.push(format!("Link ID {p} does not exist"));
            }
            if l.get("new_link_id")
                .is_some_and(|new| self.state.links.contains(new))
            {
                errors.push(format!("New Link ID {p} already exist"));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        for l in links {
            let id = &l["link_id"];
            let Some(mut link) = self.state.links.0.remove(id) else {
                continue;
            };
            let new_id = l.get("new_link_id").unwrap_or(id).clone();
            link.link_id = new_id.clone();
            link.link_name = l.get("link_name").cloned().or(link.link_name.take());
            link.link_type = l.get("link_type").cloned().or(link.link_type.take());
            self.state.links.0.insert(new_id.clone(), link);
            for n in &mut self.state.voxnumbers {
                if n.link_id.as_ref() == Some(id) {
                    n.link_id = Some(new_id.clone());
                }
            }
        }
        Ok(())
    }

    /// setCallStatus: each number the account has ("VoxNumber x of y does not exist"),
    /// attached to a link ("… is not attached to a Link"); they stay on their links.
    pub fn set_call_status(&mut self, r: &wire::CallStatusRequest) -> Result<(), Vec<String>> {
        let request = r.validate().map_err(|e| e.messages())?;
        let errors: Vec<String> = (positions(request.voxnumbers.len()).zip(&request.voxnumbers))
            .filter_map(|(p, v)| {
                match self
                    .state
                    .voxnumbers
                    .iter()
                    .find(|n| &n.full_voxnumber == v)
                {
                    None => Some(format!("VoxNumber {p} does not exist")),
                    Some(n) if n.link_id.is_none() => {
                        Some(format!("VoxNumber {p} is not attached to a Link"))
                    }
                    Some(_) => None,
                }
            })
            .collect();
        if !errors.is_empty() {
            return Err(errors);
        }
        for n in &mut self.state.voxnumbers {
            if request.voxnumbers.contains(&n.full_voxnumber) {
                n.call_status = Some(request.call_status.clone());
            }
        }
        Ok(())
    }

    /// deleteNodes: each node the account has ("Node ID x of y does not exist"), with its
    /// links; the numbers on them stay in the account, unassigned.
    pub fn delete_nodes(&mut self, r: &wire::DetachRequest) -> Result<(), Vec<String>> {
        let ids = ids(&iovox_core::setup::NODE_IDS, r)?;
        let errors: Vec<String> = (positions(ids.len()).zip(&ids))
            .filter(|(_, id)| !self.has_node(id))
            .map(|(p, _)| format!("Node ID {p} does not exist"))
            .collect();
        if !errors.is_empty() {
            return Err(errors);
        }
        self.state.nodes.retain(|n| !ids.contains(&n.node_id));
        let links: Vec<String> = (self.state.links.iter())
            .filter(|l| ids.iter().any(|id| id == l.node()))
            .map(|l| l.link_id.clone())
            .collect();
        self.remove_links(&links);
        Ok(())
    }

    /// deleteLinks: each link the account has ("Link ID x of y does not exist"); the
    /// numbers on them stay in the account, unassigned.
    pub fn delete_links(&mut self, r: &wire::DetachRequest) -> Result<(), Vec<String>> {
        let ids = ids(&iovox_core::setup::LINK_IDS, r)?;
        let errors: Vec<String> = (positions(ids.len()).zip(&ids))
            .filter(|(_, id)| !self.state.links.contains(id))
            .map(|(p, _)| format!("Link ID {p} does not exist"))
            .collect();
        if !errors.is_empty() {
            return Err(errors);
        }
        self.remove_links(&ids);
        Ok(())
    }

    fn remove_links(&mut self, ids: &[String]) {
        for id in ids {
            self.state.links.0.remove(id);
        }
        for n in &mut self.state.voxnumbers {
            if n.link_id.as_ref().is_some_and(|l| ids.contains(l)) {
                n.link_id = None;
                n.call_status = None;
            }
        }
    }
}

/// The text of a tree's element, trimmed; `None` when blank or missing.
fn text_of(v: &serde_json::Value, key: &str) -> Option<String> {
    let t = match v.get(key)? {
        serde_json::Value::String(s) => s.trim().to_string(),
        serde_json::Value::Number(n) => n.to_string(),
        _ => return None,
    };
    (!t.is_empty()).then_some(t)
}

impl Account {
    /// createNodeFull: createNodes of its node, createLinks of its links, attach of each
    /// `assign_voxnumber`, with their words and positions; the links keep their rule
    /// template, rules and categories. All of it or none (one client saw a failed number
    /// leave no link). Answers the node's ID and each link's.
    pub fn create_node_full(
        &mut self,
        node: &serde_json::Value,
    ) -> Result<serde_json::Value, Vec<String>> {
        use serde_json::{json, Value};
        let before = self.state.clone();
        let result = (|| {
            let record = |pairs: Vec<(&str, Option<String>)>| {
                (pairs.into_iter())
                    .filter_map(|(k, v)| Some((k.to_string(), wire::Entry(Some(v?.into())))))
                    .collect::<BTreeMap<_, _>>()
            };
            let text = |k: &str| text_of(node, k);
            let nodes = wire::Records {
                records: vec![record(vec![
                    ("node_id", text("node_id")),
                    ("node_name", text("node_name")),
                    ("node_type", text("node_type")),
                    ("node_date", text("node_date")),
                ])],
            };
            self.create_nodes(&nodes)?;
            let links: Vec<Value> = match node.get("links") {
                Some(Value::Array(l)) => l.clone(),
                _ => Vec::new(),
            };
            let records = (links.iter())
                .map(|l| {
                    record(vec![
                        ("node_id", text("node_id")),
                        ("link_id", text_of(l, "link_id")),
                        ("link_name", text_of(l, "link_name")),
                        ("link_type", text_of(l, "link_type")),
                        ("link_date", text_of(l, "link_date")),
                    ])
                })
                .collect();
            self.create_links(&wire::Records { records })?;
            let assign: Vec<Value> = (links.iter())
                .filter_map(|l| {
                    let mut a = l.get("assign_voxnumber")?.as_object()?.clone();
                    a.insert("link_id".into(), l.get("link_id")?.clone());
                    Some(Value::Object(a))
                })
                .collect();
            if !assign.is_empty() {
                let wire =
                    iovox_convert::attach_request(Value::Array(assign), iovox_convert::Case::Snake)
                        .map_err(|e| vec![e.to_string()])?;
                let typed = wire.validate().map_err(|e| e.messages())?;
                self.attach(&typed)?;
            }
            for l in &links {
                let Some(id) = text_of(l, "link_id") else {
                    continue;
                };
                if let Some(info) = self.state.links.0.get_mut(&id) {
                    info.rule_template_name = text_of(l, "rule_template_name");
                    let list = |k: &str| match l.get(k) {
                        Some(Value::Array(v)) => v.clone(),
                        _ => Vec::new(),
                    };
                    info.rules = list("rules_variable");
                    info.categories = list("categories");
                }
            }
            let ids: Vec<Value> = (links.iter())
                .filter_map(|l| Some(json!({ "link_id": text_of(l, "link_id")? })))
                .collect();
            Ok(json!({ "node_id": text("node_id"), "links": ids }))
        })();
        if result.is_err() {
            self.state = before;
        }
        result
    }

    /// getNodeDetails: the node with its links (one when `link_id` is given), each with its
    /// number (`return_voxnumber=true`), rule template (unless `return_rule_name=false`),
    /// rules and categories. "Node ID Doesn't exist" (page, this casing) for an unknown one.
    pub fn node_details(
        &self,
        r: &iovox_core::NodeDetailsRequest,
    ) -> Result<serde_json::Value, Vec<String>> {
        use serde_json::{json, Value};
        let id = r.node_id.clone().unwrap_or_default();
        if !self.has_node(&id) {
            return Err(vec!["Node ID Doesn't exist".into()]);
        }
        let links: Vec<&LinkInfo> = (self.state.links.iter())
            .filter(|l| l.node() == id)
            .filter(|l| r.link_id.as_deref().is_none_or(|k| l.link_id == k))
            .collect();
        let (name, kind) = match self.state.nodes.iter().find(|n| n.node_id == id) {
            Some(n) => (n.node_name.clone(), n.node_type.clone()),
            None => (
                links
                    .first()
                    .map(|l| l.node_name().to_string())
                    .unwrap_or_default(),
                links
                    .first()
                    .map(|l| l.node_type().to_string())
                    .unwrap_or_default(),
            ),
        };
        let with_number = r.return_voxnumber.as_deref() == Some("true");
        let with_rule = r.return_rule_name.as_deref() != Some("false");
        let links: Vec<Value> = links
            .into_iter()
            .map(|l| {
                let number = (self.state.voxnumbers.iter())
                    .find(|n| n.link_id.as_deref() == Some(&l.link_id))
                    .map(|n| n.full_voxnumber.clone());
                let rules: Vec<Value> = (l.rules.iter())
                    .map(|rule| {
                        let mut rule = rule.clone();
                        if let Some(c) = rule.get_mut("contact").and_then(Value::as_object_mut) {
                            let phone = c.get("business_phone").or(c.get("phone_number")).cloned();
                            c.retain(|k, _| k == "contact_id");
                            c.extend(phone.map(|p| ("phone_number".to_string(), p)));
                        }
                        rule
                    })
                    .collect();
                let cats: Vec<Value> = (l.categories.iter())
                    .map(
                        |c| json!({ "category_id": c.get("category_id"), "value": c.get("value") }),
                    )
                    .collect();
                json!({
                    "link_id": l.link_id,
                    "link_name": l.name(),
                    "link_type": l.kind(),
                    "voxnumber": number.filter(|_| with_number),
                    "rule_template_name": l.rule_template_name.clone().filter(|_| with_rule),
                    "rules": rules,
                    "cats": cats,
                })
            })
            .collect();
        Ok(json!({ "node_id": id, "node_name": name, "node_type": kind, "links": links }))
    }
}
