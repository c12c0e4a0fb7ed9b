//! The states and kinds the tables store as text: each is a Rust enum,
//! read and written by sea-orm as the same strings as always (no data
//! migration), and serialized by serde under those names too, so the API,
//! the templates and the course documents see `self_paced`, `published`,
//! `quiz`… exactly as before. Outside this module no state is compared as
//! a string.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

/// Parsing and naming for every enum here, by its stored code.
pub trait Code: ActiveEnum<Value = String> {
    /// The stored (and serialized) name: `self_paced`, `published`, `quiz`…
    fn code(&self) -> String {
        self.to_value()
    }
    /// The value with this stored name (surrounding spaces ignored).
    fn parse(s: &str) -> Option<Self> {
        Self::try_from_value(&s.trim().to_owned()).ok()
    }
    /// Every value, in declaration order.
    fn all() -> Vec<Self> {
        Self::iter().collect()
    }
}

impl<T: ActiveEnum<Value = String>> Code for T {}

/// How a course runs (ITU Academy's four formats).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Always open, no facilitator: learners enrol in the course itself.
    #[sea_orm(string_value = "self_paced")]
    SelfPaced,
    #[sea_orm(string_value = "facilitated")]
    Facilitated,
    #[sea_orm(string_value = "face_to_face")]
    FaceToFace,
    #[sea_orm(string_value = "blended")]
    Blended,
}

impl Format {
    /// Every format but self-paced runs in cohorts.
    pub fn runs_in_cohorts(self) -> bool {
        self != Format::SelfPaced
    }
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
#[serde(rename_all = "snake_case")]
pub enum Level {
    #[sea_orm(string_value = "introductory")]
    Introductory,
    #[sea_orm(string_value = "intermediate")]
    Intermediate,
    #[sea_orm(string_value = "advanced")]
    Advanced,
}

/// Where a course is in its life.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
#[serde(rename_all = "snake_case")]
pub enum CourseStatus {
    /// Never published.
    #[sea_orm(string_value = "draft")]
    Draft,
    #[sea_orm(string_value = "published")]
    Published,
    /// Out of the catalog; its versions and learners' records are kept.
    #[sea_orm(string_value = "archived")]
    Archived,
}

/// Who may enrol in a course by themselves.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
#[serde(rename_all = "snake_case")]
pub enum EnrolmentMode {
    /// Anyone signed in.
    #[sea_orm(string_value = "open")]
    Open,
    /// Whoever has the course's enrolment key.
    #[sea_orm(string_value = "key")]
    Key,
    /// Applicants answer screening questions; a coordinator decides.
    #[sea_orm(string_value = "application")]
    Application,
    /// Nobody (coordinators still enrol people).
    #[sea_orm(string_value = "closed")]
    Closed,
}

/// Which of a learner's quiz attempts counts.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
#[serde(rename_all = "snake_case")]
pub enum GradePolicy {
    #[sea_orm(string_value = "best")]
    Best,
    #[sea_orm(string_value = "last")]
    Last,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
#[serde(rename_all = "snake_case")]
pub enum LessonKind {
    #[sea_orm(string_value = "text")]
    Text,
    #[sea_orm(string_value = "video")]
    Video,
    /// A download.
    #[sea_orm(string_value = "file")]
    File,
    /// Completed by passing it.
    #[sea_orm(string_value = "quiz")]
    Quiz,
    /// A live session, which cohorts fill with dates; completed by attending.
    #[sea_orm(string_value = "live")]
    Live,
    /// A SCORM package; completed when the package reports it.
    #[sea_orm(string_value = "package")]
    Package,
}

impl LessonKind {
    /// Whether a learner completes it by saying so ("mark as complete").
    pub fn marked_complete(self) -> bool {
        !matches!(
            self,
            LessonKind::Quiz | LessonKind::Live | LessonKind::Package
        )
    }
}

/// A learner's place in a course.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
#[serde(rename_all = "snake_case")]
pub enum EnrollmentStatus {
    #[sea_orm(string_value = "active")]
    Active,
    #[sea_orm(string_value = "completed")]
    Completed,
    /// The learner left (progress kept should they return).
    #[sea_orm(string_value = "withdrawn")]
    Withdrawn,
    /// A coordinator took them out; only a coordinator brings them back.
    #[sea_orm(string_value = "removed")]
    Removed,
    /// On a full cohort's waitlist.
    #[sea_orm(string_value = "waitlisted")]
    Waitlisted,
    /// A freed place, waiting for the learner to confirm by a deadline.
    #[sea_orm(string_value = "offered")]
    Offered,
    /// An application waiting for a coordinator's decision.
    #[sea_orm(string_value = "applied")]
    Applied,
    #[sea_orm(string_value = "declined")]
    Declined,
}

impl EnrollmentStatus {
    /// The learner may study (and is counted in the course).
    pub fn studies(self) -> bool {
        matches!(self, EnrollmentStatus::Active | EnrollmentStatus::Completed)
    }
    /// The enrolment ended: the learner left, was removed, or was declined.
    pub fn ended(self) -> bool {
        matches!(
            self,
            EnrollmentStatus::Withdrawn | EnrollmentStatus::Removed | EnrollmentStatus::Declined
        )
    }
    /// It holds one of a capped course's or cohort's places.
    pub fn holds_place(self) -> bool {
        matches!(
            self,
            EnrollmentStatus::Active | EnrollmentStatus::Completed | EnrollmentStatus::Offered
        )
    }
}

/// Whether a learner attended a live session.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
#[serde(rename_all = "snake_case")]
pub enum AttendanceStatus {
    #[sea_orm(string_value = "present")]
    Present,
    #[sea_orm(string_value = "absent")]
    Absent,
    /// Left out of the attendance rate.
    #[sea_orm(string_value = "excused")]
    Excused,
}

/// Roles beyond learner, which everyone is.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    EnumIter,
    DeriveActiveEnum,
    Serialize,
    Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Creates courses and edits those they own or co-author.
    #[sea_orm(string_value = "author")]
    Author,
    /// Runs the cohorts they are named facilitator of.
    #[sea_orm(string_value = "facilitator")]
    Facilitator,
    /// Everything.
    #[sea_orm(string_value = "admin")]
    Admin,
    /// A partner coordinator for one organisation.
    #[sea_orm(string_value = "partner")]
    Partner,
    /// Reads one organisation's reports, and nothing else of it.
    #[sea_orm(string_value = "partner_viewer")]
    PartnerViewer,
}

impl Role {
    /// Whether it is held for one organisation.
    pub fn scoped(self) -> bool {
        matches!(self, Role::Partner | Role::PartnerViewer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_keeps_its_stored_name_in_the_database_and_in_json() {
        fn check<T: Code + Serialize + std::fmt::Debug + PartialEq>() {
            for v in T::all() {
                let json = serde_json::to_value(&v).expect("serializes");
                assert_eq!(json, serde_json::Value::String(v.code()), "{v:?}");
                assert_eq!(T::parse(&v.code()), Some(v));
            }
        }
        check::<Format>();
        check::<Level>();
        check::<CourseStatus>();
        check::<EnrolmentMode>();
        check::<GradePolicy>();
        check::<LessonKind>();
        check::<EnrollmentStatus>();
        check::<AttendanceStatus>();
        check::<Role>();
        check::<HeldReason>();
        check::<SurveyPurpose>();
        check::<SurveyAudience>();
        check::<ResponseStatus>();
        assert_eq!(Format::SelfPaced.code(), "self_paced");
        assert_eq!(Format::FaceToFace.code(), "face_to_face");
        assert_eq!(Format::parse(" blended "), Some(Format::Blended));
        assert_eq!(Format::parse("Self_Paced"), None);
        assert_eq!(LessonKind::parse("pdf"), None);
    }

    #[test]
    fn statuses_say_who_studies_who_left_and_who_holds_a_place() {
        use EnrollmentStatus as S;
        let studies: Vec<_> = S::all().into_iter().filter(|s| s.studies()).collect();
        assert_eq!(studies, [S::Active, S::Completed]);
        let ended: Vec<_> = S::all().into_iter().filter(|s| s.ended()).collect();
        assert_eq!(ended, [S::Withdrawn, S::Removed, S::Declined]);
        let places: Vec<_> = S::all().into_iter().filter(|s| s.holds_place()).collect();
        assert_eq!(places, [S::Active, S::Completed, S::Offered]);
        assert!(!S::Waitlisted.studies() && !S::Waitlisted.ended());
        assert!(!S::Applied.holds_place());
    }
}

/// Where a certificate stands.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
#[serde(rename_all = "snake_case")]
pub enum CertificateStatus {
    /// Earned, waiting for a condition (`HeldReason`); no number yet.
    #[sea_orm(string_value = "held")]
    Held,
    /// Given, with its number; anyone can verify it.
    #[sea_orm(string_value = "issued")]
    Issued,
    /// Withdrawn by an administrator, with a reason; the page says so.
    #[sea_orm(string_value = "revoked")]
    Revoked,
}

/// Why a certificate waits.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
#[serde(rename_all = "snake_case")]
pub enum HeldReason {
    /// The learner has not confirmed their email address.
    #[sea_orm(string_value = "email_unconfirmed")]
    EmailUnconfirmed,
    /// The learner's final score is below the course's minimum.
    #[sea_orm(string_value = "score_below_minimum")]
    ScoreBelowMinimum,
    /// The cohort's end-of-training report is not yet filed and validated.
    #[sea_orm(string_value = "report_pending")]
    ReportPending,
    /// The course asks for its evaluation first, and the learner has not
    /// submitted it.
    #[sea_orm(string_value = "evaluation_pending")]
    EvaluationPending,
}

/// What a survey is for.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
#[serde(rename_all = "snake_case")]
pub enum SurveyPurpose {
    /// A course's evaluation by its participants, offered on completion.
    #[sea_orm(string_value = "evaluation")]
    Evaluation,
    /// Months after completion: is what they learned applied?
    #[sea_orm(string_value = "follow_up")]
    FollowUp,
    /// Before training is planned: what an organisation's people, or the
    /// public, need to learn.
    #[sea_orm(string_value = "needs")]
    Needs,
}

/// Who answers a needs assessment: the signed-in members of its
/// organisation (everyone signed in, for the instance's), or anyone with
/// its link.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
#[serde(rename_all = "snake_case")]
pub enum SurveyAudience {
    #[sea_orm(string_value = "members")]
    Members,
    #[sea_orm(string_value = "public")]
    Public,
}

/// Where a response stands: editable while started, final once submitted.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
#[serde(rename_all = "snake_case")]
pub enum ResponseStatus {
    #[sea_orm(string_value = "started")]
    Started,
    #[sea_orm(string_value = "submitted")]
    Submitted,
}

/// Where a partner organisation's endorsement of a course stands.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
#[serde(rename_all = "snake_case")]
pub enum EndorsementStatus {
    /// Asked by the organisation's coordinator, waiting for an administrator.
    #[sea_orm(string_value = "requested")]
    Requested,
    /// Approved: certificates issued from now on carry it.
    #[sea_orm(string_value = "approved")]
    Approved,
    /// Declined by an administrator.
    #[sea_orm(string_value = "declined")]
    Declined,
    /// Withdrawn after approval: certificates issued before keep it.
    #[sea_orm(string_value = "withdrawn")]
    Withdrawn,
}

impl EndorsementStatus {
    pub fn code(self) -> &'static str {
        match self {
            EndorsementStatus::Requested => "requested",
            EndorsementStatus::Approved => "approved",
            EndorsementStatus::Declined => "declined",
            EndorsementStatus::Withdrawn => "withdrawn",
        }
    }
}

/// What a certificate attests.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
#[serde(rename_all = "snake_case")]
pub enum CertificateKind {
    /// The learner completed the course's lessons (and passed its quizzes).
    #[sea_orm(string_value = "completion")]
    Completion,
    /// The course counts attendance only (every lesson that counts is a
    /// live session): the learner took part.
    #[sea_orm(string_value = "participation")]
    Participation,
}
