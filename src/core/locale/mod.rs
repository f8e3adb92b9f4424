//! The reader's language: the four languages and their direction, every user-facing string
//! (Fluent), the checks the build runs on the translations, and plain number formatting.

pub mod ftl_check;
pub mod i18n;
pub mod lang;
pub mod numbers;
