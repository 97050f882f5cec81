import Foundation
import Synapse
import Testing

/// Models used as layers of other models (a pretrained base inside a new network) are saved,
/// loaded, checkpointed and named `model/layer/parameter`.
@Suite struct NestedModelFileTests {
    /// A graph holding a `Sequential` base of two Dense layers and a small `Functional` head:
    /// both nested models have a layer called `dense`.
    static func nestedModel() throws -> Functional {
        let base = Sequential(name: "base", seed: 3) { Input(shape: [4]); Dense(6, activation: .relu); Dense(5, activation: .tanh, name: "dense_1") }
        let headInput = Input.symbolic(shape: [5], name: "features")
        let head = try Functional(inputs: headInput, outputs: try Dense(2)(headInput), name: "head", seed: 4)
        let x = Input.symbolic(shape: [4], name: "x")
        let features = try base(x)
        let joined = try Concatenate()([features, try head(features)])
        return try Functional(inputs: x, outputs: try Dense(1, activation: .sigmoid, name: "out")(joined), name: "transfer", seed: 5)
    }

    private func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("synapse-nested-\(UUID().uuidString)")
    }

    @Test func nestedModelsNameTheirWeightsUnderTheirOwnName() throws {
        let names = try Self.nestedModel().namedParameters.map(\.name)
        #expect(names == ["base/dense/kernel", "base/dense/bias", "base/dense_1/kernel", "base/dense_1/bias",
                          "head/dense/kernel", "head/dense/bias", "out/kernel", "out/bias"])
    }

    @Test func aGraphWithNestedModelsRoundTripsThroughAModelFolder() throws {
        let model = try Self.nestedModel()
        try model.layer(named: "base").isTrainable = false   // a frozen pretrained base stays frozen
        var generator = RandomGenerator(seed: 8)
        let x = try Tensor.randomNormal([6, 4], using: &generator)
        let y = try (x.sum(alongAxes: [1], keepingDimensions: true) .> Tensor(0.0))
        model.compile(optimizer: Adam(learningRate: 0.05), loss: .binaryCrossentropy())
        try model.fit(x, y, epochs: 3, batchSize: 3, verbose: 0)
        let url = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: url) }
        try model.save(to: url)
        let description = try String(contentsOf: url.appendingPathComponent("model.json"), encoding: .utf8)
        #expect(description.contains(#""type" : "sequential""#) && description.contains(#""type" : "functional""#), "\(description)")
        let loaded = try #require(try ModelFolder.load(from: url) as? Functional)
        #expect(try loaded.predict(x) == model.predict(x))
        #expect(loaded.namedParameters.map(\.name) == model.namedParameters.map(\.name))
        let base = try #require(try loaded.layer(named: "base") as? Sequential)
        #expect(base.layers.count == 3 && base.seed == 3 && !base.isTrainable)
        #expect(loaded.trainableParameters.count == model.trainableParameters.count && model.trainableParameters.count == 4)
    }

    @Test func aResumedRunOfANestedModelEqualsTheUninterruptedOne() throws {
        var generator = RandomGenerator(seed: 9)
        let x = try Tensor.randomNormal([12, 4], using: &generator)
        let y = try (x.sum(alongAxes: [1], keepingDimensions: true) .> Tensor(0.0))
        func compiled() throws -> Functional {
            let model = try Self.nestedModel()
            model.compile(optimizer: Adam(learningRate: 0.02), loss: .binaryCrossentropy())
            return model
        }
        let straight = try compiled()
        try straight.fit(x, y, epochs: 4, batchSize: 4, verbose: 0, seed: 2)
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let interrupted = try compiled()
        try interrupted.fit(x, y, epochs: 2, batchSize: 4, callbacks: [ModelCheckpoint(directory: folder)], verbose: 0, seed: 2)
        let resumed = try compiled()
        try resumed.fit(x, y, epochs: 4, batchSize: 4, verbose: 0, seed: 2, resumeFrom: folder)
        #expect(resumed.parameters.map(\.value) == straight.parameters.map(\.value))
    }
}
