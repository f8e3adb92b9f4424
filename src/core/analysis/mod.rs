//! The normalised store of a dataset and everything computed from it: filters, groupings,
//! pipeline stages, gaps, headline figures. Every sum the product shows is made here.

pub mod fused;
pub mod needs;
pub mod objectives;
pub mod pledges;
pub mod query;
pub mod store;
