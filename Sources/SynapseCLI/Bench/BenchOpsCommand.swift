import ArgumentParser
import Foundation
import Synapse

/// `synapse bench ops`: GEMM and elementwise throughput of Synapse, OpenBLAS called directly
/// and, optionally, NumPy, measured alternately in one invocation.
///
/// Standard output gets one JSON object per line in the peer benchmarks' form (an `env` line,
/// `result` lines, the peers' own lines forwarded unchanged, then `ratio` lines); standard
/// error gets progress and a table of per-metric medians across rounds with target marks.
struct BenchOpsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ops",
        abstract: "GEMM and elementwise throughput of Synapse vs OpenBLAS direct and NumPy.",
        discussion: """
            Measures square SGEMM (GFLOP/s = 2n^3/t) through Tensor.matmul and through \
            cblas_sgemm directly, and add, mul, exp and sum on float vectors (Melem/s). Each \
            measurement: 3 warm-up calls, then --samples samples of enough calls to last \
            >= 0.15 s; the median is reported. With --peers numpy the same measurements run in \
            Python subprocesses, alternating with Synapse's for --rounds rounds. JSON lines go \
            to stdout, the table to stderr.
            """)

    @Option(help: "Square GEMM sizes n, comma-separated.")
    var sizes = CommaSeparated<Int>([128, 512, 2048])

    @Option(help: "Element counts of the elementwise operations, comma-separated (1048576 is 1M).")
    var elements = CommaSeparated<Int>([1 << 20, 1 << 24])

    @Option(help: "Samples per measurement; the median is reported.")
    var samples = 7

    @Option(help: "Rounds: Synapse and each peer run this many times alternately; medians across rounds are compared.")
    var rounds = 3

    @Option(help: "Threads for Synapse (ComputeThreads.maximum), the direct OpenBLAS baseline and the peers (default: all cores).")
    var threads: Int?

    @Option(help: "Peers to run in the same invocation, comma-separated: \(Peer.allCases.map(\.rawValue).joined(separator: ", ")) (default: none).")
    var peers = CommaSeparated<Peer>([])

    @Option(help: "The Python interpreter that runs the peers.")
    var python = "python3"

    @Option(help: "Folder of the shared peer benchmarks (bench_matmul.py, common.py), relative to the current directory.")
    var sharedBench = "../shared/bench"

    @Option(help: "Folder of Synapse's peer scripts (bench_elementwise.py), relative to the current directory.")
    var peerScripts = "Benchmarks/peers"

    /// Runs every round and prints the report.
    ///
    /// - Throws: `BenchError` for an invalid option, a missing Python or a failing peer.
    func run() throws {
        let settings = try validatedSettings()
        let runner = settings.peers.isEmpty ? nil : try PeerRunner(python: settings.python)
        for peer in settings.peers {
            for script in peer.scripts(for: settings, rep: 0) { try script.requireExists() }
        }
        ComputeThreads.maximum = settings.threads
        JSONLine(["kind": "env", "framework": "synapse", "threads": .int(settings.threads),
                  "cmd": .string(Invocation.text)]).emit()

        let suite = SynapseOpsSuite(metrics: settings.metrics, stopwatch: settings.stopwatch)
        var report = OpsReport(metrics: settings.metrics)
        var checksum: Float = 0
        for round in 0..<settings.rounds {
            StandardStream.error.write(line: "round \(round + 1)/\(settings.rounds): synapse")
            checksum += try suite.run { result in
                result.jsonLine(threads: settings.threads, rep: round).emit()
                report.record(result.median, of: result.framework, for: result.metric.name)
            }
            guard let runner else { continue }
            for peer in settings.peers {
                for script in peer.scripts(for: settings, rep: round) {
                    StandardStream.error.write(line: "round \(round + 1)/\(settings.rounds): \(script.name)")
                    for rate in try runner.run(script) {
                        report.record(rate.value, of: peer.framework, for: rate.metric)
                    }
                }
            }
        }
        report.emitRatios()
        report.printTable(rounds: settings.rounds, threads: settings.threads, samples: settings.samples)
        StandardStream.error.write(line: "checksum of all Synapse results: \(checksum)")
    }

    /// The options checked and gathered.
    ///
    /// - Throws: `BenchError` naming the first option whose value is out of range.
    private func validatedSettings() throws -> OpsSettings {
        func require(_ condition: Bool, _ message: @autoclosure () -> String) throws {
            if !condition { throw BenchError(message()) }
        }
        try require(sizes.values.allSatisfy { $0 > 0 }, "--sizes: every size must be positive, got \(sizes.defaultValueDescription)")
        try require(elements.values.allSatisfy { $0 > 0 }, "--elements: every count must be positive, got \(elements.defaultValueDescription)")
        try require(samples >= 1, "--samples: must be at least 1, got \(samples)")
        try require(rounds >= 1, "--rounds: must be at least 1, got \(rounds)")
        let threads = self.threads ?? ComputeThreads.usableCores()
        try require(threads >= 1, "--threads: must be at least 1, got \(threads)")
        return OpsSettings(
            gemmSizes: sizes.values, elementCounts: elements.values, samples: samples, rounds: rounds,
            threads: threads, peers: peers.values, python: python,
            sharedBench: URL(fileURLWithPath: sharedBench), peerScripts: URL(fileURLWithPath: peerScripts))
    }
}
