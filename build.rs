//! Links the system's libcrypto statically when its archive is installed (Debian's libssl-dev
//! ships `libcrypto.a`). SQLCipher needs libcrypto, and as a shared library the dynamic loader
//! binds its symbols afresh at every start of every command, encrypted journal or not: measured,
//! that was most of mend's start-up (see BENCHMARKS.md). Linked statically, only the parts
//! SQLCipher uses are in the binary and nothing is bound at start.
//!
//! SQLCipher's build asks for `-lcrypto`; the linker takes the first `libcrypto` it finds, so a
//! folder holding only the archive, searched before the system's, is enough. Set
//! `MEND_DYNAMIC_CRYPTO=1` to link the shared library instead (e.g. to follow the system's
//! security updates of OpenSSL without rebuilding mend).

use std::env;
use std::fs;
use std::path::PathBuf;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=MEND_DYNAMIC_CRYPTO");
    include!("build/safety_lexicon.rs");
    let encryption = env::var_os("CARGO_FEATURE_ENCRYPTION").is_some();
    // The vendored OpenSSL is static already.
    let vendored = env::var_os("CARGO_FEATURE_VENDORED_OPENSSL").is_some();
    let linux = env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "linux");
    if linux {
        // Relative relocations packed (DT_RELR): the loader applies tens of thousands of them
        // at every start, and packed they are read from a few pages instead of a megabyte. The
        // linker only packs them when the C library supports it, so this is safe everywhere.
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
    if !encryption || vendored || !linux || env::var_os("MEND_DYNAMIC_CRYPTO").is_some() {
        return;
    }
    let Some(archive) = static_libcrypto() else {
        println!("cargo:warning=no libcrypto.a found: libcrypto is linked as a shared library");
        return;
    };
    let dir = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("crypto");
    let link = dir.join("libcrypto.a");
    let _ = fs::create_dir_all(&dir);
    let _ = fs::remove_file(&link);
    if std::os::unix::fs::symlink(&archive, &link).is_err() {
        return;
    }
    println!("cargo:rerun-if-changed={}", archive.display());
    println!("cargo:rustc-link-search=native={}", dir.display());
}

/// The archive the C compiler would link, if it has one (it prints the bare name if not).
fn static_libcrypto() -> Option<PathBuf> {
    let cc = env::var("CC").unwrap_or_else(|_| "cc".into());
    let out = Command::new(cc)
        .arg("-print-file-name=libcrypto.a")
        .output()
        .ok()?;
    let path = PathBuf::from(String::from_utf8(out.stdout).ok()?.trim());
    let path = path.canonicalize().ok()?;
    path.is_absolute().then_some(path)
}
