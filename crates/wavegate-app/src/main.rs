//! Entry point of the browser bundle that Trunk builds.

fn main() {
    wavegate_app::start();
}
