//! The SoundFiles family as IOVOX answers it: createSoundFiles, updateSoundFiles,
//! deleteSoundFiles, getSoundFiles, getSoundFileData. The request's own checks are the
//! SDK's (same words); then the account's, every message at once, all of the request or
//! none of it. A sound file is known by its label and group, a missing group being the
//! empty one (docs/decisions.md 44).

use crate::account::Account;
use crate::clock::now_utc;
use crate::lifecycle::{paginate, sort_by, wanted};
use crate::setup::{ids, positions, undocumented};
use crate::state::StoredSoundFile;
use iovox_core::method::{CreateSoundFiles, Method, UpdateSoundFiles};
use iovox_core::sound::SOUND_FILE_IDS;
use iovox_core::{wire, Page, SoundFileInfo, SoundFilesRequest};
use std::collections::BTreeMap;

/// A record's elements as the server reads them: text trimmed, blank as none; the audio
/// (`sound_file`) as its bytes.
struct Given {
    texts: BTreeMap<String, String>,
    audio: Option<Vec<u8>>,
}

impl Given {
    fn text(&self, k: &str) -> Option<&str> {
        self.texts.get(k).map(String::as_str)
    }
}

/// The body's records with their audio decoded from base64, then the SDK's own checks
/// (`check`), with their words.
fn read(
    r: &wire::Records,
    check: fn(&wire::Records) -> Result<iovox_core::method::Prepared, iovox_core::ValidationErrors>,
) -> Result<Vec<Given>, Vec<String>> {
    use base64::Engine;
    let mut errors = Vec::new();
    let mut decoded = r.clone();
    for (p, record) in positions(r.records.len()).zip(&mut decoded.records) {
        let Some(entry) = record.get_mut("sound_file") else {
            continue;
        };
        if let Some(wire::Given::Text(t)) = &entry.0 {
            let t: String = t.chars().filter(|c| !c.is_ascii_whitespace()).collect();
            match base64::engine::general_purpose::STANDARD.decode(t) {
                Ok(bytes) => entry.0 = Some(wire::Given::Bytes(bytes)),
                Err(_) => errors.push(undocumented(format!("Sound File {p} is not base64"))),
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    check(&decoded).map_err(|e| e.messages())?;
    Ok(decoded
        .records
        .iter()
        .map(|record| {
            let mut texts = BTreeMap::new();
            let mut audio = None;
            for (k, v) in record {
                match &v.0 {
                    Some(wire::Given::Text(t)) if !t.trim().is_empty() => {
                        texts.insert(k.clone(), t.trim().to_string());
                    }
                    Some(wire::Given::Bytes(b)) => audio = Some(b.clone()),
                    _ => {}
                }
            }
            Given { texts, audio }
        })
        .collect())
}

impl Account {
    fn sound_file(&self, label: &str, group: &str) -> Option<usize> {
        (self.state.sound_files.iter())
            .position(|f| f.sound_label == label && f.sound_group == group)
    }

    /// createSoundFiles: "Sound Label x of y already exists in Sound Group" for a label
    /// its group has.
    pub fn create_sound_files(&mut self, r: &wire::Records) -> Result<(), Vec<String>> {
        let given = read(r, CreateSoundFiles::prepare_wire)?;
        let mut errors = Vec::new();
        let mut made = Vec::new();
        let now = now_utc();
        let first_id = self.next_sound_id();
        for (p, f) in positions(given.len()).zip(&given) {
            let label = f.text("sound_label").unwrap_or_default();
            let group = f.text("sound_group").unwrap_or_default();
            if self.sound_file(label, group).is_some() {
                errors.push(format!("Sound Label {p} already exists in Sound Group"));
            }
            made.push(StoredSoundFile {
                sound_id: (first_id + made.len() as u64).to_string(),
                sound_label: label.to_string(),
                sound_group: group.to_string(),
                audio: f.audio.clone().unwrap_or_default(),
                notes: f.text("notes").map(str::to_string),
                created: now.clone(),
                updated: now.clone(),
            });
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        self.state.sound_files.extend(made);
        Ok(())
    }

    /// The ID the next sound file gets: one past the largest.
    fn next_sound_id(&self) -> u64 {
        let ids = self
            .state
            .sound_files
            .iter()
            .filter_map(|f| f.sound_id.parse::<u64>().ok());
        ids.max().unwrap_or(0) + 1
    }

    /// updateSoundFiles: "Sound File x of y Does not exist" for a label and group the
    /// account has not, "Sound Label x of y already exists in Sound Group" for a new label
    /// or group another file has.
    pub fn update_sound_files(&mut self, r: &wire::Records) -> Result<(), Vec<String>> {
        let given = read(r, UpdateSoundFiles::prepare_wire)?;
        let mut files = self.state.sound_files.clone();
        let mut errors = Vec::new();
        let now = now_utc();
        for (p, f) in positions(given.len()).zip(&given) {
            let label = f.text("sound_label").unwrap_or_default();
            let group = f.text("sound_group").unwrap_or_default();
            let Some(i) = files
                .iter()
                .position(|s| s.sound_label == label && s.sound_group == group)
            else {
                errors.push(format!("Sound File {p} Does not exist"));
                continue;
            };
            let new_label = f.text("new_sound_label").unwrap_or(label).to_string();
            let new_group = f.text("new_sound_group").unwrap_or(group).to_string();
            let taken = (files.iter().enumerate())
                .any(|(j, s)| j != i && s.sound_label == new_label && s.sound_group == new_group);
            if taken {
                errors.push(format!("Sound Label {p} already exists in Sound Group"));
                continue;
            }
            let file = &mut files[i];
            file.sound_label = new_label;
            file.sound_group = new_group;
            if let Some(audio) = &f.audio {
                file.audio = audio.clone();
            }
            if let Some(notes) = f.text("notes") {
                file.notes = Some(notes.to_string());
            }
            file.updated = now.clone();
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        self.state.sound_files = files;
        Ok(())
    }

    /// deleteSoundFiles: each `sound_label;sound_group` the account has ("Sound Label x of
    /// y Empty" without a label, "Sound File x of y Does not exist").
    pub fn delete_sound_files(&mut self, r: &wire::DetachRequest) -> Result<(), Vec<String>> {
        let named = ids(&SOUND_FILE_IDS, r)?;
        let mut errors = Vec::new();
        let mut gone = Vec::new();
        for (p, item) in positions(named.len()).zip(&named) {
            let (label, group) = item.split_once(';').unwrap_or((item, ""));
            let (label, group) = (label.trim(), group.trim());
            if label.is_empty() {
                errors.push(format!("Sound Label {p} Empty"));
            } else {
                match self.sound_file(label, group) {
                    Some(i) => gone.push(i),
                    None => errors.push(format!("Sound File {p} Does not exist")),
                }
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut i = 0;
        self.state.sound_files.retain(|_| {
            i += 1;
            !gone.contains(&(i - 1))
        });
        Ok(())
    }

    /// getSoundFiles: the files of `sound_label` and `sound_group` when given, ordered
    /// (by ID unless `order` says otherwise), with the fields asked for.
    pub fn sound_files(&self, r: &SoundFilesRequest) -> Page<SoundFileInfo> {
        let mut all: Vec<SoundFileInfo> = (self.state.sound_files.iter())
            .filter(|f| r.sound_label.as_ref().is_none_or(|l| *l == f.sound_label))
            .filter(|f| r.sound_group.as_ref().is_none_or(|g| *g == f.sound_group))
            .map(|f| SoundFileInfo {
                sound_id: Some(f.sound_id.clone()),
                sound_label: Some(f.sound_label.clone()),
                sound_group: Some(f.sound_group.clone()).filter(|g| !g.is_empty()),
                content_length: Some(u32::try_from(f.audio.len()).unwrap_or(u32::MAX)),
                created: Some(f.created.clone()),
                updated: Some(f.updated.clone()),
                notes: f.notes.clone(),
            })
            .collect();
        sort_by(&mut all, &r.order, |f, field| f.text_of(field));
        for f in &mut all {
            // IOVOX's default set: everything but the ID.
            let keep = |a: &str| wanted(&r.req_fields, a, a != "id");
            f.retain_fields(|d| d.abbreviation.is_some_and(keep));
        }
        paginate(all, r.page, r.limit)
    }

    /// initiateCall: the call is recorded, not placed (nothing rings); a link the account
    /// lacks is refused in the sandbox's words (IOVOX's are not documented).
    pub fn initiate_call(
        &mut self,
        link_id: &str,
        variables: Vec<(String, String)>,
    ) -> Result<(), String> {
        if !self.state.links.contains(link_id) {
            return Err(undocumented(format!(
                "there is no link {link_id:?} to follow the rules of"
            )));
        }
        self.state
            .initiated_calls
            .push(crate::state::InitiatedCall {
                link_id: link_id.to_string(),
                call_variables: variables,
                requested: now_utc(),
            });
        Ok(())
    }

    /// getSoundFileData: a file's audio, by its label and group.
    pub fn sound_file_data(&self, label: &str, group: &str) -> Result<Vec<u8>, String> {
        match self.sound_file(label, group) {
            Some(i) => Ok(self.state.sound_files[i].audio.clone()),
            None => Err(undocumented(format!(
                "there is no sound file {label:?} in group {group:?}"
            ))),
        }
    }
}
