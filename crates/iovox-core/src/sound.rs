//! Sound files: the audio a call flow plays (a greeting, a menu), each known by its label
//! within its group. Made by createSoundFiles, changed by updateSoundFiles, listed by
//! getSoundFiles, fetched as raw bytes by getSoundFileData, removed by deleteSoundFiles.
//!
//! Audio is bytes in every language, never text: it goes into the XML as base64, written
//! here, and comes back from getSoundFileData as IOVOX sends it.
//!
//! What the pages state and how sure we are of each fact: `docs/decisions.md` 44. In
//! short: arguments, elements and the delete's messages are IOVOX's pages; the create's
//! and update's messages are the PHP client's copy of their pages' error tables (the
//! stored pages are cut before them); getSoundFiles' result elements are the page's
//! `req_fields` and the PHP client's model.

use crate::check::{owned_text, Given, Report};
use crate::error::{ErrorCode as C, ValidationErrors};
use crate::list;
use crate::model::{Answer, Argument, ArgumentKind as K, Confidence, Known, RequestShape, Spec};
use crate::records::{prepare_records, Element, ElementKind as E, IdList, RecordsBody};
use crate::vocab::{Method, Prepared, Retry, Route, Verb};
use crate::wire;
use std::collections::BTreeMap;

/// A `<sound_file>` of createSoundFiles (page): a label unique in its group, the audio.
pub const SOUND_FILE: RecordsBody = RecordsBody {
    item: "sound_file",
    argument: "sound_files",
    elements: &[
        Element::required("sound_label", "Sound Label"),
        Element::optional("sound_group", "Sound Group", E::Text, false),
        Element {
            name: "sound_file",
            label: "Sound File",
            kind: E::Bytes,
            required: true,
            checked: true,
            blank_refused: false,
        },
        Element::optional("notes", "Notes", E::Text, false),
    ],
};

/// A `<sound_file>` of updateSoundFiles (page): the file by its label and group, and what
/// changes; audio given empty is refused ("Sound File x of y Empty").
pub const SOUND_FILE_UPDATE: RecordsBody = RecordsBody {
    item: "sound_file",
    argument: "sound_files",
    elements: &[
        Element::required("sound_label", "Sound Label"),
        Element::optional("new_sound_label", "New Sound Label", E::Text, false),
        Element::optional("sound_group", "Sound Group", E::Text, false),
        Element::optional("new_sound_group", "New Sound Group", E::Text, false),
        Element {
            name: "sound_file",
            label: "Sound File",
            kind: E::Bytes,
            required: false,
            checked: true,
            blank_refused: true,
        },
        Element::optional("notes", "Notes", E::Text, false),
    ],
};

/// deleteSoundFiles' `sound_files` (page): each `sound_label;sound_group`.
pub const SOUND_FILE_IDS: IdList = IdList {
    argument: "sound_files",
    label: "Sound Label",
    none: "Sound Files Empty",
};

/// A sound file to create.
///
/// ```
/// use iovox_core::method::{CreateSoundFiles, Method};
/// use iovox_core::{SoundFile, SoundFiles};
/// let files = SoundFiles::new([SoundFile::new("Welcome", b"ID3\x04").sound_group("Greetings")]);
/// let body = CreateSoundFiles::prepare(&files).unwrap().body;
/// assert!(body.contains("<sound_file><sound_label>Welcome</sound_label><sound_group>Greetings</sound_group><sound_file>SUQzBA==</sound_file></sound_file>"));
/// let twice = SoundFiles::new([SoundFile::new("Welcome", b"a"), SoundFile::new("Welcome", b"")]);
/// assert_eq!(CreateSoundFiles::prepare(&twice).unwrap_err().messages(),
///     ["Duplicate Sound File Received", "Sound File 2 of 2 Empty"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SoundFile {
    /// Its label, unique in its group.
    pub sound_label: String,
    /// Its group: the files used together.
    pub sound_group: Option<String>,
    /// The audio, as bytes.
    pub sound_file: Vec<u8>,
    /// Notes.
    pub notes: Option<String>,
}

impl SoundFile {
    /// A file with this label and audio.
    pub fn new(sound_label: impl Into<String>, audio: impl Into<Vec<u8>>) -> Self {
        SoundFile {
            sound_label: sound_label.into(),
            sound_file: audio.into(),
            ..SoundFile::default()
        }
    }

    /// In this group.
    pub fn sound_group(mut self, group: impl Into<String>) -> Self {
        self.sound_group = Some(group.into());
        self
    }

    /// With these notes.
    pub fn notes(mut self, notes: impl Into<String>) -> Self {
        self.notes = Some(notes.into());
        self
    }

    fn wire(&self) -> BTreeMap<String, wire::Entry> {
        record([
            ("sound_label", Some(text(&self.sound_label))),
            ("sound_group", self.sound_group.as_deref().map(text)),
            (
                "sound_file",
                Some(wire::Given::Bytes(self.sound_file.clone())),
            ),
            ("notes", self.notes.as_deref().map(text)),
        ])
    }
}

/// A change to a sound file: the file by its label and group, and what changes (what is
/// left `None` keeps its value).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SoundFileUpdate {
    /// The file's label.
    pub sound_label: String,
    /// Its new label.
    pub new_sound_label: Option<String>,
    /// The file's group.
    pub sound_group: Option<String>,
    /// Its new group.
    pub new_sound_group: Option<String>,
    /// New audio, as bytes.
    pub sound_file: Option<Vec<u8>>,
    /// New notes.
    pub notes: Option<String>,
}

impl SoundFileUpdate {
    /// A change to the file with this label.
    pub fn new(sound_label: impl Into<String>) -> Self {
        SoundFileUpdate {
            sound_label: sound_label.into(),
            ..SoundFileUpdate::default()
        }
    }

    fn wire(&self) -> BTreeMap<String, wire::Entry> {
        let bytes = |b: &Vec<u8>| wire::Given::Bytes(b.clone());
        record([
            ("sound_label", Some(text(&self.sound_label))),
            ("new_sound_label", self.new_sound_label.as_deref().map(text)),
            ("sound_group", self.sound_group.as_deref().map(text)),
            ("new_sound_group", self.new_sound_group.as_deref().map(text)),
            ("sound_file", self.sound_file.as_ref().map(bytes)),
            ("notes", self.notes.as_deref().map(text)),
        ])
    }
}

fn text(s: &str) -> wire::Given {
    wire::Given::Text(s.to_string())
}

fn record<const N: usize>(
    fields: [(&str, Option<wire::Given>); N],
) -> BTreeMap<String, wire::Entry> {
    (fields.into_iter())
        .filter_map(|(k, v)| v.map(|v| (k.to_string(), wire::Entry(Some(v)))))
        .collect()
}

/// The sound files of a createSoundFiles request.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SoundFiles {
    /// The files, in order.
    pub sound_files: Vec<SoundFile>,
}

impl SoundFiles {
    /// These files.
    pub fn new(files: impl IntoIterator<Item = SoundFile>) -> Self {
        SoundFiles {
            sound_files: files.into_iter().collect(),
        }
    }

    /// The request as the wire carries it.
    pub fn to_wire(&self) -> wire::Records {
        wire::Records {
            records: self.sound_files.iter().map(SoundFile::wire).collect(),
        }
    }
}

/// The changes of an updateSoundFiles request.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SoundFileUpdates {
    /// The changes, in order.
    pub sound_files: Vec<SoundFileUpdate>,
}

impl SoundFileUpdates {
    /// These changes.
    pub fn new(changes: impl IntoIterator<Item = SoundFileUpdate>) -> Self {
        SoundFileUpdates {
            sound_files: changes.into_iter().collect(),
        }
    }

    /// The request as the wire carries it.
    pub fn to_wire(&self) -> wire::Records {
        wire::Records {
            records: self.sound_files.iter().map(SoundFileUpdate::wire).collect(),
        }
    }
}

/// The records' checks, then "Duplicate Sound File Received" when two files of the
/// request have the same label and group (as IOVOX reads them: trimmed, a missing group
/// the same as a blank one), every message at once, the request's own first.
fn prepare_sound_files(
    body: &RecordsBody,
    request: &wire::Records,
) -> Result<String, ValidationErrors> {
    let key = |r: &BTreeMap<String, wire::Entry>, k: &str| {
        let given: Given<'_> = r.get(k).map_or(Given::Missing, |v| (&v.0).into());
        owned_text(given).unwrap_or_default()
    };
    let keys: Vec<(String, String)> = (request.records.iter())
        .map(|r| (key(r, "sound_label"), key(r, "sound_group")))
        .filter(|(label, _)| !label.is_empty())
        .collect();
    let duplicate = (1..keys.len()).any(|i| keys[..i].contains(&keys[i]));
    let mut r = Report::default();
    if duplicate {
        let m = "Duplicate Sound File Received";
        r.push(C::DuplicateSoundFile, None, Some("sound_files"), m.into());
    }
    match prepare_records(body, request) {
        Ok(xml) => r.finish(Some(xml)),
        Err(e) => Err(r.prepend_to(e)),
    }
}

/// A method whose body is sound files: its request types, body and route.
macro_rules! sound_files_method {
    ($(#[$doc:meta])* $name:ident, $request:ty, $body:expr, $method:literal, $verb:ident, $success:literal, $example:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy)]
        pub struct $name;

        impl Method for $name {
            const SPEC: Spec = Spec {
                route: Route { interface: "SoundFiles", name: $method, verb: Verb::$verb },
                retry: Retry::NotAfterSent,
                area: "Calling",
                request: RequestShape::Body,
                arguments: &[Argument::required($body.argument, K::List)],
                answer: Answer::Nothing,
                paged: Known::Yes(false),
                success: Some($success),
                confidence: Confidence::Page,
                typed: true,
                example: $example,
            };
            type Request = $request;
            type Wire = wire::Records;
            type Output = ();

            fn prepare(request: &$request) -> Result<Prepared, ValidationErrors> {
                Self::prepare_wire(&request.to_wire())
            }

            fn prepare_wire(request: &wire::Records) -> Result<Prepared, ValidationErrors> {
                Ok(Prepared {
                    query: Vec::new(),
                    body: prepare_sound_files(&$body, request)?,
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

sound_files_method!(
    /// `createSoundFiles`: sound files, each a label unique in its group and its audio.
    /// Not repeated once it may have been sent (a repeat answers "Sound Label x of y
    /// already exists in Sound Group").
    CreateSoundFiles, SoundFiles, SOUND_FILE, "createSoundFiles", Post, 201,
    "{\"sound_files\": [{\"sound_label\": \"Welcome\", \"sound_group\": \"Greetings\", \"sound_file\": {\"\\u0000bytes\": \"SUQzBA==\"}}]}"
);

sound_files_method!(
    /// `updateSoundFiles`: a new label, group, audio or notes for sound files. Not repeated
    /// once it may have been sent: a rename repeated answers "Sound File x of y Does not
    /// exist".
    UpdateSoundFiles, SoundFileUpdates, SOUND_FILE_UPDATE, "updateSoundFiles", Put, 204,
    "{\"sound_files\": [{\"sound_label\": \"Welcome\", \"sound_group\": \"Greetings\", \"notes\": \"Spring\"}]}"
);

crate::setup::ids_method!(
    /// `deleteSoundFiles`: sound files, each named `sound_label;sound_group`. Not repeated
    /// once it may have been sent (a repeat answers "Sound File x of y Does not exist").
    DeleteSoundFiles, SOUND_FILE_IDS, "SoundFiles", "Calling", "deleteSoundFiles", Page,
    "{\"sound_files\": [\"Welcome;Greetings\"]}"
);

list::request! {
    /// A getSoundFiles request: every sound file, or those of a label or a group.
    ///
    /// ```
    /// let request = iovox_core::SoundFilesRequest::new().sound_group("Greetings");
    /// assert!(request.validate().is_ok());
    /// let bad = iovox_core::SoundFilesRequest::new().limit(20_001u32);
    /// assert_eq!(bad.validate().unwrap_err().messages(), ["Limit must be between 1 and 20000"]);
    /// ```
    SoundFilesRequest {
        /// The page (from 1; default 1).
        page: Option<u32> = list::PageNumber,
        /// Results per page (1 to 20,000).
        limit: Option<u32> = list::Limit(list::LIMIT_RANGE),
        /// Sort: an abbreviation of [`SOUND_FILE_FIELDS`] with `_ASC` or `_DESC` (IOVOX's
        /// default `id_ASC`); sent as given, as the page states no message for it.
        order: Option<String> = list::OrderAsGiven,
        /// Only these fields of each result ([`SOUND_FILE_FIELDS`]); every field when
        /// empty. Sent as given, as the page states no message for it.
        req_fields: Vec<String> = list::FieldsAsGiven,
        /// Only the files with this label.
        sound_label: Option<String> = list::Text,
        /// Only the files of this group.
        sound_group: Option<String> = list::Text,
    }
    /// getSoundFiles' arguments: every key its request may have (the bindings refuse any other).
    arguments: SOUND_FILE_ARGUMENTS,
    /// A getSoundFiles request from its arguments as given, with the messages.
    wire: validate_sound_files,
}

list::record! {
    /// A sound file. Fields not asked for in `req_fields` are `None`.
    SoundFileInfo {
        /// IOVOX's ID for it.
        sound_id: String = "id",
        /// Its label, unique in its group.
        sound_label: String = "sl",
        /// Its group.
        sound_group: String = "sg",
        /// The audio's size in bytes.
        content_length: u32 = "cl",
        /// When it was made (`YYYY-MM-DD HH:MM:SS`).
        created: String as DateTime = "c",
        /// When it last changed (`YYYY-MM-DD HH:MM:SS`).
        updated: String as DateTime = "u",
        /// Its notes.
        notes: String = "n",
    }
    /// The `req_fields` abbreviations: ID, label, group, size, created, updated, notes.
    abbreviations: SOUND_FILE_FIELDS,
}

list::list_method! {
    /// `getSoundFiles`: reads only, safe to repeat.
    GetSoundFiles: SoundFilesRequest => SoundFileInfo,
    fields: |r| &r.req_fields,
    spec: Spec {
        route: Route {
            interface: "SoundFiles",
            name: "getSoundFiles",
            verb: Verb::Get,
        },
        retry: Retry::SafeToRepeat,
        area: "Calling",
        request: RequestShape::Query,
        arguments: &SoundFilesRequest::ARGUMENTS,
        answer: Answer::List(&SoundFileInfo::RESULT),
        paged: Known::Yes(true),
        success: Some(200),
        confidence: Confidence::PageAndClients,
        typed: true,
        example: "{\"sound_group\": \"Greetings\"}",
    },
}

/// Which sound file getSoundFileData fetches: its label, and its group if it has one.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SoundFileKey {
    /// Its label.
    pub sound_label: String,
    /// Its group.
    pub sound_group: Option<String>,
}

impl SoundFileKey {
    /// The file with this label, in no group.
    pub fn new(sound_label: impl Into<String>) -> Self {
        SoundFileKey {
            sound_label: sound_label.into(),
            sound_group: None,
        }
    }

    /// In this group.
    pub fn sound_group(mut self, group: impl Into<String>) -> Self {
        self.sound_group = Some(group.into());
        self
    }
}

/// `getSoundFileData`: a sound file's audio, as IOVOX sends it, never text. A read, safe to
/// repeat. The label goes as given (the clients mark it required; the page states no
/// message for a missing one); an empty answer is a decode error, never an empty file.
///
/// ```
/// use iovox_core::method::{GetSoundFileData, Method};
/// let key = iovox_core::SoundFileKey::new("Welcome").sound_group("Greetings");
/// let prepared = GetSoundFileData::prepare(&key).unwrap();
/// assert_eq!(prepared.query, [("sound_label", "Welcome".to_string()), ("sound_group", "Greetings".to_string())]);
/// assert_eq!(GetSoundFileData::decode(b"ID3").unwrap(), b"ID3");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct GetSoundFileData;

impl Method for GetSoundFileData {
    const SPEC: Spec = Spec {
        route: Route {
            interface: "SoundFiles",
            name: "getSoundFileData",
            verb: Verb::Get,
        },
        retry: Retry::SafeToRepeat,
        area: "Calling",
        request: RequestShape::Query,
        arguments: &[
            Argument::required("sound_label", K::Text),
            Argument::optional("sound_group", K::Text),
        ],
        answer: Answer::Binary,
        paged: Known::Yes(false),
        success: Some(200),
        confidence: Confidence::PageAndClients,
        typed: true,
        example: "{\"sound_label\": \"Welcome\", \"sound_group\": \"Greetings\"}",
    };
    type Request = SoundFileKey;
    type Wire = wire::Query;
    type Output = Vec<u8>;

    fn prepare(key: &SoundFileKey) -> Result<Prepared, ValidationErrors> {
        let mut pairs = vec![("sound_label", key.sound_label.as_str())];
        pairs.extend(key.sound_group.as_deref().map(|g| ("sound_group", g)));
        Self::prepare_wire(&wire::Query::from_pairs(pairs))
    }

    fn prepare_wire(q: &wire::Query) -> Result<Prepared, ValidationErrors> {
        let mut r = Report::default();
        let ok = list::check_texts(q, &["sound_label", "sound_group"], &mut r);
        r.finish(ok.then_some(()))?;
        let query = (["sound_label", "sound_group"].into_iter())
            .filter_map(|k| list::text_filter(list::QueryView::get(q, k)).map(|v| (k, v)))
            .collect();
        Ok(list::prepared(query))
    }

    fn decode(body: &[u8]) -> Result<Vec<u8>, crate::DecodeError> {
        if body.is_empty() {
            return Err(crate::DecodeError::new("the sound file is empty"));
        }
        Ok(body.to_vec())
    }
}
