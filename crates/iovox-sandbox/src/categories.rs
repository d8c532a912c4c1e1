//! The Categories family as IOVOX answers it: createCategories, getCategories,
//! getCategoryId, deleteCategories. The request's own checks are the SDK's (same words);
//! then the account's, every message at once, all of the request or none of it. A
//! category is known by its label and ID (deleteCategories names it so); a parent is
//! looked for under the same label (docs/decisions.md 43).

use crate::account::Account;
use crate::lifecycle::{paginate, wanted};
use crate::setup::{ids, positions, records};
use crate::state::CategoryInfo;
use iovox_core::categories::{CATEGORY, CATEGORY_IDS};
use iovox_core::{wire, CategoriesRequest, Category, CategoryIdRequest, CategoryMatch, Page};

impl Account {
    fn category(&self, label: &str, id: &str) -> Option<&CategoryInfo> {
        (self.state.categories.iter()).find(|c| c.label == label && c.category_id == id)
    }

    /// createCategories: "Category ID x of y already exist" for an ID its label has (or
    /// that the request named before), "Parent ID x of y does not exist" for a parent its
    /// label does not have (made earlier in the same request counts).
    pub fn create_categories(&mut self, r: &wire::Records) -> Result<(), Vec<String>> {
        let given = records(&CATEGORY, r)?;
        let mut made: Vec<CategoryInfo> = Vec::new();
        let mut errors = Vec::new();
        for (p, c) in positions(given.len()).zip(&given) {
            let text = |k: &str| c.get(k).cloned().unwrap_or_default();
            let category = CategoryInfo {
                category_id: text("category_id"),
                label: text("label"),
                value: text("value"),
                parent_category_id: c.get("parent_category_id").cloned(),
            };
            let known = |label: &str, id: &str| {
                self.category(label, id).is_some()
                    || made.iter().any(|m| m.label == label && m.category_id == id)
            };
            if known(&category.label, &category.category_id) {
                errors.push(format!("Category ID {p} already exist"));
            }
            if let Some(parent) = &category.parent_category_id {
                if !known(&category.label, parent) {
                    errors.push(format!("Parent ID {p} does not exist"));
                }
            }
            made.push(category);
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        self.state.categories.extend(made);
        Ok(())
    }

    /// getCategories: the children of `parent_category_id` ("Category ID does not exist"
    /// when no label has it), or the top category of every label, in the order made.
    pub fn categories(&self, r: &CategoriesRequest) -> Result<Page<Category>, Vec<String>> {
        let parent = match &r.parent_category_id {
            Some(id) => match self.state.categories.iter().find(|c| &c.category_id == id) {
                Some(p) => Some(p),
                None => return Err(vec!["Category ID does not exist".to_string()]),
            },
            None => None,
        };
        let under = |c: &CategoryInfo, p: Option<&CategoryInfo>| match p {
            Some(p) => c.label == p.label && c.parent_category_id.as_ref() == Some(&p.category_id),
            None => c.parent_category_id.is_none(),
        };
        let all: Vec<Category> = (self.state.categories.iter())
            .filter(|c| under(c, parent))
            .map(|c| {
                let children = self.state.categories.iter().filter(|k| under(k, Some(c)));
                let mut category = Category {
                    category_id: Some(c.category_id.clone()),
                    label: Some(c.label.clone()),
                    value: Some(c.value.clone()),
                    child_count: Some(children.count() as u32),
                };
                let f = &r.req_fields;
                category.retain_fields(|d| d.abbreviation.is_some_and(|a| wanted(f, a, true)));
                category
            })
            .collect();
        Ok(paginate(all, r.page, r.limit))
    }

    /// getCategoryId: every category of `label` holding `value`, with the values from
    /// the top of its label down to it, joined by `delimiter` (`;`).
    pub fn category_ids(&self, r: &CategoryIdRequest) -> Page<CategoryMatch> {
        let label = r.label.as_deref().unwrap_or_default();
        let value = r.value.as_deref().unwrap_or_default();
        let delimiter = r.delimiter.as_deref().unwrap_or(";");
        let all: Vec<CategoryMatch> = (self.state.categories.iter())
            .filter(|c| c.label == label && c.value == value)
            .map(|c| CategoryMatch {
                category_id: Some(c.category_id.clone()),
                category_path: Some(self.path(c).join(delimiter)),
            })
            .collect();
        paginate(all, r.page, r.limit)
    }

    /// The values from the top of `c`'s label down to `c`.
    fn path<'a>(&'a self, mut c: &'a CategoryInfo) -> Vec<&'a str> {
        let mut values = vec![c.value.as_str()];
        // A state file could hold a loop of parents: stop after as many steps as there
        // are categories.
        for _ in 0..self.state.categories.len() {
            match (c.parent_category_id.as_deref()).and_then(|p| self.category(&c.label, p)) {
                Some(parent) => {
                    values.push(parent.value.as_str());
                    c = parent;
                }
                None => break,
            }
        }
        values.reverse();
        values
    }

    /// deleteCategories: each `label;category_id` the account has ("Category ID x of y
    /// Empty" without an ID, "Category ID x of y does not exist"), with the categories
    /// under it.
    pub fn delete_categories(&mut self, r: &wire::DetachRequest) -> Result<(), Vec<String>> {
        let named = ids(&CATEGORY_IDS, r)?;
        let mut errors = Vec::new();
        let mut gone: Vec<(String, String)> = Vec::new();
        for (p, item) in positions(named.len()).zip(&named) {
            let (label, id) = item.split_once(';').unwrap_or(("", item));
            let (label, id) = (label.trim(), id.trim());
            if id.is_empty() {
                errors.push(format!("Category ID {p} Empty"));
            } else if self.category(label, id).is_none() {
                errors.push(format!("Category ID {p} does not exist"));
            } else {
                gone.push((label.to_string(), id.to_string()));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        // With everything under them: repeat until no category's parent is gone.
        loop {
            let before = gone.len();
            for c in &self.state.categories {
                let parent_gone = (c.parent_category_id.as_ref())
                    .is_some_and(|p| gone.iter().any(|(l, g)| *l == c.label && g == p));
                let pair = (c.label.clone(), c.category_id.clone());
                if parent_gone && !gone.contains(&pair) {
                    gone.push(pair);
                }
            }
            if gone.len() == before {
                break;
            }
        }
        (self.state.categories).retain(|c| {
            !gone
                .iter()
                .any(|(l, g)| *l == c.label && *g == c.category_id)
        });
        Ok(())
    }
}

impl Account {
    /// The label of a link's category: as attached, or the account's category of that ID.
    fn label_of(&self, category: &serde_json::Value) -> Option<String> {
        let id = category.get("category_id").and_then(|v| v.as_str())?;
        (category
            .get("label")
            .and_then(|v| v.as_str())
            .map(str::to_string))
        .or_else(|| {
            self.state
                .categories
                .iter()
                .find(|c| c.category_id == id)
                .map(|c| c.label.clone())
        })
    }

    /// attachCategoryToLink: each link the account has; the category by its ID, or made
    /// under `parent_category_id` with `value` when no label has that ID. What IOVOX
    /// answers otherwise is not documented: the sandbox's own words.
    pub fn attach_category_to_link(&mut self, r: &wire::Records) -> Result<(), Vec<String>> {
        let given = records(&iovox_core::categories::LINK_CATEGORY, r)?;
        let mut errors = Vec::new();
        let mut made: Vec<CategoryInfo> = Vec::new();
        let mut attached: Vec<(String, serde_json::Value)> = Vec::new();
        for (p, l) in positions(given.len()).zip(&given) {
            let text = |k: &str| l.get(k).cloned().unwrap_or_default();
            let (link, id) = (text("link_id"), text("category_id"));
            if !self.state.links.contains(&link) {
                errors.push(crate::setup::undocumented(format!(
                    "Link ID {p} ({link}) does not exist"
                )));
                continue;
            }
            let existing = (self.state.categories.iter().chain(&made))
                .find(|c| c.category_id == id)
                .cloned();
            let category = match existing {
                Some(c) => c,
                None => {
                    let parent = l.get("parent_category_id");
                    let parent = parent
                        .and_then(|p| self.state.categories.iter().find(|c| &c.category_id == p));
                    match (parent, l.get("value")) {
                        (Some(parent), Some(value)) => {
                            let c = CategoryInfo {
                                category_id: id.clone(),
                                label: parent.label.clone(),
                                value: value.clone(),
                                parent_category_id: Some(parent.category_id.clone()),
                            };
                            made.push(c.clone());
                            c
                        }
                        _ => {
                            errors.push(crate::setup::undocumented(format!(
                                "Category ID {p} ({id}) does not exist, and no parent and value make it"
                            )));
                            continue;
                        }
                    }
                }
            };
            let entry = serde_json::json!({
                "category_id": category.category_id, "label": category.label, "value": category.value,
            });
            attached.push((link, entry));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        self.state.categories.extend(made);
        for (link, entry) in attached {
            if let Some(info) = self.state.links.0.get_mut(&link) {
                let id = entry["category_id"].clone();
                info.categories.retain(|c| c["category_id"] != id);
                info.categories.push(entry);
            }
        }
        Ok(())
    }

    /// removeCategoryFromLink: "Link ID x of y does not exist" and "Category ID/Label
    /// Combination x of y does not exist" (page).
    pub fn remove_category_from_link(&mut self, r: &wire::Records) -> Result<(), Vec<String>> {
        let given = records(&iovox_core::categories::LINK_CATEGORY_REMOVAL, r)?;
        let mut errors = Vec::new();
        let mut gone: Vec<(String, String)> = Vec::new();
        for (p, l) in positions(given.len()).zip(&given) {
            let text = |k: &str| l.get(k).cloned().unwrap_or_default();
            let (link, id, label) = (text("link_id"), text("category_id"), text("label"));
            let Some(info) = self.state.links.0.get(&link) else {
                errors.push(format!("Link ID {p} does not exist"));
                continue;
            };
            let on_link = (info.categories.iter()).any(|c| {
                c["category_id"].as_str() == Some(id.as_str())
                    && self.label_of(c).as_deref() == Some(label.as_str())
            });
            if on_link {
                gone.push((link, id));
            } else {
                errors.push(format!("Category ID/Label Combination {p} does not exist"));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        for (link, id) in gone {
            if let Some(info) = self.state.links.0.get_mut(&link) {
                info.categories
                    .retain(|c| c["category_id"].as_str() != Some(id.as_str()));
            }
        }
        Ok(())
    }
}

/// The text of a stored category configuration's element.
fn configuration_text<'a>(c: &'a serde_json::Value, key: &str) -> &'a str {
    c.get(key).and_then(|v| v.as_str()).unwrap_or_default()
}

impl Account {
    /// createCategoryConfigurations: the method's own checks (same words), then "Category
    /// ID x of y exists" and "Label x of y exists" (its page's words) for an ID or a label
    /// the account has, or the request named before. Stored with `type` `Tree` unless
    /// given.
    pub fn create_category_configurations(&mut self, r: &wire::Records) -> Result<(), Vec<String>> {
        use iovox_core::method::{CreateCategoryConfigurations, Method};
        CreateCategoryConfigurations::prepare_wire(r).map_err(|e| e.messages())?;
        let given = records(&iovox_core::categories::CATEGORY_CONFIGURATION, r)?;
        let mut made: Vec<serde_json::Value> = Vec::new();
        let mut errors = Vec::new();
        for (p, c) in positions(given.len()).zip(&given) {
            let mut stored = serde_json::Map::new();
            for (k, v) in c {
                stored.insert(k.clone(), serde_json::Value::String(v.clone()));
            }
            stored
                .entry("type")
                .or_insert_with(|| serde_json::Value::String("Tree".into()));
            let stored = serde_json::Value::Object(stored);
            let taken = |key: &str| {
                let mine = configuration_text(&stored, key);
                (self.state.category_configurations.iter())
                    .chain(&made)
                    .any(|o| configuration_text(o, key) == mine)
            };
            if taken("category_id") {
                errors.push(format!("Category ID {p} exists"));
            }
            if taken("label") {
                errors.push(format!("Label {p} exists"));
            }
            made.push(stored);
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        self.state.category_configurations.extend(made);
        Ok(())
    }

    /// deleteCategoryConfigurations: the method's own checks, then "Category ID x of y does
    /// not exist" for an ID the account has no configuration of.
    pub fn delete_category_configurations(
        &mut self,
        r: &wire::DetachRequest,
    ) -> Result<(), Vec<String>> {
        use iovox_core::method::{DeleteCategoryConfigurations, Method};
        let prepared = DeleteCategoryConfigurations::prepare_wire(r).map_err(|e| e.messages())?;
        let named: Vec<String> = (prepared.query.iter())
            .filter(|(k, _)| *k == "categories_ids")
            .flat_map(|(_, v)| v.split(',').map(str::to_string).collect::<Vec<_>>())
            .collect();
        let has = |id: &str| {
            (self.state.category_configurations.iter())
                .any(|c| configuration_text(c, "category_id") == id)
        };
        let errors: Vec<String> = positions(named.len())
            .zip(&named)
            .filter(|(_, id)| !has(id))
            .map(|(p, _)| format!("Category ID {p} does not exist"))
            .collect();
        if !errors.is_empty() {
            return Err(errors);
        }
        (self.state.category_configurations).retain(|c| {
            !named
                .iter()
                .any(|id| configuration_text(c, "category_id") == id)
        });
        Ok(())
    }
}
