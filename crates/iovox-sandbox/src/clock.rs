//! The time as IOVOX writes it ("YYYY-MM-DD HH:MM:SS", UTC), from the system clock.

use std::time::{SystemTime, UNIX_EPOCH};

/// Now, as IOVOX writes a date-time.
pub(crate) fn now_utc() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    format_utc(secs)
}

/// Seconds since 1970 as "YYYY-MM-DD HH:MM:SS" (Howard Hinnant's civil-from-days).
pub(crate) fn format_utc(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let mut out = String::with_capacity(19);
    if !(0..=9999).contains(&year) {
        // Out of the four-digit years IOVOX writes: as fmt would, never reached by a call.
        return format!(
            "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02}",
            rem / 3600,
            rem % 3600 / 60,
            rem % 60
        );
    }
    // Written digit by digit: the sandbox formats a date for every call it lists, and
    // `format!` was a tenth of a 20,000-call page's time.
    digits(&mut out, year as u64, 4);
    out.push('-');
    digits(&mut out, month as u64, 2);
    out.push('-');
    digits(&mut out, day as u64, 2);
    out.push(' ');
    push_hms(&mut out, rem);
    out
}

/// `n` in `width` decimal digits, zero-padded (`n` fits).
fn digits(out: &mut String, n: u64, width: u32) {
    for p in (0..width).rev() {
        out.push(char::from(b'0' + (n / 10u64.pow(p) % 10) as u8));
    }
}

/// Seconds as "HH:MM:SS" (hours past 99 in as many digits as they need).
pub(crate) fn push_hms(out: &mut String, secs: u64) {
    let hours = secs / 3600;
    digits(out, hours, if hours > 99 { hours.ilog10() + 1 } else { 2 });
    out.push(':');
    digits(out, secs / 60 % 60, 2);
    out.push(':');
    digits(out, secs % 60, 2);
}

/// "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS" as seconds since 1970 (UTC); `None` when it is
/// not such a date-time. A date alone is its first second.
pub(crate) fn parse_utc(text: &str) -> Option<u64> {
    let (date, time) = text
        .trim()
        .split_once(' ')
        .unwrap_or((text.trim(), "00:00:00"));
    let d: Vec<u64> = date
        .split('-')
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let t: Vec<u64> = time
        .split(':')
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let [y, m, day] = <[u64; 3]>::try_from(d).ok()?;
    let [h, min, s] = <[u64; 3]>::try_from(t).ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&day) || h > 23 || min > 59 || s > 59 {
        return None;
    }
    // Howard Hinnant's days-from-civil, the inverse of `format_utc`'s.
    let (y, m) = (y as i64 - i64::from(m <= 2), m as i64);
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    let secs = days * 86_400 + (h * 3600 + min * 60 + s) as i64;
    let secs = u64::try_from(secs).ok()?;
    // A day past the month's end (02-30) reads back as another date: not a date-time.
    (format_utc(secs)[..10] == format!("{:04}-{:02}-{:02}", y + i64::from(m <= 2), m, day))
        .then_some(secs)
}

/// Now, in seconds since 1970.
pub(crate) fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests {
    #[test]
    fn dates_and_durations_are_written_as_format_would() {
        let mut secs = 0u64;
        while secs < 4_102_444_800 {
            let (days, rem) = (secs / 86_400, secs % 86_400);
            let text = super::format_utc(secs);
            assert_eq!(text.len(), 19, "{text}");
            assert_eq!(super::parse_utc(&text), Some(secs));
            let clock = format!("{:02}:{:02}:{:02}", rem / 3600, rem % 3600 / 60, rem % 60);
            assert!(text.ends_with(&clock), "{text} {clock} {days}");
            secs += 7_777_777;
        }
        for secs in [
            0u64, 59, 60, 3_599, 3_600, 86_399, 359_999, 360_000, 3_600_000,
        ] {
            let mut out = String::new();
            super::push_hms(&mut out, secs);
            let want = format!("{:02}:{:02}:{:02}", secs / 3600, secs / 60 % 60, secs % 60);
            assert_eq!(out, want);
        }
    }

    #[test]
    fn parse_is_the_inverse_of_format() {
        for secs in [0, 951_782_400, 1_795_600_000, 1_798_761_599] {
            assert_eq!(super::parse_utc(&super::format_utc(secs)), Some(secs));
        }
        assert_eq!(super::parse_utc("2000-02-29"), Some(951_782_400));
        for bad in [
            "2026-02-30",
            "2026-13-01",
            "x",
            "2026-12-06 24:00:00",
            "2026-12",
        ] {
            assert_eq!(super::parse_utc(bad), None, "{bad}");
        }
    }

    #[test]
    fn known_instants() {
        assert_eq!(super::format_utc(0), "1970-01-01 00:00:00");
        assert_eq!(super::format_utc(951_782_400), "2000-02-29 00:00:00");
        assert_eq!(super::format_utc(1_795_600_000), "2026-11-25 09:46:40");
    }
}
