import Foundation
import SynapseNN
import SynapseTensor

/// Where a resumed `fit` starts: the epoch and the figures of the epochs before it.
public struct ResumePoint {
    /// The first epoch still to train: pass it as `fit`'s `initialEpoch`.
    public let initialEpoch: Int
    /// The optimizer's step count at the checkpoint.
    public let iterations: Int
    /// The figures of the epochs already trained.
    public let history: History
}

extension ModelFolderConvertible {
    /// Loads the checkpoint in folder `url` into this model (built or not, compiled with the
    /// same kind of optimizer): its weights and its optimizer's state.
    ///
    /// Everything is read into temporaries and checked before anything is assigned, so a
    /// checkpoint that does not load leaves the model and optimizer untouched.
    ///
    /// ```swift
    /// let resume = try model.resumeTraining(from: checkpointURL)
    /// let rest = try model.fit(x, y, epochs: 4, seed: 7, initialEpoch: resume.initialEpoch)
    /// ```
    ///
    /// - Returns: the epoch to continue from, and the history so far.
    /// - Throws: `ModelError.notReady` for a model that is not compiled; `CheckpointError` for
    ///   a missing, truncated, corrupt or foreign file (naming it), a format version from the
    ///   future, or a checkpoint of a different architecture or optimizer; `SafeTensorsError`
    ///   for a malformed tensor file.
    public func resumeTraining(from url: URL) throws -> ResumePoint {
        let optimizer = try requireOptimizer(for: "resumeTraining(from:)")
        let folder = Checkpoint.resolvedFolder(url)
        let trainingURL = folder.appendingPathComponent(Checkpoint.trainingFileName)
        guard let trainingData = FileManager.default.contents(atPath: trainingURL.path) else {
            throw CheckpointError.invalidFile(path: trainingURL.path, expected: "a readable training record", received: "no such file")
        }
        let record = try TrainingRecord.decoded(from: trainingData, source: trainingURL.path)
        guard record.optimizer.name == optimizer.name else {
            throw CheckpointError.mismatch(path: folder.path, what: "optimizer", expected: optimizer.name, received: record.optimizer.name)
        }
        let saved = try Self.load(from: folder)
        if builtInputShape == nil, let input = saved.builtInputShape { try build(inputShape: input) }
        let weights = saved.namedWeights()
        try Checkpoint.requireSameParameters(weights, as: namedWeights(), source: folder.path)

        let optimizerURL = folder.appendingPathComponent(Checkpoint.optimizerFileName)
        let named = namedTrainableParameters
        let state = try Checkpoint.readOptimizerState(from: optimizerURL, for: named, record: record)
        let stochastic = layers.compactMap { $0 as? any StochasticLayer }
        let generators = record.layerGenerators ?? [:]
        guard Set(stochastic.map(\.name)) == Set(generators.keys) else {
            throw CheckpointError.mismatch(path: trainingURL.path, what: "stochastic layers (their random generators)",
                                           expected: "\(stochastic.map(\.name).sorted())", received: "\(generators.keys.sorted())")
        }
        try optimizer.restore(state, for: named.map(\.parameter))
        try assignNamedWeights(weights, source: folder.path)
        for layer in stochastic { layer.generator = generators[layer.name]! }
        return ResumePoint(initialEpoch: record.epochsCompleted, iterations: record.iterations, history: record.history)
    }
}

extension Checkpoint {
    /// `url`, or the previous checkpoint `write` left beside it if a crash interrupted its swap.
    static func resolvedFolder(_ url: URL) -> URL {
        let backup = backupURL(of: url)
        let files = FileManager.default
        return !files.fileExists(atPath: url.path) && files.fileExists(atPath: backup.path) ? backup : url
    }

    /// Throws `CheckpointError.mismatch` unless `weights` have exactly the names and shapes of `current`.
    static func requireSameParameters(_ weights: [String: Tensor], as current: [String: Tensor], source: String) throws {
        guard Set(weights.keys) == Set(current.keys) else {
            throw CheckpointError.mismatch(path: source, what: "parameters", expected: current.keys.sorted().joined(separator: ", "),
                                           received: weights.keys.sorted().joined(separator: ", "))
        }
        for (name, value) in current.sorted(by: { $0.key < $1.key }) where weights[name]!.shape != value.shape {
            throw CheckpointError.mismatch(path: source, what: "parameter \(name)", expected: "shape \(value.shape)", received: "shape \(weights[name]!.shape)")
        }
    }

    /// The optimizer state in `url` for `named` parameters (names `<layer>/<param>/<slot>`),
    /// checked against `record`.
    static func readOptimizerState(
        from url: URL, for named: [(name: String, parameter: Parameter)], record: TrainingRecord
    ) throws -> OptimizerState {
        let (tensors, metadata) = try SafeTensors.read(contentsOf: url)
        guard metadata["format"] == "synapse-optimizer", let slotCount = metadata["slotCount"].flatMap(Int.init),
              let iterations = metadata["iterations"].flatMap(Int.init) else {
            throw CheckpointError.invalidFile(path: url.path, expected: "Synapse optimizer state (format, slotCount, iterations metadata)",
                                              received: "metadata \(metadata.sorted { $0.key < $1.key })")
        }
        guard iterations == record.iterations, slotCount == record.optimizer.slotCount else {
            throw CheckpointError.mismatch(path: url.path, what: "iterations and slot count",
                                           expected: "\(record.iterations), \(record.optimizer.slotCount) (training.json)", received: "\(iterations), \(slotCount)")
        }
        let expected = named.flatMap { entry in (0..<slotCount).map { "\(entry.name)/\($0)" } }
        guard Set(tensors.keys) == Set(expected) else {
            throw CheckpointError.mismatch(path: url.path, what: "optimizer slots", expected: expected.sorted().joined(separator: ", "),
                                           received: tensors.keys.sorted().joined(separator: ", "))
        }
        let slots = named.map { entry in (0..<slotCount).map { tensors["\(entry.name)/\($0)"]! } }
        return try OptimizerState(iterations: iterations, slotCount: slotCount, slots: slots)
    }
}
