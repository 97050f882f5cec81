// The cores this process may run on, for the default thread count (`ComputeThreads`).
#define _GNU_SOURCE
#include <sched.h>
#include "SynapseKernels.h"

int synapse_usable_core_count(void) {
#if defined(__linux__)
    cpu_set_t cores;
    CPU_ZERO(&cores);
    if (sched_getaffinity(0, sizeof cores, &cores) == 0) return CPU_COUNT(&cores);
#endif
    return 0;
}
