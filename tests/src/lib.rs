//! Shared helpers for Tern's end-to-end tests.
