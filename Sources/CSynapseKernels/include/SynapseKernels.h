// Elementwise kernels that need wide SIMD to keep up with NumPy.
//
// Swift compiles for the baseline CPU of its target (SSE2 on x86-64) and cannot pick CPU
// features per function. These C kernels are compiled once per instruction set (AVX-512,
// AVX2+FMA, baseline) and the loader picks the best one for the machine at run time
// (GCC/Clang `target_clones`), as NumPy and PyTorch do. Swift calls them on contiguous runs,
// one call per run, never per element.
#ifndef SYNAPSE_KERNELS_H
#define SYNAPSE_KERNELS_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/// e^x to within 2 ulp over the whole float range (Cephes' expf scheme), as straight-line
/// arithmetic so that loops calling it vectorise.
///
/// x = n·ln2 + r with |r| ≤ ln2/2; e^r is a degree-7 polynomial and 2^n is built in the
/// exponent bits in two halves, so n = 128 does not overflow before the product is formed.
/// Overflows to +inf above 88.72, flushes to 0 below −87.34, and passes NaN through.
static inline float synapse_expf(float x) {
    const float low = -87.33655f, high = 88.72284f;
    float clamped = x < low ? low : (x > high ? high : x);
    // Round x·log2(e) to an integer by adding and subtracting 1.5·2^23.
    const float shifter = 12582912.0f;
    float shifted = clamped * 1.44269504f + shifter;
    float n = shifted - shifter;
    float r = clamped - n * 0.693359375f + n * 2.1219444e-4f;
    float p = 1.98756915e-4f;
    p = p * r + 1.39819995e-3f;
    p = p * r + 8.3334519e-3f;
    p = p * r + 4.16657959e-2f;
    p = p * r + 1.66666655e-1f;
    p = p * r + 5.00000012e-1f;
    float expR = p * r * r + r + 1.0f;
    uint32_t bits;
    memcpy(&bits, &shifted, sizeof bits);
    int32_t integer = (int32_t)(bits - 0x4B400000u);
    int32_t half = integer >> 1;
    uint32_t scaleBitsA = (uint32_t)(half + 127) << 23, scaleBitsB = (uint32_t)(integer - half + 127) << 23;
    float scaleA, scaleB;
    memcpy(&scaleA, &scaleBitsA, sizeof scaleA);
    memcpy(&scaleB, &scaleBitsB, sizeof scaleB);
    float value = expR * scaleA * scaleB;
    return x > high ? __builtin_inff() : (x < low ? 0.0f : value);
}

/// y[i] = e^x[i] for i in 0..<n.
void synapse_exp(const float *x, float *y, ptrdiff_t n);

/// y[i] = 1 / (1 + e^−x[i]) for i in 0..<n: exactly 0 or 1 far in the tails, never NaN for
/// finite input.
void synapse_sigmoid(const float *x, float *y, ptrdiff_t n);

/// y[j] += Σ_i x[i] · w[i·n + j] for j in 0..<n: a row vector times a row-major k × n matrix,
/// added onto y. On the calling thread (BLAS would wake its thread pool for this small a
/// product, which costs more than the arithmetic).
void synapse_vector_matrix(const float *x, const float *w, float *y, ptrdiff_t k, ptrdiff_t n);

/// One Adam step over n elements, in place (Keras's form, bias correction folded into alpha):
/// g = clamp(gradient · gradientScale, ±gradientBound); m += (g − m)(1 − β1);
/// v += (g² − v)(1 − β2); with AMSGrad (vmax non-null) vmax = max(vmax, v) replaces v below;
/// value −= alpha · m / (√v + ε).
void synapse_adam_update(float *value, const float *gradient, float *m, float *v, float *vmax, ptrdiff_t n,
                         float alpha, float beta1, float beta2, float epsilon, float gradientScale, float gradientBound);

/// The pullback of an affine map's bias and optional ReLU over `rows` rows of `units`: for
/// each element, gz = (relu && out <= 0) ? 0 : g (NaN outputs pass nothing either), written to
/// gz when it is non-null; and the column sums of gz added onto db[0..<units].
void synapse_bias_relu_backward(const float *g, const float *out, float *gz, float *db, ptrdiff_t rows, ptrdiff_t units, int relu);

/// c[r, :] = activation(bias + Σ_k a[r, k] · b[k, :]) for r in 0..<m, with a m × k and b k × n
/// row-major and k small (a convolution over few input channels, where BLAS's packing costs more
/// than the arithmetic). bias may be null; relu non-zero applies max(·, 0).
void synapse_small_depth_affine(const float *a, const float *b, const float *bias, float *c, ptrdiff_t m, ptrdiff_t k,
                                ptrdiff_t n, int relu);

/// c[k, :] += Σ_r a[r, k] · g[r, :] over r in 0..<m (c += aᵀ · g), with a m × k and g m × n
/// row-major and k · n small enough to stay in registers (a small convolution's kernel gradient).
void synapse_small_depth_outer_sum(const float *a, const float *g, float *c, ptrdiff_t m, ptrdiff_t k, ptrdiff_t n);

/// The kernel and bias gradients of a small-depth convolution straight from its output gradient
/// g and its output out (m × n each, n ≤ 64) and patches a (m × k): with gz = g where out > 0
/// (or everywhere when relu is 0), c[k, :] += Σ_r a[r, k] · gz[r, :] and bias[:] += Σ_r gz[r, :]
/// (bias may be null). Rows whose gz is all zero — three in four below a 2×2 max pooling — are
/// skipped; the others are gathered eight at a time, so each row of c is loaded and stored once
/// per eight rows.
void synapse_small_depth_backward(const float *a, const float *g, const float *out, float *c, float *bias, ptrdiff_t m,
                                  ptrdiff_t k, ptrdiff_t n, int relu);

/// One tap of max pooling over n channels: where line[c] beats best[c] (or is NaN, which
/// then propagates), best[c] = line[c] and index[c] = offset + c.
void synapse_max_pool_tap(const float *line, float *best, int32_t *index, int32_t offset, ptrdiff_t n);

#endif
