// OpenBLAS's thread pool: how long its idle workers spin before they sleep, and the thread
// count Synapse last gave it.
//
// After a threaded product, OpenBLAS's workers spin (calling sched_yield) for 2^28 cycles,
// about a tenth of a second, waiting for the next one. Synapse's own parallel loops (a
// recurrent layer's sweep over time, elementwise kernels) start right after such products and
// want both cores: the spinning workers take a third of them. OpenBLAS reads the spin length
// from OPENBLAS_THREAD_TIMEOUT once, when the library loads; these are the two exported entry
// points that read it again and restart the pool. They are weak, so a BLAS without them (or
// macOS's Accelerate) simply keeps its behaviour.
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include "SynapseKernels.h"

/// The BLAS thread count Synapse last set, −1 before the first.
static _Atomic ptrdiff_t blasThreadCount = -1;

ptrdiff_t synapse_blas_thread_count(void) { return atomic_load_explicit(&blasThreadCount, memory_order_relaxed); }

void synapse_blas_set_thread_count(ptrdiff_t count) { atomic_store_explicit(&blasThreadCount, count, memory_order_relaxed); }

#if defined(__linux__)
extern void openblas_read_env(void) __attribute__((weak));
extern int blas_thread_shutdown_(void) __attribute__((weak));
#endif

int synapse_blas_set_spin_length(int log2Cycles) {
#if defined(__linux__)
    if (openblas_read_env == NULL || blas_thread_shutdown_ == NULL) return 0;
    if (getenv("OPENBLAS_THREAD_TIMEOUT") != NULL) return 0;   // the user's own setting wins
    char value[16];
    snprintf(value, sizeof value, "%d", log2Cycles);
    setenv("OPENBLAS_THREAD_TIMEOUT", value, 0);
    openblas_read_env();
    unsetenv("OPENBLAS_THREAD_TIMEOUT");   // not passed on to child processes
    blas_thread_shutdown_();               // the pool restarts at the next threaded product, with the new length
    return 1;
#else
    (void)log2Cycles;
    return 0;
#endif
}
