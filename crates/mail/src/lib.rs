//! Email: what to send ([`Outgoing`]), written to the job table in the
//! caller's transaction ([`enqueue`]); how it looks (tera templates under
//! `web/templates/email/`, text and HTML parts, strings from Fluent in the
//! recipient's language); and how it leaves ([`Mailer`]: SMTP, or `.eml`
//! files in a folder outside production).

use kuza_i18n::{Language, Localizer, TeraTranslate};
use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::AsyncSmtpTransport;
use lettre::{AsyncFileTransport, AsyncTransport, Message, Tokio1Executor};
use sea_orm::ConnectionTrait;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

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

    /// About a learner's place in a course: `enrolled`, `waitlisted` or
    /// `offered` (the template of that name, subject
    /// `email-<kind>-subject`). `vars` carries `course` (its title), `link`
    /// and, for an offer, `deadline`.
    pub fn enrolment(
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

#[derive(rust_embed::RustEmbed)]
#[folder = "../../web/templates/email/"]
struct Templates;

/// A rendered message.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// Renders emails: one tera instance over the embedded email templates.
pub struct Renderer {
    tera: tera::Tera,
    localizer: Arc<Localizer>,
    site_name: String,
}

impl Renderer {
    pub fn new(localizer: Arc<Localizer>, site_name: &str) -> Result<Renderer, MailError> {
        let mut tera = tera::Tera::default();
        let mut all = vec![];
        for name in Templates::iter() {
            let file = Templates::get(&name)
                .ok_or_else(|| MailError::Render(format!("{name} missing")))?;
            let text = String::from_utf8(file.data.into_owned())
                .map_err(|e| MailError::Render(e.to_string()))?;
            all.push((name.to_string(), text));
        }
        // All at once: a template may extend one that sorts after it.
        tera.add_raw_templates(all)
            .map_err(|e| MailError::Render(format!("{e:?}")))?;
        tera.set_escape_fn(kuza_i18n::escape_html);
        tera.register_function("t", TeraTranslate(localizer.clone()));
        Ok(Renderer {
            tera,
            localizer,
            site_name: site_name.into(),
        })
    }

    /// The template stems available (each has `.html` and `.txt`).
    pub fn templates() -> Vec<String> {
        let mut v: Vec<String> = Templates::iter()
            .filter_map(|n| n.strip_suffix(".txt").map(str::to_owned))
            .collect();
        v.sort();
        v
    }

    pub fn render(&self, msg: &Outgoing) -> Result<Rendered, MailError> {
        let lang = Language::parse(&msg.lang).unwrap_or(Language::En);
        let mut ctx = tera::Context::new();
        ctx.insert("lang", lang.code());
        ctx.insert("dir", lang.dir());
        ctx.insert("site", &self.site_name);
        ctx.insert("name", &msg.to_name);
        ctx.insert("vars", &msg.vars);
        let render = |file: String| {
            self.tera
                .render(&file, &ctx)
                .map_err(|e| MailError::Render(format!("{file}: {e:?}")))
        };
        Ok(Rendered {
            subject: self.localizer.t(
                lang,
                &msg.subject_key,
                &[("site", self.site_name.as_str().into())],
            ),
            text: render(format!("{}.txt", msg.template))?,
            html: render(format!("{}.html", msg.template))?,
        })
    }
}

enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    File(AsyncFileTransport<Tokio1Executor>),
}

/// Delivers queued emails through SMTP or, outside production, as `.eml` files.
pub struct Mailer {
    transport: Transport,
    renderer: Renderer,
    from: Mailbox,
    message_id_domain: String,
}

impl Mailer {
    /// SMTP from a URL: `smtp://host:port` (plain, for a local relay),
    /// `smtp://user:pass@host:587?tls=required` (STARTTLS) or `smtps://…` (TLS).
    pub fn smtp(
        url: &str,
        renderer: Renderer,
        from: &str,
        message_id_domain: &str,
    ) -> Result<Mailer, MailError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| MailError::Setup(e.to_string()))?
            .timeout(Some(Duration::from_secs(30)))
            .build();
        Self::with(
            Transport::Smtp(transport),
            renderer,
            from,
            message_id_domain,
        )
    }

    /// Writes each message as `<id>.eml` in `dir` (created if missing).
    pub fn files(
        dir: PathBuf,
        renderer: Renderer,
        from: &str,
        message_id_domain: &str,
    ) -> Result<Mailer, MailError> {
        std::fs::create_dir_all(&dir)
            .map_err(|e| MailError::Setup(format!("{}: {e}", dir.display())))?;
        Self::with(
            Transport::File(AsyncFileTransport::new(dir)),
            renderer,
            from,
            message_id_domain,
        )
    }

    fn with(
        transport: Transport,
        renderer: Renderer,
        from: &str,
        message_id_domain: &str,
    ) -> Result<Mailer, MailError> {
        let from = from
            .parse()
            .map_err(|e| MailError::Setup(format!("mail_from: {e}")))?;
        Ok(Mailer {
            transport,
            renderer,
            from,
            message_id_domain: message_id_domain.into(),
        })
    }

    /// Renders and sends the message of job `job_id`. The Message-ID is
    /// derived from the job, so even a retried send is one message to the
    /// recipient's server.
    pub async fn deliver(&self, job_id: i32, payload: &str) -> Result<(), MailError> {
        let msg: Outgoing = serde_json::from_str(payload)?;
        let rendered = self.renderer.render(&msg)?;
        let to: Mailbox = Mailbox::new(
            Some(msg.to_name.clone()),
            msg.to
                .parse()
                .map_err(|e| MailError::Build(format!("recipient: {e}")))?,
        );
        let email = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(rendered.subject)
            .message_id(Some(format!("<job-{job_id}@{}>", self.message_id_domain)))
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("Content-Language"),
                msg.lang.clone(),
            ))
            .multipart(MultiPart::alternative_plain_html(
                rendered.text,
                rendered.html,
            ))
            .map_err(|e| MailError::Build(e.to_string()))?;
        match &self.transport {
            Transport::Smtp(t) => t
                .send(email)
                .await
                .map(|_| ())
                .map_err(|e| MailError::Delivery(e.to_string())),
            Transport::File(t) => t
                .send(email)
                .await
                .map(|_| ())
                .map_err(|e| MailError::Delivery(e.to_string())),
        }
    }
}
