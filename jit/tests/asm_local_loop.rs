//! Backend tests for peeled traces: phis (parallel moves at both edges of the
//! body), `LoopBack` of a locally looping trace, and snapshot entries written
//! by exit stubs. Hand-built traces run on a plain value stack.

mod common;

use common::{run, Builder};
use jit::ir::*;
use runtime::Value;

/// `while i < n: i += 1; a, b = b, a` with `i`, `a`, `b` only in phis; the
/// loop's exit writes them back through its snapshot's entries.
#[test]
fn swap_loop_phis_move_at_once_and_exit_writes_entries() {
    for n in [0i64, 1, 2, 5, 6] {
        let mut b = Builder::new();
        b.header();
        // Preamble: the first iteration, reading the stack.
        let i0 = b.push(Opcode::SlotLoad(0), Type::Val, None);
        let a0 = b.push(Opcode::SlotLoad(1), Type::Val, None);
        let b0 = b.push(Opcode::SlotLoad(2), Type::Val, None);
        let iu = b.push(Opcode::UnboxInt(i0), Type::Int, None);
        let nk = b.int(n);
        let one = b.int(1);
        b.exit_unless_lt(iu, nk, Vec::new());
        let i1 = b.add(iu, one);
        b.header();
        let pi = b.phi(i1, Type::Int);
        let pa = b.phi(b0, Type::Val);
        let pb = b.phi(a0, Type::Val);
        let bi = b.box_int(pi);
        let done = b.exit_unless_lt(pi, nk, vec![(0, bi), (1, pa), (2, pb)]);
        let i2 = b.add(pi, one);
        b.set_next(pi, i2);
        b.set_next(pa, pb);
        b.set_next(pb, pa);
        b.push(Opcode::LoopBack, Type::Void, None);
        let mut stack = vec![Value::int(0), Value::int(10), Value::int(20), Value::NONE];
        let left = run(&b.trace, &mut stack);
        if n == 0 {
            assert_eq!(left, 1, "the preamble's exit");
            assert_eq!(stack[0].as_int(), 0);
            continue;
        }
        assert_eq!(left, done);
        let (mut a, mut bb) = (10, 20);
        for _ in 0..n {
            (a, bb) = (bb, a);
        }
        assert_eq!(stack[0].as_int(), n, "n = {n}");
        assert_eq!((stack[1].as_int(), stack[2].as_int()), (a, bb), "n = {n}");
        assert!(stack[3].is_none(), "no entry for slot 3");
    }
}

/// More phis than the backend moves through registers: they go through
/// staging slots, still all at once (each phi takes the next one's value).
#[test]
fn many_phis_rotate_through_staging_slots() {
    const K: usize = 13;
    let n = 30i64;
    let mut b = Builder::new();
    b.header();
    let loads: Vec<Ref> = (0..K)
        .map(|k| b.push(Opcode::SlotLoad(k as i32 + 1), Type::Val, None))
        .collect();
    let zero = b.int(0);
    let one = b.int(1);
    let nk = b.int(n);
    b.header();
    let pi = b.phi(zero, Type::Int);
    let phis: Vec<Ref> = loads.iter().map(|&l| b.phi(l, Type::Val)).collect();
    let bi = b.box_int(pi);
    let mut entries = vec![(0, bi)];
    entries.extend(phis.iter().enumerate().map(|(k, &p)| (k as i32 + 1, p)));
    b.exit_unless_lt(pi, nk, entries);
    let i2 = b.add(pi, one);
    b.set_next(pi, i2);
    for k in 0..K {
        b.set_next(phis[k], phis[(k + 1) % K]);
    }
    b.push(Opcode::LoopBack, Type::Void, None);
    let mut stack: Vec<Value> = (0..=K as i64).map(|k| Value::int(100 + k)).collect();
    let expect: Vec<i64> = (0..K)
        .map(|k| 100 + 1 + ((k + n as usize) % K) as i64)
        .collect();
    run(&b.trace, &mut stack);
    assert_eq!(stack[0].as_int(), n);
    let got: Vec<i64> = stack[1..].iter().map(|v| v.as_int()).collect();
    assert_eq!(got, expect);
}

/// The body's header is a jump target: a value the instruction before
/// `LoopBack` left in `rax` must not be taken for a phi at the header.
#[test]
fn sums_through_phis_with_a_stored_result() {
    let mut b = Builder::new();
    b.header();
    let t0 = b.push(Opcode::SlotLoad(1), Type::Val, None);
    let tu = b.push(Opcode::UnboxInt(t0), Type::Int, None);
    let zero = b.int(0);
    let one = b.int(1);
    let n = b.int(100);
    b.header();
    let pi = b.phi(zero, Type::Int);
    let pt = b.phi(tu, Type::Int);
    b.exit_unless_lt(pi, n, Vec::new());
    let t1 = b.add(pt, pi);
    let bt = b.box_int(t1);
    b.push(Opcode::SlotStore(1, bt), Type::Void, None);
    let i1 = b.add(pi, one);
    b.set_next(pi, i1);
    b.set_next(pt, t1);
    b.push(Opcode::LoopBack, Type::Void, None);
    let mut stack = vec![Value::NONE, Value::int(7)];
    run(&b.trace, &mut stack);
    assert_eq!(stack[1].as_int(), 7 + (0..100).sum::<i64>());
}

/// Optimized code keeps one object's untagged address in a register from
/// one memory access to the next; the body's header is a jump target, so
/// the body must untag again what the preamble untagged last (here `a`,
/// while the body's previous iteration ended on `b`).
#[test]
fn loads_and_stores_on_two_objects_untag_at_the_body_header() {
    // Two fake objects: plain words behind boxed pointers.
    let mut a_words: Vec<i64> = vec![5, 3, 0];
    let mut b_words: Vec<i64> = vec![4, 0];
    let boxed = |p: *mut i64| {
        Value::from_bits(
            (runtime::value::TAG_PTR << 48) | (p as u64 & runtime::value::PAYLOAD_MASK),
        )
    };
    let n = 10;
    let mut b = Builder::new();
    b.header();
    let a = b.load(0);
    let bb = b.load(1);
    let y0 = b.push(Opcode::LoadField(bb, 0), Type::Int, None);
    let a0 = b.push(Opcode::LoadField(a, 0), Type::Int, None);
    let zero = b.int(0);
    let one = b.int(1);
    let nk = b.int(n);
    b.header();
    let pi = b.phi(zero, Type::Int);
    let pacc = b.phi(a0, Type::Int);
    let py = b.phi(y0, Type::Int);
    let x = b.push(Opcode::LoadField(a, 8), Type::Int, None);
    let t = b.add(x, py);
    let acc = b.add(pacc, t);
    b.push(Opcode::StoreField(a, 16, acc), Type::Void, None);
    let y = b.push(Opcode::LoadField(bb, 0), Type::Int, None);
    let i1 = b.add(pi, one);
    b.set_next(pi, i1);
    b.set_next(pacc, acc);
    b.set_next(py, y);
    b.exit_unless_lt(i1, nk, Vec::new());
    b.push(Opcode::LoopBack, Type::Void, None);
    for assemble in [jit::asm::assemble, jit::asm::assemble_optimized] {
        a_words[2] = 0;
        let mut stack = vec![boxed(a_words.as_mut_ptr()), boxed(b_words.as_mut_ptr())];
        common::run_with(&b.trace, &mut stack, assemble, common::LoopBackTo::Entry);
        assert_eq!(a_words[2], 5 + n * (3 + 4));
    }
}
