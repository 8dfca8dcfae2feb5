//! Tern runtime: one-word values, the heap and its GC, the object model
//! (maps, classes with version tags), builtin types, functions and modules.

pub mod char_props;
pub mod dict_table;
pub mod float_ops;
pub mod float_repr;
pub mod format_spec;
pub mod int_float;
pub mod int_ops;
pub mod int_text;
pub mod math_funcs;
pub mod math_gamma;
pub mod math_int;
pub mod math_sum;
pub mod num_error;
pub mod percent_format;
pub mod random;
pub mod set_table;
pub mod str_methods;
pub mod str_repr;
pub mod str_transform;
pub mod text_error;
#[rustfmt::skip]
pub mod unicode_tables;
pub mod format_string;
pub mod value;
