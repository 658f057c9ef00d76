//! Entry point of the respondent bundle that Trunk builds.

fn main() {
    wavegate_app::start();
}
