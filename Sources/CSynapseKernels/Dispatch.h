// One clone per instruction set on x86-64 Linux; the dynamic loader picks one at start-up.
//
// Not under a sanitizer: the loader runs a clone's resolver while relocating, before the
// sanitizer's runtime is initialised, and the instrumented resolver would crash there.
#ifndef SYNAPSE_DISPATCH_H
#define SYNAPSE_DISPATCH_H
#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define SYNAPSE_SANITIZED 1
#endif
#endif
#if defined(__x86_64__) && defined(__linux__) && !defined(SYNAPSE_SANITIZED)
#define SYNAPSE_DISPATCHED __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define SYNAPSE_DISPATCHED
#endif
#endif
