//! Bulk enrolment from a CSV file, by an administrator, a course's editor,
//! or a partner coordinator for the people of their organisation.
//!
//! The file is checked as a whole first (UTF-8, a header with `email`,
//! `name` and `country`, optionally `language`, nothing else; at most
//! [`MAX_ROWS`] rows); a bad file is refused with nothing done. Then each
//! row is its own transaction: an existing account is enrolled, a new
//! person gets an account and an invitation email to choose a password, and
//! the enrolment email or the invitation is queued with it. A bad row is
//! reported with its reason and never blocks the others, and a row that
//! fails leaves nothing behind (no account without its enrolment).

use crate::mail::{self, Place};
use crate::policy::{self, Action, Actor, On};
use crate::published::Published;
use crate::{App, AppError};
use kuza_accounts::users::{self, ProfileInput};
use kuza_db::values::EnrollmentStatus;
use kuza_enrollment::{By, EnrolError};
use serde::Serialize;
use std::collections::HashSet;

/// Rows one file may hold.
pub const MAX_ROWS: usize = 5_000;
/// Largest file taken, in bytes.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;

const REQUIRED: [&str; 3] = ["email", "name", "country"];
const OPTIONAL: [&str; 1] = ["language"];

/// Why a whole file was refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileProblem {
    /// `not_utf8`, `missing_column`, `unknown_column`, `malformed`,
    /// `no_rows`, `too_many_rows`.
    pub code: &'static str,
    /// The column, or the line, concerned.
    pub at: String,
}

/// What happened to one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Enrolled,
    Waitlisted,
    /// A new account, emailed an invitation to choose a password.
    Invited,
    AlreadyEnrolled,
    Rejected,
}

/// One row's result.
#[derive(Debug, Clone, Serialize)]
pub struct RowResult {
    /// The line in the file (the header is line 1).
    pub line: usize,
    pub email: String,
    pub result: Outcome,
    /// Why it was rejected: `email_invalid`, `duplicate_row`,
    /// `other_organisation`, an account field's code (`country_invalid`,
    /// …), or an enrolment code (`course_full`, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

struct Row {
    line: usize,
    email: String,
    name: String,
    country: String,
    language: Option<String>,
}

/// The file's line (from 1, the header) a record starts on: the reader
/// counts the lines before it.
fn line_of(p: &csv::Position) -> usize {
    p.line() as usize + 1
}

/// Reads the whole file, or says why it cannot be used.
fn read(bytes: &[u8]) -> Result<Vec<Row>, Vec<FileProblem>> {
    let text = std::str::from_utf8(bytes).map_err(|_| {
        vec![FileProblem {
            code: "not_utf8",
            at: String::new(),
        }]
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|_| {
            vec![FileProblem {
                code: "malformed",
                at: "1".into(),
            }]
        })?
        .iter()
        .map(|h| h.to_lowercase())
        .collect();
    let mut problems = vec![];
    for r in REQUIRED {
        if !headers.iter().any(|h| h == r) {
            problems.push(FileProblem {
                code: "missing_column",
                at: r.into(),
            });
        }
    }
    for h in &headers {
        if !REQUIRED.contains(&h.as_str()) && !OPTIONAL.contains(&h.as_str()) {
            problems.push(FileProblem {
                code: "unknown_column",
                at: h.clone(),
            });
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let col = |name: &str| headers.iter().position(|h| h == name);
    let (email, name, country, language) =
        (col("email"), col("name"), col("country"), col("language"));
    let mut rows = vec![];
    for record in reader.records() {
        let record = record.map_err(|e| {
            vec![FileProblem {
                code: "malformed",
                at: e
                    .position()
                    .map_or(String::new(), |p| line_of(p).to_string()),
            }]
        })?;
        if record.iter().all(str::is_empty) {
            continue;
        }
        if rows.len() == MAX_ROWS {
            return Err(vec![FileProblem {
                code: "too_many_rows",
                at: MAX_ROWS.to_string(),
            }]);
        }
        let get = |i: Option<usize>| i.and_then(|i| record.get(i)).unwrap_or_default().to_owned();
        rows.push(Row {
            line: record.position().map_or(0, line_of),
            email: get(email),
            name: get(name),
            country: get(country).to_uppercase(),
            language: Some(get(language)).filter(|l| !l.is_empty()),
        });
    }
    if rows.is_empty() {
        return Err(vec![FileProblem {
            code: "no_rows",
            at: String::new(),
        }]);
    }
    Ok(rows)
}

/// Who uploads, and for whom they may act.
#[derive(Debug, Clone, Copy)]
struct Uploader {
    user_id: i32,
    /// A partner coordinator acts only for their organisation's people
    /// (its id), and the accounts they make belong to it; in a course not
    /// open to everyone, within the places granted, if they are limited.
    partner: Option<(i32, Option<i32>)>,
}

/// The course (published) into which the actor may enrol people:
/// administrators and the course's editors any course, a partner
/// coordinator an open course or one that granted their organisation
/// places (the policy's [`policy::OpenTo`]).
pub async fn course_for(
    app: &App,
    actor: Option<&Actor>,
    course_id: i32,
) -> Result<Published, AppError> {
    let a = policy::signed_in(actor)?;
    let (row, _) = policy::course(&app.db, course_id).await?;
    let open = policy::open_to(&app.db, &row).await?;
    policy::may(Some(a), Action::EnrolOthers, On::OpenTo(&open))?;
    crate::learning::published_by_id(app, course_id).await
}

/// The file as it arrives (a request body, a form's file field).
pub struct Upload<S> {
    pub body: S,
    /// Its length, when the client said.
    pub declared: Option<u64>,
}

/// Enrols everyone in the file in the course (or the cohort): one result
/// per row, in order, or why the whole file was refused. The course must be
/// published; a course that runs in cohorts needs one of its cohorts. The
/// file is read (at most [`MAX_BYTES`]) only once all that holds.
pub async fn enrol_file<S, E>(
    app: &App,
    actor: Option<&Actor>,
    course_id: i32,
    cohort_id: Option<i32>,
    file: Upload<S>,
) -> Result<Result<Vec<RowResult>, Vec<FileProblem>>, AppError>
where
    S: futures_util::Stream<Item = Result<bytes::Bytes, E>>,
    E: std::fmt::Display,
{
    let p = course_for(app, actor, course_id).await?;
    let a = policy::signed_in(actor)?;
    let (row, facts) = policy::course(&app.db, course_id).await?;
    let partner = match policy::enrols_for(a, &facts) {
        None => None,
        Some(org) if row.enrolment == kuza_db::values::EnrolmentMode::Open => Some((org, None)),
        Some(org) => Some((
            org,
            kuza_enrollment::partners::grant_of(&app.db, course_id, org)
                .await?
                .flatten(),
        )),
    };
    let uploader = Uploader {
        user_id: a.id(),
        partner,
    };
    if p.0.format.runs_in_cohorts() && cohort_id.is_none() {
        return Err(EnrolError::NeedsCohort.into());
    }
    if let Some(cohort) = cohort_id {
        kuza_enrollment::cohorts::get(&app.db, cohort)
            .await?
            .filter(|k| k.course_id == p.0.id)
            .ok_or(AppError::NotFound)?;
    }
    let bytes = crate::read_limited(file.body, file.declared, MAX_BYTES as u64).await?;
    let rows = match read(&bytes) {
        Ok(rows) => rows,
        Err(problems) => return Ok(Err(problems)),
    };
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let key = row.email.to_lowercase();
        let result = if !seen.insert(key) {
            rejected(&row, "duplicate_row")
        } else {
            match enrol_row(app, &p, cohort_id, uploader, &row).await {
                Ok(result) => RowResult {
                    line: row.line,
                    email: row.email.clone(),
                    result,
                    reason: None,
                },
                Err(Rejected(code)) => rejected(&row, code),
            }
        };
        out.push(result);
    }
    tracing::info!(
        course.id = p.0.id,
        user.id = uploader.user_id,
        rows = out.len(),
        rejected = out.iter().filter(|r| r.result == Outcome::Rejected).count(),
        "bulk enrolment"
    );
    Ok(Ok(out))
}

fn rejected(row: &Row, code: &str) -> RowResult {
    RowResult {
        line: row.line,
        email: row.email.clone(),
        result: Outcome::Rejected,
        reason: Some(code.to_owned()),
    }
}

/// A row's rejection, with its reason code.
struct Rejected(&'static str);

impl From<AppError> for Rejected {
    fn from(e: AppError) -> Self {
        match e {
            AppError::Invalid(v) => Rejected(v.first().map_or("invalid", |p| p.code)),
            AppError::Internal(cause) => {
                tracing::error!(error.cause = %cause, "a bulk enrolment row failed");
                Rejected("internal")
            }
            other => Rejected(other.code()),
        }
    }
}

impl From<sea_orm::DbErr> for Rejected {
    fn from(e: sea_orm::DbErr) -> Self {
        AppError::from(e).into()
    }
}

impl From<kuza_accounts::AccountError> for Rejected {
    fn from(e: kuza_accounts::AccountError) -> Self {
        AppError::from(e).into()
    }
}

/// One row, in one transaction: everything or nothing.
async fn enrol_row(
    app: &App,
    p: &Published,
    cohort_id: Option<i32>,
    uploader: Uploader,
    row: &Row,
) -> Result<Outcome, Rejected> {
    if kuza_accounts::values::Email::parse(&row.email).is_err() {
        return Err(Rejected("email_invalid"));
    }
    let txn = kuza_db::begin_write(&app.db).await?;
    let existing = users::find_by_email(&txn, &row.email).await?;
    let (user, invited) = match existing {
        Some(u) => {
            // A partner enrols only people who named its organisation.
            if let Some((org, _)) = uploader.partner
                && u.organisation_id != Some(org)
            {
                return Err(Rejected("other_organisation"));
            }
            (u, false)
        }
        None => {
            let profile = ProfileInput {
                display_name: row.name.clone(),
                language: row
                    .language
                    .clone()
                    .unwrap_or_else(|| p.1.document.default_language.clone()),
                country: row.country.clone(),
                organisation_id: uploader.partner.map(|(org, _)| org),
                gender: None,
                birth_year: None,
            };
            (users::invite(&txn, &row.email, &profile).await?, true)
        }
    };
    // The organisation's own enrolment is its confirmation of the member.
    if let Some((org, _)) = uploader.partner {
        kuza_accounts::members::confirm(
            &txn,
            Some(uploader.user_id),
            org,
            user.id,
            kuza_accounts::members::Confirmation::Invitation,
        )
        .await?;
    }
    let by = match uploader.partner {
        None => By::Coordinator {
            actor: uploader.user_id,
        },
        Some((org, limit)) => {
            // In a course not open to everyone, within the places granted.
            if let Some(places) = limit
                && kuza_enrollment::find(&txn, p.0.id, user.id)
                    .await?
                    .is_none_or(|e| e.status.ended())
            {
                kuza_enrollment::partners::has_room(&txn, p.0.id, org, places)
                    .await
                    .map_err(AppError::from)?;
            }
            By::Partner {
                actor: uploader.user_id,
            }
        }
    };
    let done = crate::learning::enrol_in(&txn, &p.0, user.id, cohort_id, by).await?;
    let result = if !done.new {
        Outcome::AlreadyEnrolled
    } else if invited {
        mail::invitation(&txn, app, &user, &p.0).await?;
        Outcome::Invited
    } else if done.enrollment.status == EnrollmentStatus::Waitlisted {
        mail::place(&txn, app, Place::Waitlisted, &done.enrollment).await?;
        Outcome::Waitlisted
    } else {
        mail::place(&txn, app, Place::Enrolled, &done.enrollment).await?;
        Outcome::Enrolled
    };
    txn.commit().await?;
    Ok(result)
}
