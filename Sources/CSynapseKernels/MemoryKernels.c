#include "SynapseKernels.h"

void synapse_prefetch_rows(const float *base, const ptrdiff_t *rows, ptrdiff_t count, ptrdiff_t rowLength) {
    const ptrdiff_t bytes = rowLength * (ptrdiff_t)sizeof(float);
    for (ptrdiff_t r = 0; r < count; r++) {
        const char *row = (const char *)(base + rows[r] * rowLength);
        // One hint per 64-byte cache line, the row's last line included.
        for (ptrdiff_t offset = 0; offset < bytes; offset += 64) __builtin_prefetch(row + offset, 0, 3);
        __builtin_prefetch(row + bytes - 1, 0, 3);
    }
}
