//! IATI activity XML (2.01–2.03) → dataset v1. See docs/importers.md.
