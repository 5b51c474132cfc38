#ifndef FMA_PEAK_H
#define FMA_PEAK_H

/// The widest fused multiply-add this CPU runs on 32-bit floats, in lanes:
/// 16 (AVX-512), 8 (AVX2 with FMA) or 0 (none).
int fma_peak_lanes(void);

/// Runs `rounds` rounds of twelve independent FMA chains of `fma_peak_lanes()`
/// lanes each on the calling thread; returns a value that depends on every
/// chain, so that no compiler can drop them. FLOPs: rounds × 12 × lanes × 2.
float fma_peak_run(long rounds);

#endif
