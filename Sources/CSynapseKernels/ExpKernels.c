#include "SynapseKernels.h"
#include "Dispatch.h"

SYNAPSE_DISPATCHED
void synapse_exp(const float *restrict x, float *restrict y, ptrdiff_t n) {
    for (ptrdiff_t i = 0; i < n; i++) y[i] = synapse_expf(x[i]);
}

SYNAPSE_DISPATCHED
void synapse_exp_in_place(float *x, ptrdiff_t n) {
    for (ptrdiff_t i = 0; i < n; i++) x[i] = synapse_expf(x[i]);
}

SYNAPSE_DISPATCHED
void synapse_sigmoid(const float *restrict x, float *restrict y, ptrdiff_t n) {
    for (ptrdiff_t i = 0; i < n; i++) y[i] = 1.0f / (1.0f + synapse_expf(-x[i]));
}
