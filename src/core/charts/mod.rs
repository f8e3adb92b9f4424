//! What the reader sees, independent of how it is drawn: one declarative `ChartSpec` per chart
//! (categories, series, table, summary, unit), the palette, exports, and the view as a URL.

mod builders;
pub mod compare;
pub mod echarts_option;
pub mod export;
pub mod first_screen;
pub mod keyboard;
pub mod labels;
pub mod palette;
pub mod search;
pub mod spec;
pub mod urlstate;
