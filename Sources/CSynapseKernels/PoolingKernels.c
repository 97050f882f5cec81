#include "SynapseKernels.h"
#include "Dispatch.h"

SYNAPSE_DISPATCHED
void synapse_max_pool_windows(const float *restrict input, ptrdiff_t first, ptrdiff_t windows, ptrdiff_t step, ptrdiff_t rows,
                              ptrdiff_t columns, ptrdiff_t rowStride, ptrdiff_t n, float *restrict best, int32_t *restrict index) {
    for (ptrdiff_t w = 0; w < windows; w++) {
        const ptrdiff_t start = first + w * step;
        float *restrict maximum = best + w * n;
        int32_t *restrict where = index + w * n;
        for (ptrdiff_t c = 0; c < n; c++) {
            maximum[c] = input[start + c];
            where[c] = (int32_t)(start + c);
        }
        for (ptrdiff_t tapY = 0; tapY < rows; tapY++) {
            for (ptrdiff_t tapX = tapY == 0 ? 1 : 0; tapX < columns; tapX++) {
                const ptrdiff_t offset = start + tapY * rowStride + tapX * n;
                const float *restrict line = input + offset;
                for (ptrdiff_t c = 0; c < n; c++) {
                    const float value = line[c], current = maximum[c];
                    const int takes = value > current || value != value;
                    maximum[c] = takes ? value : current;
                    where[c] = takes ? (int32_t)(offset + c) : where[c];
                }
            }
        }
    }
}

SYNAPSE_DISPATCHED
void synapse_max_pool_windows_gradient(const float *restrict g, const int32_t *restrict index, ptrdiff_t first, ptrdiff_t windows,
                                       ptrdiff_t step, ptrdiff_t rows, ptrdiff_t columns, ptrdiff_t rowStride, ptrdiff_t n,
                                       float *restrict dx) {
    for (ptrdiff_t w = 0; w < windows; w++) {
        const ptrdiff_t start = first + w * step;
        const float *restrict gradient = g + w * n;
        const int32_t *restrict where = index + w * n;
        for (ptrdiff_t tapY = 0; tapY < rows; tapY++) {
            for (ptrdiff_t tapX = 0; tapX < columns; tapX++) {
                const ptrdiff_t offset = start + tapY * rowStride + tapX * n;
                float *restrict line = dx + offset;
                for (ptrdiff_t c = 0; c < n; c++) line[c] = where[c] == (int32_t)(offset + c) ? gradient[c] : 0.0f;
            }
        }
    }
}
