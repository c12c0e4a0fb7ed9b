//! What a file is, read from its bytes. The name is only consulted to tell
//! a CSV file from plain text, both of which have no magic number, and only
//! after the bytes proved to be UTF-8 text.
//!
//! Never accepted, whatever the name says: SVG and HTML (a browser runs their
//! scripts), and anything else not on [`ALLOWED`].

/// How many leading bytes [`detect`] looks at (ZIP-based office formats name
/// their parts in the first local headers).
pub const HEAD_LEN: usize = 64 * 1024;

/// The content types that may be stored, and whether a browser may show
/// them in place (`true`) or should download them.
pub const ALLOWED: [(&str, bool); 19] = [
    ("image/png", true),
    ("image/jpeg", true),
    ("image/webp", true),
    ("image/gif", true),
    ("video/webm", true),
    ("video/mp4", true),
    ("audio/mpeg", true),
    ("audio/ogg", true),
    ("application/pdf", true),
    ("application/zip", false),
    (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        false,
    ),
    (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        false,
    ),
    (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        false,
    ),
    ("application/vnd.oasis.opendocument.text", false),
    ("application/vnd.oasis.opendocument.spreadsheet", false),
    ("application/vnd.oasis.opendocument.presentation", false),
    ("text/vtt", true),
    ("text/csv", false),
    ("text/plain", false),
];

/// Whether a stored file of this type is shown in the browser rather than
/// downloaded.
pub fn is_inline(content_type: &str) -> bool {
    ALLOWED
        .iter()
        .any(|(t, inline)| *t == content_type && *inline)
}

/// Whether the type is text (served with `charset=utf-8`).
pub fn is_text(content_type: &str) -> bool {
    content_type.starts_with("text/")
}

/// Follows a file's bytes as they stream past: is the whole file UTF-8
/// without NUL bytes? A character split between two chunks is carried over.
#[derive(Debug, Clone)]
pub struct TextScan {
    ok: bool,
    carry: Vec<u8>,
}

impl Default for TextScan {
    fn default() -> Self {
        TextScan {
            ok: true,
            carry: Vec::new(),
        }
    }
}

impl TextScan {
    pub fn feed(&mut self, chunk: &[u8]) {
        if !self.ok {
            return;
        }
        if chunk.contains(&0) {
            self.ok = false;
            return;
        }
        let mut buf = std::mem::take(&mut self.carry);
        buf.extend_from_slice(chunk);
        match std::str::from_utf8(&buf) {
            Ok(_) => {}
            // An incomplete character at the end: wait for the next chunk.
            Err(e) if e.error_len().is_none() && buf.len() - e.valid_up_to() < 4 => {
                self.carry = buf[e.valid_up_to()..].to_vec();
            }
            Err(_) => self.ok = false,
        }
    }

    /// True when every byte fed was UTF-8 text without NUL.
    pub fn is_text(&self) -> bool {
        self.ok && self.carry.is_empty()
    }
}

fn extension_is(name: &str, ext: &str) -> bool {
    name.rsplit_once('.')
        .is_some_and(|(_, e)| e.eq_ignore_ascii_case(ext))
}

/// The content type of a file from its first bytes (`head`, up to
/// [`HEAD_LEN`]), whether the whole file is UTF-8 text, and its name; `None`
/// when the file is not one Kuza stores.
pub fn detect(head: &[u8], text: &TextScan, name: &str) -> Option<&'static str> {
    if let Some(kind) = infer::get(head) {
        // Opus is one of the codecs of Ogg audio; browsers know the container.
        let mime = match kind.mime_type() {
            "audio/opus" => "audio/ogg",
            other => other,
        };
        // HTML, XML (SVG), scripts, executables and other archives are found
        // here too, and refused.
        return ALLOWED.iter().map(|(t, _)| *t).find(|t| *t == mime);
    }
    if !text.is_text() {
        return None;
    }
    let body = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    if let Some(rest) = body.strip_prefix(b"WEBVTT")
        && matches!(rest.first(), None | Some(b' ' | b'\t' | b'\n' | b'\r'))
    {
        return Some("text/vtt");
    }
    // Markup in disguise (an SVG without an XML declaration, say) is not
    // plain text, whatever the name claims.
    if body.trim_ascii_start().first() == Some(&b'<') {
        return None;
    }
    if extension_is(name, "csv") {
        Some("text/csv")
    } else if extension_is(name, "txt") {
        Some("text/plain")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(bytes: &[u8], name: &str) -> Option<&'static str> {
        let mut scan = TextScan::default();
        scan.feed(bytes);
        detect(&bytes[..bytes.len().min(HEAD_LEN)], &scan, name)
    }

    #[test]
    fn images_documents_and_media_are_recognised_by_their_bytes() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert_eq!(kind(png, "photo.txt"), Some("image/png"));
        assert_eq!(
            kind(b"%PDF-1.7\n%\xe2\xe3", "x.bin"),
            Some("application/pdf")
        );
        assert_eq!(kind(b"\xff\xd8\xff\xe0\0\x10JFIF", "a"), Some("image/jpeg"));
        assert_eq!(kind(b"GIF89a\x01\0\x01\0", "a"), Some("image/gif"));
        assert_eq!(kind(b"ID3\x03\0\0\0\0\0\0", "a"), Some("audio/mpeg"));
    }

    #[test]
    fn captions_csv_and_text_need_utf8_and_the_right_name() {
        assert_eq!(
            kind(b"WEBVTT\n\n00:00.000 --> 00:01.000\nKaribu", "c.vtt"),
            Some("text/vtt")
        );
        assert_eq!(kind(b"\xEF\xBB\xBFWEBVTT", "any"), Some("text/vtt"));
        assert_eq!(kind(b"WEBVTTX", "c.txt"), Some("text/plain"));
        assert_eq!(kind("city,جمع\n".as_bytes(), "data.CSV"), Some("text/csv"));
        assert_eq!(kind(b"notes", "notes.txt"), Some("text/plain"));
        assert_eq!(kind(b"notes", "notes.md"), None);
        assert_eq!(kind(b"bad \xff utf8", "notes.txt"), None);
        assert_eq!(kind(b"nul \0 byte", "notes.txt"), None);
    }

    #[test]
    fn html_and_svg_are_refused_whatever_their_name() {
        assert_eq!(kind(b"<!DOCTYPE html><p>hi", "guide.pdf"), None);
        assert_eq!(kind(b"<html><script>x</script>", "guide.txt"), None);
        assert_eq!(
            kind(
                b"<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>",
                "a.txt"
            ),
            None
        );
        assert_eq!(
            kind(
                b"  <svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"x()\"/>",
                "a.csv"
            ),
            None
        );
        assert_eq!(kind(b"<svg/>", "a.svg"), None);
    }

    #[test]
    fn a_character_split_between_chunks_is_still_text() {
        let s = "Привет, мир".as_bytes();
        let mut scan = TextScan::default();
        scan.feed(&s[..1]);
        scan.feed(&s[1..8]);
        scan.feed(&s[8..]);
        assert!(scan.is_text());
        let mut cut = TextScan::default();
        cut.feed(&s[..1]);
        assert!(
            !cut.is_text(),
            "a file ending inside a character is not text"
        );
    }

    #[test]
    fn inline_types_are_media_pdf_and_captions() {
        assert!(is_inline("video/mp4"));
        assert!(is_inline("text/vtt"));
        assert!(!is_inline("application/zip"));
        assert!(!is_inline("text/plain"));
        assert!(!is_inline("text/html"));
    }
}
