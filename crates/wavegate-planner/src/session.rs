//! Who is signed in. The session is an HttpOnly cookie the app cannot read, so the app asks the
//! server once on load (`GET /api/v1/session`) and keeps the answer, with the CSRF token every
//! change must carry, in context.

use leptos::prelude::*;
use wavegate_core::api::{ErrorCode, Role, SessionInfo};
use wavegate_ui::api::{ApiError, session};

/// Whether the app knows yet who is signed in.
#[derive(Clone, Debug, PartialEq)]
pub enum SignedIn {
    /// Still asking the server.
    Unknown,
    /// Nobody: the sign-in form shows.
    No,
    /// This account.
    Yes(SessionInfo),
}

/// The session of this page, shared through context.
#[derive(Clone, Copy, Debug)]
pub struct Session(RwSignal<SignedIn>);

impl Session {
    /// Provides the session to the app and asks the server who is signed in.
    pub fn provide() -> Session {
        let s = Session(RwSignal::new(SignedIn::Unknown));
        provide_context(s);
        leptos::task::spawn_local(async move {
            s.0.set(match session::current().await {
                Ok(info) => SignedIn::Yes(info),
                Err(_) => SignedIn::No,
            });
        });
        s
    }

    /// The session from context.
    pub fn get() -> Session {
        use_context::<Session>().unwrap_or_else(|| Session(RwSignal::new(SignedIn::No)))
    }

    /// Who is signed in (tracked).
    pub fn state(self) -> SignedIn {
        self.0.get()
    }

    /// The account's e-mail address and role, when signed in (tracked).
    pub fn info(self) -> Option<SessionInfo> {
        match self.0.get() {
            SignedIn::Yes(info) => Some(info),
            _ => None,
        }
    }

    /// Signed in now (after the sign-in form).
    pub fn signed_in(self, info: SessionInfo) {
        self.0.set(SignedIn::Yes(info));
    }

    /// Signed out, or the session ended on the server.
    pub fn ended(self) {
        self.0.set(SignedIn::No);
    }

    /// The CSRF token changes must send (empty when signed out: the server then refuses).
    pub fn csrf(self) -> String {
        match self.0.get_untracked() {
            SignedIn::Yes(info) => info.csrf_token,
            _ => String::new(),
        }
    }

    /// Whether this account may change things (a planner; a viewer only looks). Tracked.
    pub fn can_change(self) -> bool {
        matches!(
            self.0.get(),
            SignedIn::Yes(SessionInfo {
                role: Role::Planner,
                ..
            })
        )
    }

    /// Notes a failed call: a session that ended (expired, revoked) sends the planner back to
    /// the sign-in form. Returns the error for the caller to show.
    pub fn check(self, e: ApiError) -> ApiError {
        if e.code() == Some(ErrorCode::Unauthorized) {
            self.ended();
        }
        e
    }
}
