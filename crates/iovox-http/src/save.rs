//! A recording's audio into a file, for every language: written whole or not at all.

use std::io::Write;
use std::path::Path;

/// Writes a recording's audio (getCallRecording, getVoicemailRecording) to `path`, whole
/// or not at all: into a file beside it first, then renamed over it, so a reader never
/// sees half a file and a failure leaves no part behind. Empty audio is refused (an
/// `InvalidInput` error) rather than written as an empty file. Answers the bytes written.
///
/// ```
/// let dir = std::env::temp_dir().join(format!("iovox-save-doc-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).unwrap();
/// let file = dir.join("call.mp3");
/// assert_eq!(iovox_http::save_recording(b"ID3...", &file).unwrap(), 6);
/// assert_eq!(std::fs::read(&file).unwrap(), b"ID3...");
/// let e = iovox_http::save_recording(b"", &file).unwrap_err();
/// assert_eq!(e.kind(), std::io::ErrorKind::InvalidInput);
/// assert_eq!(std::fs::read(&file).unwrap(), b"ID3...");
/// std::fs::remove_dir_all(&dir).unwrap();
/// ```
pub fn save_recording(audio: &[u8], path: impl AsRef<Path>) -> std::io::Result<u64> {
    let path = path.as_ref();
    if audio.is_empty() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "the recording is empty: nothing written",
        ));
    }
    let name = path.file_name().ok_or_else(|| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("{} names no file", path.display()),
        )
    })?;
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    let part = dir.unwrap_or(Path::new(".")).join(format!(
        ".{}.{}.part",
        name.to_string_lossy(),
        std::process::id()
    ));
    let written = (|| {
        let mut f = std::fs::File::create(&part)?;
        f.write_all(audio)?;
        f.sync_all()?;
        std::fs::rename(&part, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&part);
    }
    written.map(|()| audio.len() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failure_leaves_nothing_behind() {
        let dir = std::env::temp_dir().join(format!("iovox-save-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        // A directory where the file would go: the rename fails, the part file is gone.
        let taken = dir.join("taken.mp3");
        std::fs::create_dir_all(taken.join("inside")).unwrap();
        assert!(save_recording(b"ID3", &taken).is_err());
        let left: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(left, ["taken.mp3"]);
        assert!(save_recording(b"ID3", dir.join("no/such/dir/x.mp3")).is_err());
        assert!(save_recording(b"ID3", "/").is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
