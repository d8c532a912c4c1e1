//! Rule templates and SMS templates as IOVOX answers them: getRuleTemplates,
//! getVariableRulesOfTemplate, attachRuleTemplateToLinks, attachSMSTemplateToLinks,
//! removeRuleTemplateFromLinks, removeSMSTemplateFromLinks. The request's own checks are
//! the SDK's; then the account's, all of a request or none of it. Where IOVOX's words for
//! what only the account knows are not documented, the sandbox says so in its own
//! (docs/decisions.md 47).

use crate::account::Account;
use crate::lifecycle::{paginate, sort_by, wanted};
use crate::setup::{positions, undocumented};
use crate::state::RuleTemplateInfo;
use iovox_core::{wire, Page, RuleTemplate, RuleTemplatesRequest, TemplateType};
use serde_json::Value;

/// Which of a link's templates a method acts on.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The calling rules (attachRuleTemplateToLinks).
    Calls,
    /// The SMS rules (attachSMSTemplateToLinks).
    Sms,
}

/// A page of rule templates as getRuleTemplates and getCallFlows answer it: newest first
/// unless `order` says, each with only the fields asked for.
fn template_page(
    templates: Vec<&RuleTemplateInfo>,
    order: &Option<String>,
    req_fields: &[String],
    page: Option<u32>,
    limit: Option<u32>,
) -> Page<RuleTemplate> {
    let mut all: Vec<RuleTemplate> = (templates.into_iter())
        .map(|t| RuleTemplate {
            template_name: Some(t.template_name.clone()),
            template_notes: t.template_notes.clone(),
            template_type: Some(t.template_type.clone()),
            created: Some(t.created.clone()),
            advanced: Some(if t.advanced { "YES" } else { "NO" }.into()),
        })
        .collect();
    let order = order.clone().or(Some("c_DESC".into()));
    sort_by(&mut all, &order, |t, field| t.text_of(field));
    for t in &mut all {
        t.retain_fields(|d| d.abbreviation.is_some_and(|a| wanted(req_fields, a, true)));
    }
    paginate(all, page, limit)
}

impl Account {
    /// attachRuleTemplateToLinks, attachSMSTemplateToLinks: the template must exist, each
    /// link too, and a link that has one already is refused unless `overwrite_existing`.
    pub fn attach_template(&mut self, kind: Kind, request: &Value) -> Result<(), Vec<String>> {
        let text = |k: &str| {
            request
                .get(k)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .trim()
        };
        let name = text("template_name").to_string();
        let overwrite = text("overwrite_existing").eq_ignore_ascii_case("TRUE");
        let templates = match kind {
            Kind::Calls => &self.state.rule_templates,
            Kind::Sms => &self.state.sms_templates,
        };
        let mut errors = Vec::new();
        if !templates.iter().any(|t| t.template_name == name) {
            errors.push(undocumented(format!("there is no template {name:?}")));
        }
        let ids: Vec<String> = (request
            .get("link_ids")
            .and_then(Value::as_array)
            .into_iter())
        .flatten()
        .filter_map(|v| v.as_str().map(|s| s.trim().to_string()))
        .collect();
        for (p, id) in positions(ids.len()).zip(&ids) {
            match self.state.links.0.get(id) {
                None => errors.push(undocumented(format!("Link ID {p} ({id}) does not exist"))),
                Some(link) => {
                    let has = match kind {
                        Kind::Calls => link.rule_template_name.is_some(),
                        Kind::Sms => link.sms_template_name.is_some(),
                    };
                    if has && !overwrite {
                        errors.push(undocumented(format!(
                            "Link ID {p} ({id}) has a template and overwrite_existing is not TRUE"
                        )));
                    }
                }
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let rules: Vec<Value> = (request.get("rules_variable").and_then(Value::as_array))
            .cloned()
            .unwrap_or_default();
        for id in &ids {
            if let Some(link) = self.state.links.0.get_mut(id) {
                match kind {
                    Kind::Calls => {
                        link.rule_template_name = Some(name.clone());
                        link.rules = rules.clone();
                    }
                    Kind::Sms => {
                        link.sms_template_name = Some(name.clone());
                        link.sms_rules = rules.clone();
                    }
                }
            }
        }
        Ok(())
    }

    /// removeRuleTemplateFromLinks, removeSMSTemplateFromLinks: each link must exist ("Link
    /// ID x of y does not exist", removeSMSTemplateFromLinks' page; the same words for the
    /// rule template, whose page we lack, marked undocumented there).
    pub fn remove_template(
        &mut self,
        kind: Kind,
        r: &wire::DetachRequest,
    ) -> Result<(), Vec<String>> {
        let ids: Vec<String> = (r.link_ids.iter())
            .map(|e| {
                e.0.as_ref()
                    .and_then(|g| g.as_text())
                    .unwrap_or_default()
                    .trim()
                    .to_string()
            })
            .collect();
        let mut errors = Vec::new();
        for (p, id) in positions(ids.len()).zip(&ids) {
            if !self.state.links.contains(id) {
                let m = format!("Link ID {p} does not exist");
                errors.push(if kind == Kind::Sms {
                    m
                } else {
                    undocumented(m)
                });
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        for id in &ids {
            if let Some(link) = self.state.links.0.get_mut(id) {
                match kind {
                    Kind::Calls => {
                        link.rule_template_name = None;
                        link.rules.clear();
                    }
                    Kind::Sms => {
                        link.sms_template_name = None;
                        link.sms_rules.clear();
                    }
                }
            }
        }
        Ok(())
    }

    /// getRuleTemplates: the templates of the type asked for (both by default), by name,
    /// advanced ones only with `advanced` YES; newest first unless `order` says otherwise.
    pub fn rule_templates(&self, r: &RuleTemplatesRequest) -> Page<RuleTemplate> {
        let all: Vec<&RuleTemplateInfo> = (self.state.rule_templates.iter())
            .filter(|t| {
                r.template_name
                    .as_ref()
                    .is_none_or(|n| *n == t.template_name)
            })
            .filter(|t| match r.template_type {
                None | Some(TemplateType::All) => true,
                Some(kind) => t.template_type == kind.as_str(),
            })
            .filter(|t| r.advanced != Some(iovox_core::Advanced::Yes) || t.advanced)
            .collect();
        template_page(all, &r.order, &r.req_fields, r.page, r.limit)
    }

    /// getVariableRulesOfTemplate: the template's variable rules ("Template Name does not
    /// exist"), or a link's values for them ("Link ID Doesn't exist"; page, this casing).
    pub fn variable_rules(&self, name: &str, link: Option<&str>) -> Result<Value, String> {
        let Some(template) = self
            .state
            .rule_templates
            .iter()
            .find(|t| t.template_name == name)
        else {
            return Err("Template Name does not exist".into());
        };
        let rules = match link {
            Some(id) => match self.state.links.0.get(id) {
                None => return Err("Link ID Doesn't exist".into()),
                Some(l) if l.rule_template_name.as_deref() == Some(name) => l.rules.clone(),
                Some(_) => template.rules.clone(),
            },
            None => template.rules.clone(),
        };
        Ok(serde_json::json!({ "rules": rules }))
    }
}

/// A flow's variable rules, as getVariableRulesOfTemplate answers them: each of its own
/// rules with an attribute left to the link (`?`).
fn variable_rules_of(flow: &[Value]) -> Vec<Value> {
    (flow.iter())
        .filter(|r| r.as_object().is_some_and(|m| m.values().any(|v| v == "?")))
        .map(|r| {
            serde_json::json!({
                "rule_id": r.get("id"),
                "rule_type": r.get("element"),
                "rule_label": r.get("label"),
            })
        })
        .collect()
}

impl Account {
    fn flow_index(&self, name: &str) -> Option<usize> {
        (self.state.rule_templates.iter()).position(|t| t.template_name == name && t.flow.is_some())
    }

    /// createCallFlow: "CallFlow Name already exists" (page) for a name any template has.
    pub fn create_call_flow(&mut self, flow: &Value) -> Result<(), Vec<String>> {
        let name = flow["name"].as_str().unwrap_or_default().trim().to_string();
        if self
            .state
            .rule_templates
            .iter()
            .any(|t| t.template_name == name)
        {
            return Err(vec!["CallFlow Name already exists".into()]);
        }
        let rules = flow["rules"].as_array().cloned().unwrap_or_default();
        self.state
            .rule_templates
            .push(crate::state::RuleTemplateInfo {
                template_name: name,
                template_notes: flow["notes"].as_str().map(str::to_string),
                template_type: "CUSTOM".into(),
                advanced: false,
                created: crate::clock::now_utc(),
                rules: variable_rules_of(&rules),
                flow: Some(rules),
            });
        Ok(())
    }

    /// updateCallFlow: the flow by name, a new name free; the links that follow it take the
    /// new version, keeping their values for the rule IDs it still has.
    pub fn update_call_flow(&mut self, flow: &Value) -> Result<(), Vec<String>> {
        let name = flow["name"].as_str().unwrap_or_default().trim().to_string();
        let Some(i) = self.flow_index(&name) else {
            return Err(vec![undocumented(format!(
                "there is no call flow {name:?}"
            ))]);
        };
        let new_name = flow["new_name"].as_str().map(|n| n.trim().to_string());
        if let Some(n) = new_name.as_ref().filter(|n| **n != name) {
            if self
                .state
                .rule_templates
                .iter()
                .any(|t| &t.template_name == n)
            {
                return Err(vec![undocumented(format!(
                    "a template is named {n:?} already"
                ))]);
            }
        }
        let rules = flow["rules"].as_array().cloned().unwrap_or_default();
        let variable = variable_rules_of(&rules);
        let kept: Vec<Value> = variable
            .iter()
            .filter_map(|v| v.get("rule_id").cloned())
            .collect();
        let template = &mut self.state.rule_templates[i];
        let final_name = new_name.unwrap_or_else(|| name.clone());
        template.template_name = final_name.clone();
        if let Some(notes) = flow["notes"].as_str() {
            template.template_notes = Some(notes.to_string());
        }
        template.rules = variable;
        template.flow = Some(rules);
        for link in self.state.links.0.values_mut() {
            if link.rule_template_name.as_deref() == Some(name.as_str()) {
                link.rule_template_name = Some(final_name.clone());
                link.rules
                    .retain(|r| r.get("rule_id").is_some_and(|id| kept.contains(id)));
            }
        }
        Ok(())
    }

    /// getCallFlow: "Call Flow Doesn't exist" (page) for a name no call flow has.
    pub fn call_flow(&self, name: &str) -> Result<Value, String> {
        let Some(i) = self.flow_index(name) else {
            return Err("Call Flow Doesn't exist".into());
        };
        let t = &self.state.rule_templates[i];
        Ok(serde_json::json!({
            "name": t.template_name,
            "notes": t.template_notes,
            "rules": t.flow.clone().unwrap_or_default(),
        }))
    }

    /// getCallFlows: the account's call flows, by name; newest first unless `order` says.
    pub fn call_flows(&self, r: &iovox_core::CallFlowsRequest) -> Page<RuleTemplate> {
        let all: Vec<&RuleTemplateInfo> = (self.state.rule_templates.iter())
            .filter(|t| t.flow.is_some())
            .filter(|t| {
                r.template_name
                    .as_ref()
                    .is_none_or(|n| *n == t.template_name)
            })
            .collect();
        template_page(all, &r.order, &r.req_fields, r.page, r.limit)
    }

    /// deleteCallFlows: each name a call flow has; one that links follow is refused unless
    /// `detach_from_links` (then they follow none). In the sandbox's words: the page's
    /// table is not in our copies.
    pub fn delete_call_flows(&mut self, names: &[String], detach: bool) -> Result<(), Vec<String>> {
        let mut errors = Vec::new();
        for (p, name) in positions(names.len()).zip(names) {
            if self.flow_index(name).is_none() {
                errors.push(undocumented(format!(
                    "Call Flow {p} ({name}) does not exist"
                )));
            } else if !detach
                && (self.state.links.iter()).any(|l| l.rule_template_name.as_ref() == Some(name))
            {
                errors.push(undocumented(format!(
                    "Call Flow {p} ({name}) is attached to links and detach_from_links is not TRUE"
                )));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        for link in self.state.links.0.values_mut() {
            if link
                .rule_template_name
                .as_ref()
                .is_some_and(|n| names.contains(n))
            {
                link.rule_template_name = None;
                link.rules.clear();
            }
        }
        (self.state.rule_templates)
            .retain(|t| t.flow.is_none() || !names.contains(&t.template_name));
        Ok(())
    }
}
