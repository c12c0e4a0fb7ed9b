//! Demo content for a first look: an organisation and one account for each
//! role. Loading it twice changes nothing.

use kuza_accounts::organisations::{self, OrganisationInput};
use kuza_accounts::users::{self, AccountInput};
use kuza_accounts::{AccountError, Grants, Role, roles};
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
        let role = a.role.map_or("learner", Role::code);
        s.push_str(&format!("  {:<12} {}\n", role, a.email));
    }
    s
}
