//! Calls to the account's numbers, simulated (`Sandbox::simulate_call`), and getCallData
//! and getCallRecording as IOVOX answers them: the date window (this month by default),
//! every filter, `order` (`cs_DESC` by default), `req_fields`, pages; a recording is a
//! second of silence as MP3, which a player opens (docs/decisions.md 38).

use crate::account::Account;
use crate::clock::{format_utc, now_secs, parse_utc};
use crate::state::CallRecord;
use iovox_core::{Call, CallDataRequest, CallMetrics, CallMetricsRequest, Page};
use std::collections::{BTreeMap, BTreeSet};

/// A call to simulate: which number, who called, when, for how long, whether it was
/// answered and recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SimulatedCall {
    /// The tracking number called: one of the account's, international digits.
    pub voxnumber: String,
    /// The caller's number, international digits.
    pub caller: String,
    /// When it started, "YYYY-MM-DD HH:MM:SS" (UTC); `None`: now.
    pub start: Option<String>,
    /// How long it lasted, in seconds.
    pub duration_sec: u32,
    /// Answered (`ANSWERED`), or missed (`MISSED`, no talk time).
    pub answered: bool,
    /// Whether it was recorded (then getCallRecording gives its audio).
    pub recording: bool,
}

impl SimulatedCall {
    /// An answered call of a minute, now, not recorded.
    pub fn new(voxnumber: impl Into<String>, caller: impl Into<String>) -> Self {
        SimulatedCall {
            voxnumber: voxnumber.into(),
            caller: caller.into(),
            start: None,
            duration_sec: 60,
            answered: true,
            recording: false,
        }
    }
}

/// MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, mono: 38 frames of silence, about a second.
pub fn silence_mp3() -> Vec<u8> {
    const FRAME: usize = 417; // 144 * 128000 / 44100, no padding
    let mut out = Vec::with_capacity(FRAME * 38);
    for _ in 0..38 {
        let at = out.len();
        out.extend_from_slice(&[0xFF, 0xFB, 0x90, 0xC4]);
        out.resize(at + FRAME, 0);
    }
    out
}

fn hms(secs: u32) -> String {
    let mut out = String::with_capacity(8);
    crate::clock::push_hms(&mut out, u64::from(secs));
    out
}

/// The masked caller: the first four digits in clear (country and area), the rest hidden.
fn masked(caller: &str) -> String {
    (caller.chars().enumerate())
        .map(|(i, c)| if i < 4 { c } else { 'X' })
        .collect()
}

impl Account {
    /// Records a call; its ID, or why not (a number the account does not have, a start
    /// that is not a date-time).
    pub fn simulate_call(&mut self, c: &SimulatedCall) -> Result<String, String> {
        let number = (self.state.voxnumbers.iter())
            .find(|n| n.full_voxnumber == c.voxnumber)
            .ok_or_else(|| format!("{} is not a number of this account", c.voxnumber))?;
        if c.caller.is_empty() || !c.caller.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!(
                "the caller {:?} is not international digits",
                c.caller
            ));
        }
        let start = match &c.start {
            Some(s) => parse_utc(s)
                .ok_or_else(|| format!("the start {s:?} is not YYYY-MM-DD[ HH:MM:SS]"))?,
            None => now_secs(),
        };
        let id = format!("CALL-{:06}", self.state.calls.len() + 1);
        self.state.calls.push(CallRecord {
            id: id.clone(),
            voxnumber: c.voxnumber.clone(),
            caller: c.caller.clone(),
            start: format_utc(start),
            duration_sec: c.duration_sec,
            answered: c.answered,
            recording: c.recording,
            link_id: number.link_id.clone(),
        });
        Ok(id)
    }

    /// One call as getCallData gives it, every field.
    fn call(&self, r: &CallRecord) -> Call {
        let start = parse_utc(&r.start).unwrap_or(0);
        let link = r
            .link_id
            .as_deref()
            .and_then(|id| self.state.links.0.get(id));
        let talk = if r.answered { r.duration_sec } else { 0 };
        Call {
            id: Some(r.id.clone()),
            call_start: Some(r.start.clone()),
            call_end: Some(format_utc(start + u64::from(r.duration_sec))),
            call_origin: Some(r.caller.clone()),
            call_origin_encoded: Some(masked(&r.caller)),
            call_origin_location: None,
            voxnumber: Some(r.voxnumber.clone()),
            call_destination: None,
            detail: None,
            call_time: Some(hms(r.duration_sec)),
            call_time_sec: Some(r.duration_sec),
            talk_time: Some(hms(talk)),
            talk_time_sec: Some(talk),
            call_type: Some("DIRECT".into()),
            call_result: Some(if r.answered { "ANSWERED" } else { "MISSED" }.into()),
            rule_result: None,
            node_id: link.map(|l| l.node().to_string()),
            node_name: link.map(|l| l.node_name().to_string()),
            node_type: link.map(|l| l.node_type().to_string()),
            link_id: link.map(|l| l.link_id.clone()),
            link_name: link.map(|l| l.name()),
            link_type: link.map(|l| l.kind().to_string()),
            has_recording: Some(r.recording),
            email_sent: Some(false),
            direction: Some("IN".into()),
        }
    }

    /// getCallData: the calls in the window (`sdt` to `edt`, this month by default;
    /// `dconst=YESTERDAY`), filtered, ordered, the fields asked for, one page.
    pub fn call_data(&self, r: &CallDataRequest) -> Result<Page<Call>, Vec<String>> {
        let f = |k: &str| r.filters.get(k).map(String::as_str);
        let today = now_secs() / 86_400 * 86_400;
        let (mut since, mut until) = (first_of_month(today), today + 86_399);
        if f("dconst") == Some("YESTERDAY") {
            (since, until) = (today - 86_400, today - 1);
        }
        for (key, end) in [("sdt", false), ("edt", true)] {
            let Some(text) = f(key) else { continue };
            let Some(at) = parse_utc(text) else {
                return Err(vec![crate::setup::undocumented(format!(
                    "{key} {text:?} is not YYYY-MM-DD[ HH:MM:SS]"
                ))]);
            };
            // A date alone: from its first second, or to its last.
            let at = if end && !text.trim().contains(' ') {
                at + 86_399
            } else {
                at
            };
            if end {
                until = at
            } else {
                since = at
            }
        }
        let mut all: Vec<Call> = (self.state.calls.iter())
            .filter(|c| parse_utc(&c.start).is_some_and(|s| since <= s && s <= until))
            .map(|c| self.call(c))
            .filter(|c| {
                let is = |key: &str, value: &Option<String>| {
                    f(key).is_none_or(|want| value.as_deref() == Some(want))
                };
                is("id", &c.id)
                    && is("node_id", &c.node_id)
                    && is("node_type", &c.node_type)
                    && is("link_id", &c.link_id)
                    && is("link_type", &c.link_type)
                    && is("ctype", &c.call_type)
                    && is("call_res", &c.call_result)
                    && is("rule_res", &c.rule_result)
                    && is("call_origin", &c.call_origin)
                    && is("call_origin_encoded", &c.call_origin_encoded)
                    && is("voxnumber", &c.voxnumber)
                    && is("call_dest", &c.call_destination)
                    && is("direction", &c.direction)
                    && is("detail", &c.detail)
            })
            .collect();
        let order = f("order").unwrap_or("cs_DESC");
        let (field, direction) = order.rsplit_once('_').unwrap_or((order, "ASC"));
        // Keys borrowed from the calls, compared in place: no copy of 20,000 texts.
        all.sort_by(|a, b| sort_key(a, field).cmp(&sort_key(b, field)));
        if direction == "DESC" {
            all.reverse();
        }
        if !r.req_fields.is_empty() {
            for c in &mut all {
                c.retain_fields(|d| {
                    d.abbreviation
                        .is_some_and(|a| r.req_fields.iter().any(|f| f == a))
                });
            }
        }
        Ok(crate::lifecycle::paginate(all, r.page, r.limit))
    }

    /// getCallMetrics: the figures of the calls getCallData would list for the same window
    /// and filters, one row per group of `group_fields` (one row ungrouped), the figures
    /// `req_fields` asks for (all by default).
    pub fn call_metrics(&self, r: &CallMetricsRequest) -> Result<Page<CallMetrics>, Vec<String>> {
        let mut filters = r.filters.clone();
        filters.remove("call_origin_encryption");
        let calls = self.call_data(&CallDataRequest {
            filters,
            ..Default::default()
        })?;
        let day = |c: &Call| {
            c.call_start
                .as_deref()
                .unwrap_or("")
                .get(..10)
                .unwrap_or("")
                .to_string()
        };
        let group_of = |c: &Call| -> Vec<(String, String)> {
            (r.group_fields.iter())
                .map(|g| {
                    let v = match g.as_str() {
                        "cdate" => Some(day(c)),
                        "cweekd" => parse_utc(&day(c)).map(|s| weekday(s / 86_400)),
                        "cmonth" => Some(day(c).get(..7).unwrap_or("").to_string()),
                        "co" => c.call_origin.clone(),
                        "coe" => c.call_origin_encoded.clone(),
                        "vn" => c.voxnumber.clone(),
                        "cd" => c.call_destination.clone(),
                        "detail" => c.detail.clone(),
                        "call_res" => c.call_result.clone(),
                        "nid" => c.node_id.clone(),
                        "ntype" => c.node_type.clone(),
                        "lid" => c.link_id.clone(),
                        "lname" => c.link_name.clone(),
                        "ltype" => c.link_type.clone(),
                        _ => None,
                    };
                    (g.clone(), v.unwrap_or_default())
                })
                .collect()
        };
        let mut groups: BTreeMap<Vec<(String, String)>, Vec<&Call>> = BTreeMap::new();
        for c in &calls.results {
            groups.entry(group_of(c)).or_default().push(c);
        }
        let window_days = {
            let f = |k: &str| r.filters.get(k).and_then(|t| parse_utc(t));
            match (f("sdt"), f("edt")) {
                (Some(a), Some(b)) if b >= a => (b - a) / 86_400 + 1,
                _ => calls
                    .results
                    .iter()
                    .map(day)
                    .collect::<BTreeSet<_>>()
                    .len()
                    .max(1) as u64,
            }
        };
        let wanted = |abbreviation: &str| {
            r.req_fields.is_empty() || r.req_fields.iter().any(|f| f == abbreviation)
        };
        let rows: Vec<CallMetrics> = groups
            .into_iter()
            .map(|(group, calls)| {
                let n = calls.len() as u32;
                let call_sec: u32 = calls.iter().map(|c| c.call_time_sec.unwrap_or(0)).sum();
                let talk_sec: u32 = calls.iter().map(|c| c.talk_time_sec.unwrap_or(0)).sum();
                let unique = |f: fn(&Call) -> Option<String>| {
                    calls
                        .iter()
                        .filter_map(|c| f(c))
                        .collect::<BTreeSet<_>>()
                        .len() as u32
                };
                let average =
                    |total: f64, over: f64| decimal(if over > 0.0 { total / over } else { 0.0 });
                let mut m = CallMetrics {
                    total_calls: Some(n).filter(|_| wanted("tc")),
                    ave_calls_per_day: Some(average(n.into(), window_days as f64))
                        .filter(|_| wanted("acpd")),
                    total_call_time: Some(hms(call_sec)).filter(|_| wanted("tct")),
                    total_call_time_sec: Some(call_sec.to_string()).filter(|_| wanted("tcts")),
                    ave_call_time: Some(hms(call_sec / n.max(1))).filter(|_| wanted("act")),
                    ave_call_time_sec: Some(average(call_sec.into(), n.into()))
                        .filter(|_| wanted("acts")),
                    total_talk_time: Some(hms(talk_sec)).filter(|_| wanted("ttt")),
                    total_talk_time_sec: Some(talk_sec).filter(|_| wanted("ttts")),
                    ave_talk_time: Some(hms(talk_sec / n.max(1))).filter(|_| wanted("att")),
                    ave_talk_time_sec: Some(average(talk_sec.into(), n.into()))
                        .filter(|_| wanted("atts")),
                    total_unique_callers: Some(unique(|c| c.call_origin.clone()))
                        .filter(|_| wanted("tuc")),
                    total_unique_nodes: Some(unique(|c| c.node_id.clone()))
                        .filter(|_| wanted("tun")),
                    total_unique_links: Some(unique(|c| c.link_id.clone()))
                        .filter(|_| wanted("tul")),
                    ..Default::default()
                };
                for (g, v) in group {
                    let v = Some(v);
                    match g.as_str() {
                        "cdate" => m.call_date = v,
                        "cweekd" => m.call_weekday = v,
                        "cmonth" => m.call_month = v,
                        "co" => m.call_origin = v,
                        "coe" => m.call_origin_encoded = v,
                        "vn" => m.voxnumber = v,
                        "cd" => m.call_destination = v,
                        "detail" => m.detail = v,
                        "call_res" => m.call_result = v,
                        "nid" => m.node_id = v,
                        "ntype" => m.node_type = v,
                        "lid" => m.link_id = v,
                        "lname" => m.link_name = v,
                        "ltype" => m.link_type = v,
                        _ => {}
                    }
                }
                m
            })
            .collect();
        Ok(crate::lifecycle::paginate(rows, r.page, r.limit))
    }

    /// getCallRecording (`voicemail` false): the audio of a recorded call;
    /// getVoicemailRecording (`voicemail` true): what the caller of a recorded call that
    /// was missed left.
    pub fn recording(&self, id: &str, voicemail: bool) -> Result<Vec<u8>, String> {
        let what = if voicemail { "voicemail" } else { "recording" };
        match self.state.calls.iter().find(|c| c.id == id) {
            Some(c) if c.recording && !(voicemail && c.answered) => Ok(silence_mp3()),
            Some(_) => Err(crate::setup::undocumented(format!(
                "call {id} has no {what}"
            ))),
            None => Err(crate::setup::undocumented(format!("there is no call {id}"))),
        }
    }
}

/// A number as text with at most two decimals ("12.5", "3").
fn decimal(v: f64) -> String {
    let text = format!("{v:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// The weekday of a day since 1970 (a Thursday).
fn weekday(days: u64) -> String {
    [
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Monday",
        "Tuesday",
        "Wednesday",
    ][(days % 7) as usize]
        .into()
}

fn first_of_month(day: u64) -> u64 {
    let date = format_utc(day);
    parse_utc(&format!("{}-01", &date[..7])).unwrap_or(day)
}

/// The value `order`'s abbreviation sorts by: numbers by their value.
fn sort_key<'a>(c: &'a Call, field: &str) -> (u64, &'a str) {
    let text = |v: &'a Option<String>| v.as_deref().unwrap_or_default();
    match field {
        "cts" => (u64::from(c.call_time_sec.unwrap_or(0)), ""),
        "tts" => (u64::from(c.talk_time_sec.unwrap_or(0)), ""),
        "id" => (0, text(&c.id)),
        "ce" => (0, text(&c.call_end)),
        "co" => (0, text(&c.call_origin)),
        "vn" => (0, text(&c.voxnumber)),
        "call_res" => (0, text(&c.call_result)),
        "lid" => (0, text(&c.link_id)),
        "nid" => (0, text(&c.node_id)),
        _ => (0, text(&c.call_start)),
    }
}
