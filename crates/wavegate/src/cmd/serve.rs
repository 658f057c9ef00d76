//! `wavegate serve`: the app, the API and the database in one process.

use std::fmt::Write as _;
use std::io::Write as _;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use wavegate_server::{Config, Server};

/// Arguments of `wavegate serve`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Address to listen on (port 0 picks a free port).
    #[arg(long, default_value = "127.0.0.1:8080", env = "WAVEGATE_ADDR")]
    addr: SocketAddr,
    /// SQLite database file (created if missing).
    #[arg(long, default_value = "wavegate.sqlite", env = "WAVEGATE_DB")]
    db: PathBuf,
    /// The built browser app (Trunk's output).
    #[arg(long, default_value = "dist", env = "WAVEGATE_DIST")]
    dist: PathBuf,
    /// Seed a demo pilot program when the database is empty, create the demo accounts
    /// planner@demo.invalid and viewer@demo.invalid, and print their password and links to try.
    #[arg(long)]
    demo: bool,
    /// The demo accounts' password (at least 12 characters; default: a new random one each start).
    #[arg(
        long,
        env = "WAVEGATE_DEMO_PASSWORD",
        hide_env_values = true,
        requires = "demo"
    )]
    demo_password: Option<String>,
    /// The URL people reach this server at, used in invitation links (default: the listen address).
    #[arg(long, env = "WAVEGATE_PUBLIC_URL")]
    public_url: Option<String>,
    /// Log as JSON lines (for log collectors) instead of text.
    #[arg(long)]
    log_json: bool,
    /// Connections open at once; more wait until one closes.
    #[arg(long, default_value_t = 512, env = "WAVEGATE_MAX_CONNECTIONS")]
    max_connections: usize,
    /// Connections open at once from one client address (behind a reverse proxy, every client
    /// has the proxy's: raise it to --max-connections there).
    #[arg(
        long,
        default_value_t = 128,
        env = "WAVEGATE_MAX_CONNECTIONS_PER_ADDRESS"
    )]
    max_connections_per_address: usize,
    /// Seconds a client gets to send a request's headers (also while a connection idles).
    #[arg(long, default_value_t = 10, env = "WAVEGATE_HEADER_TIMEOUT")]
    header_timeout: u64,
    /// Turn off the rate limits on the survey and training link endpoints (load tests only).
    #[arg(long, env = "WAVEGATE_NO_RATE_LIMITS")]
    no_rate_limits: bool,
}

/// Runs the server until Ctrl-C or SIGTERM.
pub fn run(args: Args, lang: wavegate_core::i18n::Lang) -> anyhow::Result<ExitCode> {
    let public_url_given = args.public_url.is_some();
    init_logging(args.log_json);
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(async move {
        let server = Server::bind(Config {
            addr: args.addr,
            db: args.db.clone(),
            dist: args.dist,
            demo: args.demo,
            demo_password: args.demo_password,
            public_url: args.public_url,
            connections: wavegate_server::listen::ConnectionLimits {
                max_connections: args.max_connections,
                max_per_address: args.max_connections_per_address,
                header_read: std::time::Duration::from_secs(args.header_timeout.max(1)),
                ..Default::default()
            },
            rate_limits: if args.no_rate_limits {
                wavegate_server::limits::RateLimits::unlimited()
            } else {
                wavegate_server::limits::RateLimits::default()
            },
        })
        .await?;
        // stdout is for people and scripts (tests read the URL from here); logs go to stderr.
        // A closed stdout (`wavegate serve | head -1`) must not take the server down, so write
        // errors are ignored rather than panicking like println! would.
        // In the chosen language; scripts read the default, English.
        let said = |nl: &str, en: &str| if lang == wavegate_core::i18n::Lang::Nl { nl.to_string() } else { en.to_string() };
        let mut out = String::new();
        let _ = writeln!(out, "{} {}", said("Wavegate draait op", "Wavegate is running at"), server.url);
        let _ = writeln!(out, "  {:<18}{}", said("database:", "database:"), args.db.display());
        let _ = writeln!(out, "  {:<18}{}/planner", said("plannerpagina:", "planner page:"), server.url);
        if !public_url_given {
            // The links mailed to people carry this address: one only this machine reaches
            // should be noticed before a wave's invitations go out, not after.
            let note = wavegate_core::i18n::Text::new(
                format!(
                    "  let op: links in uitnodigingen wijzen naar {}; geef met --public-url het adres waarop mensen deze server bereiken.",
                    server.url
                ),
                format!(
                    "  note: links in invitations point at {}; give the address people reach this server at with --public-url.",
                    server.url
                ),
            );
            let _ = writeln!(out, "{}", note.get(lang));
        }
        if let Some(a) = &server.demo_accounts {
            let _ = writeln!(out, "  {:<18}{}", said("demo-planner:", "demo planner:"), a.planner_email);
            let _ = writeln!(out, "  {:<18}{}", said("demo-kijker:", "demo viewer:"), a.viewer_email);
            let _ = writeln!(out, "  {:<18}{}", said("demo-wachtwoord:", "demo password:"), a.password);
        }
        // The URLs line up after the longest label, with at least one space: a label that ran
        // into its URL ("p009:http://…") would be copied and clicked as one.
        let labels: Vec<String> = server
            .demo_links
            .iter()
            .map(|link| format!("{}:", link.label.get(lang)))
            .collect();
        let width = labels.iter().map(|l| l.chars().count() + 1).max().unwrap_or(0).max(24);
        for (link, label) in server.demo_links.iter().zip(&labels) {
            let _ = writeln!(out, "  demo: {label:<width$}{}", link.url);
        }
        let _ = writeln!(out, "{}", said("Druk op Ctrl-C om te stoppen.", "Press Ctrl-C to stop."));
        let mut stdout = std::io::stdout().lock();
        let _ = stdout
            .write_all(out.as_bytes())
            .and_then(|()| stdout.flush());
        drop(stdout);
        server.run().await?;
        anyhow::Ok(ExitCode::SUCCESS)
    })
}

fn init_logging(json: bool) {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_env("WAVEGATE_LOG")
        .unwrap_or_else(|_| EnvFilter::new("info,tower_http=info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if json {
        builder.json().init();
    } else {
        builder.init();
    }
}
