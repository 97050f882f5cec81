#include "CFuzzDriver.h"

// Weak: resolved only when libFuzzer is linked.
extern int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size)) __attribute__((weak));

int synapse_fuzzer_is_linked(void) { return LLVMFuzzerRunDriver != NULL; }

int synapse_fuzzer_run(int argc, char **argv, int (*callback)(const uint8_t *data, size_t size)) {
    if (LLVMFuzzerRunDriver == NULL) return -1;
    return LLVMFuzzerRunDriver(&argc, &argv, callback);
}
