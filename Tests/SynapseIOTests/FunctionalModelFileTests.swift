import Foundation
import Synapse
import SynapseTestSupport
import Testing

@Suite struct FunctionalModelFileTests {
    private func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("synapse-graph-\(UUID().uuidString)")
    }

    /// Two inputs, a shared layer, every merge kind, two outputs.
    private func graph() throws -> Functional {
        let left = Input.symbolic(shape: [4], name: "left"), right = Input.symbolic(shape: [4], name: "right")
        let shared = Dense(5, activation: .tanh, name: "shared")
        let (a, b) = (try shared(left), try shared(right))
        let merged = try Concatenate()([try Add()([a, b]), try Subtract()([a, b]), try Multiply()([a, b]), try Average()([a, b]), try Maximum()([a, b])])
        let hidden = try Dense(8, activation: .relu)(merged)
        return try Functional(inputs: [left, right], outputs: [try Dense(3, name: "classes")(hidden), try Dense(1, name: "value")(hidden)],
                              name: "two_headed", seed: 6)
    }

    @Test func aGraphModelSavesAndLoadsWithIdenticalOutputs() throws {
        let model = try graph()
        try model.compile(optimizer: Adam(learningRate: 1e-2), losses: [SparseCategoricalCrossentropy(fromLogits: true), MeanSquaredError()])
        var generator = RandomGenerator(seed: 7)
        let x = [try Tensor.randomNormal([32, 4], using: &generator), try Tensor.randomNormal([32, 4], using: &generator)]
        let y = [try Tensor(shape: [32], scalars: (0..<32).map { Float($0 % 3) }), try Tensor.randomNormal([32, 1], using: &generator)]
        try model.fit(x, y, epochs: 2, verbose: 0)
        let url = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: url) }
        try model.save(to: url)
        let loaded = try Functional.load(from: url)
        #expect(loaded.name == "two_headed" && loaded.layers.map(\.name) == model.layers.map(\.name))
        #expect(try loaded(inputs: x) == model(inputs: x))
        #expect(loaded.summary() == model.summary())
        let description = try ModelDescription.decoded(from: Data(contentsOf: url.appendingPathComponent("model.json")), source: "model.json")
        #expect(description.formatVersion == 2 && description.graph?.inputs == [0, 1])
        #expect(description.graph?.calls.filter { description.layers[$0.layer].name == "shared" }.count == 2, "one layer, two calls")
        #expect(throws: ModelError.self) { try Sequential(description) }
        #expect(throws: ModelError.self) { try Sequential.load(from: url) }
    }

    @Test func badGraphsAndUndescribableLayersAreNamed() throws {
        let json = #"{"formatVersion": 2, "layers": [{"type": "input", "shape": [2]}, {"type": "dense", "units": 1}], "graph": {"calls": [{"layer": 0, "inputs": []}, {"layer": 1, "inputs": [1]}], "inputs": [0], "outputs": [1]}}"#
        do {
            _ = try ModelDescription.decoded(from: Data(json.utf8), source: "bad.json")
            Issue.record("a call on itself is refused")
        } catch let error as ModelError {
            #expect("\(error)".contains("bad.json") && "\(error)".contains("calls[1].inputs"), "\(error)")
        }
        let future = #"{"formatVersion": 3, "layers": []}"#
        #expect(throws: ModelError.self) { try ModelDescription.decoded(from: Data(future.utf8), source: "future.json") }
    }
}
