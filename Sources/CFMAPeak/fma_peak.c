// The CPU's FP32 fused multiply-add peak, for `study bench` to report its
// GFLOP/s against. Written in C because Swift has no per-function target
// attributes: each loop is compiled for its instruction set and chosen at
// run time by the CPU's flags, so the binary still runs on any x86-64-v3 CPU.
#include "fma_peak.h"
#include <immintrin.h>

int fma_peak_lanes(void) {
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f")) return 16;
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return 8;
    return 0;
}

// Twelve chains hide the FMA latency (4 cycles) on two FMA ports.
#define CHAINS(T, SET, FMA, ADD)                                                     \
    T a0 = SET(0), a1 = SET(1), a2 = SET(2), a3 = SET(3), a4 = SET(4), a5 = SET(5);  \
    T a6 = SET(6), a7 = SET(7), a8 = SET(8), a9 = SET(9), a10 = SET(10), a11 = SET(11); \
    const T b = SET(0.999999f), c = SET(1e-7f);                                      \
    for (long r = 0; r < rounds; r++) {                                              \
        a0 = FMA(a0, b, c); a1 = FMA(a1, b, c); a2 = FMA(a2, b, c);                  \
        a3 = FMA(a3, b, c); a4 = FMA(a4, b, c); a5 = FMA(a5, b, c);                  \
        a6 = FMA(a6, b, c); a7 = FMA(a7, b, c); a8 = FMA(a8, b, c);                  \
        a9 = FMA(a9, b, c); a10 = FMA(a10, b, c); a11 = FMA(a11, b, c);              \
    }                                                                                \
    T s = ADD(ADD(ADD(a0, a1), ADD(a2, a3)), ADD(ADD(a4, a5), ADD(a6, a7)));         \
    s = ADD(s, ADD(ADD(a8, a9), ADD(a10, a11)));

__attribute__((target("avx512f"))) static float run512(long rounds) {
    CHAINS(__m512, _mm512_set1_ps, _mm512_fmadd_ps, _mm512_add_ps)
    return _mm512_reduce_add_ps(s);
}

__attribute__((target("avx2,fma"))) static float run256(long rounds) {
    CHAINS(__m256, _mm256_set1_ps, _mm256_fmadd_ps, _mm256_add_ps)
    float lanes[8];
    _mm256_storeu_ps(lanes, s);
    return lanes[0] + lanes[7];
}

float fma_peak_run(long rounds) {
    switch (fma_peak_lanes()) {
    case 16: return run512(rounds);
    case 8: return run256(rounds);
    default: return 0;
    }
}
