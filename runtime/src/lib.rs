//! Tern runtime: one-word values, the heap and its GC, the object model
//! (maps, classes with version tags), builtin types, functions and modules.

pub mod dict_table;
pub mod value;
