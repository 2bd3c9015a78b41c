//! Small text formatting shared by the views: the core's `display`, which the build's
//! prerendered first view uses too.

pub use parallax_core::display::{
    count, date, date_with_basis, outlet, outlet_with_basis, result_count,
};
