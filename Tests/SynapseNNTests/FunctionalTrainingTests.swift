import Foundation
import Synapse
@testable import SynapseNN
import SynapseTestSupport
import Testing

/// Two inputs (20 features, 2 extras) and two outputs: the class (3 classes) and whether the
/// class is 0 (a sigmoid score).
private func twoHeadedModel(seed: UInt64 = 1) throws -> Functional {
    let features = Input.symbolic(shape: [20], name: "features"), extras = Input.symbolic(shape: [2], name: "extras")
    let hidden = try Dense(32, activation: .relu)(try Concatenate()([features, extras]))
    let classes = try Dense(3, name: "classes")(hidden)
    let isZero = try Dense(1, activation: .sigmoid, name: "is_zero")(hidden)
    return try Functional(inputs: [features, extras], outputs: [classes, isZero], seed: seed)
}

private func twoHeadedData() throws -> (x: [Tensor], y: [Tensor]) {
    let (features, labels) = try Classification.generate(samples: 400, features: 20, informative: 8, classes: 3, seed: 4)
    var scaler = StandardScaler()
    var generator = RandomGenerator(seed: 5)
    let extras = try Tensor.randomNormal([400, 2], using: &generator)
    let isZero = try (labels .== Tensor(0)).reshaped(to: [400, 1])
    return ([try scaler.fitTransform(features), extras], [labels, isZero])
}

@Suite struct FunctionalTrainingTests {
    @Test func perOutputLossesWeightsAndMetricsAreTrainedAndLogged() throws {
        let model = try twoHeadedModel()
        try model.compile(optimizer: Adam(learningRate: 1e-2), losses: [SparseCategoricalCrossentropy(fromLogits: true), BinaryCrossentropy()],
                          lossWeights: [1, 0.5], metrics: [[.accuracy], [.binaryAccuracy()]])
        let data = try twoHeadedData()
        let history = try model.fit(data.x, data.y, epochs: 15, batchSize: 32, validationSplit: .shuffled(0.25), verbose: 0)
        let keys = Set(history.keys.map(\.description))
        #expect(keys.isSuperset(of: ["loss", "classes_loss", "is_zero_loss", "classes_accuracy", "is_zero_binary_accuracy",
                                     "val_loss", "val_classes_loss", "val_is_zero_loss", "val_classes_accuracy", "val_is_zero_binary_accuracy"]), "\(keys)")
        #expect(history[MetricKey("classes_accuracy")].last! > 0.8 && history[MetricKey("is_zero_binary_accuracy")].last! > 0.85)
        let figures = try model.evaluate(data.x, data.y, batchSize: 400)
        expectClose([figures[.loss]!], [figures[MetricKey("classes_loss")]! + 0.5 * figures[MetricKey("is_zero_loss")]!], absolute: 1e-5)
        let predictions = try model.predict(data.x, batchSize: 64)
        #expect(predictions.map(\.shape) == [[400, 3], [400, 1]])
        #expect(predictions[0] == (try model(inputs: data.x)[0]))
    }

    @Test func anOutputWeighingZeroLeavesItsHeadUntouched() throws {
        let model = try twoHeadedModel()
        try model.compile(optimizer: Adam(learningRate: 1e-2), losses: [SparseCategoricalCrossentropy(fromLogits: true), BinaryCrossentropy()],
                          lossWeights: [1, 0])
        let head = try model.layer(named: "is_zero")
        let before = head.parameters.map(\.value)
        let data = try twoHeadedData()
        try model.fit(data.x, data.y, epochs: 2, verbose: 0)
        #expect(head.parameters.map(\.value) == before)
        #expect(try model.layer(named: "classes").parameters.map(\.value) != (try twoHeadedModel().layer(named: "classes").parameters.map(\.value)))
    }

    @Test func wrongCountsAreRefusedNamingWhatIsExpected() throws {
        let model = try twoHeadedModel()
        #expect(throws: ModelError.self) { try model.compile(optimizer: Adam(), losses: [MeanSquaredError()]) }
        #expect(throws: ModelError.self) { try model.compile(optimizer: Adam(), losses: [MeanSquaredError(), MeanSquaredError()], lossWeights: [1, -1]) }
        let data = try twoHeadedData()
        model.compile(optimizer: Adam(), loss: .meanSquaredError(), metrics: [.meanAbsoluteError])
        do {
            try model.fit(data.x, data.y, verbose: 0)
            Issue.record("one metric list for two outputs is refused")
        } catch let error as ModelError {
            #expect("\(error)".contains("classes, is_zero"), "\(error)")
        }
        model.compile(optimizer: Adam(), loss: .meanSquaredError())
        #expect(throws: ModelError.self) { try model.fit(data.x, [data.y[0]], verbose: 0) }
        #expect(throws: ModelError.self) { try model.fit([data.x[0]], data.y, verbose: 0) }
        #expect(throws: ModelError.self) { try model.fit(data.x, data.y, classWeights: [0: 2], verbose: 0) }
        #expect(throws: ModelError.self) { try model.fit([data.x[0], try data.x[1][0..<10]], data.y, verbose: 0) }
        // One loss for every output: here, mean squared error against targets shaped like the outputs.
        let targets = [try Tensor.zeros([400, 3]), data.y[1]]
        let history = try model.fit(data.x, targets, epochs: 1, verbose: 0)
        #expect(history[MetricKey("classes_loss")].count == 1 && history[MetricKey("is_zero_loss")].count == 1)
    }
}
