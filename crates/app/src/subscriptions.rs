//! Scheduled reports: someone who may read a report subscribes to it
//! weekly or monthly; after each week (Monday to Sunday) or month ends, the
//! report of that period is emailed to them in their language, with its
//! headline figures and links to the page and its CSV and XLSX. The worker
//! queues one `report_email` job per subscription and period, under a
//! dedupe key, so each is sent once whichever process gets there first;
//! the job asks the policy again, so someone who may no longer read the
//! report is sent nothing.

use crate::policy::{self, Actor};
use crate::reports::{self, Ask};
use crate::{App, AppError};
use chrono::{Datelike, Duration, NaiveDate};
use kuza_db::entities::report_subscription;
pub use kuza_db::entities::report_subscription::Model as Subscription;
use kuza_db::now;
use kuza_i18n::Language;
use kuza_mail::Outgoing;
use kuza_reports::Measure;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

/// The job that writes one period's report email.
pub const REPORT_EMAIL: &str = "report_email";

/// The most subscriptions one person keeps.
pub const MAX_PER_PERSON: usize = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frequency {
    Weekly,
    Monthly,
}

impl Frequency {
    pub fn code(self) -> &'static str {
        match self {
            Frequency::Weekly => "weekly",
            Frequency::Monthly => "monthly",
        }
    }
    pub fn parse(s: &str) -> Option<Frequency> {
        match s.trim() {
            "weekly" => Some(Frequency::Weekly),
            "monthly" => Some(Frequency::Monthly),
            _ => None,
        }
    }
}

/// The last whole period before `today`: the week (Monday to Sunday) or
/// the month; with its name (`2026-W49`, `2026-11`).
pub fn last_period(f: Frequency, today: NaiveDate) -> (NaiveDate, NaiveDate, String) {
    match f {
        Frequency::Weekly => {
            let this_monday =
                today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
            let from = this_monday - Duration::days(7);
            let to = this_monday - Duration::days(1);
            let w = from.iso_week();
            (from, to, format!("{}-W{:02}", w.year(), w.week()))
        }
        Frequency::Monthly => {
            let first = today.with_day(1).unwrap_or(today);
            let to = first - Duration::days(1);
            let from = to.with_day(1).unwrap_or(to);
            (from, to, from.format("%Y-%m").to_string())
        }
    }
}

/// The report asked, kept without its period.
fn stored(ask: &Ask) -> serde_json::Value {
    serde_json::json!({
        "by": ask.by, "then": ask.then, "measure": ask.measure,
        "organisation": ask.organisation, "course": ask.course, "cohort": ask.cohort,
        "provider": ask.provider, "course_format": ask.course_format, "language": ask.language,
    })
}

fn ask_of(s: &Subscription, from: NaiveDate, to: NaiveDate) -> Ask {
    let mut ask: Ask = serde_json::from_str(&s.query).unwrap_or_default();
    ask.from = Some(from.to_string());
    ask.to = Some(to.to_string());
    ask
}

/// Subscribes the actor to the report `ask` asks (its period ignored),
/// once they may read it.
pub async fn subscribe(
    app: &App,
    actor: Option<&Actor>,
    ask: &Ask,
    frequency: &str,
) -> Result<Subscription, AppError> {
    let a = policy::signed_in(actor)?;
    let frequency = Frequency::parse(frequency)
        .ok_or_else(|| AppError::invalid("frequency", "frequency_unknown"))?;
    // The question must make sense and be theirs to read.
    reports::learning(app, actor, ask, Language::En).await?;
    let mine = mine(app, actor).await?;
    if mine.len() >= MAX_PER_PERSON {
        return Err(AppError::conflict(
            "too_many_subscriptions",
            "at most 20 scheduled reports per person",
        ));
    }
    let s = report_subscription::Entity::insert(report_subscription::ActiveModel {
        user_id: Set(a.id()),
        frequency: Set(frequency.code().to_owned()),
        query: Set(stored(ask).to_string()),
        created_at: Set(now()),
        ..Default::default()
    })
    .exec_with_returning(&app.db)
    .await?;
    tracing::info!(
        subscription.id = s.id,
        user.id = a.id(),
        frequency = frequency.code(),
        "report subscription"
    );
    Ok(s)
}

/// The actor's subscriptions, oldest first.
pub async fn mine(app: &App, actor: Option<&Actor>) -> Result<Vec<Subscription>, AppError> {
    let a = policy::signed_in(actor)?;
    Ok(report_subscription::Entity::find()
        .filter(report_subscription::Column::UserId.eq(a.id()))
        .order_by_asc(report_subscription::Column::Id)
        .all(&app.db)
        .await?)
}

/// Ends one of the actor's subscriptions (someone else's is not found).
pub async fn unsubscribe(app: &App, actor: Option<&Actor>, id: i32) -> Result<(), AppError> {
    let a = policy::signed_in(actor)?;
    let done = report_subscription::Entity::delete_many()
        .filter(report_subscription::Column::Id.eq(id))
        .filter(report_subscription::Column::UserId.eq(a.id()))
        .exec(&app.db)
        .await?;
    if done.rows_affected == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}

#[derive(Debug, serde::Serialize, serde::Deserialize)]
struct Due {
    subscription: i32,
    from: NaiveDate,
    to: NaiveDate,
    period: String,
}

/// Queues the report of the last whole period for every subscription, once
/// per subscription and period (the dedupe key); returns how many were new.
pub async fn queue_due(app: &App, today: NaiveDate) -> Result<usize, AppError> {
    let all = report_subscription::Entity::find().all(&app.db).await?;
    let mut queued = 0;
    for s in all {
        let Some(f) = Frequency::parse(&s.frequency) else {
            continue;
        };
        let (from, to, period) = last_period(f, today);
        // A subscription starts with the first period that ends after it.
        let created =
            chrono::DateTime::from_timestamp(s.created_at, 0).map_or(today, |d| d.date_naive());
        if to < created {
            continue;
        }
        let due = Due {
            subscription: s.id,
            from,
            to,
            period: period.clone(),
        };
        let key = format!("report:{}:{period}", s.id);
        if kuza_jobs::enqueue(&app.db, REPORT_EMAIL, &due, Some(&key)).await? {
            queued += 1;
        }
    }
    Ok(queued)
}

/// Runs a `report_email` job: the period's report for its subscriber, if
/// they may still read it, emailed in their language.
pub async fn run_report_email(app: &App, payload: &str) -> Result<(), AppError> {
    let due: Due = serde_json::from_str(payload).map_err(|e| AppError::Internal(e.to_string()))?;
    let Some(s) = report_subscription::Entity::find_by_id(due.subscription)
        .one(&app.db)
        .await?
    else {
        return Ok(()); // ended since
    };
    let Some(actor) = crate::accounts::actor_of(app, s.user_id).await? else {
        return Ok(()); // the account is disabled or gone
    };
    let lang = crate::mail::language_of(&actor.user);
    let ask = ask_of(&s, due.from, due.to);
    let t = match reports::learning(app, Some(&actor), &ask, lang).await {
        Ok(t) => t,
        Err(AppError::Forbidden | AppError::NotFound | AppError::SignIn) => {
            tracing::info!(
                subscription.id = s.id,
                user.id = s.user_id,
                "scheduled report no longer readable; not sent"
            );
            return Ok(());
        }
        Err(e) => return Err(e),
    };
    let sheet = reports::sheet(app, &t, lang);
    let total = t.rows.len();
    let column = t.report.total_column();
    let figures: Vec<serde_json::Value> = [
        Measure::Enrolments,
        Measure::ActiveLearners,
        Measure::Completions,
        Measure::Certificates,
    ]
    .iter()
    .map(|m| {
        serde_json::json!({
            "label": app.localizer.t(lang, &format!("report-measure-{}", m.code()), &[]),
            "shown": reports::shown(*m, t.at(*m, total, column), t.report.threshold),
        })
    })
    .collect();
    let query = serde_urlencoded_query(&ask);
    let msg = Outgoing {
        template: "report".into(),
        subject_key: "email-report-subject".into(),
        to: actor.user.email.clone(),
        to_name: actor.user.display_name.clone(),
        lang: lang.code().into(),
        vars: serde_json::json!({
            "title": sheet.title,
            "period": sheet.notes.first(),
            "frequency": s.frequency,
            "figures": figures,
            "page": app.link(&format!("/reports?{query}")),
            "csv": app.link(&format!("/reports/learning.csv?{query}")),
            "xlsx": app.link(&format!("/reports/learning.xlsx?{query}")),
            "manage": app.link("/reports#subscriptions"),
        }),
    };
    kuza_mail::enqueue(&app.db, &msg).await?;
    tracing::info!(subscription.id = s.id, period = %due.period, "scheduled report queued");
    Ok(())
}

/// The question as a query string.
fn serde_urlencoded_query(ask: &Ask) -> String {
    let mut pairs: Vec<(&str, String)> = vec![];
    let mut put = |k: &'static str, v: Option<String>| {
        if let Some(v) = v.filter(|v| !v.is_empty()) {
            pairs.push((k, v));
        }
    };
    put("from", ask.from.clone());
    put("to", ask.to.clone());
    put("by", ask.by.clone());
    put("then", ask.then.clone());
    put("measure", ask.measure.clone());
    put("organisation", ask.organisation.map(|v| v.to_string()));
    put("course", ask.course.map(|v| v.to_string()));
    put("cohort", ask.cohort.map(|v| v.to_string()));
    put("provider", ask.provider.map(|v| v.to_string()));
    put("course_format", ask.course_format.clone());
    put("language", ask.language.clone());
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", urlencode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_whole_week_runs_monday_to_sunday_and_the_last_month_is_the_one_before() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        // Monday 7 December 2026.
        assert_eq!(
            last_period(Frequency::Weekly, d(2026, 12, 7)),
            (d(2026, 11, 30), d(2026, 12, 6), "2026-W49".to_owned())
        );
        // Sunday 6 December: the week before that one.
        assert_eq!(
            last_period(Frequency::Weekly, d(2026, 12, 6)).0,
            d(2026, 11, 23)
        );
        assert_eq!(
            last_period(Frequency::Monthly, d(2026, 12, 7)),
            (d(2026, 11, 1), d(2026, 11, 30), "2026-11".to_owned())
        );
        assert_eq!(
            last_period(Frequency::Monthly, d(2027, 1, 1)),
            (d(2026, 12, 1), d(2026, 12, 31), "2026-12".to_owned())
        );
        assert_eq!(urlencode("a b&c=é"), "a%20b%26c%3D%C3%A9");
    }
}
