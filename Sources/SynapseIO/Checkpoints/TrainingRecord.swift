import Foundation
import SynapseNN
import SynapseTensor

/// The contents of a checkpoint's `training.json`: where training stands.
///
/// ```json
/// {"formatVersion": 1, "epochsCompleted": 2, "iterations": 8,
///  "optimizer": {"name": "Adam", "learningRate": 0.001, "slotCount": 2},
///  "history": {"epochs": [0, 1], "values": {"loss": [0.9, 0.7]}}}
/// ```
public struct TrainingRecord: Codable {
    /// What the optimizer was, for checking the one a checkpoint is loaded into.
    public struct OptimizerRecord: Codable, Hashable, Sendable {
        /// The optimizer's name, e.g. `Adam`.
        public var name: String
        /// The learning rate the next step would have used (informative).
        public var learningRate: Float
        /// The number of slots per parameter.
        public var slotCount: Int
    }

    /// The checkpoint format's version.
    public var formatVersion: Int
    /// The number of epochs finished: training resumes at this epoch (`fit`'s `initialEpoch`).
    public var epochsCompleted: Int
    /// The optimizer's step count (also the learning-rate schedule's position).
    public var iterations: Int
    /// The optimizer.
    public var optimizer: OptimizerRecord
    /// The figures of every finished epoch.
    public var history: History
    /// The generators of the model's stochastic layers (augmentation, noise) by layer name,
    /// so that a resumed run draws what an uninterrupted one would. Absent in checkpoints of
    /// models without such layers.
    public var layerGenerators: [String: RandomGenerator]?

    /// Reads `training.json` from `data`, checking the version before anything else.
    ///
    /// - Throws: `CheckpointError.invalidFile` for data that is not such a record,
    ///   `.unsupportedVersion` for a version newer than `Checkpoint.formatVersion`.
    static func decoded(from data: Data, source: String) throws -> TrainingRecord {
        struct Version: Decodable { let formatVersion: Int }
        guard let version = try? JSONDecoder().decode(Version.self, from: data) else {
            throw CheckpointError.invalidFile(path: source, expected: "a JSON object with a formatVersion", received: "\(data.count) bytes that are not")
        }
        guard version.formatVersion <= Checkpoint.formatVersion else {
            throw CheckpointError.unsupportedVersion(path: source, version: version.formatVersion, supported: Checkpoint.formatVersion)
        }
        let record: TrainingRecord
        do { record = try JSONDecoder().decode(TrainingRecord.self, from: data) } catch {
            throw CheckpointError.invalidFile(path: source, expected: "a training record", received: "\(error)")
        }
        guard record.epochsCompleted >= 0, record.iterations >= 0, record.history.epochs.count <= record.epochsCompleted else {
            throw CheckpointError.invalidFile(
                path: source, expected: "epochsCompleted, iterations ≥ 0 and at most one history entry per completed epoch",
                received: "epochsCompleted \(record.epochsCompleted), iterations \(record.iterations), \(record.history.epochs.count) history entries")
        }
        return record
    }
}
