//! The catalog: `/courses` and `GET /api/v1/catalog`, searched in the six
//! languages with each backend's full-text index, filtered, sorted, paged.

use kuza_tests::*;
use reqwest::Method;
use serde_json::{Value, json};

async fn author(app: &TestApp, db: &TestDb) -> String {
    app.author_token(db, "catalog-author@example.org").await
}

/// Creates a course with one module and one lesson; publishes it unless
/// `publish` is false. Returns its id.
async fn course(app: &TestApp, tok: &str, body: Value, publish: bool) -> i64 {
    let c = DraftCourse::create(app, tok, body).await;
    let default = c.created["default_language"].as_str().unwrap().to_owned();
    let module = c.add_module(app, json!({&default: "1"})).await;
    c.add_lesson(
        app,
        module,
        json!({"title": {&default: "1"}, "kind": "text", "body": {&default: "…"}}),
    )
    .await;
    if publish {
        c.publish(app).await;
    }
    c.id
}

#[expect(
    clippy::too_many_arguments,
    reason = "one course per call, every setting visible"
)]
fn body(
    slug: &str,
    default: &str,
    languages: &[&str],
    format: &str,
    level: &str,
    hours: f64,
    themes: &[&str],
    title: Value,
    summary: Value,
) -> Value {
    json!({
        "slug": slug, "format": format, "level": level, "estimated_hours": hours,
        "default_language": default, "languages": languages, "themes": themes,
        "title": title, "summary": summary
    })
}

/// Five published courses (in publication order) and one draft.
async fn catalog(app: &TestApp, tok: &str) {
    for b in [
        body(
            "urban-planning-basics",
            "en",
            &["en", "ar"],
            "self_paced",
            "introductory",
            6.0,
            &["urban planning", "sdg:11.3"],
            json!({"en": "Urban planning basics", "ar": "أساسيات التخطيط الحضري"}),
            json!({"en": "Plan compact, connected cities.", "ar": "خطّط لمدن متراصة ومترابطة."}),
        ),
        body(
            "logement-abordable",
            "fr",
            &["fr", "es"],
            "facilitated",
            "intermediate",
            12.0,
            &["housing", "sdg:11.1"],
            json!({"fr": "Logement abordable et quartiers", "es": "Vivienda asequible y barrios"}),
            json!({"fr": "Politiques du logement pour les villes en croissance.", "es": "Políticas de vivienda para ciudades en crecimiento."}),
        ),
        body(
            "city-water",
            "zh",
            &["zh", "en"],
            "blended",
            "advanced",
            2.0,
            &["water", "sdg:6"],
            json!({"zh": "城市供水与卫生", "en": "Water and sanitation in cities"}),
            json!({"zh": "为居民提供安全的饮用水。", "en": "Safe drinking water for every household."}),
        ),
        body(
            "transport-ru",
            "ru",
            &["ru"],
            "face_to_face",
            "introductory",
            30.0,
            &["mobility", "sdg:11.2"],
            json!({"ru": "Общественный транспорт в городах"}),
            json!({"ru": "Планирование маршрутов и тарифов."}),
        ),
        body(
            "climate-ready",
            "en",
            &["en"],
            "self_paced",
            "advanced",
            1.0,
            &["climate", "sdg:13"],
            json!({"en": "Climate-ready neighbourhoods"}),
            json!({"en": "Adapting streets to heat, floods and water shortages."}),
        ),
    ] {
        course(app, tok, b, true).await;
    }
    course(
        app,
        tok,
        body(
            "secret-draft",
            "en",
            &["en"],
            "self_paced",
            "introductory",
            1.0,
            &["housing", "sdg:11"],
            json!({"en": "Urban planning secrets"}),
            json!({"en": "Never published."}),
        ),
        false,
    )
    .await;
}

/// The slugs the API returns for `query`, in order, and the total.
async fn slugs(app: &TestApp, query: &str) -> (Vec<String>, u64) {
    let (status, page) = app
        .api(Method::GET, &format!("/api/v1/catalog?{query}"), None, None)
        .await;
    assert_eq!(status, 200, "{query}: {page}");
    let list = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["slug"].as_str().unwrap().to_owned())
        .collect();
    (list, page["total"].as_u64().unwrap())
}

async fn found(app: &TestApp, query: &str) -> Vec<String> {
    let mut list = slugs(app, query).await.0;
    list.sort();
    list
}

fn q(text: &str) -> String {
    serde_urlencoded::to_string([("q", text)]).unwrap()
}

#[tokio::test]
async fn search_finds_courses_by_title_and_summary_in_english_french_spanish_arabic_chinese_and_russian()
 {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let tok = author(&app, &db).await;
    catalog(&app, &tok).await;

    let cases: [(&str, &[&str]); 14] = [
        ("planning", &["urban-planning-basics"]),
        ("URBAN Planning", &["urban-planning-basics"]),
        ("water", &["city-water", "climate-ready"]),
        ("water sanitation", &["city-water"]),
        ("logement", &["logement-abordable"]),
        ("quartiers", &["logement-abordable"]),
        ("vivienda", &["logement-abordable"]),
        ("التخطيط", &["urban-planning-basics"]),
        ("مترابطة", &["urban-planning-basics"]),
        // Two characters: below the trigram size, found by the fallback.
        ("城市", &["city-water"]),
        ("城市供水", &["city-water"]),
        ("饮用水", &["city-water"]),
        ("транспорт", &["transport-ru"]),
        ("ГОРОДАХ", &["transport-ru"]),
    ];
    for (text, expected) in cases {
        assert_eq!(found(&app, &q(text)).await, expected, "searching {text}");
    }
    // Nothing matches: an empty page, not an error.
    assert_eq!(slugs(&app, &q("volcanology")).await, (vec![], 0));
    // The draft's title never shows.
    assert!(found(&app, &q("secrets")).await.is_empty());

    // The portal page finds the same, with the reader's language.
    let html = app
        .page(
            &app.client,
            "/courses?q=%D8%A7%D9%84%D8%AA%D8%AE%D8%B7%D9%8A%D8%B7&lang=ar",
        )
        .await;
    assert_eq!(
        text_of(&html, "ol.results h3 a").as_deref(),
        Some("أساسيات التخطيط الحضري")
    );
    assert!(html.contains(r#"href="/courses/urban-planning-basics" lang="ar" dir="rtl""#));
}

#[tokio::test]
async fn each_filter_narrows_the_catalog_and_an_sdg_goal_finds_its_targets() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let tok = author(&app, &db).await;
    catalog(&app, &tok).await;

    let cases: [(&str, &[&str]); 13] = [
        ("format=blended", &["city-water"]),
        (
            "format=self_paced",
            &["climate-ready", "urban-planning-basics"],
        ),
        ("level=advanced", &["city-water", "climate-ready"]),
        ("language=es", &["logement-abordable"]),
        (
            "language=en",
            &["city-water", "climate-ready", "urban-planning-basics"],
        ),
        ("theme=housing", &["logement-abordable"]),
        ("theme=Urban%20planning", &["urban-planning-basics"]),
        (
            "sdg=11",
            &[
                "logement-abordable",
                "transport-ru",
                "urban-planning-basics",
            ],
        ),
        ("sdg=11.3", &["urban-planning-basics"]),
        ("sdg=sdg:6", &["city-water"]),
        ("sdg=13", &["climate-ready"]),
        ("level=introductory&sdg=11&language=ru", &["transport-ru"]),
        (
            "q=water&level=advanced&format=self_paced",
            &["climate-ready"],
        ),
    ];
    for (query, expected) in cases {
        assert_eq!(found(&app, query).await, expected, "{query}");
    }
    assert_eq!(slugs(&app, "sdg=11.4").await, (vec![], 0));

    // The portal's selects keep the choice, and the themes offered are the
    // catalog's own.
    let html = app
        .page(&app.client, "/courses?sdg=11&format=self_paced")
        .await;
    assert_eq!(
        text_of(&html, "ol.results h3 a").as_deref(),
        Some("Urban planning basics")
    );
    assert!(html.contains(r#"<option value="11" selected>"#));
    assert!(html.contains(r#"<option value="self_paced" selected>"#));
    assert!(html.contains(r#"<option value="mobility">mobility</option>"#));
    assert!(!html.contains(r#"value="sdg:11""#));
}

#[tokio::test]
async fn results_sort_by_relevance_newest_title_in_the_readers_language_and_duration() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let tok = author(&app, &db).await;
    catalog(&app, &tok).await;

    let by = |s: &[&str]| s.iter().map(|x| (*x).to_owned()).collect::<Vec<_>>();
    assert_eq!(
        slugs(&app, "sort=duration").await.0,
        by(&[
            "climate-ready",
            "city-water",
            "urban-planning-basics",
            "logement-abordable",
            "transport-ru"
        ])
    );
    // Newest first is the default without a search.
    let newest = by(&[
        "climate-ready",
        "transport-ru",
        "city-water",
        "logement-abordable",
        "urban-planning-basics",
    ]);
    assert_eq!(slugs(&app, "").await.0, newest);
    assert_eq!(slugs(&app, "sort=newest").await.0, newest);
    // English titles where they exist, else the default language's.
    assert_eq!(
        slugs(&app, "sort=title&lang=en").await.0,
        by(&[
            "climate-ready",
            "logement-abordable",
            "urban-planning-basics",
            "city-water",
            "transport-ru"
        ])
    );
    // In Chinese the water course sorts by its Chinese title, after the
    // Latin and Cyrillic ones.
    assert_eq!(
        slugs(&app, "sort=title&lang=zh").await.0,
        by(&[
            "climate-ready",
            "logement-abordable",
            "urban-planning-basics",
            "transport-ru",
            "city-water"
        ])
    );
    // Relevance: a title and summary that both match rank first.
    let (ranked, total) = slugs(&app, &format!("{}&sort=relevance", q("water"))).await;
    assert_eq!(total, 2);
    assert_eq!(ranked[0], "city-water");

    // The portal sorts by title in the reader's language.
    let html = app.page(&app.client, "/courses?sort=title&lang=fr").await;
    assert_eq!(
        text_of(&html, "ol.results h3 a").as_deref(),
        Some("Climate-ready neighbourhoods")
    );
    assert!(html.contains(r#"<option value="title" selected>"#));
}

#[tokio::test]
async fn pages_hold_per_page_results_and_the_portal_pager_keeps_the_filters() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let tok = author(&app, &db).await;
    catalog(&app, &tok).await;

    assert_eq!(slugs(&app, "per_page=2").await.0.len(), 2);
    let (last, total) = slugs(&app, "per_page=2&page=3").await;
    assert_eq!((last, total), (vec!["urban-planning-basics".to_owned()], 5));
    assert_eq!(slugs(&app, "per_page=2&page=4").await, (vec![], 5));
    let (_, page) = app
        .api(Method::GET, "/api/v1/catalog?per_page=500", None, None)
        .await;
    assert_eq!(page["per_page"], 100);

    // 25 more courses from the generator: two portal pages of 20.
    let conn = db.connect().await;
    let (created, _) = kuza_app::generate::catalog(&conn, 25, 1).await.unwrap();
    assert_eq!(created, 25);
    assert_eq!(
        kuza_app::generate::catalog(&conn, 25, 1).await.unwrap(),
        (0, 25)
    );
    let html = app.page(&app.client, "/courses?sort=duration&level=").await;
    assert_eq!(html.matches(r#"<li class="result">"#).count(), 20);
    let doc = scraper::Html::parse_document(&html);
    let next = doc
        .select(&scraper::Selector::parse("a[rel=next]").unwrap())
        .next()
        .and_then(|a| a.value().attr("href"))
        .unwrap()
        .to_owned();
    assert_eq!(next, "/courses?sort=duration&page=2");
    let html = app.page(&app.client, &next).await;
    assert_eq!(html.matches(r#"<li class="result">"#).count(), 10);
    assert!(html.contains(r#"rel="prev""#));
}

#[tokio::test]
async fn drafts_never_appear_archived_courses_leave_and_republishing_updates_the_entry() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let tok = author(&app, &db).await;
    let id = course(
        &app,
        &tok,
        body(
            "street-design",
            "en",
            &["en"],
            "self_paced",
            "introductory",
            3.0,
            &["mobility"],
            json!({"en": "Street design"}),
            json!({"en": "Streets for people."}),
        ),
        false,
    )
    .await;
    assert_eq!(slugs(&app, "").await, (vec![], 0));
    let html = app.page(&app.client, "/courses").await;
    assert!(html.contains("No published course matches"));
    assert!(!html.contains("Street design"));

    publish_course(&app, &tok, id).await;
    assert_eq!(found(&app, &q("street")).await, ["street-design"]);

    // A new title and level, republished: the entry follows.
    let mut b = body(
        "street-design",
        "en",
        &["en", "fr"],
        "self_paced",
        "advanced",
        3.0,
        &["mobility", "sdg:11.2"],
        json!({"en": "Complete streets", "fr": "Des rues pour tous"}),
        json!({"en": "Streets for people."}),
    );
    let (status, _) = app
        .api(
            Method::PUT,
            &format!("/api/v1/courses/{id}"),
            Some(&tok),
            Some(b.take()),
        )
        .await;
    assert_eq!(status, 200);
    assert!(
        found(&app, &q("complete")).await.is_empty(),
        "the draft is not the catalog"
    );
    publish_course(&app, &tok, id).await;
    assert_eq!(found(&app, &q("complete")).await, ["street-design"]);
    assert_eq!(found(&app, &q("rues")).await, ["street-design"]);
    assert!(found(&app, &q("design")).await.is_empty());
    assert_eq!(
        found(&app, "level=advanced&sdg=11&language=fr").await,
        ["street-design"]
    );
    let (_, page) = app.api(Method::GET, "/api/v1/catalog", None, None).await;
    assert_eq!(page["items"][0]["version"], 2);
    assert_eq!(page["items"][0]["title"]["fr"], "Des rues pour tous");

    // Archived: gone from the API and the page.
    let (status, _) = app
        .api(
            Method::POST,
            &format!("/api/v1/courses/{id}/archive"),
            Some(&tok),
            None,
        )
        .await;
    assert_eq!(status, 204);
    assert_eq!(slugs(&app, "").await, (vec![], 0));
    assert!(found(&app, &q("complete")).await.is_empty());
    let html = app.page(&app.client, "/courses").await;
    assert!(!html.contains("Complete streets"));
    assert!(
        !html.contains(r#"value="mobility""#),
        "a theme no published course has leaves the list"
    );

    // Published again: back, with its theme.
    publish_course(&app, &tok, id).await;
    assert_eq!(found(&app, &q("complete")).await, ["street-design"]);
    let html = app.page(&app.client, "/courses").await;
    assert!(html.contains(r#"value="mobility""#));
}

/// Whether `done` holds once the other process has caught up: within its
/// next read of the publication counter on SQLite (every 100 ms), or the
/// commit's notification on PostgreSQL. Asked every 50 ms for up to 5 s.
async fn seen<F, Fut>(what: &str, mut done: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    for _ in 0..100 {
        if done().await {
            return;
        }
        // Waiting for the change to show: the loop ends when it does.
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("{what}: not seen by the other process");
}

#[tokio::test]
async fn another_process_serves_the_new_version_after_a_publication_or_archiving() {
    let db = TestDb::new().await;
    let a = TestApp::spawn(&db, Options::default()).await;
    let b = TestApp::spawn(&db, Options::default()).await;
    let tok = author(&a, &db).await;
    let mut course_body = body(
        "water-supply",
        "en",
        &["en"],
        "self_paced",
        "introductory",
        2.0,
        &["water"],
        json!({"en": "Water supply"}),
        json!({"en": "Pipes and taps."}),
    );
    let id = course(&a, &tok, course_body.clone(), true).await;
    // B has the first version in memory: its page, a search and the themes.
    assert!(
        b.page(&b.client, "/courses/water-supply")
            .await
            .contains("Water supply")
    );
    assert_eq!(found(&b, &q("water")).await, ["water-supply"]);
    assert!(
        b.page(&b.client, "/courses")
            .await
            .contains(r#"value="water""#)
    );
    let (status, _) = b
        .api(Method::GET, "/api/v1/catalog/water-supply", None, None)
        .await;
    assert_eq!(status, 200);

    course_body["title"] = json!({"en": "Drinking water"});
    course_body["themes"] = json!(["sanitation"]);
    let (status, _) = a
        .api(
            Method::PUT,
            &format!("/api/v1/courses/{id}"),
            Some(&tok),
            Some(course_body),
        )
        .await;
    assert_eq!(status, 200);
    publish_course(&a, &tok, id).await;
    seen("the new title on the course page", || async {
        b.page(&b.client, "/courses/water-supply")
            .await
            .contains("Drinking water")
    })
    .await;
    seen("the new title in the catalog", || async {
        found(&b, &q("drinking")).await == ["water-supply"]
    })
    .await;
    let (_, doc) = b
        .api(Method::GET, "/api/v1/catalog/water-supply", None, None)
        .await;
    assert_eq!(doc["version"], 2);
    let html = b.page(&b.client, "/courses").await;
    assert!(html.contains(r#"value="sanitation""#) && !html.contains(r#"value="water""#));

    let (status, _) = a
        .api(
            Method::POST,
            &format!("/api/v1/courses/{id}/archive"),
            Some(&tok),
            None,
        )
        .await;
    assert_eq!(status, 204);
    seen("the archived course gone", || async {
        b.get("/courses/water-supply").await.status() == 404
    })
    .await;
    assert!(found(&b, &q("drinking")).await.is_empty());
    let (status, _) = b
        .api(Method::GET, "/api/v1/catalog/water-supply", None, None)
        .await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn full_text_syntax_in_a_search_is_plain_text_and_never_an_error() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let tok = author(&app, &db).await;
    catalog(&app, &tok).await;

    for text in [
        "\"",
        "\"urban",
        "plan*",
        "-water",
        "NEAR(urban planning)",
        "urban OR water",
        "water AND",
        "NOT",
        "'",
        "%",
        "_",
        "\\",
        "^urban",
        "title:urban",
        "(",
        "城市\"",
        "a & b | !c",
        "urban:*",
        "ab",
        "'; DROP TABLE courses; --",
        "*",
        "\u{0}",
    ] {
        let (status, page) = app
            .api(
                Method::GET,
                &format!("/api/v1/catalog?{}", q(text)),
                None,
                None,
            )
            .await;
        assert_eq!(status, 200, "{text:?}: {page}");
        let res = app.get(&format!("/courses?{}", q(text))).await;
        assert_eq!(res.status(), 200, "{text:?}");
    }
    // Punctuation around words is ignored (a search of punctuation alone
    // is no search); `%` and `_` inside a word are not wildcards.
    assert_eq!(found(&app, &q("\"urban")).await, ["urban-planning-basics"]);
    assert_eq!(found(&app, &q("plan*")).await, ["urban-planning-basics"]);
    assert_eq!(slugs(&app, &q("\" * -")).await.1, 5);
    assert!(found(&app, &q("urb_n")).await.is_empty());
    assert!(found(&app, &q("ur%an")).await.is_empty());
    assert_eq!(slugs(&app, "").await.1, 5, "nothing was dropped");
}

#[tokio::test]
async fn unknown_filter_values_get_a_problem_from_the_api_and_a_notice_on_the_page() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let tok = author(&app, &db).await;
    catalog(&app, &tok).await;

    for (query, field, code) in [
        ("format=webinar", "format", "format_invalid"),
        ("level=expert", "level", "level_invalid"),
        ("language=de", "language", "language_invalid"),
        ("theme=a%2Cb", "theme", "theme_invalid"),
        ("sdg=18", "sdg", "sdg_invalid"),
        ("sdg=11.xyz", "sdg", "sdg_invalid"),
        ("sort=random", "sort", "sort_invalid"),
        ("lang=xx", "lang", "language_invalid"),
        ("page=20000", "page", "page_invalid"),
    ] {
        let res = reqwest::get(app.url(&format!("/api/v1/catalog?{query}")))
            .await
            .unwrap();
        assert_eq!(res.status(), 400, "{query}");
        assert_eq!(
            res.headers()["content-type"],
            "application/problem+json",
            "{query}"
        );
        let p: Value = res.json().await.unwrap();
        assert_eq!(p["code"], "bad_query", "{query}: {p}");
        assert_eq!(
            p["errors"],
            json!([{"field": field, "code": code}]),
            "{query}"
        );
    }
    let long = "x".repeat(201);
    let (status, p) = app
        .api(
            Method::GET,
            &format!("/api/v1/catalog?q={long}"),
            None,
            None,
        )
        .await;
    assert_eq!(
        (status, p["errors"][0]["code"].as_str()),
        (400, Some("query_too_long"))
    );
    for query in ["page=abc", "per_page=-1", "page=1.5"] {
        let (status, p) = app
            .api(Method::GET, &format!("/api/v1/catalog?{query}"), None, None)
            .await;
        assert_eq!(
            (status, p["code"].as_str()),
            (400, Some("bad_request")),
            "{query}"
        );
    }

    // The page leaves out what it does not understand and says so.
    let html = app
        .page(
            &app.client,
            "/courses?format=webinar&level=advanced&page=abc&sdg=99&sort=x&sort=y",
        )
        .await;
    assert!(html.contains("Some filters were not understood"));
    assert_eq!(html.matches(r#"<li class="result">"#).count(), 2);
    assert!(html.contains(r#"<option value="advanced" selected>"#));
    let res = app.get("/courses?q=%ZZ&page=%FF").await;
    assert_eq!(res.status(), 200);
}

#[tokio::test]
async fn the_catalog_is_in_the_navigation_and_the_api_document() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let html = app.page(&app.client, "/?lang=ru").await;
    assert!(html.contains(r#"<a href="/courses">Курсы</a>"#));
    let (_, doc) = app.api(Method::GET, "/api/openapi.json", None, None).await;
    let op = &doc["paths"]["/api/v1/catalog"]["get"];
    let params: Vec<&str> = op["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    for p in [
        "q", "format", "level", "language", "theme", "sdg", "sort", "page", "per_page",
    ] {
        assert!(params.contains(&p), "{p} in {params:?}");
    }
    assert!(op["responses"]["400"].is_object());
}
