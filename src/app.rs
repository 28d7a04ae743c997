//! Placeholder: owned by a later commit.
