//! Certificates in the six languages, read back by a real PDF reader
//! (poppler: pdftotext, pdffonts, pdfdetach): the text is there in each
//! script, fonts are embedded and subset, the file stays under 100 KB, a
//! name's markup stays text, and an attachment travels in the file.

#![expect(clippy::unwrap_used, reason = "tests")]

use kuza_pdf::{Attachment, Certificate, Fonts, Signatory, render};
use std::path::Path;
use std::process::Command;

/// The Noto fonts (Debian's fonts-noto-core and fonts-noto-cjk); under CI
/// they must be there, elsewhere the tests are skipped without them.
fn fonts() -> Option<Fonts> {
    match Fonts::from_dir_or_system(None) {
        Ok(f) => Some(f),
        Err(e) if std::env::var("CI").is_err() => {
            eprintln!("skipped: {e}");
            None
        }
        Err(e) => panic!("CI needs the fonts: {e}"),
    }
}

/// Whether poppler's tools are here; under CI they must be.
fn poppler() -> bool {
    let here = Command::new("pdftotext").arg("-v").output().is_ok();
    assert!(
        here || std::env::var("CI").is_err(),
        "CI needs poppler-utils"
    );
    if !here {
        eprintln!("skipped: poppler-utils (pdftotext) is not installed");
    }
    here
}

fn tool(name: &str, args: &[&str], pdf: &Path) -> String {
    let mut cmd = Command::new(name);
    cmd.args(args).arg(pdf);
    if name == "pdftotext" {
        cmd.arg("-");
    }
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{name}: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

fn sample(lang: &str, rtl: bool, name: &str, course: &str) -> Certificate {
    Certificate {
        lang: lang.into(),
        rtl,
        issuer: "UN Learning".into(),
        heading: format!("Heading {lang}"),
        presented: "This certifies that".into(),
        name: name.into(),
        reason: "has completed the course".into(),
        course: course.into(),
        course_lang: lang.into(),
        details: vec!["Completed on 7 December 2026".into(), "3 hours".into()],
        signatories: vec![Signatory {
            name: "Ana Ruiz".into(),
            title: "Director".into(),
            organisation: "Training Centre".into(),
            signature: None,
        }],
        number_label: "Number".into(),
        number: "KZ-2026-000123".into(),
        verify_label: "Verify at".into(),
        verify_url: "https://learn.example.org/certificates/AbCdEfGhIjKlMnOpQrStUv".into(),
        title: "Certificate KZ-2026-000123".into(),
        issued_at: 1_796_601_600,
        ..Default::default()
    }
}

#[test]
fn every_language_renders_readable_embedded_and_small() {
    let Some(fonts) = fonts() else { return };
    let check = poppler();
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("en", false, "Amina Diallo", "Urban resilience"),
        ("fr", false, "أمينة ديالو", "Résilience urbaine"),
        ("es", false, "José Núñez", "Resiliencia urbana"),
        ("ar", true, "أمينة ديالو", "المرونة الحضرية"),
        ("ru", false, "Анна Иванова", "Устойчивость городов"),
        ("zh", false, "王芳", "城市韧性"),
    ];
    for (lang, rtl, name, course) in cases {
        let pdf = render(&fonts, &sample(lang, rtl, name, course)).unwrap();
        assert!(pdf.starts_with(b"%PDF-"), "{lang}");
        assert!(pdf.len() < 100 * 1024, "{lang}: {} bytes", pdf.len());
        if !check {
            continue;
        }
        let path = dir.path().join(format!("{lang}.pdf"));
        std::fs::write(&path, &pdf).unwrap();
        // To look at them: PDF_OUT=/some/dir cargo test -p kuza-pdf.
        if let Ok(out) = std::env::var("PDF_OUT") {
            std::fs::copy(&path, Path::new(&out).join(format!("{lang}.pdf"))).unwrap();
        }
        let text = tool("pdftotext", &["-enc", "UTF-8"], &path);
        let text = text.split('\u{c}').next().unwrap();
        for needle in [course, "KZ-2026-000123", "Ana Ruiz"] {
            assert!(text.contains(needle), "{lang}: {needle} in {text}");
        }
        // A name in another script than the page's is there whole (poppler
        // gives right-to-left runs in reading order).
        assert!(
            text.contains(name) || text.contains(&name.chars().rev().collect::<String>()),
            "{lang}: {name} in {text}"
        );
        let fonts = tool("pdffonts", &[], &path);
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!rows.is_empty(), "{lang}: {fonts}");
        for row in rows {
            // "ABCDEF+NotoSerif-Regular … emb yes sub yes"
            assert!(row.contains('+'), "{lang}: subset: {row}");
            assert!(
                row.contains(" yes yes "),
                "{lang}: embedded and subset: {row}"
            );
        }
    }
}

#[test]
fn a_name_is_text_whatever_it_holds() {
    let Some(fonts) = fonts() else { return };
    let name = "#panic(\"x\")] #set page(width: 1cm) <b>{{ x }}</b> \\ $";
    let pdf = render(&fonts, &sample("en", false, name, "Course")).unwrap();
    if !poppler() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("name.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let text = tool("pdftotext", &["-enc", "UTF-8"], &path);
    assert!(
        text.contains("#panic(\"x\")] #set page(width: 1cm)"),
        "{text}"
    );
    assert!(text.contains("<b>{{ x }}</b>"), "{text}");
    let info = tool("pdfinfo", &[], &path);
    assert!(info.contains("Pages:           1"), "{info}");
    assert!(info.contains("841.89 x 595.276"), "A4 landscape: {info}");
}

#[test]
fn the_file_carries_its_attachment() {
    let Some(fonts) = fonts() else { return };
    let mut c = sample("en", false, "Amina Diallo", "Course");
    c.attachment = Some(Attachment {
        name: "credential.json".into(),
        mime_type: "application/json".into(),
        description: "The signed credential".into(),
        data: br#"{"type":["VerifiableCredential"]}"#.to_vec(),
    });
    let pdf = render(&fonts, &c).unwrap();
    if !poppler() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("attached.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let list = tool("pdfdetach", &["-list"], &path);
    assert!(list.contains("credential.json"), "{list}");
    let out = dir.path().join("out.json");
    let status = Command::new("pdfdetach")
        .args(["-save", "1", "-o"])
        .arg(&out)
        .arg(&path)
        .status()
        .unwrap();
    assert!(status.success());
    assert_eq!(
        std::fs::read(&out).unwrap(),
        br#"{"type":["VerifiableCredential"]}"#
    );
}

#[test]
fn a_name_of_200_characters_in_mixed_scripts_keeps_one_page() {
    let Some(fonts) = fonts() else { return };
    let name: String = "Amina أمينة Анна 王芳 ".chars().cycle().take(200).collect();
    let course = "Urban resilience and climate adaptation for local governments ".repeat(3);
    let pdf = render(&fonts, &sample("fr", false, &name, course.trim())).unwrap();
    assert!(pdf.len() < 100 * 1024, "{} bytes", pdf.len());
    if !poppler() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.pdf");
    std::fs::write(&path, &pdf).unwrap();
    if let Ok(out) = std::env::var("PDF_OUT") {
        std::fs::copy(&path, Path::new(&out).join("long.pdf")).unwrap();
    }
    let info = tool("pdfinfo", &[], &path);
    assert!(info.contains("Pages:           1"), "{info}");
    let text = tool("pdftotext", &["-enc", "UTF-8"], &path);
    assert!(
        text.contains("KZ-2026-000123"),
        "the footer is still there: {text}"
    );
}

#[test]
fn the_qr_code_reads_back_as_the_verification_address() {
    let Some(fonts) = fonts() else { return };
    let c = sample("ar", true, "أمينة ديالو", "المرونة الحضرية");
    let pdf = render(&fonts, &c).unwrap();
    if !poppler() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("qr.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let png = dir.path().join("page");
    let status = Command::new("pdftoppm")
        .args(["-png", "-r", "150", "-singlefile"])
        .arg(&path)
        .arg(&png)
        .status()
        .unwrap();
    assert!(status.success());
    let page = image::open(dir.path().join("page.png")).unwrap().to_luma8();
    let mut prepared = rqrr::PreparedImage::prepare(page);
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code on the page");
    let (_, content) = grids[0].decode().unwrap();
    assert_eq!(content, c.verify_url);
}
