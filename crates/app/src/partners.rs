//! The places a course's editors grant partner organisations: who may then
//! enrol their people in a course that is not open to everyone (see
//! [`crate::bulk`] and the policy's `OpenTo`).

use crate::policy::Actor;
use crate::{App, AppError};
use kuza_accounts::organisations;
use kuza_db::entities::organisation::Model as Organisation;
use kuza_enrollment::partners::{self, Grant, PlacesInvalid};

/// A course's grants, each with its organisation (the course's editors).
pub async fn list(
    app: &App,
    actor: Option<&Actor>,
    course_id: i32,
) -> Result<Vec<(Grant, Organisation)>, AppError> {
    let c = crate::courses::editable(app, actor, course_id).await?;
    let mut out = vec![];
    for g in partners::grants(&app.db, c.id).await? {
        let org = organisations::get(&app.db, g.organisation_id).await?;
        out.push((g, org));
    }
    Ok(out)
}

/// Grants an organisation places in a course (`None`: no limit), or
/// changes them; the people already enrolled stay.
pub async fn grant(
    app: &App,
    actor: Option<&Actor>,
    course_id: i32,
    organisation_id: i32,
    places: Option<i32>,
) -> Result<(), AppError> {
    let c = crate::courses::editable(app, actor, course_id).await?;
    organisations::get(&app.db, organisation_id).await?;
    let by = actor.map_or(0, Actor::id);
    match partners::grant(&app.db, c.id, organisation_id, places, by).await {
        Ok(()) => {}
        Err(PlacesInvalid::Places) => return Err(AppError::invalid("places", "places_invalid")),
        Err(PlacesInvalid::Db(e)) => return Err(e.into()),
    }
    tracing::info!(
        course.id = c.id,
        organisation.id = organisation_id,
        ?places,
        user.id = by,
        "partner places granted"
    );
    Ok(())
}

/// Withdraws an organisation's places (404 when it had none). Its people
/// already enrolled stay enrolled.
pub async fn withdraw(
    app: &App,
    actor: Option<&Actor>,
    course_id: i32,
    organisation_id: i32,
) -> Result<(), AppError> {
    let c = crate::courses::editable(app, actor, course_id).await?;
    if !partners::withdraw(&app.db, c.id, organisation_id).await? {
        return Err(AppError::NotFound);
    }
    tracing::info!(
        course.id = c.id,
        organisation.id = organisation_id,
        user.id = actor.map(Actor::id),
        "partner places withdrawn"
    );
    Ok(())
}
