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
}
