//! One module per page, and which page an address opens.

pub mod home;
pub mod problems;
pub mod respond;

/// Where "not you?" leaves the tab: an address without the link's token.
pub const CLEARED: &str = "/cleared";

/// The respondent app's pages. The page is chosen from the address once, when the app starts:
/// the app never navigates within itself (its links are ordinary page loads), so it needs no
/// client-side router, and respondents do not download one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    /// `/`: what Wavegate is.
    Home,
    /// `/r/{token}`: an invitation link.
    Respond(String),
    /// [`CLEARED`]: a shared device was just cleared ("not you?"); the link's address is gone
    /// from the tab, so reloading or going back does not open it again.
    Cleared,
    /// Any other address.
    NotFound,
}

impl Page {
    /// The page of an address's path.
    pub fn of(path: &str) -> Page {
        if path == "/" || path.is_empty() {
            return Page::Home;
        }
        if path == CLEARED {
            return Page::Cleared;
        }
        match path.strip_prefix("/r/").map(|t| t.trim_end_matches('/')) {
            Some(token) if !token.is_empty() && !token.contains('/') => {
                Page::Respond(token.to_string())
            }
            _ => Page::NotFound,
        }
    }
}
