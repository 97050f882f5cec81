import Foundation

/// The validated settings of one `synapse bench ops` run.
struct OpsSettings {
    /// Square GEMM sizes `n`.
    let gemmSizes: [Int]
    /// Element counts of the elementwise operations.
    let elementCounts: [Int]
    /// Samples per measurement.
    let samples: Int
    /// How many times Synapse and each peer run, alternately.
    let rounds: Int
    /// Threads for Synapse (`ComputeThreads.maximum`), the direct OpenBLAS baseline and every peer.
    let threads: Int
    /// The reference frameworks run as subprocesses.
    let peers: [Peer]
    /// The Python interpreter that runs the peers.
    let python: String
    /// The folder of the shared peer benchmarks (`bench_matmul.py`, `common.py`).
    let sharedBench: URL
    /// The folder of Synapse's own peer scripts (`bench_elementwise.py`).
    let peerScripts: URL

    /// Every metric, in report order: GEMM by size, then each elementwise operation by count.
    var metrics: [OpsMetric] {
        gemmSizes.map { OpsMetric.gemm(n: $0) }
            + elementCounts.flatMap { count in ElementwiseOp.allCases.map { OpsMetric.elementwise($0, count: count) } }
    }

    /// The timing every measurement uses, Synapse's and the peers'.
    var stopwatch: Stopwatch { Stopwatch(samples: samples) }
}
