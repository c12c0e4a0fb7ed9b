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

use crate::learning::{self, LearningError, Published};
use crate::state::AppState;
use kuza_accounts::users::{self, ProfileInput};
use kuza_accounts::{AccountError, auth};
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
#[derive(Debug, Clone, Serialize)]
pub struct RowResult {
    /// The line in the file (the header is line 1).
    pub line: usize,
    pub email: String,
    /// `enrolled`, `waitlisted`, `invited`, `already_enrolled` or `rejected`.
    pub result: &'static str,
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
pub struct Uploader {
    pub user_id: i32,
    /// A partner coordinator acts only for their organisation's people,
    /// and the accounts they make belong to it.
    pub organisation: Option<i32>,
}

/// Enrols everyone in the file in the course (or the cohort): one result
/// per row, in order.
pub async fn enrol_file(
    state: &AppState,
    p: &Published,
    cohort_id: Option<i32>,
    uploader: Uploader,
    bytes: &[u8],
) -> Result<Result<Vec<RowResult>, Vec<FileProblem>>, LearningError> {
    let rows = match read(bytes) {
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
            match enrol_row(state, p, cohort_id, uploader, &row).await {
                Ok(result) => RowResult {
                    line: row.line,
                    email: row.email.clone(),
                    result,
                    reason: None,
                },
                Err(Rejected(code)) => rejected(&row, &code),
            }
        };
        out.push(result);
    }
    tracing::info!(
        course.id = p.0.id,
        user.id = uploader.user_id,
        rows = out.len(),
        rejected = out.iter().filter(|r| r.result == "rejected").count(),
        "bulk enrolment"
    );
    Ok(Ok(out))
}

fn rejected(row: &Row, code: &str) -> RowResult {
    RowResult {
        line: row.line,
        email: row.email.clone(),
        result: "rejected",
        reason: Some(code.to_owned()),
    }
}

/// A row's rejection, with its reason code.
struct Rejected(String);

impl From<LearningError> for Rejected {
    fn from(e: LearningError) -> Self {
        match e {
            LearningError::Enrol(e) => Rejected(e.code().into()),
            other => {
                tracing::error!(error.cause = %other, "a bulk enrolment row failed");
                Rejected("internal".into())
            }
        }
    }
}

impl From<sea_orm::DbErr> for Rejected {
    fn from(e: sea_orm::DbErr) -> Self {
        LearningError::Db(e).into()
    }
}

impl From<AccountError> for Rejected {
    fn from(e: AccountError) -> Self {
        match e {
            AccountError::Invalid(v) => {
                Rejected(v.first().map_or("invalid", |i| i.code).to_owned())
            }
            AccountError::EmailTaken => Rejected("email_taken".into()),
            other => {
                tracing::error!(error.cause = %other, "a bulk enrolment row failed");
                Rejected("internal".into())
            }
        }
    }
}

/// One row, in one transaction: everything or nothing.
async fn enrol_row(
    state: &AppState,
    p: &Published,
    cohort_id: Option<i32>,
    uploader: Uploader,
    row: &Row,
) -> Result<&'static str, Rejected> {
    if kuza_accounts::values::Email::parse(&row.email).is_err() {
        return Err(Rejected("email_invalid".into()));
    }
    let txn = kuza_db::begin_write(&state.db).await?;
    let existing = users::find_by_email(&txn, &row.email).await?;
    let (user, invited) = match existing {
        Some(u) => {
            if let Some(org) = uploader.organisation
                && u.organisation_id != Some(org)
            {
                return Err(Rejected("other_organisation".into()));
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
                organisation_id: uploader.organisation,
                gender: None,
                birth_year: None,
            };
            (users::invite(&txn, &row.email, &profile).await?, true)
        }
    };
    let by = By::Coordinator {
        actor: uploader.user_id,
    };
    let done = learning::enrol_in(&txn, &p.0, &user, cohort_id, by).await?;
    let result = if !done.new {
        "already_enrolled"
    } else if invited {
        let token = auth::create_link_token(&txn, user.id, auth::Purpose::Invite).await?;
        let link = state.link(&format!("/reset-password?token={token}"));
        learning::email_invitation(&txn, &state.settings.base_url, &user, &p.0, &link).await?;
        "invited"
    } else {
        let kind = if done.enrollment.status == kuza_enrollment::EnrollmentStatus::Waitlisted {
            "waitlisted"
        } else {
            "enrolled"
        };
        learning::email_enrolment(&txn, &state.settings.base_url, kind, &done.enrollment).await?;
        kind
    };
    txn.commit().await?;
    Ok(result)
}

impl From<EnrolError> for Rejected {
    fn from(e: EnrolError) -> Self {
        LearningError::Enrol(e).into()
    }
}
