//! Entry point of the trainee bundle that Trunk builds.

fn main() {
    wavegate_trainee::start();
}
