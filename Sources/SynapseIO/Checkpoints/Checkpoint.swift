import Foundation
import SynapseNN
import SynapseTensor

/// Training checkpoints: a folder from which a compiled model (`Sequential` or `Functional`)
/// continues training exactly where it stopped.
///
/// Format version 1, a folder holding:
/// - `model.json` and `weights.safetensors`: the model, as `save(to:)` writes it;
/// - `optimizer.safetensors`: the optimizer's slots, one tensor per slot named
///   `<layer>/<parameter>/<slot index>` (e.g. `dense/kernel/0`, Adam's first moment), with
///   metadata `iterations`, `slotCount` and `optimizer` (the name);
/// - `training.json`: a `TrainingRecord` (format version, epochs completed, iterations, the
///   optimizer's name, learning rate and slot count, and the `History`).
///
/// Each file is written to a temporary file, `fsync`ed and renamed; the folder is assembled
/// beside its destination, synced, and renamed into place, and the parent directory synced.
/// So after a crash the destination holds the previous checkpoint or the new one, never a mix
/// (if the crash falls between moving the old folder aside and the new one in, the old one is
/// complete in `.<name>.previous`, where `load` looks).
///
/// The shuffling stream of the resumed `fit` is rebuilt from its seed (see `fit`'s
/// `initialEpoch`), so a resumed run reproduces an uninterrupted one bit for bit.
public enum Checkpoint {
    /// The format version this Synapse writes, and the newest it reads.
    public static let formatVersion = 1
    /// The file holding the optimizer's slots.
    public static let optimizerFileName = "optimizer.safetensors"
    /// The file holding the training position and history.
    public static let trainingFileName = "training.json"

    /// Writes a checkpoint of `model` (built and compiled) after `epochsCompleted` epochs to
    /// the folder `url`, atomically replacing what is there.
    ///
    /// - Throws: `ModelError` for a model that is not built or compiled; `CheckpointError` for
    ///   file-system failures (the previous checkpoint stays intact).
    public static func write(_ model: some ModelFolderConvertible, epochsCompleted: Int, history: History, to url: URL) throws {
        try write(model, epochsCompleted: epochsCompleted, history: history, to: url, failingAfterFiles: nil)
    }

    /// `write`, throwing after `failingAfterFiles` files of the staging folder are written
    /// (4: after all, before the swap), for testing that a failed write leaves the previous
    /// checkpoint intact.
    static func write(_ model: some ModelFolderConvertible, epochsCompleted: Int, history: History, to url: URL, failingAfterFiles: Int?) throws {
        guard model.builtInputShape != nil else {
            throw ModelError.notReady(model: model.name, reason: "build it before writing a checkpoint")
        }
        let optimizer = try model.requireOptimizer(for: "a checkpoint")
        let named = model.namedTrainableParameters
        let state = try optimizer.stateSnapshot(for: named.map(\.parameter))
        var slots: [String: Tensor] = [:]
        for ((name, _), parameterSlots) in zip(named, state.slots) {
            for (index, slot) in parameterSlots.enumerated() { slots["\(name)/\(index)"] = slot }
        }
        let record = TrainingRecord(
            formatVersion: formatVersion, epochsCompleted: epochsCompleted, iterations: state.iterations,
            optimizer: .init(name: optimizer.name, learningRate: optimizer.currentLearningRate, slotCount: state.slotCount),
            history: history, layerGenerators: stochasticGenerators(of: model))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let files = try model.modelFolderFiles() + [
            (optimizerFileName, try SafeTensors.encode(slots, metadata: [
                "format": "synapse-optimizer", "optimizer": optimizer.name,
                "iterations": "\(state.iterations)", "slotCount": "\(state.slotCount)",
            ])),
            (trainingFileName, try encoder.encode(record)),
        ]
        try DurableFiles.writeDirectory(files, to: url, backup: backupURL(of: url)) { index, destination in
            try injectFailure(if: index == failingAfterFiles, at: destination)
        }
    }

    /// Throws an injected `CheckpointError` naming `url` when `condition` holds.
    private static func injectFailure(if condition: Bool, at url: URL) throws {
        if condition { throw CheckpointError.fileSystem(path: url.path, operation: "write (injected failure)", code: EIO) }
    }

    /// Where `write` keeps the previous checkpoint while it swaps the new one in.
    /// The generator of each stochastic layer of `model`, by layer name (`nil` when it has none).
    static func stochasticGenerators(of model: some Model) -> [String: RandomGenerator]? {
        let layers = model.layers.compactMap { $0 as? any StochasticLayer }
        return layers.isEmpty ? nil : Dictionary(uniqueKeysWithValues: layers.map { ($0.name, $0.generator) })
    }

    static func backupURL(of url: URL) -> URL {
        url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).previous")
    }

}

extension Model {
    /// The compiled optimizer, or `ModelError.notReady` saying `purpose` needs `compile`.
    func requireOptimizer(for purpose: String) throws -> any Optimizer {
        guard let trainingSetup else {
            throw ModelError.notReady(model: name, reason: "call compile(optimizer:loss:metrics:) before \(purpose)")
        }
        return trainingSetup.optimizer
    }
}
