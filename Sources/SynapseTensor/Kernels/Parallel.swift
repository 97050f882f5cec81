import CSynapseKernels

/// Splitting loops across the machine's cores.
///
/// Work is cut into contiguous ranges at fixed boundaries that depend only on the problem
/// size and the core count, so a run is repeatable on one machine. The ranges run on the
/// calling thread and the workers of `synapse_parallel_for` (WorkerPool.c), which spin briefly
/// between loops instead of sleeping. Small problems run on the calling thread: waking another
/// core costs a few microseconds.
package enum Parallel {
    /// The number of threads kernels may use (`ComputeThreads.maximum`).
    static var coreCount: Int { ComputeThreads.maximum }

    /// Calls `body` on contiguous sub-ranges covering `0..<count`, in parallel when each core
    /// would get at least `minimumChunk` iterations.
    package static func forEachChunk(count: Int, minimumChunk: Int, _ body: (Range<Int>) -> Void) {
        let chunks = min(coreCount, count / max(minimumChunk, 1))
        if chunks <= 1 {
            if count > 0 { body(0..<count) }
            return
        }
        withoutActuallyEscaping(body) { body in
            var loop = ChunkedLoop(body: body, chunks: chunks, count: count)
            withUnsafeMutablePointer(to: &loop) { pointer in
                synapse_parallel_for(chunks, { context, chunk in
                    let loop = context!.assumingMemoryBound(to: ChunkedLoop.self).pointee
                    loop.body(Parallel.range(ofChunk: chunk, of: loop.chunks, count: loop.count))
                }, pointer)
            }
        }
    }

    /// What the workers of one `forEachChunk` call need: the body and how to cut the range.
    private struct ChunkedLoop {
        let body: (Range<Int>) -> Void
        let chunks: Int
        let count: Int
    }

    /// The `chunk`-th of `chunks` near-equal contiguous parts of `0..<count`.
    static func range(ofChunk chunk: Int, of chunks: Int, count: Int) -> Range<Int> {
        let base = count / chunks, extra = count % chunks
        let start = chunk * base + min(chunk, extra)
        return start..<(start + base + (chunk < extra ? 1 : 0))
    }
}

/// Carries a value the compiler cannot prove `Sendable` into a parallel loop whose
/// iterations touch disjoint memory.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
