//! The test harness: the real application (the same `Application::build`
//! as `kuza serve`) on a random port, each test on its own database: a temp
//! SQLite file, or a fresh PostgreSQL database when `KUZA_TEST_DATABASE_URL`
//! names a server (e.g. `postgres://postgres@127.0.0.1:5432`).

pub mod fixtures;
pub mod moto;
pub mod smtp;
pub mod tools;

use kuza_server::{Application, Settings};
use reqwest::redirect::Policy;
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};
use serde_json::Value;

use std::sync::Once;
use std::time::{Duration, Instant};

pub const PASSWORD: &str = "plain-river-lantern-42";

/// A database for one test.
pub struct TestDb {
    pub url: String,
    _dir: tempfile::TempDir,
}

impl TestDb {
    pub async fn new() -> TestDb {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = match std::env::var("KUZA_TEST_DATABASE_URL") {
            Ok(base) if !base.is_empty() => {
                let base = base.trim_end_matches('/').to_owned();
                let name = format!("kuza_test_{}", uuid::Uuid::new_v4().simple());
                let admin = kuza_db::connect(&format!("{base}/postgres"), 2)
                    .await
                    .expect("connect to PostgreSQL");
                admin
                    .execute_unprepared(&format!("CREATE DATABASE {name}"))
                    .await
                    .expect("create test database");
                admin.close().await.ok();
                format!("{base}/{name}")
            }
            _ => format!("sqlite://{}", dir.path().join("kuza.db").display()),
        };
        TestDb { url, _dir: dir }
    }

    pub fn is_postgres(&self) -> bool {
        self.url.starts_with("postgres")
    }

    pub async fn connect(&self) -> DatabaseConnection {
        kuza_db::connect(&self.url, 4)
            .await
            .expect("connect to test database")
    }

    /// A connection to this database with the migrations applied, for tests
    /// of the domain crates that need no server (and no worker).
    pub async fn migrated(&self) -> DatabaseConnection {
        use kuza_migration::MigratorTrait;
        let conn = self.connect().await;
        kuza_migration::Migrator::up(&conn, None)
            .await
            .expect("migrations apply");
        conn
    }
}

/// How to start an app.
#[derive(Default)]
pub struct Options {
    /// `None`: emails go to `.eml` files in the data dir.
    pub smtp_url: Option<String>,
    pub extra_toml: String,
}

pub struct TestApp {
    pub address: String,
    pub port: u16,
    pub data_dir: tempfile::TempDir,
    /// A browser: cookie jar, no automatic redirects.
    pub client: reqwest::Client,
    /// The running app's state (its storage, its pending view counts).
    pub state: std::sync::Arc<kuza_server::state::AppState>,
}

static TRACING: Once = Once::new();

pub fn settings(db: &TestDb, opts: &Options, data_dir: &std::path::Path) -> Settings {
    let mut toml = format!(
        "bind = \"127.0.0.1:0\"\nbase_url = \"http://kuza.test\"\ndata_dir = {:?}\ndatabase_url = {:?}\ndatabase_pool_size = 4\nhttp_workers = 2\njob_poll_interval_ms = 50\nshutdown_timeout_seconds = 5\nsecret_key = \"test-secret-key-0123456789-abcdefghij\"\nlog_level = \"warn\"\n",
        data_dir.display().to_string(),
        db.url,
    );
    if let Some(url) = &opts.smtp_url {
        toml.push_str(&format!("smtp_url = {url:?}\n"));
    }
    toml.push_str(&opts.extra_toml);
    Settings::from_toml(&toml).expect("test settings")
}

impl TestApp {
    pub async fn spawn(db: &TestDb, opts: Options) -> TestApp {
        TRACING.call_once(|| {
            if std::env::var("KUZA_TEST_LOG").is_ok() {
                let s = Settings::from_toml("log_level = \"info\"").expect("settings");
                kuza_server::telemetry::init(&s);
            }
        });
        let data_dir = tempfile::tempdir().expect("temp dir");
        let app = Application::build(settings(db, &opts, data_dir.path()))
            .await
            .expect("the app starts");
        let port = app.port();
        let state = app.state().into_inner();
        tokio::spawn(app.run_until_stopped());
        TestApp {
            address: format!("http://127.0.0.1:{port}"),
            port,
            data_dir,
            client: browser(),
            state,
        }
    }

    /// Writes the pending view and download counts now, through the same
    /// code the periodic flush and the shutdown use (no waiting).
    pub async fn flush_counts(&self) {
        self.state
            .app
            .counts
            .flush(&self.state.app.db)
            .await
            .expect("counts flushed");
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request")
    }

    /// GETs a page with `client` and returns its HTML.
    pub async fn page(&self, client: &reqwest::Client, path: &str) -> String {
        let res = client.get(self.url(path)).send().await.expect("request");
        assert_eq!(res.status(), 200, "GET {path}");
        res.text().await.expect("body")
    }

    /// Loads `page` with `client`, then submits `fields` to `action` with the
    /// page's CSRF token, as a browser would.
    pub async fn submit(
        &self,
        client: &reqwest::Client,
        page: &str,
        action: &str,
        fields: &[(&str, &str)],
    ) -> reqwest::Response {
        let html = self.page(client, page).await;
        let csrf = csrf_of(&html);
        let mut form: Vec<(&str, &str)> = vec![("csrf", csrf.as_str())];
        form.extend_from_slice(fields);
        client
            .post(self.url(action))
            .form(&form)
            .send()
            .await
            .expect("request")
    }

    pub async fn api(
        &self,
        method: reqwest::Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> (u16, Value) {
        let mut req = reqwest::Client::new().request(method, self.url(path));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        if let Some(b) = body {
            req = req.json(&b);
        }
        let res = req.send().await.expect("request");
        let status = res.status().as_u16();
        let text = res.text().await.expect("body");
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }

    /// Registers `email`, makes it an author, and returns its access token.
    pub async fn author_token(&self, db: &TestDb, email: &str) -> String {
        let id = self.register(email, "en").await;
        grant(db, id, &[kuza_accounts::Role::Author]).await;
        self.access_token(email).await
    }

    /// Registers `email`, makes it an administrator, and returns its access
    /// token.
    pub async fn admin_token(&self, db: &TestDb, email: &str) -> String {
        let id = self.register(email, "en").await;
        grant(db, id, &[kuza_accounts::Role::Admin]).await;
        self.access_token(email).await
    }

    /// Registers `email` as a learner and returns its access token.
    pub async fn learner_token(&self, email: &str) -> String {
        self.register(email, "en").await;
        self.access_token(email).await
    }

    /// The access token of `email`, already registered (password [`PASSWORD`]).
    pub async fn access_token(&self, email: &str) -> String {
        self.token(email).await["access_token"]
            .as_str()
            .expect("an access token")
            .to_owned()
    }

    /// Uploads a file to a course through the API (errors must be problem+json).
    pub async fn upload(&self, token: &str, course: i64, name: &str, bytes: &[u8]) -> (u16, Value) {
        let res = reqwest::Client::new()
            .post(self.url(&format!("/api/v1/courses/{course}/media")))
            .query(&[("name", name)])
            .bearer_auth(token)
            .body(bytes.to_vec())
            .send()
            .await
            .expect("request");
        let status = res.status().as_u16();
        let ct = res
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .map(|v| v.to_str().unwrap_or_default().to_owned());
        let body: Value = res.json().await.unwrap_or(Value::Null);
        if status >= 400 {
            assert_eq!(ct.as_deref(), Some("application/problem+json"), "{body}");
        }
        (status, body)
    }

    /// Registers through the API and returns the new user's id (signing in
    /// to ask: a sign-up's answer does not tell).
    pub async fn register(&self, email: &str, language: &str) -> i64 {
        let (status, body) = self
            .api(
                reqwest::Method::POST,
                "/api/v1/auth/register",
                None,
                Some(serde_json::json!({
                    "email": email, "password": PASSWORD, "display_name": "Test Person",
                    "language": language, "country": "KE"
                })),
            )
            .await;
        assert_eq!(
            (status, &body),
            (202, &Value::Null),
            "a sign-up answers 202 with no body"
        );
        let token = self.access_token(email).await;
        let (status, me) = self
            .api(reqwest::Method::GET, "/api/v1/me", Some(&token), None)
            .await;
        assert_eq!(status, 200, "{me}");
        me["id"].as_i64().expect("id")
    }

    /// An access token for `email` (password [`PASSWORD`]).
    pub async fn token(&self, email: &str) -> Value {
        let (status, body) = self
            .api(
                reqwest::Method::POST,
                "/api/v1/auth/token",
                None,
                Some(serde_json::json!({ "email": email, "password": PASSWORD })),
            )
            .await;
        assert_eq!(status, 200, "{body}");
        body
    }

    /// Signs `client` in through the portal.
    pub async fn sign_in(
        &self,
        client: &reqwest::Client,
        email: &str,
        password: &str,
    ) -> reqwest::Response {
        self.submit(
            client,
            "/sign-in",
            "/sign-in",
            &[("email", email), ("password", password)],
        )
        .await
    }
}

/// An app whose emails go to a real SMTP listener, and that listener.
pub async fn app_with_smtp(db: &TestDb) -> (TestApp, Smtp) {
    let smtp = Smtp::start().await;
    let app = TestApp::spawn(
        db,
        Options {
            smtp_url: Some(smtp.url()),
            ..Default::default()
        },
    )
    .await;
    (app, smtp)
}

/// A fresh browser: its own cookie jar, redirects not followed.
pub fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(Policy::none())
        .build()
        .expect("client")
}

/// The CSRF token in a page's first form.
pub fn csrf_of(html: &str) -> String {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse("input[name=csrf]").expect("selector");
    doc.select(&sel)
        .next()
        .and_then(|e| e.value().attr("value"))
        .expect("a CSRF field in the page")
        .to_owned()
}

/// The text of the first element matching `selector`.
pub fn text_of(html: &str, selector: &str) -> Option<String> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse(selector).expect("selector");
    doc.select(&sel)
        .next()
        .map(|e| e.text().collect::<String>().trim().to_owned())
}

/// Grants roles to a user directly in the database (test arrangement).
pub async fn grant(db: &TestDb, user_id: i64, roles: &[kuza_accounts::Role]) {
    let conn = db.connect().await;
    kuza_accounts::roles::set_grants(
        &conn,
        None,
        user_id as i32,
        &kuza_accounts::Grants {
            roles: roles.to_vec(),
            partner_organisation_id: None,
        },
    )
    .await
    .expect("grant roles");
}

/// A free TCP port nobody listens on (yet).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port()
}

/// A request through the API with `tok`: its status and JSON body.
pub async fn post(
    app: &TestApp,
    tok: &str,
    path: impl AsRef<str>,
    body: Option<Value>,
) -> (u16, Value) {
    app.api(reqwest::Method::POST, path.as_ref(), Some(tok), body)
        .await
}

/// The `Location` header of a response ("" when there is none).
pub fn location(res: &reqwest::Response) -> String {
    res.headers()
        .get(reqwest::header::LOCATION)
        .map(|v| v.to_str().expect("a readable location").to_owned())
        .unwrap_or_default()
}

/// Runs a statement that changes rows (moving time back, for instance).
pub async fn execute(db: &TestDb, sql: &str) {
    let conn = db.connect().await;
    conn.execute(Statement::from_string(conn.get_database_backend(), sql))
        .await
        .expect("the statement runs");
}

/// The single `BIGINT` that `sql` selects (a count, an id).
pub async fn count(db: &TestDb, sql: &str) -> i64 {
    let conn = db.connect().await;
    let row = conn
        .query_one(Statement::from_string(conn.get_database_backend(), sql))
        .await
        .expect("the query runs")
        .expect("a row");
    row.try_get_by_index::<i64>(0).expect("a number")
}

/// Waits (up to 5 s) for an email to `to` in the app's mail folder (an app
/// without SMTP) whose raw text contains `needle`, and returns that text.
pub async fn wait_for_mail(app: &TestApp, to: &str, needle: &str) -> String {
    let dir = app.data_dir.path().join("mail");
    for _ in 0..100 {
        if let Ok(entries) = std::fs::read_dir(&dir) {
            for e in entries.flatten() {
                let text = std::fs::read_to_string(e.path()).unwrap_or_default();
                if text.contains(&format!("<{to}>")) && text.contains(needle) {
                    return text;
                }
            }
        }
        // Waiting for the email to arrive: once it has, the loop ends.
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("no email to {to}");
}

/// Waits (up to 5 s) for the address-confirmation email to `to` (apps
/// without SMTP: whichever of their workers sent it) and returns the
/// token its link carries.
pub async fn verification_token(apps: &[&TestApp], to: &str) -> String {
    for _ in 0..100 {
        let files = apps.iter().flat_map(|a| {
            std::fs::read_dir(a.data_dir.path().join("mail"))
                .into_iter()
                .flatten()
                .flatten()
        });
        for e in files {
            let raw = std::fs::read(e.path()).unwrap_or_default();
            let Some(msg) = mail_parser::MessageParser::default().parse(&raw) else {
                continue;
            };
            let to_here = String::from_utf8_lossy(&raw).contains(&format!("<{to}>"));
            let body = msg.body_text(0).unwrap_or_default().into_owned();
            if let Some(rest) = body.split("verify-email?token=").nth(1).filter(|_| to_here) {
                return rest
                    .split(|c: char| c.is_whitespace())
                    .next()
                    .unwrap_or_default()
                    .to_owned();
            }
        }
        // Waiting for the email to arrive: once it has, the loop ends.
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("no confirmation email to {to}");
}

/// Whether the certificates' fonts are installed (Debian's fonts-noto-core
/// and fonts-noto-cjk); under CI they must be. Without them, tests leave
/// out what looks at PDFs.
pub fn certificate_fonts() -> bool {
    let here = kuza_pdf::Fonts::from_dir_or_system(None).is_ok();
    assert!(
        here || std::env::var("CI").is_err(),
        "CI needs fonts-noto-core and fonts-noto-cjk"
    );
    if !here {
        eprintln!("PDF checks skipped: the Noto fonts are not installed");
    }
    here
}

/// Confirms `email`'s address through the API with the emailed token.
pub async fn confirm_email(app: &TestApp, email: &str) {
    confirm_email_in(&[app], email).await;
}

/// [`confirm_email`] for apps sharing one database (the email went out
/// from one of them).
pub async fn confirm_email_in(apps: &[&TestApp], email: &str) {
    let app = apps[0];
    let token = verification_token(apps, email).await;
    let (status, body) = app
        .api(
            reqwest::Method::POST,
            "/api/v1/auth/verify-email",
            None,
            Some(serde_json::json!({ "token": token })),
        )
        .await;
    assert_eq!(status, 204, "{body}");
}

/// [`wait_for_mail`], parsed.
pub async fn wait_for_message(app: &TestApp, to: &str, needle: &str) -> smtp::Received {
    let raw = wait_for_mail(app, to, needle).await;
    smtp::Received {
        to: vec![to.to_owned()],
        raw: raw.into_bytes(),
    }
}

/// The job kinds the app's worker runs (`KINDS` in
/// crates/server/src/worker.rs).
const WORKER_KINDS: [&str; 5] = [
    "email",
    "account_email",
    "course_completed",
    "certificate_render",
    "report_email",
];

/// Waits (up to 30 s) until every job the worker runs has settled: `done`,
/// or `failed` for good; none is `pending`, whether waiting, backing off or
/// claimed and running (a claimed job stays `pending` until its worker
/// records the outcome). An email is handed to the SMTP server before its
/// job is marked done, so once this returns no further email can arrive:
/// what the SMTP sink holds is final, and a count of it cannot pass by luck.
/// The requests that queue emails must have been answered before (jobs are
/// written in the request's transaction).
pub async fn jobs_settled(db: &TestDb) {
    use kuza_db::entities::job;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let conn = db.connect().await;
    let started = Instant::now();
    loop {
        let unsettled = job::Entity::find()
            .filter(job::Column::Kind.is_in(WORKER_KINDS))
            .filter(job::Column::Status.is_not_in(["done", "failed"]))
            .all(&conn)
            .await
            .expect("read the jobs table");
        if unsettled.is_empty() {
            conn.close().await.ok();
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "jobs still to run after 30 s: {unsettled:#?}"
        );
        // Waiting for the jobs to finish: once they have, the loop ends.
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The text of a PDF, as poppler's pdftotext reads it (`None` outside CI
/// when poppler-utils is not installed).
pub fn pdf_text(pdf: &[u8]) -> Option<String> {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("c.pdf");
    std::fs::write(&path, pdf).expect("written");
    match std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
    {
        Ok(out) => Some(String::from_utf8(out.stdout).expect("UTF-8")),
        Err(_) if std::env::var("CI").is_err() => None,
        Err(e) => panic!("CI needs poppler-utils: {e}"),
    }
}

pub use fixtures::{
    Cohort, DraftCourse, Learner, PNG_BASE64, Partner, PublishedCourse, in_days, in_hours,
    lesson_keys, publish_course, quiz, quiz_answers, quiz_keys, svg_logo, svg_logo_base64,
};
pub use moto::Moto;
pub use smtp::SmtpSink as Smtp;

/// The first sheet's cells as text (numbers without decimals when whole).
pub fn xlsx_cells(bytes: &[u8]) -> Vec<Vec<String>> {
    use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
    let mut wb: Xlsx<_> =
        open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).expect("an XLSX workbook");
    let range = wb
        .worksheet_range_at(0)
        .expect("a first sheet")
        .expect("a readable sheet");
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Float(f) if f.fract() == 0.0 => format!("{f:.0}"),
                    Data::Float(f) => f.to_string(),
                    Data::Int(i) => i.to_string(),
                    Data::String(s) => s.clone(),
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}
