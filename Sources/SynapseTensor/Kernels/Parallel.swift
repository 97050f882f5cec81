import Dispatch
import Foundation

/// Splitting loops across the machine's cores.
///
/// Work is cut into contiguous ranges at fixed boundaries that depend only on the problem
/// size and the core count, so a run is repeatable on one machine. Small problems run on the
/// calling thread: waking another core costs a few microseconds.
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
            let box = UncheckedSendable(body)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                box.value(range(ofChunk: chunk, of: chunks, count: count))
            }
        }
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
