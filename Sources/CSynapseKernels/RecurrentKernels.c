// One time step of SimpleRNN, LSTM and GRU, forward and back, per row of a batch.
//
// Each step runs as a few passes over contiguous runs of `units` floats (the gates of one
// sample), so every loop vectorises; the activation is chosen once per pass, not per element.
// The matrix products (h_prev · U and dR · Uᵀ) are the driver's, through BLAS. Helpers are
// always inlined, so that each instruction-set clone of a step vectorises them for its own set.
#include <math.h>
#include "SynapseKernels.h"
#include "Dispatch.h"

enum { ACT_LINEAR = 0, ACT_SIGMOID = 1, ACT_TANH = 2, ACT_RELU = 3 };

/// tanh(x) as 1 − 2 / (e^{2|x|} + 1) with the sign restored, and its Taylor series near 0,
/// where that form would cancel.
static inline __attribute__((always_inline)) float synapse_tanhf(float x) {
    float magnitude = fabsf(x);
    float far = 1.0f - 2.0f / (synapse_expf(2.0f * magnitude) + 1.0f);
    float x2 = x * x;
    float near = x * (1.0f + x2 * (-0.33333333f + x2 * (0.13333333f + x2 * -0.05396825f)));
    return magnitude < 0.0625f ? near : copysignf(far, x);
}

/// y[i] = act(x[i]) for i in 0..<n (x and y may be the same).
static inline __attribute__((always_inline)) void activate(int act, const float *x, float *y, ptrdiff_t n) {
    switch (act) {
    case ACT_SIGMOID: for (ptrdiff_t i = 0; i < n; i++) y[i] = 1.0f / (1.0f + synapse_expf(-x[i])); break;
    case ACT_TANH: for (ptrdiff_t i = 0; i < n; i++) y[i] = synapse_tanhf(x[i]); break;
    case ACT_RELU: for (ptrdiff_t i = 0; i < n; i++) y[i] = x[i] > 0.0f ? x[i] : 0.0f; break;
    default: if (x != y) memcpy(y, x, (size_t)n * sizeof(float)); break;
    }
}

/// g[i] *= act'(x) for i in 0..<n, the derivative written in terms of the output y = act(x).
static inline __attribute__((always_inline)) void times_derivative(int act, const float *y, float *g, ptrdiff_t n) {
    switch (act) {
    case ACT_SIGMOID: for (ptrdiff_t i = 0; i < n; i++) g[i] *= y[i] * (1.0f - y[i]); break;
    case ACT_TANH: for (ptrdiff_t i = 0; i < n; i++) g[i] *= 1.0f - y[i] * y[i]; break;
    case ACT_RELU: for (ptrdiff_t i = 0; i < n; i++) g[i] = y[i] > 0.0f ? g[i] : 0.0f; break;
    default: break;
    }
}

/// Whether row b takes part in this step (no mask, or its flag is set).
static inline int kept(const float *keep, ptrdiff_t b) { return keep == NULL || keep[b] != 0.0f; }

/// Adds the external gradient row g to d (n floats), when there is one.
static inline __attribute__((always_inline)) void add_row(float *restrict d, const float *restrict g, ptrdiff_t n) {
    if (g != NULL) for (ptrdiff_t i = 0; i < n; i++) d[i] += g[i];
}

SYNAPSE_DISPATCHED
void synapse_rnn_step_forward(const float *p, ptrdiff_t pStride, const float *r, const float *prev, ptrdiff_t prevStride,
                              float *out, ptrdiff_t outStride, const float *keep, ptrdiff_t rows, ptrdiff_t units, int act) {
    for (ptrdiff_t b = 0; b < rows; b++) {
        float *restrict h = out + b * outStride;
        if (!kept(keep, b)) { memcpy(h, prev + b * prevStride, (size_t)units * sizeof(float)); continue; }
        const float *restrict pb = p + b * pStride, *restrict rb = r + b * units;
        for (ptrdiff_t j = 0; j < units; j++) h[j] = pb[j] + rb[j];
        activate(act, h, h, units);
    }
}

SYNAPSE_DISPATCHED
void synapse_rnn_step_backward(const float *out, ptrdiff_t outStride, const float *gOut, ptrdiff_t gStride,
                               float *dState, float *dR, float *dP, ptrdiff_t dpStride, const float *keep,
                               ptrdiff_t rows, ptrdiff_t units, int act) {
    for (ptrdiff_t b = 0; b < rows; b++) {
        float *restrict dh = dState + b * units, *restrict dr = dR + b * units, *restrict dp = dP + b * dpStride;
        add_row(dh, gOut ? gOut + b * gStride : NULL, units);
        if (!kept(keep, b)) {
            // The state was copied through: its whole gradient goes to h_prev.
            memset(dr, 0, (size_t)units * sizeof(float));
            memset(dp, 0, (size_t)units * sizeof(float));
            continue;
        }
        memcpy(dr, dh, (size_t)units * sizeof(float));
        times_derivative(act, out + b * outStride, dr, units);
        memcpy(dp, dr, (size_t)units * sizeof(float));
        memset(dh, 0, (size_t)units * sizeof(float));
    }
}

SYNAPSE_DISPATCHED
void synapse_lstm_step_forward(const float *p, ptrdiff_t pStride, const float *r, const float *prev, ptrdiff_t prevStride,
                               float *out, ptrdiff_t outStride, float *saved, const float *keep, ptrdiff_t rows,
                               ptrdiff_t units, int act, int ract) {
    const ptrdiff_t u = units;
    for (ptrdiff_t b = 0; b < rows; b++) {
        float *restrict state = out + b * outStride, *restrict gates = saved + b * 4 * u;
        const float *restrict previous = prev + b * prevStride;
        if (!kept(keep, b)) {
            memcpy(state, previous, (size_t)(2 * u) * sizeof(float));
            memset(gates, 0, (size_t)(4 * u) * sizeof(float));
            continue;
        }
        const float *restrict pb = p + b * pStride, *restrict rb = r + b * 4 * u;
        for (ptrdiff_t k = 0; k < 4 * u; k++) gates[k] = pb[k] + rb[k];
        activate(ract, gates, gates, 2 * u);               // i, f
        activate(act, gates + 2 * u, gates + 2 * u, u);    // g
        activate(ract, gates + 3 * u, gates + 3 * u, u);   // o
        float *restrict h = state, *restrict c = state + u;
        const float *restrict cPrev = previous + u;
        for (ptrdiff_t j = 0; j < u; j++) c[j] = gates[u + j] * cPrev[j] + gates[j] * gates[2 * u + j];
        activate(act, c, h, u);
        for (ptrdiff_t j = 0; j < u; j++) h[j] *= gates[3 * u + j];
    }
}

SYNAPSE_DISPATCHED
void synapse_lstm_step_backward(const float *saved, const float *out, ptrdiff_t outStride, const float *prev,
                                ptrdiff_t prevStride, const float *gOut, ptrdiff_t gStride, float *dState, float *dR,
                                float *dP, ptrdiff_t dpStride, const float *keep, float *scratch, ptrdiff_t rows,
                                ptrdiff_t units, int act, int ract) {
    const ptrdiff_t u = units;
    for (ptrdiff_t b = 0; b < rows; b++) {
        float *restrict dh = dState + b * 2 * u, *restrict dc = dh + u;
        float *restrict dz = dR + b * 4 * u, *restrict dp = dP + b * dpStride;
        add_row(dh, gOut ? gOut + b * gStride : NULL, 2 * u);
        if (!kept(keep, b)) {
            memset(dz, 0, (size_t)(4 * u) * sizeof(float));
            memset(dp, 0, (size_t)(4 * u) * sizeof(float));
            continue;
        }
        const float *restrict gates = saved + b * 4 * u;
        const float *restrict i = gates, *restrict f = gates + u, *restrict g = gates + 2 * u, *restrict o = gates + 3 * u;
        const float *restrict c = out + b * outStride + u, *restrict cPrev = prev + b * prevStride + u;
        float *restrict tc = scratch;
        activate(act, c, tc, u);
        // dz_o = dh · act(c), then the derivative of the output gate.
        for (ptrdiff_t j = 0; j < u; j++) dz[3 * u + j] = dh[j] * tc[j];
        times_derivative(ract, o, dz + 3 * u, u);
        // dc += dh · o · act'(c), through the activation of the cell state.
        for (ptrdiff_t j = 0; j < u; j++) dh[j] *= o[j];
        times_derivative(act, tc, dh, u);
        for (ptrdiff_t j = 0; j < u; j++) {
            float total = dc[j] + dh[j];
            dz[j] = total * g[j];             // di
            dz[u + j] = total * cPrev[j];     // df
            dz[2 * u + j] = total * i[j];     // dg
            dc[j] = total * f[j];             // dc_prev
            dh[j] = 0.0f;                     // dh_prev: the driver adds dz · Uᵀ
        }
        times_derivative(ract, i, dz, u);
        times_derivative(ract, f, dz + u, u);
        times_derivative(act, g, dz + 2 * u, u);
        memcpy(dp, dz, (size_t)(4 * u) * sizeof(float));
    }
}

SYNAPSE_DISPATCHED
void synapse_gru_step_forward(const float *p, ptrdiff_t pStride, const float *r, const float *recurrentBias,
                              const float *prev, ptrdiff_t prevStride, float *out, ptrdiff_t outStride, float *saved,
                              const float *keep, ptrdiff_t rows, ptrdiff_t units, int act, int ract) {
    const ptrdiff_t u = units;
    for (ptrdiff_t b = 0; b < rows; b++) {
        float *restrict h = out + b * outStride, *restrict s = saved + b * 4 * u;
        const float *restrict hPrev = prev + b * prevStride;
        if (!kept(keep, b)) {
            memcpy(h, hPrev, (size_t)u * sizeof(float));
            memset(s, 0, (size_t)(4 * u) * sizeof(float));
            continue;
        }
        const float *restrict pb = p + b * pStride, *restrict rb = r + b * 3 * u;
        float *restrict z = s, *restrict reset = s + u, *restrict hh = s + 2 * u, *restrict qh = s + 3 * u;
        for (ptrdiff_t j = 0; j < u; j++) {
            float bz = recurrentBias ? recurrentBias[j] : 0.0f, br = recurrentBias ? recurrentBias[u + j] : 0.0f;
            float bh = recurrentBias ? recurrentBias[2 * u + j] : 0.0f;
            z[j] = pb[j] + rb[j] + bz;
            reset[j] = pb[u + j] + rb[u + j] + br;
            qh[j] = rb[2 * u + j] + bh;
        }
        activate(ract, s, s, 2 * u);
        for (ptrdiff_t j = 0; j < u; j++) hh[j] = pb[2 * u + j] + reset[j] * qh[j];
        activate(act, hh, hh, u);
        for (ptrdiff_t j = 0; j < u; j++) h[j] = z[j] * hPrev[j] + (1.0f - z[j]) * hh[j];
    }
}

SYNAPSE_DISPATCHED
void synapse_gru_step_backward(const float *saved, const float *prev, ptrdiff_t prevStride, const float *gOut,
                               ptrdiff_t gStride, float *dState, float *dR, float *dP, ptrdiff_t dpStride,
                               const float *keep, ptrdiff_t rows, ptrdiff_t units, int act, int ract) {
    const ptrdiff_t u = units;
    for (ptrdiff_t b = 0; b < rows; b++) {
        float *restrict dh = dState + b * u, *restrict dq = dR + b * 3 * u, *restrict dp = dP + b * dpStride;
        add_row(dh, gOut ? gOut + b * gStride : NULL, u);
        if (!kept(keep, b)) {
            memset(dq, 0, (size_t)(3 * u) * sizeof(float));
            memset(dp, 0, (size_t)(3 * u) * sizeof(float));
            continue;
        }
        const float *restrict s = saved + b * 4 * u;
        const float *restrict z = s, *restrict reset = s + u, *restrict hh = s + 2 * u, *restrict qh = s + 3 * u;
        const float *restrict hPrev = prev + b * prevStride;
        for (ptrdiff_t j = 0; j < u; j++) {
            dp[j] = dh[j] * (hPrev[j] - hh[j]);      // through z
            dp[2 * u + j] = dh[j] * (1.0f - z[j]);   // through hh
            dh[j] *= z[j];                           // dh_prev's direct part
        }
        times_derivative(ract, z, dp, u);
        times_derivative(act, hh, dp + 2 * u, u);
        for (ptrdiff_t j = 0; j < u; j++) dp[u + j] = dp[2 * u + j] * qh[j];
        times_derivative(ract, reset, dp + u, u);
        for (ptrdiff_t j = 0; j < 2 * u; j++) dq[j] = dp[j];
        for (ptrdiff_t j = 0; j < u; j++) dq[2 * u + j] = dp[2 * u + j] * reset[j];
    }
}

// MARK: Products with a packed right operand

SYNAPSE_DISPATCHED
void synapse_pack_panels(const float *b, ptrdiff_t ldb, int transpose, ptrdiff_t k, ptrdiff_t n, float *packed) {
    const ptrdiff_t panels = (n + SYNAPSE_PANEL - 1) / SYNAPSE_PANEL;
    for (ptrdiff_t p = 0; p < panels; p++) {
        float *restrict panel = packed + p * k * SYNAPSE_PANEL;
        const ptrdiff_t first = p * SYNAPSE_PANEL, width = n - first < SYNAPSE_PANEL ? n - first : SYNAPSE_PANEL;
        for (ptrdiff_t t = 0; t < k; t++) {
            float *restrict line = panel + t * SYNAPSE_PANEL;
            for (ptrdiff_t j = 0; j < width; j++) line[j] = transpose ? b[(first + j) * ldb + t] : b[t * ldb + first + j];
            for (ptrdiff_t j = width; j < SYNAPSE_PANEL; j++) line[j] = 0.0f;
        }
    }
}

/// Writes (or adds) the first `width` of SYNAPSE_PANEL accumulated columns into c.
static inline __attribute__((always_inline)) void store_panel(const float *restrict acc, float *restrict c, ptrdiff_t width, int accumulate) {
    if (width == SYNAPSE_PANEL) {
        if (accumulate) { for (int j = 0; j < SYNAPSE_PANEL; j++) c[j] += acc[j]; }
        else { for (int j = 0; j < SYNAPSE_PANEL; j++) c[j] = acc[j]; }
    } else {
        for (ptrdiff_t j = 0; j < width; j++) c[j] = accumulate ? c[j] + acc[j] : acc[j];
    }
}

// Four rows by one panel at a time: 4 × 32 accumulators stay in registers (eight AVX-512
// vectors), and each step of t loads two vectors of the panel and four values of a.
SYNAPSE_DISPATCHED
void synapse_packed_product(const float *a, ptrdiff_t lda, const float *packed, float *c, ptrdiff_t ldc, ptrdiff_t m,
                            ptrdiff_t n, ptrdiff_t k, int accumulate) {
    const ptrdiff_t panels = (n + SYNAPSE_PANEL - 1) / SYNAPSE_PANEL, grouped = m - m % 4;
    for (ptrdiff_t p = 0; p < panels; p++) {
        const float *restrict panel = packed + p * k * SYNAPSE_PANEL;
        const ptrdiff_t first = p * SYNAPSE_PANEL, width = n - first < SYNAPSE_PANEL ? n - first : SYNAPSE_PANEL;
        for (ptrdiff_t r = 0; r < grouped; r += 4) {
            float acc0[SYNAPSE_PANEL] = {0}, acc1[SYNAPSE_PANEL] = {0}, acc2[SYNAPSE_PANEL] = {0}, acc3[SYNAPSE_PANEL] = {0};
            const float *restrict a0 = a + r * lda, *restrict a1 = a0 + lda, *restrict a2 = a1 + lda, *restrict a3 = a2 + lda;
            for (ptrdiff_t t = 0; t < k; t++) {
                const float *restrict line = panel + t * SYNAPSE_PANEL;
                const float x0 = a0[t], x1 = a1[t], x2 = a2[t], x3 = a3[t];
                for (int j = 0; j < SYNAPSE_PANEL; j++) {
                    acc0[j] += x0 * line[j];
                    acc1[j] += x1 * line[j];
                    acc2[j] += x2 * line[j];
                    acc3[j] += x3 * line[j];
                }
            }
            float *restrict out = c + r * ldc + first;
            store_panel(acc0, out, width, accumulate);
            store_panel(acc1, out + ldc, width, accumulate);
            store_panel(acc2, out + 2 * ldc, width, accumulate);
            store_panel(acc3, out + 3 * ldc, width, accumulate);
        }
        for (ptrdiff_t r = grouped; r < m; r++) {
            float acc[SYNAPSE_PANEL] = {0};
            const float *restrict row = a + r * lda;
            for (ptrdiff_t t = 0; t < k; t++) {
                const float *restrict line = panel + t * SYNAPSE_PANEL;
                for (int j = 0; j < SYNAPSE_PANEL; j++) acc[j] += row[t] * line[j];
            }
            store_panel(acc, c + r * ldc + first, width, accumulate);
        }
    }
}
