//! The named schemas of the request bodies' checked values, built from the
//! limits and enums the domain crates check them with (the course and quiz
//! ones are in `kuza_courses::schema`). A request type names them with
//! `#[schema(value_type = …)]`, so the document states what the server
//! enforces.

use kuza_accounts::values as accounts;
use kuza_courses::named_schema;
use kuza_courses::schema::{codes, date_time, integer, list_of, one_of, text, translations};
use kuza_db::values::{
    AttendanceStatus, EnrolmentMode, Format, GradePolicy, LessonKind, Level, Role,
};
use kuza_enrollment::{cohorts, sessions};
use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, SchemaFormat, Type};

fn range(r: &std::ops::RangeInclusive<i32>) -> std::ops::RangeInclusive<i64> {
    i64::from(*r.start())..=i64::from(*r.end())
}

named_schema!(
    Email = ObjectBuilder::new()
        .schema_type(Type::String)
        .format(Some(SchemaFormat::Custom("email".into())))
        .max_length(Some(accounts::EMAIL_MAX))
        .description(Some("An email address (compared without case)."))
        .build()
);
named_schema!(
    NewPassword = text(
        accounts::PASSWORD_MIN..=accounts::PASSWORD_MAX,
        "Not a common or easily guessed password (nor one made of the person's name or email)."
    )
);
named_schema!(DisplayName = text(1..=accounts::DISPLAY_NAME_MAX, "No control characters."));
named_schema!(
    CountryCode = one_of(
        kuza_i18n::countries::all(kuza_i18n::Language::En)
            .iter()
            .map(|(code, _)| *code)
            .collect::<std::collections::BTreeSet<_>>(),
        "The ISO 3166-1 alpha-2 code of a country or area of the UN M49 standard."
    )
);
named_schema!(
    Gender = one_of(
        accounts::GENDERS,
        "Self-described, asked only for disaggregated reports."
    )
);
named_schema!(
    BirthYear = ObjectBuilder::new()
        .schema_type(Type::Integer)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int32)))
        .minimum(Some(accounts::BIRTH_YEAR_MIN))
        .description(Some("At the latest ten years ago."))
        .build()
);
named_schema!(
    OrganisationKind = one_of(accounts::ORGANISATION_KINDS, "What kind of organisation.")
);
named_schema!(
    OrganisationName = text(
        1..=accounts::ORGANISATION_NAME_MAX,
        "No control characters."
    )
);
named_schema!(RoleCode = codes::<Role>("A role besides learning, which everyone does."));
named_schema!(
    FormatCode = codes::<Format>(
        "How the course runs: alone, in facilitated cohorts, face to face, or both."
    )
);
named_schema!(LevelCode = codes::<Level>("The course's level."));
named_schema!(LessonKindCode = codes::<LessonKind>("What the lesson is."));
named_schema!(EnrolmentModeCode = codes::<EnrolmentMode>("How learners enrol."));
named_schema!(GradePolicyCode = codes::<GradePolicy>("Which quiz attempt counts."));
named_schema!(AttendanceStatusCode = codes::<AttendanceStatus>("An attendance record."));
named_schema!(DateTime = date_time("An RFC 3339 date-time."));
named_schema!(CohortName = text(1..=cohorts::NAME_MAX, ""));
named_schema!(
    Capacity = integer(
        range(&cohorts::CAPACITY),
        "Most participants; absent for no limit. Beyond it, a waitlist."
    )
);
named_schema!(
    ConfirmHours = integer(
        range(&cohorts::CONFIRM_HOURS),
        "Hours a learner offered a freed place has to confirm (default 72)."
    )
);
named_schema!(SessionTitle = text(1..=sessions::TITLE_MAX, ""));
named_schema!(
    Venue = text(
        0..=sessions::VENUE_MAX,
        "A place (face-to-face); a venue, a meeting link or both are required."
    )
);
named_schema!(
    MeetingUrl = ObjectBuilder::new()
        .schema_type(Type::String)
        .format(Some(SchemaFormat::Custom("uri".into())))
        .pattern(Some("^https://\\S+$"))
        .max_length(Some(sessions::MEETING_URL_MAX))
        .description(Some("An https meeting link."))
        .build()
);
named_schema!(
    TimeZone = ObjectBuilder::new()
        .schema_type(Type::String)
        .description(Some("An IANA time zone, e.g. `Africa/Nairobi`."))
        .examples(["Africa/Nairobi"])
        .build()
);
named_schema!(
    EnrolmentKey = text(
        0..=kuza_enrollment::ENROLMENT_KEY_MAX,
        "Needed when `enrolment` is `key`."
    )
);
named_schema!(
    EnrolmentCap = integer(
        range(&kuza_enrollment::ENROLMENT_CAP),
        "Most active learners at once; absent for no limit."
    )
);
named_schema!(
    AttendancePercent = integer(
        range(&kuza_enrollment::ATTENDANCE_PERCENT),
        "Share of its cohort's sessions a learner must attend to complete, those they were excused from left out; absent: no rule."
    )
);
named_schema!(ScreeningQuestion = translations(kuza_enrollment::QUESTION_MAX, ""));
named_schema!(
    ScreeningQuestions = list_of(
        "ScreeningQuestion",
        kuza_enrollment::MAX_QUESTIONS,
        "Asked of applicants when `enrolment` is `application` (then at least one)."
    ),
    [ScreeningQuestion]
);
named_schema!(
    Position = integer(
        1..=i64::from(i32::MAX),
        "1-based place among its siblings; default: last."
    )
);
named_schema!(Id = integer(1..=i64::from(i32::MAX), ""));
