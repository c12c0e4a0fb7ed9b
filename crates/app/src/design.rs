//! What certificates show besides their words: the instance's library of
//! signatories and logos (administrators keep it), each course's choice
//! from it (its editors make it), and partner organisations'
//! endorsements (a coordinator asks, an administrator approves).
//!
//! A certificate takes the design of its course when it is issued
//! ([`for_course`], in the issuing transaction) and keeps it: see
//! `kuza_certification::design`.

use crate::policy::{self, Action, On};
use crate::{Actor, App, AppError};
use kuza_certification::design::{self as d, Choice, Design, Endorsement, Logo, Signatory, Signer};
use kuza_db::values::{CourseStatus, EndorsementStatus};
use sea_orm::{ConnectionTrait, EntityTrait};
use serde_json::json;

/// The largest picture (a signature, a logo), in bytes.
pub const IMAGE_MAX_BYTES: usize = 512 * 1024;

/// A text field checked, or the problem with its name.
fn field(name: &'static str, v: &str, allow_empty: bool) -> Result<String, AppError> {
    d::parse_field(v, allow_empty).map_err(|e| match e {
        kuza_certification::CertificationError::Invalid(code) => AppError::invalid(name, code),
        other => other.into(),
    })
}

/// Stores a picture under the digest of its bytes (once, whoever sends
/// it again) after laying it out as a certificate would: a PNG, JPEG or
/// SVG file of at most [`IMAGE_MAX_BYTES`]. Returns its key.
pub async fn store_image(
    app: &App,
    name: &'static str,
    bytes: Vec<u8>,
) -> Result<String, AppError> {
    store_image_in(&app.storage, name, bytes).await
}

/// [`store_image`] into `storage`.
pub async fn store_image_in(
    storage: &kuza_media::Storage,
    name: &'static str,
    bytes: Vec<u8>,
) -> Result<String, AppError> {
    use sha2::Digest;
    if bytes.len() > IMAGE_MAX_BYTES {
        return Err(AppError::invalid(name, "image_too_large"));
    }
    let key = format!(
        "certificate-images/{}",
        hex::encode(sha2::Sha256::digest(&bytes))
    );
    let (bytes, kind) = tokio::task::spawn_blocking(move || {
        let kind = kuza_pdf::check_image(&bytes);
        (bytes, kind)
    })
    .await
    .map_err(|e| AppError::Internal(e.to_string()))?;
    if kind.is_none() {
        return Err(AppError::invalid(name, "image_invalid"));
    }
    if !storage.exists(&key).await? {
        storage.put_bytes(&key, bytes).await?;
    }
    Ok(key)
}

/// Where a stored picture is served (`/certificate-images/{digest}`).
pub fn image_path(key: &str) -> String {
    format!("/{key}")
}

/// The type of a stored picture, for serving it.
pub fn image_type(bytes: &[u8]) -> &'static str {
    kuza_pdf::image_type(bytes).unwrap_or("application/octet-stream")
}

/// A stored picture's bytes (those a certificate names are never deleted).
pub async fn image(app: &App, key: &str) -> Result<Option<Vec<u8>>, AppError> {
    Ok(app.storage.get_bytes(key).await?)
}

/// The library as administrators keep it: current and retired.
#[derive(Debug)]
pub struct Library {
    pub signatories: Vec<Signatory>,
    pub logos: Vec<Logo>,
}

pub async fn library(app: &App, actor: Option<&Actor>) -> Result<Library, AppError> {
    policy::may(actor, Action::ManageCertificates, On::Site)?;
    Ok(Library {
        signatories: d::signatories(&app.db, true).await?,
        logos: d::logos(&app.db, true).await?,
    })
}

/// A signatory to add: their signature's picture, if any, as uploaded.
#[derive(Debug, Default)]
pub struct NewSignatory {
    pub name: String,
    pub title: String,
    pub organisation: String,
    pub signature: Option<Vec<u8>>,
}

pub async fn add_signatory(
    app: &App,
    actor: Option<&Actor>,
    input: NewSignatory,
) -> Result<Signatory, AppError> {
    policy::may(actor, Action::ManageCertificates, On::Site)?;
    let mut problems = vec![];
    let mut take = |name: &'static str, v: &str, empty: bool| match field(name, v, empty) {
        Ok(v) => v,
        Err(AppError::Invalid(mut p)) => {
            problems.append(&mut p);
            String::new()
        }
        Err(_) => String::new(),
    };
    let signer = Signer {
        name: take("name", &input.name, false),
        title: take("title", &input.title, false),
        organisation: take("organisation", &input.organisation, true),
        signature: None,
    };
    if !problems.is_empty() {
        return Err(AppError::Invalid(problems));
    }
    let signature = match input.signature.filter(|b| !b.is_empty()) {
        Some(b) => Some(store_image(app, "signature", b).await?),
        None => None,
    };
    let txn = kuza_db::begin_write(&app.db).await?;
    let s = d::add_signatory(
        &txn,
        &Signer {
            signature,
            ..signer
        },
    )
    .await?;
    audit(
        &txn,
        actor,
        "signatory.added",
        "signatory",
        s.id,
        json!({ "name": s.name }),
    )
    .await?;
    txn.commit().await?;
    Ok(s)
}

/// Adds a logo; `instance` makes it the instance's own, at the head of
/// every certificate issued from now on.
pub async fn add_logo(
    app: &App,
    actor: Option<&Actor>,
    name: &str,
    picture: Vec<u8>,
    instance: bool,
) -> Result<Logo, AppError> {
    policy::may(actor, Action::ManageCertificates, On::Site)?;
    let name = field("name", name, false)?;
    if picture.is_empty() {
        return Err(AppError::invalid("image", "image_required"));
    }
    let image = store_image(app, "image", picture).await?;
    let txn = kuza_db::begin_write(&app.db).await?;
    let l = d::add_logo(&txn, &name, &image, instance).await?;
    audit(
        &txn,
        actor,
        "logo.added",
        "logo",
        l.id,
        json!({ "name": l.name, "instance": instance }),
    )
    .await?;
    txn.commit().await?;
    Ok(l)
}

/// Makes a logo of the library the instance's own.
pub async fn make_instance_logo(app: &App, actor: Option<&Actor>, id: i32) -> Result<(), AppError> {
    policy::may(actor, Action::ManageCertificates, On::Site)?;
    let txn = kuza_db::begin_write(&app.db).await?;
    d::make_instance_logo(&txn, id).await?;
    audit(&txn, actor, "logo.instance", "logo", id, json!({})).await?;
    txn.commit().await?;
    Ok(())
}

/// Retires a signatory (certificates already issued keep them).
pub async fn retire_signatory(app: &App, actor: Option<&Actor>, id: i32) -> Result<(), AppError> {
    policy::may(actor, Action::ManageCertificates, On::Site)?;
    let txn = kuza_db::begin_write(&app.db).await?;
    d::retire_signatory(&txn, id).await?;
    audit(&txn, actor, "signatory.retired", "signatory", id, json!({})).await?;
    txn.commit().await?;
    Ok(())
}

/// Retires a logo (certificates already issued keep it).
pub async fn retire_logo(app: &App, actor: Option<&Actor>, id: i32) -> Result<(), AppError> {
    policy::may(actor, Action::ManageCertificates, On::Site)?;
    let txn = kuza_db::begin_write(&app.db).await?;
    d::retire_logo(&txn, id).await?;
    audit(&txn, actor, "logo.retired", "logo", id, json!({})).await?;
    txn.commit().await?;
    Ok(())
}

async fn audit(
    conn: &impl ConnectionTrait,
    actor: Option<&Actor>,
    event: &str,
    entity: &str,
    id: i32,
    details: serde_json::Value,
) -> Result<(), AppError> {
    kuza_accounts::audit::record(conn, actor.map(Actor::id), event, entity, Some(id), details)
        .await?;
    Ok(())
}

/// A course's certificate design as its editors see it: what it chose,
/// what it can choose from, and who endorses it.
#[derive(Debug)]
pub struct CourseDesign {
    pub choice: Choice,
    /// The current signatories of the library.
    pub signatories: Vec<Signatory>,
    /// The current partner logos of the library (the instance's apart).
    pub logos: Vec<Logo>,
    pub instance_logo: Option<Logo>,
    /// Its approved endorsements, with the organisations' names.
    pub endorsements: Vec<(Endorsement, String)>,
}

pub async fn course_design(
    app: &App,
    actor: Option<&Actor>,
    course_id: i32,
) -> Result<CourseDesign, AppError> {
    let (c, facts) = policy::course(&app.db, course_id).await?;
    policy::may(actor, Action::EditCourse, On::Course(&facts))?;
    let logos = d::logos(&app.db, false).await?;
    let (instance, partners): (Vec<Logo>, Vec<Logo>) =
        logos.into_iter().partition(|l| l.is_instance);
    let approved = d::endorsements_of(&app.db, c.id, Some(EndorsementStatus::Approved)).await?;
    let names = d::organisation_names(&app.db, approved.iter().map(|e| e.organisation_id)).await?;
    let endorsements = approved
        .into_iter()
        .map(|e| {
            let name = names.get(&e.organisation_id).cloned().unwrap_or_default();
            (e, name)
        })
        .collect();
    Ok(CourseDesign {
        choice: Choice::of(c.certificate_design.as_deref()),
        signatories: d::signatories(&app.db, false).await?,
        logos: partners,
        instance_logo: instance.into_iter().next(),
        endorsements,
    })
}

/// Saves a course's choice from the library (its editors).
pub async fn save_choice(
    app: &App,
    actor: Option<&Actor>,
    course_id: i32,
    choice: &Choice,
) -> Result<Choice, AppError> {
    let txn = kuza_db::begin_write(&app.db).await?;
    let (c, facts) = policy::course(&txn, course_id).await?;
    policy::may(actor, Action::EditCourse, On::Course(&facts))?;
    let choice = d::check_choice(&txn, choice).await.map_err(|e| match e {
        kuza_certification::CertificationError::Invalid(code) => {
            let name = if code.contains("logo") {
                "logos"
            } else {
                "signatories"
            };
            AppError::invalid(name, code)
        }
        other => other.into(),
    })?;
    let text = serde_json::to_string(&choice).map_err(|e| AppError::Internal(e.to_string()))?;
    kuza_db::entities::course::Entity::update(kuza_db::entities::course::ActiveModel {
        id: sea_orm::ActiveValue::Set(c.id),
        certificate_design: sea_orm::ActiveValue::Set(Some(text)),
        ..Default::default()
    })
    .exec(&txn)
    .await?;
    audit(
        &txn,
        actor,
        "course.certificate_design",
        "course",
        c.id,
        json!({ "signatories": choice.signatories, "logos": choice.logos }),
    )
    .await?;
    txn.commit().await?;
    Ok(choice)
}

/// The design a certificate of `course_id` is issued with now (in the
/// issuing transaction).
pub async fn for_course(conn: &impl ConnectionTrait, course_id: i32) -> Result<Design, AppError> {
    let stored = kuza_db::entities::course::Entity::find_by_id(course_id)
        .one(conn)
        .await?
        .and_then(|c| c.certificate_design);
    Ok(d::current(conn, course_id, &Choice::of(stored.as_deref())).await?)
}

async fn organisation_name(conn: &impl ConnectionTrait, id: i32) -> Result<String, AppError> {
    Ok(kuza_accounts::organisations::get(conn, id).await?.name)
}

/// What an organisation's coordinator asks: a comment, the organisation's
/// signatory (name, title, signature) and logo, as uploaded.
#[derive(Debug, Default)]
pub struct EndorsementInput {
    pub comment: String,
    pub signatory_name: String,
    pub signatory_title: String,
    pub signature: Option<Vec<u8>>,
    pub logo: Option<Vec<u8>>,
}

/// An endorsement with what lists show of it.
#[derive(Debug, Clone)]
pub struct EndorsementView {
    pub endorsement: Endorsement,
    pub organisation: String,
    pub course_slug: String,
    /// The course's title (JSON object from language to text) and its
    /// default language.
    pub course_title: String,
    pub course_language: String,
}

impl EndorsementView {
    /// The course's title in `lang` (else its default language's).
    pub fn title_in(&self, lang: &str) -> String {
        let t: kuza_courses::Translated =
            serde_json::from_str(&self.course_title).unwrap_or_default();
        kuza_courses::pick(&t, lang, &self.course_language)
            .0
            .to_owned()
    }
}

/// The partner coordinator asking, and the organisation they endorse
/// for; refused for anyone else (administrators act for none).
fn coordinator(actor: Option<&Actor>) -> Result<(&Actor, i32), AppError> {
    let a = policy::signed_in(actor)?;
    let org = a.partner_of().ok_or(AppError::Forbidden)?;
    policy::may(actor, Action::Endorse, On::Organisation(org))?;
    Ok((a, org))
}

/// A published course a partner coordinator may ask their organisation
/// to endorse, with the organisation's name and where its endorsement
/// stands.
#[derive(Debug)]
pub struct Endorsable {
    pub course: kuza_db::entities::course::Model,
    pub organisation: String,
    pub existing: Option<EndorsementStatus>,
}

pub async fn endorsable(
    app: &App,
    actor: Option<&Actor>,
    slug: &str,
) -> Result<Endorsable, AppError> {
    let (_, org) = coordinator(actor)?;
    use sea_orm::{ColumnTrait, QueryFilter};
    let course = kuza_db::entities::course::Entity::find()
        .filter(kuza_db::entities::course::Column::Slug.eq(slug))
        .filter(kuza_db::entities::course::Column::Status.eq(CourseStatus::Published))
        .one(&app.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let existing = d::find(&app.db, course.id, org).await?.map(|e| e.status);
    Ok(Endorsable {
        course,
        organisation: organisation_name(&app.db, org).await?,
        existing,
    })
}

/// A partner coordinator asks that their organisation endorse a
/// published course.
pub async fn request_endorsement(
    app: &App,
    actor: Option<&Actor>,
    course_id: i32,
    input: EndorsementInput,
) -> Result<EndorsementView, AppError> {
    let (a, org) = coordinator(actor)?;
    let (c, _) = policy::course(&app.db, course_id).await?;
    if c.status != CourseStatus::Published {
        return Err(AppError::NotFound);
    }
    let comment = input.comment.trim();
    if comment.chars().count() > d::COMMENT_MAX {
        return Err(AppError::invalid("comment", "field_too_long"));
    }
    let name = field("signatory_name", &input.signatory_name, true)?;
    let title = field("signatory_title", &input.signatory_title, true)?;
    if name.is_empty() != title.is_empty() {
        let missing = if name.is_empty() {
            "signatory_name"
        } else {
            "signatory_title"
        };
        return Err(AppError::invalid(missing, "field_required"));
    }
    let logo = match input.logo.filter(|b| !b.is_empty()) {
        Some(b) => Some(store_image(app, "logo", b).await?),
        None => None,
    };
    let signature = match input.signature.filter(|b| !b.is_empty()) {
        Some(b) if !name.is_empty() => Some(store_image(app, "signature", b).await?),
        _ => None,
    };
    let txn = kuza_db::begin_write(&app.db).await?;
    let e = d::request(
        &txn,
        c.id,
        org,
        a.id(),
        &d::Request {
            comment: comment.to_owned(),
            signatory_name: name,
            signatory_title: title,
            signature,
            logo,
        },
    )
    .await
    .map_err(|e| match e {
        kuza_certification::CertificationError::Invalid(code) => AppError::conflict(
            code,
            "this organisation already endorses or asked to endorse this course",
        ),
        other => other.into(),
    })?;
    audit(
        &txn,
        actor,
        "endorsement.requested",
        "endorsement",
        e.id,
        json!({ "course_id": c.id, "organisation_id": org }),
    )
    .await?;
    txn.commit().await?;
    view(&app.db, e).await
}

/// The endorsements someone may see: administrators all, a partner
/// coordinator their organisation's; newest first.
pub async fn endorsements(
    app: &App,
    actor: Option<&Actor>,
) -> Result<Vec<EndorsementView>, AppError> {
    let a = policy::signed_in(actor)?;
    let scope = if a.is_admin() {
        None
    } else {
        Some(coordinator(actor)?.1)
    };
    let rows = d::endorsements(&app.db, scope).await?;
    views(&app.db, rows).await
}

/// Endorsements with their courses and organisations, read in two queries.
async fn views(
    conn: &impl ConnectionTrait,
    rows: Vec<Endorsement>,
) -> Result<Vec<EndorsementView>, AppError> {
    use sea_orm::{ColumnTrait, QueryFilter};
    let courses: std::collections::HashMap<i32, kuza_db::entities::course::Model> =
        kuza_db::entities::course::Entity::find()
            .filter(kuza_db::entities::course::Column::Id.is_in(rows.iter().map(|e| e.course_id)))
            .all(conn)
            .await?
            .into_iter()
            .map(|c| (c.id, c))
            .collect();
    let names = d::organisation_names(conn, rows.iter().map(|e| e.organisation_id)).await?;
    rows.into_iter()
        .map(|e| {
            let c = courses.get(&e.course_id).ok_or(AppError::NotFound)?;
            Ok(EndorsementView {
                organisation: names.get(&e.organisation_id).cloned().unwrap_or_default(),
                course_slug: c.slug.clone(),
                course_title: c.title.clone(),
                course_language: c.default_language.clone(),
                endorsement: e,
            })
        })
        .collect()
}

async fn view(conn: &impl ConnectionTrait, e: Endorsement) -> Result<EndorsementView, AppError> {
    views(conn, vec![e]).await?.pop().ok_or(AppError::NotFound)
}

/// What an administrator or a coordinator decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Approve,
    Decline,
    /// The organisation's coordinator or an administrator withdraws an
    /// endorsement asked or approved: certificates issued after it no
    /// longer carry it; those issued before keep it.
    Withdraw,
}

/// Who may decide: administrators approve and decline; the
/// organisation's coordinators (and administrators) withdraw.
fn allowed(actor: Option<&Actor>, e: &Endorsement, decision: Decision) -> Result<(), AppError> {
    match decision {
        Decision::Approve | Decision::Decline => {
            policy::may(actor, Action::ManageCertificates, On::Site)
        }
        Decision::Withdraw if actor.is_some_and(Actor::is_admin) => Ok(()),
        Decision::Withdraw => {
            policy::may(actor, Action::Endorse, On::Organisation(e.organisation_id))
        }
    }
}

/// The move a decision makes from `status` (`None`: it does not apply).
fn transition(
    decision: Decision,
    status: EndorsementStatus,
) -> Option<(EndorsementStatus, EndorsementStatus)> {
    use EndorsementStatus as S;
    match (decision, status) {
        (Decision::Approve, S::Requested) => Some((S::Requested, S::Approved)),
        (Decision::Decline, S::Requested) => Some((S::Requested, S::Declined)),
        (Decision::Withdraw, s @ (S::Requested | S::Approved)) => Some((s, S::Withdrawn)),
        _ => None,
    }
}

/// Whether `actor` may make `decision` on `e` now (what pages offer).
pub fn may_decide(actor: Option<&Actor>, e: &Endorsement, decision: Decision) -> bool {
    allowed(actor, e, decision).is_ok() && transition(decision, e.status).is_some()
}

/// Approves, declines or withdraws an endorsement. Approval signs the
/// organisation's `EndorsementCredential` (its key is made then, if it
/// has none).
pub async fn decide(
    app: &App,
    actor: Option<&Actor>,
    id: i32,
    decision: Decision,
) -> Result<EndorsementView, AppError> {
    let a = policy::signed_in(actor)?;
    let e = d::endorsement(&app.db, id).await?;
    allowed(actor, &e, decision)?;
    let (from, to) = transition(decision, e.status).ok_or_else(|| {
        AppError::conflict(
            "endorsement_decided",
            "the endorsement is not in a state this applies to",
        )
    })?;
    let v = view(&app.db, e.clone()).await?;
    let credential = if to == EndorsementStatus::Approved {
        let title = v.title_in(&v.course_language);
        let signed =
            crate::credentials::endorse(app, &e, &v.organisation, &v.course_slug, &title).await?;
        Some(signed.to_string())
    } else {
        None
    };
    let txn = kuza_db::begin_write(&app.db).await?;
    let decided = d::decide(&txn, id, from, to, a.id(), credential)
        .await
        .map_err(|e| match e {
            kuza_certification::CertificationError::NotFound => AppError::conflict(
                "endorsement_decided",
                "the endorsement was decided meanwhile",
            ),
            other => other.into(),
        })?;
    audit(
        &txn,
        actor,
        &format!("endorsement.{}", to.code()),
        "endorsement",
        id,
        json!({ "course_id": e.course_id, "organisation_id": e.organisation_id }),
    )
    .await?;
    txn.commit().await?;
    Ok(EndorsementView {
        endorsement: decided,
        ..v
    })
}

/// An approved endorsement's signed credential (public: anyone checks
/// what an organisation endorses).
pub async fn endorsement_credential(
    app: &App,
    organisation_id: i32,
    id: i32,
) -> Result<serde_json::Value, AppError> {
    let e = d::endorsement(&app.db, id).await?;
    if e.organisation_id != organisation_id || e.status != EndorsementStatus::Approved {
        return Err(AppError::NotFound);
    }
    e.credential
        .as_deref()
        .and_then(|s| serde_json::from_str(s).ok())
        .ok_or(AppError::NotFound)
}
