//! Builds what mend links besides Rust: the analysis lexicons and the feelings vocabulary
//! (build/lexicons.rs), the safety lexicon (build/safety_lexicon.rs), the learned readers'
//! weights (build/linear_models.rs), and on Linux the way SQLCipher reaches libcrypto.
//!
//! SQLCipher needs OpenSSL's libcrypto, but only for a journal that is keyed. Linked as a shared
//! library, the dynamic loader maps it, relocates it and binds its symbols at every start of
//! every command, encrypted journal or not; linked statically, its tables are relocated at
//! every start instead (measured, most of mend's start-up either way: see BENCHMARKS.md). So
//! `src/store/lazy_crypto.c` is compiled into an archive named `libcrypto.a`: SQLCipher's build
//! asks for `-lcrypto`, and the linker takes the first `libcrypto` it finds, so a folder holding
//! only that archive, searched before the system's, is enough. It opens the system's libcrypto
//! the first time a key is set, and never for a plain journal; being the system's shared
//! library, it follows the system's security updates. `MEND_DYNAMIC_CRYPTO=1` links libcrypto
//! as an ordinary shared library instead; the `vendored-openssl` feature links the OpenSSL it
//! builds, statically.

use std::env;
use std::fs;
use std::path::PathBuf;

// The tokeniser and negators mend reads text with, and the compilers of its word tables, so
// that the lexicons are compiled by the very rules the analysis reads by. The build uses the
// compilers, not the look-ups.
#[allow(dead_code)]
#[path = "src/analysis"]
mod analysis {
    pub mod negators;
    pub mod table;
    pub mod terms;
    pub mod tokens;
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=MEND_DYNAMIC_CRYPTO");
    println!("cargo::rustc-check-cfg=cfg(mend_lazy_crypto)");
    include!("build/lexicons.rs");
    include!("build/safety_lexicon.rs");
    include!("build/linear_models.rs");
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
    let dir = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("crypto");
    let _ = fs::create_dir_all(&dir);
    println!("cargo:rerun-if-changed=src/store/lazy_crypto.c");
    cc::Build::new()
        .file("src/store/lazy_crypto.c")
        .out_dir(&dir)
        .cargo_metadata(false)
        .warnings(true)
        .compile("crypto");
    println!("cargo:rustc-link-search=native={}", dir.display());
    println!("cargo:rustc-cfg=mend_lazy_crypto");
}
