//! HXL-tagged CSV and plain CSV with a column map → dataset v1. See docs/importers.md.
