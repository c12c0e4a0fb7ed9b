//! Surveys: a course's evaluation, edited by its editors (the standard
//! questions of the bank and the course's own) and answered by the
//! learners who completed it, a page at a time. A course may ask for its
//! evaluation before its certificate is released: submitting it releases
//! a certificate that waited for it, in the same transaction.

use crate::policy::{self, Action, On};
use crate::{Actor, App, AppError};
use kuza_db::entities::course;
use kuza_enrollment::{Enrollment, EnrollmentStatus};
use kuza_i18n::Language;
use kuza_surveys::answers::{self, Given, Scope};
use kuza_surveys::bank::{self, BankQuestion};
use kuza_surveys::form::{self, Edit, Form, Question};
use kuza_surveys::invitations;
use kuza_surveys::results::Surveys;
use kuza_surveys::{Response, ResponseStatus, Survey, SurveyError, SurveyPurpose};
use sea_orm::{ConnectionTrait, EntityTrait};

/// A survey as its editors see it: a course's evaluation or follow-up
/// (with its course), or a needs assessment.
#[derive(Debug)]
pub struct Editing {
    pub course: Option<course::Model>,
    pub survey: Survey,
    pub draft: Form,
    /// The draft differs from the published version.
    pub changed: bool,
    /// The bank's questions, for adding one.
    pub bank: Vec<BankQuestion>,
    /// Responses started and submitted.
    pub started: u64,
    pub submitted: u64,
}

/// The course's languages, as its surveys are offered in.
fn languages_of(c: &course::Model) -> (Language, Vec<Language>) {
    let default = Language::parse(&c.default_language).unwrap_or(Language::En);
    let mut all: Vec<Language> = c.languages.split(',').filter_map(Language::parse).collect();
    if !all.contains(&default) {
        all.insert(0, default);
    }
    (default, all)
}

/// The course's survey of `purpose` (written with the standard form the
/// first time).
pub(crate) async fn survey_of(
    conn: &impl ConnectionTrait,
    c: &course::Model,
    purpose: SurveyPurpose,
) -> Result<Survey, AppError> {
    let (default, all) = languages_of(c);
    Ok(kuza_surveys::ensure_of_course(conn, c.id, purpose, default, &all).await?)
}

pub(crate) async fn editing(
    conn: &impl ConnectionTrait,
    course: Option<course::Model>,
    survey: Survey,
) -> Result<Editing, AppError> {
    let (started, submitted) = kuza_surveys::counts(conn, survey.id).await?;
    Ok(Editing {
        course,
        draft: kuza_surveys::draft(&survey),
        changed: kuza_surveys::has_changes(conn, &survey).await?,
        bank: bank::all(conn).await?,
        survey,
        started,
        submitted,
    })
}

/// A course's survey of `purpose` (its evaluation or its follow-up) for
/// its editors.
pub async fn course_survey(
    app: &App,
    actor: Option<&Actor>,
    course_id: i32,
    purpose: SurveyPurpose,
) -> Result<Editing, AppError> {
    let txn = kuza_db::begin_write(&app.db).await?;
    let (c, facts) = policy::course(&txn, course_id).await?;
    policy::may(actor, Action::EditCourse, On::Course(&facts))?;
    let s = survey_of(&txn, &c, purpose).await?;
    let out = editing(&txn, Some(c), s).await?;
    txn.commit().await?;
    Ok(out)
}

/// What an editor changes: whether the certificate waits for the
/// evaluation, whether answers are read without names, how many months
/// after completion a follow-up goes out (0: none), and the draft (whole,
/// from the API, or one edit from the studio); then, with `publish`, the
/// draft becomes the next version.
#[derive(Debug, Clone, Default)]
pub struct Change {
    pub required: Option<bool>,
    pub anonymous: Option<bool>,
    pub months: Option<i32>,
    pub form: Option<Form>,
    pub edit: Option<Edit>,
    pub publish: bool,
}

/// Changes a course's survey of `purpose`; its form is checked whole.
pub async fn change_course_survey(
    app: &App,
    actor: Option<&Actor>,
    course_id: i32,
    purpose: SurveyPurpose,
    change: Change,
) -> Result<Editing, AppError> {
    let txn = kuza_db::begin_write(&app.db).await?;
    let (c, facts) = policy::course(&txn, course_id).await?;
    policy::may(actor, Action::EditCourse, On::Course(&facts))?;
    if change
        .months
        .is_some_and(|m| !invitations::MONTHS.contains(&m))
        || change.months.is_some() && purpose != SurveyPurpose::FollowUp
    {
        return Err(AppError::invalid("months", "months_invalid"));
    }
    if change.required.is_some() && purpose != SurveyPurpose::Evaluation {
        return Err(AppError::invalid("required", "not_an_evaluation"));
    }
    let s = survey_of(&txn, &c, purpose).await?;
    let mut s = change_form(&txn, s, &change).await?;
    let was = s.required;
    s = kuza_surveys::set_flags(&txn, s, change.required, change.anonymous, change.months).await?;
    let released = if was && !s.required {
        crate::certificates::on_evaluation_not_required(app, &txn, c.id).await?
    } else {
        0
    };
    let course_id = c.id;
    let out = editing(&txn, Some(c), s).await?;
    txn.commit().await?;
    if released > 0 {
        tracing::info!(
            course.id = course_id,
            certificates = released,
            "certificates released: the evaluation is no longer required"
        );
    }
    Ok(out)
}

/// Changes a survey's draft (whole, or one edit; checked whole: texts in
/// any of the instance's languages, the default one required) and, with
/// `publish`, publishes it, in the caller's transaction.
pub(crate) async fn change_form(
    conn: &impl ConnectionTrait,
    mut s: Survey,
    change: &Change,
) -> Result<Survey, AppError> {
    let before = kuza_surveys::draft(&s);
    let given = match (&change.form, &change.edit) {
        (Some(f), _) => Some(f.clone()),
        (None, Some(edit)) => {
            Some(form::apply(before.clone(), edit.clone()).ok_or(AppError::NotFound)?)
        }
        (None, None) => None,
    };
    if let Some(f) = given {
        let (default, _) = kuza_surveys::languages(&s);
        // A retired bank question stays where it was, and is added nowhere.
        let bank = bank::every(conn).await?;
        let had: Vec<&str> = before.questions().map(|q| q.id.as_str()).collect();
        let find = |key: &str| {
            bank.iter()
                .find(|b| b.key == key && (!b.retired || had.contains(&key)))
                .map(|b| b.question.clone())
        };
        let f = form::parse(&f, &Language::ALL, default, &find).map_err(SurveyError::Invalid)?;
        if f != before {
            s = kuza_surveys::save_draft(conn, s, &f).await?;
        }
    }
    if change.publish {
        s = kuza_surveys::publish(conn, s).await?;
    }
    Ok(s)
}

/// A new question of the survey's own, with the next free id.
pub fn new_question(draft: &Form, mut q: Question) -> Question {
    q.id = draft.next_id();
    q.bank = None;
    q
}

/// The bank question `key`, to add.
pub fn bank_question(e: &Editing, key: &str) -> Option<Question> {
    e.bank
        .iter()
        .find(|b| b.key == key)
        .map(|b| b.question.clone())
}

/// A survey as its respondent answers it: a course's evaluation or
/// follow-up (with its course), or a needs assessment.
#[derive(Debug)]
pub struct Answering {
    pub course: Option<course::Model>,
    pub survey: Survey,
    /// The form of the learner's version (the published one, until they start).
    pub form: Form,
    pub version: i32,
    pub response: Option<Response>,
    pub given: Given,
}

impl Answering {
    pub fn submitted(&self) -> bool {
        self.response
            .as_ref()
            .is_some_and(|r| r.status == ResponseStatus::Submitted)
    }

    /// The page to show: the one asked for, else the one they reached.
    pub fn page(&self, asked: Option<usize>) -> usize {
        let last = self.form.sections.len().saturating_sub(1);
        asked
            .or_else(|| self.response.as_ref().map(|r| r.page.max(0) as usize))
            .unwrap_or(0)
            .min(last)
    }
}

/// The actor's completed enrolment in the course, and the course (the
/// evaluation is for those who completed it).
async fn completed(
    conn: &impl ConnectionTrait,
    actor: Option<&Actor>,
    course_id: i32,
) -> Result<(Enrollment, course::Model), AppError> {
    let a = actor.ok_or(AppError::SignIn)?;
    let e = kuza_enrollment::find(conn, course_id, a.id())
        .await?
        .ok_or_else(|| AppError::Refused {
            code: "not_enrolled",
            detail: "you are not enrolled in this course".into(),
        })?;
    policy::may(actor, Action::ActAsLearner, On::RecordOf(e.user_id))?;
    if e.status != EnrollmentStatus::Completed {
        return Err(AppError::Refused {
            code: "course_not_completed",
            detail: "the evaluation opens when you complete the course".into(),
        });
    }
    let c = course::Entity::find_by_id(e.course_id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((e, c))
}

pub(crate) async fn answering(
    conn: &impl ConnectionTrait,
    c: Option<course::Model>,
    survey: Survey,
    response: Option<Response>,
) -> Result<Answering, AppError> {
    let version = response.as_ref().map_or(survey.version, |r| r.version);
    let form = kuza_surveys::version(conn, survey.id, version)
        .await?
        .ok_or(AppError::NotFound)?;
    let given = match &response {
        Some(r) => answers::given_of(&kuza_surveys::answers_of(conn, r.id).await?, &form),
        None => Given::new(),
    };
    Ok(Answering {
        course: c,
        survey,
        form,
        version,
        response,
        given,
    })
}

/// The evaluation of a course the actor completed, with their answers so far.
pub async fn to_answer(
    app: &App,
    actor: Option<&Actor>,
    course_id: i32,
) -> Result<Answering, AppError> {
    let txn = kuza_db::begin_write(&app.db).await?;
    let (e, c) = completed(&txn, actor, course_id).await?;
    let s = survey_of(&txn, &c, SurveyPurpose::Evaluation).await?;
    let r = kuza_surveys::response_of(&txn, s.id, e.user_id).await?;
    let out = answering(&txn, Some(c), s, r).await?;
    txn.commit().await?;
    Ok(out)
}

/// What the respondent does with a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intent {
    /// Keep the answers given and stay (a slow connection loses nothing).
    Save,
    /// Keep them and go back a page.
    Back,
    /// Keep them, the page's required questions answered, and go on.
    Next,
    /// Keep them and submit, every required question answered.
    Submit,
}

/// Where answering leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answered {
    pub page: usize,
    pub submitted: bool,
    /// A required question left unanswered on another page, when
    /// submitting from the last one: the page to go back to.
    pub missing: Option<String>,
}

/// Saves the answers given (those of page `page`, or any of the form for
/// `None`, as the API gives them) on the actor's response to the course's
/// evaluation, checked against its version; with [`Intent::Submit`] it is
/// submitted, and a certificate that waited for it is released.
pub async fn answer(
    app: &App,
    actor: Option<&Actor>,
    course_id: i32,
    page: Option<usize>,
    given: &Given,
    intent: Intent,
    language: Language,
) -> Result<Answered, AppError> {
    let txn = kuza_db::begin_write(&app.db).await?;
    let (e, c) = completed(&txn, actor, course_id).await?;
    let s = survey_of(&txn, &c, SurveyPurpose::Evaluation).await?;
    let who = kuza_surveys::Respondent {
        user_id: Some(e.user_id),
        enrollment_id: Some(e.id),
        course_id: Some(c.id),
        cohort_id: e.cohort_id,
        language: language.code(),
    };
    let r = kuza_surveys::start(&txn, &s, who).await?;
    let out = save_answers(&txn, &r, page, given, intent, who.language).await?;
    if out.submitted {
        crate::certificates::on_evaluation_submitted(app, &txn, e.id).await?;
    }
    txn.commit().await?;
    Ok(out)
}

/// Saves the answers given on a response (see [`kuza_surveys::start`]),
/// checked against the response's version, in the caller's transaction;
/// submits it with [`Intent::Submit`] once every required question is
/// answered.
pub(crate) async fn save_answers(
    conn: &impl ConnectionTrait,
    r: &Response,
    page: Option<usize>,
    given: &Given,
    intent: Intent,
    language: &str,
) -> Result<Answered, AppError> {
    if r.status == ResponseStatus::Submitted {
        return Err(SurveyError::Submitted.into());
    }
    let form = kuza_surveys::version(conn, r.survey_id, r.version)
        .await?
        .ok_or(AppError::NotFound)?;
    let scope = page.map_or(Scope::Any, Scope::Page);
    let complete = matches!(intent, Intent::Next | Intent::Submit);
    let (new, replaced) =
        answers::check(&form, scope, given, complete).map_err(SurveyError::Invalid)?;
    let here = page.unwrap_or(0);
    let last = form.sections.len().saturating_sub(1);
    let to = match intent {
        Intent::Save | Intent::Submit => here,
        Intent::Back => here.saturating_sub(1),
        Intent::Next => (here + 1).min(last),
    };
    kuza_surveys::save(conn, r, &replaced, new, to as i32, language).await?;
    let mut out = Answered {
        page: to,
        submitted: false,
        missing: None,
    };
    if intent == Intent::Submit {
        let stored = kuza_surveys::answers_of(conn, r.id).await?;
        let answered: Vec<String> = stored.into_iter().map(|a| a.question).collect();
        match answers::first_missing(&form, &answered) {
            // The API's answers are taken whole or not at all.
            Some((_, q)) if page.is_none() => {
                return Err(AppError::invalid(q.id.clone(), "answer_required"));
            }
            Some((p, q)) => {
                kuza_surveys::save(conn, r, &[], vec![], p as i32, language).await?;
                out.page = p;
                out.missing = Some(q.id.clone());
            }
            None => {
                kuza_surveys::submit(conn, r).await?;
                out.submitted = true;
            }
        }
    }
    Ok(out)
}

/// Where the actor's evaluation of a course stands, for its page: `None`
/// unless they completed it; else whether they submitted it.
pub async fn evaluation_state(
    app: &App,
    actor: Option<&Actor>,
    e: &Enrollment,
) -> Result<Option<bool>, AppError> {
    if e.status != EnrollmentStatus::Completed || actor.is_none_or(|a| a.id() != e.user_id) {
        return Ok(None);
    }
    let Some(s) = kuza_surveys::of_course(&app.db, e.course_id, SurveyPurpose::Evaluation).await?
    else {
        return Ok(Some(false));
    };
    Ok(Some(
        kuza_surveys::submitted(&app.db, s.id, e.user_id).await?,
    ))
}

/// Whether the course's certificate waits for `user`'s evaluation: it is
/// required and not submitted yet.
pub async fn evaluation_awaited(
    conn: &impl ConnectionTrait,
    course_id: i32,
    user_id: i32,
) -> Result<bool, AppError> {
    match kuza_surveys::of_course(conn, course_id, SurveyPurpose::Evaluation).await? {
        Some(s) if s.required && s.version > 0 => {
            Ok(!kuza_surveys::submitted(conn, s.id, user_id).await?)
        }
        _ => Ok(false),
    }
}

/// The question bank, for authors (and those who run needs assessments):
/// the questions in use; administrators also see the retired ones.
pub async fn bank(app: &App, actor: Option<&Actor>) -> Result<Vec<BankQuestion>, AppError> {
    if policy::may(actor, Action::ManageSurveyBank, On::Site).is_ok() {
        return Ok(bank::every(&app.db).await?);
    }
    policy::may(actor, Action::CreateCourse, On::Site)?;
    Ok(bank::all(&app.db).await?)
}

/// The whole bank, the retired questions too, for administrators to keep.
pub async fn bank_to_manage(
    app: &App,
    actor: Option<&Actor>,
) -> Result<Vec<BankQuestion>, AppError> {
    policy::may(actor, Action::ManageSurveyBank, On::Site)?;
    Ok(bank::every(&app.db).await?)
}

/// A new question for the bank: its key (made up if none is given), the
/// question, and the language its texts must at least be in.
#[derive(Debug, Clone)]
pub struct NewBankQuestion {
    pub key: Option<String>,
    pub question: Question,
    pub default: Language,
}

/// Adds a question to the instance's bank (administrators): every survey
/// may then take it under its key, so its answers compare across surveys.
pub async fn add_to_bank(
    app: &App,
    actor: Option<&Actor>,
    new: NewBankQuestion,
) -> Result<BankQuestion, AppError> {
    policy::may(actor, Action::ManageSurveyBank, On::Site)?;
    let key = new.key.as_deref().map(str::trim).filter(|k| !k.is_empty());
    if key.is_some_and(|k| !bank::key_ok(k)) {
        return Err(AppError::invalid("key", "bank_key_invalid"));
    }
    let q = form::check_question(&new.question, &Language::ALL, new.default)
        .map_err(SurveyError::Invalid)?;
    let txn = kuza_db::begin_write(&app.db).await?;
    let key = match key {
        Some(k) => {
            if !bank::add(&txn, k, &q).await? {
                return Err(AppError::Conflict {
                    code: "bank_key_taken",
                    detail: format!("the bank has a question `{k}` already"),
                });
            }
            k.to_owned()
        }
        // The next free `bank_<n>`.
        None => {
            let mut n = bank::every(&txn).await?.len() + 1;
            loop {
                let k = format!("bank_{n}");
                if bank::add(&txn, &k, &q).await? {
                    break k;
                }
                n += 1;
            }
        }
    };
    let added = bank::every(&txn)
        .await?
        .into_iter()
        .find(|b| b.key == key)
        .ok_or(AppError::NotFound)?;
    txn.commit().await?;
    Ok(added)
}

/// Retires a question of the bank, or brings it back (administrators):
/// a retired question is offered to no survey; those that have it keep it.
pub async fn retire_bank_question(
    app: &App,
    actor: Option<&Actor>,
    key: &str,
    retired: bool,
) -> Result<(), AppError> {
    policy::may(actor, Action::ManageSurveyBank, On::Site)?;
    if bank::set_retired(&app.db, key, retired).await? {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// Writes the bank's standard questions it lacks (at startup).
pub async fn ensure_bank(app: &App) -> Result<(), AppError> {
    Ok(bank::ensure_standard(&app.db).await?)
}

/// The most free-text answers a results page lists.
pub const TEXTS_MAX: u64 = 500;

/// The evaluation results as their readers see them.
#[derive(Debug)]
pub struct ResultsPage {
    pub purpose: SurveyPurpose,
    pub asked: crate::reports::Asked,
    /// The course asked for, when one is.
    pub course: Option<course::Model>,
    /// The needs assessment asked for, when one is.
    pub survey: Option<Survey>,
    pub groups: Vec<crate::reports::Group>,
    pub results: kuza_surveys::results::Results,
    pub rates: kuza_surveys::results::Rates,
    /// The free-text answers, for the course's editors and administrators
    /// (with the respondent's name only when the survey is not anonymous);
    /// `None` for those who read aggregates only.
    pub texts: Option<Vec<(kuza_surveys::results::TextAnswer, Option<String>)>>,
    /// Whether the answers are read without names.
    pub anonymous: bool,
}

/// The results of course evaluations: of one course (`course`: every
/// question it ever asked), or of the standard questions across the
/// courses the reader may read (a provider's, or the instance's), which
/// compare because they are the bank's. Checked and authorized like a
/// report (the same period, groupings and readers), and suppressed alike.
pub async fn evaluation_results(
    app: &App,
    actor: Option<&Actor>,
    ask: &crate::reports::Ask,
    lang: Language,
) -> Result<ResultsPage, AppError> {
    use crate::reports;
    let today = chrono::Utc::now().date_naive();
    let purpose = match ask
        .purpose
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        None => SurveyPurpose::Evaluation,
        Some(p) => kuza_db::values::Code::parse(p).ok_or_else(|| {
            AppError::BadQuery(vec![crate::FieldProblem::new("purpose", "purpose_unknown")])
        })?,
    };
    let mut asked = reports::parse(ask, today)?;
    if asked.columns.is_some() {
        return Err(AppError::BadQuery(vec![crate::FieldProblem::new(
            "then",
            "grouping_not_offered",
        )]));
    }
    let (purpose, survey) = match ask.survey {
        // One needs assessment: read by those who run it and their
        // organisation's viewers (administrators, for the instance's).
        Some(id) => {
            let s = kuza_surveys::by_id(&app.db, id)
                .await?
                .filter(|s| s.purpose == SurveyPurpose::Needs)
                .ok_or(AppError::NotFound)?;
            if asked.course.is_some() || asked.cohort.is_some() || asked.provider.is_some() {
                return Err(AppError::BadQuery(vec![crate::FieldProblem::new(
                    "survey",
                    "survey_alone",
                )]));
            }
            let on = s.organisation_id.map_or(On::Site, On::Organisation);
            policy::may(actor, Action::ReadReports, on)?;
            (SurveyPurpose::Needs, Some(s))
        }
        None if purpose == SurveyPurpose::Needs => {
            return Err(AppError::BadQuery(vec![crate::FieldProblem::new(
                "survey",
                "survey_required",
            )]));
        }
        None => (purpose, None),
    };
    let filter = match &survey {
        // All its respondents, members or not.
        Some(_) => reports::filter_of(&asked, None),
        None => {
            if asked.organisation.is_none()
                && asked.course.is_none()
                && asked.cohort.is_none()
                && asked.provider.is_none()
                && let Some(org) =
                    reports::home_of(actor).filter(|_| !actor.is_some_and(Actor::is_admin))
            {
                asked.organisation = Some(org);
            }
            reports::authorize(app, actor, &asked).await?
        }
    };
    let (course, surveys, questions, anonymous) = match (&survey, asked.course) {
        (Some(s), _) => {
            let questions = kuza_surveys::questions_ever(&app.db, s.id).await?;
            (None, vec![s.id], questions, s.anonymous)
        }
        (None, Some(id)) => {
            let c = course::Entity::find_by_id(id)
                .one(&app.db)
                .await?
                .ok_or(AppError::NotFound)?;
            match kuza_surveys::of_course(&app.db, id, purpose).await? {
                Some(s) => {
                    let questions = kuza_surveys::questions_ever(&app.db, s.id).await?;
                    (Some(c), vec![s.id], questions, s.anonymous)
                }
                None => (Some(c), vec![], vec![], true),
            }
        }
        (None, None) => {
            // Every course's, unless the reader reads some courses only.
            let surveys = match filter.courses.as_deref() {
                Some(courses) => kuza_surveys::of_courses(&app.db, purpose, Some(courses)).await?,
                None => vec![],
            };
            let questions = bank::every(&app.db)
                .await?
                .into_iter()
                .filter(|b| b.standard == Some(purpose))
                .map(|b| b.question)
                .collect();
            (None, surveys, questions, true)
        }
    };
    let which = if survey.is_none() && asked.course.is_none() && filter.courses.is_none() {
        Surveys::OfCourses(purpose)
    } else {
        Surveys::Ids(&surveys)
    };
    let scope = kuza_surveys::results::Scope {
        surveys: which,
        questions: &questions,
        filter: &filter,
        by: asked.rows,
        threshold: app.limits.report_min_cell,
        optional: survey.is_some(),
    };
    let mut results = kuza_surveys::results::count(&app.db, &scope).await?;
    let mut rates = kuza_surveys::results::rates(&app.db, which, &filter, survey.is_none()).await?;
    match &survey {
        // Offered: those the follow-up was emailed to in the period.
        None if purpose == SurveyPurpose::FollowUp => {
            let ids = match which {
                Surveys::Ids(ids) => ids.to_vec(),
                Surveys::OfCourses(_) => kuza_surveys::of_courses(&app.db, purpose, None).await?,
            };
            rates.invited = invitations::invited(&app.db, &ids, filter.from, filter.to).await?;
        }
        // Offered: the members it is addressed to (a link has no count).
        Some(s) if s.audience == Some(kuza_surveys::SurveyAudience::Members) => {
            rates.invited = kuza_surveys::needs::members(&app.db, s).await?;
        }
        Some(_) | None => {}
    }
    // Free text is for those who edit the course, and administrators.
    let reads_texts = match (&course, actor) {
        (_, Some(a)) if a.is_admin() => true,
        (Some(c), Some(a)) => policy::edits(a, &policy::course_of(&app.db, c).await?),
        _ => false,
    };
    let texts = if reads_texts {
        let list = kuza_surveys::results::texts(&app.db, &scope, TEXTS_MAX).await?;
        // The respondents' names, read at once (a survey that is not anonymous).
        let names: std::collections::HashMap<i32, String> = if anonymous {
            Default::default()
        } else {
            use kuza_db::entities::user;
            use sea_orm::{ColumnTrait, QueryFilter, QuerySelect};
            user::Entity::find()
                .filter(user::Column::Id.is_in(list.iter().filter_map(|t| t.user_id)))
                .select_only()
                .column(user::Column::Id)
                .column(user::Column::DisplayName)
                .into_tuple()
                .all(&app.db)
                .await?
                .into_iter()
                .collect()
        };
        Some(
            list.into_iter()
                .map(|t| {
                    let name = t.user_id.and_then(|u| names.get(&u).cloned());
                    (t, name)
                })
                .collect(),
        )
    } else {
        None
    };
    let named = reports::name(app, asked.rows, &results.groups, lang).await?;
    // Groups in the order people look for them, their figures with them.
    let order = reports::display_order(&named, asked.rows);
    results.respondents = reorder(&results.respondents, &order);
    results.marks = reorder(&results.marks, &order);
    results.groups = order.iter().map(|&i| results.groups[i].clone()).collect();
    for q in &mut results.questions {
        q.answered = reorder(&q.answered, &order);
        q.mean = reorder(&q.mean, &order);
        q.nps = reorder(&q.nps, &order);
        for o in &mut q.options {
            *o = reorder(o, &order);
        }
    }
    let groups = order.iter().map(|&i| named[i].clone()).collect();
    Ok(ResultsPage {
        purpose,
        asked,
        course,
        survey,
        groups,
        results,
        rates,
        texts,
        anonymous,
    })
}

impl ResultsPage {
    /// The language its texts fall back to.
    pub fn default_language(&self) -> String {
        match (&self.course, &self.survey) {
            (Some(c), _) => c.default_language.clone(),
            (None, Some(s)) => s.default_language.clone(),
            (None, None) => "en".to_owned(),
        }
    }

    /// Whether its survey is answered through a link, so has no count of
    /// those it was offered to.
    pub fn public(&self) -> bool {
        self.survey
            .as_ref()
            .is_some_and(|s| s.audience == Some(kuza_surveys::SurveyAudience::Public))
    }
}

/// Figures per group (the total last) in the groups' new `order`.
fn reorder<T: Copy>(v: &[T], order: &[usize]) -> Vec<T> {
    order
        .iter()
        .map(|&i| v[i])
        .chain(v.last().copied())
        .collect()
}

/// The results' figures as one table, for the page and the exports: the
/// groups across (the total last); down, the respondents, then for each
/// question those who answered, each option's count, the mean and the
/// net promoter score where they apply. A suppressed group's figures read
/// "<5" (or "x", hidden so a total cannot give one away).
pub fn results_sheet(app: &App, p: &ResultsPage, lang: Language) -> crate::export::Sheet {
    use crate::export::{Cell, Sheet};
    use kuza_reports::suppress::Mark;
    let tr = |key: &str, args: &[(&str, kuza_i18n::Arg<'_>)]| app.localizer.t(lang, key, args);
    let r = &p.results;
    let k = r.threshold;
    let default = p.default_language();
    let pick =
        |t: &kuza_courses::Translated| kuza_courses::pick(t, lang.code(), &default).0.to_owned();
    let total = tr("report-total", &[]);
    let mut header = vec![tr("results-question", &[]), tr("results-answer", &[])];
    header.extend(p.groups.iter().map(|g| g.label.clone()));
    header.push(total);
    let hidden = |at: usize| match r.marks[at] {
        Mark::Small => Some(Cell::Text(format!("<{k}"))),
        Mark::Hidden => Some(Cell::Text("x".into())),
        Mark::Shown => None,
    };
    let count = |at: usize, v: Option<u64>| {
        hidden(at).unwrap_or_else(|| match v {
            Some(n) => Cell::Count(n as f64, n.to_string()),
            None => Cell::Text("—".into()),
        })
    };
    let decimal = |at: usize, v: Option<f64>| {
        hidden(at).unwrap_or_else(|| match v {
            Some(x) => Cell::Decimal(x, format!("{x:.1}")),
            None => Cell::Text("—".into()),
        })
    };
    let positions = r.respondents.len();
    let mut rows = vec![];
    let mut row = vec![
        Cell::Text(tr("results-respondents", &[])),
        Cell::Text(String::new()),
    ];
    row.extend((0..positions).map(|at| count(at, Some(r.respondents[at]))));
    rows.push(row);
    for q in r.questions.iter().filter(|q| !q.question.kind.is_text()) {
        let text = pick(&q.question.text);
        let line = |label: String, cells: Vec<Cell>| {
            let mut row = vec![Cell::Text(text.clone()), Cell::Text(label)];
            row.extend(cells);
            row
        };
        rows.push(line(
            tr("results-answered", &[]),
            (0..positions).map(|at| count(at, q.answered[at])).collect(),
        ));
        for (i, o) in q.options.iter().enumerate() {
            let label = match q.question.kind {
                form::Kind::Rating => i.to_string(),
                form::Kind::Likert => format!("{} {}", i + 1, pick(&q.question.options[i])),
                _ => pick(&q.question.options[i]),
            };
            rows.push(line(
                label,
                (0..positions).map(|at| count(at, o[at])).collect(),
            ));
        }
        if q.mean.iter().any(Option::is_some) {
            rows.push(line(
                tr("results-mean", &[]),
                (0..positions).map(|at| decimal(at, q.mean[at])).collect(),
            ));
        }
        if q.question.kind == form::Kind::Rating {
            rows.push(line(
                tr("results-nps", &[]),
                (0..positions).map(|at| decimal(at, q.nps[at])).collect(),
            ));
        }
    }
    let title = match (&p.course, &p.survey) {
        (_, Some(s)) => tr(
            "results-title-needs-of",
            &[("title", pick(&kuza_surveys::needs::title(s)).into())],
        ),
        (Some(c), None) => {
            let titles: kuza_courses::Translated =
                serde_json::from_str(&c.title).unwrap_or_default();
            tr(
                &format!(
                    "results-title-{}-of",
                    kuza_db::values::Code::code(&p.purpose)
                ),
                &[("course", pick(&titles).into())],
            )
        }
        (None, None) => tr(
            &format!("results-title-{}", kuza_db::values::Code::code(&p.purpose)),
            &[],
        ),
    };
    let rates = if p.public() {
        "results-rates-needs-public".to_owned()
    } else {
        format!("results-rates-{}", kuza_db::values::Code::code(&p.purpose))
    };
    let notes = vec![
        tr(
            "report-period",
            &[
                ("from", p.asked.from.to_string().into()),
                ("to", p.asked.to.to_string().into()),
            ],
        ),
        tr(
            &rates,
            &[
                ("invited", (p.rates.invited as i64).into()),
                ("started", (p.rates.started as i64).into()),
                ("submitted", (p.rates.submitted as i64).into()),
            ],
        ),
        tr("results-note-small", &[("threshold", (k as i64).into())]),
        tr("report-note-hidden", &[]),
        tr(
            "report-note-source",
            &[("site", app.site_name.as_str().into())],
        ),
    ];
    Sheet {
        title,
        right_to_left: lang.dir() == "rtl",
        header,
        rows,
        notes,
    }
}
