// The worker threads behind Synapse's parallel loops (`Parallel.forEachChunk`).
//
// A training step runs dozens of parallel loops a few microseconds to a millisecond long, with
// serial work between them. Waking a sleeping thread for each (as a dispatch queue does) costs
// a futex call and a reschedule on both sides: a tenth of a step's time in an MLP. These
// workers instead spin for a short while after each loop, so the next loop finds them awake,
// and only then sleep on a condition variable.
//
// One loop runs at a time. The loop's identity and its next chunk share one atomic word
// (generation << 32 | next chunk), so a worker that arrives late can never take a chunk of a
// later loop with an earlier loop's function. A loop started while another runs (from another
// thread, or from inside a chunk) runs its chunks serially on the calling thread.
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <time.h>
#include "SynapseKernels.h"

/// How long an idle worker spins before it sleeps, in nanoseconds.
#define SPIN_NANOSECONDS 100000
/// The most workers the pool starts (besides the calling thread).
#define MAXIMUM_WORKERS 63

/// The running loop: generation in the high 32 bits, the next unclaimed chunk in the low 32.
static _Atomic uint64_t state;
/// The running loop's function, context and chunk count (written before its generation is published).
static _Atomic(synapse_chunk_function) loopFunction;
static _Atomic(void *) loopContext;
static _Atomic ptrdiff_t loopChunks;
/// Chunks of the running loop finished so far.
static _Atomic ptrdiff_t finishedChunks;
/// Workers asleep (or about to sleep) on `wake`.
static _Atomic int sleepers;
static pthread_mutex_t sleepLock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake = PTHREAD_COND_INITIALIZER;
/// Held by the thread running a loop: one loop at a time.
static pthread_mutex_t loopLock = PTHREAD_MUTEX_INITIALIZER;
/// Workers started so far (guarded by loopLock).
static int workerCount;
/// Whether this thread is one of the pool's workers.
static _Thread_local int isWorker;

static inline void pause_briefly(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}

static inline uint64_t nanoseconds_now(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (uint64_t)now.tv_sec * 1000000000u + (uint64_t)now.tv_nsec;
}

/// Claims and runs chunks of loop `generation` until none is left or another loop started.
static void run_chunks(uint32_t generation) {
    for (;;) {
        uint64_t current = atomic_load_explicit(&state, memory_order_acquire);
        if ((uint32_t)(current >> 32) != generation) return;
        const ptrdiff_t chunk = (ptrdiff_t)(uint32_t)current;
        if (chunk >= atomic_load_explicit(&loopChunks, memory_order_relaxed)) return;
        if (!atomic_compare_exchange_weak_explicit(&state, &current, current + 1, memory_order_acq_rel, memory_order_acquire)) continue;
        // The claimed chunk is unfinished, so the loop's settings cannot change until it is.
        synapse_chunk_function function = atomic_load_explicit(&loopFunction, memory_order_relaxed);
        function(atomic_load_explicit(&loopContext, memory_order_relaxed), chunk);
        atomic_fetch_add_explicit(&finishedChunks, 1, memory_order_release);
    }
}

/// Waits until a loop other than `seen` starts: spinning first, then asleep. Returns its generation.
static uint32_t wait_for_loop_after(uint32_t seen) {
    const uint64_t deadline = nanoseconds_now() + SPIN_NANOSECONDS;
    for (int round = 0;; round++) {
        const uint32_t generation = (uint32_t)(atomic_load_explicit(&state, memory_order_acquire) >> 32);
        if (generation != seen) return generation;
        pause_briefly();
        if ((round & 255) == 255 && nanoseconds_now() > deadline) break;
    }
    pthread_mutex_lock(&sleepLock);
    atomic_fetch_add(&sleepers, 1);
    uint32_t generation;
    while ((generation = (uint32_t)(atomic_load(&state) >> 32)) == seen) pthread_cond_wait(&wake, &sleepLock);
    atomic_fetch_sub(&sleepers, 1);
    pthread_mutex_unlock(&sleepLock);
    return generation;
}

static void *worker_main(void *argument) {
    isWorker = 1;
    uint32_t seen = (uint32_t)(uintptr_t)argument;
    for (;;) {
        seen = wait_for_loop_after(seen);
        run_chunks(seen);
    }
    return NULL;
}

/// Starts workers until there are `count` (at most MAXIMUM_WORKERS); they wait for a loop after
/// `generation`. Returns how many there are. Called with loopLock held.
static int start_workers(int count, uint32_t generation) {
    if (count > MAXIMUM_WORKERS) count = MAXIMUM_WORKERS;
    while (workerCount < count) {
        pthread_attr_t attributes;
        pthread_attr_init(&attributes);
        pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
        pthread_t thread;
        const int failed = pthread_create(&thread, &attributes, worker_main, (void *)(uintptr_t)generation);
        pthread_attr_destroy(&attributes);
        if (failed) break;
        workerCount++;
    }
    return workerCount;
}

void synapse_parallel_for(ptrdiff_t chunks, synapse_chunk_function function, void *context) {
    if (chunks <= 0) return;
    if (chunks == 1 || chunks > UINT32_MAX || isWorker || pthread_mutex_trylock(&loopLock) != 0) {
        for (ptrdiff_t chunk = 0; chunk < chunks; chunk++) function(context, chunk);
        return;
    }
    const uint32_t previous = (uint32_t)(atomic_load_explicit(&state, memory_order_relaxed) >> 32), generation = previous + 1;
    if (start_workers((int)(chunks - 1), previous) == 0) {
        pthread_mutex_unlock(&loopLock);
        for (ptrdiff_t chunk = 0; chunk < chunks; chunk++) function(context, chunk);
        return;
    }
    atomic_store_explicit(&loopFunction, function, memory_order_relaxed);
    atomic_store_explicit(&loopContext, context, memory_order_relaxed);
    atomic_store_explicit(&loopChunks, chunks, memory_order_relaxed);
    atomic_store_explicit(&finishedChunks, 0, memory_order_relaxed);
    atomic_store(&state, (uint64_t)generation << 32);          // publishes the settings above
    if (atomic_load(&sleepers) > 0) {
        pthread_mutex_lock(&sleepLock);
        pthread_cond_broadcast(&wake);
        pthread_mutex_unlock(&sleepLock);
    }
    run_chunks(generation);
    while (atomic_load_explicit(&finishedChunks, memory_order_acquire) < chunks) pause_briefly();
    pthread_mutex_unlock(&loopLock);
}
