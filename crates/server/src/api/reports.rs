//! Reports through the API: the learning report as JSON, CSV or XLSX, with
//! the same filters and groupings as the portal's page and the same
//! numbers (one table, `kuza_app::reports::Table`, behind all three).

use super::ApiUser;
use crate::errors::{ApiError, Problem};
use crate::routes::{Access, Table, doc};
use crate::state::AppState;
use actix_web::http::Method;
use actix_web::{HttpRequest, HttpResponse, web};
use kuza_app::reports::{self, Ask};
use kuza_app::{AppError, export};
use kuza_reports::suppress::Mark;
use kuza_reports::{Figure, Measure};
use serde::Serialize;
use std::collections::BTreeMap;
use utoipa::{IntoParams, ToSchema};

pub fn routes(t: &mut Table) {
    t.api(
        Method::GET,
        "/api/v1/reports/learning",
        Access::Reports,
        learning,
        doc::<__path_learning>,
    );
    t.api(
        Method::GET,
        "/api/v1/reports/learning.csv",
        Access::Reports,
        learning_csv,
        doc::<__path_learning_csv>,
    );
    t.api(
        Method::GET,
        "/api/v1/reports/subscriptions",
        Access::SignedIn,
        subscriptions,
        doc::<__path_subscriptions>,
    );
    t.api(
        Method::POST,
        "/api/v1/reports/subscriptions",
        Access::Reports,
        subscribe,
        doc::<__path_subscribe>,
    );
    t.api(
        Method::DELETE,
        "/api/v1/reports/subscriptions/{id}",
        Access::Own,
        unsubscribe,
        doc::<__path_unsubscribe>,
    );
    t.api(
        Method::GET,
        "/api/v1/reports/dashboard",
        Access::Admin,
        dashboard,
        doc::<__path_dashboard>,
    );
    t.api(
        Method::GET,
        "/api/v1/reports/learning.xlsx",
        Access::Reports,
        learning_xlsx,
        doc::<__path_learning_xlsx>,
    );
}

/// The question, as query parameters.
#[derive(serde::Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code, reason = "documents the query; `Ask` reads it")]
pub struct ReportQuery {
    /// The first day, `YYYY-MM-DD` (default: 1 January of this year).
    from: Option<String>,
    /// The last day, included (default: today).
    to: Option<String>,
    /// The rows' grouping: `course`, `cohort`, `format`, `language`,
    /// `month`, `quarter`, `year`, `country`, `region`, `sub_region`,
    /// `ldc`, `lldc`, `sids`, `gender`, `age_band`, `organisation_kind` or
    /// `organisation` (default: none, one row).
    by: Option<String>,
    /// A second grouping, crossed with the first (any other of the same).
    then: Option<String>,
    /// The measure the CSV and XLSX of a crossed report show: `enrolments`
    /// (default), `active_learners`, `completions`, `completion_rate`,
    /// `certificates`, `average_score`, `median_days`, `attendance_rate`.
    measure: Option<String>,
    /// Only the confirmed members of this organisation (its coordinators'
    /// and viewers' default).
    organisation: Option<i32>,
    /// Only this course.
    course: Option<i32>,
    /// Only this cohort.
    cohort: Option<i32>,
    /// Only the courses this organisation provides (its coordinators' and
    /// viewers' to read).
    provider: Option<i32>,
    /// Only courses of this format: `self_paced`, `facilitated`,
    /// `face_to_face`, `blended`.
    course_format: Option<String>,
    /// Only learners studying in this language (`ar`, `zh`, `en`, `fr`, `ru`, `es`).
    language: Option<String>,
}

/// A figure: its value, or why it is not shown.
#[derive(Serialize, ToSchema)]
pub struct FigureView {
    /// Counts are whole; shares are from 0 to 1; the average score is a
    /// percentage; the median is in days. Absent when suppressed or when
    /// there is nothing to measure.
    pub value: Option<f64>,
    /// `small`: a count under the threshold ("<5"); `hidden`: not shown so
    /// that a total cannot reveal a small one ("x").
    #[schema(value_type = Option<String>)]
    pub suppressed: Option<&'static str>,
    /// As the page shows it.
    pub shown: String,
}

#[derive(Serialize, ToSchema)]
pub struct GroupView {
    pub key: String,
    pub label: String,
    /// The label's language when it is not the one asked for.
    pub lang: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct RowView {
    #[serde(flatten)]
    pub group: GroupView,
    /// Per column (one for a report that is not crossed), each measure's figure.
    #[schema(value_type = Vec<Object>)]
    pub cells: Vec<BTreeMap<&'static str, FigureView>>,
    /// Each measure's figure for the whole row (crossed reports).
    #[schema(value_type = Option<Object>)]
    pub total: Option<BTreeMap<&'static str, FigureView>>,
}

#[derive(Serialize, ToSchema)]
pub struct ReportView {
    pub from: String,
    /// Included.
    pub to: String,
    pub by: Option<String>,
    pub then: Option<String>,
    /// Counts from 1 to this minus one show as "<n".
    pub threshold: u64,
    pub organisation: Option<String>,
    pub columns: Vec<GroupView>,
    pub rows: Vec<RowView>,
    /// The totals row.
    pub totals: RowView,
    /// The use of the courses, when the report is of whole courses (not
    /// of an organisation's, a cohort's or a language's learners).
    pub usage: Option<UsageView>,
}

#[derive(Serialize, ToSchema)]
pub struct UsageView {
    /// `YYYY-MM` → course page views, lesson views, file downloads.
    #[schema(value_type = Object)]
    pub months: BTreeMap<String, kuza_reports::usage::Use>,
    /// The language version shown → course page and lesson views.
    #[schema(value_type = Object)]
    pub languages: BTreeMap<String, kuza_reports::usage::Use>,
}

fn figure(m: Measure, f: Figure, k: u64) -> FigureView {
    FigureView {
        value: f.value,
        suppressed: match f.mark {
            Mark::Shown => None,
            Mark::Small => Some("small"),
            Mark::Hidden => Some("hidden"),
        },
        shown: reports::shown(m, f, k),
    }
}

fn view(t: &reports::Table) -> ReportView {
    let k = t.report.threshold;
    let nc = t.columns.len();
    let figures = |i: usize, j: usize| -> BTreeMap<&'static str, FigureView> {
        Measure::ALL
            .iter()
            .map(|m| (m.code(), figure(*m, t.at(*m, i, j), k)))
            .collect()
    };
    let group = |g: &kuza_app::reports::Group| GroupView {
        key: g.key.clone(),
        label: g.label.clone(),
        lang: g.lang.clone(),
    };
    let row = |i: usize, g: GroupView| RowView {
        group: g,
        cells: (0..nc).map(|j| figures(i, j)).collect(),
        total: t.report.crossed.then(|| figures(i, nc)),
    };
    ReportView {
        from: t.asked.from.to_string(),
        to: t.asked.to.to_string(),
        by: t.asked.rows.map(|d| d.code().to_owned()),
        then: t.asked.columns.map(|d| d.code().to_owned()),
        threshold: k,
        organisation: t.organisation.clone(),
        columns: t.columns.iter().map(group).collect(),
        rows: t
            .rows
            .iter()
            .enumerate()
            .map(|(i, g)| row(i, group(g)))
            .collect(),
        usage: t.usage.as_ref().map(|u| UsageView {
            months: u.months.clone(),
            languages: u.languages.clone(),
        }),
        totals: row(
            t.rows.len(),
            GroupView {
                key: "total".into(),
                label: "Total".into(),
                lang: None,
            },
        ),
    }
}

/// The question from the query string (unknown parameters ignored).
fn ask(req: &HttpRequest) -> Result<Ask, AppError> {
    web::Query::<Ask>::from_query(req.query_string())
        .map(web::Query::into_inner)
        .map_err(|e| AppError::BadInput(e.to_string()))
}

async fn table(
    state: &AppState,
    caller: &ApiUser,
    req: &HttpRequest,
) -> Result<reports::Table, AppError> {
    let lang =
        kuza_i18n::Language::parse(&caller.0.user.language).unwrap_or(kuza_i18n::Language::En);
    reports::learning(&state.app, caller.actor(), &ask(req)?, lang).await
}

/// The report as the portal's table, for the exports.
async fn sheet(
    state: &AppState,
    caller: &ApiUser,
    req: &HttpRequest,
) -> Result<export::Sheet, AppError> {
    let t = table(state, caller, req).await?;
    let lang =
        kuza_i18n::Language::parse(&caller.0.user.language).unwrap_or(kuza_i18n::Language::En);
    Ok(reports::sheet(&state.app, &t, lang))
}

/// The learning report: enrolments, active learners, completions and
/// their rate, certificates, the average final score, the median days to
/// complete and the attendance rate, for the period, grouped by one or two
/// groupings, with counts under the threshold suppressed ("<5") and
/// others hidden so that no total reveals them. Administrators read
/// everything; an organisation's coordinators and viewers its confirmed
/// members; a course's editors its learners; a cohort's facilitators its
/// members. Group names are in the caller's language.
#[utoipa::path(get, path = "/api/v1/reports/learning", tag = "reports", security(("bearer" = [])), params(ReportQuery),
    responses((status = 200, body = ReportView),
        (status = 400, description = "`bad_query`: an unknown grouping or measure, a date that is not one, a period backwards", body = Problem),
        (status = 403, body = Problem), (status = 404, description = "An unknown organisation, course or cohort", body = Problem)))]
pub async fn learning(
    state: web::Data<AppState>,
    caller: ApiUser,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let t = table(&state, &caller, &req).await?;
    Ok(HttpResponse::Ok().json(view(&t)))
}

/// The learning report as CSV (UTF-8 with a byte order mark; the table the
/// portal shows: a crossed report shows `measure`).
#[utoipa::path(get, path = "/api/v1/reports/learning.csv", tag = "reports", security(("bearer" = [])), params(ReportQuery),
    responses((status = 200, content_type = "text/csv", body = String),
        (status = 400, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn learning_csv(
    state: web::Data<AppState>,
    caller: ApiUser,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let sheet = sheet(&state, &caller, &req).await?;
    Ok(crate::http::download(
        "text/csv; charset=utf-8",
        "learning-report.csv",
        export::csv(&sheet),
    ))
}

/// The learning report as an XLSX workbook (a right-to-left sheet for an
/// Arabic-speaking caller).
#[utoipa::path(get, path = "/api/v1/reports/learning.xlsx", tag = "reports", security(("bearer" = [])), params(ReportQuery),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
        (status = 400, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn learning_xlsx(
    state: web::Data<AppState>,
    caller: ApiUser,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let sheet = sheet(&state, &caller, &req).await?;
    let bytes = export::xlsx(&sheet).map_err(AppError::Internal)?;
    Ok(crate::http::download(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "learning-report.xlsx",
        bytes,
    ))
}

#[derive(Serialize, ToSchema)]
pub struct PeriodView {
    pub from: String,
    /// Included.
    pub to: String,
}

/// A figure of this year and of last year, as shown ("<5" when small, "x"
/// for a share that would reveal one).
#[derive(Serialize, ToSchema)]
pub struct PairView {
    pub this_year: String,
    pub last_year: String,
}

#[derive(Serialize, ToSchema)]
pub struct FacetView {
    /// The theme, or the SDG goal's number.
    pub key: String,
    pub enrolments: PairView,
    pub completions: PairView,
}

#[derive(Serialize, ToSchema)]
pub struct DashboardView {
    pub this_year: PeriodView,
    pub last_year: PeriodView,
    pub threshold: u64,
    /// `learners`, `countries`, `ldc_share`, `women_share`, `completions`,
    /// `certificates`.
    #[schema(value_type = Object)]
    pub headline: BTreeMap<&'static str, PairView>,
    pub themes: Vec<FacetView>,
    pub goals: Vec<FacetView>,
}

/// The agency's dashboard (administrators): learners reached, countries,
/// the shares in least developed countries and of women, completions and
/// certificates, and enrolments and completions by theme and SDG goal,
/// this year so far against the same days of last year.
#[utoipa::path(get, path = "/api/v1/reports/dashboard", tag = "reports", security(("bearer" = [])),
    responses((status = 200, body = DashboardView), (status = 403, body = Problem)))]
pub async fn dashboard(
    state: web::Data<AppState>,
    caller: ApiUser,
) -> Result<HttpResponse, ApiError> {
    let d = reports::dashboard(&state.app, caller.actor()).await?;
    let k = d.threshold;
    let pair = |a: u64, b: u64| PairView {
        this_year: reports::count_shown(a, k),
        last_year: reports::count_shown(b, k),
    };
    let facets = |rows: &[(
        String,
        kuza_reports::dashboard::Reach,
        kuza_reports::dashboard::Reach,
    )]| {
        rows.iter()
            .map(|(key, now, then)| FacetView {
                key: key.clone(),
                enrolments: pair(now.enrolments, then.enrolments),
                completions: pair(now.completions, then.completions),
            })
            .collect()
    };
    Ok(HttpResponse::Ok().json(DashboardView {
        this_year: PeriodView {
            from: d.this_year.0.to_string(),
            to: d.this_year.1.to_string(),
        },
        last_year: PeriodView {
            from: d.last_year.0.to_string(),
            to: d.last_year.1.to_string(),
        },
        threshold: k,
        headline: reports::headline_shown(&d)
            .into_iter()
            .map(|(key, now, then)| {
                (
                    key,
                    PairView {
                        this_year: now,
                        last_year: then,
                    },
                )
            })
            .collect(),
        themes: facets(&d.themes),
        goals: facets(&d.goals),
    }))
}

#[derive(Serialize, ToSchema)]
pub struct SubscriptionView {
    pub id: i32,
    /// `weekly` (each Monday, the week before) or `monthly` (each 1st, the
    /// month before).
    pub frequency: String,
    /// The report asked (its period is each week's or month's).
    #[schema(value_type = Object)]
    pub query: serde_json::Value,
    pub created_at: String,
}

fn subscription_view(s: &kuza_app::subscriptions::Subscription) -> SubscriptionView {
    SubscriptionView {
        id: s.id,
        frequency: s.frequency.clone(),
        query: serde_json::from_str(&s.query).unwrap_or_default(),
        created_at: super::iso(s.created_at),
    }
}

#[derive(serde::Deserialize, ToSchema)]
pub struct SubscribeRequest {
    /// `weekly` or `monthly`.
    pub frequency: String,
    /// The report, as `GET /api/v1/reports/learning` asks it (its `from`
    /// and `to` are ignored).
    #[serde(flatten)]
    #[schema(value_type = Object)]
    pub ask: Ask,
}

/// The caller's scheduled reports.
#[utoipa::path(get, path = "/api/v1/reports/subscriptions", tag = "reports", security(("bearer" = [])),
    responses((status = 200, body = Vec<SubscriptionView>)))]
pub async fn subscriptions(
    state: web::Data<AppState>,
    caller: ApiUser,
) -> Result<HttpResponse, ApiError> {
    let mine = kuza_app::subscriptions::mine(&state.app, caller.actor()).await?;
    Ok(HttpResponse::Ok().json(mine.iter().map(subscription_view).collect::<Vec<_>>()))
}

/// Subscribes the caller to a report they may read: emailed in their
/// language after each week or month, with its headline figures and links
/// to the page, the CSV and the XLSX.
#[utoipa::path(post, path = "/api/v1/reports/subscriptions", tag = "reports", security(("bearer" = [])), request_body = SubscribeRequest,
    responses((status = 201, body = SubscriptionView),
        (status = 400, description = "`bad_query`: the report asked is not one", body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, description = "`too_many_subscriptions`: 20 already", body = Problem),
        (status = 422, description = "`frequency_unknown`", body = Problem)))]
pub async fn subscribe(
    state: web::Data<AppState>,
    caller: ApiUser,
    body: web::Json<SubscribeRequest>,
) -> Result<HttpResponse, ApiError> {
    let s =
        kuza_app::subscriptions::subscribe(&state.app, caller.actor(), &body.ask, &body.frequency)
            .await?;
    Ok(HttpResponse::Created().json(subscription_view(&s)))
}

/// Ends one of the caller's scheduled reports.
#[utoipa::path(delete, path = "/api/v1/reports/subscriptions/{id}", tag = "reports", security(("bearer" = [])),
    responses((status = 204, description = "Ended"), (status = 404, body = Problem)))]
pub async fn unsubscribe(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    kuza_app::subscriptions::unsubscribe(&state.app, caller.actor(), *id).await?;
    Ok(HttpResponse::NoContent().finish())
}
