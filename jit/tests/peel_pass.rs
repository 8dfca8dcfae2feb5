//! The `peel` pass: the shapes it makes from small hand-built loops, and
//! that the peeled code computes what the recorded trace computes.

mod common;

use common::{run, Builder};
use jit::helpers::Helper;
use jit::ir::*;
use jit::ir_print::print_inst;
use jit::opt::peel::peel;
use jit::opt::verify::verify;
use jit::snapshot::ExitKind;
use runtime::Value;

/// `%k opcode` lines of the whole trace.
fn listing(t: &Trace) -> String {
    t.insts
        .iter()
        .enumerate()
        .map(|(k, i)| format!("%{k} {}\n", print_inst(i)))
        .collect()
}

/// The same listing with surrounding whitespace dropped from each line.
fn text(s: &str) -> String {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| format!("{l}\n"))
        .collect()
}

/// Runs the raw and the peeled trace from the same stack; both must leave
/// at the same place with the same stack.
fn same_result(raw: &Trace, peeled: &Trace, stack: Vec<Value>) -> Vec<Value> {
    let (mut a, mut b) = (stack.clone(), stack);
    let left_raw = run(raw, &mut a);
    let left_peeled = run(peeled, &mut b);
    assert_eq!(
        raw.snapshots[left_raw as usize].pc, peeled.snapshots[left_peeled as usize].pc,
        "left at the same place"
    );
    assert_eq!(a, b, "same stack");
    a
}

/// `while i < n: total += i; i += 1` with `i`, `total`, `n` in slots 0-2.
fn int_loop() -> Trace {
    let mut b = Builder::raw();
    b.header();
    let i = b.load(0);
    let iu = b.unbox_int(i);
    let n = b.load(2);
    let nu = b.unbox_int(n);
    b.exit_unless_lt(iu, nu, Vec::new());
    let t = b.load(1);
    let tu = b.unbox_int(t);
    let t1 = b.add(tu, iu);
    let tb = b.box_int(t1);
    b.store(1, tb);
    let one = b.int(1);
    let i1 = b.add(iu, one);
    let ib = b.box_int(i1);
    b.store(0, ib);
    b.loop_back();
    b.trace
}

/// `i` and `total` are carried boxed and unboxed (the body neither checks
/// nor unboxes them); `n` is the preamble's load.
#[test]
fn int_loop_peels_into_preamble_phis_and_body() {
    let raw = int_loop();
    let peeled = peel(&raw);
    verify(&peeled).unwrap();
    assert!(peeled.local_loop);
    let preamble: String = listing(&raw)
        .lines()
        .take(raw.insts.len() - 1)
        .map(|l| format!("{l}\n"))
        .collect();
    let body = text(
        "
        %19 loop_header
        %20 phi %17 %33
        %21 phi %16 %32
        %22 phi %13 %29
        %23 phi %12 %28
        %24 guard_tag %4 int
        %25 unbox_int %4
        %26 int_lt %21 %25
        %27 guard_true %26
        %28 int_addov %23 %21
        %29 box_int %28
        %30 slot_store [1] %29
        %31 const_int 1
        %32 int_addov %21 %31
        %33 box_int %32
        %34 slot_store [0] %33
        %35 loop_back
    ",
    );
    assert_eq!(listing(&peeled), preamble + &body);
    // The body's guards have their own snapshots; the header has a copy of
    // the preamble header's.
    let snaps: Vec<u32> = peeled.insts.iter().filter_map(|i| i.snap).collect();
    let mut unique = snaps.clone();
    unique.dedup();
    assert_eq!(snaps.len(), unique.len());
    assert_eq!(
        peeled.snapshots[peeled.insts[19].snap.unwrap() as usize].kind,
        ExitKind::Safepoint
    );
    for n in [0, 1, 2, 3, 40] {
        let out = same_result(
            &raw,
            &peeled,
            vec![Value::int(0), Value::int(5), Value::int(n)],
        );
        assert_eq!(out[1].as_int(), 5 + (0..n).sum::<i64>());
    }
}

#[test]
fn swap_loop_phis_take_each_other() {
    let mut b = Builder::raw();
    b.header();
    let i = b.load(0);
    let iu = b.unbox_int(i);
    let n = b.int(7);
    b.exit_unless_lt(iu, n, Vec::new());
    let a = b.load(1);
    let c = b.load(2);
    b.store(1, c);
    b.store(2, a);
    let one = b.int(1);
    let i1 = b.add(iu, one);
    let ib = b.box_int(i1);
    b.store(0, ib);
    b.loop_back();
    let raw = b.trace;
    let peeled = peel(&raw);
    verify(&peeled).unwrap();
    let body: String = listing(&peeled)
        .lines()
        .skip(15)
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(
        body,
        text(
            "
            %15 loop_header
            %16 phi %13 %27
            %17 phi %12 %26
            %18 phi %8 %19
            %19 phi %7 %18
            %20 const_int 7
            %21 int_lt %17 %20
            %22 guard_true %21
            %23 slot_store [1] %19
            %24 slot_store [2] %18
            %25 const_int 1
            %26 int_addov %17 %25
            %27 box_int %26
            %28 slot_store [0] %27
            %29 loop_back
        "
        )
    );
    for start in [0, 3, 6] {
        let out = same_result(
            &raw,
            &peeled,
            vec![Value::int(start), Value::int(1), Value::int(2)],
        );
        assert_eq!(out[0].as_int(), 7);
    }
}

/// A slot a helper wrote is read from memory in the body; a slot stored
/// earlier in the same iteration is forwarded; a slot nothing writes is the
/// preamble's load.
#[test]
fn helper_written_slots_stay_loads() {
    let mut b = Builder::raw();
    b.header();
    let obj = b.load(3);
    let dst = b.int(4);
    let name = b.push(Opcode::Const(Value::NONE), Type::Val, None);
    let s = b.snap(ExitKind::Exception, Vec::new());
    let m = b.push(
        Opcode::Call(Helper::LoadMethod, CallArgs::new(&[obj, name, dst])),
        Type::Val,
        Some(s),
    );
    b.store(4, m);
    let recv = b.load(5);
    b.store(6, recv);
    let again = b.load(6);
    b.store(7, again);
    b.loop_back();
    let peeled = peel(&b.trace);
    verify(&peeled).unwrap();
    let body: String = listing(&peeled)
        .lines()
        .skip(10)
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(
        body,
        text(
            "
            %10 loop_header
            %11 const_int 4
            %12 const None
            %13 call load_method %1 %12 %11
            %14 slot_store [4] %13
            %15 slot_load [5]
            %16 slot_store [6] %15
            %17 slot_store [7] %15
            %18 loop_back
        "
        )
    );
}

#[test]
fn bridges_and_peeled_traces_are_left_alone() {
    let mut raw = int_loop();
    raw.kind = TraceKind::Bridge { parent: 0, exit: 1 };
    assert_eq!(listing(&peel(&raw)), listing(&raw));
    let peeled = peel(&int_loop());
    assert_eq!(listing(&peel(&peeled)), listing(&peeled));
}
