import Foundation
@testable import SynapseIO
import Synapse
import SynapseTestSupport
import Testing

/// Shared data and models for the checkpoint tests.
enum CheckpointFixture {
    /// A small classification problem.
    static func data() throws -> (x: Tensor, y: Tensor) {
        var generator = RandomGenerator(seed: 11)
        let x = try Tensor.randomNormal([40, 3], using: &generator)
        let y = try (x.sum(alongAxes: [1], keepingDimensions: true) .> Tensor(0.0))
        return (x, y)
    }

    /// A fresh model compiled with Adam, identical for identical calls.
    static func model() -> Sequential {
        let model = Sequential(name: "ckpt", seed: 5) { Input(shape: [3]); Dense(5, activation: .relu); Dense(1, activation: .sigmoid) }
        model.compile(optimizer: Adam(learningRate: 0.02), loss: .binaryCrossentropy(), metrics: [.accuracy])
        return model
    }

    /// A fresh folder path in the temporary directory.
    static func temporaryURL() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("synapse-checkpoint-\(UUID().uuidString)")
    }
}

@Suite struct CheckpointResumeTests {
    @Test func fourEpochsStraightEqualTwoPlusResumePlusTwo() throws {
        let (x, y) = try CheckpointFixture.data()
        let url = CheckpointFixture.temporaryURL()
        defer { try? FileManager.default.removeItem(at: url) }

        let straight = CheckpointFixture.model()
        let straightHistory = try straight.fit(x, y, epochs: 4, batchSize: 8, validationSplit: 0.25, verbose: 0, seed: 9)

        let first = CheckpointFixture.model()
        try first.fit(x, y, epochs: 2, batchSize: 8, validationSplit: 0.25, callbacks: [ModelCheckpoint(directory: url)], verbose: 0, seed: 9)

        let resumed = CheckpointFixture.model()
        let resume = try resumed.resumeTraining(from: url)
        #expect(resume.initialEpoch == 2)
        #expect(resume.iterations == 8)   // 30 training rows in batches of 8: 4 steps per epoch
        let continuing = ModelCheckpoint(directory: url, resuming: resume)
        let rest = try resumed.fit(x, y, epochs: 4, batchSize: 8, validationSplit: 0.25, callbacks: [continuing], verbose: 0, seed: 9, initialEpoch: resume.initialEpoch)

        for (a, b) in zip(straight.trainableParameters, resumed.trainableParameters) { #expect(a.value == b.value) }
        #expect(rest.epochs == [2, 3])
        #expect(resume.history.epochs + rest.epochs == straightHistory.epochs)
        for key in straightHistory.keys { #expect(resume.history[key] + rest[key] == straightHistory[key], "\(key)") }

        // The last checkpoint carries the whole history and the optimizer's state.
        let reloaded = CheckpointFixture.model()
        let final = try reloaded.resumeTraining(from: url)
        #expect(final.initialEpoch == 4 && final.iterations == 16)
        for key in straightHistory.keys { #expect(final.history[key] == straightHistory[key], "\(key)") }
        let optimizer = try #require(straight.trainingSetup?.optimizer)
        let reloadedOptimizer = try #require(reloaded.trainingSetup?.optimizer)
        let expected = try optimizer.stateSnapshot(for: straight.trainableParameters)
        let actual = try reloadedOptimizer.stateSnapshot(for: reloaded.trainableParameters)
        #expect(expected.iterations == actual.iterations)
        #expect(expected.slots.flatMap { $0 } == actual.slots.flatMap { $0 })
    }

    @Test func initialEpochOutOfRangeIsRejected() throws {
        let (x, y) = try CheckpointFixture.data()
        let model = CheckpointFixture.model()
        #expect(throws: ModelError.self) { try model.fit(x, y, epochs: 2, verbose: 0, initialEpoch: 2) }
    }
}

@Suite struct StochasticCheckpointTests {
    /// A model whose training draws noise, compiled with Adam, identical for identical calls.
    static func noisyModel() -> Sequential {
        let model = Sequential(name: "noisy", seed: 5) {
            Input(shape: [3]); GaussianNoise(stddev: 0.5); Dense(5, activation: .relu); Dense(1, activation: .sigmoid)
        }
        model.compile(optimizer: Adam(learningRate: 0.02), loss: .binaryCrossentropy())
        return model
    }

    @Test func stochasticLayersResumeTheirRandomDraws() throws {
        let (x, y) = try CheckpointFixture.data()
        let url = CheckpointFixture.temporaryURL()
        defer { try? FileManager.default.removeItem(at: url) }
        let straight = Self.noisyModel()
        try straight.fit(x, y, epochs: 4, batchSize: 8, verbose: 0, seed: 9)
        try Self.noisyModel().fit(x, y, epochs: 2, batchSize: 8, callbacks: [ModelCheckpoint(directory: url)], verbose: 0, seed: 9)

        let resumed = Self.noisyModel()
        let resume = try resumed.resumeTraining(from: url)
        try resumed.fit(x, y, epochs: 4, batchSize: 8, verbose: 0, seed: 9, initialEpoch: resume.initialEpoch)
        for (a, b) in zip(straight.trainableParameters, resumed.trainableParameters) { #expect(a.value == b.value) }

        // Without the saved generator the noise differs, and so do the weights.
        let forgetful = Self.noisyModel()
        let again = try forgetful.resumeTraining(from: url)
        let noise = try #require(forgetful.layers[1] as? GaussianNoise)
        noise.generator = RandomGenerator(seed: 5)
        try forgetful.fit(x, y, epochs: 4, batchSize: 8, verbose: 0, seed: 9, initialEpoch: again.initialEpoch)
        #expect(zip(straight.trainableParameters, forgetful.trainableParameters).contains { $0.value != $1.value })
    }
}

@Suite struct ResumedFitTests {
    @Test func fitResumingFromACheckpointEqualsTheUninterruptedRun() throws {
        let (x, y) = try CheckpointFixture.data()
        let url = CheckpointFixture.temporaryURL()
        defer { try? FileManager.default.removeItem(at: url) }
        let straight = CheckpointFixture.model()
        let straightHistory = try straight.fit(x, y, epochs: 4, batchSize: 8, validationSplit: 0.25, verbose: 0, seed: 9)

        // The interrupted run: the same call, stopped after two epochs.
        let interrupted = CheckpointFixture.model()
        try interrupted.fit(x, y, epochs: 2, batchSize: 8, validationSplit: 0.25, callbacks: [ModelCheckpoint(directory: url)], verbose: 0, seed: 9)

        let resumed = CheckpointFixture.model()
        let checkpoint = ModelCheckpoint(directory: url)
        let history = try resumed.fit(x, y, epochs: 4, batchSize: 8, validationSplit: 0.25, callbacks: [checkpoint], verbose: 0, seed: 9,
                                      resumeFrom: url)
        for (a, b) in zip(straight.trainableParameters, resumed.trainableParameters) { #expect(a.value == b.value) }
        #expect(history.epochs == straightHistory.epochs)
        for key in straightHistory.keys { #expect(history[key] == straightHistory[key], "\(key)") }
        #expect(checkpoint.savedEpochs == [2, 3])
        #expect(try CheckpointFixture.model().resumeTraining(from: url).history.epochs == [0, 1, 2, 3], "the checkpoint extends the history")

        // Resuming a finished run trains nothing and returns the whole history.
        let done = CheckpointFixture.model()
        #expect(try done.fit(x, y, epochs: 4, batchSize: 8, validationSplit: 0.25, verbose: 0, seed: 9, resumeFrom: url).epochs == [0, 1, 2, 3])
    }
}

@Suite struct FunctionalCheckpointTests {
    /// A fresh graph (a shortcut joined by `Add`, a dropout branch) compiled with Adam.
    static func graph() throws -> Functional {
        let input = Input.symbolic(shape: [3])
        let hidden = try Dense(5, activation: .relu)(input)
        let branch = try Dropout(0.3)(try Dense(5, activation: .tanh)(hidden))
        let model = try Functional(inputs: input, outputs: try Dense(1, activation: .sigmoid)(try Add()([hidden, branch])), name: "graph", seed: 5)
        model.compile(optimizer: Adam(learningRate: 0.02), loss: .binaryCrossentropy(), metrics: [.accuracy])
        return model
    }

    @Test func aGraphResumedFromItsCheckpointEndsAsAnUninterruptedRun() throws {
        let (x, y) = try CheckpointFixture.data()
        let url = CheckpointFixture.temporaryURL()
        defer { try? FileManager.default.removeItem(at: url) }
        let straight = try Self.graph()
        let straightHistory = try straight.fit(x, y, epochs: 4, batchSize: 8, verbose: 0, seed: 9)
        let checkpoint = ModelCheckpoint(directory: url)
        try Self.graph().fit(x, y, epochs: 2, batchSize: 8, callbacks: [checkpoint], verbose: 0, seed: 9)
        let resumed = try Self.graph()
        let history = try resumed.fit(x, y, epochs: 4, batchSize: 8, callbacks: [ModelCheckpoint(directory: url)], verbose: 0, seed: 9, resumeFrom: url)
        for (a, b) in zip(straight.trainableParameters, resumed.trainableParameters) { #expect(a.value == b.value) }
        #expect(history[.loss] == straightHistory[.loss])
        #expect(try Functional.load(from: url).predict(x) == resumed.predict(x))
    }
}
