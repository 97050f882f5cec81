import Foundation
import Synapse
import SynapseTestSupport
import Testing

@Suite struct ModelDescriptionTests {
    @Test func aSequentialModelRoundTripsThroughJSON() throws {
        let model = Sequential(name: "digits", seed: 5) {
            Input(shape: [400])
            Dense(25, activation: .relu)
            Dense(15, activation: .leakyRelu(alpha: 0.1), kernelInitializer: .heNormal)
            Dense(10, useBias: false, name: "logits")
            Activation(.gelu(approximate: true))
        }
        let description = try model.describedModel()
        let decoded = try ModelDescription.decoded(from: try description.encoded(), source: "test")
        #expect(decoded == description)
        let rebuilt = try Sequential(decoded)
        #expect(rebuilt.layers.map(\.name) == model.layers.map(\.name))
        #expect(rebuilt.parameterCount == model.parameterCount)
        // Same seed, same architecture: the same initial weights.
        #expect(rebuilt.parameters.map(\.value) == model.parameters.map(\.value))
    }

    @Test func aHandWrittenDescriptionTakesTheDefaults() throws {
        let json = """
            {"layers": [{"type": "input", "shape": [400]},
                        {"type": "dense", "units": 25, "activation": "relu"},
                        {"type": "dense", "units": 10, "activation": {"name": "elu", "alpha": 0.5}}]}
            """
        let description = try ModelDescription.decoded(from: Data(json.utf8), source: "inline")
        #expect(description.name == "sequential" && description.seed == 0 && description.formatVersion == 1)
        let model = try Sequential(description)
        #expect(model.parameterCount == 400 * 25 + 25 + 25 * 10 + 10)
        let dense = try #require(model.layers[2] as? Dense)
        #expect(dense.activation == .elu(alpha: 0.5) && dense.kernelInitializer == .glorotUniform && dense.useBias)
    }

    @Test(arguments: [
        (#"{"layers": [{"type": "conv9d"}]}"#, "unknown layer type 'conv9d'"),
        (#"{"layers": [{"type": "dense", "units": 3, "activaton": "relu"}]}"#, "unknown key 'activaton'"),
        (#"{"layers": [{"type": "dense", "units": 3, "activation": "relux"}]}"#, "unknown activation 'relux'"),
        (#"{"layers": [{"type": "dense"}]}"#, "missing required key 'units'"),
        (#"{"formatVersion": 99, "layers": []}"#, "format version 99 is not supported"),
        (#"{"layers": [{"type": "dense", "units": "many"}]}"#, "layers[0].units"),
        (#"{"layers": [{"type": "dense", "units": 3, "activation": {"name": "leakyRelu", "alhpa": 0.1}}]}"#, "unknown setting 'alhpa'"),
        (#"{"layers": [{"type": "dense", "units": 3, "activation": {"name": "relu", "alpha": 0.1}}]}"#, "unknown setting 'alpha'"),
        (#"{"layers": [{"type": "dense", "units": 3, "kernelInitializer": {"name": "orthogonal", "gian": 2}}]}"#, "unknown setting 'gian'"),
        (#"{"layers": [{"type": "dense", "units": 3, "kernelInitializer": "glorot_uniform"}]}"#, "unknown initializer 'glorot_uniform'"),
        (#"{"layers": [], "sede": 1}"#, "sede: unknown key 'sede' in a model description"),
        (#"{"layers": [{"type": "input", "shape": [2]}], "graph": {"calls": [{"layer": 0, "inputs": []}], "inputs": [0], "outputs": [0], "output": [0]}}"#,
         "graph.output: unknown key 'output' in the graph"),
        (#"{"layers": [{"type": "input", "shape": [2]}], "graph": {"calls": [{"layer": 0, "inputs": [], "input": 1}], "inputs": [0], "outputs": [0]}}"#,
         "unknown key 'input' in a graph call"),
        ("not json", "JSON"),
    ])
    func mistakesAreReportedWithTheirPlace(json: String, expected: String) throws {
        let error = #expect(throws: ModelError.self) { try ModelDescription.decoded(from: Data(json.utf8), source: "model.json") }
        let message = "\(error.map { "\($0)" } ?? "")"
        #expect(message.contains(expected) && message.contains("model.json"), "\(message)")
    }

    @Test func activationsAndInitializersUseReadableNames() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let encoded = String(decoding: try encoder.encode([ActivationFunction.relu, .leakyRelu(alpha: 0.3)]), as: UTF8.self)
        #expect(encoded == #"["relu",{"alpha":0.3,"name":"leakyRelu"}]"#)
        let initializers: [Initializer] = [.glorotUniform, .constant(2), .randomNormal(mean: 1, standardDeviation: 2)]
        #expect(try JSONDecoder().decode([Initializer].self, from: JSONEncoder().encode(initializers)) == initializers)
    }
}
