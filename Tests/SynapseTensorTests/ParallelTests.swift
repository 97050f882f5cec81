import Dispatch
import Foundation
import SynapseTensor
import Testing

/// `Parallel.forEachChunk` on the worker pool (WorkerPool.c): every index once, whoever calls.
@Suite struct ParallelTests {
    /// How many times `forEachChunk` visits each index of `0..<count`.
    private func visits(count: Int, minimumChunk: Int) -> [Int] {
        let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: count)
        defer { counts.deallocate() }
        counts.initialize(repeating: 0)
        let shared = UncheckedBuffer(counts)
        Parallel.forEachChunk(count: count, minimumChunk: minimumChunk) { range in
            for index in range { shared.buffer[index] += 1 }
        }
        return Array(counts)
    }

    @Test func everyIndexIsVisitedOnce() {
        for (count, minimumChunk) in [(0, 1), (1, 1), (7, 1), (1000, 10), (100_003, 1 << 10), (5, 100)] {
            #expect(visits(count: count, minimumChunk: minimumChunk) == Array(repeating: 1, count: count), "\(count), \(minimumChunk)")
        }
    }

    @Test func loopsInsideChunksAndFromManyThreadsAtOnceAllFinish() {
        let results = UnsafeMutableBufferPointer<Bool>.allocate(capacity: 8)
        defer { results.deallocate() }
        results.initialize(repeating: false)
        let shared = UncheckedBuffer(results)
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            var allOnce = true
            for round in 0..<200 {
                // A loop inside each chunk of another (it runs on the chunk's thread).
                var inner = [Int](repeating: 0, count: 4)
                inner.withUnsafeMutableBufferPointer { inner in
                    let innerCounts = UncheckedBuffer(inner)
                    Parallel.forEachChunk(count: 4, minimumChunk: 1) { outer in
                        for index in outer {
                            let nested = visits(count: 64 + round, minimumChunk: 8)
                            innerCounts.buffer[index] = nested.allSatisfy { $0 == 1 } ? 1 : 0
                        }
                    }
                }
                allOnce = allOnce && inner == [1, 1, 1, 1]
            }
            shared.buffer[thread] = allOnce
        }
        #expect(Array(results) == Array(repeating: true, count: 8))
    }

    @Test func aLoopAfterTheWorkersFellAsleepStillRuns() throws {
        #expect(visits(count: 4096, minimumChunk: 64) == Array(repeating: 1, count: 4096))
        Thread.sleep(forTimeInterval: 0.01)          // longer than the workers spin
        #expect(visits(count: 4096, minimumChunk: 64) == Array(repeating: 1, count: 4096))
    }
}
