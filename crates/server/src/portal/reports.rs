//! The learning report in the portal: a plain GET form (no JavaScript),
//! the figures as a table, a bar chart drawn on the server as SVG (with a
//! title, a description and the same figures as the table), and the same
//! table as CSV and XLSX. Arabic pages draw the chart right to left and
//! export right-to-left sheets.

use super::Portal;
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

/// The bars of the measure shown, one per row group (a crossed report
/// charts its rows' totals); geometry in the page's direction.
fn chart(portal: &Portal, t: &reports::Table) -> Value {
    let m = t.asked.measure;
    let column = if t.report.crossed { t.columns.len() } else { 0 };
    let rtl = portal.lang.dir() == "rtl";
    let figures: Vec<_> = (0..t.rows.len()).map(|i| t.at(m, i, column)).collect();
    let max = if m.is_share() {
        1.0
    } else {
        figures
            .iter()
            .filter_map(|f| f.value)
            .fold(0.0_f64, f64::max)
    };
    let bars: Vec<Value> = t
        .rows
        .iter()
        .zip(&figures)
        .enumerate()
        .map(|(i, (g, f))| {
            let w = match (f.mark, f.value) {
                (Mark::Shown, Some(v)) if max > 0.0 => (v / max * BAR_ROOM).max(1.0),
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
                "label": g.label, "lang": g.lang,
                "shown": reports::shown(m, *f, t.report.threshold),
                "y": y, "text_y": y + 15.0, "w": w,
                "label_x": label_x, "bar_x": bar_x, "value_x": value_x,
            })
        })
        .collect();
    json!({
        "bars": bars,
        "height": 20.0 + t.rows.len() as f64 * ROW,
        "width": WIDTH,
        // In SVG coordinates: labels end at the bars, values follow them.
        "label_anchor": if rtl { "start" } else { "end" },
        "value_anchor": if rtl { "end" } else { "start" },
        "title": portal.t("report-chart-title", &[
            ("measure", portal.t(&format!("report-measure-{}", m.code()), &[]).into()),
            ("by", t.asked.rows.map_or_else(|| portal.t("report-everyone", &[]), |d| portal.t(&format!("report-by-{}", d.code()), &[])).into()),
        ]),
    })
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
        "cohort": asked.cohort, "course_format": asked.course_format, "language": asked.language,
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
    ctx.insert("courses", &choices.courses);
    match reports::learning(&portal.state.app, portal.actor(), &asked, portal.lang).await {
        Ok(t) => {
            let sheet = reports::sheet(&portal.state.app, &t, portal.lang);
            ctx.insert("title", &sheet.title);
            ctx.insert("notes", &sheet.notes);
            ctx.insert("table", &table_json(&t, &sheet));
            ctx.insert("chart", &chart(&portal, &t));
            ctx.insert("crossed", &t.report.crossed);
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
