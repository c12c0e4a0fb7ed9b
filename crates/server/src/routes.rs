//! The route table: every route the server answers, API and portal alike,
//! with who may use it ([`Access`]). Each module lists its routes in it
//! (`routes(&mut Table)`), so a route cannot be served without an access
//! entry; the table registers them with actix-web, generates the OpenAPI
//! document from the API routes' annotations ([`openapi`]), and is what
//! the black-box test `routes.rs` walks as six different people.

use actix_web::http::Method;
use actix_web::{FromRequest, Handler, Responder, web};
use std::collections::BTreeMap;
use utoipa::openapi::path::{HttpMethod, Operation, Parameter, ParameterBuilder, ParameterIn};
use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, SchemaFormat, Type};
use utoipa::openapi::security::SecurityRequirement;
use utoipa::openapi::{ContentBuilder, Ref, RefOr, Required, ResponseBuilder, Schema};

/// Who may use a route. The refusals are part of it: someone signed out
/// is asked to sign in (401 from the API, a redirect to the sign-in page
/// from the portal); someone signed in without the right gets 403; for a
/// learner's own records, anyone else gets 404.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not.
    Public,
    /// The address is the credential (a calendar feed): a wrong one is
    /// not found, whoever asks.
    SecretAddress,
    /// Anyone signed in, on their own account (or on what they may see).
    SignedIn,
    /// Authors (and administrators): creating courses, the studio.
    Author,
    /// Administrators.
    Admin,
    /// The course's editors: an author who owns or co-authors it, or an
    /// administrator.
    CourseEditor,
    /// The course's editors, and partner coordinators (for their own
    /// organisation's people).
    EnrolOthers,
    /// The course's editors and its provider's coordinators: listing and
    /// opening its cohorts.
    CohortRunner,
    /// The editors of the cohort's course and its provider's coordinators.
    CohortEditor,
    /// The cohort's editors and its facilitators.
    CohortStaff,
    /// The cohort's staff and its members.
    CohortMember,
    /// Learners enrolled in the course: others signed in are refused
    /// (`not_enrolled`, 403; the portal sends them back to the course page).
    Enrolled,
    /// The learner's own record; anyone else's is not found (404).
    Own,
    /// The learner's own record, or an administrator; anyone else's is not
    /// found (404).
    OwnOrAdmin,
    /// Those who grade an attempt: its course's editors, its cohort's
    /// facilitators.
    Grader,
    /// A course's file: anyone while the course is published, else its
    /// editors (not found for those signed out).
    CourseFile,
    /// Partner coordinators, for their own organisation (administrators,
    /// who act for none, are refused).
    Partner,
    /// Partner coordinators (their organisation's) and administrators.
    PartnerOrAdmin,
    /// The partner coordinators of the organisation it belongs to, and
    /// administrators.
    OrganisationCoordinator,
    /// Those who run the survey: its organisation's partner coordinators,
    /// and administrators (the instance's surveys: administrators).
    SurveyRunner,
    /// Whoever reads reports: administrators, partner coordinators and
    /// viewers (their organisation's), course editors (their courses'),
    /// facilitators (their cohorts').
    Reports,
}

impl Access {
    /// Whether the route needs someone signed in.
    pub fn needs_sign_in(self) -> bool {
        !matches!(
            self,
            Access::Public | Access::SecretAddress | Access::CourseFile
        )
    }

    /// Whether someone signed in can still be refused (403).
    pub fn can_refuse(self) -> bool {
        !matches!(
            self,
            Access::Public
                | Access::SecretAddress
                | Access::SignedIn
                | Access::Own
                | Access::OwnOrAdmin
        )
    }

    /// In words, for the OpenAPI document.
    pub fn describe(self) -> &'static str {
        match self {
            Access::Public => "Public.",
            Access::SecretAddress => "No sign-in: the address is the credential.",
            Access::SignedIn => "Signed in.",
            Access::Author => "Authors and administrators.",
            Access::Admin => "Administrators.",
            Access::CourseEditor => {
                "The course's editors (its owner and co-authors, while authors) and administrators."
            }
            Access::EnrolOthers => {
                "The course's editors, administrators, the partner coordinators of its provider, and other partner coordinators for their organisation's people."
            }
            Access::CohortRunner => {
                "The course's editors, the partner coordinators of its provider, and administrators."
            }
            Access::CohortEditor => {
                "The editors of the cohort's course, the partner coordinators of its provider, and administrators."
            }
            Access::CohortStaff => {
                "The cohort's facilitators, the editors of its course, the partner coordinators of its provider, and administrators."
            }
            Access::CohortMember => {
                "The cohort's members, its facilitators, the editors of its course, the partner coordinators of its provider, and administrators."
            }
            Access::Enrolled => "Learners enrolled in the course.",
            Access::Own => "The learner whose record it is; anyone else gets 404.",
            Access::OwnOrAdmin => {
                "The learner whose record it is, and administrators; anyone else gets 404."
            }
            Access::Grader => {
                "The course's editors, the facilitators of the learner's cohort, and administrators."
            }
            Access::CourseFile => "Public while the course is published; otherwise its editors.",
            Access::Partner => "Partner coordinators, for their own organisation.",
            Access::PartnerOrAdmin => {
                "Partner coordinators (their own organisation's) and administrators."
            }
            Access::OrganisationCoordinator => {
                "The partner coordinators of its organisation, and administrators."
            }
            Access::SurveyRunner => {
                "The partner coordinators of the survey's organisation, and administrators (the instance's surveys: administrators only)."
            }
            Access::Reports => {
                "Administrators (everything); partner coordinators and viewers (their organisation's confirmed members, or the courses it provides, `provider`); course editors (their courses, `course`); facilitators (their cohorts, `cohort`)."
            }
        }
    }
}

/// An API route's OpenAPI operation and the schemas it names, from its
/// handler's `#[utoipa::path]` annotation.
pub struct Doc {
    pub path: String,
    pub methods: Vec<HttpMethod>,
    pub operation: Operation,
    pub schemas: Vec<(String, RefOr<Schema>)>,
}

/// The [`Doc`] of the handler whose annotation generated `P` (`__path_<fn>`).
/// utoipa's `__dev` traits are how its own routers read an annotation's
/// tags and schemas; they are public and have been stable through 5.x.
pub fn doc<P>() -> Doc
where
    P: utoipa::Path + utoipa::__dev::SchemaReferences + for<'t> utoipa::__dev::Tags<'t>,
{
    let mut schemas = vec![];
    P::schemas(&mut schemas);
    let mut operation = P::operation();
    if operation.tags.as_ref().is_none_or(Vec::is_empty) {
        operation.tags = Some(P::tags().into_iter().map(str::to_owned).collect());
    }
    Doc {
        path: P::path(),
        methods: P::methods(),
        operation,
        schemas,
    }
}

/// One route.
pub struct Entry {
    pub method: Method,
    /// As actix-web matches it (`/api/v1/courses/{id}`).
    pub path: &'static str,
    pub access: Access,
    /// For API routes: the operation in the OpenAPI document.
    pub doc: Option<fn() -> Doc>,
}

impl Entry {
    pub fn is_api(&self) -> bool {
        self.path.starts_with("/api/v1/")
    }
}

/// The routes, with the actix-web routes that serve them.
#[derive(Default)]
pub struct Table {
    entries: Vec<(Entry, actix_web::Route)>,
}

impl Table {
    /// A portal, file or operations route.
    pub fn page<F, Args>(&mut self, method: Method, path: &'static str, access: Access, f: F)
    where
        F: Handler<Args>,
        Args: FromRequest + 'static,
        F::Output: Responder + 'static,
    {
        self.add(method, path, access, f, None);
    }

    /// An API route, with its OpenAPI operation (`doc::<__path_handler>`).
    pub fn api<F, Args>(
        &mut self,
        method: Method,
        path: &'static str,
        access: Access,
        f: F,
        doc: fn() -> Doc,
    ) where
        F: Handler<Args>,
        Args: FromRequest + 'static,
        F::Output: Responder + 'static,
    {
        self.add(method, path, access, f, Some(doc));
    }

    fn add<F, Args>(
        &mut self,
        method: Method,
        path: &'static str,
        access: Access,
        f: F,
        doc: Option<fn() -> Doc>,
    ) where
        F: Handler<Args>,
        Args: FromRequest + 'static,
        F::Output: Responder + 'static,
    {
        let route = web::route().method(method.clone()).to(f);
        let entry = Entry {
            method,
            path,
            access,
            doc,
        };
        self.entries.push((entry, route));
    }

    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().map(|(e, _)| e)
    }

    /// Serves every route: those of the API inside its scope (its JSON,
    /// query and path settings), the others as they are, in table order.
    ///
    /// actix-web tries services in the order they are registered, one after
    /// the other: the API's scope comes first, so an API request is matched
    /// by one prefix and the others then find theirs in the table's order.
    pub fn register(self, cfg: &mut web::ServiceConfig) {
        crate::portal::configure(cfg);
        let mut api = crate::api::scope();
        let mut others = vec![];
        for (e, route) in self.entries {
            match e.path.strip_prefix("/api/v1") {
                Some(rest) => api = api.route(rest, route),
                None => others.push((e.path, route)),
            }
        }
        cfg.service(api);
        for (path, route) in others {
            cfg.route(path, route);
        }
    }
}

/// The whole table, in the order routes are matched.
pub fn table() -> Table {
    let mut t = Table::default();
    crate::ops::routes(&mut t);
    crate::api::routes(&mut t);
    crate::files::routes(&mut t);
    crate::openapi::routes(&mut t);
    crate::portal::routes(&mut t);
    t
}

/// The OpenAPI 3.1 document of the API routes in `table`: each
/// operation as its handler's annotation describes it, completed from the
/// table with what every route of its kind answers: its path parameters
/// with their types, the bearer requirement, and the framework's and the
/// policy's refusals (400, 401, 403, 404, 413, 500), every error as
/// `application/problem+json`.
pub fn openapi(table: &Table) -> utoipa::openapi::OpenApi {
    let mut doc = crate::openapi::base();
    let mut schemas: BTreeMap<String, RefOr<Schema>> = BTreeMap::new();
    for e in table.entries() {
        let Some(make) = e.doc else { continue };
        let d = make();
        let mut op = d.operation;
        complete(&mut op, e);
        doc.paths
            .add_path_operation(e.path, vec![http_method(&e.method)], op);
        schemas.extend(d.schemas);
    }
    let components = doc.components.get_or_insert_with(Default::default);
    components.schemas.extend(schemas);
    doc
}

fn http_method(m: &Method) -> HttpMethod {
    match *m {
        Method::GET => HttpMethod::Get,
        Method::POST => HttpMethod::Post,
        Method::PUT => HttpMethod::Put,
        Method::PATCH => HttpMethod::Patch,
        Method::DELETE => HttpMethod::Delete,
        Method::HEAD => HttpMethod::Head,
        _ => HttpMethod::Options,
    }
}

/// The names of a path's parameters (`{id}`, `{slug}`), in order.
pub fn path_params(path: &str) -> Vec<&str> {
    path.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect()
}

/// What a path parameter is: every `{id}` is a number (the noun before it
/// says of what), and so is `{organisation}`; the others are text.
fn param(name: &str, path: &str) -> Parameter {
    let (schema, description) = if name == "organisation" {
        (
            ObjectBuilder::new()
                .schema_type(Type::Integer)
                .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int32)))
                .minimum(Some(1))
                .build(),
            "The organisation's id.".to_owned(),
        )
    } else if name == "id" {
        let noun = path
            .split("/{id}")
            .next()
            .and_then(|p| p.rsplit('/').next())
            .unwrap_or("item")
            .trim_end_matches('s');
        (
            ObjectBuilder::new()
                .schema_type(Type::Integer)
                .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int32)))
                .minimum(Some(1))
                .build(),
            format!("The {noun}'s id."),
        )
    } else {
        let description = match name {
            "slug" => "The course's slug.".to_owned(),
            "key" => "The lesson's key (the same in every version).".to_owned(),
            other => format!("The {other}."),
        };
        (
            ObjectBuilder::new()
                .schema_type(Type::String)
                .min_length(Some(1))
                .build(),
            description,
        )
    };
    ParameterBuilder::new()
        .name(name)
        .parameter_in(ParameterIn::Path)
        .required(Required::True)
        .description(Some(description))
        .schema(Some(schema))
        .build()
}

fn problem_response(description: &str) -> RefOr<utoipa::openapi::Response> {
    RefOr::T(
        ResponseBuilder::new()
            .description(description)
            .content(
                "application/problem+json",
                ContentBuilder::new()
                    .schema(Some(Ref::from_schema_name("Problem")))
                    .build(),
            )
            .build(),
    )
}

fn complete(op: &mut Operation, e: &Entry) {
    // Path parameters, declared with their types.
    let params = op.parameters.get_or_insert_with(Vec::new);
    for name in path_params(e.path) {
        let declared = params
            .iter()
            .position(|p| p.name == name && p.parameter_in == ParameterIn::Path);
        let typed = param(name, e.path);
        match declared {
            Some(i) => {
                let p = &mut params[i];
                if p.schema.is_none() {
                    p.schema = typed.schema;
                }
                if p.description.is_none() {
                    p.description = typed.description;
                }
                p.required = Required::True;
            }
            None => params.push(typed),
        }
    }
    let has_query = params.iter().any(|p| p.parameter_in == ParameterIn::Query);
    if params.is_empty() {
        op.parameters = None;
    }
    // Operation ids are the handlers' names, which repeat across areas
    // (`list`, `create`): prefixed with the area's tag, they are unique.
    if let (Some(id), Some(tag)) = (
        op.operation_id.as_deref(),
        op.tags.as_ref().and_then(|t| t.first()),
    ) {
        op.operation_id = Some(format!("{tag}_{id}"));
    }
    // Who may call it.
    let note = format!("Access: {}", e.access.describe());
    op.description = Some(match op.description.take() {
        Some(d) if !d.is_empty() => format!("{d}\n\n{note}"),
        _ => note,
    });
    if e.access.needs_sign_in() {
        op.security = Some(vec![SecurityRequirement::new::<_, _, &str>("bearer", [])]);
    }
    // Every error is a problem document.
    for (status, response) in op.responses.responses.iter_mut() {
        if !status.starts_with('4') && !status.starts_with('5') {
            continue;
        }
        if let RefOr::T(r) = response {
            let content = std::mem::take(&mut r.content);
            let schema = content.into_values().find_map(|c| c.schema);
            r.content.insert(
                "application/problem+json".into(),
                ContentBuilder::new()
                    .schema(Some(
                        schema.unwrap_or_else(|| Ref::from_schema_name("Problem").into()),
                    ))
                    .build(),
            );
        }
    }
    // What the framework and the policy answer, for every route of its kind.
    let has_body = op.request_body.is_some();
    let mut standard = vec![];
    if has_body || has_query {
        standard.push("400");
    }
    if e.access.needs_sign_in() {
        standard.push("401");
    }
    if e.access.can_refuse() {
        standard.push("403");
    }
    if !path_params(e.path).is_empty() || matches!(e.access, Access::Own | Access::OwnOrAdmin) {
        standard.push("404");
    }
    if has_body {
        standard.push("413");
    }
    standard.push("500");
    for status in standard {
        op.responses
            .responses
            .entry(status.to_owned())
            .or_insert_with(|| problem_response(""));
    }
    // A response the annotation lists without saying what it means says
    // what that status always means here.
    for (status, response) in op.responses.responses.iter_mut() {
        if let RefOr::T(r) = response
            && r.description.is_empty()
        {
            r.description = meaning(status).to_owned();
        }
    }
}

/// What a status means from every route of the API.
fn meaning(status: &str) -> &'static str {
    match status {
        "200" => "Done: the result.",
        "201" => "Created: the new resource.",
        "204" => "Done; no content.",
        "400" => "`bad_request` or `bad_query`: the body or a query parameter cannot be read.",
        "401" => "`unauthorized`: no valid access token (see `WWW-Authenticate`).",
        "403" => "`forbidden` (or a more specific code): the caller may not do this.",
        "404" => "`not_found`: no such resource, or none the caller may see.",
        "409" => {
            "`conflict` (or a more specific code): it clashes with what exists, such as a slug or an email already taken."
        }
        "413" => "`payload_too_large`: the body is over the limit.",
        "415" => "`unsupported_media_type`: this kind of file is not accepted.",
        "422" => {
            "`invalid_input` (each field's problem in `errors`) or a more specific code: the request breaks a rule."
        }
        "429" => "`too_many_attempts`: too many attempts; retry after `Retry-After` seconds.",
        "500" => "`internal`: a fault on the server's side; quote the request id.",
        _ => "See the problem's `code`.",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_parameters_are_read_in_order() {
        assert_eq!(
            path_params("/courses/{slug}/lessons/{key}/attempts/{id}"),
            ["slug", "key", "id"]
        );
        assert!(path_params("/api/v1/catalog").is_empty());
    }

    #[test]
    fn every_api_route_has_its_annotation_and_the_annotation_says_the_same_route() {
        let t = table();
        for e in t.entries() {
            match (e.is_api(), e.doc) {
                (true, Some(make)) => {
                    let d = make();
                    assert_eq!(d.path, e.path, "{} {}", e.method, e.path);
                    assert!(
                        d.methods == [http_method(&e.method)],
                        "{} {}: the annotation names another method",
                        e.method,
                        e.path
                    );
                }
                (true, None) => panic!("{} {} has no OpenAPI operation", e.method, e.path),
                (false, Some(_)) => panic!("{} {} is not under /api/v1", e.method, e.path),
                (false, None) => {}
            }
        }
    }

    #[test]
    fn the_documents_operation_ids_are_unique() {
        let doc = serde_json::to_value(openapi(&table())).expect("a document");
        let mut seen = std::collections::HashSet::new();
        for (path, item) in doc["paths"].as_object().expect("paths") {
            for (method, op) in item.as_object().expect("operations") {
                let id = op["operationId"].as_str().unwrap_or_default().to_owned();
                assert!(!id.is_empty(), "{method} {path} has no operation id");
                assert!(seen.insert(id.clone()), "{id} twice");
            }
        }
    }

    #[test]
    fn no_route_is_listed_twice() {
        let t = table();
        let mut seen = std::collections::HashSet::new();
        for e in t.entries() {
            assert!(
                seen.insert((e.method.clone(), e.path)),
                "{} {}",
                e.method,
                e.path
            );
        }
    }
}
