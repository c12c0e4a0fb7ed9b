//! The learning report in the portal: a plain GET form (no JavaScript),
//! the figures as a table, a bar chart drawn on the server as SVG (with a
//! title, a description and the same figures as the table), and the same
//! table as CSV and XLSX. Arabic pages draw the chart right to left and
//! export right-to-left sheets.

use super::{Portal, Posted};
use crate::errors::PortalError;
use crate::routes::{Access, Table};
use actix_web::http::{Method, StatusCode};
use actix_web::{HttpRequest, HttpResponse, web};
use kuza_app::reports::{self, Ask};
use kuza_app::{AppError, export};
use kuza_reports::suppress::Mark;
use kuza_reports::{Dimension, Measure};
use serde_json::{Value, json};
use tera::Context;

pub fn routes(t: &mut Table) {
    t.page(Method::GET, "/reports", Access::Reports, page);
    t.page(Method::GET, "/reports/learning.csv", Access::Reports, csv);
    t.page(Method::GET, "/reports/learning.xlsx", Access::Reports, xlsx);
    t.page(Method::GET, "/admin/dashboard", Access::Admin, dashboard);
    t.page(
        Method::POST,
        "/reports/subscriptions",
        Access::Reports,
        subscribe,
    );
    t.page(
        Method::POST,
        "/reports/subscriptions/{id}/delete",
        Access::Own,
        unsubscribe,
    );
}

/// The question from the query string.
fn ask(req: &HttpRequest) -> Result<Ask, AppError> {
    web::Query::<Ask>::from_query(req.query_string())
        .map(web::Query::into_inner)
        .map_err(|e| AppError::BadInput(e.to_string()))
}

/// The chart's width and the room its labels take.
const WIDTH: f64 = 640.0;
const LABELS: f64 = 210.0;
const BAR_ROOM: f64 = 340.0;
const ROW: f64 = 26.0;

/// One bar of a chart: its label (and the label's language when it is
/// not the page's), its value (none: not drawn) and the figure shown.
pub(super) struct Bar {
    pub label: String,
    pub lang: Option<String>,
    pub value: Option<f64>,
    pub shown: String,
}

/// A horizontal bar chart drawn on the server: the bars scaled to `max`,
/// geometry in the page's direction.
pub(super) fn bars(portal: &Portal, items: &[Bar], max: f64, title: String) -> Value {
    let rtl = portal.lang.dir() == "rtl";
    let bars: Vec<Value> = items
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let w = match b.value {
                Some(v) if max > 0.0 => (v / max * BAR_ROOM).max(1.0),
                _ => 0.0,
            };
            let y = 10.0 + i as f64 * ROW;
            let (label_x, bar_x, value_x) = if rtl {
                let start = WIDTH - LABELS;
                (start + 10.0, start - w, start - w - 6.0)
            } else {
                (LABELS - 10.0, LABELS, LABELS + w + 6.0)
            };
            json!({
                "label": b.label, "lang": b.lang, "shown": b.shown,
                "y": y, "text_y": y + 15.0, "w": w,
                "label_x": label_x, "bar_x": bar_x, "value_x": value_x,
            })
        })
        .collect();
    json!({
        "bars": bars,
        "height": 20.0 + items.len() as f64 * ROW,
        "width": WIDTH,
        // In SVG coordinates: labels end at the bars, values follow them.
        "label_anchor": if rtl { "start" } else { "end" },
        "value_anchor": if rtl { "end" } else { "start" },
        "title": title,
    })
}

/// The bars of the measure shown, one per row group (a crossed report
/// charts its rows' totals).
fn chart(portal: &Portal, t: &reports::Table) -> Value {
    let m = t.asked.measure;
    let column = if t.report.crossed { t.columns.len() } else { 0 };
    let figures: Vec<_> = (0..t.rows.len()).map(|i| t.at(m, i, column)).collect();
    let max = if m.is_share() {
        1.0
    } else {
        figures
            .iter()
            .filter_map(|f| f.value)
            .fold(0.0_f64, f64::max)
    };
    let items: Vec<Bar> = t
        .rows
        .iter()
        .zip(&figures)
        .map(|(g, f)| Bar {
            label: g.label.clone(),
            lang: g.lang.clone(),
            value: f.value.filter(|_| f.mark == Mark::Shown),
            shown: reports::shown(m, *f, t.report.threshold),
        })
        .collect();
    let title = portal.t(
        "report-chart-title",
        &[
            (
                "measure",
                portal
                    .t(&format!("report-measure-{}", m.code()), &[])
                    .into(),
            ),
            (
                "by",
                t.asked
                    .rows
                    .map_or_else(
                        || portal.t("report-everyone", &[]),
                        |d| portal.t(&format!("report-by-{}", d.code()), &[]),
                    )
                    .into(),
            ),
        ],
    );
    bars(portal, &items, max, title)
}

/// The table as the page shows it: the same sheet the exports write.
fn table_json(t: &reports::Table, sheet: &export::Sheet) -> Value {
    let rows: Vec<Value> = sheet
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            json!({
                "label": row[0].shown(),
                "lang": t.rows.get(i).and_then(|g| g.lang.clone()),
                "total": i == t.rows.len(),
                "cells": row[1..].iter().map(|c| c.shown()).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({ "header": sheet.header, "rows": rows })
}

async fn page(portal: Portal, req: HttpRequest) -> Result<HttpResponse, PortalError> {
    let actor = portal.require_user()?;
    let asked = ask(&req)?;
    let choices = reports::choices(&portal.state.app, actor, portal.lang).await?;
    let mut ctx = Context::new();
    ctx.insert("form", &json!({
        "from": asked.from, "to": asked.to, "by": asked.by, "then": asked.then,
        "measure": asked.measure, "organisation": asked.organisation, "course": asked.course,
        "cohort": asked.cohort, "provider": asked.provider, "course_format": asked.course_format, "language": asked.language,
    }));
    ctx.insert(
        "dimensions",
        &Dimension::ALL.iter().map(|d| d.code()).collect::<Vec<_>>(),
    );
    ctx.insert(
        "measures",
        &Measure::ALL.iter().map(|m| m.code()).collect::<Vec<_>>(),
    );
    ctx.insert(
        "formats",
        &<kuza_db::values::Format as kuza_db::values::Code>::all()
            .iter()
            .map(kuza_db::values::Code::code)
            .collect::<Vec<_>>(),
    );
    ctx.insert(
        "languages_list",
        &kuza_i18n::Language::ALL
            .iter()
            .map(|l| json!({"code": l.code(), "name": l.native_name(), "dir": l.dir()}))
            .collect::<Vec<_>>(),
    );
    ctx.insert("organisations", &choices.organisations);
    ctx.insert("providers", &choices.providers);
    ctx.insert("subscriptions", &subscriptions_json(&portal).await?);
    ctx.insert("courses", &choices.courses);
    match reports::learning(&portal.state.app, portal.actor(), &asked, portal.lang).await {
        Ok(t) => {
            let sheet = reports::sheet(&portal.state.app, &t, portal.lang);
            ctx.insert("title", &sheet.title);
            ctx.insert("notes", &sheet.notes);
            ctx.insert("table", &table_json(&t, &sheet));
            ctx.insert("chart", &chart(&portal, &t));
            ctx.insert("crossed", &t.report.crossed);
            if let Some(u) = &t.usage {
                let months: Vec<Value> = u
                    .months
                    .iter()
                    .map(|(m, x)| json!({"label": m, "use": x}))
                    .collect();
                let languages: Vec<Value> = u
                    .languages
                    .iter()
                    .map(|(l, x)| {
                        let lang = kuza_i18n::Language::parse(l);
                        json!({
                            "label": lang.map_or(l.as_str(), |l| l.native_name()),
                            "lang": l, "dir": lang.map_or("ltr", |l| l.dir()), "use": x,
                        })
                    })
                    .collect();
                ctx.insert("usage", &json!({"months": months, "languages": languages}));
            }
            let nothing = t.rows.iter().all(|g| g.key == "all")
                && t.at(Measure::Enrolments, 0, 0).value == Some(0.0);
            ctx.insert("empty", &nothing);
            ctx.insert("query", req.query_string());
            portal.render("reports.html", ctx)
        }
        Err(AppError::BadQuery(problems)) => {
            ctx.insert("title", &portal.t("reports-title", &[]));
            ctx.insert("errors", &portal.field_errors(&problems));
            ctx.insert("error_count", &problems.len());
            portal.render_status(StatusCode::BAD_REQUEST, "reports.html", &mut ctx)
        }
        Err(e) => Err(e.into()),
    }
}

/// The report as the page's table, for the exports.
async fn sheet(portal: &Portal, req: &HttpRequest) -> Result<export::Sheet, AppError> {
    let t = reports::learning(&portal.state.app, portal.actor(), &ask(req)?, portal.lang).await?;
    Ok(reports::sheet(&portal.state.app, &t, portal.lang))
}

async fn csv(portal: Portal, req: HttpRequest) -> Result<HttpResponse, PortalError> {
    let sheet = sheet(&portal, &req).await?;
    Ok(crate::http::download(
        "text/csv; charset=utf-8",
        "learning-report.csv",
        export::csv(&sheet),
    ))
}

async fn xlsx(portal: Portal, req: HttpRequest) -> Result<HttpResponse, PortalError> {
    let sheet = sheet(&portal, &req).await?;
    let bytes = export::xlsx(&sheet).map_err(AppError::Internal)?;
    Ok(crate::http::download(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "learning-report.xlsx",
        bytes,
    ))
}

/// Bars for this year and last, one pair per group (the dashboard's).
fn paired_bars(portal: &Portal, rows: &[(String, u64, u64, String)]) -> Value {
    let rtl = portal.lang.dir() == "rtl";
    let max = rows.iter().map(|r| r.1.max(r.2)).max().unwrap_or(0) as f64;
    let k = portal.state.app.limits.report_min_cell;
    // A small count is not drawn, as in the table it is not shown.
    let width = |n: u64| {
        if max == 0.0 || (n > 0 && n < k) {
            0.0
        } else {
            n as f64 / max * BAR_ROOM
        }
    };
    let bars: Vec<Value> = rows
        .iter()
        .enumerate()
        .map(|(i, (label, now, then, shown))| {
            let (w, w_then) = (width(*now), width(*then));
            let y = 10.0 + i as f64 * ROW;
            let start = if rtl { WIDTH - LABELS } else { LABELS };
            let at = |w: f64| if rtl { start - w } else { start };
            json!({
                "label": label, "shown": shown, "y": y, "text_y": y + 15.0,
                "w": w, "w_then": w_then, "bar_x": at(w), "bar_then_x": at(w_then),
                "label_x": if rtl { start + 10.0 } else { start - 10.0 },
                "value_x": if rtl { start - w.max(w_then) - 6.0 } else { start + w.max(w_then) + 6.0 },
            })
        })
        .collect();
    json!({
        "bars": bars,
        "height": 20.0 + rows.len() as f64 * ROW,
        "width": WIDTH,
        "label_anchor": if rtl { "start" } else { "end" },
        "value_anchor": if rtl { "end" } else { "start" },
    })
}

async fn dashboard(portal: Portal) -> Result<HttpResponse, PortalError> {
    let d = reports::dashboard(&portal.state.app, portal.actor()).await?;
    let k = d.threshold;
    let c = |n: u64| reports::count_shown(n, k);
    let headline = reports::headline_shown(&d);
    let section = |id: &str,
                   rows: &[(
        String,
        kuza_reports::dashboard::Reach,
        kuza_reports::dashboard::Reach,
    )]| {
        let label = |key: &str| {
            if id == "sdg" {
                portal.t("catalog-sdg-goal", &[("goal", key.into())])
            } else {
                key.to_owned()
            }
        };
        let chart_rows: Vec<(String, u64, u64, String)> = rows
            .iter()
            .map(|(key, now, then)| {
                (
                    label(key),
                    now.enrolments,
                    then.enrolments,
                    c(now.enrolments),
                )
            })
            .collect();
        let by = portal.t(&format!("dashboard-by-{id}"), &[]);
        json!({
            "id": id,
            "chart": paired_bars(&portal, &chart_rows),
            "chart_title": portal.t("dashboard-chart-title", &[("by", by.into())]),
            "rows": rows.iter().map(|(key, now, then)| json!({
                "label": label(key),
                "enrolled_now": c(now.enrolments), "enrolled_then": c(then.enrolments),
                "completed_now": c(now.completions), "completed_then": c(then.completions),
            })).collect::<Vec<_>>(),
        })
    };
    let mut ctx = Context::new();
    ctx.insert(
        "this_year",
        &(d.this_year.0.to_string(), d.this_year.1.to_string()),
    );
    ctx.insert(
        "last_year",
        &(d.last_year.0.to_string(), d.last_year.1.to_string()),
    );
    ctx.insert(
        "headline",
        &headline
            .iter()
            .map(|(key, now, then)| json!({"key": key, "now": now, "then": then}))
            .collect::<Vec<_>>(),
    );
    ctx.insert(
        "sections",
        &[section("theme", &d.themes), section("sdg", &d.goals)],
    );
    ctx.insert("threshold", &k);
    portal.render("dashboard_agency.html", ctx)
}

/// The subscription form's fields: a report's question and how often.
#[derive(serde::Deserialize, Default)]
struct SubscribeForm {
    #[serde(default)]
    frequency: String,
    #[serde(default)]
    by: String,
    #[serde(default)]
    then: String,
    #[serde(default)]
    measure: String,
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    course: String,
    #[serde(default)]
    cohort: String,
    #[serde(default)]
    provider: String,
    #[serde(default)]
    course_format: String,
    #[serde(default)]
    language: String,
}

impl SubscribeForm {
    fn ask(&self) -> Result<Ask, AppError> {
        let text = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        let id = |field: &str, s: &str| -> Result<Option<i32>, AppError> {
            match s.trim() {
                "" => Ok(None),
                v => v
                    .parse()
                    .map(Some)
                    .map_err(|_| AppError::BadInput(format!("{field} is not an id"))),
            }
        };
        Ok(Ask {
            from: None,
            to: None,
            by: text(&self.by),
            then: text(&self.then),
            measure: text(&self.measure),
            organisation: id("organisation", &self.organisation)?,
            course: id("course", &self.course)?,
            cohort: id("cohort", &self.cohort)?,
            provider: id("provider", &self.provider)?,
            course_format: text(&self.course_format),
            language: text(&self.language),
            purpose: None,
            survey: None,
        })
    }
}

async fn subscribe(posted: Posted<SubscribeForm>) -> Result<HttpResponse, PortalError> {
    let Posted { portal, form } = posted;
    let ask = form.ask()?;
    kuza_app::subscriptions::subscribe(&portal.state.app, portal.actor(), &ask, &form.frequency)
        .await?;
    Ok(portal.redirect("/reports?notice=subscription-saved#subscriptions"))
}

async fn unsubscribe(
    posted: Posted<std::collections::HashMap<String, String>>,
    id: web::Path<i32>,
) -> Result<HttpResponse, PortalError> {
    let p = posted.portal;
    kuza_app::subscriptions::unsubscribe(&p.state.app, p.actor(), *id).await?;
    Ok(p.redirect("/reports?notice=subscription-ended#subscriptions"))
}

/// The actor's subscriptions as the page lists them.
async fn subscriptions_json(portal: &Portal) -> Result<Vec<Value>, PortalError> {
    let mine = kuza_app::subscriptions::mine(&portal.state.app, portal.actor()).await?;
    Ok(mine
        .iter()
        .map(|s| {
            let q: Value = serde_json::from_str(&s.query).unwrap_or_default();
            let by = |k: &str| {
                q[k].as_str()
                    .map(|d| portal.t(&format!("report-by-{d}"), &[]))
            };
            let summary = match (by("by"), by("then")) {
                (Some(a), Some(b)) => format!("{a} × {b}"),
                (Some(a), None) => a,
                _ => portal.t("report-everyone", &[]),
            };
            json!({"id": s.id, "frequency": s.frequency, "summary": summary})
        })
        .collect())
}
