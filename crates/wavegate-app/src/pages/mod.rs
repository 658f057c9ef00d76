//! One module per page, and which page an address opens.

pub mod home;
pub mod problems;
pub mod respond;

/// The respondent app's pages. The page is chosen from the address once, when the app starts:
/// the app never navigates within itself (its links are ordinary page loads), so it needs no
/// client-side router, and respondents do not download one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    /// `/`: what Wavegate is.
    Home,
    /// `/r/{token}`: an invitation link.
    Respond(String),
    /// Any other address.
    NotFound,
}

impl Page {
    /// The page of an address's path.
    pub fn of(path: &str) -> Page {
        if path == "/" || path.is_empty() {
            return Page::Home;
        }
        match path.strip_prefix("/r/").map(|t| t.trim_end_matches('/')) {
            Some(token) if !token.is_empty() && !token.contains('/') => {
                Page::Respond(token.to_string())
            }
            _ => Page::NotFound,
        }
    }
}
