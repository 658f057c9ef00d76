//! Wavegate's HTTP server: the JSON API under `/api/v1/`, the SQLite store, and the built app.
//!
//! Handlers are thin: they authenticate, parse, call `wavegate-core` for every domain decision
//! (validating surveys, responses and invitations, summaries, exports) and call one use-case
//! method of the store.

#![cfg_attr(test, allow(clippy::unwrap_used))]

mod assets;
mod auth;
mod demo;
mod error;
mod extract;
mod planner;
mod respond;
pub mod store;

use axum::Router;
use axum::extract::{DefaultBodyLimit, MatchedPath, Request};
use axum::routing::{any, get};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;
use tower_http::trace::TraceLayer;

pub use assets::Assets;
pub use store::Store;

/// Largest request body accepted by default (a survey response is a few KiB).
pub const BODY_LIMIT: usize = 256 * 1024;
/// Largest body for bulk planner uploads (invitation lists).
pub const BULK_BODY_LIMIT: usize = 4 * 1024 * 1024;

/// How to run the server.
#[derive(Clone, Debug)]
pub struct Config {
    /// Address to listen on (port 0 picks a free port).
    pub addr: SocketAddr,
    /// SQLite database file.
    pub db: PathBuf,
    /// The Trunk-built app.
    pub dist: PathBuf,
    /// Seed the demo program when the database is empty.
    pub demo: bool,
    /// The planner token; a random one is made when absent.
    pub planner_token: Option<String>,
    /// The URL people reach the server at, for invitation links (default: the listen address).
    pub public_url: Option<String>,
}

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    store: Store,
    planner_token: Arc<str>,
    public_url: Arc<str>,
}

impl AppState {
    /// State over a store, for the router.
    pub fn new(store: Store, planner_token: &str, public_url: &str) -> AppState {
        AppState {
            store,
            planner_token: planner_token.into(),
            public_url: public_url.trim_end_matches('/').into(),
        }
    }
}

/// Could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The database could not be opened or migrated.
    #[error("cannot open the database {path}: {source}")]
    Store {
        /// The file.
        path: PathBuf,
        /// Why.
        source: store::StoreError,
    },
    /// The address could not be bound.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address.
        addr: SocketAddr,
        /// Why.
        source: std::io::Error,
    },
    /// Seeding the demo program failed.
    #[error("cannot seed the demo program: {0}")]
    Demo(String),
}

/// A bound server, ready to run; its fields say where to reach it.
pub struct Server {
    listener: tokio::net::TcpListener,
    router: Router,
    /// The base URL people use.
    pub url: String,
    /// The planner token.
    pub planner_token: String,
    /// Links into the demo program, when `--demo` seeded or found one.
    pub demo_links: Vec<demo::DemoLink>,
}

pub use demo::DemoLink;

/// Seeds the demo program into an empty store (what `serve --demo` does); returns its links.
pub async fn seed_demo(store: &Store, base_url: &str) -> Result<Vec<DemoLink>, store::StoreError> {
    demo::seed_if_empty(store, base_url).await
}

impl Server {
    /// Opens the store, seeds the demo if asked, and binds the address.
    pub async fn bind(config: Config) -> Result<Server, StartError> {
        let store = Store::open(&config.db).map_err(|source| StartError::Store {
            path: config.db.clone(),
            source,
        })?;
        let listener = tokio::net::TcpListener::bind(config.addr)
            .await
            .map_err(|source| StartError::Bind {
                addr: config.addr,
                source,
            })?;
        let local = listener.local_addr().map_err(|source| StartError::Bind {
            addr: config.addr,
            source,
        })?;
        let url = config
            .public_url
            .clone()
            .unwrap_or_else(|| format!("http://{local}"))
            .trim_end_matches('/')
            .to_string();
        let planner_token = config.planner_token.clone().unwrap_or_else(auth::new_token);
        let demo_links = if config.demo {
            demo::seed_if_empty(&store, &url)
                .await
                .map_err(|e| StartError::Demo(e.to_string()))?
        } else {
            Vec::new()
        };
        let state = AppState::new(store, &planner_token, &url);
        let router = router(state, Assets::load(&config.dist));
        Ok(Server {
            listener,
            router,
            url,
            planner_token,
            demo_links,
        })
    }

    /// Serves until Ctrl-C or SIGTERM, then finishes in-flight requests.
    pub async fn run(self) -> std::io::Result<()> {
        axum::serve(self.listener, self.router)
            .with_graceful_shutdown(shutdown_signal())
            .await
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
    tracing::info!("shutting down");
}

async fn health() -> axum::Json<wavegate_core::api::Health> {
    axum::Json(wavegate_core::api::Health {
        status: "ok".to_string(),
    })
}

/// The whole HTTP surface: API routes, then the app for every other path.
pub fn router(state: AppState, assets: Assets) -> Router {
    let api = Router::new()
        .route("/api/v1/health", get(health))
        .route(
            "/api/v1/respond/{token}",
            get(respond::invitation).post(respond::submit),
        )
        .route("/api/v1/programs", get(planner::programs))
        .route(
            "/api/v1/programs/{program}/surveys/{survey}/summary",
            get(planner::summary),
        )
        .route(
            "/api/v1/programs/{program}/surveys/{survey}/invitations",
            get(planner::invitations)
                .post(planner::create_invitations)
                .layer(DefaultBodyLimit::max(BULK_BODY_LIMIT)),
        )
        .route(
            "/api/v1/programs/{program}/surveys/{survey}/responses",
            get(planner::export_responses),
        )
        .route("/api/{*rest}", any(error::api_not_found))
        .route("/api", any(error::api_not_found));
    let index = assets.clone();
    let app = ServeDir::new(assets.dir())
        .append_index_html_on_directories(false)
        .fallback(get(move || {
            let index = index.clone();
            async move { index.index_response() }
        }));
    api.fallback_service(app)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(axum::middleware::from_fn_with_state(
            assets,
            assets::headers,
        ))
        .layer(CompressionLayer::new())
        .layer(
            // Log the route pattern, never the URI: paths can carry invitation tokens.
            TraceLayer::new_for_http().make_span_with(|req: &Request| {
                let route = req
                    .extensions()
                    .get::<MatchedPath>()
                    .map_or("(app)", MatchedPath::as_str);
                tracing::info_span!("http", method = %req.method(), route)
            }),
        )
        .with_state(state)
}
