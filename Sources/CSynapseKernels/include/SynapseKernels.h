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

/// x[i] = e^x[i] for i in 0..<n.
void synapse_exp_in_place(float *x, ptrdiff_t n);

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

/// Max pooling of `windows` neighbouring windows of n channels each: window w's taps are
/// `rows` × `columns` lines of n elements starting at input offset `first + w · step`, lines
/// `rowStride` apart within a column and n apart within a row. best[w · n + c] gets the
/// largest (a NaN, once met, propagates) and index[w · n + c] its input offset.
void synapse_max_pool_windows(const float *input, ptrdiff_t first, ptrdiff_t windows, ptrdiff_t step, ptrdiff_t rows,
                              ptrdiff_t columns, ptrdiff_t rowStride, ptrdiff_t n, float *best, int32_t *index);

/// The gradient of `synapse_max_pool_windows` for windows that do not overlap: every input
/// element the windows cover is written once, g[w · n + c] where index[w · n + c] names it, 0
/// elsewhere. Elements outside the windows are left as they are.
void synapse_max_pool_windows_gradient(const float *g, const int32_t *index, ptrdiff_t first, ptrdiff_t windows, ptrdiff_t step,
                                       ptrdiff_t rows, ptrdiff_t columns, ptrdiff_t rowStride, ptrdiff_t n, float *dx);

// MARK: Recurrent steps (RecurrentKernels.c)
//
// One time step of a recurrent layer over `rows` samples of `units` units. The driver
// (SynapseTensor's `Tensor.recurrence`) has already computed r = h_prev · U (the recurrent
// projection, [rows, gates · units], contiguous); p points at the step's projected inputs
// x · W + b ([rows, gates · units] with row stride pStride). States are read from prev
// (row stride prevStride) and written to out (row stride outStride): h, then c for the LSTM.
// keep is null or one flag per row: a row whose flag is 0 (a masked step) copies its state
// through unchanged. Activations are coded: 0 linear, 1 sigmoid, 2 tanh, 3 relu. Gate
// layouts are Keras's: LSTM i, f, c, o; GRU z, r, h (reset applied after the product).

/// SimpleRNN step: h = act(p + r).
void synapse_rnn_step_forward(const float *p, ptrdiff_t pStride, const float *r, const float *prev, ptrdiff_t prevStride,
                              float *out, ptrdiff_t outStride, const float *keep, ptrdiff_t rows, ptrdiff_t units, int act);

/// SimpleRNN step pullback. dState ([rows, units]) holds dL/dh for this step's output on entry
/// (the external gradient gOut, row stride gStride, is added here) and dL/dh_prev's direct part
/// on return (the copy-through of masked rows; the driver adds dR · Uᵀ). dR gets dL/d(p + r)
/// ([rows, units], contiguous) and dP the same rows (row stride dpStride).
void synapse_rnn_step_backward(const float *out, ptrdiff_t outStride, const float *gOut, ptrdiff_t gStride,
                               float *dState, float *dR, float *dP, ptrdiff_t dpStride, const float *keep,
                               ptrdiff_t rows, ptrdiff_t units, int act);

/// LSTM step: i, f, o = ract(z), g = act(z) for z = p + r; c = f·c_prev + i·g; h = o·act(c).
/// saved gets the activated gates [rows, 4 · units] (contiguous) for the pullback.
void synapse_lstm_step_forward(const float *p, ptrdiff_t pStride, const float *r, const float *prev, ptrdiff_t prevStride,
                               float *out, ptrdiff_t outStride, float *saved, const float *keep, ptrdiff_t rows,
                               ptrdiff_t units, int act, int ract);

/// LSTM step pullback: dState ([rows, 2 · units]: dh then dc) holds the gradient of this
/// step's states on entry (gOut added here) and the direct part of the previous states' on
/// return (dc_prev = dc · f; dh_prev left 0 for the driver's dR · Uᵀ). dR and dP get the
/// gate pre-activations' gradient. scratch holds units floats.
void synapse_lstm_step_backward(const float *saved, const float *out, ptrdiff_t outStride, const float *prev,
                                ptrdiff_t prevStride, const float *gOut, ptrdiff_t gStride, float *dState, float *dR,
                                float *dP, ptrdiff_t dpStride, const float *keep, float *scratch, ptrdiff_t rows,
                                ptrdiff_t units, int act, int ract);

/// GRU step (Keras 3, reset after): with q = r + recurrentBias (bias may be null),
/// z = ract(p_z + q_z), rg = ract(p_r + q_r), hh = act(p_h + rg · q_h), h = z · h_prev + (1 − z) · hh.
/// saved gets z, rg, hh, q_h ([rows, 4 · units], contiguous).
void synapse_gru_step_forward(const float *p, ptrdiff_t pStride, const float *r, const float *recurrentBias,
                              const float *prev, ptrdiff_t prevStride, float *out, ptrdiff_t outStride, float *saved,
                              const float *keep, ptrdiff_t rows, ptrdiff_t units, int act, int ract);

/// GRU step pullback: dState ([rows, units]) as for the SimpleRNN (direct part dh · z on
/// return); dP gets the gradient of p ([rows, 3 · units]) and dR that of q, which differs from
/// dP in the candidate's third (multiplied by the reset gate).
void synapse_gru_step_backward(const float *saved, const float *prev, ptrdiff_t prevStride, const float *gOut,
                               ptrdiff_t gStride, float *dState, float *dR, float *dP, ptrdiff_t dpStride,
                               const float *keep, ptrdiff_t rows, ptrdiff_t units, int act, int ract);

// MARK: Products with a packed right operand (RecurrentKernels.c)
//
// A recurrent layer multiplies by the same kernel at every step, with few rows each time.
// BLAS repacks the kernel on every call, which costs as much as the arithmetic at these sizes;
// these pack it once per sequence into panels of SYNAPSE_PANEL columns.

/// Columns per panel of a packed matrix.
#define SYNAPSE_PANEL 32

/// Floats a packed k × n matrix takes: ⌈n / SYNAPSE_PANEL⌉ panels of k × SYNAPSE_PANEL.
static inline ptrdiff_t synapse_packed_count(ptrdiff_t k, ptrdiff_t n) {
    return (n + SYNAPSE_PANEL - 1) / SYNAPSE_PANEL * SYNAPSE_PANEL * k;
}

/// Packs the k × n matrix op(b) into panels: packed[p][t][j] = op(b)[t, p·SYNAPSE_PANEL + j], zero
/// past column n. b is row-major with row length ldb; op transposes when transpose is non-zero
/// (b is then n × k as stored).
void synapse_pack_panels(const float *b, ptrdiff_t ldb, int transpose, ptrdiff_t k, ptrdiff_t n, float *packed);

/// c[r, :] (+)= Σ_t a[r, t] · B[t, :] for r in 0..<m, with a row-major (row length lda), B the
/// k × n matrix packed by synapse_pack_panels, c row-major (row length ldc); accumulate adds
/// onto c, else overwrites it.
void synapse_packed_product(const float *a, ptrdiff_t lda, const float *packed, float *c, ptrdiff_t ldc, ptrdiff_t m,
                            ptrdiff_t n, ptrdiff_t k, int accumulate);

/// Sets how long OpenBLAS's idle workers spin before sleeping to 2^log2Cycles cycles, unless
/// OPENBLAS_THREAD_TIMEOUT is set (BLASThreadPool.c). Call before any other BLAS work. Returns
/// whether the setting took effect (0 with another BLAS).
int synapse_blas_set_spin_length(int log2Cycles);

/// The BLAS thread count Synapse last set (−1 before the first), read atomically.
ptrdiff_t synapse_blas_thread_count(void);

/// Records `count` as the BLAS thread count Synapse set, atomically.
void synapse_blas_set_thread_count(ptrdiff_t count);

/// The cores the calling thread may run on (its CPU affinity: `taskset`, a container's cpuset),
/// or 0 where the system does not say (UsableCores.c).
int synapse_usable_core_count(void);

/// One chunk of a parallel loop: `function(context, chunk)`.
typedef void (*synapse_chunk_function)(void *context, ptrdiff_t chunk);

/// Calls function(context, chunk) for every chunk in 0..<chunks, spread over the calling thread
/// and up to chunks − 1 pool workers (WorkerPool.c), and returns when all have finished. A call
/// made while another loop runs (from another thread or from inside a chunk) runs its chunks on
/// the calling thread, one after another.
void synapse_parallel_for(ptrdiff_t chunks, synapse_chunk_function function, void *context);

#endif
