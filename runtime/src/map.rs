//! Maps (hidden classes): the shared layout of instances with the same attributes.
//!
//! A map is an immutable list of attribute names; slot `i` of an instance with
//! that map holds the attribute `names[i]`. Adding an attribute follows a
//! cached transition to the next map, so instances built the same way share
//! maps, and a trace can guard on the map and load at a constant slot.
//! Maps are never freed: there are as many as distinct layouts, a small number.

use crate::value::Value;
use std::cell::RefCell;

/// An instance layout. Names are interned strs, compared by identity.
pub struct Map {
    /// Attribute name of each slot, in insertion order.
    pub names: Vec<Value>,
    /// Cached `add` transitions: name -> next map.
    transitions: RefCell<Vec<(Value, *const Map)>>,
}

impl Map {
    /// A new empty map (the root of a class's instances).
    pub fn new_root() -> *const Map {
        Box::leak(Box::new(Map {
            names: Vec::new(),
            transitions: RefCell::new(Vec::new()),
        }))
    }

    /// The slot of attribute `name`, if this layout has it.
    #[inline]
    pub fn lookup(&self, name: Value) -> Option<usize> {
        self.names.iter().position(|&n| n == name)
    }

    /// The map with `name` appended (cached, so equal histories share maps).
    pub fn with_added(&self, name: Value) -> *const Map {
        if let Some(&(_, m)) = self.transitions.borrow().iter().find(|(n, _)| *n == name) {
            return m;
        }
        let mut names = self.names.clone();
        names.push(name);
        let next: *const Map = Box::leak(Box::new(Map {
            names,
            transitions: RefCell::new(Vec::new()),
        }));
        self.transitions.borrow_mut().push((name, next));
        next
    }

    /// The map reached from `root` by adding this map's names in order: the
    /// same slots in another class's layouts (`obj.__class__ = C`).
    pub fn rebased(&self, root: *const Map) -> *const Map {
        let mut m = root;
        for &n in &self.names {
            // SAFETY: maps are leaked and never freed, so every map pointer stays valid.
            m = unsafe { (*m).with_added(n) };
        }
        m
    }

    /// The map reached from `root` by adding every name but `removed`, in order.
    pub fn without(&self, root: *const Map, removed: Value) -> *const Map {
        let mut m = root;
        for &n in &self.names {
            if n != removed {
                // SAFETY: maps are leaked and never freed, so every map pointer stays valid.
                m = unsafe { (*m).with_added(n) };
            }
        }
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transitions_are_shared_and_slots_follow_insertion_order() {
        let root = Map::new_root();
        let (a, b) = (Value::int(1), Value::int(2));
        // SAFETY: maps are leaked; pointers stay valid for the test.
        unsafe {
            let m1 = (*root).with_added(a);
            let m2 = (*m1).with_added(b);
            assert_eq!((*root).with_added(a), m1);
            assert_eq!((*m2).lookup(a), Some(0));
            assert_eq!((*m2).lookup(b), Some(1));
            assert_eq!((*m1).lookup(b), None);
            let m3 = (*m2).without(root, a);
            assert_eq!((*m3).lookup(b), Some(0));
            assert_eq!((*m3).names.len(), 1);
            let other = Map::new_root();
            let m4 = (*m2).rebased(other);
            assert_ne!(m4, m2);
            assert_eq!((*m4).names, (*m2).names);
            assert_eq!((*m2).rebased(root), m2);
        }
    }
}
