//! Demo content for a first look: an organisation, one account for each
//! role, and three published courses (`crates/server/demo/courses/`, in the
//! archive format, built into the binary). Loading it twice changes nothing.

use kuza_accounts::members::{self, Confirmation};
use kuza_accounts::organisations::{self, OrganisationInput};
use kuza_accounts::users::{self, AccountInput};
use kuza_accounts::{AccountError, Grants, Role, roles};
use kuza_db::values::Code;
use sea_orm::DatabaseConnection;

/// Shared by every demo account; printed by `kuza serve --demo`.
pub const DEMO_PASSWORD: &str = "learn-with-kuza";

pub struct DemoAccount {
    pub email: &'static str,
    pub name: &'static str,
    pub language: &'static str,
    pub country: &'static str,
    pub role: Option<Role>,
}

pub const ACCOUNTS: [DemoAccount; 5] = [
    DemoAccount {
        email: "admin@example.org",
        name: "Amina Diallo",
        language: "en",
        country: "KE",
        role: Some(Role::Admin),
    },
    DemoAccount {
        email: "author@example.org",
        name: "Lucía Fernández",
        language: "es",
        country: "CO",
        role: Some(Role::Author),
    },
    DemoAccount {
        email: "facilitator@example.org",
        name: "Karim Haddad",
        language: "ar",
        country: "JO",
        role: Some(Role::Facilitator),
    },
    DemoAccount {
        email: "partner@example.org",
        name: "Wei Zhang",
        language: "zh",
        country: "CN",
        role: Some(Role::Partner),
    },
    DemoAccount {
        email: "learner@example.org",
        name: "Claire Dubois",
        language: "fr",
        country: "SN",
        role: None,
    },
];

const DEMO_ORGANISATION: &str = "Demo Urban Planning Institute";

/// Loads the demo content in one transaction; existing rows are left as they are.
pub async fn load(db: &DatabaseConnection) -> Result<(), AccountError> {
    let txn = kuza_db::begin_write(db).await?;
    let org = match organisations::find_by_name(&txn, DEMO_ORGANISATION).await? {
        Some(o) => o,
        None => {
            organisations::create(
                &txn,
                None,
                &OrganisationInput {
                    name: DEMO_ORGANISATION.into(),
                    kind: "academia".into(),
                    country: "KE".into(),
                    names: [
                        ("ar", "معهد التخطيط الحضري التجريبي"),
                        ("es", "Instituto de Planificación Urbana de Demostración"),
                        ("fr", "Institut d’urbanisme de démonstration"),
                        ("ru", "Демонстрационный институт городского планирования"),
                        ("zh", "城市规划示范学院"),
                    ]
                    .into_iter()
                    .map(|(l, n)| (l.to_owned(), n.to_owned()))
                    .collect(),
                    email_domains: String::new(),
                    provider: true,
                },
            )
            .await?
        }
    };
    for a in &ACCOUNTS {
        if users::find_by_email(&txn, a.email).await?.is_some() {
            continue;
        }
        let user = users::register(
            &txn,
            &AccountInput {
                email: a.email.into(),
                password: DEMO_PASSWORD.into(),
                display_name: a.name.into(),
                language: a.language.into(),
                country: a.country.into(),
                organisation_id: Some(org.id),
                gender: None,
                birth_year: None,
            },
            true,
        )
        .await?;
        // The staff are confirmed members; the learner waits for the
        // partner to confirm her (the first thing a partner does).
        if a.role.is_some() {
            members::confirm(&txn, None, org.id, user.id, Confirmation::Administrator).await?;
        }
        if let Some(role) = a.role {
            let grants = Grants {
                roles: vec![role],
                partner_organisation_id: (role == Role::Partner).then_some(org.id),
            };
            roles::set_grants(&txn, None, user.id, &grants).await?;
        }
    }
    txn.commit().await?;
    Ok(())
}

/// The sign-ins, as printed for a newcomer.
pub fn sign_ins() -> String {
    let mut s = String::from("Demo sign-ins (password for all: ");
    s.push_str(DEMO_PASSWORD);
    s.push_str(")\n");
    for a in &ACCOUNTS {
        let role = a.role.map_or("learner".to_owned(), |r| r.code());
        s.push_str(&format!("  {:<12} {}\n", role, a.email));
    }
    s
}

/// The demo courses, one folder per course in the archive layout.
#[derive(rust_embed::RustEmbed)]
#[folder = "demo/courses/"]
struct DemoCourses;

/// The demo courses' slugs and archive files, in slug order.
pub fn course_archives() -> Vec<(String, kuza_courses::archive::Files)> {
    let mut out: std::collections::BTreeMap<String, kuza_courses::archive::Files> =
        Default::default();
    for path in DemoCourses::iter() {
        let Some((slug, rest)) = path.split_once('/') else {
            continue;
        };
        if let Some(file) = DemoCourses::get(&path) {
            out.entry(slug.to_owned())
                .or_default()
                .insert(rest.to_owned(), file.data.into_owned().into());
        }
    }
    out.into_iter().collect()
}

/// Imports and publishes each demo course whose slug is free, owned by the
/// demo author.
pub async fn load_courses(
    db: &DatabaseConnection,
    storage: &kuza_media::Storage,
    upload_max_mb: u64,
) -> Result<(), String> {
    let author = users::find_by_email(db, "author@example.org")
        .await
        .map_err(|e| e.to_string())?
        .ok_or("the demo author is missing")?;
    for (slug, files) in course_archives() {
        if kuza_courses::draft::find_by_slug(db, &slug)
            .await
            .map_err(|e| e.to_string())?
            .is_some()
        {
            continue;
        }
        let mut c =
            crate::archives::import_files(db, storage, upload_max_mb, author.id, files, None)
                .await
                .map_err(|e| format!("demo course {slug}: {}", e.describe()))?;
        // The facilitated demo course is delivered by the demo institute (a
        // provider): its name shows with the course, its coordinator runs
        // the cohorts.
        if slug == REPORTED_COURSE
            && let Some(org) = organisations::find_by_name(db, DEMO_ORGANISATION)
                .await
                .map_err(|e| e.to_string())?
        {
            use sea_orm::{ActiveModelTrait, ActiveValue::Set};
            c = kuza_db::entities::course::ActiveModel {
                id: Set(c.id),
                organisation_id: Set(Some(org.id)),
                ..Default::default()
            }
            .update(db)
            .await
            .map_err(|e| e.to_string())?;
        }
        let txn = kuza_db::begin_write(db).await.map_err(|e| e.to_string())?;
        kuza_courses::versions::publish(&txn, &c, author.id)
            .await
            .map_err(|e| format!("demo course {slug}: {e}"))?;
        txn.commit().await.map_err(|e| e.to_string())?;
        if slug == REPORTED_COURSE {
            report_cohort(db, &c).await?;
        }
    }
    let slugs: Vec<String> = course_archives()
        .into_iter()
        .map(|(slug, _)| slug)
        .collect();
    load_design(db, storage, Some(&slugs)).await
}

/// The instance's logo and two signatories in the certificate library
/// (once, while it has none), chosen by the courses of `slugs` (every
/// course for `None`: the certificate benchmark's).
pub async fn load_design(
    db: &DatabaseConnection,
    storage: &kuza_media::Storage,
    slugs: Option<&[String]>,
) -> Result<(), String> {
    use kuza_certification::design as d;
    use sea_orm::sea_query::Expr;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let err = |e: sea_orm::DbErr| e.to_string();
    if !d::signatories(db, true).await.map_err(err)?.is_empty() {
        return Ok(());
    }
    let picture = |svg: &str| svg.as_bytes().to_vec();
    let store =
        |name: &'static str, svg: &str| crate::design::store_image_in(storage, name, picture(svg));
    let logo = store("logo", DEMO_LOGO).await.map_err(|e| e.to_string())?;
    let first = store("signature", DEMO_SIGNATURE_1)
        .await
        .map_err(|e| e.to_string())?;
    let second = store("signature", DEMO_SIGNATURE_2)
        .await
        .map_err(|e| e.to_string())?;
    let txn = kuza_db::begin_write(db).await.map_err(err)?;
    d::add_logo(&txn, "Kuza", &logo, true).await.map_err(err)?;
    let mut ids = vec![];
    for (name, title, signature) in [
        ("Leila Haddad", "Director, Capacity Development", first),
        ("Tomás Rivera", "Head of Training Programmes", second),
    ] {
        let s = d::add_signatory(
            &txn,
            &d::Signer {
                name: name.into(),
                title: title.into(),
                organisation: DEMO_ORGANISATION.into(),
                signature: Some(signature),
            },
        )
        .await
        .map_err(err)?;
        ids.push(s.id);
    }
    let choice = serde_json::to_string(&d::Choice {
        signatories: ids,
        logos: vec![],
    })
    .map_err(|e| e.to_string())?;
    let mut update = kuza_db::entities::course::Entity::update_many().col_expr(
        kuza_db::entities::course::Column::CertificateDesign,
        Expr::value(choice),
    );
    if let Some(slugs) = slugs {
        update =
            update.filter(kuza_db::entities::course::Column::Slug.is_in(slugs.iter().cloned()));
    }
    update.exec(&txn).await.map_err(err)?;
    txn.commit().await.map_err(err)
}

/// The demo instance's logo: a disc and a roof line (shapes only).
const DEMO_LOGO: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><circle cx="32" cy="32" r="30" fill="#0b5394"/><path d="M14 36 L32 18 L50 36" fill="none" stroke="#fff" stroke-width="6" stroke-linecap="round" stroke-linejoin="round"/><rect x="22" y="34" width="20" height="14" fill="#fff"/></svg>"##;

/// Two demo signatures: pen strokes.
const DEMO_SIGNATURE_1: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 60"><path d="M8 44 C 30 4, 40 60, 58 30 S 90 10, 96 40 S 130 50, 140 22 S 170 30, 192 18" fill="none" stroke="#1f2933" stroke-width="3" stroke-linecap="round"/></svg>"##;
const DEMO_SIGNATURE_2: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 60"><path d="M10 30 C 24 6, 34 54, 50 36 C 66 18, 70 50, 92 28 C 110 10, 120 46, 150 30 C 170 20, 180 36, 194 26" fill="none" stroke="#1f2933" stroke-width="3" stroke-linecap="round"/></svg>"##;

/// The demo course whose cohort's certificates wait for the
/// end-of-training report.
const REPORTED_COURSE: &str = "droit-au-logement-convenable";

/// Its cohort: running now, facilitated by the demo facilitator, its
/// certificates waiting for the report (the coordinator files it at
/// `/cohorts/{id}/report`, an administrator validates it).
async fn report_cohort(
    db: &DatabaseConnection,
    c: &kuza_courses::draft::Course,
) -> Result<(), String> {
    use sea_orm::sea_query::Expr;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let err = |e: sea_orm::DbErr| e.to_string();
    let facilitator = users::find_by_email(db, "facilitator@example.org")
        .await
        .map_err(|e| e.to_string())?
        .ok_or("the demo facilitator is missing")?;
    let t = kuza_db::now();
    let txn = kuza_db::begin_write(db).await.map_err(err)?;
    kuza_db::entities::course::Entity::update_many()
        .col_expr(
            kuza_db::entities::course::Column::CertificateNeedsReport,
            Expr::value(true),
        )
        .filter(kuza_db::entities::course::Column::Id.eq(c.id))
        .exec(&txn)
        .await
        .map_err(err)?;
    let input = kuza_enrollment::cohorts::CohortInput {
        name: "Cohorte de démonstration".into(),
        language: c.default_language.clone(),
        starts_at: t - 7 * 86_400,
        ends_at: t + 21 * 86_400,
        opens_at: None,
        closes_at: None,
        capacity: Some(30),
        confirm_hours: 48,
        facilitators: vec![facilitator.id],
    };
    kuza_enrollment::cohorts::create(&txn, c.id, &input)
        .await
        .map_err(err)?;
    txn.commit().await.map_err(err)
}
