//! The server-rendered portal: pages that work without JavaScript, in the
//! six languages, with a CSRF token on every form.
//!
//! - [`Portal`] (extractor): the viewer (if signed in), the page language,
//!   the CSRF token, and cookies to set; renders pages and redirects.
//! - [`Posted<T>`] (extractor): a form body whose CSRF token is checked
//!   before `T` is even parsed. Every POST handler takes one.
//! - [`error_pages`] (middleware): turns [`PortalError`]s into localized pages.

mod account;
mod admin;
mod bulk;
mod catalog;
mod certificates;
mod courses;
mod design;
mod grading;
mod learning;
mod media;
mod members;
mod needs;
mod packages;
mod profile;
mod reports;
mod sessions;
mod studio;
mod studio_cohorts;
mod studio_lessons;
mod survey_bank;
mod surveys;

use crate::csrf;
use crate::errors::{ErrorPage, PortalError};
use crate::http::SESSION_COOKIE;
use crate::routes::{Access, Table};
use crate::state::AppState;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::http::header;
use actix_web::middleware::Next;
use actix_web::{Error, FromRequest, HttpMessage, HttpRequest, HttpResponse, web};
use futures_util::future::LocalBoxFuture;
use kuza_accounts::Role;
use kuza_app::{Actor, AppError, FieldProblem};
use kuza_i18n::{Arg, Language};
use serde::Serialize;
use serde::de::DeserializeOwned;
use tera::Context;

const ANON_COOKIE: &str = "kuza_anon";
const LANG_COOKIE: &str = "kuza_lang";

/// Largest form body the portal accepts.
const FORM_LIMIT: usize = 64 * 1024;

/// What the portal sets for the whole app: the largest form body, and the
/// friendly pages for an address whose query or path cannot be read (a
/// hand-edited `?page=`, an id that is not a number).
pub(crate) fn configure(cfg: &mut web::ServiceConfig) {
    cfg.app_data(web::PayloadConfig::new(FORM_LIMIT))
        .app_data(
            web::QueryConfig::default().error_handler(|err, _| {
                PortalError::App(AppError::BadInput(err.to_string())).into()
            }),
        )
        .app_data(
            web::PathConfig::default()
                .error_handler(|_, _| PortalError::App(AppError::NotFound).into()),
        );
}

pub fn routes(t: &mut Table) {
    t.page(Method::GET, "/", Access::Public, home);
    t.page(Method::POST, "/language", Access::Public, switch_language);
    account::routes(t);
    profile::routes(t);
    admin::routes(t);
    catalog::routes(t);
    certificates::routes(t);
    design::routes(t);
    courses::routes(t);
    learning::routes(t);
    packages::routes(t);
    bulk::routes(t);
    grading::routes(t);
    sessions::routes(t);
    studio::routes(t);
    media::routes(t);
    members::routes(t);
    reports::routes(t);
    surveys::routes(t);
    needs::routes(t);
    survey_bank::routes(t);
}

/// A signed-in person, and the session they came with.
pub struct Viewer {
    pub actor: Actor,
    pub session: String,
}

/// What the layout needs even on error pages (stored in request extensions).
#[derive(Clone, Serialize)]
struct Shell {
    lang: Language,
    user_name: Option<String>,
    is_admin: bool,
}

/// Notices a redirect may ask the next page to show (`?notice=…`).
const NOTICES: [&str; 35] = [
    "subscription-saved",
    "needs-notice-invited",
    "subscription-ended",
    "member-confirmed",
    "member-removed",
    "library-saved",
    "design-saved",
    "endorsement-requested",
    "endorsement-decided",
    "grading-saved",
    "attendance-saved",
    "learn-notice-enrolled",
    "package-uploaded",
    "package-deleted",
    "package-in-use",
    "learn-notice-withdrawn",
    "learn-notice-completed",
    "studio-saved",
    "media-uploaded",
    "media-deleted",
    "media-in-use",
    "profile-saved",
    "password-changed",
    "signed-out",
    "reset-done",
    "invite-done",
    "admin-user-saved",
    "admin-org-saved",
    "verify-ok-body",
    "verify-resent",
    "certificate-revoked",
    "certificate-revised",
    "certificate-issued",
    "report-filed",
    "report-validated",
];

pub struct Portal {
    pub lang: Language,
    pub viewer: Option<Viewer>,
    pub csrf: String,
    /// Path and query of this request (for `next=` and the language switch).
    pub path: String,
    /// The client's address, for sign-in throttling.
    pub client: String,
    notice: Option<&'static str>,
    cookies: Vec<Cookie<'static>>,
    pub state: web::Data<AppState>,
}

#[derive(serde::Deserialize)]
struct PageQuery {
    lang: Option<String>,
    notice: Option<String>,
}

fn cookie(
    state: &AppState,
    name: &'static str,
    value: String,
    max_age: Option<CookieDuration>,
) -> Cookie<'static> {
    let mut c = Cookie::build(name, value)
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(state.settings.secure_cookies())
        .finish();
    if let Some(age) = max_age {
        c.set_max_age(age);
    }
    c
}

impl Portal {
    async fn extract(req: &HttpRequest) -> Result<Portal, PortalError> {
        let state = req
            .app_data::<web::Data<AppState>>()
            .cloned()
            .ok_or_else(|| AppError::Internal("application state missing".into()))?;
        let mut cookies = vec![];
        let session = req.cookie(SESSION_COOKIE).map(|c| c.value().to_owned());
        let mut viewer = None;
        if let Some(token) = session {
            match kuza_app::accounts::session_actor(&state.app, &token).await? {
                Some(actor) => {
                    viewer = Some(Viewer {
                        actor,
                        session: token,
                    })
                }
                None => cookies.push(cookie(
                    &state,
                    SESSION_COOKIE,
                    String::new(),
                    Some(CookieDuration::ZERO),
                )),
            }
        }
        let query = web::Query::<PageQuery>::from_query(req.query_string()).ok();
        let query_lang = query
            .as_ref()
            .and_then(|q| q.lang.as_deref())
            .and_then(Language::parse);
        let cookie_lang = req
            .cookie(LANG_COOKIE)
            .and_then(|c| Language::parse(c.value()));
        let accept_lang = req
            .headers()
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .and_then(Language::negotiate);
        let lang = viewer
            .as_ref()
            .and_then(|v| Language::parse(&v.actor.user.language))
            .or(query_lang)
            .or(cookie_lang)
            .or(accept_lang)
            .unwrap_or(Language::En);
        if let Some(q) = query_lang.filter(|q| Some(*q) != cookie_lang && viewer.is_none()) {
            cookies.push(cookie(
                &state,
                LANG_COOKIE,
                q.code().into(),
                Some(CookieDuration::days(365)),
            ));
        }
        let binding = match &viewer {
            Some(v) => format!("s:{}", v.session),
            None => {
                let anon = match req.cookie(ANON_COOKIE) {
                    Some(c) if c.value().len() >= 32 => c.value().to_owned(),
                    _ => {
                        let fresh = kuza_accounts::tokens::random_token();
                        cookies.push(cookie(&state, ANON_COOKIE, fresh.clone(), None));
                        fresh
                    }
                };
                format!("a:{anon}")
            }
        };
        let csrf = csrf::token(&state.app.secret, &binding);
        let notice = query
            .and_then(|q| q.notice.clone())
            .and_then(|n| NOTICES.into_iter().find(|k| *k == n));
        req.extensions_mut().insert(Shell {
            lang,
            user_name: viewer.as_ref().map(|v| v.actor.user.display_name.clone()),
            is_admin: viewer.as_ref().is_some_and(|v| v.actor.is_admin()),
        });
        let path = match req.query_string() {
            "" => req.path().to_owned(),
            q => format!("{}?{q}", req.path()),
        };
        let client = crate::http::client_address(req, state.settings.trust_forwarded_for);
        Ok(Portal {
            lang,
            viewer,
            csrf,
            path,
            client,
            notice,
            cookies,
            state,
        })
    }

    /// Who is asking, as the application's use cases take them.
    pub fn actor(&self) -> Option<&Actor> {
        self.viewer.as_ref().map(|v| &v.actor)
    }

    /// The signed-in person, or a redirect to sign in and come back here.
    pub fn require_user(&self) -> Result<&Actor, PortalError> {
        Ok(kuza_app::policy::signed_in(self.actor())?)
    }

    pub fn t(&self, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        self.state.localizer.t(self.lang, key, args)
    }

    /// Adds a cookie to whatever response this portal produces next.
    pub fn set_cookie(&mut self, c: Cookie<'static>) {
        self.cookies.push(c);
    }

    pub fn session_cookie(&self, token: String) -> Cookie<'static> {
        cookie(
            &self.state,
            SESSION_COOKIE,
            token,
            Some(CookieDuration::seconds(
                self.state.app.limits.session_ttl_seconds,
            )),
        )
    }

    pub fn expired_session_cookie(&self) -> Cookie<'static> {
        cookie(
            &self.state,
            SESSION_COOKIE,
            String::new(),
            Some(CookieDuration::ZERO),
        )
    }

    pub fn lang_cookie(&self, lang: Language) -> Cookie<'static> {
        cookie(
            &self.state,
            LANG_COOKIE,
            lang.code().into(),
            Some(CookieDuration::days(365)),
        )
    }

    fn shell(&self, ctx: &mut Context) {
        let state = &self.state;
        ctx.insert("lang", self.lang.code());
        ctx.insert("dir", self.lang.dir());
        ctx.insert("site", &state.settings.site_name);
        ctx.insert("csrf", &self.csrf);
        ctx.insert("path", &self.path);
        ctx.insert("languages", &languages());
        if let Some(v) = &self.viewer {
            ctx.insert(
                "viewer",
                &serde_json::json!({
                    "name": v.actor.user.display_name,
                    "is_admin": v.actor.is_admin(),
                    "is_author": v.actor.grants.has(Role::Author) || v.actor.is_admin(),
                    "is_partner": v.actor.grants.has(Role::Partner),
                    "organisation": v.actor.partner_of(),
                    "reads_reports": v.actor.is_admin() || v.actor.reports_of().is_some() || v.actor.grants.has(Role::Author) || v.actor.grants.has(Role::Facilitator),
                    "grades": v.actor.is_admin() || v.actor.grants.has(Role::Author) || v.actor.grants.has(Role::Facilitator),
                }),
            );
        }
        if let Some(n) = self.notice {
            ctx.insert("notice", n);
        }
        // Form templates may always refer to these.
        for key in ["errors", "password_errors"] {
            if !ctx.contains_key(key) {
                ctx.insert(key, &serde_json::Map::new());
            }
        }
        if !ctx.contains_key("error_count") {
            ctx.insert("error_count", &0);
        }
    }

    /// Renders `template` with the layout's variables added.
    pub fn render(&self, template: &str, mut ctx: Context) -> Result<HttpResponse, PortalError> {
        self.render_status(actix_web::http::StatusCode::OK, template, &mut ctx)
    }

    /// Renders a form again with its errors (422), keeping what was typed.
    pub fn render_invalid(
        &self,
        template: &str,
        mut ctx: Context,
    ) -> Result<HttpResponse, PortalError> {
        self.render_status(
            actix_web::http::StatusCode::UNPROCESSABLE_ENTITY,
            template,
            &mut ctx,
        )
    }

    pub(crate) fn render_status(
        &self,
        status: actix_web::http::StatusCode,
        template: &str,
        ctx: &mut Context,
    ) -> Result<HttpResponse, PortalError> {
        self.shell(ctx);
        let html = self.state.views.tera.render(template, ctx)?;
        let mut res = HttpResponse::build(status);
        res.content_type("text/html; charset=utf-8")
            .insert_header((header::CACHE_CONTROL, "no-store"));
        for c in &self.cookies {
            res.cookie(c.clone());
        }
        Ok(res.body(html))
    }

    /// A 303 redirect (after a successful POST), keeping pending cookies.
    pub fn redirect(&self, to: &str) -> HttpResponse {
        let mut res = HttpResponse::SeeOther();
        res.insert_header((header::LOCATION, to.to_owned()));
        for c in &self.cookies {
            res.cookie(c.clone());
        }
        res.finish()
    }

    /// Error messages for invalid fields, keyed by form field (`title.ar`
    /// becomes `title_ar`), in this language; the first for each field.
    pub fn field_errors(
        &self,
        problems: &[FieldProblem],
    ) -> serde_json::Map<String, serde_json::Value> {
        let mut m = serde_json::Map::new();
        for p in problems {
            let msg = self.t(
                &format!("err-{}", p.code),
                &[
                    ("min", (kuza_accounts::values::PASSWORD_MIN as i64).into()),
                    ("max", (kuza_accounts::values::PASSWORD_MAX as i64).into()),
                ],
            );
            m.entry(p.field.replace('.', "_"))
                .or_insert(serde_json::Value::String(msg));
        }
        m
    }
}

fn languages() -> Vec<serde_json::Value> {
    Language::ALL
        .iter()
        .map(|l| serde_json::json!({ "code": l.code(), "name": l.native_name(), "dir": l.dir() }))
        .collect()
}

impl FromRequest for Portal {
    type Error = PortalError;
    type Future = LocalBoxFuture<'static, Result<Portal, PortalError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move { Portal::extract(&req).await })
    }
}

/// A submitted form: the CSRF token is checked first, then `T` is parsed.
pub struct Posted<T> {
    pub portal: Portal,
    pub form: T,
}

impl<T: DeserializeOwned + 'static> FromRequest for Posted<T> {
    type Error = PortalError;
    type Future = LocalBoxFuture<'static, Result<Posted<T>, PortalError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        let body = web::Bytes::from_request(&req, payload);
        Box::pin(async move {
            let body =
                body.await
                    .map_err(|e| match e.as_response_error().status_code().as_u16() {
                        413 => AppError::TooLarge,
                        _ => AppError::BadInput(e.to_string()),
                    })?;
            let portal = Portal::extract(&req).await?;
            let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(&body)
                .map_err(|e| AppError::BadInput(e.to_string()))?;
            let presented = pairs
                .iter()
                .find(|(k, _)| k == "csrf")
                .map_or("", |(_, v)| v.as_str());
            check_csrf(&portal, &req, presented)?;
            let form = serde_urlencoded::from_bytes(&body)
                .map_err(|e| AppError::BadInput(e.to_string()))?;
            Ok(Posted { portal, form })
        })
    }
}

/// Checks a form's CSRF token against the viewer's session (or, signed
/// out, the anonymous cookie). Every form goes through here: [`Posted`] for
/// URL-encoded forms, the upload handler for multipart ones.
pub(crate) fn check_csrf(
    portal: &Portal,
    req: &HttpRequest,
    presented: &str,
) -> Result<(), PortalError> {
    let binding = match &portal.viewer {
        Some(v) => format!("s:{}", v.session),
        None => format!(
            "a:{}",
            req.cookie(ANON_COOKIE)
                .map(|c| c.value().to_owned())
                .unwrap_or_default()
        ),
    };
    if csrf::verify(&portal.state.app.secret, &binding, presented) {
        Ok(())
    } else {
        tracing::warn!(path = %req.path(), "form refused: CSRF token missing or wrong");
        Err(PortalError::Csrf)
    }
}

/// Longest CSRF field read (a token is 43 characters).
const CSRF_FIELD_MAX: usize = 256;

/// Reads one small form field (the CSRF token) whole.
pub(crate) async fn small_field(field: &mut actix_multipart::Field) -> Option<String> {
    use futures_util::StreamExt;
    let mut buf = Vec::new();
    while let Some(chunk) = field.next().await {
        buf.extend_from_slice(&chunk.ok()?);
        if buf.len() > CSRF_FIELD_MAX {
            return None;
        }
    }
    String::from_utf8(buf).ok()
}

/// A `multipart/form-data` form whose first part, its CSRF field, is
/// checked before anything else of it is read: the parts after it.
pub(crate) async fn checked_multipart(
    portal: &Portal,
    req: &HttpRequest,
    payload: web::Payload,
) -> Result<actix_multipart::Multipart, PortalError> {
    use futures_util::StreamExt;
    let mut parts = actix_multipart::Multipart::new(req.headers(), payload);
    let mut first = match parts.next().await {
        Some(Ok(f)) if f.name() == Some("csrf") => f,
        _ => {
            tracing::warn!(path = %req.path(), "form refused: it does not start with its CSRF field");
            return Err(PortalError::Csrf);
        }
    };
    let presented = small_field(&mut first).await.unwrap_or_default();
    drop(first);
    check_csrf(portal, req, &presented)?;
    Ok(parts)
}

/// A local path to return to after a form (never another site).
///
/// The path is first read as a browser reads a `Location`: surrounding
/// spaces and control characters trimmed, tabs and line breaks dropped
/// wherever they are, `\` taken for `/`. What is left must be a path on
/// this site (one `/`, not two); anything else returns home. Bytes a header
/// may not carry are percent-encoded.
pub fn safe_next(next: Option<&str>) -> String {
    let read: String = next
        .unwrap_or_default()
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .map(|c| if c == '\\' { '/' } else { c })
        .collect();
    if !read.starts_with('/') || read.starts_with("//") || read.chars().any(char::is_control) {
        return "/".to_owned();
    }
    let mut path = String::with_capacity(read.len());
    for b in read.bytes() {
        if b.is_ascii_graphic() {
            path.push(b as char);
        } else {
            path.push_str(&format!("%{b:02X}"));
        }
    }
    path
}

/// Middleware: renders the localized page for a [`PortalError`] response.
pub async fn error_pages(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let res = next.call(req).await?;
    let Some(page) = res.response().extensions().get::<ErrorPage>().copied() else {
        return Ok(res.map_into_boxed_body());
    };
    let (req, res) = res.into_parts();
    if page == ErrorPage::SignIn {
        // Sign in, then come back here.
        let here = match req.query_string() {
            "" => req.path().to_owned(),
            q => format!("{}?{q}", req.path()),
        };
        // A language asked for in the address is the sign-in page's too.
        let lang = web::Query::<PageQuery>::from_query(req.query_string())
            .ok()
            .and_then(|q| q.into_inner().lang)
            .filter(|l| Language::parse(l).is_some());
        let mut params = vec![("next", here)];
        params.extend(lang.map(|l| ("lang", l)));
        let q = serde_urlencoded::to_string(params).unwrap_or_default();
        let to = HttpResponse::SeeOther()
            .insert_header((header::LOCATION, format!("/sign-in?{q}")))
            .finish();
        return Ok(ServiceResponse::new(req, to));
    }
    let Some(state) = req.app_data::<web::Data<AppState>>().cloned() else {
        return Ok(ServiceResponse::new(req, res.map_into_boxed_body()));
    };
    let known = req.extensions().get::<Shell>().cloned();
    let shell = known.unwrap_or_else(|| Shell {
        lang: req
            .cookie(LANG_COOKIE)
            .and_then(|c| Language::parse(c.value()))
            .or_else(|| {
                req.headers()
                    .get(header::ACCEPT_LANGUAGE)
                    .and_then(|v| v.to_str().ok())
                    .and_then(Language::negotiate)
            })
            .unwrap_or(Language::En),
        user_name: None,
        is_admin: false,
    });
    let (title, body) = page.keys();
    let request_id = crate::telemetry::request_id().unwrap_or_default();
    let t = |k: &str| {
        state
            .localizer
            .t(shell.lang, k, &[("id", request_id.as_str().into())])
    };
    let mut ctx = Context::new();
    ctx.insert("lang", shell.lang.code());
    ctx.insert("dir", shell.lang.dir());
    ctx.insert("site", &state.settings.site_name);
    ctx.insert("path", req.path());
    ctx.insert("languages", &languages());
    if let Some(name) = &shell.user_name {
        ctx.insert(
            "viewer",
            &serde_json::json!({ "name": name, "is_admin": shell.is_admin }),
        );
    }
    ctx.insert("error_title", &t(title));
    ctx.insert("error_body", &t(body));
    let html = state
        .views
        .tera
        .render("error.html", &ctx)
        .unwrap_or_else(|e| {
            tracing::error!(error.cause = ?e, "error page failed to render");
            t(title)
        });
    let new = HttpResponse::build(res.status())
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(html);
    Ok(ServiceResponse::new(req, new))
}

/// Anything unmatched: a problem+json 404 under `/api`, a page elsewhere.
pub async fn not_found(req: HttpRequest) -> Result<HttpResponse, actix_web::Error> {
    if req.path().starts_with("/api/") {
        Err(crate::errors::ApiError(AppError::NotFound).into())
    } else {
        Err(PortalError::App(AppError::NotFound).into())
    }
}

async fn home(portal: Portal) -> Result<HttpResponse, PortalError> {
    portal.render("home.html", Context::new())
}

#[derive(serde::Deserialize)]
struct LanguageForm {
    lang: String,
    back: Option<String>,
}

/// The language switcher: remembers the choice (in the profile when signed
/// in, in a cookie otherwise) and returns to the page.
async fn switch_language(posted: Posted<LanguageForm>) -> Result<HttpResponse, PortalError> {
    let Posted { mut portal, form } = posted;
    let lang = Language::parse(&form.lang).ok_or_else(|| AppError::BadInput("lang".into()))?;
    if let Some(a) = portal.actor() {
        kuza_app::accounts::set_language(&portal.state.app, a, lang).await?;
    }
    let c = portal.lang_cookie(lang);
    portal.set_cookie(c);
    let back = safe_next(form.back.as_deref());
    // Drop a `lang=` the page was opened with, so the new choice shows.
    let back = match back.split_once('?') {
        Some((p, q)) => {
            let kept: Vec<&str> = q.split('&').filter(|kv| !kv.starts_with("lang=")).collect();
            if kept.is_empty() {
                p.to_owned()
            } else {
                format!("{p}?{}", kept.join("&"))
            }
        }
        None => back,
    };
    Ok(portal.redirect(&back))
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_stays_on_this_site_as_a_browser_reads_it() {
        for (given, kept) in [
            ("/courses/a?x=1#top", "/courses/a?x=1#top"),
            ("  /profile ", "/profile"),
            ("/caf\u{e9}", "/caf%C3%A9"),
            ("/a b", "/a%20b"),
        ] {
            assert_eq!(safe_next(Some(given)), kept, "{given:?}");
        }
        for away in [
            "//evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "/\r\n/evil.example",
            "\t//evil.example",
            "/\\evil.example",
            "\\\\evil.example",
            "https://evil.example",
            "evil.example",
            "/\u{0}x",
            "/\u{7f}x",
            "",
        ] {
            assert_eq!(safe_next(Some(away)), "/", "{away:?}");
        }
        assert_eq!(safe_next(None), "/");
    }
}
