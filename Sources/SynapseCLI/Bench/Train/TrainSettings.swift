import Foundation

/// The validated settings of one `synapse bench train` run.
struct TrainSettings {
    /// The interpreter used when `--python` is not given: the virtual environment that the
    /// peers' `setup_venv.sh` creates beside their scripts, when it exists, else `python3` on `PATH`.
    static func defaultPython(besides sharedBench: URL) -> String {
        let venv = sharedBench.appendingPathComponent(".venv/bin/python").path
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : "python3"
    }

    /// The workloads, each once, in `TrainWorkload.allCases` order.
    let workloads: [TrainWorkload]
    /// The peers run after Synapse in every round.
    let peers: [TrainPeer]
    /// The Python interpreter that runs the peers.
    let python: String
    /// The folder of the shared peer benchmarks (`bench_torch.py`, `common.py`, …).
    let sharedBench: URL
    /// The folder of the project's own peer scripts (`lstm/bench_torch_lstm.py`).
    let projectBench: URL

    /// How many times Synapse and each peer run, alternately.
    let rounds: Int
    /// OpenBLAS threads for Synapse, and `--threads` of every peer.
    let threads: Int
    /// Whether the sizes are the shrunk ones of `--quick`.
    let quick: Bool

    /// The workloads the shared peer scripts are asked for (all but `W6` and `seed-digits`).
    var peerWorkloads: [TrainWorkload] { workloads.filter(\.isMeasuredBySharedPeers) }

    /// Whether W6 runs, whose PyTorch twin is the project's own script.
    var runsLSTM: Bool { workloads.contains(.w6) }

    /// The sizes of every workload.
    var sizes: TrainSizes { TrainSizes(quick: quick) }
}
