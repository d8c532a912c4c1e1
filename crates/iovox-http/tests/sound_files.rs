//! The SoundFiles family over real HTTP against iovox-sandbox: audio uploaded as bytes
//! (every byte value, not only text-safe ones), listed with its size, fetched back byte for
//! byte, renamed, replaced and removed; every request-only rule refused before sending,
//! every account rule answered with IOVOX's words, all of a request or none of it.

mod common;

use common::start;
use iovox_http::wire;
use iovox_http::{
    Client, IdsRequest, SoundFile, SoundFileKey, SoundFileUpdate, SoundFileUpdates, SoundFiles,
    SoundFilesRequest,
};

/// Every byte value, then a NUL-heavy tail: audio is not text.
fn audio(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i * 7 % 256) as u8).collect()
}

/// (label, group, size) of each file listed.
fn listed(c: &Client, request: &SoundFilesRequest) -> Vec<(String, Option<String>, u32)> {
    (c.get_sound_files(request).unwrap().results.into_iter())
        .map(|f| {
            (
                f.sound_label.unwrap(),
                f.sound_group,
                f.content_length.unwrap(),
            )
        })
        .collect()
}

fn key(label: &str, group: Option<&str>) -> SoundFileKey {
    let k = SoundFileKey::new(label);
    match group {
        Some(g) => k.sound_group(g),
        None => k,
    }
}

#[test]
fn audio_is_uploaded_listed_fetched_changed_and_removed_byte_for_byte() {
    let (sb, c) = start();
    let welcome = audio(70_000);
    c.create_sound_files(&SoundFiles::new([
        SoundFile::new("Welcome", welcome.clone())
            .sound_group("Greetings")
            .notes("Spring"),
        SoundFile::new("Hold", vec![0u8, 255, 0, 10, 13]),
        // The same label in another group is another file.
        SoundFile::new("Welcome", b"ID3".to_vec()),
    ]))
    .unwrap();

    assert_eq!(
        listed(&c, &SoundFilesRequest::new()),
        [
            ("Welcome".into(), Some("Greetings".into()), 70_000),
            ("Hold".into(), None, 5),
            ("Welcome".into(), None, 3),
        ]
    );
    assert_eq!(
        listed(&c, &SoundFilesRequest::new().sound_group("Greetings")),
        [("Welcome".into(), Some("Greetings".into()), 70_000)]
    );
    let by_size = c
        .get_sound_files(
            &SoundFilesRequest::new()
                .order("cl_ASC")
                .req_fields(["sl", "cl"]),
        )
        .unwrap();
    let labels: Vec<_> = by_size
        .results
        .iter()
        .map(|f| f.sound_label.clone().unwrap())
        .collect();
    assert_eq!(labels, ["Welcome", "Hold", "Welcome"]);
    assert_eq!(by_size.results[0].notes, None, "only the fields asked for");

    assert_eq!(
        c.get_sound_file_data(&key("Welcome", Some("Greetings")))
            .unwrap(),
        welcome
    );
    assert_eq!(
        c.get_sound_file_data(&key("Hold", None)).unwrap(),
        [0, 255, 0, 10, 13]
    );
    assert_eq!(
        c.get_sound_file_data(&key("Welcome", None)).unwrap(),
        b"ID3"
    );

    // IOVOX's words for what only the account knows, every one at once, nothing made.
    let e = c
        .create_sound_files(&SoundFiles::new([
            SoundFile::new("New", b"a".to_vec()),
            SoundFile::new("Hold", b"b".to_vec()),
        ]))
        .unwrap_err();
    assert_eq!(
        e.messages(),
        ["Sound Label 2 of 2 already exists in Sound Group"]
    );
    assert_eq!(listed(&c, &SoundFilesRequest::new().sound_label("New")), []);

    // Renamed, moved and given new audio; a file the account lacks refuses the request.
    let mut rename = SoundFileUpdate::new("Welcome");
    rename.sound_group = Some("Greetings".into());
    rename.new_sound_label = Some("Hello".into());
    rename.sound_file = Some(b"new audio".to_vec());
    let e = c
        .update_sound_files(&SoundFileUpdates::new([
            rename.clone(),
            SoundFileUpdate::new("Nowhere"),
        ]))
        .unwrap_err();
    assert_eq!(e.messages(), ["Sound File 2 of 2 Does not exist"]);
    let mut clash = SoundFileUpdate::new("Hold");
    clash.new_sound_label = Some("Welcome".into());
    let e = c
        .update_sound_files(&SoundFileUpdates::new([clash]))
        .unwrap_err();
    assert_eq!(
        e.messages(),
        ["Sound Label 1 of 1 already exists in Sound Group"]
    );
    c.update_sound_files(&SoundFileUpdates::new([rename]))
        .unwrap();
    assert_eq!(
        c.get_sound_file_data(&key("Hello", Some("Greetings")))
            .unwrap(),
        b"new audio"
    );
    let e = c
        .get_sound_file_data(&key("Welcome", Some("Greetings")))
        .unwrap_err();
    assert!(
        e.messages()[0].contains("not documented"),
        "{:?}",
        e.messages()
    );

    // Request-only rules are refused before anything is sent, every one at once.
    let before = sb.stats().requests;
    let e = c
        .create_sound_files(&SoundFiles::new([
            SoundFile::new("A", Vec::new()),
            SoundFile::new(" ", b"x".to_vec()),
            SoundFile::new("A ", b"y".to_vec()),
        ]))
        .unwrap_err();
    assert_eq!(
        e.messages(),
        [
            "Duplicate Sound File Received",
            "Sound File 1 of 3 Empty",
            "Sound Label 2 of 3 Empty"
        ]
    );
    // Text where audio belongs, through the wire form (what JSON callers give).
    let text: wire::Records =
        serde_json::from_str(r#"{"sound_files": [{"sound_label": "T", "sound_file": "SUQz"}]}"#)
            .unwrap();
    let e = c.create_sound_files_wire(&text).unwrap_err();
    assert_eq!(e.messages(), ["Sound File 1 of 1 must be bytes"]);
    let e = c
        .delete_sound_files(&IdsRequest::new(Vec::<String>::new()))
        .unwrap_err();
    assert_eq!(e.messages(), ["Sound Files Empty"]);
    assert_eq!(sb.stats().requests, before);

    // Removed; a label the account lacks, or none, refuses the whole request.
    let e = c
        .delete_sound_files(&IdsRequest::new(["Hold", "Gone;Greetings", ";Greetings"]))
        .unwrap_err();
    assert_eq!(
        e.messages(),
        [
            "Sound File 2 of 3 Does not exist",
            "Sound Label 3 of 3 Empty"
        ]
    );
    assert_eq!(listed(&c, &SoundFilesRequest::new()).len(), 3);
    c.delete_sound_files(&IdsRequest::new(["Hello;Greetings", "Hold"]))
        .unwrap();
    assert_eq!(
        listed(&c, &SoundFilesRequest::new()),
        [("Welcome".into(), None, 3)]
    );
    // A repeat answers as IOVOX would: it is gone.
    let e = c
        .delete_sound_files(&IdsRequest::new(["Hold"]))
        .unwrap_err();
    assert_eq!(e.messages(), ["Sound File 1 of 1 Does not exist"]);
}

#[test]
fn a_large_sound_file_goes_and_comes_back_whole() {
    let (_sb, c) = start();
    // 3 MiB of audio: 4 MiB of base64 in the body.
    let big = audio(3 << 20);
    c.create_sound_files(&SoundFiles::new([SoundFile::new("Long", big.clone())]))
        .unwrap();
    assert_eq!(c.get_sound_file_data(&key("Long", None)).unwrap(), big);
}
