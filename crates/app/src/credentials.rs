//! Every certificate is also an Open Badges 3.0 credential, signed by the
//! instance as `did:web` (see `kuza_credentials` for the cryptography).
//!
//! The instance's signing key is made at first start (and by whichever
//! process first needs it: one insert wins), stored sealed with the
//! instance secret, so every process of one site signs with the same key;
//! an administrator rotates it, and retired keys stay in the DID document
//! so what they signed keeps verifying. A certificate's credential is
//! signed once per revision, the first time it is needed (its PDF, its
//! address), and kept; revocation is a Bitstring Status List that is
//! made and signed when it is asked for, so revoking shows at once.

use crate::policy::{self, Action, On};
use crate::{Actor, App, AppError};
use kuza_certification::design::{Design, Endorsement};
use kuza_certification::{
    self as certs, Certificate, CertificateKind, CertificateStatus, path as page,
};
use kuza_credentials::{self as vc, LIST_SIZE};
use sea_orm::EntityTrait;
use serde_json::{Value, json};

/// The owner of the instance's keys.
const INSTANCE: &str = "instance";

/// The instance's DID.
pub fn did(app: &App) -> String {
    vc::did_web(&app.base_url)
}

fn internal(e: impl std::fmt::Display) -> AppError {
    AppError::Internal(e.to_string())
}

/// Makes the instance's first key if it has none (at start).
pub async fn ensure_key(app: &App) -> Result<(), AppError> {
    if certs::keys(&app.db, INSTANCE).await?.is_empty() {
        add_key(app, INSTANCE, 1).await?;
    }
    Ok(())
}

async fn add_key(app: &App, owner: &str, n: usize) -> Result<bool, AppError> {
    let key = vc::new_key();
    let public = vc::public_multibase(&key.verifying_key());
    let sealed = vc::seal(&app.secret, key.as_bytes());
    Ok(certs::add_key(&app.db, owner, &format!("key-{n}"), &public, &sealed).await?)
}

/// The current key of `owner`, whose DID is `did`, made if it has none,
/// and its verification method (`did:web:…#key-n`).
async fn signing_key_of(
    app: &App,
    owner: &str,
    did: &str,
) -> Result<(String, vc::SigningKey), AppError> {
    let mut keys = certs::keys(&app.db, owner).await?;
    if keys.is_empty() {
        add_key(app, owner, 1).await?;
        keys = certs::keys(&app.db, owner).await?;
    }
    let current = keys
        .iter()
        .rev()
        .find(|k| k.retired_at.is_none())
        .ok_or_else(|| internal("no current signing key"))?;
    let secret = vc::open(&app.secret, &current.sealed_secret).map_err(internal)?;
    let bytes = <[u8; 32]>::try_from(secret.as_slice()).map_err(internal)?;
    Ok((
        format!("{did}#{}", current.key_id),
        vc::SigningKey::from_bytes(&bytes),
    ))
}

/// The instance's current key.
async fn signing_key(app: &App) -> Result<(String, vc::SigningKey), AppError> {
    signing_key_of(app, INSTANCE, &did(app)).await
}

/// Retires the current key and makes a new one (administrators). Returns
/// the new key's verification method.
pub async fn rotate_key(app: &App, actor: &Actor) -> Result<String, AppError> {
    policy::may(Some(actor), Action::ManageCertificates, On::Site)?;
    let txn = kuza_db::begin_write(&app.db).await?;
    let n = certs::keys(&txn, INSTANCE).await?.len() + 1;
    certs::retire_keys(&txn, INSTANCE).await?;
    let key = vc::new_key();
    let public = vc::public_multibase(&key.verifying_key());
    let sealed = vc::seal(&app.secret, key.as_bytes());
    if !certs::add_key(&txn, INSTANCE, &format!("key-{n}"), &public, &sealed).await? {
        return Err(AppError::conflict(
            "rotated_meanwhile",
            "the key was rotated meanwhile",
        ));
    }
    kuza_accounts::audit::record(
        &txn,
        Some(actor.id()),
        "signing_key.rotated",
        "signing_key",
        None,
        json!({ "key_id": format!("key-{n}") }),
    )
    .await?;
    txn.commit().await?;
    tracing::info!(user.id = actor.id(), key = n, "signing key rotated");
    Ok(format!("{}#key-{n}", did(app)))
}

/// The DID document: every key, retired ones included.
pub async fn did_document(app: &App) -> Result<Value, AppError> {
    document_of(app, INSTANCE, &did(app)).await
}

async fn document_of(app: &App, owner: &str, did: &str) -> Result<Value, AppError> {
    let keys: Vec<(String, String)> = certs::keys(&app.db, owner)
        .await?
        .into_iter()
        .map(|k| (k.key_id, k.public_key))
        .collect();
    if keys.is_empty() {
        return Err(AppError::NotFound);
    }
    Ok(vc::did_document(did, &keys))
}

/// The owner of an organisation's keys.
fn organisation_owner(id: i32) -> String {
    format!("organisation:{id}")
}

/// An organisation's own DID, under the instance's:
/// `did:web:learn.example.org:organisations:12`, whose document is at
/// `/organisations/12/did.json`.
pub fn organisation_did(app: &App, id: i32) -> String {
    format!("{}:organisations:{id}", did(app))
}

/// An organisation's DID document, once it has a key (its first
/// endorsement approved); not found before.
pub async fn organisation_document(app: &App, id: i32) -> Result<Value, AppError> {
    document_of(app, &organisation_owner(id), &organisation_did(app, id)).await
}

/// Where an approved endorsement's credential is published.
pub fn endorsement_path(e: &Endorsement) -> String {
    format!("/organisations/{}/endorsements/{}", e.organisation_id, e.id)
}

/// [`endorsement_path`] as a whole address (the credential's id).
pub fn endorsement_url(app: &App, e: &Endorsement) -> String {
    app.link(&endorsement_path(e))
}

/// The `EndorsementCredential` of `e`: the organisation (its own
/// `did:web` and key, held by the platform) endorses the course's
/// achievement, signed now.
pub async fn endorse(
    app: &App,
    e: &Endorsement,
    organisation: &str,
    course_slug: &str,
    course_title: &str,
) -> Result<Value, AppError> {
    let issuer = organisation_did(app, e.organisation_id);
    let now = date_time(kuza_db::now());
    let mut subject = json!({
        "id": achievement_id(app, course_slug),
        "type": ["EndorsementSubject"],
    });
    if !e.comment.is_empty() {
        subject["endorsementComment"] = json!(e.comment);
    }
    let unsigned = json!({
        "@context": [vc::VC_CONTEXT, vc::OB_CONTEXT],
        "id": endorsement_url(app, e),
        "type": ["VerifiableCredential", "EndorsementCredential"],
        "name": format!("{organisation}: {course_title}"),
        "issuer": { "id": issuer, "type": ["Profile"], "name": organisation },
        "validFrom": now,
        "credentialSubject": subject,
    });
    let (method, key) =
        signing_key_of(app, &organisation_owner(e.organisation_id), &issuer).await?;
    vc::sign(unsigned, &key, &method, &now).map_err(internal)
}

/// The course's achievement: its catalog address.
fn achievement_id(app: &App, slug: &str) -> String {
    app.link(&format!("/courses/{slug}"))
}

/// `2026-12-07T10:00:00Z`.
fn date_time(ts: i64) -> String {
    crate::export::iso(ts)
}

/// Which status list a certificate is in (from 1) and its index there.
pub fn status_entry(c: &Certificate) -> (usize, usize) {
    let n = usize::try_from(c.id.max(1) - 1).unwrap_or(0);
    (n / LIST_SIZE + 1, n % LIST_SIZE)
}

fn status_list_url(app: &App, list: usize) -> String {
    app.link(&format!("/credentials/status/{list}"))
}

/// The certificate's credential, unsigned.
async fn badge(app: &App, c: &Certificate) -> Result<Value, AppError> {
    let slug = kuza_db::entities::course::Entity::find_by_id(c.course_id)
        .one(&app.db)
        .await?
        .map(|x| x.slug)
        .unwrap_or_default();
    Ok(badge_of(app, c, &slug))
}

/// The credential of `c`, whose course is at `/courses/{slug}`, unsigned.
fn badge_of(app: &App, c: &Certificate, slug: &str) -> Value {
    let lang = c.default_language.as_str();
    let (title, _) = certs::title_in(c, lang);
    let l = kuza_i18n::Language::parse(lang).unwrap_or(kuza_i18n::Language::En);
    let t = |key: &str| app.localizer.t(l, key, &[]);
    let kind = match c.kind {
        CertificateKind::Completion => "completion",
        CertificateKind::Participation => "participation",
    };
    let heading = t(&format!("cert-kind-{kind}"));
    let (list, index) = status_entry(c);
    let issuer = json!({
        "id": did(app), "type": ["Profile"], "name": app.site_name, "url": app.link("/"),
    });
    let mut achievement = json!({
        "id": achievement_id(app, slug),
        "type": ["Achievement"],
        "achievementType": "Certificate",
        "name": title,
        "description": heading,
        "criteria": { "narrative": t(&format!("pdf-reason-{kind}")) },
        "image": { "id": badge_image(), "type": "Image" },
        "inLanguage": lang,
        "creator": issuer,
    });
    // The partner organisations that endorsed the course when it was
    // issued, each credential signed by the organisation itself.
    let endorsements: Vec<Value> = Design::of(c.design.as_deref())
        .endorsements
        .into_iter()
        .map(|e| e.credential)
        .collect();
    if !endorsements.is_empty() {
        achievement["endorsement"] = Value::Array(endorsements);
    }
    json!({
        "@context": [vc::VC_CONTEXT, vc::OB_CONTEXT],
        "id": app.link(&format!("{}/credential.json", page(c))),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": format!("{heading}: {title}"),
        "issuer": issuer,
        "validFrom": date_time(c.issued_at.unwrap_or(c.completed_at)),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [{
                "type": "IdentityObject", "identityHash": c.learner_name,
                "identityType": "name", "hashed": false,
            }],
            "activityEndDate": date_time(c.completed_at),
            "achievement": achievement,
        },
        "credentialStatus": {
            "id": format!("{}#{index}", status_list_url(app, list)),
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": index.to_string(),
            "statusListCredential": status_list_url(app, list),
        },
    })
}

/// `c`'s credential signed now with the instance's key, without keeping it
/// (the studio's preview, the benchmark).
pub async fn sign_unkept(app: &App, c: &Certificate, slug: &str) -> Result<Value, AppError> {
    let (method, key) = signing_key(app).await?;
    vc::sign(
        badge_of(app, c, slug),
        &key,
        &method,
        &date_time(kuza_db::now()),
    )
    .map_err(internal)
}

/// A plain seal as the achievement's image (wallets show it).
fn badge_image() -> String {
    use base64::Engine;
    let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 120"><circle cx="60" cy="60" r="56" fill="#0b5394"/><circle cx="60" cy="60" r="44" fill="none" stroke="#fff" stroke-width="4"/><path d="M38 62l15 15 30-32" fill="none" stroke="#fff" stroke-width="9" stroke-linecap="round" stroke-linejoin="round"/></svg>"##;
    format!(
        "data:image/svg+xml;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(svg)
    )
}

/// The certificate's signed credential: kept, or signed and kept now (the
/// first made wins). Held certificates have none.
pub async fn credential(app: &App, c: &Certificate) -> Result<Value, AppError> {
    if c.status == CertificateStatus::Held {
        return Err(AppError::NotFound);
    }
    if let Some(kept) = c
        .credential
        .as_deref()
        .and_then(|s| serde_json::from_str(s).ok())
    {
        return Ok(kept);
    }
    let (method, key) = signing_key(app).await?;
    let signed = vc::sign(
        badge(app, c).await?,
        &key,
        &method,
        &date_time(kuza_db::now()),
    )
    .map_err(internal)?;
    let text = signed.to_string();
    let now = certs::keep_credential(&app.db, c.id, c.revision, &text).await?;
    Ok(now
        .and_then(|x| x.credential)
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or(signed))
}

/// Status list `list` (from 1), signed now: a bit set for each revoked
/// certificate in it.
pub async fn status_list(app: &App, list: usize) -> Result<Value, AppError> {
    let max_lists = usize::try_from(i32::MAX).unwrap_or(usize::MAX) / LIST_SIZE + 1;
    if list == 0 || list > max_lists {
        return Err(AppError::NotFound);
    }
    let first = (list - 1) * LIST_SIZE + 1;
    let (from, to) = (
        i32::try_from(first).map_err(internal)?,
        i32::try_from(first + LIST_SIZE - 1).unwrap_or(i32::MAX),
    );
    let revoked = certs::revoked_between(&app.db, from, to).await?;
    let bits = revoked
        .into_iter()
        .filter_map(|id| usize::try_from(id).ok())
        .map(|id| id - first);
    let url = status_list_url(app, list);
    let unsigned = json!({
        "@context": [vc::VC_CONTEXT],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": did(app),
        "validFrom": date_time(kuza_db::now()),
        "credentialSubject": {
            "id": format!("{url}#list"),
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": vc::encoded_list(bits),
        },
    });
    let (method, key) = signing_key(app).await?;
    vc::sign(unsigned, &key, &method, &date_time(kuza_db::now())).map_err(internal)
}
