import Foundation
import SynapseTensor

/// A model's architecture without its weights: what `synapse train --model` reads and what a
/// saved model stores beside its weights. A graph model (`Functional`) adds `graph`, which says
/// which layer each call runs on which earlier calls' outputs.
///
/// ```json
/// {
///   "formatVersion": 1,
///   "name": "digits",
///   "seed": 0,
///   "layers": [
///     {"type": "input", "shape": [400]},
///     {"type": "dense", "units": 25, "activation": "relu"},
///     {"type": "dense", "units": 15, "activation": "relu"},
///     {"type": "dense", "units": 10}
///   ]
/// }
/// ```
public struct ModelDescription: Codable, Hashable, Sendable {
    /// The version of this format that wrote the description (readers refuse newer ones).
    public var formatVersion: Int
    /// The model's name.
    public var name: String
    /// The seed its weights are drawn from when it is built.
    public var seed: UInt64
    /// The layers, in order (each once, for a graph).
    public var layers: [LayerConfiguration]
    /// How a graph model's layers are connected; `nil` for a stack, each layer feeding the next.
    public var graph: GraphDescription?

    /// The format version this library writes and reads.
    public static let currentFormatVersion = 2

    /// A description of a sequential model, or of a graph model when `graph` is given
    /// (format version 2; stacks keep version 1, so older readers still read them).
    public init(name: String = "sequential", seed: UInt64 = 0, layers: [LayerConfiguration], graph: GraphDescription? = nil) {
        self.formatVersion = graph == nil ? 1 : 2
        self.name = name
        self.seed = seed
        self.layers = layers
        self.graph = graph
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case formatVersion, name, seed, layers, graph }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.allCases.map(\.rawValue), in: "a model description")
        let container = try decoder.container(keyedBy: CodingKeys.self)
        graph = try container.decodeIfPresent(GraphDescription.self, forKey: .graph)
        // Unstated, the version is the one the content needs: 2 for a graph, else 1.
        formatVersion = try container.decodeIfPresent(Int.self, forKey: .formatVersion) ?? (graph == nil ? 1 : 2)
        guard (1...ModelDescription.currentFormatVersion).contains(formatVersion) else {
            throw DecodingError.dataCorruptedError(
                forKey: .formatVersion, in: container,
                debugDescription: "format version \(formatVersion) is not supported; this Synapse reads 1...\(ModelDescription.currentFormatVersion)")
        }
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? "sequential"
        seed = try container.decodeIfPresent(UInt64.self, forKey: .seed) ?? 0
        layers = try container.decode([LayerConfiguration].self, forKey: .layers)
        if let graph { try graph.validate(layerCount: layers.count, in: container, key: .graph) }
    }

    /// The description in a JSON `data`, with decoding errors turned into one sentence naming
    /// the place in the file.
    ///
    /// - Throws: `ModelError.invalidArgument` naming `source`, the JSON path and the problem.
    public static func decoded(from data: Data, source: String) throws -> ModelDescription {
        do {
            return try JSONDecoder().decode(ModelDescription.self, from: data)
        } catch let error as DecodingError {
            throw ModelError.invalidArgument(owner: "model description \(source)", argument: "the JSON", expected: "a valid description", received: error.explanation)
        } catch {
            throw ModelError.invalidArgument(owner: "model description \(source)", argument: "the file", expected: "JSON", received: "\(error)")
        }
    }

    /// The description as pretty-printed JSON with sorted keys.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self)
    }
}

extension DecodingError {
    /// One sentence: where in the file (`layers[2].units`) and what is wrong.
    var explanation: String {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop { $0 == "." }.description
        }
        switch self {
        case let .typeMismatch(type, context): return "\(path(context.codingPath)): expected \(type) (\(context.debugDescription))"
        case let .valueNotFound(type, context): return "\(path(context.codingPath)): missing \(type) value"
        case let .keyNotFound(key, context): return "\(path(context.codingPath + [key])): missing required key '\(key.stringValue)'"
        case let .dataCorrupted(context): return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default: return "\(self)"
        }
    }
}

extension Sequential {
    /// A model built from `description` (its weights drawn from the description's seed).
    ///
    /// - Throws: `ModelError.invalidArgument` when a layer's settings do not make a layer
    ///   (descriptions decoded from JSON were checked already), or the description is a graph.
    public convenience init(_ description: ModelDescription) throws {
        guard description.graph == nil else {
            throw ModelError.invalidArgument(owner: "model description '\(description.name)'", argument: "graph", expected: "a stack for Sequential",
                                             received: "a graph (build it with Functional(description))")
        }
        let layers = try description.layers.map { try $0.makeLayer() }
        self.init(name: description.name, seed: description.seed) { layers }
    }

    /// The model's description, or an error naming a layer that cannot describe itself.
    ///
    /// - Throws: `ModelError.invalidArgument` for a layer of a kind the format does not know.
    public func describedModel() throws -> ModelDescription {
        ModelDescription(name: name, seed: seed, layers: try layers.map { try LayerConfiguration.describing($0, in: name) })
    }
}

extension LayerConfiguration {
    /// The configuration of `layer` of model `model`.
    ///
    /// - Throws: `ModelError.invalidArgument` for a layer of a kind the format does not know.
    static func describing(_ layer: any Layer, in model: String) throws -> LayerConfiguration {
        guard let configurable = layer as? any ConfigurableLayer else {
            throw ModelError.invalidArgument(
                owner: "model '\(model)'", argument: "layer '\(layer.name)'",
                expected: "a layer the model format knows (\(LayerConfiguration.knownTypes.keys.sorted().joined(separator: ", ")))",
                received: "\(Swift.type(of: layer))")
        }
        return try configurable.configuration()
    }
}
