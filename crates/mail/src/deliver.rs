//! Rendering (tera templates per language) and delivery (lettre: SMTP or
//! `.eml` files).

use crate::{MailError, Outgoing};
use kuza_i18n::{Language, Localizer, TeraTranslate};
use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::AsyncSmtpTransport;
use lettre::{AsyncFileTransport, AsyncTransport, Message, Tokio1Executor};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

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
        // The subject may name the site and any of the message's text values.
        let mut args: Vec<(&str, kuza_i18n::Arg<'_>)> =
            vec![("site", self.site_name.as_str().into())];
        if let Some(vars) = msg.vars.as_object() {
            args.extend(
                vars.iter()
                    .filter_map(|(k, v)| Some((k.as_str(), v.as_str()?.into()))),
            );
        }
        Ok(Rendered {
            subject: self.localizer.t(lang, &msg.subject_key, &args),
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
