//! Completing lessons, quizzes and courses against a real database: a temp
//! SQLite file, or a fresh PostgreSQL database when
//! `KUZA_TEST_DATABASE_URL` names a server (e.g.
//! `postgres://postgres@127.0.0.1:5432`).

use kuza_courses::Document;
use kuza_courses::content::{Answer, Content, Question, Quiz};
use kuza_courses::draft::{self, CourseInput};
use kuza_courses::versions::{DocLesson, DocModule};
use kuza_db::entities::{course, job, quiz_attempt, user};
use kuza_db::values::{
    AttendanceStatus, CourseStatus, EnrollmentStatus, Format, LessonKind, Level,
};
use kuza_enrollment::cohorts::{self, CohortInput};
use kuza_enrollment::sessions::{self, Rate, Session, SessionInput};
use kuza_enrollment::{By, Enrollment, SettingsInput};
use kuza_migration::MigratorTrait;
use kuza_progress::quiz::{self, Given, Outcome};
use kuza_progress::{
    COURSE_COMPLETED, Completer, Progress, ProgressError, Step, complete_lesson, completed,
    record_attendance,
};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter,
};
use std::collections::{BTreeMap, BTreeSet};

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

/// A published, open course of `format` with an attendance rule if given.
async fn course(
    conn: &DatabaseConnection,
    format: &str,
    attendance_percent: Option<i32>,
) -> course::Model {
    let owner = user(conn, "owner").await;
    let c = draft::create(
        conn,
        owner,
        &CourseInput {
            slug: "water-basics".into(),
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
    let s = SettingsInput {
        enrolment: "open".into(),
        grade_policy: "best".into(),
        attendance_percent,
        ..SettingsInput::default()
    }
    .parse()
    .expect("valid settings");
    kuza_enrollment::save_settings(conn, c.id, &s)
        .await
        .expect("settings saved");
    course::Entity::update_many()
        .col_expr(course::Column::Status, CourseStatus::Published.into())
        .filter(course::Column::Id.eq(c.id))
        .exec(conn)
        .await
        .expect("published");
    course::Entity::find_by_id(c.id)
        .one(conn)
        .await
        .expect("read")
        .expect("the course")
}

/// A self-paced course with one learner enrolled in it.
async fn enrolled(conn: &DatabaseConnection) -> (course::Model, Enrollment) {
    let c = course(conn, "self_paced", None).await;
    let ama = user(conn, "ama").await;
    let e = kuza_enrollment::enrol(conn, &c, ama, None)
        .await
        .expect("enrolled")
        .enrollment;
    (c, e)
}

fn en(s: &str) -> BTreeMap<String, String> {
    BTreeMap::from([("en".to_owned(), s.to_owned())])
}

fn lesson(key: &str, kind: LessonKind, required: bool) -> DocLesson {
    DocLesson {
        key: key.to_owned(),
        kind,
        required,
        title: en(key),
        body: BTreeMap::new(),
        html: BTreeMap::new(),
        content: Content::default(),
        transcript_html: BTreeMap::new(),
    }
}

fn quiz_lesson(key: &str, quiz: Quiz) -> DocLesson {
    DocLesson {
        content: Content {
            quiz: Some(quiz),
            ..Content::default()
        },
        ..lesson(key, LessonKind::Quiz, false)
    }
}

fn document(lessons: Vec<DocLesson>) -> Document {
    Document {
        slug: "water-basics".into(),
        format: Format::SelfPaced,
        level: Level::Introductory,
        estimated_minutes: 60,
        default_language: "en".into(),
        languages: vec!["en".into()],
        themes: vec![],
        title: en("Water"),
        summary: BTreeMap::new(),
        cover: None,
        modules: vec![DocModule {
            key: "m1".into(),
            title: en("Module"),
            lessons,
        }],
        media: BTreeMap::new(),
    }
}

/// Text, video and download: all marked complete by the learner.
fn three_lessons() -> Document {
    document(vec![
        lesson("read", LessonKind::Text, false),
        lesson("watch", LessonKind::Video, false),
        lesson("download", LessonKind::File, false),
    ])
}

async fn jobs_written(conn: &DatabaseConnection) -> u64 {
    job::Entity::find()
        .filter(job::Column::Kind.eq(COURSE_COMPLETED))
        .count(conn)
        .await
        .expect("count")
}

async fn status(conn: &DatabaseConnection, e: &Enrollment) -> EnrollmentStatus {
    kuza_enrollment::by_id(conn, e.id)
        .await
        .expect("read")
        .expect("the enrolment")
        .status
}

async fn complete(
    conn: &DatabaseConnection,
    e: &Enrollment,
    doc: &Document,
    key: &str,
) -> Result<(Step, Progress), ProgressError> {
    complete_lesson(
        conn,
        e.course_id,
        e.user_id,
        doc,
        1,
        key,
        Completer::Learner,
    )
    .await
}

/// What a step changed, without whose enrolment it was.
fn step(newly: bool, course_completed: bool) -> (bool, bool) {
    (newly, course_completed)
}

fn changed(s: &Step) -> (bool, bool) {
    (s.newly, s.course_completed)
}

fn keys(k: &[&str]) -> BTreeSet<String> {
    k.iter().map(|s| (*s).to_owned()).collect()
}

#[tokio::test]
async fn completing_every_lesson_completes_the_enrolment_and_writes_one_job() {
    let db = database().await;
    let conn = &db.conn;
    let (_, e) = enrolled(conn).await;
    let doc = three_lessons();

    let (first, after_first) = complete(conn, &e, &doc, "read").await.expect("done");
    let (second, _) = complete(conn, &e, &doc, "watch").await.expect("done");
    let status_before_last = status(conn, &e).await;
    let (last, after_last) = complete(conn, &e, &doc, "download").await.expect("done");

    assert_eq!(changed(&first), step(true, false));
    assert_eq!(
        (after_first.done, after_first.total, after_first.percent),
        (1, 3, 33)
    );
    assert_eq!(changed(&second), step(true, false));
    assert_eq!(status_before_last, EnrollmentStatus::Active);
    assert_eq!(changed(&last), step(true, true));
    assert_eq!((after_last.done, after_last.percent), (3, 100));
    let now = kuza_enrollment::by_id(conn, e.id)
        .await
        .expect("read")
        .expect("the enrolment");
    assert_eq!(now.status, EnrollmentStatus::Completed);
    assert!(now.completed_at.is_some());
    let jobs = job::Entity::find()
        .filter(job::Column::Kind.eq(COURSE_COMPLETED))
        .all(conn)
        .await
        .expect("jobs");
    assert_eq!(jobs.len(), 1);
    let expected_key = format!("course_completed:{}", e.id);
    assert_eq!(jobs[0].dedupe_key.as_deref(), Some(expected_key.as_str()));
    let payload: serde_json::Value = serde_json::from_str(&jobs[0].payload).expect("json");
    assert_eq!(payload["enrollment_id"], e.id);
    assert_eq!(payload["course_id"], e.course_id);
    assert_eq!(payload["user_id"], e.user_id);
    assert_eq!(payload["version"], 1);
}

#[tokio::test]
async fn completing_a_lesson_again_changes_nothing() {
    let db = database().await;
    let conn = &db.conn;
    let (_, e) = enrolled(conn).await;
    let doc = three_lessons();
    complete(conn, &e, &doc, "read").await.expect("done");

    let (again, progress) = complete(conn, &e, &doc, "read").await.expect("done");

    assert_eq!(changed(&again), step(false, false));
    assert_eq!((progress.done, progress.total), (1, 3));
    assert_eq!(completed(conn, e.id).await.expect("read"), keys(&["read"]));
}

#[tokio::test]
async fn a_completed_course_is_not_completed_a_second_time() {
    let db = database().await;
    let conn = &db.conn;
    let (_, e) = enrolled(conn).await;
    let doc = three_lessons();
    for key in ["read", "watch", "download"] {
        complete(conn, &e, &doc, key).await.expect("done");
    }
    let mut republished = three_lessons();
    republished.modules[0]
        .lessons
        .push(lesson("new-reading", LessonKind::Text, false));
    let locked = kuza_progress::lock(conn, e.id)
        .await
        .expect("read")
        .expect("the enrolment");

    let (repeat, _) = complete(conn, &e, &doc, "read").await.expect("done");
    let (added, progress) = complete_lesson(
        conn,
        e.course_id,
        e.user_id,
        &republished,
        2,
        "new-reading",
        Completer::Learner,
    )
    .await
    .expect("done");
    let evaluated = kuza_progress::evaluate(conn, &locked, &republished, 2)
        .await
        .expect("evaluated");

    assert_eq!(changed(&repeat), step(false, false));
    assert_eq!(changed(&added), step(true, false));
    assert!(progress.finished());
    assert!(!evaluated);
    assert_eq!(status(conn, &e).await, EnrollmentStatus::Completed);
    assert_eq!(jobs_written(conn).await, 1);
}

#[tokio::test]
async fn only_required_lessons_hold_completion_back() {
    let db = database().await;
    let conn = &db.conn;
    let (_, e) = enrolled(conn).await;
    let doc = document(vec![
        lesson("optional", LessonKind::Text, false),
        lesson("required", LessonKind::Text, true),
        lesson("optional-video", LessonKind::Video, false),
    ]);

    let (optional, _) = complete(conn, &e, &doc, "optional").await.expect("done");
    let (required, progress) = complete(conn, &e, &doc, "required").await.expect("done");

    assert_eq!(changed(&optional), step(true, false));
    assert_eq!(changed(&required), step(true, true));
    assert_eq!(progress.next.as_deref(), Some("optional-video"));
    assert_eq!(status(conn, &e).await, EnrollmentStatus::Completed);
    assert_eq!(jobs_written(conn).await, 1);
}

fn one_question_quiz() -> Quiz {
    Quiz {
        pass_mark: 50,
        attempts: Some(2),
        time_limit_minutes: None,
        shuffle: false,
        questions: vec![Question {
            key: "q1".into(),
            points: 2,
            prompt: en("Is water wet?"),
            feedback: BTreeMap::new(),
            answer: Answer::TrueFalse { answer: true },
        }],
    }
}

#[tokio::test]
async fn a_quiz_or_live_lesson_cannot_be_marked_complete() {
    let db = database().await;
    let conn = &db.conn;
    let (_, e) = enrolled(conn).await;
    let doc = document(vec![
        quiz_lesson("quiz", one_question_quiz()),
        lesson("live", LessonKind::Live, false),
    ]);

    let quiz = complete(conn, &e, &doc, "quiz").await;
    let live = complete(conn, &e, &doc, "live").await;

    assert_eq!(quiz.map_err(|e| e.code()), Err("lesson_is_quiz"));
    assert_eq!(live.map_err(|e| e.code()), Err("lesson_is_live"));
    assert_eq!(completed(conn, e.id).await.expect("read"), keys(&[]));
    assert_eq!(status(conn, &e).await, EnrollmentStatus::Active);
}

#[tokio::test]
async fn a_lesson_not_in_the_course_is_refused() {
    let db = database().await;
    let conn = &db.conn;
    let (_, e) = enrolled(conn).await;

    let unknown = complete(conn, &e, &three_lessons(), "elsewhere").await;

    assert_eq!(unknown.map_err(|e| e.code()), Err("not_found"));
    assert_eq!(completed(conn, e.id).await.expect("read"), keys(&[]));
}

#[tokio::test]
async fn only_a_learner_who_studies_the_course_completes_its_lessons() {
    let db = database().await;
    let conn = &db.conn;
    let (c, e) = enrolled(conn).await;
    let stranger = user(conn, "stranger").await;
    let doc = three_lessons();
    kuza_enrollment::withdraw(conn, &e, e.user_id)
        .await
        .expect("withdrawn");

    let not_enrolled =
        complete_lesson(conn, c.id, stranger, &doc, 1, "read", Completer::Learner).await;
    let withdrawn = complete(conn, &e, &doc, "read").await;

    assert_eq!(not_enrolled.map_err(|e| e.code()), Err("not_enrolled"));
    assert_eq!(withdrawn.map_err(|e| e.code()), Err("not_enrolled"));
    assert_eq!(completed(conn, e.id).await.expect("read"), keys(&[]));
}

/// A facilitated course with an attendance rule, one cohort with two
/// sessions (the first standing for the live lesson), and one learner
/// active in it.
struct CohortCase {
    enrollment: Enrollment,
    sessions: Vec<Session>,
    facilitator: i32,
}

async fn cohort_with_sessions(conn: &DatabaseConnection, attendance_percent: i32) -> CohortCase {
    let c = course(conn, "facilitated", Some(attendance_percent)).await;
    let facilitator = user(conn, "facilitator").await;
    let t = kuza_db::now();
    let k = cohorts::create(
        conn,
        c.id,
        &CohortInput {
            name: "March".into(),
            language: "en".into(),
            starts_at: t + 86_400,
            ends_at: t + 30 * 86_400,
            opens_at: None,
            closes_at: None,
            capacity: None,
            confirm_hours: 48,
            facilitators: vec![facilitator],
        },
    )
    .await
    .expect("cohort");
    let mut list = vec![];
    for (i, lesson_key) in [Some("live"), None].into_iter().enumerate() {
        let input = SessionInput {
            title: format!("Session {}", i + 1),
            starts_at: t + (i as i64 + 2) * 86_400,
            ends_at: t + (i as i64 + 2) * 86_400 + 3_600,
            time_zone: "Africa/Nairobi".into(),
            venue: Some("Room 4".into()),
            meeting_url: None,
            lesson_key: lesson_key.map(str::to_owned),
        };
        assert_eq!(input.problems(&["live".to_owned()]), []);
        list.push(sessions::create(conn, k.id, &input).await.expect("session"));
    }
    let ama = user(conn, "ama").await;
    let by = By::Learner {
        key: None,
        answers: None,
    };
    let e = cohorts::enrol(conn, &c, &k, ama, by)
        .await
        .expect("enrolled")
        .enrollment;
    assert_eq!(e.status, EnrollmentStatus::Active);
    CohortCase {
        enrollment: e,
        sessions: list,
        facilitator,
    }
}

fn live_course() -> Document {
    document(vec![
        lesson("read", LessonKind::Text, false),
        lesson("live", LessonKind::Live, false),
    ])
}

async fn attend(
    conn: &DatabaseConnection,
    k: &CohortCase,
    session: usize,
    status: AttendanceStatus,
    doc: &Document,
) -> Step {
    record_attendance(
        conn,
        &k.sessions[session],
        k.enrollment.id,
        status,
        k.facilitator,
        doc,
        1,
    )
    .await
    .expect("attendance recorded")
}

#[tokio::test]
async fn attending_a_session_completes_the_live_lesson_it_stands_for() {
    let db = database().await;
    let conn = &db.conn;
    let k = cohort_with_sessions(conn, 50).await;
    let doc = live_course();

    let absent = attend(conn, &k, 0, AttendanceStatus::Absent, &doc).await;
    let present = attend(conn, &k, 0, AttendanceStatus::Present, &doc).await;
    let again = attend(conn, &k, 0, AttendanceStatus::Present, &doc).await;

    assert_eq!(changed(&absent), step(false, false));
    assert_eq!(changed(&present), step(true, false));
    assert_eq!(changed(&again), step(false, false));
    assert_eq!(
        completed(conn, k.enrollment.id).await.expect("read"),
        keys(&["live"])
    );
}

#[tokio::test]
async fn the_attendance_rule_holds_completion_back_until_it_is_met() {
    let db = database().await;
    let conn = &db.conn;
    // Both sessions must be attended.
    let k = cohort_with_sessions(conn, 100).await;
    let doc = live_course();
    attend(conn, &k, 0, AttendanceStatus::Present, &doc).await;

    let (lessons_done, progress) = complete(conn, &k.enrollment, &doc, "read")
        .await
        .expect("done");
    let held_back = status(conn, &k.enrollment).await;
    let absent = attend(conn, &k, 1, AttendanceStatus::Absent, &doc).await;
    let present = attend(conn, &k, 1, AttendanceStatus::Present, &doc).await;

    assert!(progress.finished());
    assert_eq!(changed(&lessons_done), step(true, false));
    assert_eq!(held_back, EnrollmentStatus::Active);
    assert_eq!(changed(&absent), step(false, false));
    assert_eq!(changed(&present), step(false, true));
    assert_eq!(
        status(conn, &k.enrollment).await,
        EnrollmentStatus::Completed
    );
    assert_eq!(jobs_written(conn).await, 1);
}

#[tokio::test]
async fn sessions_a_learner_was_excused_from_are_left_out_of_the_attendance_rule() {
    let db = database().await;
    let conn = &db.conn;
    let k = cohort_with_sessions(conn, 100).await;
    let doc = document(vec![lesson("read", LessonKind::Text, false)]);
    complete(conn, &k.enrollment, &doc, "read")
        .await
        .expect("done");

    let present = attend(conn, &k, 0, AttendanceStatus::Present, &doc).await;
    let rate_before = sessions::rate(conn, &k.enrollment).await.expect("rate");
    let excused = attend(conn, &k, 1, AttendanceStatus::Excused, &doc).await;
    let rate_after = sessions::rate(conn, &k.enrollment).await.expect("rate");

    assert_eq!(changed(&present), step(false, false));
    assert_eq!(
        rate_before,
        Rate {
            present: 1,
            counted: 2
        }
    );
    assert_eq!(changed(&excused), step(false, true));
    assert_eq!(
        rate_after,
        Rate {
            present: 1,
            counted: 1
        }
    );
    assert_eq!(
        status(conn, &k.enrollment).await,
        EnrollmentStatus::Completed
    );
}

#[tokio::test]
async fn a_cohort_without_an_attendance_rule_completes_on_lessons_alone() {
    let db = database().await;
    let conn = &db.conn;
    let c = course(conn, "facilitated", None).await;
    let ama = user(conn, "ama").await;
    let t = kuza_db::now();
    let k = cohorts::create(
        conn,
        c.id,
        &CohortInput {
            name: "March".into(),
            language: "en".into(),
            starts_at: t + 86_400,
            ends_at: t + 30 * 86_400,
            opens_at: None,
            closes_at: None,
            capacity: None,
            confirm_hours: 48,
            facilitators: vec![],
        },
    )
    .await
    .expect("cohort");
    sessions::create(
        conn,
        k.id,
        &SessionInput {
            title: "Never attended".into(),
            starts_at: t + 2 * 86_400,
            ends_at: t + 2 * 86_400 + 3_600,
            time_zone: "Africa/Nairobi".into(),
            venue: Some("Room 4".into()),
            meeting_url: None,
            lesson_key: None,
        },
    )
    .await
    .expect("session");
    let by = By::Learner {
        key: None,
        answers: None,
    };
    let e = cohorts::enrol(conn, &c, &k, ama, by)
        .await
        .expect("enrolled")
        .enrollment;
    let doc = document(vec![lesson("read", LessonKind::Text, false)]);

    let (done, _) = complete(conn, &e, &doc, "read").await.expect("done");

    assert_eq!(changed(&done), step(true, true));
}

fn answer(value: &str) -> Given {
    BTreeMap::from([("q1".to_owned(), vec![value.to_owned()])])
}

fn quiz_course() -> Document {
    document(vec![
        lesson("read", LessonKind::Text, false),
        quiz_lesson("quiz", one_question_quiz()),
    ])
}

#[tokio::test]
async fn passing_a_quiz_completes_its_lesson_and_perhaps_the_course() {
    let db = database().await;
    let conn = &db.conn;
    let (c, e) = enrolled(conn).await;
    let doc = quiz_course();
    complete(conn, &e, &doc, "read").await.expect("done");
    let (failing, _) = quiz::start(conn, c.id, e.user_id, &doc, "quiz")
        .await
        .expect("started");

    let failed = quiz::submit(conn, c.id, e.user_id, &doc, 1, failing.id, &answer("false"))
        .await
        .expect("submitted");
    let after_failing = completed(conn, e.id).await.expect("read");
    let (passing, resumed) = quiz::start(conn, c.id, e.user_id, &doc, "quiz")
        .await
        .expect("started");
    let passed = quiz::submit(conn, c.id, e.user_id, &doc, 1, passing.id, &answer("true"))
        .await
        .expect("submitted");

    assert_eq!(
        (
            failed.attempt.points,
            failed.attempt.passed,
            changed(&failed.step)
        ),
        (Some(0), Some(false), step(false, false))
    );
    assert_eq!(after_failing, keys(&["read"]));
    assert!(!resumed);
    assert_eq!(passing.number, 2);
    assert_eq!(
        (passed.first, passed.attempt.points, passed.attempt.passed),
        (true, Some(2), Some(true))
    );
    assert_eq!(changed(&passed.step), step(true, true));
    assert_eq!(
        completed(conn, e.id).await.expect("read"),
        keys(&["quiz", "read"])
    );
    assert_eq!(jobs_written(conn).await, 1);
}

#[tokio::test]
async fn a_submitted_attempt_counts_once() {
    let db = database().await;
    let conn = &db.conn;
    let (c, e) = enrolled(conn).await;
    let doc = quiz_course();
    let (a, _) = quiz::start(conn, c.id, e.user_id, &doc, "quiz")
        .await
        .expect("started");
    let first = quiz::submit(conn, c.id, e.user_id, &doc, 1, a.id, &answer("false"))
        .await
        .expect("submitted");

    let second = quiz::submit(conn, c.id, e.user_id, &doc, 1, a.id, &answer("true"))
        .await
        .expect("the first result again");

    assert!(first.first);
    assert!(!second.first);
    assert_eq!(
        (
            second.attempt.points,
            second.attempt.passed,
            changed(&second.step)
        ),
        (Some(0), Some(false), step(false, false))
    );
    assert_eq!(quiz::stored(&second.attempt).0, answer("false"));
}

#[tokio::test]
async fn answers_that_do_not_fit_the_quiz_are_refused_and_nothing_is_stored() {
    let db = database().await;
    let conn = &db.conn;
    let (c, e) = enrolled(conn).await;
    let doc = quiz_course();
    let (a, _) = quiz::start(conn, c.id, e.user_id, &doc, "quiz")
        .await
        .expect("started");
    let mut smuggled = answer("true");
    smuggled.insert("q9".into(), vec!["x".into()]);

    let refused = quiz::submit(conn, c.id, e.user_id, &doc, 1, a.id, &smuggled).await;

    match refused {
        Err(ProgressError::Quiz(quiz::QuizError::BadAnswers(problems))) => {
            assert_eq!(problems, [("q9".to_owned(), "unknown_question")]);
        }
        other => panic!("expected bad answers, got {other:?}"),
    }
    let stored = quiz::attempt(conn, a.id)
        .await
        .expect("read")
        .expect("attempt");
    assert_eq!(
        (stored.submitted_at, stored.answers, stored.points),
        (None, None, None)
    );
    assert_eq!(completed(conn, e.id).await.expect("read"), keys(&[]));
}

#[tokio::test]
async fn an_open_attempt_is_resumed_and_the_limit_counts_every_attempt_started() {
    let db = database().await;
    let conn = &db.conn;
    let (c, e) = enrolled(conn).await;
    let doc = quiz_course();
    let start = || quiz::start(conn, c.id, e.user_id, &doc, "quiz");
    let (first, first_resumed) = start().await.expect("started");

    let (same, resumed) = start().await.expect("resumed");
    quiz::submit(conn, c.id, e.user_id, &doc, 1, first.id, &answer("false"))
        .await
        .expect("submitted");
    let (second, _) = start().await.expect("second attempt");
    quiz::submit(conn, c.id, e.user_id, &doc, 1, second.id, &answer("false"))
        .await
        .expect("submitted");
    let third = start().await;

    assert!(!first_resumed);
    assert!(resumed);
    assert_eq!(same.id, first.id);
    assert_eq!(second.number, 2);
    assert_eq!(
        third.map(|(a, _)| a.number).map_err(|e| e.code()),
        Err("attempts_exhausted")
    );
    assert_eq!(
        quiz::attempts(conn, e.id, "quiz")
            .await
            .expect("read")
            .len(),
        2
    );
}

#[tokio::test]
async fn a_text_lesson_has_no_attempts() {
    let db = database().await;
    let conn = &db.conn;
    let (c, e) = enrolled(conn).await;

    let started = quiz::start(conn, c.id, e.user_id, &quiz_course(), "read").await;

    assert_eq!(
        started.map(|(a, _)| a.id).map_err(|e| e.code()),
        Err("lesson_not_a_quiz")
    );
}

fn manual_quiz() -> Document {
    let mut q = one_question_quiz();
    q.questions.push(Question {
        key: "q2".into(),
        points: 2,
        prompt: en("Name a river."),
        feedback: BTreeMap::new(),
        answer: Answer::ShortText {
            accepted: vec!["nile".into()],
            manual: true,
        },
    });
    // Passing needs the short text: 3 of 4 points.
    q.pass_mark = 75;
    document(vec![quiz_lesson("quiz", q)])
}

#[tokio::test]
async fn an_answer_waiting_for_a_person_completes_the_quiz_once_judged_right() {
    let db = database().await;
    let conn = &db.conn;
    let (c, e) = enrolled(conn).await;
    let doc = manual_quiz();
    let facilitator = user(conn, "facilitator").await;
    let (a, _) = quiz::start(conn, c.id, e.user_id, &doc, "quiz")
        .await
        .expect("started");
    let mut given = answer("true");
    given.insert("q2".into(), vec!["Tana".into()]);

    let submitted = quiz::submit(conn, c.id, e.user_id, &doc, 1, a.id, &given)
        .await
        .expect("submitted");
    let waiting = quiz::pending_of(conn, &[e.id]).await.expect("read");
    let graded = quiz::grade_pending(
        conn,
        a.id,
        &BTreeMap::from([("q2".to_owned(), true)]),
        facilitator,
        &doc,
        1,
    )
    .await
    .expect("graded")
    .expect("first grading");
    let graded_again = quiz::grade_pending(
        conn,
        a.id,
        &BTreeMap::from([("q2".to_owned(), false)]),
        facilitator,
        &doc,
        1,
    )
    .await
    .expect("nothing to do");

    assert_eq!(
        (
            submitted.attempt.points,
            submitted.attempt.passed,
            submitted.attempt.needs_grading
        ),
        (None, None, true)
    );
    assert_eq!(changed(&submitted.step), step(false, false));
    assert_eq!(waiting.iter().map(|w| w.id).collect::<Vec<_>>(), [a.id]);
    let (attempt, graded_step) = graded;
    assert_eq!(
        (
            attempt.points,
            attempt.passed,
            attempt.needs_grading,
            attempt.graded_by
        ),
        (Some(4), Some(true), false, Some(facilitator))
    );
    let outcomes: Vec<Outcome> = quiz::stored(&attempt).1.iter().map(|r| r.outcome).collect();
    assert_eq!(outcomes, [Outcome::Correct, Outcome::Correct]);
    assert_eq!(changed(&graded_step), step(true, true));
    assert!(graded_again.is_none());
    assert_eq!(status(conn, &e).await, EnrollmentStatus::Completed);
    assert_eq!(jobs_written(conn).await, 1);
}

#[tokio::test]
async fn a_person_must_judge_every_waiting_answer_and_only_those() {
    let db = database().await;
    let conn = &db.conn;
    let (c, e) = enrolled(conn).await;
    let doc = manual_quiz();
    let (a, _) = quiz::start(conn, c.id, e.user_id, &doc, "quiz")
        .await
        .expect("started");
    let mut given = answer("true");
    given.insert("q2".into(), vec!["Tana".into()]);
    quiz::submit(conn, c.id, e.user_id, &doc, 1, a.id, &given)
        .await
        .expect("submitted");

    let wrong_question = quiz::grade_pending(
        conn,
        a.id,
        &BTreeMap::from([("q1".to_owned(), true)]),
        e.user_id,
        &doc,
        1,
    )
    .await;

    match wrong_question {
        Err(ProgressError::Quiz(quiz::QuizError::BadAnswers(problems))) => assert_eq!(
            problems,
            [
                ("q1".to_owned(), "not_pending"),
                ("q2".to_owned(), "required")
            ]
        ),
        other => panic!("expected bad decisions, got {other:?}"),
    }
    let stored = quiz_attempt::Entity::find_by_id(a.id)
        .one(conn)
        .await
        .expect("read")
        .expect("attempt");
    assert!(stored.needs_grading);
    assert_eq!(stored.points, None);
}
