import ArgumentParser
import Foundation
import Synapse

/// `synapse bench train`: training and inference of the peer benchmarks' workloads (W1–W5) and the seed digit program's `fit`, by Synapse and, optionally, by PyTorch,
/// Keras/JAX, scikit-learn and TensorFlow, alternately in one invocation.
///
/// Standard output gets one JSON object per line in the peers' form (an `env` line, Synapse's
/// `result` lines, the peers' lines forwarded unchanged, then `ratio` lines); standard error
/// gets progress and a table of medians across rounds with target marks.
struct BenchTrainCommand: ParsableCommand {
    /// The subcommand's name and help.
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Training throughput, inference latency and throughput of Synapse vs PyTorch, Keras/JAX, scikit-learn, TensorFlow.",
        discussion: """
            Workloads as the shared peer benchmarks (common.py) define them. W1: 400-25-15-10 MLP, \
            5000 samples, batch 32, 10 epochs; samples/s of the median of epochs 2-10. W2: \
            784-256-128-10 MLP, 60000 samples, batch 128, one warm-up epoch on 608 samples, then 2 \
            epochs; samples/s of the median epoch; also peak_rss, the process's peak resident \
            memory so far (getrusage) right after W2's fit, which includes whatever ran before \
            in this process: use --workloads W2 --rounds 1 to measure W2 alone. W3: the seed CNN \
            (Conv2D 32, pool, Conv2D 64, pool, Conv2D 64, Dense 64, Dense 10) on 10000 random 28x28x1 \
            images, batch 64, after a warm-up on 272 samples; samples/s of one epoch, GFLOP/s (3x the \
            forward FLOPs) and the peak memory after its fit. W4: single-sample \
            latency of the W1 model by model(x) and predict(x), median of 300 calls after 30 \
            warm-up calls. W5: predict of the W2 model on 10000 samples in batches of 1000, \
            samples/s of the median of 7 passes. W6 (its PyTorch twin is the project's \
            Benchmarks/lstm/bench_torch_lstm.py): a character LSTM, Embedding 65->64, LSTM 256 \
            over 100 steps, Dense 65 at every step, 1280 random sequences, batch 64, after a \
            warm-up on 256; sequences/s of the median of 2 epochs. seed-digits (Synapse only): fit of the W1 model \
            on 5000 rows with a 10 % validation split, 40 epochs, batch 32; wall time. Epochs are \
            timed by a callback; shuffling is on. Each round runs Synapse, then each peer's script \
            (same workloads, threads and --quick); medians across rounds are compared. Synapse's \
            kernels split work across --threads cores themselves (ComputeThreads.maximum, with a single-threaded BLAS); --threads also sets the peers' threads. \
            Synapse's W1, W2, W3, W5 and seed-digits lines carry cpu_per_wall, the cores the process \
            kept busy (its pool's workers spin briefly between loops, and the spinning counts): far \
            below the thread count means another program held a core, and the figure is not \
            comparable (shared machines alternate between such periods; use --rounds 3 or more).
            """)

    @Option(help: "Workloads, comma-separated: \(TrainWorkload.allCases.map(\.rawValue).joined(separator: ", ")).")
    var workloads = CommaSeparated<TrainWorkload>(TrainWorkload.allCases)

    @Option(help: "Peers to run in the same invocation, comma-separated: \(TrainPeer.allCases.map(\.rawValue).joined(separator: ", ")) (default: none).")
    var peers = CommaSeparated<TrainPeer>([])

    @Option(help: "The Python interpreter that runs the peers (default: the virtual environment that setup_venv.sh makes beside the peer scripts, <shared-bench>/.venv/bin/python, if it exists, else python3).")
    var python: String?

    @Option(help: "Folder of the shared peer benchmarks (bench_torch.py, common.py, ...), relative to the current directory.")
    var sharedBench = "../shared/bench"

    @Option(help: "Folder of the project's own peer scripts (lstm/bench_torch_lstm.py for W6), relative to the current directory.")
    var projectBench = "Benchmarks"

    @Option(help: "Rounds: Synapse and each peer run this many times alternately; medians across rounds are compared.")
    var rounds = 1

    @Option(help: "Threads for Synapse (ComputeThreads.maximum) and --threads of the peers (default: all cores).")
    var threads: Int?

    @Flag(help: "Shrunk sizes (the peers' --quick), for smoke tests; the figures are then not comparable with the targets.")
    var quick = false

    /// Runs every round and prints the report.
    ///
    /// - Throws: `BenchError` for an invalid option, a missing Python or framework, or a
    ///   failing peer; `ModelError` or `TensorError` if Synapse rejects a workload.
    func run() throws {
        let settings = try validatedSettings()
        let peers = settings.peerWorkloads.isEmpty && !settings.runsLSTM ? [] : settings.peers
        if peers.isEmpty && !settings.peers.isEmpty {
            StandardStream.error.write(line: "peers skipped: they measure none of the workloads \(workloads.defaultValueDescription)")
        }
        let runner = peers.isEmpty ? nil : try PeerRunner(python: settings.python)
        for peer in peers {
            for script in scripts(of: peer, settings: settings, rep: 0) { try script.requireExists() }
            try runner?.requireImports(peer.modules, for: peer.rawValue)
        }
        ComputeThreads.maximum = settings.threads
        JSONLine(["kind": "env", "framework": "synapse", "threads": .int(settings.threads), "quick": .bool(settings.quick),
                  "nproc": .int(ProcessInfo.processInfo.activeProcessorCount), "cmd": .string(Invocation.text)]).emit()

        let suite = SynapseTrainSuite(workloads: settings.workloads, sizes: settings.sizes, threads: settings.threads)
        var report = TrainReport()
        var checksum: Float = 0
        for round in 0..<settings.rounds {
            let prefix = "round \(round + 1)/\(settings.rounds)"
            checksum += try suite.run(
                rep: round,
                progress: { StandardStream.error.write(line: "\(prefix): synapse \($0.rawValue)") },
                report: { result in
                    result.line.emit()
                    report.record(result.rate)
                })
            guard let runner else { continue }
            for peer in peers {
                for script in scripts(of: peer, settings: settings, rep: round) {
                    StandardStream.error.write(line: "\(prefix): \(script.name)")
                    for rate in try runner.run(script) { report.record(rate) }
                }
            }
        }
        report.emitRatios()
        report.printTable(settings: settings)
        StandardStream.error.write(line: "checksum of Synapse's inference outputs: \(checksum)")
    }

    /// The scripts `peer` runs in round `rep`: the shared one for W1–W5, the project's for W6.
    private func scripts(of peer: TrainPeer, settings: TrainSettings, rep: Int) -> [PeerRunner.Script] {
        (settings.peerWorkloads.isEmpty ? [] : [peer.script(for: settings, rep: rep)])
            + (settings.runsLSTM ? [peer.lstmScript(for: settings, rep: rep)].compactMap { $0 } : [])
    }

    /// The options checked and gathered.
    ///
    /// - Throws: `BenchError` naming the first option whose value is out of range.
    private func validatedSettings() throws -> TrainSettings {
        guard !workloads.values.isEmpty else { throw BenchError("--workloads: name at least one workload") }
        guard rounds >= 1 else { throw BenchError("--rounds: must be at least 1, got \(rounds)") }
        let threads = self.threads ?? ComputeThreads.usableCores()
        guard threads >= 1 else { throw BenchError("--threads: must be at least 1, got \(threads)") }
        return TrainSettings(
            workloads: TrainWorkload.allCases.filter(workloads.values.contains),
            peers: TrainPeer.allCases.filter(peers.values.contains),
            python: python ?? TrainSettings.defaultPython(besides: URL(fileURLWithPath: sharedBench)),
            sharedBench: URL(fileURLWithPath: sharedBench), projectBench: URL(fileURLWithPath: projectBench), rounds: rounds, threads: threads, quick: quick)
    }
}
