//! Raw code's new instances allocated with their final layout: `__init__`'s
//! first attribute appends, when nothing between them and the allocation
//! can see the object, become one `new_instance_with_map` and slot stores.
//!
//! Why: raw code otherwise calls `new_instance` and then `inst_append_slot`
//! once per attribute (a call, a slot push and a map write each). The
//! optimizer does this with its virtual objects; raw code has none, so it
//! is done here on the recorded instructions, only where it cannot be seen:
//! between the allocation and the fused appends there is no exit, no call
//! and no read of memory, only constants, pure arithmetic and stores to
//! interpreter slots (which nothing reads before the appends are done).
//! The recorder puts a `const_int` (the class's root map, unused) right
//! before every `new_instance` it records for `Class(args)`: the rewrite
//! turns it into the final map, so the allocation refers to no later value.

use crate::helpers::Helper;
use crate::ir::*;

/// Rewrites `trace`'s instance allocations (see the module comment) and
/// returns its original instructions, or None when nothing changed. The
/// caller assembles the rewritten trace and keeps the original
/// instructions for everything else (the optimizer's input, bridges):
/// snapshots, types and values are the same in both.
pub(crate) fn fuse_new_instances(trace: &mut Trace) -> Option<Vec<Inst>> {
    let insts = &trace.insts;
    let mut uses = vec![0u32; insts.len()];
    for inst in insts {
        inst.op.for_each_ref(|r| uses[r as usize] += 1);
    }
    let mut rewritten: Option<Vec<Inst>> = None;
    for k in 1..insts.len() {
        let Opcode::Call(Helper::NewInstance, ref args) = insts[k].op else {
            continue;
        };
        let map_const = k - 1;
        if args.len() != 1
            || !matches!(insts[map_const].op, Opcode::ConstInt(_))
            || uses[map_const] != 0
        {
            continue;
        }
        let class = args[0];
        let obj = k as Ref;
        let out = rewritten.get_or_insert_with(|| insts.clone());
        let mut fused = 0u32;
        let mut map = None;
        let mut first = [class; 2];
        for (j, inst) in insts.iter().enumerate().skip(k + 1) {
            match inst.op {
                Opcode::Call(Helper::InstAppendSlot, ref a)
                    if a.len() == 3 && a[0] == obj && inst.snap.is_none() =>
                {
                    let Opcode::ConstInt(m) = insts[a[2] as usize].op else {
                        break;
                    };
                    let value = a[1];
                    if (fused as usize) < first.len() && (value as usize) < k {
                        // Passed to the allocation: no store needed.
                        first[fused as usize] = value;
                        out[j].op = Opcode::ConstInt(0);
                        out[j].ty = Type::Int;
                    } else {
                        out[j].op = Opcode::InstSlotStore(obj, fused, value);
                    }
                    fused += 1;
                    map = Some(m);
                }
                Opcode::SlotStore(..) if inst.snap.is_none() => {}
                ref op if op.is_pure() && inst.snap.is_none() => {}
                _ => break,
            }
        }
        let Some(map) = map else {
            continue;
        };
        // The allocation's first two slots: the appended values defined
        // before it, else the class (a placeholder the slot stores above
        // overwrite before anything can see the object).
        out[map_const].op = Opcode::ConstInt(map);
        out[k].op = Opcode::Call(
            Helper::NewInstanceWithMap,
            CallArgs::new(&[class, map_const as Ref, first[0], first[1]]),
        );
    }
    let rewritten = rewritten?;
    if rewritten
        .iter()
        .zip(&trace.insts)
        .all(|(a, b)| a.op == b.op)
    {
        return None;
    }
    Some(std::mem::replace(&mut trace.insts, rewritten))
}
