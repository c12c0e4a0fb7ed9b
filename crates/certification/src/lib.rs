//! Certificates: one per completed enrolment.
//!
//! A certificate is earned ([`earn`]) in the transaction that completed the
//! enrolment, so the learner sees it on the very next page. It is written
//! without a number, `held` with its reason when it must wait (an
//! unconfirmed email address), and [`release`]d when it may be given: the
//! number is taken then, in the same transaction, from one counter row per
//! year ([`next_serial`]). A rolled-back transaction gives its number back
//! with it, and the counter row is locked until the issuing transaction
//! ends, so numbers never repeat and never skip, whatever runs at once.
//!
//! What a certificate says (the learner's name, the course's title in each
//! of its languages, the duration, the kind) is kept on its row as it was
//! when it was earned: a later edit of the course or of the profile never
//! changes a certificate already given. An administrator's correction
//! ([`correct_name`]) keeps the number and counts a new revision.
//!
//! Each certificate also has a public id: 128 random bits, in the address
//! anyone verifies it at. It cannot be guessed from the number, so the
//! list of certificates cannot be walked.

pub mod design;

use base64::Engine;
use kuza_courses::Document;
use kuza_db::entities::{certificate, signing_key};
use kuza_db::now;
use kuza_db::values::LessonKind;
use rand::RngCore;
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Statement,
};

pub use kuza_db::entities::certificate::Model as Certificate;
pub use kuza_db::entities::signing_key::Model as SigningKey;
pub use kuza_db::values::{CertificateKind, CertificateStatus, HeldReason};

/// The longest name a certificate carries (a profile's name is shorter;
/// a correction may be longer, up to this).
pub const NAME_MAX: usize = 200;
/// The longest reason for a revocation or a hand-made issuance.
pub const REASON_MAX: usize = 1000;
/// The longest number prefix (`KZ` in `KZ-2026-000123`).
pub const PREFIX_MAX: usize = 10;

#[derive(Debug, thiserror::Error)]
pub enum CertificationError {
    #[error("no such certificate")]
    NotFound,
    #[error("the certificate is already revoked")]
    AlreadyRevoked,
    #[error("the certificate is not issued yet")]
    NotIssued,
    #[error("{0}")]
    Invalid(&'static str),
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// What a course says about the certificates it gives, read from the
/// version the learner completed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Earned {
    pub kind: CertificateKind,
    pub course_title: String,
    pub languages: String,
    pub default_language: String,
    pub estimated_minutes: i32,
    pub course_version: i32,
}

impl Earned {
    /// The facts of `doc` (version `version`).
    pub fn of(doc: &Document, version: i32) -> Earned {
        Earned {
            kind: kind_of(doc),
            course_title: serde_json::to_string(&doc.title).unwrap_or_else(|_| "{}".into()),
            languages: doc.languages.join(","),
            default_language: doc.default_language.clone(),
            estimated_minutes: doc.estimated_minutes,
            course_version: version,
        }
    }
}

/// Participation when every lesson that counts is a live session (the
/// course counts attendance only), else completion.
pub fn kind_of(doc: &Document) -> CertificateKind {
    let lessons: Vec<_> = doc.modules.iter().flat_map(|m| &m.lessons).collect();
    let any_required = lessons.iter().any(|l| l.required);
    let counting: Vec<_> = lessons
        .iter()
        .filter(|l| !any_required || l.required)
        .collect();
    if !counting.is_empty() && counting.iter().all(|l| l.kind == LessonKind::Live) {
        CertificateKind::Participation
    } else {
        CertificateKind::Completion
    }
}

/// A name as a certificate prints it: bidirectional controls and other
/// invisible formatting removed (a name cannot reorder the text around
/// it), spaces collapsed. `None` when nothing printable is left or it is
/// longer than [`NAME_MAX`].
pub fn printable_name(s: &str) -> Option<String> {
    let kept: String = s
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .filter(|c| !c.is_control() && !is_invisible_format(*c))
        .collect();
    let name = kept.split_whitespace().collect::<Vec<_>>().join(" ");
    let n = name.chars().count();
    (n > 0 && n <= NAME_MAX).then_some(name)
}

/// The bidirectional embeddings, overrides, isolates and marks, and the
/// zero-width and byte-order characters. (Zero-width joiners stay: some
/// scripts need them.)
fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{FEFF}' | '\u{2060}'
        | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A reason as given (trimmed), or the problem with it.
pub fn parse_reason(s: &str) -> Result<String, CertificationError> {
    let s = s.trim();
    if s.is_empty() || s.chars().count() > REASON_MAX {
        return Err(CertificationError::Invalid("reason_invalid"));
    }
    Ok(s.to_owned())
}

/// A new public id: 128 random bits, 22 URL-safe characters.
pub fn new_public_id() -> String {
    let mut bytes = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Whether `s` has the shape of a public id (checked before any query).
pub fn is_public_id(s: &str) -> bool {
    s.len() == 22
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// `KZ-2026-000123`.
pub fn format_number(prefix: &str, year: i32, serial: i64) -> String {
    format!("{prefix}-{year}-{serial:06}")
}

/// A number as someone typed it (spaces, lower case, dashes as typed),
/// in the stored form; `None` if it cannot be one.
pub fn normalize_number(s: &str) -> Option<String> {
    let s: String = s
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase()
        .replace(
            ['\u{2010}', '\u{2011}', '\u{2012}', '\u{2013}', '\u{2014}'],
            "-",
        );
    let mut parts = s.rsplitn(3, '-');
    let serial = parts.next()?;
    let year = parts.next()?;
    let prefix = parts.next()?;
    let ok = !prefix.is_empty()
        && prefix.len() <= PREFIX_MAX
        && prefix.bytes().all(|b| b.is_ascii_alphanumeric())
        && year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
        && (6..=9).contains(&serial.len())
        && serial.bytes().all(|b| b.is_ascii_digit());
    ok.then_some(s)
}

/// Whether a number prefix is acceptable (configuration).
pub fn is_prefix(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= PREFIX_MAX
        && s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// The next serial of `year`, taken in the caller's transaction: the
/// counter row stays locked until it ends (PostgreSQL's row lock; SQLite's
/// single writer), and a rollback gives the number back.
pub async fn next_serial(conn: &impl ConnectionTrait, year: i32) -> Result<i64, DbErr> {
    let backend = conn.get_database_backend();
    let sql = if kuza_db::is_postgres(conn) {
        "INSERT INTO certificate_counters (year, last) VALUES ($1, 1) \
         ON CONFLICT (year) DO UPDATE SET last = certificate_counters.last + 1 RETURNING last"
    } else {
        "INSERT INTO certificate_counters (year, last) VALUES (?, 1) \
         ON CONFLICT (year) DO UPDATE SET last = certificate_counters.last + 1 RETURNING last"
    };
    let row = conn
        .query_one(Statement::from_sql_and_values(backend, sql, [year.into()]))
        .await?
        .ok_or_else(|| DbErr::Custom("the certificate counter returned no row".into()))?;
    let last: i32 = row.try_get("", "last")?;
    Ok(i64::from(last))
}

/// The year (UTC) of a timestamp.
fn year_of(ts: i64) -> i32 {
    use chrono::Datelike;
    chrono::DateTime::from_timestamp(ts, 0)
        .unwrap_or_default()
        .year()
}

/// Who earned it, and when.
#[derive(Debug, Clone, Copy)]
pub struct Earner<'a> {
    pub enrollment_id: i32,
    pub user_id: i32,
    pub course_id: i32,
    pub cohort_id: Option<i32>,
    pub name: &'a str,
    /// The learner's language (the email's).
    pub language: &'a str,
    pub completed_at: i64,
    /// Their final score (percent), if the course has quizzes.
    pub final_score: Option<i32>,
}

/// Writes the certificate of a completed enrolment, without a number,
/// `held` for `held` (or `held` for nothing, to be released at once by
/// the caller). Returns it and whether this call wrote it: a second call
/// for the same enrolment (a retry, another process) writes nothing.
pub async fn earn(
    conn: &impl ConnectionTrait,
    who: Earner<'_>,
    what: &Earned,
    held: Option<HeldReason>,
) -> Result<(Certificate, bool), CertificationError> {
    let t = now();
    let name = printable_name(who.name).unwrap_or_else(|| "?".into());
    let written = certificate::Entity::insert(certificate::ActiveModel {
        public_id: Set(new_public_id()),
        number: Set(None),
        enrollment_id: Set(who.enrollment_id),
        user_id: Set(who.user_id),
        course_id: Set(who.course_id),
        cohort_id: Set(who.cohort_id),
        status: Set(CertificateStatus::Held),
        held_reason: Set(held),
        kind: Set(what.kind),
        learner_name: Set(name),
        course_title: Set(what.course_title.clone()),
        languages: Set(what.languages.clone()),
        default_language: Set(what.default_language.clone()),
        estimated_minutes: Set(what.estimated_minutes),
        course_version: Set(what.course_version),
        language: Set(who.language.to_owned()),
        completed_at: Set(who.completed_at),
        issued_at: Set(None),
        revision: Set(1),
        revoked_at: Set(None),
        revoked_reason: Set(None),
        final_score: Set(who.final_score),
        created_at: Set(t),
        updated_at: Set(t),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::column(certificate::Column::EnrollmentId)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(conn)
    .await?
        == 1;
    let c = of_enrollment(conn, who.enrollment_id)
        .await?
        .ok_or(CertificationError::NotFound)?;
    Ok((c, written))
}

/// Gives a held certificate its number and issues it with `design` (in
/// the caller's transaction); an issued or revoked one is returned as it is.
pub async fn release(
    conn: &impl ConnectionTrait,
    c: Certificate,
    prefix: &str,
    final_score: Option<i32>,
    design: &design::Design,
) -> Result<Certificate, CertificationError> {
    if c.status != CertificateStatus::Held {
        return Ok(c);
    }
    let t = now();
    let year = year_of(t);
    let serial = next_serial(conn, year).await?;
    Ok(certificate::Entity::update(certificate::ActiveModel {
        id: Set(c.id),
        number: Set(Some(format_number(prefix, year, serial))),
        status: Set(CertificateStatus::Issued),
        held_reason: Set(None),
        final_score: Set(final_score),
        design: Set(serde_json::to_string(design).ok()),
        issued_at: Set(Some(t)),
        updated_at: Set(t),
        ..Default::default()
    })
    .exec(conn)
    .await?)
}

/// Marks a held certificate as held for `reason` (another or the same),
/// with the learner's final score as it is now.
pub async fn hold(
    conn: &impl ConnectionTrait,
    c: Certificate,
    reason: HeldReason,
    final_score: Option<i32>,
) -> Result<Certificate, CertificationError> {
    if c.status != CertificateStatus::Held
        || (c.held_reason == Some(reason) && c.final_score == final_score)
    {
        return Ok(c);
    }
    Ok(certificate::Entity::update(certificate::ActiveModel {
        id: Set(c.id),
        held_reason: Set(Some(reason)),
        final_score: Set(final_score),
        updated_at: Set(now()),
        ..Default::default()
    })
    .exec(conn)
    .await?)
}

/// Revokes an issued certificate with a reason.
pub async fn revoke(
    conn: &impl ConnectionTrait,
    c: Certificate,
    reason: &str,
) -> Result<Certificate, CertificationError> {
    match c.status {
        CertificateStatus::Revoked => return Err(CertificationError::AlreadyRevoked),
        CertificateStatus::Held => return Err(CertificationError::NotIssued),
        CertificateStatus::Issued => {}
    }
    let reason = parse_reason(reason)?;
    let t = now();
    Ok(certificate::Entity::update(certificate::ActiveModel {
        id: Set(c.id),
        status: Set(CertificateStatus::Revoked),
        revoked_at: Set(Some(t)),
        revoked_reason: Set(Some(reason)),
        updated_at: Set(t),
        ..Default::default()
    })
    .exec(conn)
    .await?)
}

/// Corrects the learner's name on an issued certificate: the same number,
/// one revision more.
pub async fn correct_name(
    conn: &impl ConnectionTrait,
    c: Certificate,
    name: &str,
) -> Result<Certificate, CertificationError> {
    if c.status == CertificateStatus::Revoked {
        return Err(CertificationError::AlreadyRevoked);
    }
    let name = printable_name(name).ok_or(CertificationError::Invalid("name_invalid"))?;
    Ok(certificate::Entity::update(certificate::ActiveModel {
        id: Set(c.id),
        learner_name: Set(name),
        revision: Set(c.revision + 1),
        // Signed again for the new revision.
        credential: Set(None),
        updated_at: Set(now()),
        ..Default::default()
    })
    .exec(conn)
    .await?)
}

/// Keeps the signed credential of revision `revision`, unless one is kept
/// already or the certificate moved on (a correction): the first made
/// wins, whatever runs at once. Returns the certificate as it is now.
pub async fn keep_credential(
    conn: &impl ConnectionTrait,
    id: i32,
    revision: i32,
    credential: &str,
) -> Result<Option<Certificate>, DbErr> {
    certificate::Entity::update_many()
        .col_expr(
            certificate::Column::Credential,
            sea_orm::sea_query::Expr::value(credential),
        )
        .filter(certificate::Column::Id.eq(id))
        .filter(certificate::Column::Revision.eq(revision))
        .filter(certificate::Column::Credential.is_null())
        .exec(conn)
        .await?;
    by_id(conn, id).await
}

/// The keys of `owner`, oldest first (retired ones included).
pub async fn keys(conn: &impl ConnectionTrait, owner: &str) -> Result<Vec<SigningKey>, DbErr> {
    signing_key::Entity::find()
        .filter(signing_key::Column::Owner.eq(owner))
        .order_by_asc(signing_key::Column::Id)
        .all(conn)
        .await
}

/// Adds a key for `owner` under `key_id`, unless one has that id (two
/// processes making the first key at once: one wins). Whether it was
/// added.
pub async fn add_key(
    conn: &impl ConnectionTrait,
    owner: &str,
    key_id: &str,
    public_key: &str,
    sealed_secret: &str,
) -> Result<bool, DbErr> {
    let n = signing_key::Entity::insert(signing_key::ActiveModel {
        owner: Set(owner.to_owned()),
        key_id: Set(key_id.to_owned()),
        public_key: Set(public_key.to_owned()),
        sealed_secret: Set(sealed_secret.to_owned()),
        created_at: Set(now()),
        retired_at: Set(None),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([signing_key::Column::Owner, signing_key::Column::KeyId])
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(conn)
    .await?;
    Ok(n == 1)
}

/// Retires every current key of `owner` (it signs nothing more).
pub async fn retire_keys(conn: &impl ConnectionTrait, owner: &str) -> Result<(), DbErr> {
    signing_key::Entity::update_many()
        .col_expr(
            signing_key::Column::RetiredAt,
            sea_orm::sea_query::Expr::value(now()),
        )
        .filter(signing_key::Column::Owner.eq(owner))
        .filter(signing_key::Column::RetiredAt.is_null())
        .exec(conn)
        .await?;
    Ok(())
}

/// The ids of the revoked certificates between `from` and `to` (inclusive).
pub async fn revoked_between(
    conn: &impl ConnectionTrait,
    from: i32,
    to: i32,
) -> Result<Vec<i32>, DbErr> {
    use sea_orm::QuerySelect;
    certificate::Entity::find()
        .filter(certificate::Column::Status.eq(CertificateStatus::Revoked))
        .filter(certificate::Column::Id.between(from, to))
        .select_only()
        .column(certificate::Column::Id)
        .into_tuple()
        .all(conn)
        .await
}

pub async fn by_id(conn: &impl ConnectionTrait, id: i32) -> Result<Option<Certificate>, DbErr> {
    certificate::Entity::find_by_id(id).one(conn).await
}

pub async fn of_enrollment(
    conn: &impl ConnectionTrait,
    enrollment_id: i32,
) -> Result<Option<Certificate>, DbErr> {
    certificate::Entity::find()
        .filter(certificate::Column::EnrollmentId.eq(enrollment_id))
        .one(conn)
        .await
}

/// The certificate at a public id (`None` for a malformed one, without a
/// query).
pub async fn by_public_id(
    conn: &impl ConnectionTrait,
    public_id: &str,
) -> Result<Option<Certificate>, DbErr> {
    if !is_public_id(public_id) {
        return Ok(None);
    }
    certificate::Entity::find()
        .filter(certificate::Column::PublicId.eq(public_id))
        .one(conn)
        .await
}

/// The certificate with a number (as [`normalize_number`] gives it).
pub async fn by_number(
    conn: &impl ConnectionTrait,
    number: &str,
) -> Result<Option<Certificate>, DbErr> {
    certificate::Entity::find()
        .filter(certificate::Column::Number.eq(number))
        .one(conn)
        .await
}

/// Which certificates a list shows (every one when all are `None`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Filter {
    pub course_id: Option<i32>,
    pub cohort_id: Option<i32>,
    pub status: Option<CertificateStatus>,
    /// Completed at or after (Unix seconds).
    pub from: Option<i64>,
    /// Completed before.
    pub to: Option<i64>,
}

fn filtered(f: &Filter) -> sea_orm::Select<certificate::Entity> {
    let mut q = certificate::Entity::find();
    if let Some(x) = f.course_id {
        q = q.filter(certificate::Column::CourseId.eq(x));
    }
    if let Some(x) = f.cohort_id {
        q = q.filter(certificate::Column::CohortId.eq(x));
    }
    if let Some(x) = f.status {
        q = q.filter(certificate::Column::Status.eq(x));
    }
    if let Some(x) = f.from {
        q = q.filter(certificate::Column::CompletedAt.gte(x));
    }
    if let Some(x) = f.to {
        q = q.filter(certificate::Column::CompletedAt.lt(x));
    }
    q.order_by_desc(certificate::Column::Id)
}

/// A page (from 1) of the certificates `f` selects, newest first, and how
/// many there are.
pub async fn page(
    conn: &impl ConnectionTrait,
    f: &Filter,
    page: u64,
    per_page: u64,
) -> Result<(Vec<Certificate>, u64), DbErr> {
    use sea_orm::PaginatorTrait;
    let pages = filtered(f).paginate(conn, per_page);
    let total = pages.num_items().await?;
    Ok((pages.fetch_page(page.saturating_sub(1)).await?, total))
}

/// Every certificate `f` selects, newest first (exports).
pub async fn all(conn: &impl ConnectionTrait, f: &Filter) -> Result<Vec<Certificate>, DbErr> {
    filtered(f).all(conn).await
}

/// A learner's certificates, newest first (held ones included).
pub async fn of_user(conn: &impl ConnectionTrait, user_id: i32) -> Result<Vec<Certificate>, DbErr> {
    certificate::Entity::find()
        .filter(certificate::Column::UserId.eq(user_id))
        .order_by_desc(certificate::Column::CompletedAt)
        .order_by_desc(certificate::Column::Id)
        .all(conn)
        .await
}

/// A cohort's certificates held (for `reason`, or for any), oldest first.
pub async fn held_in_cohort(
    conn: &impl ConnectionTrait,
    cohort_id: i32,
    reason: impl Into<Option<HeldReason>>,
) -> Result<Vec<Certificate>, DbErr> {
    let mut q = certificate::Entity::find()
        .filter(certificate::Column::CohortId.eq(cohort_id))
        .filter(certificate::Column::Status.eq(CertificateStatus::Held));
    if let Some(r) = reason.into() {
        q = q.filter(certificate::Column::HeldReason.eq(r));
    }
    q.order_by_asc(certificate::Column::Id).all(conn).await
}

/// A course's certificates held for `reason`, oldest first.
pub async fn held_in_course(
    conn: &impl ConnectionTrait,
    course_id: i32,
    reason: HeldReason,
) -> Result<Vec<Certificate>, DbErr> {
    certificate::Entity::find()
        .filter(certificate::Column::CourseId.eq(course_id))
        .filter(certificate::Column::Status.eq(CertificateStatus::Held))
        .filter(certificate::Column::HeldReason.eq(reason))
        .order_by_asc(certificate::Column::Id)
        .all(conn)
        .await
}

/// A learner's certificates held for `reason`.
pub async fn held_of_user(
    conn: &impl ConnectionTrait,
    user_id: i32,
    reason: HeldReason,
) -> Result<Vec<Certificate>, DbErr> {
    certificate::Entity::find()
        .filter(certificate::Column::UserId.eq(user_id))
        .filter(certificate::Column::Status.eq(CertificateStatus::Held))
        .filter(certificate::Column::HeldReason.eq(reason))
        .order_by_asc(certificate::Column::Id)
        .all(conn)
        .await
}

/// The path of the certificate's public page (its verification address).
pub fn path(c: &Certificate) -> String {
    format!("/certificates/{}", c.public_id)
}

/// The course's title in `lang` (else its default language, else any),
/// with the language it is in.
pub fn title_in(c: &Certificate, lang: &str) -> (String, String) {
    let t: kuza_courses::Translated = serde_json::from_str(&c.course_title).unwrap_or_default();
    let (text, l) = kuza_courses::pick(&t, lang, &c.default_language);
    (text.to_owned(), l.to_owned())
}

/// The languages the certificate can be read in (the course's, when it
/// was earned), the default first.
pub fn languages(c: &Certificate) -> Vec<String> {
    let mut out = vec![c.default_language.clone()];
    for l in c.languages.split(',').map(str::trim) {
        if !l.is_empty() && !out.iter().any(|o| o == l) {
            out.push(l.to_owned());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_their_direction_controls_and_keep_their_letters() {
        assert_eq!(
            printable_name("  Amina\u{202E} \u{2067}أمينة\u{2069}  Diallo ").as_deref(),
            Some("Amina أمينة Diallo")
        );
        assert_eq!(printable_name("\u{202E}\u{200F} "), None);
        assert_eq!(
            printable_name(&"x".repeat(NAME_MAX)).map(|n| n.len()),
            Some(NAME_MAX)
        );
        assert_eq!(printable_name(&"x".repeat(NAME_MAX + 1)), None);
        // Markup and template syntax are letters like any others here:
        // pages escape them, the PDF receives them as data.
        assert_eq!(
            printable_name("<b>{{ x }}</b>").as_deref(),
            Some("<b>{{ x }}</b>")
        );
    }

    #[test]
    fn numbers_are_read_as_people_type_them() {
        assert_eq!(format_number("KZ", 2026, 123), "KZ-2026-000123");
        assert_eq!(
            normalize_number(" kz-2026-000123 ").as_deref(),
            Some("KZ-2026-000123")
        );
        assert_eq!(
            normalize_number("KZ\u{2013}2026\u{2013}000123").as_deref(),
            Some("KZ-2026-000123")
        );
        assert_eq!(normalize_number("KZ-26-000123"), None);
        assert_eq!(normalize_number("2026-000123"), None);
        assert_eq!(normalize_number("KZ-2026-12"), None);
        assert_eq!(normalize_number("'; drop table--"), None);
    }

    #[test]
    fn public_ids_are_long_random_and_checked_by_shape() {
        let a = new_public_id();
        assert!(is_public_id(&a), "{a}");
        assert_ne!(a, new_public_id());
        assert!(!is_public_id("short"));
        assert!(!is_public_id("aaaaaaaaaaaaaaaaaaaa/."));
        assert!(is_prefix("KZ") && is_prefix("UNH2") && !is_prefix("kz") && !is_prefix(""));
    }
}
