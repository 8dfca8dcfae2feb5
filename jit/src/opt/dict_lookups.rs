//! Shared dict lookups: typed dict operations on the same dict and key
//! with nothing between them that can change a dict (`counts[w] =
//! counts.get(w, 0) + 1`; `if k in d: ... d[k]`) probe the table once.
//!
//! The first of them gets a `dict_find` before it, and each becomes its
//! `*_found` twin taking the find's result: `dict_get` becomes
//! `dict_get_found`, `dict_getitem` `dict_getitem_found` (same exception
//! snapshot), `dict_contains` `dict_contains_found`, `dict_setitem`
//! `dict_setitem_found`. The results, and the guards on them, are the
//! originals': EMPTY (or false) still means only the full protocol can
//! decide, and the guard leaves so the interpreter runs the instruction.
//!
//! A group ends at anything that may change a dict: a call that writes the
//! heap or runs Python code (a `dict_setitem` too, after taking part), and
//! a loop header (the next iteration's lookups follow the previous
//! iteration's stores). A lone operation is left alone: it would only gain
//! a call. The runtime's `*_found` functions also check the table's
//! version and probe again when it changed, so a group this pass got wrong
//! would be slower, not wrong.

use super::Rewriter;
use crate::helpers::Helper;
use crate::ir::*;
use rustc_hash::FxHashMap;

/// The dict and key a typed dict operation works on, if `op` is one.
fn dict_and_key(op: &Opcode) -> Option<(Ref, Ref)> {
    match op {
        Opcode::Call(
            Helper::DictGet | Helper::DictGetItem | Helper::DictContains | Helper::DictSetItem,
            args,
        ) if args.len() >= 2 => Some((args[0], args[1])),
        _ => None,
    }
}

/// Does `inst` end every group (may change a dict, or starts an iteration)?
fn ends_groups(inst: &Inst) -> bool {
    match &inst.op {
        Opcode::LoopHeader => true,
        Opcode::Call(h, _) => {
            let e = h.effects();
            e.writes_heap || e.runs_code
        }
        _ => false,
    }
}

/// The pass; None when it would leave the trace as it is (no two lookups
/// share a dict and key): the pipeline keeps its input.
pub fn dict_lookups(trace: &Trace) -> Option<Trace> {
    // A group: its epoch (the span between group ends) and old dict and key.
    let mut epoch = 0u32;
    let mut members: FxHashMap<(u32, Ref, Ref), u32> = FxHashMap::default();
    let mut group_of: Vec<Option<(u32, Ref, Ref)>> = vec![None; trace.insts.len()];
    for (i, inst) in trace.insts.iter().enumerate() {
        if let Some((d, k)) = dict_and_key(&inst.op) {
            let g = (epoch, d, k);
            *members.entry(g).or_default() += 1;
            group_of[i] = Some(g);
        }
        if ends_groups(inst) {
            epoch += 1;
        }
    }
    if !members.values().any(|&n| n > 1) {
        return None;
    }
    let mut rw = Rewriter::new(trace);
    // Group -> its new `dict_find`.
    let mut finds: FxHashMap<(u32, Ref, Ref), Ref> = FxHashMap::default();
    for (i, inst) in trace.insts.iter().enumerate() {
        let old = i as Ref;
        let Some(g) = group_of[i].filter(|g| members[g] > 1) else {
            rw.copy(old);
            continue;
        };
        let (d, k) = (rw.get(g.1), rw.get(g.2));
        let found = *finds.entry(g).or_insert_with(|| {
            rw.emit(Inst {
                op: Opcode::Call(Helper::DictFind, CallArgs::new(&[d, k])),
                ty: Type::Int,
                snap: None,
                origin: inst.origin,
            })
        });
        let new = rw.copy(old);
        if let Opcode::Call(h, args) = &mut rw.insts[new as usize].op {
            // Operands are renumbered already: (dict, key, rest...).
            let rest: Vec<Ref> = args[2..].to_vec();
            *h = match *h {
                Helper::DictGet => Helper::DictGetFound,
                Helper::DictGetItem => Helper::DictGetItemFound,
                Helper::DictContains => Helper::DictContainsFound,
                Helper::DictSetItem => Helper::DictSetItemFound,
                other => unreachable!("dict_and_key admits no {other:?}"),
            };
            *args = CallArgs::new(&[vec![d, found, k], rest].concat());
        }
    }
    Some(rw.finish())
}
