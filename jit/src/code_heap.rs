//! Executable memory for traces: one shared-memory file mapped once, read +
//! execute, for the whole run; a trace's bytes are written into the file
//! with `pwrite`, never through a writable mapping.
//!
//! Why: mapping and protecting pages per trace (`mmap`, `mprotect`,
//! `munmap`) takes the process's memory-map lock and, once the worker
//! thread runs on the other CPU, interrupts that CPU to flush its TLB. On a
//! shared virtual machine the main thread then waited milliseconds inside a
//! raw compile (issue 4's pause target). Writing through the file descriptor
//! changes no mapping at all: placing a trace is one system call that the
//! worker cannot slow down, and memory is still never writable and
//! executable at once (no page of the process is ever writable here: W^X).
//!
//! Freed code returns its range to a free list and later traces reuse it
//! (the range is no longer reachable: see `tier_swap.rs`). Where the file
//! cannot be made (no `memfd_create`, exec-mapping refused) or is full,
//! code goes to fresh anonymous pages as before (`mmap` + `mprotect`).

use dynasmrt::mmap::MutableBuffer;
use dynasmrt::{AssemblyOffset, ExecutableBuffer};
use std::collections::BTreeMap;
use std::sync::{Mutex, OnceLock};

/// Bytes of address space the code file is mapped over (only written
/// ranges use memory).
const HEAP_BYTES: usize = 256 << 20;

/// Code blocks start at cache-line boundaries.
const BLOCK_ALIGN: usize = 64;

// ---- Placed code

/// One trace's machine code in executable memory. Dropping it frees the
/// memory (the caller guarantees no code runs in it any more).
pub struct CodeBlock {
    /// First byte of the code.
    start: *const u8,
    /// Length of the code in bytes.
    len: usize,
    /// Where the bytes live.
    home: Home,
}

enum Home {
    /// `reserved` bytes at `offset` in the shared code file.
    File { offset: usize, reserved: usize },
    /// Pages of their own (the fallback).
    Pages(#[allow(dead_code)] ExecutableBuffer),
}

// SAFETY: a CodeBlock is an address range plus ownership of it; the bytes
// are immutable while it lives and the free list it returns to is behind a
// mutex, so it may be dropped on any thread (the worker frees code).
unsafe impl Send for CodeBlock {}
// SAFETY: shared access only reads the address and length.
unsafe impl Sync for CodeBlock {}

impl CodeBlock {
    /// Copies `bytes` (position-independent code) into executable memory.
    pub fn place(bytes: &[u8]) -> Result<CodeBlock, String> {
        if let Some(heap) = code_file() {
            if let Some(block) = heap.place(bytes) {
                return Ok(block);
            }
        }
        let pages = anonymous_copy(bytes)?;
        Ok(CodeBlock {
            start: pages.ptr(AssemblyOffset(0)),
            len: bytes.len(),
            home: Home::Pages(pages),
        })
    }

    /// The address of the instruction at `offset`.
    pub fn ptr(&self, offset: AssemblyOffset) -> *const u8 {
        debug_assert!(offset.0 <= self.len);
        self.start.wrapping_add(offset.0)
    }

    /// Length of the code in bytes.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Never true for placed code (the assembler emits at least a jump).
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The code's bytes, as executable memory holds them.
    pub fn bytes(&self) -> &[u8] {
        // SAFETY: `start..start + len` is mapped readable for as long as the
        // block lives and nothing writes it meanwhile.
        unsafe { std::slice::from_raw_parts(self.start, self.len) }
    }

    /// The code lives in the shared code file (not fallback pages).
    pub fn in_code_file(&self) -> bool {
        matches!(self.home, Home::File { .. })
    }
}

impl Drop for CodeBlock {
    fn drop(&mut self) {
        if let Home::File { offset, reserved } = self.home {
            if let Some(heap) = code_file() {
                heap.release(offset, reserved);
            }
        }
    }
}

/// `bytes` in fresh read + execute pages: one `mmap`, one `mprotect`.
fn anonymous_copy(bytes: &[u8]) -> Result<ExecutableBuffer, String> {
    let mut buffer = MutableBuffer::new(bytes.len()).map_err(|e| format!("code memory: {e}"))?;
    buffer.set_len(bytes.len());
    buffer.copy_from_slice(bytes);
    buffer.make_exec().map_err(|e| format!("code memory: {e}"))
}

// ---- The shared code file

/// The code file, its read + execute mapping and which ranges are in use.
struct CodeFile {
    fd: i32,
    base: *const u8,
    ranges: Mutex<Ranges>,
}

// SAFETY: `fd` and `base` never change after creation; the mutable part is
// behind the mutex.
unsafe impl Send for CodeFile {}
// SAFETY: as above.
unsafe impl Sync for CodeFile {}

/// Free ranges of the file, first fit, coalesced on release.
#[derive(Default)]
struct Ranges {
    /// offset -> length of each free range below `top`.
    free: BTreeMap<usize, usize>,
    /// Everything from here to `HEAP_BYTES` has never been used.
    top: usize,
}

impl Ranges {
    fn take(&mut self, want: usize) -> Option<usize> {
        let found = self
            .free
            .iter()
            .find(|(_, &len)| len >= want)
            .map(|(&off, &len)| (off, len));
        if let Some((off, len)) = found {
            self.free.remove(&off);
            if len > want {
                self.free.insert(off + want, len - want);
            }
            return Some(off);
        }
        if HEAP_BYTES - self.top < want {
            return None;
        }
        self.top += want;
        Some(self.top - want)
    }

    fn give_back(&mut self, mut off: usize, mut len: usize) {
        if let Some((&prev, &prev_len)) = self.free.range(..off).next_back() {
            if prev + prev_len == off {
                self.free.remove(&prev);
                off = prev;
                len += prev_len;
            }
        }
        if let Some(next_len) = self.free.remove(&(off + len)) {
            len += next_len;
        }
        if off + len == self.top {
            self.top = off;
        } else {
            self.free.insert(off, len);
        }
    }
}

/// The process's code file, made on first use (None where it cannot be).
fn code_file() -> Option<&'static CodeFile> {
    static FILE: OnceLock<Option<CodeFile>> = OnceLock::new();
    FILE.get_or_init(CodeFile::create).as_ref()
}

impl CodeFile {
    #[cfg(target_os = "linux")]
    fn create() -> Option<CodeFile> {
        if std::env::var_os("TERN_JIT_CODE_PAGES").is_some() {
            return None; // debug switch: the fallback, for comparison
        }
        // SAFETY: memfd_create reads the NUL-terminated name; the fd is owned
        // here and closed on every failure path.
        let fd = unsafe { libc::memfd_create(c"tern-jit-code".as_ptr(), libc::MFD_CLOEXEC) };
        if fd < 0 {
            return None;
        }
        // SAFETY: `fd` is ours; ftruncate sizes the (sparse) file, and the
        // mapping is read + execute only, shared so it shows later writes.
        let base = unsafe {
            if libc::ftruncate(fd, HEAP_BYTES as libc::off_t) != 0 {
                libc::close(fd);
                return None;
            }
            let base = libc::mmap(
                std::ptr::null_mut(),
                HEAP_BYTES,
                libc::PROT_READ | libc::PROT_EXEC,
                libc::MAP_SHARED,
                fd,
                0,
            );
            if base == libc::MAP_FAILED {
                libc::close(fd);
                return None;
            }
            base as *const u8
        };
        Some(CodeFile {
            fd,
            base,
            ranges: Mutex::new(Ranges::default()),
        })
    }

    #[cfg(not(target_os = "linux"))]
    fn create() -> Option<CodeFile> {
        None
    }

    /// Writes `bytes` into a free range; None when the file is full or the
    /// write fails (the caller falls back to pages of their own).
    fn place(&'static self, bytes: &[u8]) -> Option<CodeBlock> {
        let reserved = bytes.len().max(1).next_multiple_of(BLOCK_ALIGN);
        let offset = self.lock().take(reserved)?;
        if !self.write_at(bytes, offset) {
            self.release(offset, reserved);
            return None;
        }
        let start = self.base.wrapping_add(offset);
        // The range may have held other code: a binary translator running
        // us (valgrind, for callgrind counts) must forget its translations,
        // since it cannot see writes made through the file.
        discard_translations(start, reserved);
        Some(CodeBlock {
            start,
            len: bytes.len(),
            home: Home::File { offset, reserved },
        })
    }

    #[cfg(target_os = "linux")]
    fn write_at(&self, bytes: &[u8], offset: usize) -> bool {
        let mut done = 0;
        while done < bytes.len() {
            let rest = &bytes[done..];
            // SAFETY: writes `rest` (a live slice) into our own file; the
            // range is reserved for this block, so no live code changes.
            let n = unsafe {
                libc::pwrite(
                    self.fd,
                    rest.as_ptr().cast(),
                    rest.len(),
                    (offset + done) as libc::off_t,
                )
            };
            if n > 0 {
                done += n as usize;
            } else if n < 0
                && std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted
            {
                continue;
            } else {
                return false;
            }
        }
        true
    }

    #[cfg(not(target_os = "linux"))]
    fn write_at(&self, _bytes: &[u8], _offset: usize) -> bool {
        false
    }

    fn release(&self, offset: usize, reserved: usize) {
        self.lock().give_back(offset, reserved);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Ranges> {
        // A panic while holding the lock leaves the ranges consistent (each
        // method finishes its map updates before anything can panic).
        self.ranges.lock().unwrap_or_else(|e| e.into_inner())
    }
}

// ---- Telling valgrind

/// Valgrind's client request asking it to drop cached translations of
/// `[start, start + len)` (`VALGRIND_DISCARD_TRANSLATIONS` in valgrind.h,
/// as LuaJIT's `lj_mcode.c` uses it). Natively the magic sequence does
/// nothing: the four rotations of `rdi` add up to 128 bits, and
/// `xchg rbx, rbx` swaps a register with itself.
#[cfg(target_arch = "x86_64")]
fn discard_translations(start: *const u8, len: usize) {
    const DISCARD_TRANSLATIONS: u64 = 0x1002;
    let request: [u64; 6] = [DISCARD_TRANSLATIONS, start as u64, len as u64, 0, 0, 0];
    // SAFETY: the sequence changes no register (rdi is rotated back to its
    // value, rdx is declared as an output) and reads `request` only under
    // valgrind, which reads the six words `rax` points at.
    unsafe {
        std::arch::asm!(
            "rol rdi, 3",
            "rol rdi, 13",
            "rol rdi, 61",
            "rol rdi, 51",
            "xchg rbx, rbx",
            in("rax") request.as_ptr(),
            inout("rdx") 0u64 => _,
            inout("rdi") 0u64 => _,
            options(nostack, preserves_flags),
        );
    }
}

#[cfg(not(target_arch = "x86_64"))]
fn discard_translations(_start: *const u8, _len: usize) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placed_bytes_read_back_and_ranges_are_reused() {
        let a = CodeBlock::place(&[0xc3; 100]).expect("placed");
        let b = CodeBlock::place(&[0x90, 0xc3]).expect("placed");
        assert_eq!(a.bytes(), &[0xc3; 100][..]);
        assert_eq!(b.bytes(), &[0x90, 0xc3]);
        assert_eq!(b.ptr(AssemblyOffset(1)), b.bytes()[1..].as_ptr());
        if a.in_code_file() {
            drop(a);
            // Tests run in parallel, so another block may take the range
            // first; what must hold is that the new bytes are what we wrote.
            let c = CodeBlock::place(&[0xcc; 64]).expect("placed");
            assert_eq!(c.bytes(), &[0xcc; 64][..]);
            assert!(c.in_code_file());
        }
    }

    #[test]
    fn placed_code_runs() {
        // mov eax, 42 ; ret
        let block = CodeBlock::place(&[0xb8, 42, 0, 0, 0, 0xc3]).expect("placed");
        // SAFETY: the block holds a complete sysv64 function returning i32.
        let f: extern "sysv64" fn() -> i32 =
            unsafe { std::mem::transmute(block.ptr(AssemblyOffset(0))) };
        assert_eq!(f(), 42);
    }

    #[test]
    fn ranges_first_fit_and_coalesce() {
        let mut r = Ranges::default();
        let a = r.take(64).unwrap();
        let b = r.take(128).unwrap();
        let c = r.take(64).unwrap();
        assert_eq!((a, b, c), (0, 64, 192));
        r.give_back(a, 64);
        r.give_back(b, 128);
        assert_eq!(r.free.get(&0), Some(&192));
        assert_eq!(r.take(128), Some(0));
        r.give_back(c, 64);
        r.give_back(0, 128);
        assert!(r.free.is_empty());
        assert_eq!(r.top, 0);
        assert_eq!(r.take(HEAP_BYTES + 64), None);
    }
}
