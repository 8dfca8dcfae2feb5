//! The machine code of each trace instruction (`emit_inst`), for both
//! tiers: the raw tier's spill-slot code and the optimized tier's
//! register-allocated code, chosen per instruction by the value locations.

// dynasm's dynamic-register syntax (`Rq(reg)`) expands to a `.into()`.
#![allow(clippy::useless_conversion)]

use super::*;

pub(super) fn emit_inst(
    e: &mut Emitter,
    i: Ref,
    inst: &Inst,
    t: &AsmTargets,
) -> Result<(), String> {
    match inst.op {
        Opcode::Const(_) | Opcode::ConstInt(_) => {}
        Opcode::SlotLoad(s) => {
            let (d, off) = (e.out_gpr(i), 8 * s);
            dynasm!(e.ops ; .arch x64 ; mov Rq(d), [rbx + off]);
            e.done_gpr(i, d);
        }
        // Left to the direct call after it.
        Opcode::SlotStore(..) if e.deferred[i as usize] => {}
        Opcode::SlotStore(s, v) => e.store_slot(s, v),
        Opcode::GuardTag(v, tag) if tag == TAG_PTR => {
            // Clearing the expected tag with `xor` leaves the address when
            // the tag matches and a word of 2^48 or more when it does not:
            // the check is also the untagging of the accesses after it.
            let stub = e.stub(inst);
            let (tag_bits, limit) = (e.pooled(TAG_PTR << 48), e.pooled(1 << 48));
            e.load(RDI, v);
            dynasm!(e.ops
                ; .arch x64
                ; xor rdi, QWORD [=>tag_bits]
                ; cmp rdi, QWORD [=>limit]
                ; jae =>stub
            );
            e.untagged_rdi = Some(v);
        }
        Opcode::GuardTag(v, tag) if memory_tag_guard(e, i, v).is_some() => {
            // The tag is the word's top 16 bits: compared where the word
            // is in memory, with no load and shift.
            let stub = e.stub(inst);
            let (base_is_stack, off) = memory_tag_guard(e, i, v).expect("checked");
            if base_is_stack {
                // A spill slot read here must be written.
                e.read[v as usize] = true;
            }
            let tag16 = tag as u16 as i16;
            match i8::try_from(tag16) {
                Ok(t) => {
                    // `cmp WORD [base + disp32], imm8` (66 83 /7 ib): the
                    // sign-extended byte form, which dynasm does not pick.
                    let at = (off + 6).to_le_bytes();
                    let modrm: &[u8] = if base_is_stack {
                        &[0xbc, 0x24]
                    } else {
                        &[0xbb]
                    };
                    e.ops
                        .extend([0x66, 0x83].iter().chain(modrm).chain(&at).copied());
                    e.ops.push(t as u8);
                }
                Err(_) if base_is_stack => {
                    dynasm!(e.ops ; .arch x64 ; cmp WORD [rsp + off + 6], tag16)
                }
                Err(_) => dynasm!(e.ops ; .arch x64 ; cmp WORD [rbx + off + 6], tag16),
            }
            dynasm!(e.ops ; .arch x64 ; jne =>stub);
        }
        Opcode::GuardTag(v, tag)
            if e.held_gpr(v).is_some()
                && i8::try_from(tag as u16 as i16).is_ok()
                && std::is_x86_feature_detected!("bmi2") =>
        {
            // The top 16 bits rotated to the bottom without touching the
            // value's register: `rorx` and a 16-bit compare, where a copy,
            // a shift and a compare were three.
            let stub = e.stub(inst);
            let g = e.held_gpr(v).expect("checked");
            dynasm!(e.ops ; .arch x64 ; rorx rax, Rq(g), 48);
            // `cmp ax, imm8` (66 83 /7 ib, sign-extended).
            e.ops
                .extend([0x66, 0x83, 0xf8, tag as u16 as i16 as i8 as u8]);
            dynasm!(e.ops ; .arch x64 ; jne =>stub);
        }
        Opcode::GuardTag(v, tag) => {
            let stub = e.stub(inst);
            e.load(RAX, v);
            dynasm!(e.ops ; .arch x64 ; shr rax, 48 ; cmp eax, tag as i32 ; jne =>stub);
        }
        Opcode::GuardFloat(v) => {
            let stub = e.stub(inst);
            let limit = e.pooled(runtime::value::FLOAT_LIMIT);
            let r = e.reg_of(v, RAX);
            dynasm!(e.ops ; .arch x64 ; cmp Rq(r), QWORD [=>limit] ; jae =>stub);
            if r == RAX {
                // Still there for the `unbox_float` that usually follows.
                e.rax_after = Some(v);
            }
        }
        Opcode::GuardKind(v, kind) => {
            let stub = e.stub(inst);
            let off = layout::kind_offset();
            let p = e.untagged(v);
            dynasm!(e.ops
                ; .arch x64
                ; cmp BYTE [Rq(p) + off], kind as i8
                ; jne =>stub
            );
        }
        Opcode::GuardEq(v, c) | Opcode::GuardNe(v, c) if e.fused_loads[v as usize] => {
            let stub = e.stub(inst);
            let Opcode::LoadAbs(addr) = e.trace.insts[v as usize].op else {
                return Err("a fused version load that is not a load_abs".into());
            };
            let imm = c as i64 as i32;
            dynasm!(e.ops ; .arch x64 ; mov rax, QWORD addr as i64 ; cmp QWORD [rax], imm);
            if matches!(inst.op, Opcode::GuardEq(..)) {
                dynasm!(e.ops ; .arch x64 ; jne =>stub);
            } else {
                dynasm!(e.ops ; .arch x64 ; je =>stub);
            }
        }
        Opcode::GuardEq(v, c) | Opcode::GuardNe(v, c) => {
            let stub = e.stub(inst);
            let r = e.reg_of(v, RAX);
            match i32::try_from(c as i64) {
                Ok(imm) => dynasm!(e.ops ; .arch x64 ; cmp Rq(r), imm),
                Err(_) => {
                    let c = e.pooled(c);
                    dynasm!(e.ops ; .arch x64 ; cmp Rq(r), QWORD [=>c]);
                }
            }
            if matches!(inst.op, Opcode::GuardEq(..)) {
                dynasm!(e.ops ; .arch x64 ; jne =>stub);
            } else {
                dynasm!(e.ops ; .arch x64 ; je =>stub);
            }
        }
        // Its `run_loop` jumps to the stub itself (`asm/run_loop.rs`).
        Opcode::GuardTrue(b) if e.guard_done == Some(b) => {}
        Opcode::GuardTrue(b) | Opcode::GuardFalse(b) if e.fused[b as usize] => {
            let stub = e.stub(inst);
            let want = matches!(inst.op, Opcode::GuardTrue(_));
            emit_fused_guard(e, b, want, stub);
        }
        // A constant condition (a function trace's final exit): no test.
        Opcode::GuardTrue(b) | Opcode::GuardFalse(b)
            if matches!(e.trace.insts[b as usize].op, Opcode::ConstInt(_)) =>
        {
            let want = matches!(inst.op, Opcode::GuardTrue(_));
            if (e.constant_word(b) != Some(0)) != want {
                let stub = e.stub(inst);
                dynasm!(e.ops ; .arch x64 ; jmp =>stub);
            }
        }
        Opcode::GuardTrue(b) | Opcode::GuardFalse(b) => {
            let stub = e.stub(inst);
            let r = e.reg_of(b, RAX);
            dynasm!(e.ops ; .arch x64 ; test Rq(r), Rq(r));
            if matches!(inst.op, Opcode::GuardTrue(_)) {
                dynasm!(e.ops ; .arch x64 ; jz =>stub);
            } else {
                dynasm!(e.ops ; .arch x64 ; jnz =>stub);
            }
        }
        Opcode::LoadField(o, off) => {
            let d = e.out_gpr(i);
            let p = e.untagged(o);
            dynasm!(e.ops ; .arch x64 ; mov Rq(d), [Rq(p) + off]);
            e.done_gpr(i, d);
        }
        // Its guard reads the word in memory.
        Opcode::LoadAbs(_) if e.fused_loads[i as usize] => {}
        Opcode::LoadAbs(addr) => {
            let d = e.out_gpr(i);
            dynasm!(e.ops ; .arch x64 ; mov rax, QWORD addr as i64 ; mov Rq(d), [rax]);
            e.done_gpr(i, d);
        }
        Opcode::ListLen(l) => {
            let d = e.out_gpr(i);
            let off = layout::list_len_offset();
            let p = e.untagged(l);
            dynasm!(e.ops ; .arch x64 ; mov Rq(d), [Rq(p) + off]);
            e.done_gpr(i, d);
        }
        Opcode::StoreField(o, off, v) => {
            let rv = e.reg_of(v, RDX);
            let p = e.untagged(o);
            dynasm!(e.ops ; .arch x64 ; mov [Rq(p) + off], Rq(rv));
        }
        Opcode::TupleLen(t) => {
            let d = e.out_gpr(i);
            let off = layout::tuple_layout().1;
            let p = e.untagged(t);
            dynasm!(e.ops ; .arch x64 ; mov Rq(d), [Rq(p) + off]);
            e.done_gpr(i, d);
        }
        Opcode::TupleLoad(t, index) => {
            let d = e.out_gpr(i);
            let item = e.item_index(index);
            e.load_item(d, t, layout::tuple_layout().0, item);
            e.done_gpr(i, d);
        }
        Opcode::ListLoad(l, index) => {
            let d = e.out_gpr(i);
            let item = e.item_index(index);
            e.load_item(d, l, layout::list_items_ptr_offset(), item);
            e.done_gpr(i, d);
        }
        Opcode::ListStore(l, index, v) => {
            let rv = e.reg_of(v, RSI);
            let item = e.item_index(index);
            let a = e.object_array(l, layout::list_items_ptr_offset());
            match item {
                // `rax` by name (raw traces): its shorter encoding.
                ItemIndex::Constant(k) if a == RAX => {
                    dynasm!(e.ops ; .arch x64 ; mov [rax + k], Rq(rv))
                }
                ItemIndex::Register(ri) if a == RAX => {
                    dynasm!(e.ops ; .arch x64 ; mov [rax + Rq(ri) * 8], Rq(rv))
                }
                ItemIndex::Constant(k) => dynasm!(e.ops ; .arch x64 ; mov [Rq(a) + k], Rq(rv)),
                ItemIndex::Register(ri) => {
                    dynasm!(e.ops ; .arch x64 ; mov [Rq(a) + Rq(ri) * 8], Rq(rv))
                }
            }
        }
        Opcode::InstSlotLoad(o, index) => {
            let d = e.out_gpr(i);
            let (ptr_off, off) = (layout::instance_slots_ptr_offset(), 8 * index as i32);
            let a = e.object_array(o, ptr_off);
            if a == RAX {
                dynasm!(e.ops ; .arch x64 ; mov Rq(d), [rax + off]);
            } else {
                dynasm!(e.ops ; .arch x64 ; mov Rq(d), [Rq(a) + off]);
            }
            e.done_gpr(i, d);
        }
        Opcode::InstSlotStore(o, index, v) => {
            let rv = e.reg_of(v, RDX);
            let (ptr_off, off) = (layout::instance_slots_ptr_offset(), 8 * index as i32);
            let a = e.object_array(o, ptr_off);
            if a == RAX {
                dynasm!(e.ops ; .arch x64 ; mov [rax + off], Rq(rv));
            } else {
                dynasm!(e.ops ; .arch x64 ; mov [Rq(a) + off], Rq(rv));
            }
        }
        Opcode::UnboxInt(v) => {
            let d = e.out_gpr(i);
            e.load(d, v);
            dynasm!(e.ops ; .arch x64 ; shl Rq(d), 16 ; sar Rq(d), 16);
            e.done_gpr(i, d);
        }
        Opcode::BoxInt(v) | Opcode::BoxBool(v) => {
            let tag = match inst.op {
                Opcode::BoxInt(_) => TAG_INT,
                _ => TAG_BOOL,
            };
            if inst.snap.is_some() {
                // x fits iff x + 2^47 is in [0, 2^48) as an unsigned word;
                // checked before the result's register is written, so the
                // exit reads every entry as it was.
                let stub = e.stub(inst);
                let bias = e.pooled(1 << 47);
                e.load(RCX, v);
                dynasm!(e.ops
                    ; .arch x64
                    ; add rcx, QWORD [=>bias]
                    ; shr rcx, 48
                    ; jnz =>stub
                );
            }
            match e.gpr(i) {
                // Tagged in the result's own register: one move (none when
                // the operand, dying here, shares it) where going through
                // `rax` took two.
                Some(d) => {
                    e.load(d, v);
                    dynasm!(e.ops
                        ; .arch x64
                        ; shl Rq(d), 16
                        ; or Rq(d), tag as i32
                        ; ror Rq(d), 16
                    );
                }
                None => {
                    e.load(RAX, v);
                    e.tag_rax(tag);
                    e.store_rax(i);
                }
            }
        }
        Opcode::UnboxFloat(v) => match (e.loc(i), e.gpr(v)) {
            (Loc::Xmm(x), Some(g)) if e.alloc.is_some() => {
                dynasm!(e.ops ; .arch x64 ; movq Rx(x), Rq(g))
            }
            // Raw traces: the same bits, in place in a cache register
            // when the boxed value is not read again.
            _ if e.alloc.is_none() => {
                let d = e.out_gpr(i);
                e.load(d, v);
                // A copy for the float reads (the float cache's).
                if let Some(c) = e.xcache.choose(i, i, false, &[]) {
                    dynasm!(e.ops ; .arch x64 ; movq Rx(c), Rq(d));
                    e.xcache.set(c, i);
                }
                e.done_gpr(i, d);
            }
            _ => {
                e.load(RAX, v);
                e.store_rax(i);
            }
        },
        Opcode::BoxFloat(v) if e.alloc.is_some() && e.gpr(i).is_some() => {
            // Boxed in the result's own register (no copy out of `rax`).
            let d = e.gpr(i).expect("checked");
            let x = e.xmm_of(v, 0, RAX);
            e.load(d, v);
            dynasm!(e.ops
                ; .arch x64
                ; ucomisd Rx(x), Rx(x)
                ; jnp >ordered
                ; mov Rq(d), QWORD CANONICAL_NAN as i64
                ; ordered:
            );
        }
        Opcode::BoxFloat(v) => {
            let x = e.xmm_of(v, 0, RAX);
            match e.xcache.find(v) {
                // Raw traces: the bits from the float cache, when no
                // general register holds them.
                Some(c) if e.rax_now != Some(v) && e.cache.find(v).is_none() => {
                    dynasm!(e.ops ; .arch x64 ; movq rax, Rx(c));
                    e.rax_now = Some(v);
                }
                _ => e.load(RAX, v),
            }
            e.box_float_rax(x);
            e.store_rax(i);
        }
        Opcode::Int(op, a, b)
            if !matches!(op, IntOp::FloorDiv | IntOp::Mod | IntOp::ShlOv | IntOp::Shr) =>
        {
            // A constant first operand of a commutative op goes second,
            // where it is an immediate.
            let commutes = !matches!(op, IntOp::SubOv | IntOp::Sub);
            let (a, b) = match (e.imm32(a), e.imm32(b)) {
                (Some(_), None) if commutes => (b, a),
                _ => (a, b),
            };
            // In the result's own register when that is safe (raw traces:
            // the cache register it is to be kept in), else in rax.
            let d = match e.alloc {
                Some(_) => e.direct_gpr(i, inst, &[b]),
                None => e.cache.choose(i, i, true, &[b]),
            }
            .unwrap_or(RAX);
            // Computing in rax, which already holds the second operand (the
            // previous instruction's result, often in a spill slot): that
            // one goes first, so neither operand is loaded.
            let (a, b) = match (d, e.rax_now) {
                (RAX, Some(held)) if commutes && held == b && held != a && e.imm32(a).is_none() => {
                    (b, a)
                }
                _ => (a, b),
            };
            e.load(d, a);
            let imm = e.imm32(b);
            let rb = match imm {
                Some(_) => RCX,
                None => e.reg_of(b, RCX),
            };
            match (op, imm) {
                (IntOp::AddOv | IntOp::Add, Some(k)) => dynasm!(e.ops ; .arch x64 ; add Rq(d), k),
                (IntOp::SubOv | IntOp::Sub, Some(k)) => dynasm!(e.ops ; .arch x64 ; sub Rq(d), k),
                (IntOp::And, Some(k)) => dynasm!(e.ops ; .arch x64 ; and Rq(d), k),
                (IntOp::Or, Some(k)) => dynasm!(e.ops ; .arch x64 ; or Rq(d), k),
                (IntOp::Xor, Some(k)) => dynasm!(e.ops ; .arch x64 ; xor Rq(d), k),
                (IntOp::MulOv | IntOp::Mul, Some(k)) => {
                    dynasm!(e.ops ; .arch x64 ; imul Rq(d), Rq(d), k)
                }
                (IntOp::AddOv | IntOp::Add, None) => {
                    dynasm!(e.ops ; .arch x64 ; add Rq(d), Rq(rb))
                }
                (IntOp::SubOv | IntOp::Sub, None) => {
                    dynasm!(e.ops ; .arch x64 ; sub Rq(d), Rq(rb))
                }
                (IntOp::And, None) => dynasm!(e.ops ; .arch x64 ; and Rq(d), Rq(rb)),
                (IntOp::Or, None) => dynasm!(e.ops ; .arch x64 ; or Rq(d), Rq(rb)),
                (IntOp::Xor, None) => dynasm!(e.ops ; .arch x64 ; xor Rq(d), Rq(rb)),
                (IntOp::Min | IntOp::Max, _) => {
                    if let Some(k) = imm {
                        dynasm!(e.ops ; .arch x64 ; mov Rq(rb), k);
                    }
                    // Branch-free: the other operand replaces `d` when smaller (larger).
                    dynasm!(e.ops ; .arch x64 ; cmp Rq(d), Rq(rb));
                    if op == IntOp::Min {
                        dynasm!(e.ops ; .arch x64 ; cmovg Rq(d), Rq(rb));
                    } else {
                        dynasm!(e.ops ; .arch x64 ; cmovl Rq(d), Rq(rb));
                    }
                }
                _ => dynasm!(e.ops ; .arch x64 ; imul Rq(d), Rq(rb)),
            }
            if matches!(op, IntOp::AddOv | IntOp::SubOv | IntOp::MulOv) {
                let stub = e.stub(inst);
                dynasm!(e.ops ; .arch x64 ; jo =>stub);
            }
            if d == RAX || e.alloc.is_none() {
                e.done_gpr(i, d);
            }
        }
        Opcode::Int(op @ (IntOp::FloorDiv | IntOp::Mod), a, b)
            if divide::constant_divisor(e.trace, b).is_some() =>
        {
            let d = divide::constant_divisor(e.trace, b).expect("checked by the arm");
            divide::emit_by_constant(e, i, op, a, d);
        }
        Opcode::Int(op @ (IntOp::ShlOv | IntOp::Shr), a, b)
            if e.imm32(b).is_some_and(|k| (0..64).contains(&k)) =>
        {
            // A constant count in range: immediate shifts, no count check.
            let k = e.imm32(b).expect("checked by the arm") as i8;
            e.load(RAX, a);
            if op == IntOp::Shr {
                dynasm!(e.ops ; .arch x64 ; sar rax, k);
            } else {
                // Bits shifted out (shifting back differs) leave: the
                // interpreter makes a big int.
                let stub = e.stub(inst);
                dynasm!(e.ops
                    ; .arch x64
                    ; mov rdx, rax
                    ; shl rax, k
                    ; mov r8, rax
                    ; sar r8, k
                    ; cmp r8, rdx
                    ; jne =>stub
                );
            }
            e.store_rax(i);
        }
        Opcode::Int(op, a, b) => {
            e.load(RAX, a);
            e.load(RCX, b);
            match op {
                IntOp::AddOv | IntOp::SubOv | IntOp::MulOv => {
                    let stub = e.stub(inst);
                    match op {
                        IntOp::AddOv => dynasm!(e.ops ; .arch x64 ; add rax, rcx),
                        IntOp::SubOv => dynasm!(e.ops ; .arch x64 ; sub rax, rcx),
                        _ => dynasm!(e.ops ; .arch x64 ; imul rax, rcx),
                    }
                    dynasm!(e.ops ; .arch x64 ; jo =>stub);
                }
                IntOp::Add => dynasm!(e.ops ; .arch x64 ; add rax, rcx),
                IntOp::Sub => dynasm!(e.ops ; .arch x64 ; sub rax, rcx),
                IntOp::Mul => dynasm!(e.ops ; .arch x64 ; imul rax, rcx),
                IntOp::And => dynasm!(e.ops ; .arch x64 ; and rax, rcx),
                IntOp::Or => dynasm!(e.ops ; .arch x64 ; or rax, rcx),
                IntOp::Xor => dynasm!(e.ops ; .arch x64 ; xor rax, rcx),
                IntOp::Min => dynasm!(e.ops ; .arch x64 ; cmp rax, rcx ; cmovg rax, rcx),
                IntOp::Max => dynasm!(e.ops ; .arch x64 ; cmp rax, rcx ; cmovl rax, rcx),
                IntOp::FloorDiv | IntOp::Mod => {
                    // Python rounds toward minus infinity: fix up C's truncation
                    // when the remainder's sign differs from the divisor's.
                    let stub = e.stub(inst);
                    dynasm!(e.ops
                        ; .arch x64
                        ; test rcx, rcx
                        ; jz =>stub
                        ; cqo
                        ; idiv rcx
                        ; test rdx, rdx
                        ; jz >done
                        ; mov r8, rdx
                        ; xor r8, rcx
                        ; jns >done
                        ; dec rax
                        ; add rdx, rcx
                        ; done:
                    );
                    if op == IntOp::Mod {
                        dynasm!(e.ops ; .arch x64 ; mov rax, rdx);
                    }
                }
                IntOp::ShlOv => {
                    // A count outside 0..64 (negative ones are huge unsigned)
                    // or bits shifted out (shifting back differs) leave: the
                    // interpreter raises or makes a big int.
                    let stub = e.stub(inst);
                    dynasm!(e.ops
                        ; .arch x64
                        ; cmp rcx, 63
                        ; ja =>stub
                        ; mov rdx, rax
                        ; shl rax, cl
                        ; mov r8, rax
                        ; sar r8, cl
                        ; cmp r8, rdx
                        ; jne =>stub
                    );
                }
                IntOp::Shr => match e.imm32(b).filter(|k| (0..64).contains(k)) {
                    // A constant count needs no check (`sar` masks it to 6 bits).
                    Some(k) => dynasm!(e.ops ; .arch x64 ; sar rax, k as i8),
                    None => {
                        // A negative count leaves (Python raises); 64 or more
                        // shifts out everything but the sign, as 63 does.
                        let stub = e.stub(inst);
                        dynasm!(e.ops
                            ; .arch x64
                            ; test rcx, rcx
                            ; js =>stub
                            ; cmp rcx, 63
                            ; jbe >in_range
                            ; mov ecx, 63
                            ; in_range:
                            ; sar rax, cl
                        );
                    }
                },
            }
            e.store_rax(i);
        }
        Opcode::IntNeg(a) => {
            let stub = e.stub(inst);
            e.load(RAX, a);
            dynasm!(e.ops ; .arch x64 ; neg rax ; jo =>stub);
            e.store_rax(i);
        }
        // Read by the guard right after it, which compares and jumps. It
        // emits nothing, so what `rax` holds is still known to the guard
        // (optimized traces: a value just computed in `rax` and spilled is
        // compared from `rax`, not reloaded).
        Opcode::IntCmp(..) | Opcode::FloatCmp(..) | Opcode::SameValue(..)
            if e.fused[i as usize] =>
        {
            if e.alloc.is_some() {
                e.rax_after = e.rax_now;
            }
        }
        Opcode::IntCmp(cond, a, b) => {
            let cond = emit_int_compare(e, cond, a, b);
            match cond {
                Cond::Lt => dynasm!(e.ops ; .arch x64 ; setl al),
                Cond::Le => dynasm!(e.ops ; .arch x64 ; setle al),
                Cond::Gt => dynasm!(e.ops ; .arch x64 ; setg al),
                Cond::Ge => dynasm!(e.ops ; .arch x64 ; setge al),
                Cond::Eq => dynasm!(e.ops ; .arch x64 ; sete al),
                Cond::Ne => dynasm!(e.ops ; .arch x64 ; setne al),
            }
            dynasm!(e.ops ; .arch x64 ; movzx eax, al);
            e.store_rax(i);
        }
        Opcode::Float(op, a, b) if e.alloc.is_some() => e.emit_float_op(i, inst, op, a, b),
        Opcode::Float(op, a, b) => {
            // `x * x` squares `xmm0`; `b` straight from the float cache, or
            // out of `xmm0` before `a` goes there.
            let xb = match e.xcache.find(b) {
                _ if b == a => 0,
                Some(c) => c,
                _ => {
                    e.load_xmm(1, b, RCX);
                    1
                }
            };
            e.load_xmm(0, a, RAX);
            match op {
                FloatOp::Add => dynasm!(e.ops ; .arch x64 ; addsd xmm0, Rx(xb)),
                FloatOp::Sub => dynasm!(e.ops ; .arch x64 ; subsd xmm0, Rx(xb)),
                FloatOp::Mul => dynasm!(e.ops ; .arch x64 ; mulsd xmm0, Rx(xb)),
                FloatOp::Div => {
                    // A zero (or NaN) divisor leaves: the interpreter raises or computes.
                    let stub = e.stub(inst);
                    dynasm!(e.ops
                        ; .arch x64
                        ; xorpd xmm2, xmm2
                        ; ucomisd Rx(xb), xmm2
                        ; je =>stub
                        ; divsd xmm0, Rx(xb)
                    );
                }
            }
            e.cache_xmm(0, i);
            e.store_xmm(0, i);
        }
        Opcode::FloatNeg(a) => {
            e.load(RAX, a);
            dynasm!(e.ops ; .arch x64 ; btc rax, 63);
            e.store_rax(i);
        }
        Opcode::IntToFloat(a) if e.alloc.is_some() => {
            let d = match e.loc(i) {
                Loc::Xmm(x) => x,
                _ => 0,
            };
            let r = e.reg_of(a, RAX);
            dynasm!(e.ops ; .arch x64 ; cvtsi2sd Rx(d), Rq(r));
            e.store_xmm(d, i);
        }
        Opcode::IntToFloat(a) => {
            e.load(RAX, a);
            dynasm!(e.ops ; .arch x64 ; cvtsi2sd xmm0, rax);
            e.cache_xmm(0, i);
            e.store_xmm(0, i);
        }
        Opcode::FloatCmp(cond, a, b) => {
            emit_float_compare(e, cond, a, b);
            // `ucomisd` sets CF, ZF and PF for unordered; pick conditions that are false then.
            match cond {
                Cond::Gt | Cond::Lt => dynasm!(e.ops ; .arch x64 ; seta al),
                Cond::Ge | Cond::Le => dynasm!(e.ops ; .arch x64 ; setae al),
                Cond::Eq => dynasm!(e.ops ; .arch x64 ; sete al ; setnp cl ; and al, cl),
                Cond::Ne => dynasm!(e.ops ; .arch x64 ; setne al ; setp cl ; or al, cl),
            }
            dynasm!(e.ops ; .arch x64 ; movzx eax, al);
            e.store_rax(i);
        }
        Opcode::SameValue(a, b) => {
            emit_int_compare(e, Cond::Eq, a, b);
            dynasm!(e.ops ; .arch x64 ; sete al ; movzx eax, al);
            e.store_rax(i);
        }
        Opcode::BoolNot(a) => {
            e.load(RAX, a);
            dynasm!(e.ops ; .arch x64 ; xor rax, 1);
            e.store_rax(i);
        }
        Opcode::Call(Helper::FloatBinop, ref args)
            if e.alloc.is_some() && float_pow::is_pow(e, args[0]) =>
        {
            float_pow::emit_float_pow(e, i, args[1], args[2]);
        }
        Opcode::Call(Helper::RunLoop, ref args)
            if super::run_loop::emit_run_loop(e, i, args, t) => {}
        Opcode::Call(h, ref args) => {
            if matches!(h, Helper::Call | Helper::CallMethod) {
                if let Some(d) = direct_call::direct_call(e.trace, h, args, t) {
                    direct_call::emit_direct_call(e, i, inst, h, args, d, t);
                    return Ok(());
                }
            }
            if args.len() > 4 {
                return Err("helper with more than four arguments".into());
            }
            emit_helper_call(e, inst, h, args);
            if inst.snap.is_some() {
                let stub = e.stub(inst);
                let err_off = offset_of!(JitCtx, error_pending) as i32;
                dynasm!(e.ops ; .arch x64 ; cmp QWORD [r12 + err_off], 0 ; jne =>stub);
            }
            if inst.ty != Type::Void {
                e.store_rax(i);
            }
        }
        Opcode::LoopHeader => {
            let stub = e.stub(inst);
            let sp = t.safepoint;
            // The heap keeps its debt and threshold side by side: one address.
            let apart = (sp.threshold as i64).wrapping_sub(sp.debt as i64);
            let polls_debt = e.body.is_none() || e.body_polls_debt;
            match i32::try_from(apart) {
                _ if !polls_debt => {}
                Ok(apart) => dynasm!(e.ops
                    ; .arch x64
                    ; mov rcx, QWORD sp.debt as i64
                    ; mov rax, [rcx]
                    ; cmp rax, [rcx + apart]
                    ; jae =>stub
                ),
                Err(_) => dynasm!(e.ops
                    ; .arch x64
                    ; mov rax, QWORD sp.debt as i64
                    ; mov rax, [rax]
                    ; mov rcx, QWORD sp.threshold as i64
                    ; cmp rax, [rcx]
                    ; jae =>stub
                ),
            }
            if e.alloc.is_some() {
                // The flags are read every 64th pass, out of line. A peeled
                // body's header counts its passes down in a stack slot
                // (`Emitter::enter_body_countdown`); other headers test the
                // loop counter's low bits (a pass costs 4 instructions where
                // it cost 5, or 8 with the install flag under `full`).
                let (slow, back) = (e.ops.new_dynamic_label(), e.ops.new_dynamic_label());
                let countdown = e.countdown.filter(|_| e.body.is_some());
                match countdown {
                    Some(off) => dynasm!(e.ops
                        ; .arch x64
                        ; dec QWORD [rsp + off]
                        ; jz =>slow
                    ),
                    None => dynasm!(e.ops
                        ; .arch x64
                        ; mov rax, QWORD t.iterations as *const AtomicU64 as i64
                        ; inc QWORD [rax]
                        ; test BYTE [rax], POLL_FLAGS_EVERY as i8 - 1
                        ; jz =>slow
                    ),
                }
                dynasm!(e.ops
                    ; .arch x64
                    ; =>back
                );
                e.flag_polls.push(FlagPoll {
                    slow,
                    back,
                    stub,
                    countdown,
                });
                return Ok(());
            }
            dynasm!(e.ops
                ; .arch x64
                ; mov rax, QWORD sp.interrupt as i64
                ; cmp BYTE [rax], 0
                ; jne =>stub
            );
            if !sp.install_pending.is_null() {
                dynasm!(e.ops
                    ; .arch x64
                    ; mov rax, QWORD sp.install_pending as i64
                    ; cmp BYTE [rax], 0
                    ; jne =>stub
                );
            }
            dynasm!(e.ops
                ; .arch x64
                ; mov rax, QWORD t.iterations as *const AtomicU64 as i64
                ; inc QWORD [rax]
            );
        }
        // A phi's spill slot is written by the moves at the body's two edges.
        Opcode::Phi(..) => {}
        Opcode::LoopBack => match e.body {
            Some(body) => {
                e.phi_moves(true);
                if let Some(pin) = e.pinned {
                    e.establish_pinned(pin);
                }
                dynasm!(e.ops ; .arch x64 ; jmp =>body);
            }
            None => {
                let slot = t.loop_slot as *const AtomicUsize as i64;
                dynasm!(e.ops ; .arch x64 ; mov rcx, QWORD slot ; jmp QWORD [rcx]);
            }
        },
    }
    Ok(())
}

/// Where a tag guard at `i` on `v` may read `v`'s word in memory
/// (optimized traces): its spill slot (`rsp`, true), or the interpreter
/// slot it was just loaded from (`rbx`, false), when only instructions
/// that write no memory and keep `rbx` (constants, slot loads, other tag
/// guards) lie between the load and the guard; the byte offset of the word.
fn memory_tag_guard(e: &Emitter, i: Ref, v: Ref) -> Option<(bool, i32)> {
    let spilled = match e.loc(v) {
        // Raw traces: from the interpreter slot or a cache register
        // first, so that the spill slot need not be written for it.
        Loc::Spill(_) if e.alloc.is_none() && e.held_gpr(v).is_some() => None,
        Loc::Spill(s) => Some((true, 8 * s as i32)),
        _ => None,
    };
    if spilled.is_some() && e.alloc.is_some() {
        return spilled;
    }
    let Opcode::SlotLoad(s) = e.trace.insts[v as usize].op else {
        return spilled;
    };
    let quiet = e.trace.insts[v as usize + 1..i as usize]
        .iter()
        .all(|inst| {
            matches!(
                inst.op,
                Opcode::Const(_) | Opcode::ConstInt(_) | Opcode::SlotLoad(_) | Opcode::GuardTag(..)
            )
        });
    if quiet {
        Some((false, 8 * s))
    } else {
        spilled
    }
}

/// Calls helper `h` (at most four arguments) for `inst`: the arguments in
/// `rsi`, `rdx`, `rcx`, `r8` after the context in `rdi`, the inline depth
/// stored first (an exit the helper takes rebuilds that many frames), and
/// `rbx` reloaded after (a helper that runs Python may move the stack).
/// The result is in `rax`.
pub(super) fn emit_helper_call(e: &mut Emitter, inst: &Inst, h: Helper, args: &[Ref]) {
    for (k, &a) in args.iter().enumerate() {
        e.load([RSI, RDX, RCX, R8][k], a);
    }
    let f = h.address() as *const () as i64;
    let base_off = offset_of!(JitCtx, base) as i32;
    let depth = e.trace.origins[inst.origin as usize].depth as i32;
    let depth_off = offset_of!(JitCtx, inline_depth) as i32;
    dynasm!(e.ops
        ; .arch x64
        ; mov QWORD [r12 + depth_off], depth
        ; mov rdi, r12
        ; mov rax, QWORD f
        ; call rax
        ; mov rbx, [r12 + base_off]
    );
}
