import Foundation
import SynapseNN
import SynapseTensor

/// A model that can be saved as a model folder: a directory holding `model.json` (the
/// `ModelDescription`, with its format version) and `weights.safetensors` (every parameter,
/// named `layer/parameter`, e.g. `dense/kernel` of shape `[in, out]`). `Sequential` and
/// `Functional` are.
///
/// The directory is written beside its destination, synced and renamed into place
/// (`DurableFiles.writeDirectory`, as checkpoints are), so an interrupted save leaves the
/// previous model intact: in place, or in a `.name.previous` folder beside it if the
/// interruption falls between the two renames. Optimizer and training state come with
/// `Checkpoint`.
public protocol ModelFolderConvertible: Model {
    /// The model's architecture, without weights.
    ///
    /// - Throws: `ModelError.invalidArgument` for a layer the format cannot describe.
    func describedModel() throws -> ModelDescription
    /// The model `description` makes, built, ready for its weights.
    ///
    /// - Throws: `ModelError` naming `source` when the description cannot make a built model.
    static func built(from description: ModelDescription, source: String) throws -> Self
}

/// The names of a model folder's files, and loading a folder whatever its model's kind.
public enum ModelFolder {
    /// The file in a model directory that holds the architecture.
    public static let descriptionFileName = "model.json"
    /// The file in a model directory that holds the weights.
    public static let weightsFileName = "weights.safetensors"

    /// The model saved in the directory `url`: a `Functional` when its description has a
    /// graph, else a `Sequential`.
    ///
    /// - Throws: as `load(from:)` of either kind.
    public static func load(from url: URL) throws -> any ModelFolderConvertible {
        let descriptionURL = url.appendingPathComponent(descriptionFileName)
        guard let data = FileManager.default.contents(atPath: descriptionURL.path) else { return try Sequential.load(from: url) }
        return try ModelDescription.decoded(from: data, source: descriptionURL.path).graph == nil
            ? try Sequential.load(from: url) : try Functional.load(from: url)
    }
}

extension ModelFolderConvertible {
    /// Writes the model to the directory `url`, replacing what is there.
    ///
    /// - Throws: `ModelError` for a model that is not built or has a layer the format cannot
    ///   describe; `CheckpointError.fileSystem` naming the path and the failing call.
    public func save(to url: URL) throws {
        guard builtInputShape != nil else {
            throw ModelError.notReady(model: name, reason: "build it (call it, fit it, or start it with Input) before saving its weights")
        }
        try DurableFiles.writeDirectory(modelFolderFiles(), to: url, backup: Checkpoint.backupURL(of: url))
    }

    /// The files of a model folder, by name: the description and the weights.
    func modelFolderFiles() throws -> [(name: String, data: Data)] {
        [
            (ModelFolder.descriptionFileName, try describedModel().encoded()),
            (ModelFolder.weightsFileName, try SafeTensors.encode(namedWeights(), metadata: ["format": "synapse", "model": name])),
        ]
    }

    /// The model saved in the directory `url`: its architecture, built, with its weights.
    ///
    /// - Throws: `ModelError` naming the file and what is wrong (a missing or unknown weight, a
    ///   shape that differs, an unreadable description); `SafeTensorsError` for a malformed
    ///   weights file.
    public static func load(from url: URL) throws -> Self {
        let descriptionURL = url.appendingPathComponent(ModelFolder.descriptionFileName)
        guard let data = FileManager.default.contents(atPath: descriptionURL.path) else {
            throw ModelError.invalidArgument(owner: "\(Self.self).load", argument: "model directory",
                                             expected: "a directory with \(ModelFolder.descriptionFileName) and \(ModelFolder.weightsFileName)",
                                             received: "\(url.path) (no readable \(ModelFolder.descriptionFileName))")
        }
        let description = try ModelDescription.decoded(from: data, source: descriptionURL.path)
        // The weights file is read first (its reader allocates no more than the file holds), and
        // the model may create no more weights than it holds, plus a million values (4 MB) so
        // that a missing or misshapen tensor is reported by name below: a forged layer size is
        // an error, not an allocation.
        let weightsURL = url.appendingPathComponent(ModelFolder.weightsFileName)
        let weights = try SafeTensors.read(contentsOf: weightsURL).tensors
        let held = weights.values.reduce(0) { $0 + $1.elementCount }
        let model = try WeightBudget.withLimit(held + (1 << 20), justifiedBy: "\(weightsURL.path) (\(held) values) allows") {
            try built(from: description, source: descriptionURL.path)
        }
        try model.assignNamedWeights(weights, source: weightsURL.path)
        return model
    }
}

extension Sequential: ModelFolderConvertible {
    /// The stack `description` makes, built from its first layer, which must be an `Input`.
    public static func built(from description: ModelDescription, source: String) throws -> Sequential {
        let model = try Sequential(description)
        guard let first = model.layers.first as? Input else {
            throw ModelError.invalidArgument(owner: "Sequential.load", argument: "\(source)", expected: "a first layer of type input (to build the model)",
                                             received: model.layers.first.map { "'\($0.name)'" } ?? "no layers")
        }
        try model.build(inputShape: first.shape)
        return model
    }
}

extension Functional: ModelFolderConvertible {
    /// The graph `description` makes (built as it is drawn).
    public static func built(from description: ModelDescription, source: String) throws -> Functional {
        try Functional(description)
    }
}

extension Model {
    /// Every parameter by name (`layer/parameter`, `model/layer/parameter` inside a nested model).
    func namedWeights() -> [String: Tensor] {
        Dictionary(uniqueKeysWithValues: namedParameters.map { ($0.name, $0.parameter.value) })
    }

    /// Sets every parameter from `weights`, which must hold exactly this model's names and
    /// shapes. Everything is checked before anything is assigned, so weights that do not fit
    /// leave the model as it was.
    func assignNamedWeights(_ weights: [String: Tensor], source: String) throws {
        let named = namedParameters
        let expected = Set(named.map(\.name))
        if let unknown = weights.keys.sorted().first(where: { !expected.contains($0) }) {
            throw ModelError.invalidArgument(owner: "weights \(source)", argument: "tensor '\(unknown)'", expected: "one of \(expected.sorted())", received: "an unknown name")
        }
        for (key, parameter) in named {
            guard let value = weights[key] else {
                throw ModelError.invalidArgument(owner: "weights \(source)", argument: "tensor '\(key)'", expected: "present, shape \(parameter.shape)", received: "missing")
            }
            guard value.shape == parameter.shape else {
                throw ModelError.invalidArgument(owner: "weights \(source)", argument: "tensor '\(key)'", expected: "shape \(parameter.shape)", received: "shape \(value.shape)")
            }
        }
        for (key, parameter) in named { parameter.value = weights[key]! }
    }
}
