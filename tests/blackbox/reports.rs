//! The learning report: its figures against the same numbers counted here
//! from what the test did, small counts shown as "<5" with another figure
//! hidden so that no total reveals them, "not stated" kept as a group,
//! the same table as CSV (with a byte order mark, formula-safe) and as a
//! real XLSX workbook (read back with calamine; right to left in Arabic),
//! and who may read what.

use kuza_tests::*;
use reqwest::Method;
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// One generated learner: what the test set and did.
struct Person {
    country: &'static str,
    gender: Option<&'static str>,
    completed: bool,
    certified: bool,
}

/// A course of one text lesson: reading it completes the course.
async fn one_lesson_course(app: &TestApp, owner: &str, slug: &str) -> PublishedCourse {
    PublishedCourse::from_document(
        app,
        owner,
        json!({"kuza_archive": 1, "slug": slug, "format": "self_paced",
               "level": "introductory", "estimated_hours": 1.0, "default_language": "en",
               "languages": ["en"], "themes": [], "title": {"en": format!("Course {slug}")},
               "summary": {"en": "A course."},
               "modules": [{"title": {"en": "One"}, "lessons": [
                   {"kind": "text", "required": true, "title": {"en": "Read"}}]}]}),
        json!({"lessons/01-01.en.md": "Text."}),
    )
    .await
}

/// A facilitated course with a quiz, and a cohort of 20 starting tomorrow.
async fn course_with_cohort(
    app: &TestApp,
    author: &str,
    slug: &str,
    name: &str,
) -> (PublishedCourse, Cohort) {
    let c = PublishedCourse::with_quiz(app, author, slug, "facilitated", quiz(None, None)).await;
    let k = Cohort::create(
        app,
        author,
        c.id,
        json!({"name": name, "language": "en", "starts_at": in_days(1),
               "ends_at": in_days(30), "capacity": 20}),
    )
    .await;
    (c, k)
}

/// The people: 12 in Kenya, 6 in Senegal (an LDC), 3 in Ethiopia (an LDC,
/// landlocked), 2 whose country is not stated; some women, some men, some
/// who did not say; most complete, four get certificates.
fn people() -> Vec<Person> {
    let mut out = vec![];
    let mut add = |country, gender, completed, certified, n: usize| {
        for _ in 0..n {
            out.push(Person {
                country,
                gender,
                completed,
                certified,
            });
        }
    };
    add("KE", Some("female"), true, true, 4);
    add("KE", Some("female"), true, false, 3);
    add("KE", Some("male"), false, false, 5);
    add("SN", Some("male"), true, false, 4);
    add("SN", None, false, false, 2);
    add("ET", Some("female"), true, false, 2);
    add("ET", Some("male"), false, false, 1);
    add("", Some("female"), false, false, 2);
    out
}

async fn report(app: &TestApp, token: &str, query: &str) -> (u16, Value) {
    app.api(
        Method::GET,
        &format!("/api/v1/reports/learning?{query}"),
        Some(token),
        None,
    )
    .await
}

/// Row key → (shown text, value) of `measure` in the report's one column.
fn column(r: &Value, measure: &str) -> BTreeMap<String, (String, Option<f64>)> {
    let mut out = BTreeMap::new();
    for row in r["rows"].as_array().unwrap() {
        let f = &row["cells"][0][measure];
        out.insert(
            row["key"].as_str().unwrap().to_owned(),
            (f["shown"].as_str().unwrap().to_owned(), f["value"].as_f64()),
        );
    }
    let f = &r["totals"]["cells"][0][measure];
    out.insert(
        "total".into(),
        (f["shown"].as_str().unwrap().to_owned(), f["value"].as_f64()),
    );
    out
}

#[tokio::test]
async fn the_figures_are_the_records_counted_with_small_cells_suppressed_everywhere() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let admin = app.admin_token(&db, "admin@example.org").await;
    let owner = app.author_token(&db, "owner@example.org").await;
    let course = one_lesson_course(&app, &owner, "counted").await;
    let people = people();
    for (i, p) in people.iter().enumerate() {
        let email = format!("person{i}@example.org");
        let l = Learner::enrolled(&app, &email, course.id).await;
        let (status, me) = app
            .api(
                Method::PATCH,
                "/api/v1/me",
                Some(&l.token),
                Some(
                    json!({"display_name": format!("Person {i}"), "language": "en",
                            "country": if p.country.is_empty() { "KE" } else { p.country },
                            "gender": p.gender, "birth_year": 1990}),
                ),
            )
            .await;
        assert_eq!(status, 200, "{me}");
        if p.certified {
            confirm_email(&app, &email).await;
        }
        if p.completed {
            let (status, step) = post(
                &app,
                &l.token,
                format!("/api/v1/lessons/{}/complete", course.lessons[0]),
                None,
            )
            .await;
            assert_eq!((status, &step["course_completed"]), (200, &json!(true)));
        }
        if p.country.is_empty() {
            // An account whose country M49 does not list (moved to "not stated").
            let conn = db.connect().await;
            sea_orm::ConnectionTrait::execute_unprepared(
                &conn,
                &format!("UPDATE users SET country = '' WHERE id = {}", l.id),
            )
            .await
            .unwrap();
        }
    }
    jobs_settled(&db).await;

    // Counted here: enrolments and completions by country.
    let mut by_country: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    for p in &people {
        let key = if p.country.is_empty() {
            "not_stated"
        } else {
            p.country
        };
        let e = by_country.entry(key.to_owned()).or_default();
        e.0 += 1;
        e.1 += u64::from(p.completed);
    }
    let (status, r) = report(&app, &admin, "by=country").await;
    assert_eq!(status, 200, "{r}");
    assert_eq!(r["threshold"], 5);
    let enrolments = column(&r, "enrolments");
    let completions = column(&r, "completions");
    for (country, (e, c)) in &by_country {
        for (figures, n) in [(&enrolments, *e), (&completions, *c)] {
            let (shown, value) = &figures[country];
            if (1..5).contains(&n) {
                assert_eq!((shown.as_str(), *value), ("<5", None), "{country}");
            } else if shown != "x" {
                assert_eq!(*value, Some(n as f64), "{country}: {r}");
            }
        }
    }
    // Ethiopia (3) and "not stated" (2) are small; the total stays, so two
    // small ones hide each other; Kenya and Senegal show.
    assert_eq!(enrolments["KE"], ("12".to_owned(), Some(12.0)));
    assert_eq!(enrolments["SN"], ("6".to_owned(), Some(6.0)));
    assert_eq!(enrolments["total"].1, Some(people.len() as f64));
    assert_eq!(
        r["rows"].as_array().unwrap().last().unwrap()["key"],
        "not_stated"
    );
    // Completions: Kenya 7, Senegal 4 (small), Ethiopia 2 (small), none
    // not stated (0 shows): with the total of 13 shown, two small cells
    // do not reveal each other.
    assert_eq!(completions["KE"].1, Some(7.0));
    assert_eq!(completions["SN"].0, "<5");
    assert_eq!(completions["ET"].0, "<5");
    assert_eq!(completions["total"].1, Some(13.0));
    // Certificates: 4 in Kenya, none elsewhere: Kenya and the total show
    // as "<5" (neither reveals the other), the zeros show.
    let certificates = column(&r, "certificates");
    assert_eq!(certificates["KE"].0, "<5");
    assert_eq!(certificates["total"].0, "<5");
    assert_eq!(certificates["SN"], ("0".to_owned(), Some(0.0)));
    // The completion rate of a group with a small count is not shown.
    let rate = column(&r, "completion_rate");
    assert_eq!(rate["KE"].1, Some(7.0 / 12.0));
    assert_eq!(rate["ET"].0, "x");
    // Completed the day they enrolled: a median of 0 days; no quizzes, so
    // no final score; no sessions, so no attendance to rate.
    assert_eq!(column(&r, "median_days")["KE"], ("0".to_owned(), Some(0.0)));
    assert_eq!(column(&r, "average_score")["total"], ("—".to_owned(), None));
    assert_eq!(
        column(&r, "attendance_rate")["total"],
        ("—".to_owned(), None)
    );
    // Everyone enrolled today: all are active learners.
    assert_eq!(
        column(&r, "active_learners")["total"].1,
        Some(people.len() as f64)
    );

    // Crossed: region by gender, the women of Africa counted here.
    let (status, r) = report(&app, &admin, "by=region&then=gender").await;
    assert_eq!(status, 200, "{r}");
    let africa = r["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|row| row["key"] == "002")
        .expect("Africa");
    assert_eq!(africa["label"], "Africa");
    let columns: Vec<&str> = r["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["key"].as_str().unwrap())
        .collect();
    // Not stating one's gender is a group of its own; its two Senegalese
    // are "<5", and the women of Africa are hidden so that Africa's total
    // cannot reveal them, as are the totals that would.
    let not_said = columns
        .iter()
        .position(|c| *c == "not_stated")
        .expect("not stated is a group");
    assert_eq!(africa["cells"][not_said]["enrolments"]["shown"], "<5");
    let women = columns.iter().position(|c| *c == "female").unwrap();
    assert_eq!(africa["cells"][women]["enrolments"]["shown"], "x");
    let men = columns.iter().position(|c| *c == "male").unwrap();
    let expected = people
        .iter()
        .filter(|p| !p.country.is_empty() && p.gender == Some("male"))
        .count();
    assert_eq!(
        africa["cells"][men]["enrolments"]["value"],
        json!(expected as f64)
    );
    assert_eq!(
        r["totals"]["total"]["enrolments"]["value"],
        json!(people.len() as f64)
    );
    // No row, column or total equation of the crossed table leaves exactly
    // one figure unknown.
    let unknown = |f: &Value| f["enrolments"]["suppressed"].is_string();
    let rows = r["rows"].as_array().unwrap();
    for row in rows.iter().chain(std::iter::once(&r["totals"])) {
        let cells = row["cells"].as_array().unwrap();
        let n = cells.iter().filter(|c| unknown(c)).count() + usize::from(unknown(&row["total"]));
        assert_ne!(n, 1, "a row reveals a figure: {row}");
    }
    for j in 0..columns.len() {
        let n = rows.iter().filter(|row| unknown(&row["cells"][j])).count()
            + usize::from(unknown(&r["totals"]["cells"][j]));
        assert_ne!(n, 1, "column {} reveals a figure", columns[j]);
    }

    // LDC: Senegal and Ethiopia (9), the other countries (12), and two not
    // stated: the total would reveal the two, so the smaller of the others
    // is hidden too.
    let (_, r) = report(&app, &admin, "by=ldc").await;
    let ldc = column(&r, "enrolments");
    assert_eq!(ldc["other"], ("12".to_owned(), Some(12.0)));
    assert_eq!(ldc["not_stated"].0, "<5");
    assert_eq!(ldc["ldc"], ("x".to_owned(), None));
    assert_eq!(ldc["total"].1, Some(people.len() as f64));

    // Periods, as each database writes them, and ages from years of birth.
    let today = chrono::Utc::now().date_naive();
    for (by, key) in [
        ("month", today.format("%Y-%m").to_string()),
        (
            "quarter",
            format!(
                "{}-Q{}",
                today.format("%Y"),
                chrono::Datelike::month(&today).div_ceil(3)
            ),
        ),
        ("year", today.format("%Y").to_string()),
        ("age_band", "35_44".to_owned()),
    ] {
        let (status, r) = report(&app, &admin, &format!("by={by}")).await;
        assert_eq!(status, 200, "{r}");
        assert_eq!(r["rows"][0]["key"], key.as_str(), "{by}: {r}");
        assert_eq!(
            r["rows"][0]["cells"][0]["enrolments"]["value"],
            json!(people.len() as f64),
            "{by}"
        );
    }
    // A period with nothing in it counts nothing.
    let (status, r) = report(&app, &admin, "from=2001-01-01&to=2001-12-31").await;
    assert_eq!(status, 200, "{r}");
    assert_eq!(r["totals"]["cells"][0]["enrolments"]["value"], json!(0.0));

    // The CSV: the same text, a byte order mark, CRLF lines.
    let res = reqwest::Client::new()
        .get(app.url("/api/v1/reports/learning.csv?by=country"))
        .bearer_auth(&admin)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let csv = res.bytes().await.unwrap();
    assert!(csv.starts_with("\u{feff}".as_bytes()), "a byte order mark");
    let csv = String::from_utf8(csv[3..].to_vec()).unwrap();
    assert!(csv.contains("\"Kenya\",\"12\",\"12\",\"7\""), "{csv}");
    assert!(csv.contains("\"Not stated\",\"<5\""), "{csv}");
    assert!(csv.contains("\r\n"));

    // The XLSX: numbers as numbers, marks as text, the same cells.
    let res = reqwest::Client::new()
        .get(app.url("/api/v1/reports/learning.xlsx?by=country"))
        .bearer_auth(&admin)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let bytes = res.bytes().await.unwrap().to_vec();
    let sheet = xlsx_cells(&bytes);
    let kenya = sheet.iter().find(|r| r[0] == "Kenya").expect("a Kenya row");
    assert_eq!(kenya[1], "12", "{sheet:?}");
    assert_eq!(kenya[3], "7");
    let total = sheet.iter().find(|r| r[0] == "Total").expect("a total row");
    assert_eq!(total[1], people.len().to_string());
    assert!(sheet.iter().any(|r| r[0] == "Not stated" && r[1] == "<5"));
    assert!(!xlsx_is_right_to_left(&bytes));
}

/// Whether the first sheet is set to read right to left.
fn xlsx_is_right_to_left(bytes: &[u8]) -> bool {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let mut xml = String::new();
    zip.by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    assert!(xml.contains("<autoFilter"), "a filter on the header row");
    xml.contains("rightToLeft=\"1\"")
}

#[tokio::test]
async fn partners_read_only_their_confirmed_members_and_bad_questions_are_refused() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let owner = app.author_token(&db, "owner@example.org").await;
    let other_author = app.author_token(&db, "other@example.org").await;
    let course = one_lesson_course(&app, &owner, "partnered").await;
    // An organisation whose name a spreadsheet would run as a formula.
    let partner = Partner::of_new_organisation(&app, &db, "coord@example.org", "=SUM(1+1)").await;
    let other = Partner::of_new_organisation(&app, &db, "coord@other.example", "Other").await;
    let org = partner.organisation_id;
    // Six confirmed members through the organisation's own enrolment, two
    // pending (named it themselves), one of another organisation.
    let mut csv = String::from("email,name,country\n");
    for i in 0..6 {
        csv.push_str(&format!("member{i}@example.org,Member {i},KE\n"));
    }
    let res = reqwest::Client::new()
        .post(app.url(&format!("/api/v1/courses/{}/enrollments/bulk", course.id)))
        .bearer_auth(&partner.token)
        .header("content-type", "text/csv")
        .body(csv)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    for (i, o) in [(0, org), (1, org), (2, other.organisation_id)] {
        let l = Learner::enrolled(&app, &format!("named{i}@example.org"), course.id).await;
        let (status, _) = app
            .api(
                Method::PATCH,
                "/api/v1/me",
                Some(&l.token),
                Some(
                    json!({"display_name": "Named", "language": "en", "country": "KE",
                            "organisation_id": o}),
                ),
            )
            .await;
        assert_eq!(status, 200);
    }

    // The coordinator's own organisation by default: its confirmed members only.
    let (status, r) = report(&app, &partner.token, "").await;
    assert_eq!(status, 200, "{r}");
    assert_eq!(r["organisation"], "=SUM(1+1)");
    assert_eq!(r["totals"]["cells"][0]["enrolments"]["value"], json!(6.0));
    let (status, r) = report(
        &app,
        &partner.token,
        &format!("organisation={org}&by=organisation"),
    )
    .await;
    assert_eq!(status, 200, "{r}");
    assert_eq!(r["rows"].as_array().unwrap().len(), 1);
    // The CSV never starts a field with a formula.
    let res = reqwest::Client::new()
        .get(app.url("/api/v1/reports/learning.csv?by=organisation"))
        .bearer_auth(&partner.token)
        .send()
        .await
        .unwrap();
    let csv = res.text().await.unwrap();
    assert!(csv.contains("\"'=SUM(1+1)\""), "{csv}");

    // Refusals: another organisation, everything, a course not one's own.
    let (status, _) = report(
        &app,
        &partner.token,
        &format!("organisation={}", other.organisation_id),
    )
    .await;
    assert_eq!(status, 403);
    let (status, _) = report(&app, &other_author, "").await;
    assert_eq!(status, 403, "an author reads only their courses");
    let (status, _) = report(&app, &other_author, &format!("course={}", course.id)).await;
    assert_eq!(status, 403);
    let (status, r) = report(&app, &owner, &format!("course={}", course.id)).await;
    assert_eq!(status, 200, "{r}");
    assert_eq!(r["totals"]["cells"][0]["enrolments"]["value"], json!(9.0));
    let learner = app.learner_token("learner@example.org").await;
    let (status, _) = report(&app, &learner, "").await;
    assert_eq!(status, 403);
    let (status, _) = report(&app, &owner, "course=999999").await;
    assert_eq!(status, 404);

    // Bad questions: a clear problem, every field at once.
    let (status, p) = report(
        &app,
        &partner.token,
        "by=shoe_size&from=2026-05-01&to=2026-04-01&measure=joy",
    )
    .await;
    assert_eq!(
        (status, p["code"].as_str()),
        (400, Some("bad_query")),
        "{p}"
    );
    let fields: Vec<&str> = p["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["to", "by", "measure"], "{p}");
    let (status, p) = report(&app, &partner.token, "by=gender&then=gender").await;
    assert_eq!(
        (status, p["errors"][0]["code"].as_str()),
        (400, Some("grouping_repeated"))
    );
    let (status, p) = report(&app, &partner.token, "from=yesterday").await;
    assert_eq!(
        (status, p["errors"][0]["code"].as_str()),
        (400, Some("not_a_date"))
    );

    // A viewer reads the reports and manages nothing.
    let viewer = app.register("viewer@example.org", "ar").await;
    let conn = db.connect().await;
    kuza_accounts::roles::set_grants(
        &conn,
        None,
        viewer as i32,
        &kuza_accounts::Grants {
            roles: vec![kuza_accounts::Role::PartnerViewer],
            partner_organisation_id: Some(org),
        },
    )
    .await
    .unwrap();
    let token = app.access_token("viewer@example.org").await;
    let (status, r) = report(&app, &token, "by=country").await;
    assert_eq!(status, 200, "{r}");
    assert_eq!(
        r["rows"][0]["label"], "كينيا",
        "named in the viewer's language"
    );
    let (status, _) = app
        .api(
            Method::GET,
            &format!("/api/v1/organisations/{org}/members"),
            Some(&token),
            None,
        )
        .await;
    assert_eq!(status, 403);
    let res = reqwest::Client::new()
        .get(app.url("/api/v1/reports/learning.xlsx?by=country"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    let bytes = res.bytes().await.unwrap().to_vec();
    assert!(
        xlsx_is_right_to_left(&bytes),
        "an Arabic reader's sheet reads right to left"
    );
}

#[tokio::test]
async fn the_report_page_draws_a_chart_and_its_table_without_javascript() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let owner = app.author_token(&db, "owner@example.org").await;
    app.admin_token(&db, "admin@example.org").await;
    let course = one_lesson_course(&app, &owner, "paged").await;
    for i in 0..12 {
        let l = Learner::enrolled(&app, &format!("p{i}@example.org"), course.id).await;
        if i >= 7 {
            let (status, _) = app
                .api(
                    Method::PATCH,
                    "/api/v1/me",
                    Some(&l.token),
                    Some(json!({"display_name": "P", "language": "en", "country": "SN"})),
                )
                .await;
            assert_eq!(status, 200);
        }
    }
    // Three views of the course page by French readers (the course is in
    // English only: its English version is what they see).
    for _ in 0..3 {
        assert_eq!(app.get("/courses/paged?lang=fr").await.status(), 200);
    }
    app.flush_counts().await;
    let admin = app.access_token("admin@example.org").await;
    let (status, r) = report(&app, &admin, &format!("course={}", course.id)).await;
    assert_eq!(status, 200, "{r}");
    let month = chrono::Utc::now().format("%Y-%m").to_string();
    assert_eq!(r["usage"]["months"][&month]["course_views"], 3, "{r}");
    assert_eq!(r["usage"]["languages"]["en"]["course_views"], 3, "{r}");
    let partner = Partner::of_new_organisation(&app, &db, "coord@example.org", "City").await;
    let (_, r) = report(&app, &partner.token, "").await;
    assert!(
        r["usage"].is_null(),
        "an organisation's report is of its people, not of views"
    );
    let b = browser();
    assert_eq!(
        app.sign_in(&b, "admin@example.org", PASSWORD)
            .await
            .status(),
        303
    );
    let html = app.page(&b, "/reports?by=country").await;
    assert!(html.contains("Course page views"), "{html}");
    assert!(html.contains("<svg"), "{html}");
    assert!(html.contains("role=\"img\""));
    assert!(
        text_of(&html, "table.report tbody tr th").is_some_and(|t| t == "Kenya"),
        "{html}"
    );
    assert!(!html.contains("<script"), "no JavaScript");
    let res = b
        .get(app.url("/reports/learning.csv?by=country"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap().contains("\"Kenya\",\"7\""));
    let res = b
        .get(app.url("/reports?by=shoe_size"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    let html = res.text().await.unwrap();
    assert!(text_of(&html, "#by-error").is_some(), "{html}");
}

#[tokio::test]
async fn the_agency_dashboard_sets_this_year_against_the_same_days_of_last_year() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let admin = app.admin_token(&db, "admin@example.org").await;
    let owner = app.author_token(&db, "owner@example.org").await;
    let course = PublishedCourse::from_document(
        &app,
        &owner,
        json!({"kuza_archive": 1, "slug": "housing", "format": "self_paced",
               "level": "introductory", "estimated_hours": 1.0, "default_language": "en",
               "languages": ["en"], "themes": ["housing", "sdg:11.1"],
               "title": {"en": "Housing"}, "summary": {"en": "A course."},
               "modules": [{"title": {"en": "One"}, "lessons": [
                   {"kind": "text", "required": true, "title": {"en": "Read"}}]}]}),
        json!({"lessons/01-01.en.md": "Text."}),
    )
    .await;
    // This year: 6 in Ethiopia (an LDC), 4 women among them, 6 in Kenya
    // (men), 5 of whom complete. Last year: 3 learners.
    let mut ids = vec![];
    for i in 0..15 {
        let l = Learner::enrolled(&app, &format!("d{i}@example.org"), course.id).await;
        let (country, gender) = match i {
            0..4 => ("ET", "female"),
            4..6 => ("ET", "male"),
            6..12 => ("KE", "male"),
            _ => ("KE", "female"),
        };
        let (status, _) = app
            .api(
                Method::PATCH,
                "/api/v1/me",
                Some(&l.token),
                Some(json!({"display_name": "D", "language": "en", "country": country, "gender": gender})),
            )
            .await;
        assert_eq!(status, 200);
        if (6..11).contains(&i) {
            let (status, _) = post(
                &app,
                &l.token,
                format!("/api/v1/lessons/{}/complete", course.lessons[0]),
                None,
            )
            .await;
            assert_eq!(status, 200);
        }
        ids.push(l.id);
    }
    let last_year = ids[12..]
        .iter()
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(",");
    let conn = db.connect().await;
    sea_orm::ConnectionTrait::execute_unprepared(
        &conn,
        &format!("UPDATE enrollments SET enrolled_at = enrolled_at - 366 * 86400 WHERE user_id IN ({last_year})"),
    )
    .await
    .unwrap();

    let (status, d) = app
        .api(Method::GET, "/api/v1/reports/dashboard", Some(&admin), None)
        .await;
    assert_eq!(status, 200, "{d}");
    let h = &d["headline"];
    assert_eq!(h["learners"]["this_year"], "12", "{d}");
    assert_eq!(
        h["learners"]["last_year"], "<5",
        "three learners last year: small"
    );
    assert_eq!(h["countries"]["this_year"], "2");
    // 6 of 12 in an LDC; 4 women of 12: each part and rest are at least 5
    // but the women's 4 is small, so that share is not shown.
    assert_eq!(h["ldc_share"]["this_year"], "50%");
    assert_eq!(h["women_share"]["this_year"], "x");
    assert_eq!(h["completions"]["this_year"], "5");
    assert_eq!(h["certificates"]["this_year"], "0");
    let housing = d["themes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["key"] == "housing")
        .expect("housing");
    assert_eq!(housing["enrolments"]["this_year"], "12");
    assert_eq!(housing["enrolments"]["last_year"], "<5");
    assert_eq!(housing["completions"]["this_year"], "5");
    let goals: Vec<&str> = d["goals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["key"].as_str().unwrap())
        .collect();
    assert_eq!(goals, ["11"], "goals, not targets");

    let partner = Partner::of_new_organisation(&app, &db, "coord@example.org", "City").await;
    let (status, _) = app
        .api(
            Method::GET,
            "/api/v1/reports/dashboard",
            Some(&partner.token),
            None,
        )
        .await;
    assert_eq!(status, 403);

    let b = browser();
    assert_eq!(
        app.sign_in(&b, "admin@example.org", PASSWORD)
            .await
            .status(),
        303
    );
    let html = app.page(&b, "/admin/dashboard").await;
    assert!(
        html.contains("Learners reached") && html.contains("SDG 11"),
        "{html}"
    );
    assert!(html.contains("role=\"img\""), "a chart");
}

#[tokio::test]
async fn a_scheduled_report_is_emailed_once_per_period_in_the_subscribers_language() {
    let db = TestDb::new().await;
    let (app, smtp) = app_with_smtp(&db).await;
    let partner =
        Partner::of_new_organisation(&app, &db, "coord@example.org", "Ville de Thiès").await;
    let (status, _) = app
        .api(
            Method::PATCH,
            "/api/v1/me",
            Some(&partner.token),
            Some(json!({"display_name": "Awa Ndiaye", "language": "fr", "country": "SN"})),
        )
        .await;
    assert_eq!(status, 200);
    let subscribe = |body: Value| {
        let token = partner.token.clone();
        let app = &app;
        async move {
            app.api(
                Method::POST,
                "/api/v1/reports/subscriptions",
                Some(&token),
                Some(body),
            )
            .await
        }
    };
    let (status, p) = subscribe(json!({"frequency": "daily"})).await;
    assert_eq!(
        (status, p["errors"][0]["code"].as_str()),
        (422, Some("frequency_unknown")),
        "{p}"
    );
    let (status, p) = subscribe(json!({"frequency": "weekly", "by": "shoe_size"})).await;
    assert_eq!(
        (status, p["code"].as_str()),
        (400, Some("bad_query")),
        "{p}"
    );
    let other = Partner::of_new_organisation(&app, &db, "coord@other.example", "Other").await;
    let (status, _) =
        subscribe(json!({"frequency": "weekly", "organisation": other.organisation_id})).await;
    assert_eq!(status, 403, "not another organisation's report");
    let (status, s) = subscribe(json!({"frequency": "weekly", "by": "country"})).await;
    assert_eq!(status, 201, "{s}");
    assert_eq!(s["query"]["by"], "country");

    // Last week ended before it was made: nothing yet. Once this week
    // has ended, its report is queued once, however often the worker asks.
    let today = chrono::Utc::now().date_naive();
    let app_state = &app.state.app;
    assert_eq!(
        kuza_app::subscriptions::queue_due(app_state, today)
            .await
            .unwrap(),
        0
    );
    let next_week = today + chrono::Duration::days(7);
    assert_eq!(
        kuza_app::subscriptions::queue_due(app_state, next_week)
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        kuza_app::subscriptions::queue_due(app_state, next_week)
            .await
            .unwrap(),
        0
    );
    jobs_settled(&db).await;
    let mails = smtp.wait_for("coord@example.org", 2).await;
    let report: Vec<_> = mails
        .iter()
        .filter(|m| m.subject().contains("Ville de Thiès"))
        .collect();
    assert_eq!(
        report.len(),
        1,
        "one email: {:?}",
        mails.iter().map(|m| m.subject()).collect::<Vec<_>>()
    );
    let text = report[0].text();
    assert!(
        report[0].subject().starts_with("Rapport"),
        "in French: {}",
        report[0].subject()
    );
    assert!(text.contains("/reports/learning.xlsx?"), "{text}");
    assert!(
        text.contains(&format!(
            "from={}",
            next_week
                - chrono::Duration::days(
                    i64::from(chrono::Datelike::weekday(&next_week).num_days_from_monday()) + 7
                )
        )),
        "{text}"
    );
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM jobs WHERE kind = 'report_email'").await,
        1
    );

    // Listed, ended by its owner only.
    let (status, mine) = app
        .api(
            Method::GET,
            "/api/v1/reports/subscriptions",
            Some(&partner.token),
            None,
        )
        .await;
    assert_eq!((status, mine.as_array().map(Vec::len)), (200, Some(1)));
    let path = format!("/api/v1/reports/subscriptions/{}", s["id"]);
    let (status, _) = app
        .api(Method::DELETE, &path, Some(&other.token), None)
        .await;
    assert_eq!(status, 404, "someone else's is not found");
    let (status, _) = app
        .api(Method::DELETE, &path, Some(&partner.token), None)
        .await;
    assert_eq!(status, 204);
    let (status, _) = app
        .api(Method::DELETE, &path, Some(&partner.token), None)
        .await;
    assert_eq!(status, 404);
}

/// The mean final score and the attendance rate are the records' own: the
/// certificates' final scores averaged, and those present over those
/// expected (excused absences left out), counted independently here.
#[tokio::test]
async fn the_average_score_and_the_attendance_rate_are_the_records_own() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let admin = app.admin_token(&db, "admin@example.org").await;
    let author = app.author_token(&db, "author@example.org").await;
    let (c, k) = course_with_cohort(&app, &author, "scored", "Scored").await;
    // Six learners; three answer everything right (100%), three all but
    // the short text (5 of 6 points: 83%). All pass and complete.
    let mut enrolments = vec![];
    for i in 0..6 {
        let l = Learner::in_cohort(&app, &format!("s{i}@example.org"), c.id, k.id).await;
        confirm_email(&app, &l.email).await;
        for key in [&c.lessons[0], &c.lessons[2]] {
            let (status, p) = post(
                &app,
                &l.token,
                format!("/api/v1/lessons/{key}/complete"),
                None,
            )
            .await;
            assert_eq!(status, 200, "{p}");
        }
        let (status, a) = post(
            &app,
            &l.token,
            format!("/api/v1/quizzes/{}/attempts", c.lessons[3]),
            None,
        )
        .await;
        assert_eq!(status, 201, "{a}");
        let mut answers = quiz_answers(&c.doc, true);
        if i >= 3 {
            let (q, _) = quiz_keys(&c.doc);
            answers["answers"][&q[4]] = json!("something else");
        }
        let (status, graded) = post(
            &app,
            &l.token,
            format!("/api/v1/attempts/{}/submit", a["id"]),
            Some(answers),
        )
        .await;
        assert_eq!(status, 200, "{graded}");
        enrolments.push(l.enrollment["id"].clone());
    }
    // Two sessions held: 5 present and 1 absent; then 3 present, 2 absent
    // and 1 excused.
    let mut sessions = vec![];
    for (title, hours) in [("First", -48), ("Second", -24)] {
        sessions.push(
            k.session(
                &app,
                &author,
                json!({"title": title, "starts_at": in_hours(hours),
                       "ends_at": in_hours(hours + 2), "time_zone": "UTC", "venue": "Room 1"}),
            )
            .await,
        );
    }
    let marks = [
        [
            "present", "present", "present", "present", "present", "absent",
        ],
        [
            "present", "present", "present", "absent", "absent", "excused",
        ],
    ];
    for (s, statuses) in sessions.iter().zip(marks) {
        let records: Vec<Value> = enrolments
            .iter()
            .zip(statuses)
            .map(|(e, status)| json!({"enrollment_id": e, "status": status}))
            .collect();
        let (status, p) = app
            .api(
                Method::PUT,
                &format!("/api/v1/sessions/{}/attendance", s["id"]),
                Some(&author),
                Some(json!({"records": records})),
            )
            .await;
        assert_eq!(status, 200, "{p}");
    }

    // Counted here, from the rows themselves.
    let scores: Vec<i64> = {
        use sea_orm::ConnectionTrait;
        let conn = db.connect().await;
        let rows = conn
            .query_all(sea_orm::Statement::from_string(
                conn.get_database_backend(),
                "SELECT CAST(final_score AS BIGINT) FROM certificates WHERE final_score IS NOT NULL",
            ))
            .await
            .unwrap();
        rows.iter()
            .map(|r| r.try_get_by_index::<i64>(0).unwrap())
            .collect()
    };
    assert_eq!(scores.len(), 6, "six certificates with a score");
    let mean = scores.iter().sum::<i64>() as f64 / 6.0;
    let present = count(
        &db,
        "SELECT COUNT(*) FROM attendance WHERE status = 'present'",
    )
    .await;
    let expected = count(
        &db,
        "SELECT COUNT(*) FROM attendance WHERE status <> 'excused'",
    )
    .await;
    assert_eq!((present, expected), (8, 11));

    let today = chrono::Utc::now().date_naive();
    let period = format!(
        "from={}&to={}",
        today - chrono::Duration::days(10),
        today + chrono::Duration::days(1)
    );
    let (status, r) = report(&app, &admin, &period).await;
    assert_eq!(status, 200, "{r}");
    let score = column(&r, "average_score")["total"].clone();
    assert!(
        score.1.is_some_and(|v| (v - mean).abs() < 1e-9),
        "{score:?} against {mean}"
    );
    let rate = column(&r, "attendance_rate")["total"].clone();
    assert_eq!(rate.1, Some(8.0 / 11.0), "{r}");
    assert_eq!(column(&r, "completions")["total"].1, Some(6.0));
    let certified = count(
        &db,
        "SELECT COUNT(*) FROM certificates WHERE status = 'issued'",
    )
    .await;
    assert_eq!(
        column(&r, "certificates")["total"].1,
        Some(certified as f64)
    );
    // By cohort and by year (each measure in its own pass), the same: one
    // cohort holds them all, and all happened this year.
    for by in ["cohort", "year"] {
        let (_, r) = report(&app, &admin, &format!("{period}&by={by}")).await;
        let key = if by == "cohort" {
            k.id.to_string()
        } else {
            today.format("%Y").to_string()
        };
        assert_eq!(
            column(&r, "attendance_rate")[&key].1,
            Some(8.0 / 11.0),
            "{r}"
        );
        let score = column(&r, "average_score")[&key].clone();
        assert!(
            score.1.is_some_and(|v| (v - mean).abs() < 1e-9),
            "{by}: {score:?} against {mean}"
        );
        assert_eq!(column(&r, "certificates")[&key].1, Some(certified as f64));
    }
}

#[tokio::test]
async fn active_learners_are_people_counted_once_in_every_grouping_and_total() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(
        &db,
        Options {
            extra_toml: "report_min_cell = 2\n".into(),
            ..Options::default()
        },
    )
    .await;
    let admin = app.admin_token(&db, "admin@example.org").await;
    let owner = app.author_token(&db, "owner@example.org").await;
    let a = one_lesson_course(&app, &owner, "first").await;
    let b = one_lesson_course(&app, &owner, "second").await;
    // Six learners in the first course, four of whom also take the second:
    // ten enrolments, six people.
    for i in 0..6 {
        let l = Learner::enrolled(&app, &format!("both{i}@example.org"), a.id).await;
        if i < 4 {
            let (status, e) = post(
                &app,
                &l.token,
                format!("/api/v1/courses/{}/enrollments", b.id),
                None,
            )
            .await;
            assert_eq!(status, 201, "{e}");
        }
    }
    // Three of them also take a facilitated course in its cohort.
    let (c, k) = course_with_cohort(&app, &owner, "cohorted", "Together").await;
    for i in 0..3 {
        let token = app.access_token(&format!("both{i}@example.org")).await;
        let (status, e) = post(
            &app,
            &token,
            format!("/api/v1/courses/{}/enrollments", c.id),
            Some(json!({ "cohort_id": k.id })),
        )
        .await;
        assert_eq!(status, 201, "{e}");
    }
    let active = |r: &Value| column(r, "active_learners");
    let (status, r) = report(&app, &admin, "by=cohort").await;
    assert_eq!(status, 200, "{r}");
    let by_cohort = active(&r);
    assert_eq!(by_cohort[&k.id.to_string()].1, Some(3.0), "{r}");
    assert_eq!(by_cohort["none"].1, Some(6.0), "{r}");
    assert_eq!(by_cohort["total"].1, Some(6.0), "{r}");
    let (status, r) = report(&app, &admin, "by=course").await;
    assert_eq!(status, 200, "{r}");
    let by_course = active(&r);
    assert_eq!(by_course[&a.id.to_string()].1, Some(6.0), "{r}");
    assert_eq!(by_course[&b.id.to_string()].1, Some(4.0), "{r}");
    assert_eq!(by_course["total"].1, Some(6.0), "{r}");
    assert_eq!(column(&r, "enrolments")["total"].1, Some(13.0), "{r}");
    // Groupings that span both courses count each person once.
    let today = chrono::Utc::now().date_naive();
    for (by, key) in [
        ("month", today.format("%Y-%m").to_string()),
        ("year", today.format("%Y").to_string()),
        ("format", "self_paced".to_owned()),
        ("country", "KE".to_owned()),
    ] {
        let (status, r) = report(&app, &admin, &format!("by={by}")).await;
        assert_eq!(status, 200, "{r}");
        let got = active(&r);
        assert!(got.contains_key(&key), "{by}: {r}");
        assert_eq!(got[&key].1, Some(6.0), "{by}: {r}");
        assert_eq!(active(&r)["total"].1, Some(6.0), "{by}: {r}");
    }
    // Crossed by course and month: each course's people in the month, and
    // the month's total its people.
    let (status, r) = report(&app, &admin, "by=course&then=month").await;
    assert_eq!(status, 200, "{r}");
    let month = today.format("%Y-%m").to_string();
    let columns: Vec<&str> = r["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["key"].as_str().unwrap())
        .collect();
    assert_eq!(columns, [month.as_str()], "{r}");
    let first_key = a.id.to_string();
    let first = r["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|row| row["key"] == first_key.as_str())
        .unwrap();
    assert_eq!(first["cells"][0]["active_learners"]["value"], json!(6.0));
    assert_eq!(
        r["totals"]["cells"][0]["active_learners"]["value"],
        json!(6.0),
        "{r}"
    );
}
