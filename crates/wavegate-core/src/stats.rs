//! Statistics the readiness engine needs beyond `statrs`: intervals, exact tests, FDR control.
