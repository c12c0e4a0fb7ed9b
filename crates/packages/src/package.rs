//! A SCORM package as uploaded: a zip, read with the same checks as a
//! course archive (every entry a plain file inside it: no absolute paths,
//! no `..`, no links, no name twice; the limits checked on the bytes
//! actually inflated), its manifest at the root read and checked against
//! the files it has. Anything wrong refuses the whole package, so nothing
//! of it is kept.

use crate::manifest::{self, Manifest, Problem};
use kuza_courses::archive::{self, Files, Limits};
use std::io::{Read, Seek};
use std::path::Path;

/// The manifest's name, at the package's root.
pub const MANIFEST: &str = "imsmanifest.xml";

/// A package read and checked: its manifest and its files (the manifest
/// in memory, the others in temporary files until they are stored).
#[derive(Debug)]
pub struct Package {
    pub manifest: Manifest,
    pub files: Files,
}

/// `%20` and the like in a manifest's paths, as the zip names the files.
fn decoded(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied(),
            bytes.get(i + 2).copied(),
        ) {
            (b'%', Some(h), Some(l)) if hex(h).is_some() && hex(l).is_some() => {
                out.push((hex(h).unwrap_or(0) * 16 + hex(l).unwrap_or(0)) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Reads and checks a package (blocking).
pub fn read<R: Read + Seek>(
    reader: R,
    limits: Limits,
    spill: &Path,
) -> Result<Package, Vec<Problem>> {
    let files =
        archive::read_zip_with(reader, limits, spill, &|name| name == MANIFEST).map_err(|e| {
            let code = match e.code {
                "archive_not_a_zip" => "package_not_a_zip",
                "archive_path_unsafe" => "package_path_outside",
                "archive_too_large" | "archive_entry_too_large" | "archive_too_many_entries" => {
                    "package_too_large"
                }
                _ => "package_unreadable",
            };
            vec![Problem { at: e.at, code }]
        })?;
    let Some(entry) = files.get(MANIFEST) else {
        let nested = files.keys().any(|k| k.ends_with(&format!("/{MANIFEST}")));
        let code = if nested {
            "package_manifest_not_at_root"
        } else {
            "package_manifest_missing"
        };
        return Err(vec![Problem {
            at: MANIFEST.into(),
            code,
        }]);
    };
    let bytes = entry.read().map_err(|_| {
        vec![Problem {
            at: MANIFEST.into(),
            code: "package_unreadable",
        }]
    })?;
    let xml = String::from_utf8(bytes).map_err(|_| {
        vec![Problem {
            at: MANIFEST.into(),
            code: "package_manifest_invalid",
        }]
    })?;
    let exists = |path: &str| files.contains_key(path) || files.contains_key(&decoded(path));
    let manifest = manifest::parse(xml.trim_start_matches('\u{feff}'), &exists)?;
    Ok(Package { manifest, files })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::Standard;

    const LIMITS: Limits = Limits {
        max_entries: 50,
        max_entry_bytes: 64 * 1024,
        max_total_bytes: 100 * 1024,
    };

    const MANIFEST_12: &str = r#"<?xml version="1.0"?>
<manifest identifier="p" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schemaversion>1.2</schemaversion></metadata>
  <organizations default="o"><organization identifier="o"><title>T</title>
    <item identifier="i" identifierref="r"><title>One</title></item>
  </organization></organizations>
  <resources><resource identifier="r" type="webcontent" adlcp:scormtype="sco" href="my%20lesson.html"/></resources>
</manifest>"#;

    fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let files: Files = entries
            .iter()
            .map(|(p, b)| (p.to_string(), b.to_vec().into()))
            .collect();
        archive::write_zip(&files).expect("a zip")
    }

    fn codes(entries: &[(&str, &[u8])]) -> Vec<&'static str> {
        let zip = zip_of(entries);
        read(std::io::Cursor::new(zip), LIMITS, &std::env::temp_dir())
            .expect_err("refused")
            .into_iter()
            .map(|p| p.code)
            .collect()
    }

    #[test]
    fn a_package_is_read_with_its_manifest_and_files() {
        let zip = zip_of(&[
            (MANIFEST, MANIFEST_12.as_bytes()),
            ("my lesson.html", b"<html></html>"),
            ("media/picture.png", b"\x89PNG"),
        ]);
        let dir = tempfile::tempdir().expect("a folder");
        let p = read(std::io::Cursor::new(zip), LIMITS, dir.path()).expect("valid");
        assert_eq!(p.manifest.standard, Standard::Scorm12);
        assert_eq!(p.files.len(), 3);
        assert_eq!(
            p.files["my lesson.html"].read().expect("readable"),
            b"<html></html>"
        );
    }

    #[test]
    fn a_manifest_missing_or_not_at_the_root_is_said() {
        assert_eq!(
            codes(&[("course/imsmanifest.xml", MANIFEST_12.as_bytes())]),
            ["package_manifest_not_at_root"]
        );
        assert_eq!(
            codes(&[("index.html", b"<html></html>")]),
            ["package_manifest_missing"]
        );
        assert_eq!(
            codes(&[(MANIFEST, MANIFEST_12.as_bytes())]),
            ["package_file_missing"],
            "the SCO's file is not in the package"
        );
    }

    #[test]
    fn unsafe_paths_inflation_past_the_limits_and_other_files_are_refused_whole() {
        assert_eq!(
            codes(&[(MANIFEST, MANIFEST_12.as_bytes()), ("../evil.html", b"x")]),
            ["package_path_outside"]
        );
        // Zeros inflate far past what the zip holds: refused on the bytes read.
        let bomb = vec![0u8; 200 * 1024];
        assert_eq!(
            codes(&[(MANIFEST, MANIFEST_12.as_bytes()), ("bomb.bin", &bomb)]),
            ["package_too_large"]
        );
        let zip = b"not a zip".to_vec();
        let refused =
            read(std::io::Cursor::new(zip), LIMITS, &std::env::temp_dir()).expect_err("refused");
        assert_eq!(refused[0].code, "package_not_a_zip");
    }

    #[test]
    fn paths_are_decoded_as_the_zip_names_files() {
        assert_eq!(decoded("my%20lesson.html"), "my lesson.html");
        assert_eq!(decoded("100%.html"), "100%.html");
        assert_eq!(decoded("a%2"), "a%2");
    }
}
