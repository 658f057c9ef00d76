//! Entry point of the planner bundle that Trunk builds (`web/planner/index.html`).

fn main() {
    wavegate_planner::start();
}
