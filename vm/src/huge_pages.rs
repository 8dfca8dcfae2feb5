//! Transparent huge pages for the heap only once the process is big.
//!
//! mimalloc advises its 1 GiB arena `MADV_HUGEPAGE` when it maps it, so
//! (the system setting being `madvise`) every 2 MiB of it a program
//! touches is one huge page, zeroed whole at the first touch. Tern's heap
//! is sparse in 2 MiB pages: an empty program touched 5 huge pages for
//! less than 1 MB of data, queens 9 (18 MB) for 5.7 MB, and a huge-page
//! fault costs ~0.25 ms, but on this host about 1 in 8 far more. Without
//! huge pages at all (`MIMALLOC_ALLOW_THP=0`), small programs touch half
//! the memory, but dicts.py (a 95 MB heap) pays ~15 ms more in 4 KiB
//! faults. So the process starts without them: a constructor in
//! `.init_array` turns mimalloc's `allow_thp` option off before anything
//! allocates. It runs before mimalloc initialises, so mimalloc maps its
//! arena without the advice and also disables huge pages for the process
//! (`PR_SET_THP_DISABLE`). After each collection, once the process's peak
//! RSS has reached [`HUGE_FROM_RSS_KB`], [`after_collection`] clears that
//! flag, turns the option back on (for any arena mimalloc maps later) and
//! advises the arena's mapping `MADV_HUGEPAGE`: the heap's later growth is
//! in huge pages again. `MIMALLOC_ALLOW_THP` in the environment still
//! decides, when set.
//!
//! Measured (`--jit=raw`, `/usr/bin/time -f '%M KB %R flt'`), peak RSS
//! before -> after: empty program 16.4 -> 6.6 MB, class_patch 17.1 -> 7.7,
//! queens 25.4 -> 12.7, json_parse 32.1 -> 21.3, trees 33.6 -> 21.5,
//! strings 45.6 -> 35.6, dicts 94.9 -> 84.8 (its growth past 32 MB is in
//! huge pages again: 11.1 K faults, against 18.0 K without them).
//! Start-up of an empty program (40 interleaved runs): median 6.4 ->
//! 3.9 ms, min 3.5 -> 2.4 ms. Over the 17 bench programs (9 interleaved
//! runs each, a loaded machine) the geomean of raw's wall time went
//! 171.3 -> 156.8 ms by medians, 131.0 -> 123.6 ms by minimums; dicts,
//! the program that pays most for 4 KiB faults, 337 -> 253 ms (median).

use std::ffi::{c_long, c_void};
use std::sync::atomic::{AtomicBool, Ordering};

// mimalloc's option functions (in the library the `mimalloc` crate links).
extern "C" {
    fn mi_option_set(option: i32, value: c_long);
    #[cfg(test)]
    fn mi_option_get(option: i32) -> c_long;
    fn mi_malloc(size: usize) -> *mut c_void;
    fn mi_free(p: *mut c_void);
}

/// `mi_option_allow_thp` in mimalloc 3.3.2 (libmimalloc-sys 0.1.49,
/// pinned in Cargo.lock): the position in `mi_option_e`, `include/mimalloc.h`.
const MI_OPTION_ALLOW_THP: i32 = 43;

/// Peak resident memory (KiB) from which the heap gets huge pages.
const HUGE_FROM_RSS_KB: usize = 32 << 10;

/// The arena has been advised `MADV_HUGEPAGE` (or the environment decided).
static HUGE: AtomicBool = AtomicBool::new(false);

/// Runs at start-up, before `main` (see the module doc).
#[used]
#[link_section = ".init_array.00200"]
static START_WITHOUT_HUGE_PAGES: extern "C" fn() = start_without_huge_pages;

extern "C" fn start_without_huge_pages() {
    if std::env::var_os("MIMALLOC_ALLOW_THP").is_some() {
        HUGE.store(true, Ordering::Relaxed);
        return;
    }
    // SAFETY: setting an option is a plain store into mimalloc's table.
    unsafe { mi_option_set(MI_OPTION_ALLOW_THP, 0) };
}

/// The collector's hook, after each collection on the main thread: once
/// the process has touched [`HUGE_FROM_RSS_KB`], the heap gets huge pages.
#[inline]
pub fn after_collection() {
    if !HUGE.load(Ordering::Relaxed) && peak_rss_kb() >= HUGE_FROM_RSS_KB {
        HUGE.store(true, Ordering::Relaxed);
        allow_huge_pages();
    }
}

/// The most memory the process has had resident, in KiB.
fn peak_rss_kb() -> usize {
    // SAFETY: `getrusage` writes only the struct it is given.
    unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        if libc::getrusage(libc::RUSAGE_SELF, &mut usage) != 0 {
            return 0;
        }
        usage.ru_maxrss.max(0) as usize
    }
}

/// Advises the mapping that holds the calling thread's small blocks (the
/// arena) `MADV_HUGEPAGE`, and lets mimalloc advise the arenas it maps
/// from now on.
#[cold]
fn allow_huge_pages() {
    // SAFETY: the prctl changes only the process's THP flag; a plain store
    // into mimalloc's option table; the probe block
    // is freed at once and only its address is used.
    let probe = unsafe {
        // mimalloc, seeing the option off when it initialised, also
        // disabled huge pages for the whole process (`PR_SET_THP_DISABLE`),
        // which would override the advice.
        libc::prctl(libc::PR_SET_THP_DISABLE, 0, 0, 0, 0);
        mi_option_set(MI_OPTION_ALLOW_THP, 1);
        let p = mi_malloc(16);
        mi_free(p);
        p as usize
    };
    if let Some((start, end)) = mapping_containing(probe) {
        // SAFETY: advice on a mapping mimalloc owns; it changes no contents.
        unsafe { libc::madvise(start as *mut c_void, end - start, libc::MADV_HUGEPAGE) };
    }
}

/// The bounds of the mapping of this process that contains `addr`.
fn mapping_containing(addr: usize) -> Option<(usize, usize)> {
    let maps = std::fs::read_to_string("/proc/self/maps").ok()?;
    maps.lines().find_map(|line| {
        let range = line.split_whitespace().next()?;
        let (a, b) = range.split_once('-')?;
        let start = usize::from_str_radix(a, 16).ok()?;
        let end = usize::from_str_radix(b, 16).ok()?;
        (start..end).contains(&addr).then_some((start, end))
    })
}

/// Does mimalloc map new memory with huge-page advice now?
#[cfg(test)]
fn mimalloc_allows_huge_pages() -> bool {
    // SAFETY: reads mimalloc's option table.
    unsafe { mi_option_get(MI_OPTION_ALLOW_THP) != 0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The VmFlags of the mapping containing `addr` (`/proc/self/smaps`).
    fn vm_flags(addr: usize) -> String {
        let smaps = std::fs::read_to_string("/proc/self/smaps").unwrap();
        let mut inside = false;
        for line in smaps.lines() {
            if let Some(range) = line.split_whitespace().next().filter(|r| r.contains('-')) {
                if let Some((a, b)) = range.split_once('-') {
                    if let (Ok(s), Ok(e)) =
                        (usize::from_str_radix(a, 16), usize::from_str_radix(b, 16))
                    {
                        inside = (s..e).contains(&addr);
                        continue;
                    }
                }
            }
            if inside {
                if let Some(flags) = line.strip_prefix("VmFlags:") {
                    return flags.to_string();
                }
            }
        }
        panic!("no mapping holds {addr:#x}");
    }

    #[test]
    fn the_heap_starts_without_huge_pages_and_gets_them_once_the_process_is_big() {
        if std::env::var_os("MIMALLOC_ALLOW_THP").is_some() {
            return;
        }
        let block = Box::new(7u64);
        let addr = &*block as *const u64 as usize;
        // Unless another test in this process already grew it past the mark.
        if !HUGE.load(Ordering::Relaxed) {
            assert!(!mimalloc_allows_huge_pages());
            assert!(!vm_flags(addr).contains(" hg"), "{}", vm_flags(addr));
        }
        let big = vec![1u8; HUGE_FROM_RSS_KB << 10];
        assert!(peak_rss_kb() >= HUGE_FROM_RSS_KB);
        after_collection();
        drop(big);
        assert!(mimalloc_allows_huge_pages());
        assert!(vm_flags(addr).contains(" hg"), "{}", vm_flags(addr));
    }
}
