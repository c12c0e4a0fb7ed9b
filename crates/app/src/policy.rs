//! The one authorization policy: who may do what to what.
//!
//! [`may`] is a pure function of the actor, the [`Action`] and the facts of
//! the resource ([`Course`], [`Cohort`], [`Enrollment`]): whether the actor
//! is an administrator, an author who owns or co-authors the course, a
//! facilitator named on the cohort, a partner coordinator scoped to one
//! organisation, or a learner acting on their own record. Every use case
//! asks it before it acts; the facts are read by the loaders below, in the
//! caller's transaction when it has one.
//!
//! How a refusal shows is part of the rule: someone signed out is asked to
//! sign in ([`AppError::SignIn`]), except that a draft's file is simply not
//! found for them; a signed-in person who may not act on a course or a
//! cohort is refused ([`AppError::Forbidden`]); and someone else's
//! enrolment or attempt is not found at all ([`AppError::NotFound`]), so its
//! existence is not told.
//!
//! Certificates, reports and surveys add their actions here.

use crate::AppError;
use kuza_accounts::users::User;
use kuza_accounts::{Grants, Role};
use kuza_db::entities::{cohort_facilitator, course, course_author};
use kuza_db::values::CourseStatus;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect};

/// A signed-in person and their roles.
#[derive(Debug, Clone)]
pub struct Actor {
    pub user: User,
    pub grants: Grants,
}

impl Actor {
    pub fn id(&self) -> i32 {
        self.user.id
    }
    pub fn is_admin(&self) -> bool {
        self.grants.is_admin()
    }
    /// Holds `role` (administrators hold every role's rights).
    pub fn has(&self, role: Role) -> bool {
        self.grants.has(role) || self.is_admin()
    }
    /// The organisation whose reports a partner coordinator or viewer reads.
    pub fn reports_of(&self) -> Option<i32> {
        self.grants
            .roles
            .iter()
            .any(|r| r.scoped())
            .then_some(self.grants.partner_organisation_id)
            .flatten()
    }
    /// The organisation a partner coordinator acts for.
    pub fn partner_of(&self) -> Option<i32> {
        self.grants
            .has(Role::Partner)
            .then_some(self.grants.partner_organisation_id)
            .flatten()
    }
}

/// What someone wants to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    // The instance.
    /// List, read, enable and disable accounts; set roles.
    ManageUsers,
    /// Create and change organisations.
    ManageOrganisations,
    /// Create (or import) a course, and open the studio.
    CreateCourse,
    /// Issue certificates by hand, correct and revoke them, list them all.
    ManageCertificates,
    /// Add questions to the instance's survey bank, retire them.
    ManageSurveyBank,

    // A course.
    /// Its draft, settings, files, enrolment rules, cohorts, publication,
    /// archiving, export and view counts.
    EditCourse,
    /// Enrol people from a file (partners: their organisation's only, in
    /// a course open to them).
    EnrolOthers,
    /// Accept or decline applications, remove a learner.
    ManageEnrolments,
    /// Read a file of a course.
    ReadFile,

    /// List a course's cohorts and open new ones (its editors, its
    /// provider's coordinators).
    RunCohorts,

    // A cohort.
    /// Change the cohort and schedule its sessions.
    ManageCohort,
    /// Read the roster and take attendance.
    RunCohort,
    /// See its sessions and their calendar files.
    SeeSessions,

    // An enrolment.
    /// Read it with its history.
    ReadEnrollment,
    /// What only the learner does: leave, confirm an offered place, take
    /// and submit attempts.
    ActAsLearner,
    /// Grade its attempts' answers that wait for a person.
    Grade,

    // An organisation.
    /// Ask that it endorse a course, see and withdraw its endorsements
    /// (its partner coordinator).
    Endorse,
    /// Confirm or remove its members, follow their courses and
    /// certificates (its partner coordinator).
    ManageMembers,

    /// Run needs assessments: the instance's (administrators), an
    /// organisation's (its partner coordinator, and administrators).
    RunSurveys,

    // Any of the above, or the instance.
    /// Read its reports: the instance's (administrators), an
    /// organisation's members' (its coordinators and viewers), a course's
    /// learners' (its editors), a cohort's members' (its facilitators).
    ReadReports,
}

/// A course's facts that rights depend on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Course {
    pub id: i32,
    pub owner_id: i32,
    pub co_authors: Vec<i32>,
    pub status: CourseStatus,
    /// The organisation that delivers it (a provider), if any.
    pub provider: Option<i32>,
}

/// A cohort's facts: its course's and its facilitators.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cohort {
    pub id: i32,
    pub course: Course,
    pub facilitators: Vec<i32>,
    /// Whether the actor asking studies in it (active or completed).
    pub actor_is_member: bool,
}

/// An enrolment's facts: whose it is, its course's and its cohort's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enrollment {
    pub learner: i32,
    pub course: Course,
    /// The facilitators of its cohort (none outside a cohort).
    pub facilitators: Vec<i32>,
}

/// A file's facts: its course's, and whether the course's current
/// published version uses it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    pub course: Course,
    pub shown_by_published_version: bool,
}

/// Whom a course takes enrolments from, besides what its editors do:
/// everyone (an open course), and the partner organisations its editors
/// granted places.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenTo {
    pub course: Course,
    pub everyone: bool,
    pub organisations: Vec<i32>,
}

/// What an action is about.
#[derive(Debug, Clone, Copy)]
pub enum On<'a> {
    Site,
    Course(&'a Course),
    File(&'a File),
    /// A course, as those who would enrol others in it see it.
    OpenTo(&'a OpenTo),
    Cohort(&'a Cohort),
    /// A learner's own record (an enrolment, an attempt): whose it is.
    RecordOf(i32),
    /// An enrolment, as its graders see it.
    Enrollment(&'a Enrollment),
    /// A partner organisation, by id (its members).
    Organisation(i32),
    /// A provider organisation, by id (its courses).
    Provider(i32),
}

/// An author who owns or co-authors the course, or an administrator.
/// Edit rights follow the author role: someone whose role was taken away
/// edits nothing, even courses they own.
pub fn edits(a: &Actor, c: &Course) -> bool {
    a.is_admin()
        || a.grants.has(Role::Author) && (c.owner_id == a.id() || c.co_authors.contains(&a.id()))
}

/// Who runs a course's cohorts: its editors, and the coordinators of the
/// organisation that provides it.
pub fn runs_cohorts(a: &Actor, c: &Course) -> bool {
    edits(a, c) || c.provider.is_some() && a.partner_of() == c.provider
}

/// Whether `actor` may do `action` on `on`; the refusal says how it shows.
pub fn may(actor: Option<&Actor>, action: Action, on: On<'_>) -> Result<(), AppError> {
    use Action as A;
    // A file the published version shows is public; everything else needs
    // someone.
    if let (A::ReadFile, On::File(f)) = (action, on)
        && f.shown_by_published_version
        && f.course.status == CourseStatus::Published
    {
        return Ok(());
    }
    let Some(a) = actor else {
        // Any other file is not there for strangers.
        return Err(match action {
            A::ReadFile => AppError::NotFound,
            _ => AppError::SignIn,
        });
    };
    let allowed = match (action, on) {
        (
            A::ManageUsers | A::ManageOrganisations | A::ManageCertificates | A::ManageSurveyBank,
            On::Site,
        ) => a.is_admin(),
        (A::CreateCourse, On::Site) => a.has(Role::Author),
        (A::EditCourse | A::ManageEnrolments, On::Course(c)) => edits(a, c),
        (A::ReadFile, On::File(f)) => edits(a, &f.course),
        (A::EnrolOthers, On::OpenTo(o)) => {
            runs_cohorts(a, &o.course)
                || a.partner_of()
                    .is_some_and(|org| o.everyone || o.organisations.contains(&org))
        }
        (A::RunCohorts, On::Course(c)) => runs_cohorts(a, c),
        (A::ManageCohort, On::Cohort(k)) => runs_cohorts(a, &k.course),
        (A::RunCohort, On::Cohort(k)) => {
            runs_cohorts(a, &k.course) || k.facilitators.contains(&a.id())
        }
        (A::SeeSessions, On::Cohort(k)) => {
            runs_cohorts(a, &k.course) || k.facilitators.contains(&a.id()) || k.actor_is_member
        }
        (A::ReadEnrollment, On::RecordOf(learner)) => learner == a.id() || a.is_admin(),
        (A::ActAsLearner, On::RecordOf(learner)) => learner == a.id(),
        (A::Grade, On::Enrollment(e)) => edits(a, &e.course) || e.facilitators.contains(&a.id()),
        (A::Endorse, On::Organisation(org)) => a.partner_of() == Some(org),
        (A::ManageMembers, On::Organisation(org)) => a.is_admin() || a.partner_of() == Some(org),
        (A::RunSurveys, On::Site) => a.is_admin(),
        (A::RunSurveys, On::Organisation(org)) => a.is_admin() || a.partner_of() == Some(org),
        (A::ReadReports, On::Site) => a.is_admin(),
        (A::ReadReports, On::Organisation(org)) => a.is_admin() || a.reports_of() == Some(org),
        (A::ReadReports, On::Course(c)) => {
            edits(a, c) || c.provider.is_some() && a.reports_of() == c.provider
        }
        (A::ReadReports, On::Cohort(k)) => {
            runs_cohorts(a, &k.course)
                || k.course.provider.is_some() && a.reports_of() == k.course.provider
                || k.facilitators.contains(&a.id())
        }
        (A::ReadReports, On::Provider(org)) => a.is_admin() || a.reports_of() == Some(org),
        // An action asked about the wrong kind of thing: a programming error.
        _ => false,
    };
    match (allowed, action) {
        (true, _) => Ok(()),
        // Someone else's records are not told to exist.
        (false, A::ReadEnrollment | A::ActAsLearner) => Err(AppError::NotFound),
        (false, _) => Err(AppError::Forbidden),
    }
}

/// The signed-in actor, or the request to sign in.
pub fn signed_in(actor: Option<&Actor>) -> Result<&Actor, AppError> {
    actor.ok_or(AppError::SignIn)
}

/// For whom `actor` may enrol people in course `c`: anyone (`None`), or
/// only the people of one organisation (a partner coordinator who neither
/// edits the course nor runs it for its provider). Asked after [`may`]
/// allowed [`Action::EnrolOthers`].
pub fn enrols_for(actor: &Actor, c: &Course) -> Option<i32> {
    if runs_cohorts(actor, c) {
        None
    } else {
        actor.partner_of()
    }
}

/// The ids of the courses `actor` edits: the rule of [`edits`] as a query,
/// for lists. `None` means every course (administrators).
pub async fn courses_edited_by(
    conn: &impl ConnectionTrait,
    actor: &Actor,
) -> Result<Option<Vec<i32>>, DbErr> {
    if actor.is_admin() {
        return Ok(None);
    }
    if !actor.grants.has(Role::Author) {
        return Ok(Some(vec![]));
    }
    let co: Vec<i32> = course_author::Entity::find()
        .filter(course_author::Column::UserId.eq(actor.id()))
        .select_only()
        .column(course_author::Column::CourseId)
        .into_tuple()
        .all(conn)
        .await?;
    let ids = course::Entity::find()
        .filter(
            course::Column::OwnerId
                .eq(actor.id())
                .or(course::Column::Id.is_in(co)),
        )
        .select_only()
        .column(course::Column::Id)
        .into_tuple()
        .all(conn)
        .await?;
    Ok(Some(ids))
}

/// The ids of the cohorts `actor` is named facilitator of (their side of
/// [`Action::RunCohort`], as a query for lists).
pub async fn cohorts_facilitated_by(
    conn: &impl ConnectionTrait,
    actor: &Actor,
) -> Result<Vec<i32>, DbErr> {
    cohort_facilitator::Entity::find()
        .filter(cohort_facilitator::Column::UserId.eq(actor.id()))
        .select_only()
        .column(cohort_facilitator::Column::CohortId)
        .into_tuple()
        .all(conn)
        .await
}

/// A course's facts, from its row.
pub async fn course_of(conn: &impl ConnectionTrait, c: &course::Model) -> Result<Course, DbErr> {
    let co_authors = course_author::Entity::find()
        .filter(course_author::Column::CourseId.eq(c.id))
        .select_only()
        .column(course_author::Column::UserId)
        .into_tuple()
        .all(conn)
        .await?;
    Ok(Course {
        id: c.id,
        owner_id: c.owner_id,
        co_authors,
        status: c.status,
        provider: c.organisation_id,
    })
}

/// Whom a course is open to, from its row.
pub async fn open_to(conn: &impl ConnectionTrait, c: &course::Model) -> Result<OpenTo, DbErr> {
    let organisations = kuza_enrollment::partners::organisations(conn, c.id).await?;
    Ok(OpenTo {
        course: course_of(conn, c).await?,
        everyone: c.enrolment == kuza_db::values::EnrolmentMode::Open,
        organisations,
    })
}

/// A course's row and facts by id.
pub async fn course(
    conn: &impl ConnectionTrait,
    id: i32,
) -> Result<(course::Model, Course), AppError> {
    let c = course::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    let facts = course_of(conn, &c).await?;
    Ok((c, facts))
}

/// A cohort's facts; `actor` decides `actor_is_member`.
pub async fn cohort(
    conn: &impl ConnectionTrait,
    k: &kuza_enrollment::cohorts::Cohort,
    actor: Option<&Actor>,
) -> Result<(course::Model, Cohort), AppError> {
    let (c, course) = course(conn, k.course_id).await?;
    let facilitators = facilitators(conn, k.id).await?;
    let actor_is_member = match actor {
        Some(a) => kuza_enrollment::find(conn, k.course_id, a.id())
            .await?
            .is_some_and(|e| e.cohort_id == Some(k.id) && e.status.studies()),
        None => false,
    };
    Ok((
        c,
        Cohort {
            id: k.id,
            course,
            facilitators,
            actor_is_member,
        },
    ))
}

/// An enrolment's facts.
pub async fn enrollment(
    conn: &impl ConnectionTrait,
    e: &kuza_enrollment::Enrollment,
) -> Result<Enrollment, AppError> {
    let (_, course) = course(conn, e.course_id).await?;
    let facilitators = match e.cohort_id {
        Some(k) => facilitators(conn, k).await?,
        None => vec![],
    };
    Ok(Enrollment {
        learner: e.user_id,
        course,
        facilitators,
    })
}

async fn facilitators(conn: &impl ConnectionTrait, cohort_id: i32) -> Result<Vec<i32>, DbErr> {
    cohort_facilitator::Entity::find()
        .filter(cohort_facilitator::Column::CohortId.eq(cohort_id))
        .select_only()
        .column(cohort_facilitator::Column::UserId)
        .into_tuple()
        .all(conn)
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(id: i32, roles: &[Role], partner_of: Option<i32>) -> Actor {
        let user = User {
            id,
            email: format!("u{id}@example.org"),
            password_hash: String::new(),
            display_name: format!("User {id}"),
            language: "en".into(),
            country: "KE".into(),
            organisation_id: None,
            organisation_confirmed_at: None,
            organisation_confirmation: None,
            gender: None,
            birth_year: None,
            email_verified_at: Some(0),
            active: true,
            created_at: 0,
            updated_at: 0,
        };
        Actor {
            user,
            grants: Grants {
                roles: roles.to_vec(),
                partner_organisation_id: partner_of,
            },
        }
    }

    const OWNER: i32 = 1;
    const CO_AUTHOR: i32 = 2;
    const FACILITATOR: i32 = 3;
    const LEARNER: i32 = 4;
    const STRANGER: i32 = 5;
    const ADMIN: i32 = 6;
    const PARTNER: i32 = 7;

    fn course(status: CourseStatus) -> Course {
        Course {
            id: 10,
            owner_id: OWNER,
            co_authors: vec![CO_AUTHOR],
            status,
            provider: None,
        }
    }

    fn cohort(member: bool) -> Cohort {
        Cohort {
            id: 20,
            course: course(CourseStatus::Published),
            facilitators: vec![FACILITATOR],
            actor_is_member: member,
        }
    }

    fn enrollment() -> Enrollment {
        Enrollment {
            learner: LEARNER,
            course: course(CourseStatus::Published),
            facilitators: vec![FACILITATOR],
        }
    }

    fn refusal(r: Result<(), AppError>) -> &'static str {
        match r {
            Ok(()) => "allowed",
            Err(AppError::SignIn) => "sign in",
            Err(AppError::Forbidden) => "forbidden",
            Err(AppError::NotFound) => "not found",
            Err(other) => panic!("unexpected refusal {other:?}"),
        }
    }

    #[test]
    fn only_administrators_manage_users_organisations_and_certificates() {
        for action in [
            Action::ManageUsers,
            Action::ManageOrganisations,
            Action::ManageCertificates,
            Action::ManageSurveyBank,
        ] {
            assert_eq!(refusal(may(None, action, On::Site)), "sign in");
            let learner = actor(LEARNER, &[], None);
            let author = actor(OWNER, &[Role::Author], None);
            let partner = actor(PARTNER, &[Role::Partner], Some(1));
            for a in [&learner, &author, &partner] {
                assert_eq!(refusal(may(Some(a), action, On::Site)), "forbidden");
            }
            let admin = actor(ADMIN, &[Role::Admin], None);
            assert_eq!(refusal(may(Some(&admin), action, On::Site)), "allowed");
        }
    }

    #[test]
    fn a_course_is_edited_by_its_owner_and_co_authors_while_they_are_authors() {
        let c = course(CourseStatus::Draft);
        let on = On::Course(&c);
        let cases = [
            (actor(OWNER, &[Role::Author], None), "allowed"),
            (actor(CO_AUTHOR, &[Role::Author], None), "allowed"),
            (actor(ADMIN, &[Role::Admin], None), "allowed"),
            (actor(STRANGER, &[Role::Author], None), "forbidden"),
            (actor(FACILITATOR, &[Role::Facilitator], None), "forbidden"),
            (actor(PARTNER, &[Role::Partner], Some(1)), "forbidden"),
            (actor(LEARNER, &[], None), "forbidden"),
            // The author role taken away: their own course too.
            (actor(OWNER, &[], None), "forbidden"),
            (actor(CO_AUTHOR, &[Role::Facilitator], None), "forbidden"),
        ];
        for (a, expected) in &cases {
            for action in [Action::EditCourse, Action::ManageEnrolments] {
                assert_eq!(
                    refusal(may(Some(a), action, on)),
                    *expected,
                    "{action:?} by {} {:?}",
                    a.id(),
                    a.grants
                );
            }
        }
        assert_eq!(refusal(may(None, Action::EditCourse, on)), "sign in");
    }

    #[test]
    fn a_file_is_public_only_while_the_published_version_shows_it() {
        let file = |status, shown| File {
            course: course(status),
            shown_by_published_version: shown,
        };
        let shown = file(CourseStatus::Published, true);
        assert_eq!(
            refusal(may(None, Action::ReadFile, On::File(&shown))),
            "allowed"
        );
        for f in [
            // An upload for the next version, or one no longer used.
            file(CourseStatus::Published, false),
            file(CourseStatus::Draft, false),
            // The version that showed it is no longer published.
            file(CourseStatus::Archived, true),
            file(CourseStatus::Archived, false),
        ] {
            let on = On::File(&f);
            assert_eq!(refusal(may(None, Action::ReadFile, on)), "not found");
            let stranger = actor(STRANGER, &[Role::Author], None);
            assert_eq!(
                refusal(may(Some(&stranger), Action::ReadFile, on)),
                "forbidden"
            );
            let owner = actor(OWNER, &[Role::Author], None);
            assert_eq!(refusal(may(Some(&owner), Action::ReadFile, on)), "allowed");
        }
    }

    #[test]
    fn partners_enrol_others_only_for_their_organisation_and_editors_for_anyone() {
        let c = course(CourseStatus::Published);
        let open = |everyone, organisations: &[i32]| OpenTo {
            course: c.clone(),
            everyone,
            organisations: organisations.to_vec(),
        };
        let partner = actor(PARTNER, &[Role::Partner], Some(42));
        let may_enrol =
            |a: &Actor, o: &OpenTo| refusal(may(Some(a), Action::EnrolOthers, On::OpenTo(o)));
        // An open course, or one that granted the organisation places.
        assert_eq!(may_enrol(&partner, &open(true, &[])), "allowed");
        assert_eq!(may_enrol(&partner, &open(false, &[42])), "allowed");
        // Closed, by key or by application, without a grant: no.
        assert_eq!(may_enrol(&partner, &open(false, &[])), "forbidden");
        assert_eq!(may_enrol(&partner, &open(false, &[7])), "forbidden");
        let owner = actor(OWNER, &[Role::Author], None);
        assert_eq!(may_enrol(&owner, &open(false, &[])), "allowed");
        let c = open(true, &[]);
        assert_eq!(enrols_for(&partner, &c.course), Some(42));
        let owner = actor(OWNER, &[Role::Author], None);
        assert_eq!(enrols_for(&owner, &c.course), None);
        let admin = actor(ADMIN, &[Role::Admin], None);
        assert_eq!(enrols_for(&admin, &c.course), None);
        let learner = actor(LEARNER, &[], None);
        assert_eq!(may_enrol(&learner, &c), "forbidden");
        let stranger = actor(STRANGER, &[Role::Author], None);
        assert_eq!(may_enrol(&stranger, &c), "forbidden");
    }

    #[test]
    fn a_cohort_is_run_by_its_facilitators_and_changed_only_by_its_courses_editors() {
        let k = cohort(false);
        let on = On::Cohort(&k);
        let facilitator = actor(FACILITATOR, &[Role::Facilitator], None);
        let other_facilitator = actor(STRANGER, &[Role::Facilitator], None);
        let owner = actor(OWNER, &[Role::Author], None);
        assert_eq!(
            refusal(may(Some(&facilitator), Action::RunCohort, on)),
            "allowed"
        );
        assert_eq!(
            refusal(may(Some(&facilitator), Action::ManageCohort, on)),
            "forbidden"
        );
        assert_eq!(
            refusal(may(Some(&other_facilitator), Action::RunCohort, on)),
            "forbidden"
        );
        assert_eq!(
            refusal(may(Some(&owner), Action::ManageCohort, on)),
            "allowed"
        );
        assert_eq!(refusal(may(Some(&owner), Action::RunCohort, on)), "allowed");
        let learner = actor(LEARNER, &[], None);
        assert_eq!(
            refusal(may(Some(&learner), Action::SeeSessions, on)),
            "forbidden"
        );
        let member = cohort(true);
        assert_eq!(
            refusal(may(
                Some(&learner),
                Action::SeeSessions,
                On::Cohort(&member)
            )),
            "allowed"
        );
        assert_eq!(
            refusal(may(Some(&learner), Action::RunCohort, On::Cohort(&member))),
            "forbidden"
        );
        assert_eq!(refusal(may(None, Action::SeeSessions, on)), "sign in");
    }

    #[test]
    fn an_enrolment_is_its_learners_and_its_graders_see_its_attempts() {
        let e = enrollment();
        let own = On::RecordOf(LEARNER);
        let on = On::Enrollment(&e);
        let learner = actor(LEARNER, &[], None);
        let stranger = actor(STRANGER, &[], None);
        let admin = actor(ADMIN, &[Role::Admin], None);
        let facilitator = actor(FACILITATOR, &[Role::Facilitator], None);
        let co_author = actor(CO_AUTHOR, &[Role::Author], None);
        assert_eq!(
            refusal(may(Some(&learner), Action::ActAsLearner, own)),
            "allowed"
        );
        assert_eq!(
            refusal(may(Some(&learner), Action::ReadEnrollment, own)),
            "allowed"
        );
        // Someone else's enrolment is not found, whoever asks.
        assert_eq!(
            refusal(may(Some(&stranger), Action::ReadEnrollment, own)),
            "not found"
        );
        assert_eq!(
            refusal(may(Some(&stranger), Action::ActAsLearner, own)),
            "not found"
        );
        assert_eq!(
            refusal(may(Some(&admin), Action::ActAsLearner, own)),
            "not found"
        );
        assert_eq!(
            refusal(may(Some(&admin), Action::ReadEnrollment, own)),
            "allowed"
        );
        for grader in [&admin, &facilitator, &co_author] {
            assert_eq!(refusal(may(Some(grader), Action::Grade, on)), "allowed");
        }
        assert_eq!(refusal(may(Some(&learner), Action::Grade, on)), "forbidden");
        assert_eq!(
            refusal(may(Some(&stranger), Action::Grade, on)),
            "forbidden"
        );
    }

    #[test]
    fn an_action_asked_about_the_wrong_kind_of_thing_is_refused() {
        let admin = actor(ADMIN, &[Role::Admin], None);
        let c = course(CourseStatus::Published);
        assert_eq!(
            refusal(may(Some(&admin), Action::ManageUsers, On::Course(&c))),
            "forbidden"
        );
        assert_eq!(
            refusal(may(Some(&admin), Action::EditCourse, On::Site)),
            "forbidden"
        );
    }

    #[test]
    fn an_organisations_members_are_managed_by_its_coordinators_and_administrators() {
        let on = On::Organisation(42);
        let mine = actor(PARTNER, &[Role::Partner], Some(42));
        let other = actor(PARTNER, &[Role::Partner], Some(7));
        let admin = actor(ADMIN, &[Role::Admin], None);
        let author = actor(OWNER, &[Role::Author], None);
        let may_manage = |a: Option<&Actor>| refusal(may(a, Action::ManageMembers, on));
        assert_eq!(may_manage(Some(&mine)), "allowed");
        assert_eq!(may_manage(Some(&admin)), "allowed");
        assert_eq!(may_manage(Some(&other)), "forbidden");
        assert_eq!(may_manage(Some(&author)), "forbidden");
        assert_eq!(may_manage(None), "sign in");
    }

    #[test]
    fn needs_assessments_are_run_by_the_organisations_coordinator_and_administrators() {
        let mine = actor(PARTNER, &[Role::Partner], Some(42));
        let viewer = actor(PARTNER, &[Role::PartnerViewer], Some(42));
        let other = actor(PARTNER, &[Role::Partner], Some(7));
        let admin = actor(ADMIN, &[Role::Admin], None);
        let author = actor(OWNER, &[Role::Author], None);
        let run = |a: &Actor, on: On<'_>| refusal(may(Some(a), Action::RunSurveys, on));
        assert_eq!(run(&mine, On::Organisation(42)), "allowed");
        assert_eq!(run(&admin, On::Organisation(42)), "allowed");
        for a in [&viewer, &other, &author] {
            assert_eq!(run(a, On::Organisation(42)), "forbidden");
        }
        assert_eq!(run(&admin, On::Site), "allowed");
        assert_eq!(
            run(&mine, On::Site),
            "forbidden",
            "the instance's are the administrators'"
        );
        assert_eq!(refusal(may(None, Action::RunSurveys, On::Site)), "sign in");
    }

    #[test]
    fn reports_are_read_by_administrators_an_organisations_partners_editors_and_facilitators() {
        let read = |a: &Actor, on: On<'_>| refusal(may(Some(a), Action::ReadReports, on));
        let admin = actor(ADMIN, &[Role::Admin], None);
        let coordinator = actor(PARTNER, &[Role::Partner], Some(42));
        let viewer = actor(PARTNER, &[Role::PartnerViewer], Some(42));
        let other = actor(PARTNER, &[Role::PartnerViewer], Some(7));
        let owner = actor(OWNER, &[Role::Author], None);
        let facilitator = actor(FACILITATOR, &[Role::Facilitator], None);
        let learner = actor(LEARNER, &[], None);
        for a in [&admin, &coordinator, &viewer] {
            assert_eq!(read(a, On::Organisation(42)), "allowed");
        }
        for a in [&other, &owner, &learner] {
            assert_eq!(read(a, On::Organisation(42)), "forbidden");
        }
        assert_eq!(viewer.partner_of(), None, "a viewer manages nothing");
        assert_eq!(viewer.reports_of(), Some(42));
        let c = course(CourseStatus::Published);
        assert_eq!(read(&owner, On::Course(&c)), "allowed");
        assert_eq!(read(&facilitator, On::Course(&c)), "forbidden");
        assert_eq!(read(&coordinator, On::Course(&c)), "forbidden");
        let k = cohort(false);
        assert_eq!(read(&facilitator, On::Cohort(&k)), "allowed");
        assert_eq!(read(&owner, On::Cohort(&k)), "allowed");
        assert_eq!(read(&learner, On::Cohort(&cohort(true))), "forbidden");
        assert_eq!(read(&admin, On::Site), "allowed");
        for a in [&coordinator, &owner, &facilitator, &learner] {
            assert_eq!(read(a, On::Site), "forbidden");
        }
        assert_eq!(refusal(may(None, Action::ReadReports, On::Site)), "sign in");
    }
}
