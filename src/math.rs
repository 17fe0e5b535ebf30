//! `exp`, `log` and `pow` for the whole program (Rust's `f64::exp`, `ln` and `powf`, and
//! SQLite's math functions), from the `libm` crate instead of the system's libm.
//!
//! These three are all mend takes from libm, and linking the system's libm for them made the
//! dynamic loader map, relocate and search one shared library more at every start of every
//! command (see BENCHMARKS.md, "Start-up"). Defined here, the linker finds them in mend itself
//! and leaves libm out. The `libm` crate is a port of musl's, accurate to within an ulp.

/// e raised to `x`.
#[unsafe(no_mangle)]
pub extern "C" fn exp(x: f64) -> f64 {
    libm::exp(x)
}

/// The natural logarithm of `x`.
#[unsafe(no_mangle)]
pub extern "C" fn log(x: f64) -> f64 {
    libm::log(x)
}

/// `x` raised to `y`.
#[unsafe(no_mangle)]
pub extern "C" fn pow(x: f64, y: f64) -> f64 {
    libm::pow(x, y)
}

#[cfg(test)]
mod tests {
    /// Within a few ulps of the exact values, and through the methods the rest of mend uses
    /// (which now reach the functions above).
    #[test]
    fn the_math_functions_are_right() {
        let close = |a: f64, b: f64| (a - b).abs() <= 4.0 * f64::EPSILON * b.abs().max(1.0);
        assert!(close(1f64.exp(), std::f64::consts::E));
        assert!(close(std::f64::consts::E.ln(), 1.0));
        assert!(close(10f64.ln(), std::f64::consts::LN_10));
        assert!(close(2f64.powf(0.5), std::f64::consts::SQRT_2));
        assert!(close(3f64.powf(4.0), 81.0));
        assert_eq!(0f64.exp(), 1.0);
        assert_eq!(1f64.ln(), 0.0);
        assert!((-1f64).ln().is_nan());
        assert_eq!(0f64.ln(), f64::NEG_INFINITY);
        assert!(close(super::exp(-2.5), (-2.5f64).exp()));
        assert!(close(super::pow(9.0, 0.5), 3.0));
    }
}
