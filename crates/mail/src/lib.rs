//! Email: what to send ([`Outgoing`]), written to the job table in the
//! caller's transaction ([`enqueue`]); how it looks (tera templates under
//! `web/templates/email/`, text and HTML parts, strings from Fluent in the
//! recipient's language); and how it leaves ([`Mailer`]: SMTP, or `.eml`
//! files in a folder outside production).

//!
//! What to send and `enqueue` are all the application layer needs; the
//! rendering and delivery (tera, lettre) are behind the `deliver` feature,
//! which only the server, whose worker sends the mail, turns on.

#[cfg(feature = "deliver")]
mod deliver;
#[cfg(feature = "deliver")]
pub use deliver::{Mailer, Rendered, Renderer};

use kuza_i18n::Language;
use sea_orm::ConnectionTrait;
use serde::{Deserialize, Serialize};

/// The job kind under which emails wait in the job table.
pub const JOB_KIND: &str = "email";

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("the email job payload is not valid: {0}")]
    Payload(#[from] serde_json::Error),
    #[error("the email could not be rendered: {0}")]
    Render(String),
    #[error("the email could not be built: {0}")]
    Build(String),
    #[error("the email could not be delivered: {0}")]
    Delivery(String),
    #[error("the mail transport could not be set up: {0}")]
    Setup(String),
}

/// One message to one person, as stored in the job payload.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Outgoing {
    /// Template stem under `web/templates/email/` (`verify` → `verify.html`, `verify.txt`).
    pub template: String,
    /// Fluent id of the subject line.
    pub subject_key: String,
    pub to: String,
    pub to_name: String,
    pub lang: String,
    /// Template variables (links, names).
    pub vars: serde_json::Value,
}

impl Outgoing {
    pub fn verify_email(to: &str, to_name: &str, lang: Language, link: &str) -> Outgoing {
        Outgoing {
            template: "verify".into(),
            subject_key: "email-verify-subject".into(),
            to: to.into(),
            to_name: to_name.into(),
            lang: lang.code().into(),
            vars: serde_json::json!({ "link": link }),
        }
    }

    /// To the owner of an address someone tried to sign up with: the
    /// account exists; sign in, or reset the password.
    pub fn already_registered(
        to: &str,
        to_name: &str,
        lang: Language,
        sign_in: &str,
        reset: &str,
    ) -> Outgoing {
        Outgoing {
            template: "registered".into(),
            subject_key: "email-registered-subject".into(),
            to: to.into(),
            to_name: to_name.into(),
            lang: lang.code().into(),
            vars: serde_json::json!({ "sign_in": sign_in, "reset": reset }),
        }
    }

    pub fn reset_password(to: &str, to_name: &str, lang: Language, link: &str) -> Outgoing {
        Outgoing {
            template: "reset".into(),
            subject_key: "email-reset-subject".into(),
            to: to.into(),
            to_name: to_name.into(),
            lang: lang.code().into(),
            vars: serde_json::json!({ "link": link }),
        }
    }

    /// A notice about something of the learner's (a place in a course:
    /// `enrolled`, `waitlisted`, `offered`…; a certificate:
    /// `certificate_issued`, `certificate_revoked`): the template of that
    /// name, subject `email-<kind>-subject`.
    /// `vars` carries `course` (its title), `link`, and what the template
    /// adds (an offer's `deadline`, a certificate's `number`).
    pub fn notice(
        kind: &str,
        to: &str,
        to_name: &str,
        lang: Language,
        vars: serde_json::Value,
    ) -> Outgoing {
        Outgoing {
            template: kind.into(),
            subject_key: format!("email-{kind}-subject"),
            to: to.into(),
            to_name: to_name.into(),
            lang: lang.code().into(),
            vars,
        }
    }
}

/// Queues a message in the caller's transaction: it is sent if and only if
/// that transaction commits.
pub async fn enqueue(
    conn: &impl ConnectionTrait,
    msg: &Outgoing,
) -> Result<(), kuza_jobs::JobError> {
    kuza_jobs::enqueue(conn, JOB_KIND, msg, None)
        .await
        .map(|_| ())
}

/// [`enqueue`], unless a message was already queued under `key` (a second
/// one is dropped; `false`).
pub async fn enqueue_once(
    conn: &impl ConnectionTrait,
    msg: &Outgoing,
    key: &str,
) -> Result<bool, kuza_jobs::JobError> {
    kuza_jobs::enqueue(conn, JOB_KIND, msg, Some(key)).await
}
