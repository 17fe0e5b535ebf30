//! Where SQLCipher takes its random bytes: straight from the kernel (`getrandom`), not from
//! OpenSSL.
//!
//! SQLCipher draws random bytes the first time SQLite starts, for every journal, encrypted or
//! not, and through OpenSSL that means initialising OpenSSL's random generator, its providers
//! and its configuration file: measured, about 8 million instructions, more than half of what a
//! `mend list` does on a plain journal (see BENCHMARKS.md). With this, OpenSSL starts only when
//! a journal is actually keyed. The kernel's generator is the one OpenSSL seeds itself from, so
//! salts and page IVs are as unpredictable as before.
//!
//! SQLCipher lets a program register its own crypto provider before SQLite starts. This one is
//! SQLCipher's own OpenSSL provider, filled in by SQLCipher itself, with only `random`
//! replaced. The provider's layout is SQLCipher's `struct sqlcipher_provider` (the version is
//! pinned by Cargo.lock); the encryption tests open, convert and re-key journals through it.

use std::ffi::{c_int, c_void};
use std::sync::Once;

use rusqlite::ffi;

/// SQLCipher's `struct sqlcipher_provider`: nineteen function pointers, then the list link.
/// Only `random` is read or written here; the others are set by `sqlcipher_openssl_setup`.
#[repr(C)]
struct Provider {
    init: *const c_void,
    shutdown: *const c_void,
    get_provider_name: *const c_void,
    add_random: *const c_void,
    random: Option<unsafe extern "C" fn(*mut c_void, *mut c_void, c_int) -> c_int>,
    others: [*const c_void; 14],
    next: *mut Provider,
}

unsafe extern "C" {
    fn sqlcipher_openssl_setup(provider: *mut Provider) -> c_int;
    fn sqlcipher_register_provider(provider: *mut Provider) -> c_int;
}

/// Fills `buffer` from the kernel's generator; SQLITE_ERROR if it cannot.
unsafe extern "C" fn kernel_random(_ctx: *mut c_void, buffer: *mut c_void, length: c_int) -> c_int {
    let Ok(length) = usize::try_from(length) else {
        return ffi::SQLITE_ERROR;
    };
    if buffer.is_null() {
        return if length == 0 {
            ffi::SQLITE_OK
        } else {
            ffi::SQLITE_ERROR
        };
    }
    // SAFETY: SQLCipher passes a buffer of `length` writable bytes.
    let out = unsafe { std::slice::from_raw_parts_mut(buffer.cast::<u8>(), length) };
    let mut filled = 0;
    while filled < out.len() {
        match rustix::rand::getrandom(&mut out[filled..], rustix::rand::GetRandomFlags::empty()) {
            Ok(n) => filled += n,
            Err(rustix::io::Errno::INTR) => continue,
            Err(_) => return ffi::SQLITE_ERROR,
        }
    }
    ffi::SQLITE_OK
}

/// Registers the provider, once, before SQLite first starts. Called from `main` before any
/// journal is opened; if SQLite has started already, SQLCipher keeps its own provider.
pub fn install() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // SAFETY: before SQLite starts (nothing has opened a connection yet), SQLite's
        // allocator is asked for; SQLCipher frees its providers with `sqlite3_free` when SQLite
        // shuts down, so the provider must come from that allocator, without starting SQLite
        // (as `sqlite3_malloc` would). The struct is filled by SQLCipher's own setup.
        unsafe {
            let mut methods: ffi::sqlite3_mem_methods = std::mem::zeroed();
            if ffi::sqlite3_config(ffi::SQLITE_CONFIG_GETMALLOC, &mut methods as *mut _)
                != ffi::SQLITE_OK
            {
                return;
            }
            let Some(malloc) = methods.xMalloc else {
                return;
            };
            let size = std::mem::size_of::<Provider>();
            let provider = malloc(size as c_int).cast::<Provider>();
            if provider.is_null() {
                return;
            }
            std::ptr::write_bytes(provider.cast::<u8>(), 0, size);
            if sqlcipher_openssl_setup(provider) != ffi::SQLITE_OK {
                return;
            }
            (*provider).random = Some(kernel_random);
            sqlcipher_register_provider(provider);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kernel_random_fills_the_buffer() {
        let mut a = [0u8; 64];
        let mut b = [0u8; 64];
        unsafe {
            assert_eq!(
                kernel_random(std::ptr::null_mut(), a.as_mut_ptr().cast(), 64),
                ffi::SQLITE_OK
            );
            assert_eq!(
                kernel_random(std::ptr::null_mut(), b.as_mut_ptr().cast(), 64),
                ffi::SQLITE_OK
            );
        }
        assert_ne!(a, [0u8; 64]);
        assert_ne!(a, b);
    }

    #[test]
    fn the_provider_has_sqlciphers_layout() {
        // Nineteen function pointers and the link, as in SQLCipher's sqlite3.c.
        assert_eq!(
            std::mem::size_of::<Provider>(),
            20 * std::mem::size_of::<usize>()
        );
        assert_eq!(
            std::mem::offset_of!(Provider, random),
            4 * std::mem::size_of::<usize>()
        );
    }
}
