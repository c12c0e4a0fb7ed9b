//! Course archives: export, import and export again give the same files;
//! unsafe or broken archives are refused and leave nothing behind; a course
//! can be created from one JSON document.

use kuza_courses::archive::{Files, write_zip};
use std::collections::BTreeMap;

/// A zip's files and their bytes, read as an import reads them.
fn read_zip(
    zip: &[u8],
    limits: kuza_courses::archive::Limits,
) -> Result<BTreeMap<String, Vec<u8>>, kuza_courses::archive::ArchiveError> {
    let files =
        kuza_courses::archive::read_zip(std::io::Cursor::new(zip), limits, &std::env::temp_dir())?;
    Ok(contents(&files))
}

/// Archive files with their bytes in memory.
fn contents(files: &Files) -> BTreeMap<String, Vec<u8>> {
    files
        .iter()
        .map(|(p, e)| (p.clone(), e.read().unwrap()))
        .collect()
}
use kuza_tests::*;
use reqwest::Method;
use serde_json::{Value, json};
use std::io::Write;

async fn import(app: &TestApp, tok: &str, zip: Vec<u8>, slug: Option<&str>) -> (u16, Value) {
    let mut req = reqwest::Client::new()
        .post(app.url("/api/v1/courses/import"))
        .bearer_auth(tok)
        .body(zip);
    if let Some(s) = slug {
        req = req.query(&[("slug", s)]);
    }
    let res = req.send().await.unwrap();
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

async fn export(app: &TestApp, tok: &str, id: &Value) -> Vec<u8> {
    let res = reqwest::Client::new()
        .get(app.url(&format!("/api/v1/courses/{id}/archive")))
        .bearer_auth(tok)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "application/zip");
    res.bytes().await.unwrap().to_vec()
}

const LIMITS: kuza_courses::archive::Limits = kuza_courses::archive::Limits {
    max_entries: 5000,
    max_entry_bytes: 1 << 30,
    max_total_bytes: 1 << 30,
};

#[tokio::test]
async fn export_import_export_gives_the_same_files_for_every_demo_course() {
    let (db1, db2) = (TestDb::new().await, TestDb::new().await);
    let (a, b) = (
        TestApp::spawn(&db1, Options::default()).await,
        TestApp::spawn(&db2, Options::default()).await,
    );
    let (tok_a, tok_b) = (
        a.author_token(&db1, "one@example.org").await,
        b.author_token(&db2, "two@example.org").await,
    );
    for (slug, source) in kuza_app::demo::course_archives() {
        // The demo folder imports as it is, and exports to the same files.
        let (status, c) = import(&a, &tok_a, write_zip(&source).unwrap(), None).await;
        assert_eq!(status, 201, "{slug}: {c}");
        let first = export(&a, &tok_a, &c["id"]).await;
        assert_eq!(
            read_zip(&first, LIMITS).unwrap(),
            contents(&source),
            "{slug}"
        );

        // Into another instance and back out: byte for byte the same zip.
        let (status, c2) = import(&b, &tok_b, first.clone(), None).await;
        assert_eq!(status, 201, "{c2}");
        let second = export(&b, &tok_b, &c2["id"]).await;
        assert_eq!(first, second, "{slug}: the second export differs");

        // The imported course publishes, with its quiz, video and files.
        let (status, p) = b
            .api(
                Method::POST,
                &format!("/api/v1/courses/{}/publish", c2["id"]),
                Some(&tok_b),
                None,
            )
            .await;
        assert_eq!(status, 201, "{slug}: {p}");
    }
    let (_, doc) = b
        .api(Method::GET, "/api/v1/catalog/rasd-hadaf-11", None, None)
        .await;
    assert_eq!(doc["document"]["default_language"], "ar");
    let page = b.get("/courses/rasd-hadaf-11").await.text().await.unwrap();
    assert!(
        page.contains("<html lang=\"ar\" dir=\"rtl\">") || page.contains("lang=\"ar\" dir=\"rtl\"")
    );

    // A copy in the same instance takes a new slug; only the slug differs.
    let archive = &kuza_app::demo::course_archives()[0].1;
    let source = contents(archive);
    let (status, _) = import(&a, &tok_a, write_zip(archive).unwrap(), None).await;
    assert_eq!(status, 409, "the slug is taken");
    let (status, copy) = import(&a, &tok_a, write_zip(archive).unwrap(), Some("a-copy")).await;
    assert_eq!(status, 201, "{copy}");
    let files = read_zip(&export(&a, &tok_a, &copy["id"]).await, LIMITS).unwrap();
    for (path, bytes) in &files {
        if path != "course.json" {
            assert_eq!(bytes, &source[path], "{path}");
        }
    }
}

fn zip_with(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn minimal_course(cover: Option<&str>) -> Vec<u8> {
    serde_json::to_vec(&json!({
        "kuza_archive": 1, "slug": "broken-course", "format": "self_paced", "level": "introductory",
        "estimated_hours": 1, "default_language": "en", "languages": ["en"],
        "title": {"en": "Broken"}, "cover": cover,
        "modules": [{"title": {"en": "M"}, "lessons": [{"kind": "text", "required": true, "title": {"en": "L"}}]}]
    }))
    .unwrap()
}

#[tokio::test]
async fn unsafe_and_broken_archives_are_refused_and_leave_nothing_behind() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(
        &db,
        Options {
            extra_toml: "upload_max_mb = 1\n".into(),
            ..Default::default()
        },
    )
    .await;
    let tok = app.author_token(&db, "importer@example.org").await;
    let course = minimal_course(None);
    let with_cover = minimal_course(Some("media/cover.png"));
    let body = b"Text.\n".as_slice();
    let big = vec![b'a'; 2 * 1024 * 1024];
    // Incompressible bytes, so that the zip itself passes the upload limit.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let noise: Vec<u8> = (0..1_200_000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect();
    let many: Vec<(String, Vec<u8>)> = (0..2001).map(|i| (format!("x/{i}"), vec![])).collect();
    let many: Vec<(&str, &[u8])> = many
        .iter()
        .map(|(p, b)| (p.as_str(), b.as_slice()))
        .collect();
    let html = b"<html><script>alert(1)</script></html>".as_slice();
    let cases: Vec<(Vec<u8>, u16, &str)> = vec![
        (
            zip_with(&[("course.json", &course), ("../evil.md", body)]),
            422,
            "archive_path_unsafe",
        ),
        (
            zip_with(&[("course.json", &course), ("/etc/cron.d/x", body)]),
            422,
            "archive_path_unsafe",
        ),
        (
            zip_with(&[("course.json", &course), ("lessons/../../x.md", body)]),
            422,
            "archive_path_unsafe",
        ),
        (zip_with(&many), 422, "archive_too_many_entries"),
        (
            zip_with(&[("course.json", &course), ("media/noise.bin", &noise)]),
            413,
            "payload_too_large",
        ),
        (
            zip_with(&[("course.json", &course), ("notes.txt", body)]),
            422,
            "archive_entry_unexpected",
        ),
        (
            zip_with(&[("course.json", &with_cover), ("lessons/01-01.en.md", body)]),
            422,
            "archive_media_missing",
        ),
        (
            zip_with(&[
                ("course.json", &with_cover),
                ("lessons/01-01.en.md", body),
                ("media/cover.png", html),
            ]),
            422,
            "unsupported_media_type",
        ),
        (
            zip_with(&[("course.json", b"{\"kuza_archive\": 1, \"slug\": 3}")]),
            422,
            "archive_course_json_invalid",
        ),
        (
            zip_with(&[("lessons/01-01.en.md", body)]),
            422,
            "archive_course_json_missing",
        ),
        (b"PK\x03\x04 not really".to_vec(), 422, "archive_not_a_zip"),
    ];
    for (zip, status, code) in cases {
        let (got, p) = import(&app, &tok, zip, None).await;
        let codes: Vec<&str> = p["errors"]
            .as_array()
            .map(|e| e.iter().filter_map(|x| x["code"].as_str()).collect())
            .unwrap_or_default();
        assert!(
            got == status && (codes.contains(&code) || p["code"] == code),
            "{code}: {got} {p}"
        );
    }
    // An entry that inflates past the limit (a zip bomb's trick) is refused
    // on the bytes, whatever its header says.
    let bomb = zip_with(&[("course.json", &course), ("lessons/01-01.en.md", &big)]);
    assert!(bomb.len() < 100_000, "it compresses well");
    let (status, p) = import(&app, &tok, bomb, None).await;
    assert_eq!(
        (status, p["errors"][0]["code"].as_str()),
        (422, Some("archive_entry_too_large"))
    );

    // A course that is wrong inside: the module's lesson names a language
    // the course is not offered in. Nothing stays behind.
    let bad_language = serde_json::to_vec(&json!({
        "kuza_archive": 1, "slug": "broken-course", "format": "self_paced", "level": "introductory",
        "estimated_hours": 1, "default_language": "en", "languages": ["en"], "title": {"en": "Broken"},
        "cover": "media/cover.png",
        "modules": [{"title": {"en": "M"}, "lessons": [{"kind": "text", "required": true, "title": {"en": "L", "zh": "课"}}]}]
    }))
    .unwrap();
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0".as_slice();
    let (status, p) = import(
        &app,
        &tok,
        zip_with(&[("course.json", &bad_language), ("media/cover.png", png)]),
        None,
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(
        p["errors"][0]["field"], "modules[0].lessons[0].title.zh",
        "{p}"
    );
    let (_, mine) = app
        .api(Method::GET, "/api/v1/courses/mine", Some(&tok), None)
        .await;
    assert_eq!(mine, json!([]), "no course was left behind");
    assert_eq!(
        app.state.app.storage.count().await.unwrap(),
        0,
        "no file was left behind"
    );
}

#[tokio::test]
async fn a_course_is_created_from_one_document_and_only_authors_may_import_or_export() {
    use base64::Engine;
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let tok = app.author_token(&db, "doc@example.org").await;
    let source = contents(
        &kuza_app::demo::course_archives()
            .into_iter()
            .find(|(s, _)| s == "urban-planning-basics")
            .unwrap()
            .1,
    );
    let course: Value = serde_json::from_slice(&source["course.json"]).unwrap();
    let files: serde_json::Map<String, Value> = source
        .iter()
        .filter(|(p, _)| *p != "course.json")
        .map(|(p, b)| {
            let v = if p.starts_with("media/") {
                base64::engine::general_purpose::STANDARD.encode(b)
            } else {
                String::from_utf8(b.clone()).unwrap()
            };
            (p.clone(), Value::String(v))
        })
        .collect();
    let (status, c) = app
        .api(
            Method::POST,
            "/api/v1/courses/document",
            Some(&tok),
            Some(json!({"course": course, "files": files})),
        )
        .await;
    assert_eq!(status, 201, "{c}");
    let exported = read_zip(&export(&app, &tok, &c["id"]).await, LIMITS).unwrap();
    assert_eq!(exported, source, "the document is the archive's content");
    let (status, p) = app
        .api(
            Method::POST,
            "/api/v1/courses/document",
            Some(&tok),
            Some(json!({"course": {"kuza_archive": 1}, "files": {"media/x.png": "%%%"}})),
        )
        .await;
    assert_eq!(
        (status, p["errors"][0]["code"].as_str()),
        (422, Some("base64_invalid"))
    );

    // Denials: learners may not import, other authors may not export.
    let learner = app.learner_token("learner@example.org").await;
    let other = app.author_token(&db, "other@example.org").await;
    let (status, _) = import(&app, &learner, minimal_course(None), Some("x-copy")).await;
    assert_eq!(status, 403);
    for t in [&learner, &other] {
        let res = reqwest::Client::new()
            .get(app.url(&format!("/api/v1/courses/{}/archive", c["id"])))
            .bearer_auth(t)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 403);
    }
    let res = reqwest::Client::new()
        .get(app.url(&format!("/api/v1/courses/{}/archive", c["id"])))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
}
