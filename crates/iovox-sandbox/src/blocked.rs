//! Blocked numbers as IOVOX answers them: createBlockedNumbers, updateBlockedNumbers,
//! deleteBlockedNumbers, getBlockedNumbers. A blocked number is known by its number,
//! direction and operator; the request's own checks are the SDK's, then the account's,
//! all of a request or none of it (docs/decisions.md 50).

use crate::account::Account;
use crate::setup::{positions, undocumented};
use iovox_core::BlockedNumbersRequest;
use serde_json::{json, Value};

/// A blocked number's key: its number, direction and operator, as IOVOX compares them.
fn key(v: &Value) -> (String, String, String) {
    let t = |k: &str| {
        v.get(k)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .trim()
            .to_uppercase()
    };
    (t("number"), t("in_or_out"), t("operator"))
}

/// A `number;in_or_out;operator` entry of deleteBlockedNumbers.
fn key_of(entry: &str) -> (String, String, String) {
    let mut parts = entry.split(';').map(|p| p.trim().to_uppercase());
    let mut next = || parts.next().unwrap_or_default();
    (next(), next(), next())
}

impl Account {
    /// createBlockedNumbers: one without a number, or a combination the account has, or
    /// the request names twice, is refused (IOVOX's words for these are not documented).
    pub fn create_blocked_numbers(&mut self, items: &[Value]) -> Result<(), Vec<String>> {
        let mut errors = Vec::new();
        for (p, (i, item)) in positions(items.len()).zip(items.iter().enumerate()) {
            let k = key(item);
            if k.0.is_empty() {
                errors.push(undocumented(format!("Blocked Number {p} has no number")));
                continue;
            }
            let taken = (self.state.blocked_numbers.iter()).any(|b| key(b) == k)
                || items[..i].iter().any(|b| key(b) == k);
            if taken {
                errors.push(undocumented(format!("Blocked Number {p} exists already")));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        self.state.blocked_numbers.extend(items.iter().cloned());
        Ok(())
    }

    /// updateBlockedNumbers: each found by its combination; a new combination another has
    /// is refused unless `if_exists` is OVERWRITE (then that one goes).
    pub fn update_blocked_numbers(&mut self, items: &[Value]) -> Result<(), Vec<String>> {
        let mut numbers = self.state.blocked_numbers.clone();
        let mut errors = Vec::new();
        for (p, item) in positions(items.len()).zip(items) {
            let Some(i) = numbers.iter().position(|b| key(b) == key(item)) else {
                errors.push(undocumented(format!("Blocked Number {p} does not exist")));
                continue;
            };
            let mut changed = numbers[i].clone();
            for (new, old) in [
                ("new_number", "number"),
                ("new_in_or_out", "in_or_out"),
                ("new_operator", "operator"),
            ] {
                if let Some(v) = item.get(new) {
                    changed[old] = v.clone();
                }
            }
            for k in ["default", "notes", "rules"] {
                if let Some(v) = item.get(k) {
                    changed[k] = v.clone();
                }
            }
            let clash =
                (numbers.iter().enumerate()).position(|(j, b)| j != i && key(b) == key(&changed));
            let overwrite = item
                .get("if_exists")
                .and_then(Value::as_str)
                .is_some_and(|v| v.eq_ignore_ascii_case("OVERWRITE"));
            match clash {
                Some(_) if !overwrite => {
                    errors.push(undocumented(format!(
                        "Blocked Number {p}'s new combination exists already and if_exists is not OVERWRITE"
                    )));
                    continue;
                }
                Some(j) => {
                    numbers[i] = changed;
                    numbers.remove(j);
                }
                None => numbers[i] = changed,
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        self.state.blocked_numbers = numbers;
        Ok(())
    }

    /// deleteBlockedNumbers: "Blocked Number x of y does not exist" (page).
    pub fn delete_blocked_numbers(&mut self, entries: &[String]) -> Result<(), Vec<String>> {
        let keys: Vec<_> = entries.iter().map(|e| key_of(e)).collect();
        let mut errors = Vec::new();
        for (p, k) in positions(keys.len()).zip(&keys) {
            if !self.state.blocked_numbers.iter().any(|b| &key(b) == k) {
                errors.push(format!("Blocked Number {p} does not exist"));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        self.state
            .blocked_numbers
            .retain(|b| !keys.contains(&key(b)));
        Ok(())
    }

    /// getBlockedNumbers: those matching every filter ("Number does not exist" for a number
    /// none has, page), the fields asked for (IOVOX's default leaves the rules out), sorted.
    pub fn blocked_numbers(&self, r: &BlockedNumbersRequest) -> Result<Value, String> {
        let upper = |v: &Value, k: &str| {
            v.get(k)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_uppercase()
        };
        let mut all: Vec<Value> = (self.state.blocked_numbers.iter())
            .filter(|b| {
                r.number
                    .as_ref()
                    .is_none_or(|n| b["number"].as_str() == Some(n.as_str()))
            })
            .filter(|b| {
                r.operator
                    .is_none_or(|o| upper(b, "operator") == o.as_str())
            })
            .filter(|b| {
                r.in_or_out
                    .is_none_or(|d| upper(b, "in_or_out") == d.as_str())
            })
            .cloned()
            .collect();
        if r.number.is_some() && all.is_empty() {
            return Err("Number does not exist".into());
        }
        let fields = [
            ("no", "number"),
            ("op", "operator"),
            ("ioo", "in_or_out"),
            ("nn", "notes"),
            ("rules", "rules"),
        ];
        if let Some((field, direction)) = r.order.as_deref().and_then(|o| o.rsplit_once('_')) {
            if let Some((_, element)) = fields.iter().find(|(a, _)| *a == field) {
                all.sort_by_key(|b| b.get(*element).map(|v| v.to_string()).unwrap_or_default());
                if direction == "DESC" {
                    all.reverse();
                }
            }
        }
        let wanted = |a: &str| {
            if r.req_fields.is_empty() {
                a != "rules"
            } else {
                r.req_fields.iter().any(|f| f == a)
            }
        };
        let results: Vec<Value> = (all.into_iter())
            .map(|mut b| {
                if let Value::Object(m) = &mut b {
                    for (a, element) in fields {
                        if !wanted(a) {
                            m.remove(element);
                        }
                    }
                }
                b
            })
            .collect();
        let page = crate::lifecycle::paginate(results, r.page, r.limit);
        Ok(json!({
            "current_page": page.current_page,
            "total_pages": page.total_pages,
            "total_results": page.total_results,
            "results": page.results,
        }))
    }
}

fn label(v: &Value) -> String {
    v.get("label")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .trim()
        .to_string()
}

impl Account {
    /// createTimeTemplates: one without a label, or a label the account has, or the
    /// request names twice, is refused (IOVOX's words are not documented).
    pub fn create_time_templates(&mut self, items: &[Value]) -> Result<(), Vec<String>> {
        let mut errors = Vec::new();
        for (p, (i, item)) in positions(items.len()).zip(items.iter().enumerate()) {
            let l = label(item);
            if l.is_empty() {
                errors.push(undocumented(format!("Time Template {p} has no label")));
            } else if self.state.time_templates.iter().any(|t| label(t) == l)
                || items[..i].iter().any(|t| label(t) == l)
            {
                errors.push(undocumented(format!(
                    "Time Template {p} ({l}) exists already"
                )));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let now = crate::clock::now_utc();
        for item in items {
            let mut t = item.clone();
            t["created"] = now.clone().into();
            self.state.time_templates.push(t);
        }
        Ok(())
    }

    /// updateTimeTemplates: each by its label; a new label another has is refused; the
    /// blocking rules that use it follow a rename.
    pub fn update_time_templates(&mut self, items: &[Value]) -> Result<(), Vec<String>> {
        let mut templates = self.state.time_templates.clone();
        let mut renames = Vec::new();
        let mut errors = Vec::new();
        for (p, item) in positions(items.len()).zip(items) {
            let l = label(item);
            let Some(i) = templates.iter().position(|t| label(t) == l) else {
                errors.push(undocumented(format!(
                    "Time Template {p} ({l}) does not exist"
                )));
                continue;
            };
            if let Some(new) = item.get("new_label").and_then(Value::as_str).map(str::trim) {
                if (templates.iter().enumerate()).any(|(j, t)| j != i && label(t) == new) {
                    errors.push(undocumented(format!(
                        "Time Template {p}'s new label {new} is taken"
                    )));
                    continue;
                }
                templates[i]["label"] = new.into();
                renames.push((l.clone(), new.to_string()));
            }
            for k in ["time_frames", "notes"] {
                if let Some(v) = item.get(k) {
                    templates[i][k] = v.clone();
                }
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        self.state.time_templates = templates;
        for (old, new) in renames {
            self.rules_using(&old, |rule| rule["time_template"] = new.clone().into());
        }
        Ok(())
    }

    /// The blocking rules that use a time template, each changed by `f`.
    fn rules_using(&mut self, name: &str, mut f: impl FnMut(&mut Value)) -> usize {
        let mut n = 0;
        for b in &mut self.state.blocked_numbers {
            for rule in b
                .get_mut("rules")
                .and_then(Value::as_array_mut)
                .into_iter()
                .flatten()
            {
                if rule.get("time_template").and_then(Value::as_str) == Some(name) {
                    f(rule);
                    n += 1;
                }
            }
        }
        n
    }

    /// deleteTimeTemplates: each label the account has; one a blocking rule uses is
    /// refused unless `force` (then the rule loses it). In the sandbox's words.
    pub fn delete_time_templates(
        &mut self,
        labels: &[String],
        force: bool,
    ) -> Result<(), Vec<String>> {
        let mut errors = Vec::new();
        for (p, l) in positions(labels.len()).zip(labels) {
            if !self.state.time_templates.iter().any(|t| &label(t) == l) {
                errors.push(undocumented(format!(
                    "Time Template {p} ({l}) does not exist"
                )));
            } else if !force && self.clone_count_rules(l) > 0 {
                errors.push(undocumented(format!(
                    "Time Template {p} ({l}) is used by blocking rules and force is not TRUE"
                )));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        for l in labels {
            self.rules_using(l, |rule| {
                if let Value::Object(m) = rule {
                    m.remove("time_template");
                }
            });
        }
        self.state
            .time_templates
            .retain(|t| !labels.contains(&label(t)));
        Ok(())
    }

    fn clone_count_rules(&self, name: &str) -> usize {
        (self.state.blocked_numbers.iter())
            .flat_map(|b| {
                b.get("rules")
                    .and_then(Value::as_array)
                    .cloned()
                    .unwrap_or_default()
            })
            .filter(|r| r.get("time_template").and_then(Value::as_str) == Some(name))
            .count()
    }

    /// getTimeTemplates: by label, with the fields asked for (`l`, `n`, `tf`, `c`).
    pub fn time_templates(&self, r: &iovox_core::TimeTemplatesRequest) -> Value {
        let fields = [
            ("l", "label"),
            ("n", "notes"),
            ("tf", "time_frames"),
            ("c", "created"),
        ];
        let wanted = |a: &str| r.req_fields.is_empty() || r.req_fields.iter().any(|f| f == a);
        let results: Vec<Value> = (self.state.time_templates.iter())
            .filter(|t| {
                r.time_template_label
                    .as_ref()
                    .is_none_or(|l| *l == label(t))
            })
            .map(|t| {
                let mut t = t.clone();
                if let Value::Object(m) = &mut t {
                    for (a, element) in fields {
                        if !wanted(a) {
                            m.remove(element);
                        }
                    }
                }
                t
            })
            .collect();
        let page = crate::lifecycle::paginate(results, r.page, r.limit);
        json!({
            "current_page": page.current_page,
            "total_pages": page.total_pages,
            "total_results": page.total_results,
            "results": page.results,
        })
    }
}
