// libFuzzer's driver, when the program is linked with it (scripts/fuzz.sh builds with
// -sanitize=fuzzer); absent from a plain build, which then replays inputs itself.
#ifndef C_FUZZ_DRIVER_H
#define C_FUZZ_DRIVER_H
#include <stddef.h>
#include <stdint.h>

/// Whether libFuzzer is linked in.
int synapse_fuzzer_is_linked(void);

/// Runs libFuzzer on `argv` with `callback` for each input (libFuzzer's `LLVMFuzzerRunDriver`);
/// returns its exit status, or -1 when libFuzzer is not linked in.
int synapse_fuzzer_run(int argc, char **argv, int (*callback)(const uint8_t *data, size_t size));
#endif
