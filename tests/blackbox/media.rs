//! Media: uploads (API and studio form), the type allowlist, the size
//! limit, serving with ranges and caching, who may see what, view and
//! download counts, and the S3 backend against a real S3-compatible server.

use bytes::Bytes;
use kuza_tests::*;
use reqwest::Method;
use reqwest::header::{
    ACCEPT_RANGES, CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_RANGE, CONTENT_TYPE, ETAG,
    IF_NONE_MATCH, RANGE,
};
use serde_json::{Value, json};

/// Uploads are limited to 1 MiB in these tests.
const LIMIT: usize = 1024 * 1024;

fn opts() -> Options {
    Options {
        extra_toml: "upload_max_mb = 1\n".into(),
        ..Default::default()
    }
}

/// A publishable course (one module, one lesson); returns its id.
async fn course(app: &TestApp, tok: &str, slug: &str) -> i64 {
    let c = DraftCourse::create(
        app,
        tok,
        json!({
            "slug": slug, "format": "self_paced", "level": "introductory", "estimated_hours": 2,
            "default_language": "en", "languages": ["en"], "title": {"en": "Water and sanitation"}
        }),
    )
    .await;
    let module = c.add_module(app, json!({"en": "Basics"})).await;
    c.add_lesson(
        app,
        module,
        json!({"title": {"en": "Reading"}, "kind": "text", "body": {"en": "Water is life."}}),
    )
    .await;
    c.id
}

/// Makes the next version use `files`: a module with a lesson offering
/// each for download. The module's id.
async fn offer(app: &TestApp, tok: &str, course: i64, files: &[&Value]) -> i64 {
    let (status, m) = app
        .api(
            Method::POST,
            &format!("/api/v1/courses/{course}/modules"),
            Some(tok),
            Some(json!({"title": {"en": "Files"}})),
        )
        .await;
    assert_eq!(status, 201, "{m}");
    for f in files {
        let (status, l) = app
            .api(
                Method::POST,
                &format!("/api/v1/modules/{}/lessons", m["id"]),
                Some(tok),
                Some(json!({"title": {"en": f["file_name"]}, "kind": "file", "file": f["id"]})),
            )
            .await;
        assert_eq!(status, 201, "{l}");
    }
    m["id"].as_i64().unwrap()
}

async fn upload(app: &TestApp, tok: &str, course: i64, name: &str, bytes: &[u8]) -> (u16, Value) {
    app.upload(tok, course, name, bytes).await
}

async fn list(app: &TestApp, tok: &str, course: i64) -> (u16, Value) {
    app.api(
        Method::GET,
        &format!("/api/v1/courses/{course}/media"),
        Some(tok),
        None,
    )
    .await
}

/// Nothing of a refused upload is left: no row, no object, no temp file.
async fn assert_nothing_stored(app: &TestApp, tok: &str, course: i64) {
    let (status, files) = list(app, tok, course).await;
    assert_eq!(status, 200);
    assert_eq!(files.as_array().unwrap().len(), 0, "{files}");
    assert_eq!(
        app.state.app.storage.count().await.unwrap(),
        0,
        "objects left"
    );
    assert_eq!(app.state.app.storage.receiving(), 0, "temp files left");
}

/// A ZIP archive of stored (uncompressed) entries, as office formats are.
fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = vec![];
    for (name, data) in entries {
        out.extend_from_slice(b"PK\x03\x04");
        out.extend_from_slice(&[20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        out.extend_from_slice(&[0, 0, 0, 0]); // crc (not checked here)
        out.extend_from_slice(&(data.len() as u32).to_le_bytes());
        out.extend_from_slice(&(data.len() as u32).to_le_bytes());
        out.extend_from_slice(&(name.len() as u16).to_le_bytes());
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
    }
    out.extend_from_slice(b"PK\x05\x06");
    out.extend_from_slice(&[0; 18]);
    out
}

fn ooxml(dir: &str) -> Vec<u8> {
    zip(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("_rels/.rels", b"<Relationships/>"),
        (
            &format!("{dir}/document.xml"),
            "<doc>Water is life.</doc>".repeat(8).as_bytes(),
        ),
        (&format!("{dir}/styles.xml"), b"<styles/>"),
    ])
}

fn odf(kind: &str) -> Vec<u8> {
    zip(&[
        (
            "mimetype",
            format!("application/vnd.oasis.opendocument.{kind}").as_bytes(),
        ),
        ("content.xml", b"<office:document-content/>"),
    ])
}

fn with_tail(head: &[u8], len: usize) -> Vec<u8> {
    let mut v = head.to_vec();
    v.extend((0..len.saturating_sub(head.len())).map(|i| (i % 251) as u8));
    v
}

/// One sample of every accepted kind: (name, bytes, expected type).
fn samples() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    let mut webm = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\x82\x84webm".to_vec();
    webm.resize(400, 0);
    vec![
        (
            "cover.png",
            with_tail(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 300),
            "image/png",
        ),
        (
            "photo.jpg",
            with_tail(b"\xff\xd8\xff\xe0\0\x10JFIF\0", 300),
            "image/jpeg",
        ),
        (
            "photo.webp",
            with_tail(b"RIFF\x24\0\0\0WEBPVP8 ", 300),
            "image/webp",
        ),
        (
            "anim.gif",
            with_tail(b"GIF89a\x01\0\x01\0", 300),
            "image/gif",
        ),
        ("talk.webm", webm, "video/webm"),
        (
            "talk.mp4",
            with_tail(b"\0\0\0\x18ftypisom\0\0\x02\0isomiso2", 300),
            "video/mp4",
        ),
        (
            "talk.mp3",
            with_tail(b"ID3\x04\0\0\0\0\0\0", 300),
            "audio/mpeg",
        ),
        (
            "talk.ogg",
            with_tail(b"OggS\0\x02\0\0\0\0\0\0\0\0", 300),
            "audio/ogg",
        ),
        (
            "guide.pdf",
            with_tail(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", 300),
            "application/pdf",
        ),
        (
            "bundle.zip",
            zip(&[("readme.txt", b"hello")]),
            "application/zip",
        ),
        (
            "plan.docx",
            ooxml("word"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (
            "budget.xlsx",
            ooxml("xl"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        (
            "slides.pptx",
            ooxml("ppt"),
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ),
        (
            "plan.odt",
            odf("text"),
            "application/vnd.oasis.opendocument.text",
        ),
        (
            "budget.ods",
            odf("spreadsheet"),
            "application/vnd.oasis.opendocument.spreadsheet",
        ),
        (
            "slides.odp",
            odf("presentation"),
            "application/vnd.oasis.opendocument.presentation",
        ),
        (
            "captions.vtt",
            "WEBVTT\n\n00:00.000 --> 00:02.000\nKaribu — مرحبا\n"
                .as_bytes()
                .to_vec(),
            "text/vtt",
        ),
        (
            "cities.csv",
            "city,population\nNairobi,4397073\nالقاهرة,9540000\n"
                .as_bytes()
                .to_vec(),
            "text/csv",
        ),
        (
            "notes.txt",
            "Notes in 中文 and English.\n".as_bytes().to_vec(),
            "text/plain",
        ),
    ]
}

#[tokio::test]
async fn every_accepted_kind_is_stored_with_the_type_read_from_its_bytes() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, opts()).await;
    let tok = app.author_token(&db, "maker@example.org").await;
    let c = course(&app, &tok, "water-basics").await;

    for (name, bytes, expected) in samples() {
        let (status, m) = upload(&app, &tok, c, name, &bytes).await;
        assert_eq!(status, 201, "{name}: {m}");
        assert_eq!(m["content_type"], expected, "{name}");
        assert_eq!(m["size"], bytes.len(), "{name}");
        assert_eq!(m["file_name"], name);
        // The draft's files are readable by their author, byte for byte.
        let res = reqwest::Client::new()
            .get(app.url(m["url"].as_str().unwrap()))
            .bearer_auth(&tok)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{name}");
        assert!(
            res.headers()[CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with(expected),
            "{name}"
        );
        assert_eq!(res.bytes().await.unwrap(), Bytes::from(bytes), "{name}");
    }
    let (status, files) = list(&app, &tok, c).await;
    assert_eq!(status, 200);
    assert_eq!(files.as_array().unwrap().len(), samples().len());
    assert_eq!(
        app.state.app.storage.count().await.unwrap(),
        samples().len()
    );

    // The name loses its path and keeps its letters; the URL encodes it.
    let (status, m) = upload(&app, &tok, c, "../../خطة العمل.pdf", b"%PDF-1.4\n").await;
    assert_eq!(status, 201, "{m}");
    assert_eq!(m["file_name"], "خطة العمل.pdf");
    let url = m["url"].as_str().unwrap();
    assert!(
        url.ends_with("/%D8%AE%D8%B7%D8%A9%20%D8%A7%D9%84%D8%B9%D9%85%D9%84.pdf"),
        "{url}"
    );
    use sha2::Digest;
    assert_eq!(
        m["sha256"],
        hex::encode(sha2::Sha256::digest(b"%PDF-1.4\n"))
    );
}

#[tokio::test]
async fn fakes_are_refused_with_415_and_nothing_is_kept() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, opts()).await;
    let tok = app.author_token(&db, "maker@example.org").await;
    let c = course(&app, &tok, "water-basics").await;

    let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>"#;
    for (name, bytes) in [
        (
            "guide.pdf",
            b"<!DOCTYPE html><html><script>alert(1)</script>".as_slice(),
        ),
        ("cover.png", svg.as_slice()),
        ("cover.svg", svg.as_slice()),
        ("notes.txt", svg.as_slice()),
        ("data.csv", b"<?xml version=\"1.0\"?><svg/>".as_slice()),
        (
            "setup.zip",
            b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0".as_slice(),
        ),
        ("notes.md", b"# Just markdown".as_slice()),
        ("notes.txt", b"binary \0 inside".as_slice()),
    ] {
        let (status, p) = upload(&app, &tok, c, name, bytes).await;
        assert_eq!(status, 415, "{name}: {p}");
        assert_eq!(p["code"], "unsupported_media_type");
    }
    let (status, p) = upload(&app, &tok, c, "empty.txt", b"").await;
    assert_eq!(
        (status, p["code"].as_str()),
        (422, Some("invalid_input")),
        "{p}"
    );
    let (status, p) = upload(&app, &tok, c, "../", b"plain").await;
    assert_eq!(status, 422, "{p}");
    assert_nothing_stored(&app, &tok, c).await;
}

#[tokio::test]
async fn an_oversized_upload_is_refused_with_413_and_leaves_nothing() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, opts()).await;
    let tok = app.author_token(&db, "maker@example.org").await;
    let c = course(&app, &tok, "water-basics").await;

    // Declared too large: refused before the body is read.
    let big = with_tail(b"%PDF-1.7\n", LIMIT + 1);
    let (status, p) = upload(&app, &tok, c, "big.pdf", &big).await;
    assert_eq!(
        (status, p["code"].as_str()),
        (413, Some("payload_too_large")),
        "{p}"
    );

    // Streamed without a length: refused as soon as the limit is passed.
    let chunks: Vec<Result<Vec<u8>, std::io::Error>> =
        big.chunks(64 * 1024).map(|c| Ok(c.to_vec())).collect();
    let res = reqwest::Client::new()
        .post(app.url(&format!("/api/v1/courses/{c}/media?name=big.pdf")))
        .bearer_auth(&tok)
        .body(reqwest::Body::wrap_stream(futures_util::stream::iter(
            chunks,
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 413);
    assert_eq!(res.headers()[CONTENT_TYPE], "application/problem+json");
    assert_nothing_stored(&app, &tok, c).await;

    // Exactly the limit is accepted.
    let (status, m) = upload(&app, &tok, c, "limit.pdf", &big[..LIMIT]).await;
    assert_eq!(status, 201, "{m}");
    assert_eq!(app.state.app.storage.receiving(), 0);
}

#[tokio::test]
async fn published_files_are_served_with_ranges_etags_and_long_caching() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, opts()).await;
    let tok = app.author_token(&db, "maker@example.org").await;
    let c = course(&app, &tok, "water-basics").await;
    let bytes = with_tail(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 1000);
    let (_, png) = upload(&app, &tok, c, "cover.png", &bytes).await;
    let (_, zip_file) = upload(&app, &tok, c, "Données 2026.zip", &zip(&[("a.txt", b"a")])).await;
    offer(&app, &tok, c, &[&png, &zip_file]).await;
    publish_course(&app, &tok, c).await;
    let url = app.url(png["url"].as_str().unwrap());
    let anon = reqwest::Client::new();

    let res = anon.get(&url).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let h = res.headers().clone();
    assert_eq!(h[CACHE_CONTROL], "public, max-age=31536000, immutable");
    assert_eq!(h[ACCEPT_RANGES], "bytes");
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h[CONTENT_TYPE], "image/png");
    assert_eq!(
        h[CONTENT_DISPOSITION],
        "inline; filename=\"cover.png\"; filename*=UTF-8''cover.png"
    );
    let etag = h[ETAG].to_str().unwrap().to_owned();
    assert_eq!(etag, format!("\"{}\"", png["sha256"].as_str().unwrap()));
    assert_eq!(res.bytes().await.unwrap(), Bytes::from(bytes.clone()));

    for (range, expect) in [
        ("bytes=10-19", 10..20),
        ("bytes=990-", 990..1000),
        ("bytes=-5", 995..1000),
        ("bytes=0-", 0..1000),
        ("bytes=900-5000", 900..1000),
    ] {
        let res = anon.get(&url).header(RANGE, range).send().await.unwrap();
        assert_eq!(res.status(), 206, "{range}");
        assert_eq!(
            res.headers()[CONTENT_RANGE],
            format!("bytes {}-{}/1000", expect.start, expect.end - 1).as_str(),
            "{range}"
        );
        assert_eq!(res.bytes().await.unwrap(), &bytes[expect], "{range}");
    }
    let res = anon
        .get(&url)
        .header(RANGE, "bytes=1000-")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 416);
    assert_eq!(res.headers()[CONTENT_RANGE], "bytes */1000");

    let res = anon
        .get(&url)
        .header(IF_NONE_MATCH, &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 304);
    assert_eq!(res.headers()[ETAG], etag.as_str());
    let res = anon
        .get(&url)
        .header(IF_NONE_MATCH, "\"other\"")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);

    let res = anon.head(&url).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-length"], "1000");
    assert!(res.bytes().await.unwrap().is_empty());

    // Downloads are attachments, their Unicode name encoded per RFC 5987.
    let res = anon
        .get(app.url(zip_file["url"].as_str().unwrap()))
        .header("accept-encoding", "gzip, br")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.headers()[CONTENT_DISPOSITION],
        "attachment; filename=\"Donn_es 2026.zip\"; filename*=UTF-8''Donn%C3%A9es%202026.zip"
    );
    assert!(
        res.headers()
            .get("content-encoding")
            .is_none_or(|v| v == "identity")
    );

    // Unknown ids and names are 404s.
    assert_eq!(
        anon.get(app.url("/media/99999/x.png"))
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
    assert_eq!(
        anon.get(app.url("/media/abc/x.png"))
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
}

#[tokio::test]
async fn a_stored_file_that_went_missing_is_a_404_not_an_empty_200() {
    use kuza_db::entities::media;
    use sea_orm::EntityTrait;
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, opts()).await;
    let tok = app.author_token(&db, "keeper@example.org").await;
    let c = course(&app, &tok, "lost-files").await;
    let (_, png) = upload(
        &app,
        &tok,
        c,
        "cover.png",
        &with_tail(b"\x89PNG\r\n\x1a\n", 500),
    )
    .await;
    offer(&app, &tok, c, &[&png]).await;
    publish_course(&app, &tok, c).await;
    assert_eq!(app.get(png["url"].as_str().unwrap()).await.status(), 200);
    let row = media::Entity::find_by_id(png["id"].as_i64().unwrap() as i32)
        .one(&db.connect().await)
        .await
        .unwrap()
        .unwrap();
    app.state
        .app
        .storage
        .delete(&row.storage_key)
        .await
        .unwrap();
    let url = app.url(png["url"].as_str().unwrap());
    let anon = reqwest::Client::new();
    for (method, range) in [
        (Method::GET, None),
        (Method::GET, Some("bytes=10-19")),
        (Method::HEAD, None),
    ] {
        let mut req = anon.request(method.clone(), &url);
        if let Some(r) = range {
            req = req.header(RANGE, r);
        }
        let res = req.send().await.unwrap();
        assert_eq!(res.status(), 404, "{method} {range:?}");
        assert_ne!(
            res.headers()
                .get(CACHE_CONTROL)
                .map(|v| v.to_str().unwrap()),
            Some("public, max-age=31536000, immutable"),
            "a missing file is not cached"
        );
    }
}

/// A file is public only while the published version uses it: an upload
/// for the next version, or one a new version dropped, is its course's
/// editors' alone; addresses cannot be counted.
#[tokio::test]
async fn a_file_is_public_only_while_the_published_version_uses_it() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, opts()).await;
    let tok = app.author_token(&db, "maker@example.org").await;
    let other = app.author_token(&db, "other@example.org").await;
    let c = course(&app, &tok, "exam-course").await;
    let (_, now) = upload(&app, &tok, c, "this-term.pdf", b"%PDF-1.7\nthis term\n").await;
    let module = offer(&app, &tok, c, &[&now]).await;
    publish_course(&app, &tok, c).await;
    // Next term's answer sheet, uploaded while this term runs.
    let (_, next) = upload(&app, &tok, c, "answers.pdf", b"%PDF-1.7\nanswers\n").await;
    let status = |url: String, token: Option<String>| {
        let url = app.url(&url);
        async move {
            let mut r = reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap()
                .get(url);
            if let Some(t) = token {
                r = r.bearer_auth(t);
            }
            let res = r.send().await.unwrap();
            let cache = res
                .headers()
                .get(CACHE_CONTROL)
                .map(|v| v.to_str().unwrap().to_owned());
            (res.status().as_u16(), cache)
        }
    };
    let url = |m: &Value| m["url"].as_str().unwrap().to_owned();
    let public = Some("public, max-age=31536000, immutable".to_owned());
    let private = Some("private, no-store".to_owned());
    assert_eq!(status(url(&now), None).await, (200, public.clone()));
    assert_eq!(status(url(&next), None).await.0, 404);
    assert_eq!(status(url(&next), Some(other.clone())).await.0, 403);
    assert_eq!(
        status(url(&next), Some(tok.clone())).await,
        (200, private.clone())
    );
    // Addresses cannot be counted: the next id under a known signature, or
    // the bare id, give nothing.
    let (id, sig) = url(&now)
        .split('/')
        .nth(2)
        .unwrap()
        .split_once('-')
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
        .unwrap();
    assert_eq!(
        status(format!("/media/{}-{sig}/answers.pdf", next["id"]), None)
            .await
            .0,
        404
    );
    assert_eq!(
        status(format!("/media/{}/answers.pdf", next["id"]), None)
            .await
            .0,
        404
    );
    assert_eq!(
        status(
            format!("/media/{}/answers.pdf", next["id"]),
            Some(tok.clone())
        )
        .await
        .0,
        404
    );
    // A bare id of a public file (a link typed into a lesson) moves to its address.
    let res = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .get(app.url(&format!("/media/{id}/this-term.pdf")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 301);
    assert_eq!(res.headers()["location"], url(&now).as_str());
    // The next version offers the answers and drops this term's file.
    offer(&app, &tok, c, &[&next]).await;
    let (status_code, _) = app
        .api(
            Method::DELETE,
            &format!("/api/v1/modules/{module}"),
            Some(&tok),
            None,
        )
        .await;
    assert_eq!(status_code, 204);
    publish_course(&app, &tok, c).await;
    assert_eq!(status(url(&now), None).await.0, 404);
    assert_eq!(
        status(url(&now), Some(tok.clone())).await,
        (200, private.clone())
    );
    assert_eq!(status(url(&next), None).await, (200, public));
    // Archived, the course shows nothing to anyone but its editors.
    let (status_code, _) = app
        .api(
            Method::POST,
            &format!("/api/v1/courses/{c}/archive"),
            Some(&tok),
            None,
        )
        .await;
    assert_eq!(status_code, 204);
    assert_eq!(status(url(&next), None).await.0, 404);
    assert_eq!(status(url(&next), Some(tok.clone())).await, (200, private));
}

#[tokio::test]
async fn draft_files_are_hidden_from_strangers_and_other_authors_but_shown_to_editors() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, opts()).await;
    let tok = app.author_token(&db, "maker@example.org").await;
    let other = app.author_token(&db, "other@example.org").await;
    let learner_tok = app.learner_token("learner@example.org").await;
    let admin = app.admin_token(&db, "admin@example.org").await;
    let c = course(&app, &tok, "water-basics").await;
    let (_, m) = upload(&app, &tok, c, "draft.pdf", b"%PDF-1.7\n").await;
    let url = app.url(m["url"].as_str().unwrap());
    let get = |t: Option<&str>| {
        let mut r = reqwest::Client::new().get(&url);
        if let Some(t) = t {
            r = r.bearer_auth(t);
        }
        r.send()
    };

    assert_eq!(get(None).await.unwrap().status(), 404);
    assert_eq!(get(Some(&other)).await.unwrap().status(), 403);
    assert_eq!(get(Some(&learner_tok)).await.unwrap().status(), 403);
    assert_eq!(get(Some("not-a-token")).await.unwrap().status(), 404);
    for t in [&tok, &admin] {
        let res = get(Some(t)).await.unwrap();
        assert_eq!(res.status(), 200);
        assert_eq!(res.headers()[CACHE_CONTROL], "private, no-store");
    }
    // Signed in through the portal, the author sees it too.
    let browser = browser();
    assert_eq!(
        app.sign_in(&browser, "maker@example.org", PASSWORD)
            .await
            .status(),
        303
    );
    assert_eq!(browser.get(&url).send().await.unwrap().status(), 200);
}

#[tokio::test]
async fn learners_and_other_authors_cannot_upload_list_or_delete_a_courses_files() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, opts()).await;
    let tok = app.author_token(&db, "maker@example.org").await;
    let other = app.author_token(&db, "other@example.org").await;
    let learner_tok = app.learner_token("learner@example.org").await;
    let c = course(&app, &tok, "water-basics").await;
    let (_, m) = upload(&app, &tok, c, "keep.pdf", b"%PDF-1.7\n").await;

    for t in [&other, &learner_tok] {
        let (status, p) = upload(&app, t, c, "evil.pdf", b"%PDF-1.7\n").await;
        assert_eq!(
            (status, p["code"].as_str()),
            (403, Some("forbidden")),
            "{p}"
        );
        assert_eq!(list(&app, t, c).await.0, 403);
        let (status, _) = app
            .api(
                Method::DELETE,
                &format!("/api/v1/media/{}", m["id"]),
                Some(t),
                None,
            )
            .await;
        assert_eq!(status, 403);
        let (status, _) = app
            .api(
                Method::GET,
                &format!("/api/v1/courses/{c}/stats"),
                Some(t),
                None,
            )
            .await;
        assert_eq!(status, 403);
    }
    let res = reqwest::Client::new()
        .post(app.url(&format!("/api/v1/courses/{c}/media?name=a.pdf")))
        .body("%PDF-1.7")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    assert_eq!(
        upload(&app, &tok, 9999, "a.pdf", b"%PDF-1.7\n").await.0,
        404
    );

    // Still exactly the author's one file.
    let (_, files) = list(&app, &tok, c).await;
    assert_eq!(files.as_array().unwrap().len(), 1);
    assert_eq!(app.state.app.storage.count().await.unwrap(), 1);

    // The author deletes it: row and object are gone, and so is the file.
    let (status, _) = app
        .api(
            Method::DELETE,
            &format!("/api/v1/media/{}", m["id"]),
            Some(&tok),
            None,
        )
        .await;
    assert_eq!(status, 204);
    assert_nothing_stored(&app, &tok, c).await;
    let res = reqwest::Client::new()
        .get(app.url(m["url"].as_str().unwrap()))
        .bearer_auth(&tok)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    let (status, _) = app
        .api(
            Method::DELETE,
            &format!("/api/v1/media/{}", m["id"]),
            Some(&tok),
            None,
        )
        .await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn course_views_and_downloads_are_counted_and_reported_after_a_flush() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, opts()).await;
    let tok = app.author_token(&db, "maker@example.org").await;
    let c = course(&app, &tok, "water-basics").await;
    let (_, m) = upload(&app, &tok, c, "guide.pdf", &with_tail(b"%PDF-1.7\n", 500)).await;
    offer(&app, &tok, c, &[&m]).await;
    publish_course(&app, &tok, c).await;
    let anon = reqwest::Client::new();
    for _ in 0..3 {
        assert_eq!(app.get("/courses/water-basics").await.status(), 200);
    }
    let url = app.url(m["url"].as_str().unwrap());
    // Counted: a whole download and a range from the first byte.
    assert_eq!(anon.get(&url).send().await.unwrap().status(), 200);
    let first = anon
        .get(&url)
        .header(RANGE, "bytes=0-99")
        .send()
        .await
        .unwrap();
    assert_eq!(first.status(), 206);
    // Not counted: the rest of a download, a HEAD, a revalidation.
    let rest = anon
        .get(&url)
        .header(RANGE, "bytes=100-")
        .send()
        .await
        .unwrap();
    assert_eq!(rest.status(), 206);
    assert_eq!(anon.head(&url).send().await.unwrap().status(), 200);
    let etag = format!("\"{}\"", m["sha256"].as_str().unwrap());
    let revalidated = anon
        .get(&url)
        .header(IF_NONE_MATCH, etag)
        .send()
        .await
        .unwrap();
    assert_eq!(revalidated.status(), 304);

    // Before the flush, nothing is in the database.
    let stats_path = format!("/api/v1/courses/{c}/stats");
    let (status, s) = app.api(Method::GET, &stats_path, Some(&tok), None).await;
    assert_eq!(status, 200, "{s}");
    assert_eq!(s["totals"], json!({"course": 0, "lesson": 0, "media": 0}));

    app.flush_counts().await;
    let (_, s) = app.api(Method::GET, &stats_path, Some(&tok), None).await;
    assert_eq!(
        s["totals"],
        json!({"course": 3, "lesson": 0, "media": 2}),
        "{s}"
    );
    assert!(
        s["items"]
            .as_array()
            .unwrap()
            .contains(&json!({"subject": "media", "key": m["id"].to_string(), "count": 2}))
    );
    // Counts add up across flushes.
    app.get("/courses/water-basics").await;
    app.flush_counts().await;
    let (_, s) = app.api(Method::GET, &stats_path, Some(&tok), None).await;
    assert_eq!(s["totals"]["course"], 4);

    // A period without today has none; bad dates are refused.
    let (_, s) = app
        .api(
            Method::GET,
            &format!("{stats_path}?from=2020-01-01&to=2020-12-31"),
            Some(&tok),
            None,
        )
        .await;
    assert_eq!(s["totals"], json!({"course": 0, "lesson": 0, "media": 0}));
    assert_eq!(
        (s["from"].as_str(), s["to"].as_str()),
        (Some("2020-01-01"), Some("2020-12-31"))
    );
    for q in [
        "from=2020-13-01",
        "from=2021-01-02&to=2021-01-01",
        "to=yesterday",
    ] {
        let (status, p) = app
            .api(Method::GET, &format!("{stats_path}?{q}"), Some(&tok), None)
            .await;
        assert_eq!(status, 422, "{q}: {p}");
    }
}

/// A `multipart/form-data` body as a browser sends it, parts in order.
fn form(parts: Vec<(&'static str, reqwest::multipart::Part)>) -> reqwest::multipart::Form {
    parts
        .into_iter()
        .fold(reqwest::multipart::Form::new(), |f, (name, part)| {
            f.part(name, part)
        })
}

fn text(v: &str) -> reqwest::multipart::Part {
    reqwest::multipart::Part::text(v.to_owned())
}

fn file(name: &str, bytes: &[u8]) -> reqwest::multipart::Part {
    reqwest::multipart::Part::bytes(bytes.to_vec()).file_name(name.to_owned())
}

#[tokio::test]
async fn the_studio_upload_form_checks_its_csrf_field_before_the_file() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, opts()).await;
    let tok = app.author_token(&db, "maker@example.org").await;
    let c = course(&app, &tok, "water-basics").await;
    let b = browser();
    assert_eq!(
        app.sign_in(&b, "maker@example.org", PASSWORD)
            .await
            .status(),
        303
    );
    let editor = app.page(&b, &format!("/studio/courses/{c}")).await;
    assert!(editor.contains(&format!("href=\"/studio/courses/{c}/media\"")));
    let page_path = format!("/studio/courses/{c}/media");
    let html = app.page(&b, &page_path).await;
    assert!(html.contains("enctype=\"multipart/form-data\""));
    let csrf = csrf_of(&html);
    let action = app.url(&page_path);
    let post = |f| b.post(&action).multipart(f).send();

    // A forged token, a missing one, and the file before the token: refused.
    for parts in [
        vec![
            ("csrf", text("forged-token")),
            ("file", file("a.pdf", b"%PDF-1.7\n")),
        ],
        vec![("file", file("a.pdf", b"%PDF-1.7\n"))],
        vec![
            ("file", file("a.pdf", b"%PDF-1.7\n")),
            ("csrf", text(&csrf)),
        ],
    ] {
        let res = post(form(parts)).await.unwrap();
        assert_eq!(res.status(), 403);
        assert!(
            res.headers()[CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with("text/html")
        );
    }
    assert_nothing_stored(&app, &tok, c).await;

    // Oversized: the friendly 413 page, nothing kept.
    let big = with_tail(b"%PDF-1.7\n", LIMIT + 10);
    let res = post(form(vec![
        ("csrf", text(&csrf)),
        ("file", file("big.pdf", &big)),
    ]))
    .await
    .unwrap();
    assert_eq!(res.status(), 413);
    let body = res.text().await.unwrap();
    assert_eq!(text_of(&body, "h1").as_deref(), Some("Too large"));
    assert_nothing_stored(&app, &tok, c).await;

    // A disguised HTML file: 415, the page says why.
    let res = post(form(vec![
        ("csrf", text(&csrf)),
        ("file", file("x.pdf", b"<html><script>1</script>")),
    ]))
    .await
    .unwrap();
    assert_eq!(res.status(), 415);
    assert!(res.text().await.unwrap().contains("not accepted"));
    assert_nothing_stored(&app, &tok, c).await;

    // The real thing.
    let res = post(form(vec![
        ("csrf", text(&csrf)),
        ("file", file("Ripoti ya maji.pdf", b"%PDF-1.7\nx")),
    ]))
    .await
    .unwrap();
    assert_eq!(res.status(), 303);
    let to = res.headers()["location"].to_str().unwrap().to_owned();
    assert_eq!(to, format!("{page_path}?notice=media-uploaded"));
    let html = app.page(&b, &to).await;
    assert!(html.contains("Ripoti ya maji.pdf"));
    assert!(html.contains("The file was uploaded."));
    let (_, files) = list(&app, &tok, c).await;
    let id = files[0]["id"].as_i64().unwrap();
    // The author's browser opens the draft's file.
    let res = b
        .get(app.url(files[0]["url"].as_str().unwrap()))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);

    // Deleting needs the form's token too.
    let res = b
        .post(app.url(&format!("/studio/media/{id}/delete")))
        .form(&[("csrf", "forged")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    assert_eq!(list(&app, &tok, c).await.1.as_array().unwrap().len(), 1);
    let res = app
        .submit(&b, &page_path, &format!("/studio/media/{id}/delete"), &[])
        .await;
    assert_eq!(res.status(), 303);
    assert_nothing_stored(&app, &tok, c).await;

    // Another author gets no page and no upload.
    app.author_token(&db, "other@example.org").await;
    let other = browser();
    app.sign_in(&other, "other@example.org", PASSWORD).await;
    assert_eq!(other.get(&action).send().await.unwrap().status(), 403);
}

/// The storage interface against one backend: receive (hashing, counting,
/// the limit), put, read whole and in ranges, delete.
async fn exercise_storage(storage: &kuza_media::Storage) {
    let data: Vec<u8> = (0..200_000u32).map(|i| (i % 253) as u8).collect();
    let chunks = || {
        data.chunks(7_000)
            .map(|c| Ok::<_, std::io::Error>(Bytes::copy_from_slice(c)))
            .collect::<Vec<_>>()
    };
    let received = storage
        .receive(futures_util::stream::iter(chunks()), 1_000_000)
        .await
        .unwrap();
    assert_eq!(received.size, 200_000);
    assert_eq!(received.sha256.len(), 64);
    assert_eq!(storage.receiving(), 1, "the temp file exists until dropped");
    storage.put("courses/1/abc", &received).await.unwrap();
    drop(received);
    assert_eq!(storage.receiving(), 0);
    assert!(storage.exists("courses/1/abc").await.unwrap());

    let read = |range| async move {
        let mut s = storage.read("courses/1/abc", range).await.unwrap();
        let mut out = vec![];
        while let Some(chunk) = futures_util::StreamExt::next(&mut s).await {
            out.extend_from_slice(&chunk.unwrap());
        }
        out
    };
    assert_eq!(read(None).await, data);
    assert_eq!(read(Some(1_000..1_010)).await, &data[1_000..1_010]);
    assert_eq!(read(Some(199_990..200_000)).await, &data[199_990..]);

    let refused = storage
        .receive(futures_util::stream::iter(chunks()), 100_000)
        .await
        .unwrap_err();
    assert!(matches!(
        refused,
        kuza_media::MediaError::TooLarge { limit: 100_000 }
    ));
    assert_eq!(
        storage.receiving(),
        0,
        "a refused upload leaves no temp file"
    );

    storage.delete("courses/1/abc").await.unwrap();
    assert!(!storage.exists("courses/1/abc").await.unwrap());
    storage.delete("courses/1/abc").await.unwrap();
    assert!(matches!(
        storage.read("courses/1/abc", None).await,
        Err(kuza_media::MediaError::NotFound)
    ));
    assert_eq!(storage.count().await.unwrap(), 0);
}

#[tokio::test]
async fn the_local_directory_storage_receives_reads_ranges_and_deletes() {
    let dir = tempfile::tempdir().unwrap();
    let storage =
        kuza_media::Storage::local(&dir.path().join("media"), &dir.path().join("tmp")).unwrap();
    exercise_storage(&storage).await;
}

#[tokio::test]
async fn the_s3_storage_receives_reads_ranges_and_deletes_on_a_real_s3_server() {
    let Some(moto) = Moto::start().await else {
        return;
    };
    moto.create_bucket("kuza-storage").await;
    let dir = tempfile::tempdir().unwrap();
    let storage = kuza_media::Storage::s3(&moto.s3_settings("kuza-storage"), dir.path()).unwrap();
    exercise_storage(&storage).await;
}

#[tokio::test]
async fn with_s3_storage_uploads_downloads_ranges_and_deletes_work_end_to_end() {
    let Some(moto) = Moto::start().await else {
        return;
    };
    moto.create_bucket("kuza-media").await;
    let db = TestDb::new().await;
    let app = TestApp::spawn(
        &db,
        Options {
            extra_toml: format!("upload_max_mb = 1\n{}", moto.settings_toml("kuza-media")),
            ..Default::default()
        },
    )
    .await;
    let tok = app.author_token(&db, "maker@example.org").await;
    let c = course(&app, &tok, "water-basics").await;
    let video = with_tail(b"\0\0\0\x18ftypisom\0\0\x02\0isomiso2", 300_000);
    let (status, m) = upload(&app, &tok, c, "lecture.mp4", &video).await;
    assert_eq!(status, 201, "{m}");
    assert_eq!(m["content_type"], "video/mp4");
    offer(&app, &tok, c, &[&m]).await;
    publish_course(&app, &tok, c).await;

    let url = app.url(m["url"].as_str().unwrap());
    let anon = reqwest::Client::new();
    let res = anon
        .get(&url)
        .header(RANGE, "bytes=100000-100999")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 206);
    assert_eq!(res.headers()[CONTENT_RANGE], "bytes 100000-100999/300000");
    assert_eq!(res.bytes().await.unwrap(), &video[100_000..101_000]);
    let res = anon.get(&url).send().await.unwrap();
    assert_eq!(res.bytes().await.unwrap(), Bytes::from(video.clone()));

    // Oversized: nothing reaches the bucket.
    let big = with_tail(b"%PDF-1.7\n", LIMIT + 1);
    assert_eq!(upload(&app, &tok, c, "big.pdf", &big).await.0, 413);
    assert_eq!(app.state.app.storage.count().await.unwrap(), 1);

    // A file no version uses is deleted from the bucket too.
    let (status, spare) = upload(&app, &tok, c, "spare.pdf", b"%PDF-1.7\n").await;
    assert_eq!(status, 201, "{spare}");
    assert_eq!(app.state.app.storage.count().await.unwrap(), 2);
    let (status, _) = app
        .api(
            Method::DELETE,
            &format!("/api/v1/media/{}", spare["id"]),
            Some(&tok),
            None,
        )
        .await;
    assert_eq!(status, 204);
    assert_eq!(app.state.app.storage.count().await.unwrap(), 1);
}
