//! Who gets a place, decided against a real database: a temp SQLite file,
//! or a fresh PostgreSQL database when `KUZA_TEST_DATABASE_URL` names a
//! server (e.g. `postgres://postgres@127.0.0.1:5432`).

use kuza_courses::draft::{self, CourseInput};
use kuza_db::entities::{course, enrollment, user};
use kuza_db::values::CourseStatus;
use kuza_enrollment::cohorts::{self, Cohort, CohortInput};
use kuza_enrollment::{
    By, EnrolError, Enrolled, Enrollment, EnrollmentStatus, SettingsInput, accept, decline, enrol,
    enrol_by, remove, withdraw,
};
use kuza_migration::MigratorTrait;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
};
use std::collections::BTreeMap;

/// A migrated database of its own; the SQLite file lives as long as this.
struct TestDb {
    conn: DatabaseConnection,
    _dir: tempfile::TempDir,
}

async fn database() -> TestDb {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = match std::env::var("KUZA_TEST_DATABASE_URL") {
        Ok(base) if !base.is_empty() => {
            let base = base.trim_end_matches('/');
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
    let conn = kuza_db::connect(&url, 2)
        .await
        .expect("connect to test database");
    kuza_migration::Migrator::up(&conn, None)
        .await
        .expect("migrations apply");
    TestDb { conn, _dir: dir }
}

async fn user(conn: &DatabaseConnection, name: &str) -> i32 {
    user::Entity::insert(user::ActiveModel {
        email: Set(format!("{name}@example.org")),
        password_hash: Set("x".into()),
        display_name: Set(name.into()),
        language: Set("en".into()),
        country: Set("KE".into()),
        organisation_id: Set(None),
        gender: Set(None),
        birth_year: Set(None),
        email_verified_at: Set(None),
        active: Set(true),
        created_at: Set(0),
        updated_at: Set(0),
        ..Default::default()
    })
    .exec(conn)
    .await
    .expect("user")
    .last_insert_id
}

fn settings(mode: &str) -> SettingsInput {
    SettingsInput {
        enrolment: mode.into(),
        grade_policy: "best".into(),
        ..SettingsInput::default()
    }
}

/// A published course of `format` (`self_paced`, `facilitated`…) with
/// these enrolment settings.
async fn course(
    conn: &DatabaseConnection,
    owner: i32,
    format: &str,
    s: SettingsInput,
) -> course::Model {
    let slug = format!("course-{}", &uuid::Uuid::new_v4().simple().to_string()[..8]);
    let c = draft::create(
        conn,
        owner,
        &CourseInput {
            slug,
            format: format.into(),
            level: "introductory".into(),
            estimated_hours: 1.0,
            default_language: "en".into(),
            languages: vec!["en".into()],
            title: BTreeMap::from([("en".to_owned(), "Water".to_owned())]),
            ..Default::default()
        },
    )
    .await
    .expect("course");
    let s = s.parse().expect("valid settings");
    kuza_enrollment::save_settings(conn, c.id, &s)
        .await
        .expect("settings saved");
    with_status(conn, &c, CourseStatus::Published).await
}

async fn with_status(
    conn: &DatabaseConnection,
    c: &course::Model,
    status: CourseStatus,
) -> course::Model {
    course::Entity::update_many()
        .col_expr(course::Column::Status, status.into())
        .filter(course::Column::Id.eq(c.id))
        .exec(conn)
        .await
        .expect("status set");
    course::Entity::find_by_id(c.id)
        .one(conn)
        .await
        .expect("read")
        .expect("the course")
}

const DAY: i64 = 86_400;

/// A cohort starting in ten days, open for enrolment now.
fn cohort_input(capacity: Option<i32>) -> CohortInput {
    let t = kuza_db::now();
    CohortInput {
        name: "March".into(),
        language: "en".into(),
        starts_at: t + 10 * DAY,
        ends_at: t + 40 * DAY,
        opens_at: None,
        closes_at: None,
        capacity,
        confirm_hours: 48,
        facilitators: vec![],
    }
}

async fn cohort(conn: &DatabaseConnection, c: &course::Model, input: CohortInput) -> Cohort {
    assert_eq!(input.problems(&["en".to_owned()]), []);
    cohorts::create(conn, c.id, &input).await.expect("cohort")
}

fn learner() -> By<'static> {
    By::Learner {
        key: None,
        answers: None,
    }
}

fn error_code(r: Result<Enrolled, EnrolError>) -> &'static str {
    match r {
        Ok(done) => panic!("expected a refusal, got {:?}", done.enrollment),
        Err(e) => e.code(),
    }
}

async fn find(conn: &DatabaseConnection, c: &course::Model, user_id: i32) -> Option<Enrollment> {
    kuza_enrollment::find(conn, c.id, user_id)
        .await
        .expect("read")
}

async fn status_of(
    conn: &DatabaseConnection,
    c: &course::Model,
    user_id: i32,
) -> Option<EnrollmentStatus> {
    find(conn, c, user_id).await.map(|e| e.status)
}

/// An enrolment's history as (status, who, message).
async fn history(
    conn: &DatabaseConnection,
    e: &Enrollment,
) -> Vec<(EnrollmentStatus, Option<i32>, Option<String>)> {
    kuza_enrollment::events(conn, e.id)
        .await
        .expect("events")
        .into_iter()
        .map(|ev| (ev.status, ev.actor_id, ev.message))
        .collect()
}

// Self-paced courses.

#[tokio::test]
async fn an_open_course_enrols_a_learner_at_once() {
    let db = database().await;
    let conn = &db.conn;
    let owner = user(conn, "owner").await;
    let ama = user(conn, "ama").await;
    let c = course(conn, owner, "self_paced", settings("open")).await;

    let done = enrol(conn, &c, ama, None).await.expect("enrolled");

    assert!(done.new);
    let e = &done.enrollment;
    assert_eq!(
        (e.course_id, e.user_id, e.status, e.cohort_id),
        (c.id, ama, EnrollmentStatus::Active, None)
    );
    assert_eq!(find(conn, &c, ama).await.as_ref(), Some(e));
    assert_eq!(
        history(conn, e).await,
        [(EnrollmentStatus::Active, Some(ama), None)]
    );
}

#[tokio::test]
async fn enrolling_twice_changes_nothing() {
    let db = database().await;
    let conn = &db.conn;
    let owner = user(conn, "owner").await;
    let ama = user(conn, "ama").await;
    let c = course(conn, owner, "self_paced", settings("open")).await;
    let first = enrol(conn, &c, ama, None).await.expect("enrolled");

    let second = enrol(conn, &c, ama, None).await.expect("still enrolled");

    assert!(!second.new);
    assert_eq!(second.enrollment, first.enrollment);
    assert_eq!(history(conn, &first.enrollment).await.len(), 1);
}

#[tokio::test]
async fn a_key_course_asks_for_its_key() {
    let db = database().await;
    let conn = &db.conn;
    let owner = user(conn, "owner").await;
    let ama = user(conn, "ama").await;
    let key = SettingsInput {
        enrolment_key: Some("river-42".into()),
        ..settings("key")
    };
    let c = course(conn, owner, "self_paced", key).await;

    assert_eq!(
        error_code(enrol(conn, &c, ama, None).await),
        "enrolment_key_required"
    );
    assert_eq!(
        error_code(enrol(conn, &c, ama, Some("   ")).await),
        "enrolment_key_required"
    );
    assert_eq!(find(conn, &c, ama).await, None);
}

#[tokio::test]
async fn a_wrong_key_is_refused() {
    let db = database().await;
    let conn = &db.conn;
    let owner = user(conn, "owner").await;
    let ama = user(conn, "ama").await;
    let key = SettingsInput {
        enrolment_key: Some("river-42".into()),
        ..settings("key")
    };
    let c = course(conn, owner, "self_paced", key).await;

    for wrong in ["river-41", "river", "river-42x", "RIVER-42"] {
        assert_eq!(
            error_code(enrol(conn, &c, ama, Some(wrong)).await),
            "enrolment_key_wrong",
            "{wrong}"
        );
    }
    assert_eq!(find(conn, &c, ama).await, None);
}

#[tokio::test]
async fn the_right_key_enrols_even_with_spaces_around_it() {
    let db = database().await;
    let conn = &db.conn;
    let owner = user(conn, "owner").await;
    let ama = user(conn, "ama").await;
    let key = SettingsInput {
        enrolment_key: Some("river-42".into()),
        ..settings("key")
    };
    let c = course(conn, owner, "self_paced", key).await;

    let done = enrol(conn, &c, ama, Some(" river-42 "))
        .await
        .expect("enrolled");

    assert_eq!(
        (done.new, done.enrollment.status),
        (true, EnrollmentStatus::Active)
    );
}

fn application(questions: &[&str]) -> SettingsInput {
    SettingsInput {
        screening_questions: questions
            .iter()
            .map(|q| BTreeMap::from([("en".to_owned(), (*q).to_owned())]))
            .collect(),
        ..settings("application")
    }
}

fn answering(answers: &[String]) -> By<'_> {
    By::Learner {
        key: None,
        answers: Some(answers),
    }
}

#[tokio::test]
async fn an_application_waits_for_a_decision_with_its_answers_kept() {
    let db = database().await;
    let conn = &db.conn;
    let owner = user(conn, "owner").await;
    let ama = user(conn, "ama").await;
    let c = course(conn, owner, "self_paced", application(&["Why?", "Where?"])).await;
    let answers = vec![" To teach ".to_owned(), "Kisumu".to_owned()];

    let done = enrol_by(conn, &c, ama, answering(&answers))
        .await
        .expect("applied");

    assert!(done.new);
    assert_eq!(done.enrollment.status, EnrollmentStatus::Applied);
    assert_eq!(
        done.enrollment.answers.as_deref(),
        Some(r#"["To teach","Kisumu"]"#)
    );
    assert!(!kuza_enrollment::studies(&done.enrollment));
    assert_eq!(
        history(conn, &done.enrollment).await,
        [(EnrollmentStatus::Applied, Some(ama), None)]
    );
}

#[tokio::test]
async fn an_application_must_answer_every_question() {
    let db = database().await;
    let conn = &db.conn;
    let owner = user(conn, "owner").await;
    let ama = user(conn, "ama").await;
    let c = course(conn, owner, "self_paced", application(&["Why?", "Where?"])).await;
    let too_long = "é".repeat(kuza_enrollment::MAX_ANSWER + 1);
    let cases: [Vec<String>; 4] = [
        vec!["To teach".into()],
        vec!["To teach".into(), "Kisumu".into(), "Extra".into()],
        vec!["To teach".into(), "   ".into()],
        vec!["To teach".into(), too_long],
    ];

    assert_eq!(
        error_code(enrol_by(conn, &c, ama, learner()).await),
        "answers_required"
    );
    for answers in &cases {
        assert_eq!(
            error_code(enrol_by(conn, &c, ama, answering(answers)).await),
            "answers_required",
            "{} answers",
            answers.len()
        );
    }
    assert_eq!(find(conn, &c, ama).await, None);
}

#[tokio::test]
async fn an_accepted_application_becomes_active_and_a_declined_one_ends() {
    let db = database().await;
    let conn = &db.conn;
    let owner = user(conn, "owner").await;
    let coordinator = user(conn, "coordinator").await;
    let ama = user(conn, "ama").await;
    let kofi = user(conn, "kofi").await;
    let c = course(conn, owner, "self_paced", application(&["Why?"])).await;
    let answers = vec!["To teach".to_owned()];
    let ama_e = enrol_by(conn, &c, ama, answering(&answers))
        .await
        .expect("applied")
        .enrollment;
    let kofi_e = enrol_by(conn, &c, kofi, answering(&answers))
        .await
        .expect("applied")
        .enrollment;

    let accepted = accept(conn, &ama_e, &c, coordinator, Some("Welcome"))
        .await
        .expect("accepted");
    let declined = decline(conn, &kofi_e, coordinator, Some("Next time"))
        .await
        .expect("declined");

    assert_eq!(accepted.status, EnrollmentStatus::Active);
    assert_eq!(accepted.queued_at, None);
    assert_eq!(
        history(conn, &ama_e).await,
        [
            (EnrollmentStatus::Applied, Some(ama), None),
            (
                EnrollmentStatus::Active,
                Some(coordinator),
                Some("Welcome".into())
            ),
        ]
    );
    assert_eq!(declined.status, EnrollmentStatus::Declined);
    assert!(kuza_enrollment::ended(&declined));
    // A decision is taken once.
    let again = accept(conn, &ama_e, &c, coordinator, None).await;
    assert_eq!(again.map_err(|e| e.code()), Err("not_an_application"));
    let again = decline(conn, &kofi_e, coordinator, None).await;
    assert_eq!(again.map_err(|e| e.code()), Err("not_an_application"));
    assert_eq!(
        status_of(conn, &c, kofi).await,
        Some(EnrollmentStatus::Declined)
    );
}

#[tokio::test]
async fn an_application_takes_no_place_until_it_is_accepted() {
    let db = database().await;
    let conn = &db.conn;
    let owner = user(conn, "owner").await;
    let coordinator = user(conn, "coordinator").await;
    let ama = user(conn, "ama").await;
    let kofi = user(conn, "kofi").await;
    let capped = SettingsInput {
        enrolment_cap: Some(1),
        ..application(&["Why?"])
    };
    let c = course(conn, owner, "self_paced", capped).await;
    let answers = vec!["To teach".to_owned()];
    let ama_e = enrol_by(conn, &c, ama, answering(&answers))
        .await
        .expect("applied")
        .enrollment;

    let kofi_applied = enrol_by(conn, &c, kofi, answering(&answers))
        .await
        .expect("a second application though the cap is one");
    accept(conn, &ama_e, &c, coordinator, None)
        .await
        .expect("accepted");
    let kofi_accepted = accept(conn, &kofi_applied.enrollment, &c, coordinator, None).await;

    assert_eq!(kofi_applied.enrollment.status, EnrollmentStatus::Applied);
    assert_eq!(kofi_accepted.map_err(|e| e.code()), Err("course_full"));
    assert_eq!(
        status_of(conn, &c, kofi).await,
        Some(EnrollmentStatus::Applied)
    );
    assert_eq!(
        kuza_enrollment::active_count(conn, c.id)
            .await
            .expect("count"),
        1
    );
}

#[tokio::test]
async fn a_closed_course_refuses_learners_but_a_coordinator_enrols_them() {
    let db = database().await;
    let conn = &db.conn;
    let owner = user(conn, "owner").await;
    let coordinator = user(conn, "coordinator").await;
    let ama = user(conn, "ama").await;
    let c = course(conn, owner, "self_paced", settings("closed")).await;

    let refused = enrol(conn, &c, ama, None).await;
    let by_coordinator = enrol_by(conn, &c, ama, By::Coordinator { actor: coordinator })
        .await
        .expect("enrolled by a coordinator");

    assert_eq!(error_code(refused), "enrolment_closed");
    assert_eq!(
        (by_coordinator.new, by_coordinator.enrollment.status),
        (true, EnrollmentStatus::Active)
    );
    assert_eq!(
        history(conn, &by_coordinator.enrollment).await,
        [(EnrollmentStatus::Active, Some(coordinator), None)]
    );
}

#[tokio::test]
async fn a_coordinator_needs_no_key_and_no_answers() {
    let db = database().await;
    let conn = &db.conn;
    let owner = user(conn, "owner").await;
    let coordinator = user(conn, "coordinator").await;
    let ama = user(conn, "ama").await;
    let kofi = user(conn, "kofi").await;
    let key = SettingsInput {
        enrolment_key: Some("river-42".into()),
        ..settings("key")
    };
    let with_key = course(conn, owner, "self_paced", key).await;
    let applying = course(conn, owner, "self_paced", application(&["Why?"])).await;
    let by = By::Coordinator { actor: coordinator };

    let keyless = enrol_by(conn, &with_key, ama, by).await.expect("enrolled");
    let unasked = enrol_by(conn, &applying, kofi, by).await.expect("enrolled");

    assert_eq!(keyless.enrollment.status, EnrollmentStatus::Active);
    assert_eq!(
        (unasked.enrollment.status, unasked.enrollment.answers),
        (EnrollmentStatus::Active, None)
    );
}

#[tokio::test]
async fn the_learner_after_the_cap_is_told_the_course_is_full() {
    let db = database().await;
    let conn = &db.conn;
    let owner = user(conn, "owner").await;
    let capped = SettingsInput {
        enrolment_cap: Some(2),
        ..settings("open")
    };
    let c = course(conn, owner, "self_paced", capped).await;
    let ama = user(conn, "ama").await;
    let kofi = user(conn, "kofi").await;
    let wanjiru = user(conn, "wanjiru").await;
    enrol(conn, &c, ama, None).await.expect("first place");
    enrol(conn, &c, kofi, None).await.expect("second place");

    let third = enrol(conn, &c, wanjiru, None).await;

    assert_eq!(error_code(third), "course_full");
    assert_eq!(find(conn, &c, wanjiru).await, None);
    assert_eq!(
        kuza_enrollment::active_count(conn, c.id)
            .await
            .expect("count"),
        2
    );
}

#[tokio::test]
async fn a_coordinator_also_respects_the_cap() {
    let db = database().await;
    let conn = &db.conn;
    let owner = user(conn, "owner").await;
    let coordinator = user(conn, "coordinator").await;
    let capped = SettingsInput {
        enrolment_cap: Some(1),
        ..settings("closed")
    };
    let c = course(conn, owner, "self_paced", capped).await;
    let ama = user(conn, "ama").await;
    let kofi = user(conn, "kofi").await;
    let by = By::Coordinator { actor: coordinator };
    enrol_by(conn, &c, ama, by).await.expect("the one place");

    let over = enrol_by(conn, &c, kofi, by).await;

    assert_eq!(error_code(over), "course_full");
    assert_eq!(find(conn, &c, kofi).await, None);
}

#[tokio::test]
async fn a_place_freed_in_a_full_course_can_be_taken() {
    let db = database().await;
    let conn = &db.conn;
    let owner = user(conn, "owner").await;
    let capped = SettingsInput {
        enrolment_cap: Some(1),
        ..settings("open")
    };
    let c = course(conn, owner, "self_paced", capped).await;
    let ama = user(conn, "ama").await;
    let kofi = user(conn, "kofi").await;
    let ama_e = enrol(conn, &c, ama, None)
        .await
        .expect("enrolled")
        .enrollment;
    assert_eq!(error_code(enrol(conn, &c, kofi, None).await), "course_full");

    let offered = withdraw(conn, &ama_e, ama).await.expect("withdrawn");
    let kofi_in = enrol(conn, &c, kofi, None).await.expect("the freed place");

    assert_eq!(offered, []);
    assert_eq!(kofi_in.enrollment.status, EnrollmentStatus::Active);
    // The one who left cannot take it back now.
    assert_eq!(error_code(enrol(conn, &c, ama, None).await), "course_full");
}

#[tokio::test]
async fn a_learner_who_withdrew_comes_back_to_the_same_enrolment() {
    let db = database().await;
    let conn = &db.conn;
    let owner = user(conn, "owner").await;
    let ama = user(conn, "ama").await;
    let c = course(conn, owner, "self_paced", settings("open")).await;
    let first = enrol(conn, &c, ama, None)
        .await
        .expect("enrolled")
        .enrollment;

    withdraw(conn, &first, ama).await.expect("withdrawn");
    withdraw(conn, &first, ama)
        .await
        .expect("leaving twice is harmless");
    let left = find(conn, &c, ama).await;
    let back = enrol(conn, &c, ama, None).await.expect("back");

    assert_eq!(left.map(|e| e.status), Some(EnrollmentStatus::Withdrawn));
    assert_eq!(
        (back.new, back.enrollment.id, back.enrollment.status),
        (true, first.id, EnrollmentStatus::Active)
    );
    assert_eq!(
        history(conn, &first).await,
        [
            (EnrollmentStatus::Active, Some(ama), None),
            (EnrollmentStatus::Withdrawn, Some(ama), None),
            (EnrollmentStatus::Active, Some(ama), None),
        ]
    );
}

#[tokio::test]
async fn a_removed_learner_cannot_come_back_by_themselves() {
    let db = database().await;
    let conn = &db.conn;
    let owner = user(conn, "owner").await;
    let coordinator = user(conn, "coordinator").await;
    let ama = user(conn, "ama").await;
    let c = course(conn, owner, "self_paced", settings("open")).await;
    let e = enrol(conn, &c, ama, None)
        .await
        .expect("enrolled")
        .enrollment;

    remove(conn, &e, coordinator, Some("Spam"))
        .await
        .expect("removed");
    let again = enrol(conn, &c, ama, None).await;

    assert_eq!(error_code(again), "enrollment_removed");
    assert_eq!(
        status_of(conn, &c, ama).await,
        Some(EnrollmentStatus::Removed)
    );
    assert_eq!(
        history(conn, &e).await.last(),
        Some(&(
            EnrollmentStatus::Removed,
            Some(coordinator),
            Some("Spam".to_owned())
        ))
    );
}

#[tokio::test]
async fn a_coordinator_can_bring_a_removed_learner_back_and_a_partner_cannot() {
    let db = database().await;
    let conn = &db.conn;
    let owner = user(conn, "owner").await;
    let coordinator = user(conn, "coordinator").await;
    let ama = user(conn, "ama").await;
    let c = course(conn, owner, "self_paced", settings("open")).await;
    let e = enrol(conn, &c, ama, None)
        .await
        .expect("enrolled")
        .enrollment;
    remove(conn, &e, coordinator, None).await.expect("removed");
    // A partner coordinator cannot, however open the course.
    let partner = user(conn, "partner").await;
    assert!(matches!(
        enrol_by(conn, &c, ama, By::Partner { actor: partner }).await,
        Err(EnrolError::Removed)
    ));

    let back = enrol_by(conn, &c, ama, By::Coordinator { actor: coordinator })
        .await
        .expect("brought back");

    assert_eq!(
        (back.new, back.enrollment.id, back.enrollment.status),
        (true, e.id, EnrollmentStatus::Active)
    );
}

#[tokio::test]
async fn a_completed_course_cannot_be_left() {
    let db = database().await;
    let conn = &db.conn;
    let owner = user(conn, "owner").await;
    let ama = user(conn, "ama").await;
    let c = course(conn, owner, "self_paced", settings("open")).await;
    let e = enrol(conn, &c, ama, None)
        .await
        .expect("enrolled")
        .enrollment;

    let completed = kuza_enrollment::complete(conn, &e).await.expect("complete");
    let completed_again = kuza_enrollment::complete(conn, &e).await.expect("complete");
    let left = withdraw(conn, &e, ama).await;

    assert!(completed);
    assert!(!completed_again, "completed once");
    assert_eq!(left.map_err(|e| e.code()), Err("enrollment_completed"));
    let now = find(conn, &c, ama).await.expect("enrolment");
    assert_eq!(now.status, EnrollmentStatus::Completed);
    assert!(now.completed_at.is_some());
    // Enrolling again leaves the completion as it is.
    let again = enrol(conn, &c, ama, None).await.expect("nothing to do");
    assert_eq!(
        (again.new, again.enrollment.status),
        (false, EnrollmentStatus::Completed)
    );
}

#[tokio::test]
async fn only_a_published_self_paced_course_takes_enrolments_directly() {
    let db = database().await;
    let conn = &db.conn;
    let owner = user(conn, "owner").await;
    let ama = user(conn, "ama").await;
    let published = course(conn, owner, "self_paced", settings("open")).await;
    let draft = with_status(conn, &published, CourseStatus::Draft).await;
    let archived = with_status(conn, &published, CourseStatus::Archived).await;
    let in_cohorts = course(conn, owner, "facilitated", settings("open")).await;

    assert_eq!(
        error_code(enrol(conn, &draft, ama, None).await),
        "not_found"
    );
    assert_eq!(
        error_code(enrol(conn, &archived, ama, None).await),
        "course_archived"
    );
    assert_eq!(
        error_code(enrol(conn, &in_cohorts, ama, None).await),
        "enrolment_needs_cohort"
    );
    assert_eq!(kuza_enrollment::of_user(conn, ama).await.expect("read"), []);
}

// Cohorts.

/// A facilitated course with one cohort of `capacity`, and learners
/// enrolled in it one after another.
struct CohortCase {
    db: TestDb,
    course: course::Model,
    cohort: Cohort,
    learners: Vec<i32>,
}

async fn cohort_case(capacity: i32, learners: &[&str]) -> CohortCase {
    let db = database().await;
    let conn = &db.conn;
    let owner = user(conn, "owner").await;
    let c = course(conn, owner, "facilitated", settings("open")).await;
    let k = cohort(conn, &c, cohort_input(Some(capacity))).await;
    let mut ids = vec![];
    for name in learners {
        let id = user(conn, name).await;
        cohorts::enrol(conn, &c, &k, id, learner())
            .await
            .expect("enrolled or waitlisted");
        ids.push(id);
    }
    CohortCase {
        db,
        course: c,
        cohort: k,
        learners: ids,
    }
}

impl CohortCase {
    async fn status(&self, learner: usize) -> Option<EnrollmentStatus> {
        status_of(&self.db.conn, &self.course, self.learners[learner]).await
    }

    async fn enrolment(&self, learner: usize) -> Enrollment {
        find(&self.db.conn, &self.course, self.learners[learner])
            .await
            .expect("enrolment")
    }

    async fn taken(&self) -> u64 {
        cohorts::taken(&self.db.conn, self.cohort.id)
            .await
            .expect("count")
    }

    /// Moves a learner's offer deadline to a second ago.
    async fn expire_offer(&self, learner: usize) {
        let e = self.enrolment(learner).await;
        enrollment::Entity::update_many()
            .col_expr(
                enrollment::Column::OfferExpiresAt,
                Some(kuza_db::now() - 1).into(),
            )
            .filter(enrollment::Column::Id.eq(e.id))
            .exec(&self.db.conn)
            .await
            .expect("deadline moved");
    }
}

#[tokio::test]
async fn a_full_cohort_puts_new_applicants_on_the_waitlist() {
    let case = cohort_case(2, &["ama", "kofi", "wanjiru", "tariq"]).await;

    let mut statuses = vec![];
    for i in 0..4 {
        statuses.push(case.status(i).await);
    }

    use EnrollmentStatus::{Active, Waitlisted};
    assert_eq!(
        statuses,
        [
            Some(Active),
            Some(Active),
            Some(Waitlisted),
            Some(Waitlisted)
        ]
    );
    assert_eq!(case.taken().await, 2);
    let first_waiting = case.enrolment(2).await;
    assert_eq!(first_waiting.cohort_id, Some(case.cohort.id));
    assert!(first_waiting.queued_at.is_some());
    assert_eq!(case.enrolment(0).await.queued_at, None);
}

#[tokio::test]
async fn a_withdrawal_offers_the_place_to_the_first_on_the_waitlist() {
    let case = cohort_case(2, &["ama", "kofi", "wanjiru", "tariq"]).await;
    let conn = &case.db.conn;
    let ama = case.enrolment(0).await;
    let wanjiru = case.enrolment(2).await;

    let before = kuza_db::now();
    let offered = withdraw(conn, &ama, ama.user_id).await.expect("withdrawn");
    let after = kuza_db::now();

    assert_eq!(offered.len(), 1);
    assert_eq!(
        (offered[0].id, offered[0].status),
        (wanjiru.id, EnrollmentStatus::Offered)
    );
    let deadline = offered[0].offer_expires_at.expect("a deadline");
    let hours = i64::from(case.cohort.confirm_hours) * 3600;
    assert!(
        (before + hours..=after + hours).contains(&deadline),
        "{deadline} not {hours}s after {before}"
    );
    assert_eq!(case.enrolment(2).await, offered[0].clone());
    assert_eq!(case.status(0).await, Some(EnrollmentStatus::Withdrawn));
    assert_eq!(case.status(3).await, Some(EnrollmentStatus::Waitlisted));
    assert_eq!(case.taken().await, 2, "an offered place is held");
    assert_eq!(
        history(conn, &wanjiru).await,
        [
            (EnrollmentStatus::Waitlisted, Some(wanjiru.user_id), None),
            (EnrollmentStatus::Offered, None, None),
        ]
    );
}

#[tokio::test]
async fn the_waitlist_is_served_in_the_order_people_joined_it() {
    let case = cohort_case(1, &["ama", "kofi", "wanjiru"]).await;
    let conn = &case.db.conn;
    let kofi = case.enrolment(1).await;
    let wanjiru = case.enrolment(2).await;
    // Kofi left the waitlist and joined it again, after Wanjiru.
    let joined = wanjiru.queued_at.expect("queued");
    enrollment::Entity::update_many()
        .col_expr(enrollment::Column::QueuedAt, Some(joined + 5).into())
        .filter(enrollment::Column::Id.eq(kofi.id))
        .exec(conn)
        .await
        .expect("queued later");
    let ama = case.enrolment(0).await;

    let offered = withdraw(conn, &ama, ama.user_id).await.expect("withdrawn");

    let ids: Vec<i32> = offered.iter().map(|e| e.id).collect();
    assert_eq!(ids, [wanjiru.id]);
    assert_eq!(case.status(1).await, Some(EnrollmentStatus::Waitlisted));
}

#[tokio::test]
async fn confirming_an_offer_makes_the_learner_active() {
    let case = cohort_case(1, &["ama", "kofi"]).await;
    let conn = &case.db.conn;
    let ama = case.enrolment(0).await;
    withdraw(conn, &ama, ama.user_id).await.expect("withdrawn");
    let kofi = case.enrolment(1).await;

    let confirmed = cohorts::confirm(conn, &kofi).await.expect("confirmed");
    let twice = cohorts::confirm(conn, &kofi).await.expect("already active");

    assert_eq!(
        (confirmed.status, confirmed.offer_expires_at),
        (EnrollmentStatus::Active, None)
    );
    assert_eq!(twice, confirmed);
    assert_eq!(
        history(conn, &kofi).await.last(),
        Some(&(EnrollmentStatus::Active, Some(kofi.user_id), None))
    );
    assert_eq!(case.taken().await, 1);
}

#[tokio::test]
async fn a_place_not_offered_cannot_be_confirmed() {
    let case = cohort_case(1, &["ama", "kofi"]).await;
    let kofi = case.enrolment(1).await;

    let confirmed = cohorts::confirm(&case.db.conn, &kofi).await;

    assert_eq!(confirmed.map_err(|e| e.code()), Err("no_offer"));
    assert_eq!(case.status(1).await, Some(EnrollmentStatus::Waitlisted));
}

#[tokio::test]
async fn an_offer_past_its_deadline_can_no_longer_be_confirmed() {
    let case = cohort_case(1, &["ama", "kofi"]).await;
    let conn = &case.db.conn;
    let ama = case.enrolment(0).await;
    withdraw(conn, &ama, ama.user_id).await.expect("withdrawn");
    case.expire_offer(1).await;

    let confirmed = cohorts::confirm(conn, &case.enrolment(1).await).await;

    assert_eq!(confirmed.map_err(|e| e.code()), Err("no_offer"));
    assert_eq!(case.status(1).await, Some(EnrollmentStatus::Offered));
}

#[tokio::test]
async fn an_offer_past_its_deadline_lapses_and_passes_to_the_next() {
    let case = cohort_case(1, &["ama", "kofi", "wanjiru"]).await;
    let conn = &case.db.conn;
    let ama = case.enrolment(0).await;
    withdraw(conn, &ama, ama.user_id).await.expect("withdrawn");
    case.expire_offer(1).await;
    let kofi = case.enrolment(1).await;
    let wanjiru = case.enrolment(2).await;

    let lapsed = cohorts::lapse_offers(conn).await.expect("lapsed");

    let lapsed_ids: Vec<i32> = lapsed.lapsed.iter().map(|e| e.id).collect();
    let offered: Vec<(i32, EnrollmentStatus)> =
        lapsed.offered.iter().map(|e| (e.id, e.status)).collect();
    assert_eq!(lapsed_ids, [kofi.id]);
    assert_eq!(offered, [(wanjiru.id, EnrollmentStatus::Offered)]);
    assert_eq!(case.status(1).await, Some(EnrollmentStatus::Withdrawn));
    assert_eq!(case.enrolment(1).await.offer_expires_at, None);
    assert_eq!(
        history(conn, &kofi).await.last(),
        Some(&(
            EnrollmentStatus::Withdrawn,
            None,
            Some("offer_lapsed".to_owned())
        ))
    );
    assert_eq!(case.status(2).await, Some(EnrollmentStatus::Offered));
    assert_eq!(case.taken().await, 1);
}

#[tokio::test]
async fn an_offer_still_in_time_does_not_lapse() {
    let case = cohort_case(1, &["ama", "kofi", "wanjiru"]).await;
    let conn = &case.db.conn;
    let ama = case.enrolment(0).await;
    withdraw(conn, &ama, ama.user_id).await.expect("withdrawn");

    let lapsed = cohorts::lapse_offers(conn).await.expect("lapsed");

    assert_eq!((lapsed.lapsed.len(), lapsed.offered.len()), (0, 0));
    assert_eq!(case.status(1).await, Some(EnrollmentStatus::Offered));
    assert_eq!(case.status(2).await, Some(EnrollmentStatus::Waitlisted));
}

#[tokio::test]
async fn leaving_the_waitlist_frees_no_place() {
    let case = cohort_case(1, &["ama", "kofi", "wanjiru"]).await;
    let conn = &case.db.conn;
    let kofi = case.enrolment(1).await;

    let offered = withdraw(conn, &kofi, kofi.user_id)
        .await
        .expect("withdrawn");

    assert_eq!(offered, []);
    assert_eq!(case.status(0).await, Some(EnrollmentStatus::Active));
    assert_eq!(case.status(1).await, Some(EnrollmentStatus::Withdrawn));
    assert_eq!(case.status(2).await, Some(EnrollmentStatus::Waitlisted));
}

#[tokio::test]
async fn a_coordinator_also_respects_a_cohort_capacity() {
    let case = cohort_case(1, &["ama"]).await;
    let conn = &case.db.conn;
    let coordinator = user(conn, "coordinator").await;
    let kofi = user(conn, "kofi").await;

    let done = cohorts::enrol(
        conn,
        &case.course,
        &case.cohort,
        kofi,
        By::Coordinator { actor: coordinator },
    )
    .await
    .expect("waitlisted");

    assert_eq!(done.enrollment.status, EnrollmentStatus::Waitlisted);
    assert_eq!(case.taken().await, 1);
}

#[tokio::test]
async fn a_learner_in_one_cohort_stays_there_when_enrolling_in_another() {
    let case = cohort_case(5, &["ama"]).await;
    let conn = &case.db.conn;
    let other = cohort(conn, &case.course, cohort_input(None)).await;

    let again = cohorts::enrol(conn, &case.course, &other, case.learners[0], learner())
        .await
        .expect("nothing to do");

    assert!(!again.new);
    assert_eq!(again.enrollment.cohort_id, Some(case.cohort.id));
}

#[tokio::test]
async fn a_learner_enrols_only_inside_the_cohort_window_but_a_coordinator_any_time_before_its_end()
{
    let db = database().await;
    let conn = &db.conn;
    let owner = user(conn, "owner").await;
    let coordinator = user(conn, "coordinator").await;
    let ama = user(conn, "ama").await;
    let kofi = user(conn, "kofi").await;
    let c = course(conn, owner, "facilitated", settings("open")).await;
    let t = kuza_db::now();
    let not_yet = cohort(
        conn,
        &c,
        CohortInput {
            opens_at: Some(t + DAY),
            ..cohort_input(None)
        },
    )
    .await;
    let over = cohort(
        conn,
        &c,
        CohortInput {
            starts_at: t - 10 * DAY,
            ends_at: t - DAY,
            ..cohort_input(None)
        },
    )
    .await;
    let by = By::Coordinator { actor: coordinator };

    let learner_early = cohorts::enrol(conn, &c, &not_yet, ama, learner()).await;
    let learner_late = cohorts::enrol(conn, &c, &over, ama, learner()).await;
    let coordinator_late = cohorts::enrol(conn, &c, &over, kofi, by).await;
    let coordinator_early = cohorts::enrol(conn, &c, &not_yet, kofi, by)
        .await
        .expect("enrolled before the window opens");

    assert_eq!(error_code(learner_early), "cohort_closed");
    assert_eq!(error_code(learner_late), "cohort_closed");
    assert_eq!(error_code(coordinator_late), "cohort_closed");
    assert_eq!(
        coordinator_early.enrollment.status,
        EnrollmentStatus::Active
    );
    assert_eq!(find(conn, &c, ama).await, None);
}

#[tokio::test]
async fn a_closed_course_takes_no_learner_into_its_cohorts() {
    let db = database().await;
    let conn = &db.conn;
    let owner = user(conn, "owner").await;
    let ama = user(conn, "ama").await;
    let c = course(conn, owner, "blended", settings("closed")).await;
    let k = cohort(conn, &c, cohort_input(None)).await;

    let refused = cohorts::enrol(conn, &c, &k, ama, learner()).await;

    assert_eq!(error_code(refused), "enrolment_closed");
}

#[tokio::test]
async fn an_accepted_application_to_a_full_cohort_goes_to_the_waitlist() {
    let db = database().await;
    let conn = &db.conn;
    let owner = user(conn, "owner").await;
    let coordinator = user(conn, "coordinator").await;
    let ama = user(conn, "ama").await;
    let kofi = user(conn, "kofi").await;
    let c = course(conn, owner, "facilitated", application(&["Why?"])).await;
    let k = cohort(conn, &c, cohort_input(Some(1))).await;
    let answers = vec!["To teach".to_owned()];
    let ama_e = cohorts::enrol(conn, &c, &k, ama, answering(&answers))
        .await
        .expect("applied")
        .enrollment;
    let kofi_e = cohorts::enrol(conn, &c, &k, kofi, answering(&answers))
        .await
        .expect("applied")
        .enrollment;

    let ama_in = accept(conn, &ama_e, &c, coordinator, None)
        .await
        .expect("accepted");
    let kofi_in = accept(conn, &kofi_e, &c, coordinator, None)
        .await
        .expect("accepted");

    assert_eq!(
        (ama_e.status, kofi_e.status),
        (EnrollmentStatus::Applied, EnrollmentStatus::Applied)
    );
    assert_eq!(ama_in.status, EnrollmentStatus::Active);
    assert_eq!(kofi_in.status, EnrollmentStatus::Waitlisted);
    assert!(kofi_in.queued_at.is_some());
}

#[tokio::test]
async fn a_cohort_of_a_course_with_a_key_asks_learners_for_the_key() {
    let db = database().await;
    let conn = &db.conn;
    let owner = user(conn, "owner").await;
    let ama = user(conn, "ama").await;
    let kofi = user(conn, "kofi").await;
    let key = SettingsInput {
        enrolment_key: Some("river-42".into()),
        ..settings("key")
    };
    let c = course(conn, owner, "facilitated", key).await;
    let k = cohort(conn, &c, cohort_input(None)).await;
    let wrong = By::Learner {
        key: Some("guess"),
        answers: None,
    };

    let without_key = cohorts::enrol(conn, &c, &k, ama, learner()).await;
    let wrong_key = cohorts::enrol(conn, &c, &k, kofi, wrong).await;

    assert_eq!(error_code(without_key), "enrolment_key_required");
    assert_eq!(error_code(wrong_key), "enrolment_key_wrong");
    assert_eq!(find(conn, &c, ama).await, None);
}
