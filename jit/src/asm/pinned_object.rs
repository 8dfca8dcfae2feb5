//! The peeled body's pinned object: in a body that makes no call, the
//! loop-invariant object it accesses most keeps its untagged address in
//! `rdi` (and, when the preamble already reached it, its item or slot array
//! pointer in `r8`) from one iteration to the next, instead of untagging it
//! (and loading the array pointer) again after every pass of the body's
//! header.
//!
//! The preamble's fall-through into the body sets both up, and `loop_back`
//! sets up again whatever the body's own accesses replaced, so every entry
//! of the body finds them. Without a call nothing replaces an object's array
//! (only helpers grow lists or instance slots), and `rdi` and `r8` are
//! scratch registers no value lives in: sieve's `flags[j] = False` loop went
//! from 16 instructions a pass to 13.

use super::Emitter;
use crate::ir::*;
use crate::layout;

/// The object a body keeps untagged, and the array pointer offset whose
/// pointer it keeps in `r8` (None: only the address).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) struct Pinned {
    /// The object (a value defined before the body's header).
    pub obj: Ref,
    /// Its array pointer's offset in the object.
    pub array: Option<i32>,
    /// Whether `rdi` keeps its address too (the body's accesses through
    /// the array pointer in `r8` do not need it).
    pub address: bool,
}

/// The object an instruction reaches through its untagged address, and the
/// offset of the array pointer it goes through (items, instance slots).
fn object_access(op: &Opcode) -> Option<(Ref, Option<i32>)> {
    Some(match *op {
        Opcode::GuardKind(o, _)
        | Opcode::LoadField(o, _)
        | Opcode::StoreField(o, _, _)
        | Opcode::ListLen(o)
        | Opcode::TupleLen(o) => (o, None),
        Opcode::TupleLoad(o, _) => (o, Some(layout::tuple_layout().0)),
        Opcode::ListLoad(o, _) | Opcode::ListStore(o, _, _) => {
            (o, Some(layout::list_items_ptr_offset()))
        }
        Opcode::InstSlotLoad(o, _) | Opcode::InstSlotStore(o, _, _) => {
            (o, Some(layout::instance_slots_ptr_offset()))
        }
        _ => return None,
    })
}

/// The object to pin in the body starting at `header` (a locally looping
/// optimized trace's second `loop_header`), if the body makes no call and
/// pinning an object defined before it saves instructions. Its array
/// pointer is kept only when the preamble went through the same array
/// pointer of it (so the object is known to have one: it passed the
/// preamble's guards).
pub(super) fn choose(trace: &Trace, header: usize) -> Option<Pinned> {
    let body = &trace.insts[header..];
    if body.iter().any(|inst| matches!(inst.op, Opcode::Call(..))) {
        return None;
    }
    let mut candidates: Vec<Pinned> = Vec::new();
    for inst in body {
        if let Some((obj, array)) = object_access(&inst.op) {
            let reached = |off: i32| {
                trace.insts[..header]
                    .iter()
                    .any(|inst| object_access(&inst.op) == Some((obj, Some(off))))
            };
            if (obj as usize) < header {
                candidates.push(Pinned {
                    obj,
                    array: None,
                    address: true,
                });
                if let Some(off) = array.filter(|&off| reached(off)) {
                    for address in [false, true] {
                        candidates.push(Pinned {
                            obj,
                            array: Some(off),
                            address,
                        });
                    }
                }
            }
        }
    }
    candidates.sort_by_key(|p| (p.obj, p.array, p.address));
    candidates.dedup();
    let unpinned = body_cost(body, None);
    candidates
        .into_iter()
        .map(|pin| (body_cost(body, Some(pin)), pin))
        .filter(|&(cost, _)| cost < unpinned)
        .min_by_key(|&(cost, pin)| (cost, pin.obj, pin.array, pin.address))
        .map(|(_, pin)| pin)
}

/// The instructions one pass of `body` spends untagging objects (2 each)
/// and loading array pointers (1 each), as the emitter tracks `rdi` and
/// `r8`, entering with `pin` set up (and setting it up again at the end).
/// An access through the array pointer `r8` already holds needs neither
/// (`Emitter::object_array`).
fn body_cost(body: &[Inst], pin: Option<Pinned>) -> usize {
    let (mut rdi, mut r8) = match pin {
        Some(p) => (p.address.then_some(p.obj), p.array.map(|off| (p.obj, off))),
        None => (None, None),
    };
    let mut cost = 0;
    let reach =
        |rdi: &mut Option<Ref>, r8: &mut Option<(Ref, i32)>, obj: Ref, array: Option<i32>| {
            if array.is_some_and(|off| *r8 == Some((obj, off))) {
                return 0;
            }
            let mut c = 0;
            if *rdi != Some(obj) {
                *rdi = Some(obj);
                c += 2;
            }
            if let Some(off) = array {
                if *r8 != Some((obj, off)) {
                    *r8 = Some((obj, off));
                    c += 1;
                }
            }
            c
        };
    for inst in body {
        match inst.op {
            // The check is the untagging.
            Opcode::GuardTag(v, tag) if tag == runtime::value::TAG_PTR => rdi = Some(v),
            Opcode::Int(IntOp::FloorDiv | IntOp::Mod | IntOp::ShlOv | IntOp::Shr, ..) => r8 = None,
            ref op => {
                if let Some((obj, array)) = object_access(op) {
                    cost += reach(&mut rdi, &mut r8, obj, array);
                }
            }
        }
    }
    if let Some(p) = pin {
        if p.address {
            cost += reach(&mut rdi, &mut r8, p.obj, None);
        }
        cost += reach(&mut rdi, &mut r8, p.obj, p.array);
    }
    cost
}

impl Emitter<'_> {
    /// Makes `rdi` (and `r8`) hold what the pinned object's accesses expect,
    /// emitting only what they do not hold already.
    pub(super) fn establish_pinned(&mut self, pin: Pinned) {
        if pin.address {
            self.untagged(pin.obj);
        }
        if let Some(off) = pin.array {
            self.object_array(pin.obj, off);
        }
    }

    /// After the body's header: what `rdi` and `r8` hold on every entry.
    pub(super) fn assume_pinned(&mut self, pin: Pinned) {
        self.untagged_rdi = pin.address.then_some(pin.obj);
        self.items_r8 = pin.array.map(|off| (pin.obj, off));
    }
}

#[cfg(test)]
mod tests {
    use super::{choose, Pinned};
    use crate::ir_parse::parse_trace;
    use crate::layout;

    /// A peeled `while j <= n: flags[j] = False; j += step` with `body`
    /// (the lines after the body's header and its phi) in its body.
    fn peeled(body: &str) -> crate::ir::Trace {
        let text = format!(
            "trace root loop
  loop_header snap s0
  %l = slot_load [1]
  %f = const_int 0
  %z = list_load %l %f
  %c1 = const_int 1
  loop_header snap s0
  %j = phi %f %n
{body}
  %n = int_add %j %c1
  loop_back
  snap s0: safepoint pc 0 frames @0
"
        );
        parse_trace(&text).expect("trace text")
    }

    fn header(trace: &crate::ir::Trace) -> usize {
        trace
            .insts
            .iter()
            .rposition(|i| i.op == crate::ir::Opcode::LoopHeader)
            .expect("body header")
    }

    #[test]
    fn pins_the_only_list_with_its_items() {
        let t = peeled("  %v = const_int 7\n  list_store %l %j %v");
        assert_eq!(
            choose(&t, header(&t)),
            Some(Pinned {
                obj: 1,
                array: Some(layout::list_items_ptr_offset()),
                address: false,
            })
        );
    }

    #[test]
    fn no_pin_with_a_call_in_the_body() {
        let t = peeled("  %v = const_int 7\n  list_store %l %j %v\n  %x = call truthy %v");
        assert_eq!(choose(&t, header(&t)), None);
    }

    #[test]
    fn no_array_pointer_the_preamble_did_not_reach() {
        // The preamble only read the length: the items pointer is not kept.
        let text = "trace root loop
  loop_header snap s0
  %l = slot_load [1]
  %len = list_len %l
  %f = const_int 0
  %c1 = const_int 1
  loop_header snap s0
  %j = phi %f %n
  %v = list_load %l %j
  %n = int_add %j %c1
  loop_back
  snap s0: safepoint pc 0 frames @0
";
        let t = parse_trace(text).expect("trace text");
        assert_eq!(
            choose(&t, header(&t)),
            Some(Pinned {
                obj: 1,
                array: None,
                address: true,
            })
        );
    }
}
