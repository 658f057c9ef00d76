//! Wavegate's HTTP server: the JSON API under `/api/v1/`, the SQLite store, and the built app.
//!
//! Handlers are thin: they authenticate, parse, call `wavegate-core` for every domain decision
//! (validating surveys, responses and invitations, summaries, exports) and call one use-case
//! method of the store.

#![cfg_attr(test, allow(clippy::unwrap_used))]

mod assets;
pub mod auth;
mod body_deadline;
pub mod clock;
mod comms;
pub mod datadir;
mod demo;
mod demo_org;
mod downloads;
mod drafts;
mod error;
mod evaluations;
pub mod evaluator;
mod export;
mod extract;
mod imported;
mod imports;
mod lessons;
pub mod limits;
mod links;
pub mod listen;
mod lookup;
mod parsing;
mod planner;
mod programs;
mod readiness;
mod reminders;
mod respond;
mod roster_cache;
mod roster_update;
pub mod routes;
mod session;
pub mod store;
mod surveys;
pub mod threads;
pub mod training;

use axum::Router;
use axum::extract::{DefaultBodyLimit, MatchedPath, Request};
use axum::routing::{any, get};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;
use tower_http::trace::TraceLayer;

pub use assets::Assets;
pub use clock::Clock;
pub use routes::PLANNER_ROUTES;
pub use store::Store;

/// Largest request body accepted by default (a survey response is a few KiB).
pub const BODY_LIMIT: usize = 256 * 1024;
/// How long a request's whole body may take to arrive, by default (see `body_deadline`).
pub const BODY_DEADLINE: Duration = Duration::from_secs(15);
/// Largest body for bulk planner uploads (invitation lists).
pub const BULK_BODY_LIMIT: usize = 4 * 1024 * 1024;
/// How long a bulk body (up to [`BULK_BODY_LIMIT`]) may take to arrive.
pub const BULK_BODY_DEADLINE: Duration = Duration::from_secs(60);

/// How to run the server.
#[derive(Clone, Debug)]
pub struct Config {
    /// Address to listen on (port 0 picks a free port).
    pub addr: SocketAddr,
    /// SQLite database file.
    pub db: PathBuf,
    /// The Trunk-built app.
    pub dist: PathBuf,
    /// Seed the demo program (when the database is empty) and the demo accounts.
    pub demo: bool,
    /// The demo accounts' password; a new random one each start when absent.
    pub demo_password: Option<String>,
    /// The URL people reach the server at, for invitation links (default: the listen address).
    /// With `https://`, session cookies are `Secure`.
    pub public_url: Option<String>,
    /// Connection cap and header-read timeout.
    pub connections: listen::ConnectionLimits,
    /// Rate limits on the respondent endpoints.
    pub rate_limits: limits::RateLimits,
}

/// How many uploads are parsed at once (each holds its file in memory while parsed).
const UPLOAD_SLOTS: usize = 2;
/// How much longer each earlier failed sign-in of an account makes the next attempt wait.
pub const LOGIN_DELAY_STEP: Duration = Duration::from_millis(250);

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    store: Store,
    public_url: Arc<str>,
    clock: Clock,
    throttle: Arc<auth::throttle::Throttle>,
    secure_cookies: bool,
    login_delay: Duration,
    upload_slots: Arc<tokio::sync::Semaphore>,
    /// Large downloads sent at once (see `downloads`).
    download_slots: downloads::DownloadSlots,
    evaluator: evaluator::Evaluator,
    rate_limits: limits::RateLimits,
    guards: Arc<limits::Guards>,
    /// How long a request's whole body may take, unless its route allows more.
    body_deadline: Duration,
    /// Training facts are written one at a time (see `training::trainee`).
    training_writes: Arc<tokio::sync::Mutex<()>>,
    /// Rosters already parsed (see `parsing::roster_of`).
    rosters: roster_cache::RosterCache,
    /// Imported files already summed up for the planner's pages (see `imported`).
    imported: imported::Kept,
}

impl AppState {
    /// State over a store, for the router.
    pub fn new(store: Store, public_url: &str) -> AppState {
        let public_url = public_url.trim_end_matches('/');
        AppState {
            store,
            secure_cookies: public_url.to_ascii_lowercase().starts_with("https://"),
            public_url: public_url.into(),
            clock: Clock::system(),
            throttle: Arc::default(),
            login_delay: LOGIN_DELAY_STEP,
            upload_slots: Arc::new(tokio::sync::Semaphore::new(UPLOAD_SLOTS)),
            download_slots: downloads::DownloadSlots::default(),
            evaluator: evaluator::Evaluator::default(),
            rate_limits: limits::RateLimits::default(),
            guards: Arc::new(limits::Guards::new(&limits::RateLimits::default())),
            body_deadline: BODY_DEADLINE,
            training_writes: Arc::default(),
            rosters: roster_cache::RosterCache::default(),
            imported: imported::Kept::default(),
        }
    }

    /// The same state with other rate limits on the respondent endpoints (tests and benchmarks).
    pub fn with_rate_limits(mut self, limits: limits::RateLimits) -> AppState {
        self.rate_limits = limits;
        self.guards = Arc::new(limits::Guards::new(&limits));
        self
    }

    /// The same state with another deadline for request bodies (tests make it short).
    pub fn with_body_deadline(mut self, deadline: Duration) -> AppState {
        self.body_deadline = deadline;
        self
    }

    /// The same state on another clock (tests move it to expire sessions).
    pub fn with_clock(mut self, clock: Clock) -> AppState {
        self.clock = clock;
        self
    }

    /// The same state with other bounds on readiness evaluations: at most `slots` at once, a
    /// request waiting at most `limit` (tests make the server busy with them).
    pub fn with_evaluations(mut self, slots: usize, limit: Duration) -> AppState {
        self.evaluator = evaluator::Evaluator::new(slots, limit);
        self
    }

    /// The same state with other bounds on large downloads (stored files, `export.zip`): at
    /// most `slots` sent at once, a request waiting at most `wait` for one (tests make the
    /// server busy with them).
    pub fn with_downloads(mut self, slots: usize, wait: Duration) -> AppState {
        self.download_slots = downloads::DownloadSlots::new(slots, wait);
        self
    }

    /// The same state with another slow-down step for failed sign-ins (tests use zero).
    pub fn with_login_delay(mut self, step: Duration) -> AppState {
        self.login_delay = step;
        self
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
    connections: listen::ConnectionLimits,
    /// The base URL people use.
    pub url: String,
    /// The demo accounts, when `--demo`.
    pub demo_accounts: Option<demo::DemoAccounts>,
    /// Links into the demo program, when `--demo` seeded or found one.
    pub demo_links: Vec<demo::DemoLink>,
}

pub use demo::{DemoAccounts, DemoLink};

/// Seeds the demo program into an empty store (what `serve --demo` does); returns its links.
pub async fn seed_demo(store: &Store, base_url: &str) -> Result<Vec<DemoLink>, store::StoreError> {
    demo::seed_if_empty(store, base_url, &Clock::system()).await
}

impl Server {
    /// Opens the store, seeds the demo if asked, and binds the address.
    pub async fn bind(config: Config) -> Result<Server, StartError> {
        // A demo password that will be refused is said before the database is made or seeded.
        if config.demo
            && let Some(refused) = config
                .demo_password
                .as_deref()
                .and_then(demo::password_refused)
        {
            return Err(StartError::Demo(refused));
        }
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
        let clock = Clock::system();
        let (demo_links, demo_accounts) = if config.demo {
            let links = demo::seed_with_organisation_if_empty(&store, &url, &clock)
                .await
                .map_err(|e| StartError::Demo(e.to_string()))?;
            let accounts = demo::accounts(&store, config.demo_password.as_deref(), &clock)
                .await
                .map_err(StartError::Demo)?;
            (links, Some(accounts))
        } else {
            (Vec::new(), None)
        };
        let state = AppState::new(store, &url)
            .with_clock(clock)
            .with_rate_limits(config.rate_limits)
            .with_body_deadline(config.connections.body_read);
        let router = router(state, Assets::load(&config.dist));
        Ok(Server {
            listener,
            router,
            connections: config.connections,
            url,
            demo_accounts,
            demo_links,
        })
    }

    /// Serves until Ctrl-C or SIGTERM, then finishes in-flight requests.
    pub async fn run(self) -> std::io::Result<()> {
        self.run_until(shutdown_signal()).await
    }

    /// Serves until `shutdown` resolves (tests stop it themselves).
    pub async fn run_until(
        self,
        shutdown: impl std::future::Future<Output = ()>,
    ) -> std::io::Result<()> {
        listen::serve(self.listener, self.router, self.connections, shutdown).await
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

/// Every [`limits::FORGET_IDLE_EVERY`], forgets what the rate limiters hold about addresses and
/// links that are back to a full allowance, until the router (which owns them) is dropped.
fn forget_idle_limits(
    guards: &Arc<limits::Guards>,
    address_limiter: Option<limits::AddressLimiter>,
) {
    let Ok(runtime) = tokio::runtime::Handle::try_current() else {
        return;
    };
    let guards = Arc::downgrade(guards);
    runtime.spawn(async move {
        let mut every = tokio::time::interval(limits::FORGET_IDLE_EVERY);
        every.tick().await;
        loop {
            every.tick().await;
            let Some(guards) = guards.upgrade() else {
                break;
            };
            guards.forget_idle();
            if let Some(l) = &address_limiter {
                l.retain_recent();
            }
        }
    });
}

/// The whole HTTP surface: API routes, then the app for every other path.
pub fn router(state: AppState, assets: Assets) -> Router {
    let (burst, period) = state.rate_limits.per_address;
    let per_address = state
        .rate_limits
        .enabled
        .then(|| {
            tower_governor::governor::GovernorConfigBuilder::default()
                .key_extractor(limits::PeerAddress)
                .period(period)
                .burst_size(burst.max(1))
                .finish()
        })
        .flatten()
        .map(|config| {
            let limiter = config.limiter().clone();
            let layer =
                tower_governor::GovernorLayer::new(config).error_handler(limits::governor_refusal);
            (limiter, layer)
        });
    let (address_limiter, per_address) = per_address.unzip();
    forget_idle_limits(&state.guards, address_limiter);
    // Every route whose path carries a link token: the token is the credential, so guessing
    // is limited per address on all of them alike (the handlers count failed lookups).
    let links = Router::new()
        .route(
            "/api/v1/respond/{token}",
            get(respond::invitation).post(respond::submit),
        )
        .route(
            "/api/v1/respond/{token}/draft",
            get(drafts::get_draft)
                .put(drafts::put_draft)
                .delete(drafts::delete_draft)
                .layer(DefaultBodyLimit::max(drafts::DRAFT_BODY_LIMIT)),
        )
        .merge(training::trainee_router());
    let links = match per_address {
        Some(layer) => links.layer(layer),
        None => links,
    };
    let api = Router::new()
        .route("/api/v1/health", get(health))
        .merge(links)
        .route(
            "/api/v1/session",
            get(session::current)
                .post(session::sign_in)
                .delete(session::sign_out),
        )
        .merge(routes::planner_router(&state))
        .route("/api/{*rest}", any(error::api_not_found))
        .route("/api", any(error::api_not_found))
        // Last, so it reaches every route above: a method a path does not take is a JSON 405.
        .method_not_allowed_fallback(error::method_not_allowed);
    let index = assets.clone();
    let files = ServeDir::new(assets.dir())
        .append_index_html_on_directories(false)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(get(
            move |uri: axum::http::Uri, headers: axum::http::HeaderMap| {
                let index = index.clone();
                async move { index.index_response(uri.path(), assets::accepts_br(&headers)) }
            },
        ));
    let app = tower::ServiceBuilder::new()
        .layer(axum::middleware::from_fn_with_state(
            assets.clone(),
            assets::confine,
        ))
        .service(files);
    api.fallback_service(app)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        // A body that trickles in is cut off: it would hold its connection for ever.
        .layer(axum::middleware::from_fn_with_state(
            state.body_deadline,
            body_deadline::enforce,
        ))
        .layer(axum::middleware::from_fn_with_state(
            assets,
            assets::headers,
        ))
        // Outside the page headers: the printable report keeps its own, stricter policy.
        .layer(axum::middleware::map_response(
            readiness::keep_report_policy,
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
