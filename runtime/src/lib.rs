//! Tern runtime: one-word values, the heap and its GC, the object model
//! (maps, classes with version tags), builtin types, functions and modules.

pub mod char_props;
pub mod dict_table;
pub mod float_repr;
pub mod format_spec;
pub mod set_table;
pub mod str_methods;
pub mod str_repr;
pub mod str_transform;
pub mod text_error;
pub mod unicode_tables;
pub mod value;
