//! The Contacts family as IOVOX answers it: createContacts, updateContacts, deleteContacts,
//! getContacts, getContactDetails. The request's own checks are the SDK's (same words);
//! then the account's, every message at once, all of the request or none of it. Where
//! IOVOX's words for what only the account knows are not documented (an ID taken, a
//! contact to update that is not there), the sandbox says so in its own
//! (docs/decisions.md 46).

use crate::account::Account;
use crate::lifecycle::{paginate, sort_by, wanted};
use crate::setup::{positions, records, undocumented};
use crate::state::ContactInfo;
use iovox_core::contacts::{CONTACT, CONTACT_UPDATE};
use iovox_core::{
    wire, Contact, ContactDetails, ContactDetailsRequest, ContactsRequest, DeleteContactsRequest,
    Page,
};
use serde_json::Value;

/// Whether a variable rule (as createNodeFull kept it) names this contact anywhere.
fn names_contact(rule: &Value, id: &str) -> bool {
    match rule {
        Value::Object(m) => m
            .iter()
            .any(|(k, v)| (k == "contact_id" && v.as_str() == Some(id)) || names_contact(v, id)),
        Value::Array(items) => items.iter().any(|v| names_contact(v, id)),
        _ => false,
    }
}

impl Account {
    fn contact(&self, id: &str) -> Option<&ContactInfo> {
        self.state.contacts.iter().find(|c| c.contact_id == id)
    }

    /// Whether a link's rules use this contact.
    fn contact_in_rules(&self, id: &str) -> bool {
        (self.state.links.iter()).any(|l| l.rules.iter().any(|r| names_contact(r, id)))
    }

    /// createContacts: an ID the account has, or that the request named before, is
    /// refused (in the sandbox's words: IOVOX's are not documented).
    pub fn create_contacts(&mut self, r: &wire::Records) -> Result<(), Vec<String>> {
        let given = records(&CONTACT, r)?;
        let mut errors = Vec::new();
        let mut made: Vec<ContactInfo> = Vec::new();
        for (p, mut details) in positions(given.len()).zip(given) {
            let id = details.remove("contact_id").unwrap_or_default();
            if id.is_empty() {
                errors.push(undocumented(format!("contact {p} has no contact_id")));
            } else if self.contact(&id).is_some() || made.iter().any(|m| m.contact_id == id) {
                errors.push(undocumented(format!("Contact ID {p} ({id}) is taken")));
            }
            made.push(ContactInfo {
                contact_id: id,
                details,
            });
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        self.state.contacts.extend(made);
        Ok(())
    }

    /// updateContacts: each contact by its ID; `replace_details` TRUE empties what is left
    /// out; a new ID another contact has is refused.
    pub fn update_contacts(&mut self, replace: bool, r: &wire::Records) -> Result<(), Vec<String>> {
        let given = records(&CONTACT_UPDATE, r)?;
        let mut contacts = self.state.contacts.clone();
        let mut errors = Vec::new();
        for (p, mut details) in positions(given.len()).zip(given) {
            let id = details.remove("contact_id").unwrap_or_default();
            let Some(i) = contacts.iter().position(|c| c.contact_id == id) else {
                errors.push(undocumented(format!(
                    "Contact ID {p} ({id}) does not exist"
                )));
                continue;
            };
            if let Some(new_id) = details.remove("new_contact_id") {
                if (contacts.iter().enumerate()).any(|(j, c)| j != i && c.contact_id == new_id) {
                    errors.push(undocumented(format!(
                        "new Contact ID {p} ({new_id}) is taken"
                    )));
                    continue;
                }
                contacts[i].contact_id = new_id;
            }
            if replace {
                contacts[i].details = details;
            } else {
                contacts[i].details.extend(details);
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        self.state.contacts = contacts;
        Ok(())
    }

    /// deleteContacts: "Contact ID x of y does not exist", and "Contact x of y is used in
    /// Rules or Rule Templates" without `rm_rules` (with it, those rules go too).
    pub fn delete_contacts(&mut self, r: &DeleteContactsRequest) -> Result<(), Vec<String>> {
        let mut errors = Vec::new();
        for (p, id) in positions(r.contact_ids.len()).zip(&r.contact_ids) {
            if self.contact(id).is_none() {
                errors.push(format!("Contact ID {p} does not exist"));
            } else if !r.rm_rules && self.contact_in_rules(id) {
                errors.push(format!("Contact {p} is used in Rules or Rule Templates"));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let ids = &r.contact_ids;
        for link in self.state.links.0.values_mut() {
            link.rules
                .retain(|rule| !ids.iter().any(|id| names_contact(rule, id)));
        }
        self.state.contacts.retain(|c| !ids.contains(&c.contact_id));
        Ok(())
    }

    /// getContacts: the contacts matching every filter given (`display_name` holding the
    /// text, `phone_number` any of the phones), ordered as asked, with the fields asked for.
    pub fn contacts(&self, r: &ContactsRequest) -> Page<Contact> {
        let detail = |c: &ContactInfo, k: &str| c.details.get(k).cloned();
        let matches = |c: &ContactInfo| {
            let phones = [
                "mobile_phone",
                "home_phone",
                "business_phone",
                "business_fax",
            ];
            let emails = ["email", "email_2"];
            r.contact_id.as_ref().is_none_or(|v| *v == c.contact_id)
                && (r.display_name.as_ref()).is_none_or(|v| {
                    detail(c, "display_name").is_some_and(|d| d.contains(v.as_str()))
                })
                && r.company
                    .as_ref()
                    .is_none_or(|v| detail(c, "company").as_ref() == Some(v))
                && (r.phone_number.as_ref())
                    .is_none_or(|v| phones.iter().any(|k| detail(c, k).as_ref() == Some(v)))
                && (r.email.as_ref())
                    .is_none_or(|v| emails.iter().any(|k| detail(c, k).as_ref() == Some(v)))
        };
        let mut all: Vec<Contact> = (self.state.contacts.iter())
            .filter(|c| matches(c))
            .map(|c| Contact {
                contact_id: Some(c.contact_id.clone()),
                display_name: detail(c, "display_name"),
                company: detail(c, "company"),
                email: detail(c, "email"),
                business_phone: detail(c, "business_phone"),
                // Inferred: a contact a link's rules use is assigned.
                assigned_status: Some(
                    if self.contact_in_rules(&c.contact_id) {
                        "ASSIGNED"
                    } else {
                        "UNASSIGNED"
                    }
                    .into(),
                ),
            })
            .collect();
        sort_by(&mut all, &r.order, |c, field| c.text_of(field));
        for c in &mut all {
            c.retain_fields(|d| {
                d.abbreviation
                    .is_some_and(|a| wanted(&r.req_fields, a, true))
            });
        }
        paginate(all, r.page, r.limit)
    }

    /// getContactDetails: every detail of one contact (none when it is not there: the page
    /// documents no message for that).
    pub fn contact_details(&self, r: &ContactDetailsRequest) -> Page<ContactDetails> {
        let id = r.contact_id.as_deref().unwrap_or_default();
        let all: Vec<ContactDetails> = (self.contact(id).into_iter())
            .map(|c| {
                let mut d = ContactDetails {
                    contact_id: Some(c.contact_id.clone()),
                    ..ContactDetails::default()
                };
                for (k, v) in &c.details {
                    // Every detail createContacts takes is a text field of the answer.
                    let _ = d.set(k, v);
                }
                d
            })
            .collect();
        paginate(all, r.page, r.limit)
    }
}
