//! The planner area's routes, in one table: every route listed here is guarded (reads need a
//! viewer or planner, changes a planner and a cookie session's CSRF token), and the router is
//! built only from this table, so a planner endpoint cannot exist without its guard. The API
//! tests walk the same table.

use crate::auth::guard;
use crate::{
    AppState, BULK_BODY_DEADLINE, BULK_BODY_LIMIT, body_deadline, comms, evaluations, export,
    imported, imports, lessons, links, planner, programs, readiness, reminders, surveys, training,
};
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::Method;
use axum::middleware::from_fn_with_state;
use axum::routing::{MethodRouter, delete, get, post, put};

/// Every planner-area route: method and path pattern.
pub const PLANNER_ROUTES: &[(&str, &str)] = &[
    ("GET", "/api/v1/programs"),
    ("POST", "/api/v1/programs"),
    ("GET", "/api/v1/programs/{program}"),
    ("PUT", "/api/v1/programs/{program}"),
    ("GET", "/api/v1/programs/{program}/program.toml"),
    ("PUT", "/api/v1/programs/{program}/support"),
    ("GET", "/api/v1/programs/{program}/files"),
    ("GET", "/api/v1/programs/{program}/files/{kind}"),
    ("PUT", "/api/v1/programs/{program}/files/{kind}"),
    ("GET", "/api/v1/programs/{program}/roster/groups"),
    ("POST", "/api/v1/programs/{program}/surveys"),
    ("GET", "/api/v1/programs/{program}/surveys/{survey}/summary"),
    (
        "GET",
        "/api/v1/programs/{program}/surveys/{survey}/responses",
    ),
    ("GET", "/api/v1/programs/{program}/surveys/{survey}/rates"),
    (
        "GET",
        "/api/v1/programs/{program}/surveys/{survey}/invitations",
    ),
    (
        "POST",
        "/api/v1/programs/{program}/surveys/{survey}/invitations",
    ),
    (
        "POST",
        "/api/v1/programs/{program}/surveys/{survey}/invitations/from-roster",
    ),
    (
        "POST",
        "/api/v1/programs/{program}/surveys/{survey}/invitations/revoke",
    ),
    (
        "GET",
        "/api/v1/programs/{program}/surveys/{survey}/reminders",
    ),
    (
        "POST",
        "/api/v1/programs/{program}/surveys/{survey}/reminders",
    ),
    ("GET", "/api/v1/programs/{program}/readiness"),
    ("GET", "/api/v1/programs/{program}/readiness/evaluation"),
    ("GET", "/api/v1/programs/{program}/readiness.json"),
    ("GET", "/api/v1/programs/{program}/readiness.md"),
    ("GET", "/api/v1/programs/{program}/readiness.html"),
    ("GET", "/api/v1/programs/{program}/evaluations"),
    ("POST", "/api/v1/programs/{program}/evaluations"),
    ("GET", "/api/v1/programs/{program}/evaluations/{evaluation}"),
    ("GET", "/api/v1/programs/{program}/export.zip"),
    ("GET", "/api/v1/programs/{program}/modules"),
    ("POST", "/api/v1/programs/{program}/modules"),
    (
        "POST",
        "/api/v1/programs/{program}/modules/{module}/versions",
    ),
    (
        "POST",
        "/api/v1/programs/{program}/modules/{module}/assignments",
    ),
    (
        "GET",
        "/api/v1/programs/{program}/modules/{module}/links.csv",
    ),
    ("POST", "/api/v1/programs/{program}/training/revoke"),
    ("GET", "/api/v1/programs/{program}/training/imported"),
    ("GET", "/api/v1/programs/{program}/responses/imported"),
    ("GET", "/api/v1/programs/{program}/modules/{module}/results"),
    ("GET", "/api/v1/programs/{program}/modules/{module}/restudy"),
    ("GET", "/api/v1/programs/{program}/lessons"),
    ("POST", "/api/v1/programs/{program}/lessons"),
    ("GET", "/api/v1/programs/{program}/lessons.csv"),
    ("DELETE", "/api/v1/programs/{program}/lessons/{lesson}"),
    ("GET", "/api/v1/programs/{program}/communications"),
    ("POST", "/api/v1/programs/{program}/communications"),
    ("GET", "/api/v1/programs/{program}/communications.csv"),
    ("PUT", "/api/v1/programs/{program}/communications/{message}"),
    (
        "DELETE",
        "/api/v1/programs/{program}/communications/{message}",
    ),
];

/// Builds the guarded router, checking each route against [`PLANNER_ROUTES`].
struct Table {
    router: Router<AppState>,
    added: Vec<(&'static str, &'static str)>,
    state: AppState,
}

impl Table {
    fn add(mut self, method: Method, path: &'static str, handler: MethodRouter<AppState>) -> Table {
        let key = (method.as_str(), path);
        let listed = PLANNER_ROUTES
            .iter()
            .find(|r| **r == key)
            .unwrap_or_else(|| panic!("{} {path} is not in PLANNER_ROUTES", method.as_str()));
        self.added.push(*listed);
        let guarded = handler.route_layer(axum::middleware::from_fn_with_state(
            self.state.clone(),
            guard,
        ));
        self.router = self.router.route(path, guarded);
        self
    }

    fn finish(self) -> Router<AppState> {
        for r in PLANNER_ROUTES {
            assert!(self.added.contains(r), "{} {} has no handler", r.0, r.1);
        }
        self.router
    }
}

/// The planner area's router.
pub fn planner_router(state: &AppState) -> Router<AppState> {
    let upload_limit =
        usize::try_from(wavegate_core::upload::MAX_UPLOAD_BYTES).unwrap_or(usize::MAX);
    Table {
        router: Router::new(),
        added: Vec::new(),
        state: state.clone(),
    }
    .add(Method::GET, "/api/v1/programs", get(planner::programs))
    .add(Method::POST, "/api/v1/programs", post(programs::create))
    .add(
        Method::GET,
        "/api/v1/programs/{program}",
        get(programs::get),
    )
    .add(
        Method::PUT,
        "/api/v1/programs/{program}",
        put(programs::put),
    )
    .add(
        Method::GET,
        "/api/v1/programs/{program}/program.toml",
        get(programs::toml),
    )
    .add(
        Method::PUT,
        "/api/v1/programs/{program}/support",
        put(programs::put_support),
    )
    .add(
        Method::GET,
        "/api/v1/programs/{program}/files",
        get(imports::list),
    )
    .add(
        Method::GET,
        "/api/v1/programs/{program}/files/{kind}",
        get(imports::download),
    )
    .add(
        Method::PUT,
        "/api/v1/programs/{program}/files/{kind}",
        put(imports::upload)
            .layer(DefaultBodyLimit::max(upload_limit))
            .layer(from_fn_with_state(
                imports::UPLOAD_DEADLINE,
                body_deadline::allow,
            )),
    )
    .add(
        Method::GET,
        "/api/v1/programs/{program}/roster/groups",
        get(planner::roster_groups),
    )
    .add(
        Method::POST,
        "/api/v1/programs/{program}/surveys",
        post(surveys::publish),
    )
    .add(
        Method::GET,
        "/api/v1/programs/{program}/surveys/{survey}/summary",
        get(planner::summary),
    )
    .add(
        Method::GET,
        "/api/v1/programs/{program}/surveys/{survey}/responses",
        get(planner::export_responses),
    )
    .add(
        Method::GET,
        "/api/v1/programs/{program}/surveys/{survey}/rates",
        get(planner::rates),
    )
    .add(
        Method::GET,
        "/api/v1/programs/{program}/surveys/{survey}/invitations",
        get(planner::invitations),
    )
    .add(
        Method::POST,
        "/api/v1/programs/{program}/surveys/{survey}/invitations",
        post(planner::create_invitations)
            .layer(DefaultBodyLimit::max(BULK_BODY_LIMIT))
            .layer(from_fn_with_state(BULK_BODY_DEADLINE, body_deadline::allow)),
    )
    .add(
        Method::POST,
        "/api/v1/programs/{program}/surveys/{survey}/invitations/from-roster",
        post(planner::from_roster),
    )
    .add(
        Method::POST,
        "/api/v1/programs/{program}/surveys/{survey}/invitations/revoke",
        post(links::revoke)
            .layer(DefaultBodyLimit::max(BULK_BODY_LIMIT))
            .layer(from_fn_with_state(BULK_BODY_DEADLINE, body_deadline::allow)),
    )
    .add(
        Method::GET,
        "/api/v1/programs/{program}/surveys/{survey}/reminders",
        get(reminders::preview),
    )
    .add(
        Method::POST,
        "/api/v1/programs/{program}/surveys/{survey}/reminders",
        post(reminders::send),
    )
    .add(
        Method::GET,
        "/api/v1/programs/{program}/readiness",
        get(readiness::report),
    )
    .add(
        Method::GET,
        "/api/v1/programs/{program}/readiness/evaluation",
        get(readiness::evaluation),
    )
    .add(
        Method::GET,
        "/api/v1/programs/{program}/readiness.json",
        get(readiness::download_json),
    )
    .add(
        Method::GET,
        "/api/v1/programs/{program}/readiness.md",
        get(readiness::download_markdown),
    )
    .add(
        Method::GET,
        "/api/v1/programs/{program}/readiness.html",
        get(readiness::download_html),
    )
    .add(
        Method::GET,
        "/api/v1/programs/{program}/evaluations",
        get(evaluations::list),
    )
    .add(
        Method::POST,
        "/api/v1/programs/{program}/evaluations",
        post(evaluations::create),
    )
    .add(
        Method::GET,
        "/api/v1/programs/{program}/evaluations/{evaluation}",
        get(evaluations::get),
    )
    .add(
        Method::GET,
        "/api/v1/programs/{program}/export.zip",
        get(export::zip),
    )
    .add(
        Method::GET,
        "/api/v1/programs/{program}/modules",
        get(training::planner::list),
    )
    .add(
        Method::POST,
        "/api/v1/programs/{program}/modules",
        post(training::planner::publish).layer(DefaultBodyLimit::max(training::MODULE_BODY_LIMIT)),
    )
    .add(
        Method::POST,
        "/api/v1/programs/{program}/modules/{module}/versions",
        post(training::planner::publish_next)
            .layer(DefaultBodyLimit::max(training::MODULE_BODY_LIMIT)),
    )
    .add(
        Method::POST,
        "/api/v1/programs/{program}/modules/{module}/assignments",
        post(training::planner::assign),
    )
    .add(
        Method::GET,
        "/api/v1/programs/{program}/modules/{module}/links.csv",
        get(training::planner::links),
    )
    .add(
        Method::GET,
        "/api/v1/programs/{program}/modules/{module}/results",
        get(training::planner::results),
    )
    .add(
        Method::GET,
        "/api/v1/programs/{program}/modules/{module}/restudy",
        get(training::planner::restudy),
    )
    .add(
        Method::POST,
        "/api/v1/programs/{program}/training/revoke",
        post(training::revoke::revoke)
            .layer(DefaultBodyLimit::max(BULK_BODY_LIMIT))
            .layer(from_fn_with_state(BULK_BODY_DEADLINE, body_deadline::allow)),
    )
    .add(
        Method::GET,
        "/api/v1/programs/{program}/training/imported",
        get(imported::training),
    )
    .add(
        Method::GET,
        "/api/v1/programs/{program}/responses/imported",
        get(imported::responses),
    )
    .add(
        Method::GET,
        "/api/v1/programs/{program}/lessons",
        get(lessons::list),
    )
    .add(
        Method::POST,
        "/api/v1/programs/{program}/lessons",
        post(lessons::create).layer(DefaultBodyLimit::max(lessons::LESSON_BODY_LIMIT)),
    )
    .add(
        Method::GET,
        "/api/v1/programs/{program}/lessons.csv",
        get(lessons::csv),
    )
    .add(
        Method::DELETE,
        "/api/v1/programs/{program}/lessons/{lesson}",
        delete(lessons::delete),
    )
    .add(
        Method::GET,
        "/api/v1/programs/{program}/communications",
        get(comms::list),
    )
    .add(
        Method::POST,
        "/api/v1/programs/{program}/communications",
        post(comms::create).layer(DefaultBodyLimit::max(comms::MESSAGE_BODY_LIMIT)),
    )
    .add(
        Method::GET,
        "/api/v1/programs/{program}/communications.csv",
        get(comms::csv),
    )
    .add(
        Method::PUT,
        "/api/v1/programs/{program}/communications/{message}",
        put(comms::update).layer(DefaultBodyLimit::max(comms::MESSAGE_BODY_LIMIT)),
    )
    .add(
        Method::DELETE,
        "/api/v1/programs/{program}/communications/{message}",
        delete(comms::delete),
    )
    .finish()
}
