//! Reports as people ask for them: what may be asked (the filters and
//! groupings, checked), who may see which records (the policy's
//! `ReadReports`: administrators everything, an organisation's
//! coordinators and viewers its confirmed members, a course's editors its
//! learners, a cohort's facilitators its members), and the figures with
//! their groups named in the reader's language. The counting and the
//! suppression are `kuza_reports`'; the page, the API, the CSV and the
//! XLSX all show this one table, so they show the same numbers.

use crate::export::{Cell, Sheet};
use crate::policy::{self, Action, Actor, On};
use crate::{App, AppError, FieldProblem};
use chrono::{Datelike, NaiveDate};
use kuza_accounts::organisations;
use kuza_db::entities::{cohort, course, organisation};
use kuza_db::values::{Code, Format};
use kuza_i18n::{Language, countries};
use kuza_reports::dashboard::{Headline, Reach};
use kuza_reports::{Dimension, Figure, Filter, Measure, NONE, NOT_STATED, Query, Report};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};
use std::collections::HashMap;

/// The longest period a report covers.
pub const MAX_YEARS: i32 = 20;

/// A report's question as it arrives (query parameters or a form).
#[derive(Debug, Clone, Default, serde::Deserialize, serde::Serialize)]
pub struct Ask {
    /// The first day, `YYYY-MM-DD` (default: 1 January of this year).
    pub from: Option<String>,
    /// The last day, included (default: today).
    pub to: Option<String>,
    /// The rows' grouping.
    pub by: Option<String>,
    /// The columns' grouping, to cross two.
    pub then: Option<String>,
    /// The measure a crossed table shows (default: enrolments).
    pub measure: Option<String>,
    pub organisation: Option<i32>,
    pub course: Option<i32>,
    pub cohort: Option<i32>,
    /// Only the courses this organisation provides.
    pub provider: Option<i32>,
    /// Only courses of this format.
    pub course_format: Option<String>,
    /// Only learners studying in this language.
    pub language: Option<String>,
    /// Survey results only: which survey, `evaluation` (the default) or
    /// `follow_up`.
    pub purpose: Option<String>,
    /// Survey results only: one needs assessment (its respondents, all of
    /// them).
    pub survey: Option<i32>,
}

/// A question that makes sense.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asked {
    pub from: NaiveDate,
    /// Included.
    pub to: NaiveDate,
    pub rows: Option<Dimension>,
    pub columns: Option<Dimension>,
    pub measure: Measure,
    pub organisation: Option<i32>,
    pub course: Option<i32>,
    pub cohort: Option<i32>,
    pub provider: Option<i32>,
    pub format: Option<Format>,
    pub language: Option<Language>,
}

fn date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

/// Checks a question: every problem at once, as `bad_query` problems.
pub fn parse(a: &Ask, today: NaiveDate) -> Result<Asked, AppError> {
    let mut bad = vec![];
    let mut day = |field: &'static str, v: &Option<String>, default: NaiveDate| match v
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        None => default,
        Some(s) => date(s).unwrap_or_else(|| {
            bad.push(FieldProblem::new(field, "not_a_date"));
            default
        }),
    };
    let start_of_year = NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today);
    let from = day("from", &a.from, start_of_year);
    let to = day("to", &a.to, today);
    if to < from {
        bad.push(FieldProblem::new("to", "period_backwards"));
    } else if to.year() - from.year() > MAX_YEARS {
        bad.push(FieldProblem::new("from", "period_too_long"));
    }
    let mut grouping = |field: &'static str, v: &Option<String>| {
        let s = v.as_deref().map(str::trim).filter(|s| !s.is_empty())?;
        let d = Dimension::parse(s);
        if d.is_none() {
            bad.push(FieldProblem::new(field, "grouping_unknown"));
        }
        d
    };
    let rows = grouping("by", &a.by);
    let columns = grouping("then", &a.then);
    if columns.is_some() && rows.is_none() {
        bad.push(FieldProblem::new("then", "grouping_needs_by"));
    }
    if rows.is_some() && rows == columns {
        bad.push(FieldProblem::new("then", "grouping_repeated"));
    }
    let measure = match a
        .measure
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        None => Measure::Enrolments,
        Some(s) => Measure::parse(s).unwrap_or_else(|| {
            bad.push(FieldProblem::new("measure", "measure_unknown"));
            Measure::Enrolments
        }),
    };
    let format = a
        .course_format
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .and_then(|s| {
            let f = Format::parse(s);
            if f.is_none() {
                bad.push(FieldProblem::new("course_format", "format_unknown"));
            }
            f
        });
    let language = a
        .language
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .and_then(|s| {
            let l = Language::parse(s).filter(|l| l.code() == s);
            if l.is_none() {
                bad.push(FieldProblem::new("language", "language_invalid"));
            }
            l
        });
    if !bad.is_empty() {
        return Err(AppError::BadQuery(bad));
    }
    Ok(Asked {
        from,
        to,
        rows,
        columns,
        measure,
        organisation: a.organisation,
        course: a.course,
        cohort: a.cohort,
        provider: a.provider,
        format,
        language,
    })
}

/// A group as shown: its key, its name in the reader's language (and that
/// name's language, when it fell back to another).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Group {
    pub key: String,
    pub label: String,
    pub lang: Option<String>,
}

/// A report, its groups named.
#[derive(Debug, Clone)]
pub struct Table {
    pub asked: Asked,
    pub rows: Vec<Group>,
    pub columns: Vec<Group>,
    pub report: Report,
    /// The organisation it is restricted to, named.
    pub organisation: Option<String>,
    /// The use of the courses counted, when the report is of whole
    /// courses (not of an organisation's, a cohort's or a language's
    /// learners: views are not anyone's).
    pub usage: Option<kuza_reports::usage::Usage>,
}

impl Table {
    /// The figure of `measure` for the `i`-th row (after sorting) and `j`-th column.
    pub fn at(&self, m: Measure, i: usize, j: usize) -> Figure {
        self.report.at(m, i, j)
    }
}

/// The organisation whose reports the actor reads from their home (a
/// coordinator's or viewer's own).
pub fn home_of(actor: Option<&Actor>) -> Option<i32> {
    actor.and_then(Actor::reports_of)
}

/// Who may read what: at least one of the organisation, course or cohort
/// asked for must be the actor's to read (all of them narrow what is
/// counted); asking for none of them is reading everything.
pub(crate) async fn authorize(
    app: &App,
    actor: Option<&Actor>,
    a: &Asked,
) -> Result<Filter, AppError> {
    policy::signed_in(actor)?;
    let mut allowed = false;
    let mut refusal = AppError::Forbidden;
    let mut record = |r: Result<(), AppError>| match r {
        Ok(()) => allowed = true,
        Err(e) => refusal = e,
    };
    if let Some(org) = a.organisation {
        organisations::get(&app.db, org).await?;
        record(policy::may(
            actor,
            Action::ReadReports,
            On::Organisation(org),
        ));
    }
    if let Some(id) = a.course {
        let (_, facts) = policy::course(&app.db, id).await?;
        record(policy::may(actor, Action::ReadReports, On::Course(&facts)));
    }
    if let Some(id) = a.cohort {
        let k = kuza_enrollment::cohorts::get(&app.db, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let (_, facts) = policy::cohort(&app.db, &k, actor).await?;
        record(policy::may(actor, Action::ReadReports, On::Cohort(&facts)));
    }
    // A provider's courses: its coordinators and viewers read them.
    let mut courses = a.course.map(|c| vec![c]);
    if let Some(org) = a.provider {
        organisations::get(&app.db, org).await?;
        record(policy::may(actor, Action::ReadReports, On::Provider(org)));
        let provided: Vec<i32> = course::Entity::find()
            .filter(course::Column::OrganisationId.eq(org))
            .select_only()
            .column(course::Column::Id)
            .into_tuple()
            .all(&app.db)
            .await?;
        courses = Some(match courses {
            Some(asked) => asked.into_iter().filter(|c| provided.contains(c)).collect(),
            None => provided,
        });
    }
    if a.organisation.is_none() && a.course.is_none() && a.cohort.is_none() && a.provider.is_none()
    {
        record(policy::may(actor, Action::ReadReports, On::Site));
    }
    if !allowed {
        return Err(refusal);
    }
    Ok(filter_of(a, courses))
}

/// The filter of a question already authorized.
pub(crate) fn filter_of(a: &Asked, courses: Option<Vec<i32>>) -> Filter {
    let start = |d: NaiveDate| {
        d.and_hms_opt(0, 0, 0)
            .map_or(0, |t| t.and_utc().timestamp())
    };
    Filter {
        from: start(a.from),
        to: start(a.to) + 86_400,
        organisation: a.organisation,
        courses,
        cohorts: a.cohort.map(|k| vec![k]),
        format: a.format.map(|f| f.code()),
        language: a.language.map(|l| l.code().to_owned()),
    }
}

/// The learning report: checked, authorized, counted, suppressed, named.
pub async fn learning(
    app: &App,
    actor: Option<&Actor>,
    ask: &Ask,
    lang: Language,
) -> Result<Table, AppError> {
    let today = chrono::Utc::now().date_naive();
    let mut asked = parse(ask, today)?;
    // A coordinator or viewer who names nothing reads their organisation.
    if asked.organisation.is_none()
        && asked.course.is_none()
        && asked.cohort.is_none()
        && asked.provider.is_none()
        && let Some(org) = home_of(actor).filter(|_| !actor.is_some_and(Actor::is_admin))
    {
        asked.organisation = Some(org);
    }
    let filter = authorize(app, actor, &asked).await?;
    let usage =
        if filter.organisation.is_none() && filter.cohorts.is_none() && filter.language.is_none() {
            Some(
                kuza_reports::usage::usage(
                    &app.db,
                    filter.courses.as_deref(),
                    filter.format.as_deref(),
                    filter.from.div_euclid(86_400),
                    filter.to.div_euclid(86_400),
                )
                .await?,
            )
        } else {
            None
        };
    let report = kuza_reports::run(
        &app.db,
        &Query {
            filter,
            rows: asked.rows,
            columns: asked.columns,
            threshold: app.limits.report_min_cell,
        },
    )
    .await?;
    let organisation = match asked.organisation {
        Some(id) => Some(organisations::name_in(
            &organisations::get(&app.db, id).await?,
            lang.code(),
        )),
        None => None,
    };
    let rows = name(app, asked.rows, &report.rows, lang).await?;
    let columns = name(app, asked.columns, &report.columns, lang).await?;
    let mut t = Table {
        asked,
        rows,
        columns,
        report,
        organisation,
        usage,
    };
    sort(&mut t);
    Ok(t)
}

/// The order groups are shown in: by name where names are what people
/// look for (countries, organisations, courses), the rest as counted;
/// "none" and "not stated" last. Positions into `groups`.
pub(crate) fn display_order(groups: &[Group], d: Option<Dimension>) -> Vec<usize> {
    let named = matches!(
        d,
        Some(
            Dimension::Country
                | Dimension::Organisation
                | Dimension::Course
                | Dimension::Cohort
                | Dimension::Region
                | Dimension::SubRegion
                | Dimension::OrganisationKind
        )
    );
    let rank = |g: &Group| u8::from(g.key == NONE) + 2 * u8::from(g.key == NOT_STATED);
    let mut idx: Vec<usize> = (0..groups.len()).collect();
    if named {
        idx.sort_by(|&a, &b| {
            let (x, y) = (&groups[a], &groups[b]);
            rank(x)
                .cmp(&rank(y))
                .then_with(|| x.label.to_lowercase().cmp(&y.label.to_lowercase()))
        });
    }
    idx
}

/// Orders the table's groups for display ([`display_order`]).
fn sort(t: &mut Table) {
    let rows = display_order(&t.rows, t.asked.rows);
    let columns = display_order(&t.columns, t.asked.columns);
    let (nr, nc) = (t.rows.len(), t.columns.len());
    let width = nc + 1;
    let position = |r: usize, c: usize| {
        let r = if r == nr { nr } else { rows[r] };
        let c = if c == nc { nc } else { columns[c] };
        r * width + c
    };
    for figures in t.report.figures.values_mut() {
        let old = figures.clone();
        for r in 0..=nr {
            for c in 0..=nc {
                figures[r * width + c] = old[position(r, c)];
            }
        }
    }
    t.rows = rows.iter().map(|&i| t.rows[i].clone()).collect();
    t.columns = columns.iter().map(|&i| t.columns[i].clone()).collect();
    t.report.rows = t.rows.iter().map(|g| g.key.clone()).collect();
    t.report.columns = t.columns.iter().map(|g| g.key.clone()).collect();
}

/// The groups' names in `lang`.
pub(crate) async fn name(
    app: &App,
    d: Option<Dimension>,
    keys: &[String],
    lang: Language,
) -> Result<Vec<Group>, AppError> {
    let t = |key: &str| app.localizer.t(lang, key, &[]);
    let plain = |key: &str, label: String| Group {
        key: key.to_owned(),
        label,
        lang: None,
    };
    let ids: Vec<i32> = keys.iter().filter_map(|k| k.parse().ok()).collect();
    let mut titles: HashMap<String, (String, Option<String>)> = HashMap::new();
    match d {
        Some(Dimension::Course) => {
            for (id, title, default) in course_titles(app, Some(ids.clone())).await? {
                let title = kuza_courses::draft::translated(&title);
                let (text, l) = kuza_courses::pick(&title, lang.code(), &default);
                let other = (l != lang.code()).then(|| l.to_owned());
                titles.insert(id.to_string(), (text.to_owned(), other));
            }
        }
        Some(Dimension::Cohort) => {
            for k in cohort::Entity::find()
                .filter(cohort::Column::Id.is_in(ids.clone()))
                .all(&app.db)
                .await?
            {
                titles.insert(k.id.to_string(), (k.name, None));
            }
        }
        Some(Dimension::Organisation | Dimension::Provider) => {
            for o in organisation::Entity::find()
                .filter(organisation::Column::Id.is_in(ids.clone()))
                .all(&app.db)
                .await?
            {
                titles.insert(
                    o.id.to_string(),
                    (organisations::name_in(&o, lang.code()), None),
                );
            }
        }
        _ => {}
    }
    Ok(keys
        .iter()
        .map(|k| {
            let key = k.as_str();
            if key == NOT_STATED {
                return plain(key, t("report-not-stated"));
            }
            if key == NONE {
                let none = match d {
                    Some(Dimension::Cohort) => "report-no-cohort",
                    Some(Dimension::Organisation | Dimension::OrganisationKind) => {
                        "report-no-organisation"
                    }
                    Some(Dimension::Provider) => "report-no-provider",
                    _ => "report-none",
                };
                return plain(key, t(none));
            }
            match d {
                None => plain(key, t("report-everyone")),
                Some(
                    Dimension::Course
                    | Dimension::Cohort
                    | Dimension::Organisation
                    | Dimension::Provider,
                ) => match titles.get(key) {
                    Some((label, l)) => Group {
                        key: key.to_owned(),
                        label: label.clone(),
                        lang: l.clone(),
                    },
                    None => plain(key, format!("#{key}")),
                },
                Some(Dimension::Format) => plain(key, t(&format!("course-format-{key}"))),
                Some(Dimension::Language) => plain(
                    key,
                    Language::parse(key).map_or(key.to_owned(), |l| l.native_name().to_owned()),
                ),
                Some(Dimension::Month | Dimension::Quarter | Dimension::Year) => {
                    plain(key, key.to_owned())
                }
                Some(Dimension::Country) => plain(key, countries::name(key, lang)),
                Some(Dimension::Region | Dimension::SubRegion) => {
                    plain(key, countries::area_name(key, lang))
                }
                Some(Dimension::Ldc | Dimension::Lldc | Dimension::Sids) => {
                    plain(key, t(&format!("report-group-{key}")))
                }
                Some(Dimension::Gender) => plain(key, t(&format!("gender-{key}"))),
                Some(Dimension::AgeBand) => plain(key, t(&format!("report-age-{key}"))),
                Some(Dimension::OrganisationKind) => plain(key, t(&format!("org-kind-{key}"))),
            }
        })
        .collect())
}

/// A figure as text: the number in the reader's way, "<5" for a small
/// count, "x" for one hidden so that a total cannot reveal it, "—" for
/// nothing to measure.
pub fn shown(m: Measure, f: Figure, threshold: u64) -> String {
    match f.mark {
        kuza_reports::suppress::Mark::Small => format!("<{threshold}"),
        kuza_reports::suppress::Mark::Hidden => "x".to_owned(),
        kuza_reports::suppress::Mark::Shown => match f.value {
            None => "—".to_owned(),
            Some(v) if m.is_share() => format!("{:.0}%", v * 100.0),
            Some(v) if m == Measure::AverageScore || m == Measure::MedianDays => {
                if v.fract() == 0.0 {
                    format!("{v:.0}")
                } else {
                    format!("{v:.1}")
                }
            }
            Some(v) => format!("{v:.0}"),
        },
    }
}

/// The measures a table shows: every one, or the one a crossed table shows.
pub fn measures(t: &Table) -> Vec<Measure> {
    if t.report.crossed {
        vec![t.asked.measure]
    } else {
        Measure::ALL.to_vec()
    }
}

fn cell(m: Measure, f: Figure, threshold: u64) -> Cell {
    let text = shown(m, f, threshold);
    match (f.mark, f.value) {
        (kuza_reports::suppress::Mark::Shown, Some(v)) if m.is_share() => Cell::Share(v, text),
        (kuza_reports::suppress::Mark::Shown, Some(v)) if m.is_count() => Cell::Count(v, text),
        (kuza_reports::suppress::Mark::Shown, Some(v)) => Cell::Decimal(v, text),
        _ => Cell::Text(text),
    }
}

/// The table as the page shows it, for CSV and XLSX: the groups down the
/// side; across, every measure (or, crossed, the second grouping's groups
/// for the measure shown); the totals last; then the notes.
pub fn sheet(app: &App, t: &Table, lang: Language) -> Sheet {
    let tr = |key: &str, args: &[(&str, kuza_i18n::Arg<'_>)]| app.localizer.t(lang, key, args);
    let k = t.report.threshold;
    let by = |d: Option<Dimension>| {
        d.map_or_else(
            || tr("report-everyone", &[]),
            |d| tr(&format!("report-by-{}", d.code()), &[]),
        )
    };
    let mut header = vec![];
    let mut rows = vec![];
    let total = tr("report-total", &[]);
    if t.report.crossed {
        header.push(format!("{} / {}", by(t.asked.rows), by(t.asked.columns)));
        header.extend(t.columns.iter().map(|g| g.label.clone()));
        header.push(total.clone());
        let m = t.asked.measure;
        for i in 0..=t.rows.len() {
            let mut row = vec![Cell::Text(
                t.rows.get(i).map_or(total.clone(), |g| g.label.clone()),
            )];
            for j in 0..=t.columns.len() {
                row.push(cell(m, t.at(m, i, j), k));
            }
            rows.push(row);
        }
    } else {
        header.push(by(t.asked.rows));
        let ms = measures(t);
        header.extend(
            ms.iter()
                .map(|m| tr(&format!("report-measure-{}", m.code()), &[])),
        );
        for i in 0..=t.rows.len() {
            let mut row = vec![Cell::Text(
                t.rows.get(i).map_or(total.clone(), |g| g.label.clone()),
            )];
            for m in &ms {
                row.push(cell(*m, t.at(*m, i, 0), k));
            }
            rows.push(row);
        }
    }
    let title = match &t.organisation {
        Some(o) => tr("reports-title-of", &[("organisation", o.as_str().into())]),
        None => tr("reports-title", &[]),
    };
    let mut notes = vec![tr(
        "report-period",
        &[
            ("from", t.asked.from.to_string().into()),
            ("to", t.asked.to.to_string().into()),
        ],
    )];
    if t.report.crossed {
        notes.push(tr(
            &format!("report-measure-{}", t.asked.measure.code()),
            &[],
        ));
    }
    notes.push(tr("report-note-small", &[("threshold", (k as i64).into())]));
    notes.push(tr("report-note-hidden", &[]));
    notes.push(tr(
        "report-note-source",
        &[("site", app.site_name.as_str().into())],
    ));
    Sheet {
        title,
        right_to_left: lang.dir() == "rtl",
        header,
        rows,
        notes,
    }
}

/// What a report's form offers the actor to narrow it to: every
/// organisation (administrators), the providers whose courses they may
/// read (all for administrators, their own organisation if it is one for
/// its coordinators and viewers), the courses they may read (all of them
/// for administrators, their own for authors), each named in `lang`.
#[derive(Debug, Clone, Default)]
pub struct Choices {
    pub organisations: Vec<(i32, String)>,
    pub providers: Vec<(i32, String)>,
    pub courses: Vec<(i32, String)>,
}

pub async fn choices(app: &App, actor: &Actor, lang: Language) -> Result<Choices, AppError> {
    let mut out = Choices {
        providers: organisations::providers(&app.db)
            .await?
            .iter()
            .filter(|o| actor.is_admin() || actor.reports_of() == Some(o.id))
            .map(|o| (o.id, organisations::name_in(o, lang.code())))
            .collect(),
        ..Choices::default()
    };
    if actor.is_admin() {
        out.organisations = organisations::all(&app.db)
            .await?
            .iter()
            .map(|o| (o.id, organisations::name_in(o, lang.code())))
            .collect();
    }
    let ids = match policy::courses_edited_by(&app.db, actor).await? {
        Some(ids) if ids.is_empty() => return Ok(out),
        ids => ids,
    };
    out.courses = course_titles(app, ids)
        .await?
        .into_iter()
        .map(|(id, title, default)| {
            let title = kuza_courses::draft::translated(&title);
            let (text, _) = kuza_courses::pick(&title, lang.code(), &default);
            (id, text.to_owned())
        })
        .collect();
    out.courses.sort_by_key(|c| c.1.to_lowercase());
    Ok(out)
}

/// Courses' ids, titles (every language) and default languages, of these
/// courses or of all: only the columns a report names them by.
async fn course_titles(
    app: &App,
    ids: Option<Vec<i32>>,
) -> Result<Vec<(i32, String, String)>, AppError> {
    let mut q = course::Entity::find().select_only().columns([
        course::Column::Id,
        course::Column::Title,
        course::Column::DefaultLanguage,
    ]);
    if let Some(ids) = ids {
        q = q.filter(course::Column::Id.is_in(ids));
    }
    Ok(q.into_tuple().all(&app.db).await?)
}

/// The agency's dashboard: this year so far against the same days of last
/// year.
#[derive(Debug, Clone)]
pub struct Dashboard {
    /// `[from, to]` of this year and of last year, days included.
    pub this_year: (NaiveDate, NaiveDate),
    pub last_year: (NaiveDate, NaiveDate),
    pub now: Headline,
    pub then: Headline,
    /// By theme, and by SDG goal: this year's and last year's reach.
    pub themes: Vec<(String, Reach, Reach)>,
    pub goals: Vec<(String, Reach, Reach)>,
    pub threshold: u64,
}

fn period(from: NaiveDate, to: NaiveDate) -> Filter {
    let start = |d: NaiveDate| {
        d.and_hms_opt(0, 0, 0)
            .map_or(0, |t| t.and_utc().timestamp())
    };
    Filter {
        from: start(from),
        to: start(to) + 86_400,
        ..Filter::default()
    }
}

/// The dashboard (administrators).
pub async fn dashboard(app: &App, actor: Option<&Actor>) -> Result<Dashboard, AppError> {
    policy::may(actor, Action::ReadReports, On::Site)?;
    let today = chrono::Utc::now().date_naive();
    let start = NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today);
    let last_start = NaiveDate::from_ymd_opt(today.year() - 1, 1, 1).unwrap_or(start);
    // The same day last year (28 February for a 29th).
    let last_today = today
        .with_year(today.year() - 1)
        .or_else(|| NaiveDate::from_ymd_opt(today.year() - 1, 2, 28))
        .unwrap_or(last_start);
    let (now_f, then_f) = (period(start, today), period(last_start, last_today));
    let now = kuza_reports::dashboard::headline(&app.db, &now_f).await?;
    let then = kuza_reports::dashboard::headline(&app.db, &then_f).await?;
    let by = |now: std::collections::BTreeMap<String, Reach>,
              mut then: std::collections::BTreeMap<String, Reach>| {
        let mut rows: Vec<(String, Reach, Reach)> = now
            .into_iter()
            .map(|(k, r)| {
                let before = then.remove(&k).unwrap_or_default();
                (k, r, before)
            })
            .collect();
        rows.extend(then.into_iter().map(|(k, r)| (k, Reach::default(), r)));
        rows
    };
    let (themes_now, goals_now) = kuza_reports::dashboard::by_facets(&app.db, &now_f).await?;
    let (themes_then, goals_then) = kuza_reports::dashboard::by_facets(&app.db, &then_f).await?;
    let themes = by(themes_now, themes_then);
    let mut goals = by(goals_now, goals_then);
    goals.sort_by_key(|(g, _, _)| g.parse::<u32>().unwrap_or(u32::MAX));
    Ok(Dashboard {
        this_year: (start, today),
        last_year: (last_start, last_today),
        now,
        then,
        themes,
        goals,
        threshold: app.limits.report_min_cell,
    })
}

/// The dashboard's headline as shown: `(key, this year, last year)`.
pub fn headline_shown(d: &Dashboard) -> Vec<(&'static str, String, String)> {
    let k = d.threshold;
    let c = |n: u64| count_shown(n, k);
    vec![
        ("learners", c(d.now.learners), c(d.then.learners)),
        (
            "countries",
            d.now.countries.to_string(),
            d.then.countries.to_string(),
        ),
        (
            "ldc_share",
            share_shown(d.now.ldc, d.now.stated_country, k),
            share_shown(d.then.ldc, d.then.stated_country, k),
        ),
        (
            "women_share",
            share_shown(d.now.women, d.now.stated_gender, k),
            share_shown(d.then.women, d.then.stated_gender, k),
        ),
        ("completions", c(d.now.completions), c(d.then.completions)),
        (
            "certificates",
            c(d.now.certificates),
            c(d.then.certificates),
        ),
    ]
}

/// A count as the dashboard shows it: "<5" when small (no total of the
/// dashboard is the sum of others, so nothing else needs hiding).
pub fn count_shown(n: u64, threshold: u64) -> String {
    if n > 0 && n < threshold {
        format!("<{threshold}")
    } else {
        n.to_string()
    }
}

/// A share as the dashboard shows it: hidden ("x") when its part or its
/// base is small.
pub fn share_shown(part: u64, base: u64, threshold: u64) -> String {
    if base == 0 {
        "—".to_owned()
    } else if base < threshold
        || (part > 0 && part < threshold)
        || (base > part && base - part < threshold)
    {
        "x".to_owned()
    } else {
        format!("{:.0}%", part as f64 * 100.0 / base as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ask(pairs: &[(&str, &str)]) -> Ask {
        let mut a = Ask::default();
        for (k, v) in pairs {
            let v = Some((*v).to_owned());
            match *k {
                "from" => a.from = v,
                "to" => a.to = v,
                "by" => a.by = v,
                "then" => a.then = v,
                "measure" => a.measure = v,
                "course_format" => a.course_format = v,
                "language" => a.language = v,
                _ => unreachable!(),
            }
        }
        a
    }

    fn codes(r: Result<Asked, AppError>) -> Vec<(String, &'static str)> {
        match r {
            Err(AppError::BadQuery(p)) => p.into_iter().map(|p| (p.field, p.code)).collect(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn questions_are_checked_whole_and_default_to_this_year() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        let a = parse(&ask(&[]), today).unwrap();
        assert_eq!(a.from, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        assert_eq!(
            (a.to, a.rows, a.measure),
            (today, None, Measure::Enrolments)
        );
        let a = parse(
            &ask(&[
                ("by", "country"),
                ("then", "gender"),
                ("measure", "completions"),
            ]),
            today,
        )
        .unwrap();
        assert_eq!(
            (a.rows, a.columns),
            (Some(Dimension::Country), Some(Dimension::Gender))
        );
        assert_eq!(
            codes(parse(
                &ask(&[
                    ("from", "2026-05-01"),
                    ("to", "2026-04-01"),
                    ("by", "shoe_size"),
                    ("measure", "happiness"),
                    ("course_format", "zoom"),
                    ("language", "de")
                ]),
                today
            )),
            [
                ("to".to_owned(), "period_backwards"),
                ("by".to_owned(), "grouping_unknown"),
                ("measure".to_owned(), "measure_unknown"),
                ("course_format".to_owned(), "format_unknown"),
                ("language".to_owned(), "language_invalid"),
            ]
        );
        assert_eq!(
            codes(parse(&ask(&[("by", "gender"), ("then", "gender")]), today)),
            [("then".to_owned(), "grouping_repeated")]
        );
        assert_eq!(
            codes(parse(&ask(&[("then", "gender")]), today)),
            [("then".to_owned(), "grouping_needs_by")]
        );
        assert_eq!(
            codes(parse(&ask(&[("from", "31/12/2026")]), today)),
            [("from".to_owned(), "not_a_date")]
        );
    }
}
