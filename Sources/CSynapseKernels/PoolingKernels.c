#include "SynapseKernels.h"
#include "Dispatch.h"

SYNAPSE_DISPATCHED
void synapse_max_pool_tap(const float *restrict line, float *restrict best, int32_t *restrict index, int32_t offset, ptrdiff_t n) {
    for (ptrdiff_t c = 0; c < n; c++) {
        const float value = line[c], current = best[c];
        const int takes = value > current || value != value;
        best[c] = takes ? value : current;
        index[c] = takes ? offset + (int32_t)c : index[c];
    }
}
