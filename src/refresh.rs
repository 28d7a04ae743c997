//! Placeholder: the refresh pipeline (fetch → discover → parse → store) lands in a later commit.
