//! Whether the calling thread has native stack left for compiled code (and
//! for compiling source without a thread of its own).
//!
//! Compiled code runs on the native stack behind a large spill frame (the
//! trampoline reserves ~27 KB per entry), and a call from compiled code
//! runs the callee in a nested interpreter loop, so a deep recursion whose
//! every level runs a compiled loop nests all of that natively: 25,000
//! levels overflowed the interpreter thread's 256 MB stack (a segfault under
//! `--jit=raw`). Past [`RESERVE_BYTES`] from the stack's end, loops are not
//! entered any more and run in the interpreter, which the recursion limit
//! keeps within the stack.

/// Native stack kept free below the last compiled-code entry.
const RESERVE_BYTES: usize = 16 << 20;

/// The lowest stack address of the calling thread at which compiled code
/// may still be entered (1 where the stack's bounds cannot be read). An
/// interpreter reads it once and keeps it: it never changes threads.
pub fn floor() -> usize {
    stack_floor().unwrap_or(1)
}

/// Is there room on the calling thread's native stack, whose [`floor`] is
/// `floor`, to enter compiled code?
#[inline]
pub fn has_room_above(floor: usize) -> bool {
    let marker = 0u8;
    let here = std::hint::black_box(&marker) as *const u8 as usize;
    here > floor
}

/// Has the calling thread `bytes` of native stack left (false where the
/// stack's bounds cannot be read)?
pub fn has_bytes_left(bytes: usize) -> bool {
    let marker = 0u8;
    let here = std::hint::black_box(&marker) as *const u8 as usize;
    stack_bounds().is_some_and(|(low, _)| here.saturating_sub(low) >= bytes)
}

/// Parses and compiles `source` on the calling thread when its stack has
/// room for the deepest source, else on helper threads with large stacks
/// (an import deep in a recursion). The interpreter thread's stack is
/// large, so a program's own file is compiled without starting threads.
pub fn compile_source(
    source: &str,
    filename: &str,
    mode: frontend::compiler::Mode,
) -> Result<std::rc::Rc<frontend::bytecode::Code>, frontend::CompileError> {
    use frontend::compiler;
    if has_bytes_left(compiler::STACK_BYTES_TO_COMPILE_HERE) {
        compiler::compile_source_on_this_thread(source, filename, mode)
    } else {
        compiler::compile_source(source, filename, mode)
    }
}

/// The calling thread's stack end plus the reserve.
fn stack_floor() -> Option<usize> {
    let (low, size) = stack_bounds()?;
    // A thread with less stack than the reserve keeps a quarter of it.
    let reserve = RESERVE_BYTES.min(size / 4);
    Some(low + reserve)
}

/// The calling thread's lowest stack address and the stack's size.
#[cfg(target_os = "linux")]
fn stack_bounds() -> Option<(usize, usize)> {
    // SAFETY: the attribute object is initialised by pthread_getattr_np
    // before it is read and destroyed afterwards; the out-pointers are locals.
    unsafe {
        let mut attr: libc::pthread_attr_t = std::mem::zeroed();
        if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) != 0 {
            return None;
        }
        let mut low: *mut libc::c_void = std::ptr::null_mut();
        let mut size: libc::size_t = 0;
        let got = libc::pthread_attr_getstack(&attr, &mut low, &mut size);
        libc::pthread_attr_destroy(&mut attr);
        if got != 0 || low.is_null() {
            return None;
        }
        Some((low as usize, size))
    }
}

#[cfg(not(target_os = "linux"))]
fn stack_bounds() -> Option<(usize, usize)> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fresh_thread_has_room_and_a_nearly_full_one_has_not() {
        std::thread::Builder::new()
            .stack_size(4 << 20)
            .spawn(|| {
                let floor = floor();
                assert!(has_room_above(floor));
                // Recurse until the check says no: that must happen before
                // the stack overflows (a quarter of 4 MB stays free).
                fn depth(n: usize, floor: usize) -> usize {
                    let pad = [n as u8; 512];
                    if !has_room_above(floor) {
                        return n;
                    }
                    std::hint::black_box(&pad);
                    depth(n + 1, floor) + std::hint::black_box(0)
                }
                assert!(depth(0, floor) > 100);
            })
            .unwrap()
            .join()
            .unwrap();
    }
}
