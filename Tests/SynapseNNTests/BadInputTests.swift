import Synapse
import SynapseTestSupport
import Testing

/// Entries of docs/ERRORS.md that no other test covered: each mistake gives an error naming
/// the call or layer, what was expected and what was received.
@Suite struct BadInputTests {
    private func message(_ body: () throws -> Void) -> String {
        do { try body(); return "" } catch { return "\(error)" }
    }

    @Test func incompatibleLayersInAStackNameBothLayersAndTheShape() throws {
        let model = Sequential { Input(shape: [10]); Dense(8, name: "features"); Conv2D(4, kernelSize: 3, name: "filters") }
        let error = message { _ = try model.predict(try Tensor.zeros([1, 10])) }
        #expect(error.contains("'filters'") && error.contains("[8]") && error.contains("'features'") && error.contains("[height, width, channels]"), "\(error)")
        let unbuilt = Sequential { Dense(8, name: "features"); Flatten(); Conv1D(2, kernelSize: 3, name: "sequence") }
        let late = message { try unbuilt.build(inputShape: [5]) }
        #expect(late.contains("'sequence'") && late.contains("'flatten'"), "\(late)")
    }

    @Test func layersWhoseWeightsWouldOverflowIntAreRefused() throws {
        let dense = message { _ = try Sequential { Input(shape: [4]); Dense(Int.max / 2) }.predict(try Tensor.zeros([1, 4])) }
        #expect(dense.contains("fits in Int"), "\(dense)")
        let conv = message { _ = try Sequential { Input(shape: [8, 8, 3]); Conv2D(Int.max / 4, kernelSize: 3) }.predict(try Tensor.zeros([1, 8, 8, 3])) }
        #expect(conv.contains("fits in Int"), "\(conv)")
    }

    @Test func evaluateAndTrainOnBatchNameThemselves() throws {
        let model = Sequential(seed: 1) { Input(shape: [2]); Dense(1) }
        model.compile(optimizer: SGD(learningRate: 0.1), loss: .meanSquaredError())
        let (x, y) = (try Tensor.zeros([4, 2]), try Tensor.zeros([4, 1]))
        #expect(message { _ = try model.evaluate(x, y, batchSize: 0) }.hasPrefix("evaluate: batchSize must be at least 1, got 0"))
        var poisoned = x.scalars
        poisoned[5] = .infinity
        #expect(message { _ = try model.trainOnBatch(try Tensor(shape: [4, 2], scalars: poisoned), y) }.hasPrefix("trainOnBatch: x row 2 must be finite values"))
        #expect(message { _ = try model.predict(x, batchSize: -1) }.hasPrefix("predict: batchSize must be at least 1, got -1"))
        #expect(message { try model.fit(x, y, epochs: -1, verbose: 0) }.hasPrefix("fit: epochs must be at least 1, got -1"))
        #expect(message { try model.fit(x, y, validationSplit: 1.0, verbose: 0) }.contains("validationSplit must be a fraction in [0, 1), got 1.0"))
    }

    @Test func categoricalLabelsMustBeProbabilities() throws {
        let loss = CategoricalCrossentropy()
        let predictions = try Tensor([[0.2, 0.5, 0.3]])
        let error = message { _ = try loss(try Tensor([[1.5, -0.5, 0]]), predictions) }
        #expect(error.contains("probabilities in [0, 1]") && error.contains("1.5"), "\(error)")
    }

    /// The model of `FitTests`: 4 features in, one sigmoid out.
    private func classifier() -> Sequential {
        let model = Sequential(seed: 3) { Input(shape: [4]); Dense(8, activation: .relu); Dense(1, activation: .sigmoid) }
        model.compile(optimizer: SGD(learningRate: 0.1), loss: .binaryCrossentropy(), metrics: [.accuracy])
        return model
    }

    /// Rows of `value` but for `poison` at (row, column).
    private func rows(_ count: Int, width: Int, poison: (row: Int, column: Int, value: Float)? = nil) throws -> Tensor {
        var scalars = [Float](repeating: 0.5, count: count * width)
        if let poison { scalars[poison.row * width + poison.column] = poison.value }
        return try Tensor(shape: [count, width], scalars: scalars)
    }

    @Test func batchSizesBelowOneAreRefusedByEveryCall() throws {
        let model = classifier()
        let (x, y) = (try rows(8, width: 4), try rows(8, width: 1))
        #expect(message { try model.fit(x, y, batchSize: -4, verbose: 0) }.hasPrefix("fit: batchSize must be at least 1, got -4"))
        #expect(message { try model.fit(x, y, epochs: 0, verbose: 0) }.hasPrefix("fit: epochs must be at least 1, got 0"))
        #expect(message { _ = try model.predict(x, batchSize: 0) }.hasPrefix("predict: batchSize must be at least 1, got 0"))
        #expect(message { _ = try model.predict([x], batchSize: 0) }.hasPrefix("predict: batchSize must be at least 1, got 0"))
    }

    @Test func validationSplitsOutOfRangeOrLeavingAnEmptyPartAreRefusedByFit() throws {
        let model = classifier()
        let (x, y) = (try rows(20, width: 4), try rows(20, width: 1))
        #expect(message { try model.fit(x, y, validationSplit: .tail(1.5), verbose: 0) }.contains("validationSplit must be a fraction in [0, 1), got 1.5"))
        #expect(message { try model.fit(x, y, validationSplit: .shuffled(-0.1), verbose: 0) }.contains("validationSplit must be a fraction in [0, 1), got -0.1"))
        let empty = message { try model.fit(x, y, validationSplit: .shuffled(0.01), verbose: 0) }
        #expect(empty.contains("leaves at least one row in each part, got 0.01 of 20 rows (0 held out)"), "\(empty)")
    }

    @Test func everyScheduleRefusesARateThatIsNotPositive() {
        expectInvalidArgument(owner: "InverseTimeDecay", argument: "initialLearningRate") { _ = try InverseTimeDecay(initialLearningRate: 0, decaySteps: 10, decayRate: 0.5) }
        expectInvalidArgument(owner: "InverseTimeDecay", argument: "initialLearningRate") { _ = try InverseTimeDecay(initialLearningRate: -0.1, decaySteps: 10, decayRate: 0.5) }
        expectInvalidArgument(owner: "InverseTimeDecay", argument: "initialLearningRate") { _ = try InverseTimeDecay(initialLearningRate: .nan, decaySteps: 10, decayRate: 0.5) }
        expectInvalidArgument(owner: "PolynomialDecay", argument: "initialLearningRate") { _ = try PolynomialDecay(initialLearningRate: 0, decaySteps: 10) }
        expectInvalidArgument(owner: "CosineDecayRestarts", argument: "initialLearningRate") { _ = try CosineDecayRestarts(initialLearningRate: .nan, firstDecaySteps: 10) }
        expectInvalidArgument(owner: "CosineDecay", argument: "initialLearningRate") { _ = try CosineDecay(initialLearningRate: -1, decaySteps: 10) }
        expectInvalidArgument(owner: "CosineDecay", argument: "warmupTarget") { _ = try CosineDecay(initialLearningRate: 0, decaySteps: 10, warmupTarget: 0, warmupSteps: 2) }
        expectInvalidArgument(owner: "PiecewiseConstantDecay", argument: "values") { _ = try PiecewiseConstantDecay(boundaries: [10], values: [0.1, 0]) }
        expectInvalidArgument(owner: "ExponentialDecay", argument: "initialLearningRate") { _ = try ExponentialDecay(initialLearningRate: .infinity, decaySteps: 10, decayRate: 0.5) }
    }

    @Test func aWrongInputWidthIsNamedByFitPredictAndEvaluate() throws {
        let model = classifier()
        for (call, body) in [
            ("fit", { try model.fit(try self.rows(8, width: 3), try self.rows(8, width: 1), batchSize: 8, verbose: 0) }),
            ("predict", { _ = try model.predict(try self.rows(8, width: 3)) }),
            ("evaluate", { _ = try model.evaluate(try self.rows(8, width: 3), try self.rows(8, width: 1)) }),
        ] as [(String, () throws -> Void)] {
            let error = message(body)
            #expect(error.contains("layer 'input'") && error.contains("[4]") && error.contains("[8, 3]"), "\(call): \(error)")
        }
    }

    @Test func nonFiniteValuesAreRefusedBeforeTheFirstStepNamingTheRow() throws {
        let model = classifier()
        let (x, y) = (try rows(10, width: 4), try rows(10, width: 1))
        let infinite = message { try model.fit(try rows(10, width: 4, poison: (3, 1, .infinity)), y, verbose: 0) }
        #expect(infinite.hasPrefix("fit: x row 3 must be finite values, got inf"), "\(infinite)")
        let label = message { try model.fit(x, try rows(10, width: 1, poison: (2, 0, .nan)), verbose: 0) }
        #expect(label.hasPrefix("fit: y row 2 must be finite values, got nan"), "\(label)")
        let evaluated = message { _ = try model.evaluate(try rows(10, width: 4, poison: (7, 0, -.infinity)), y) }
        #expect(evaluated.hasPrefix("evaluate: x row 7 must be finite values, got -inf"), "\(evaluated)")
        // Nothing was trained by the refused calls.
        let untouched = classifier()
        #expect(try model.predict(x).scalars == untouched.predict(x).scalars)
    }

    @Test func emptyDataIsRefusedByFitEvaluateAndPredict() throws {
        let model = classifier()
        let (x, y) = (try Tensor.zeros([0, 4]), try Tensor.zeros([0, 1]))
        #expect(message { try model.fit(x, y, verbose: 0) }.hasPrefix("fit: x must be at least one sample, got shape [0, 4]"))
        #expect(message { _ = try model.evaluate(x, y) }.hasPrefix("evaluate: x must be at least one sample, got shape [0, 4]"))
        #expect(message { _ = try model.predict(x) }.hasPrefix("predict: x must be at least one sample, got shape [0, 4]"))
        #expect(message { _ = try model.predict([x]) }.hasPrefix("predict: x must be at least one sample"))
    }

    @Test func shapesWhoseElementCountOverflowsAreRefusedWithTheirShape() throws {
        let created = message { _ = try Tensor.zeros([Int.max / 2, 4]) }
        #expect(created.hasPrefix("Tensor.zeros: shape must be an element count that fits in Int (in bytes), got [\(Int.max / 2), 4], which overflows"), "\(created)")
        let reshaped = message { _ = try Tensor.zeros([2]).reshaped(to: [Int.max / 2, 4]) }
        #expect(reshaped.contains("fits in Int") && reshaped.contains("[\(Int.max / 2), 4]"), "\(reshaped)")
        // Elements that fit in Int but whose bytes do not (the fuzzer's find: a Dense of
        // 888,888,888,888,888,885 units on 5 inputs trapped computing its buffer's size).
        let bytes = message { _ = try Tensor.zeros([5, 888_888_888_888_888_885]) }
        #expect(bytes.contains("fits in Int (in bytes)"), "\(bytes)")
        let layer = message { _ = try Sequential { Input(shape: [5]); Dense(888_888_888_888_888_885) }.predict(try Tensor.zeros([1, 5])) }
        #expect(layer.contains("fits in Int (in bytes)"), "\(layer)")
    }
}
