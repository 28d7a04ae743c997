//! The binary: hands over to `chmon::cli` (placeholder).
fn main() {}
