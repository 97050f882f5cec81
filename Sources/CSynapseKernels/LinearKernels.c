#include "SynapseKernels.h"
#include "Dispatch.h"

SYNAPSE_DISPATCHED
void synapse_vector_matrix(const float *restrict x, const float *restrict w, float *restrict y, ptrdiff_t k, ptrdiff_t n) {
    ptrdiff_t i = 0;
    // Eight rows per pass: y is loaded and stored once per eight rows instead of every row,
    // which would chain each row's update behind the previous one's store.
    for (; i + 8 <= k; i += 8) {
        const float x0 = x[i], x1 = x[i + 1], x2 = x[i + 2], x3 = x[i + 3];
        const float x4 = x[i + 4], x5 = x[i + 5], x6 = x[i + 6], x7 = x[i + 7];
        const float *restrict r = w + i * n;
        for (ptrdiff_t j = 0; j < n; j++) {
            y[j] += (x0 * r[j] + x1 * r[n + j] + x2 * r[2 * n + j] + x3 * r[3 * n + j])
                  + (x4 * r[4 * n + j] + x5 * r[5 * n + j] + x6 * r[6 * n + j] + x7 * r[7 * n + j]);
        }
    }
    for (; i < k; i++) {
        const float xi = x[i];
        const float *restrict row = w + i * n;
        for (ptrdiff_t j = 0; j < n; j++) y[j] += xi * row[j];
    }
}

SYNAPSE_DISPATCHED
void synapse_bias_relu_backward(const float *restrict g, const float *restrict out, float *restrict gz, float *restrict db,
                                ptrdiff_t rows, ptrdiff_t units, int relu) {
    for (ptrdiff_t r = 0; r < rows; r++) {
        const float *restrict gRow = g + r * units, *restrict outRow = out + r * units;
        float *restrict gzRow = gz ? gz + r * units : 0;
        for (ptrdiff_t j = 0; j < units; j++) {
            const float value = relu ? (outRow[j] > 0 ? gRow[j] : 0.0f) : gRow[j];
            if (gzRow) gzRow[j] = value;
            db[j] += value;
        }
    }
}

// Sixteen outputs at a time: the block's sums stay in one AVX-512 register (two AVX2 ones)
// while the few taps stream past, and the output is written once.
SYNAPSE_DISPATCHED
void synapse_small_depth_affine(const float *restrict a, const float *restrict b, const float *restrict bias, float *restrict c,
                                ptrdiff_t m, ptrdiff_t k, ptrdiff_t n, int relu) {
    const ptrdiff_t blocked = n - n % 16;
    for (ptrdiff_t r = 0; r < m; r++) {
        const float *restrict row = a + r * k;
        float *restrict out = c + r * n;
        for (ptrdiff_t j0 = 0; j0 < blocked; j0 += 16) {
            float acc[16];
            for (int j = 0; j < 16; j++) acc[j] = bias ? bias[j0 + j] : 0.0f;
            for (ptrdiff_t t = 0; t < k; t++) {
                const float x = row[t];
                const float *restrict w = b + t * n + j0;
                for (int j = 0; j < 16; j++) acc[j] += x * w[j];
            }
            if (relu) {
                // max(x, 0) with NaN kept, as two selects so that the loop vectorises.
                for (int j = 0; j < 16; j++) {
                    const float positive = acc[j] > 0.0f ? acc[j] : 0.0f;
                    acc[j] = acc[j] != acc[j] ? acc[j] : positive;
                }
            }
            for (int j = 0; j < 16; j++) out[j0 + j] = acc[j];
        }
        for (ptrdiff_t j = blocked; j < n; j++) {
            float sum = bias ? bias[j] : 0.0f;
            for (ptrdiff_t t = 0; t < k; t++) sum += row[t] * b[t * n + j];
            out[j] = relu ? (sum > 0 ? sum : (sum == sum ? 0.0f : sum)) : sum;
        }
    }
}

// Sixteen columns at a time, eight rows per pass: each block of c is loaded and stored once per
// eight rows instead of every row.
SYNAPSE_DISPATCHED
void synapse_small_depth_outer_sum(const float *restrict a, const float *restrict g, float *restrict c, ptrdiff_t m, ptrdiff_t k, ptrdiff_t n) {
    const ptrdiff_t blocked = n - n % 16, grouped = m - m % 8;
    for (ptrdiff_t j0 = 0; j0 < blocked; j0 += 16) {
        for (ptrdiff_t r = 0; r < grouped; r += 8) {
            const float *restrict gr = g + r * n + j0;
            const float *restrict ar = a + r * k;
            for (ptrdiff_t t = 0; t < k; t++) {
                float *restrict target = c + t * n + j0;
                const float x0 = ar[t], x1 = ar[k + t], x2 = ar[2 * k + t], x3 = ar[3 * k + t];
                const float x4 = ar[4 * k + t], x5 = ar[5 * k + t], x6 = ar[6 * k + t], x7 = ar[7 * k + t];
                for (int j = 0; j < 16; j++) {
                    target[j] += (x0 * gr[j] + x1 * gr[n + j] + x2 * gr[2 * n + j] + x3 * gr[3 * n + j])
                               + (x4 * gr[4 * n + j] + x5 * gr[5 * n + j] + x6 * gr[6 * n + j] + x7 * gr[7 * n + j]);
                }
            }
        }
    }
    // The rows and columns the blocks left over.
    for (ptrdiff_t r = 0; r < m; r++) {
        const float *restrict row = a + r * k, *restrict gradient = g + r * n;
        const ptrdiff_t first = r < grouped ? blocked : 0;
        for (ptrdiff_t t = 0; t < k; t++) {
            const float x = row[t];
            float *restrict target = c + t * n;
            for (ptrdiff_t j = first; j < n; j++) target[j] += x * gradient[j];
        }
    }
}

// c[t, :] += Σ_q rows[q][t] · gradients[q][:] for q < count (at most 8), sixteen columns at a time.
static inline void small_depth_flush(const float *const *rows, float gradients[8][64], int count, float *restrict c, ptrdiff_t k,
                                     ptrdiff_t n) {
    for (int q = count; q < 8; q++) {
        for (ptrdiff_t j = 0; j < n; j++) gradients[q][j] = 0.0f;
    }
    for (ptrdiff_t t = 0; t < k; t++) {
        float x[8];
        for (int q = 0; q < 8; q++) x[q] = q < count ? rows[q][t] : 0.0f;
        float *restrict target = c + t * n;
        for (ptrdiff_t j = 0; j < n; j++) {
            target[j] += (x[0] * gradients[0][j] + x[1] * gradients[1][j] + x[2] * gradients[2][j] + x[3] * gradients[3][j])
                       + (x[4] * gradients[4][j] + x[5] * gradients[5][j] + x[6] * gradients[6][j] + x[7] * gradients[7][j]);
        }
    }
}

SYNAPSE_DISPATCHED
void synapse_small_depth_backward(const float *restrict a, const float *restrict g, const float *restrict out, float *restrict c,
                                  float *restrict bias, ptrdiff_t m, ptrdiff_t k, ptrdiff_t n, int relu) {
    float gradients[8][64];
    const float *rows[8];
    int count = 0;
    for (ptrdiff_t r = 0; r < m; r++) {
        const float *restrict gradient = g + r * n, *restrict output = out + r * n;
        float *restrict gz = gradients[count];
        int nonzero = 0;
        for (ptrdiff_t j = 0; j < n; j++) {
            const float value = (relu && !(output[j] > 0)) ? 0.0f : gradient[j];
            gz[j] = value;
            nonzero += value != 0.0f;
        }
        if (nonzero == 0) continue;
        if (bias) for (ptrdiff_t j = 0; j < n; j++) bias[j] += gz[j];
        rows[count++] = a + r * k;
        if (count == 8) {
            small_depth_flush(rows, gradients, 8, c, k, n);
            count = 0;
        }
    }
    if (count > 0) small_depth_flush(rows, gradients, count, c, k, n);
}
