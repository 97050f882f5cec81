import Synapse
import SynapseTestSupport
import Testing

@Suite struct FitWeightsTests {
    /// A model and data where two steps of SGD from the same weights can be compared exactly.
    private func model() -> Sequential {
        let model = Sequential(seed: 3) { Input(shape: [2]); Dense(3) }
        model.compile(optimizer: SGD(learningRate: 0.1), loss: .sparseCategoricalCrossentropy(fromLogits: true))
        return model
    }

    @Test func sampleWeightsScaleEachSamplesLoss() throws {
        let x = try Tensor([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [0.5, -1.0]]), y = try Tensor([0.0, 1.0, 2.0, 1.0])
        // Weight 2 on a row is the row counted twice, the batch size staying 4 (Keras's sum over batch size).
        let weighted = model()
        try weighted.fit(x, y, epochs: 1, batchSize: 4, shuffle: false, sampleWeights: try Tensor([2.0, 1.0, 0.0, 1.0]), verbose: 0)
        let reference = model()
        let (_, gradients) = try valueWithGradient(of: reference.trainableParameters) {
            let perSample = try SparseCategoricalCrossentropy(fromLogits: true, reduction: .none)(y, reference(x, training: true))
            return try (perSample * Tensor([2.0, 1.0, 0.0, 1.0])).sum() * 0.25
        }
        for (parameter, gradient) in zip(reference.trainableParameters, gradients) { parameter.value = try parameter.value - gradient * 0.1 }
        for (a, b) in zip(weighted.trainableParameters, reference.trainableParameters) { expectClose(a.value, b.value, absolute: 1e-6) }
    }

    @Test func classWeightsWeighTheSamplesOfEachClass() throws {
        let x = try Tensor([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]), y = try Tensor([0.0, 1.0, 1.0])
        let byClass = model(), bySample = model()
        try byClass.fit(x, y, epochs: 2, batchSize: 3, shuffle: false, classWeights: [1: 3], verbose: 0)
        try bySample.fit(x, y, epochs: 2, batchSize: 3, shuffle: false, sampleWeights: try Tensor([1.0, 3.0, 3.0]), verbose: 0)
        for (a, b) in zip(byClass.trainableParameters, bySample.trainableParameters) { #expect(a.value == b.value) }
        // One-hot labels find their class by arg-max.
        let oneHot = Sequential(seed: 3) { Input(shape: [2]); Dense(3) }
        oneHot.compile(optimizer: SGD(learningRate: 0.1), loss: .categoricalCrossentropy(fromLogits: true))
        try oneHot.fit(x, try Tensor([[1.0, 0, 0], [0, 1, 0], [0, 1, 0]]), epochs: 2, batchSize: 3, shuffle: false, classWeights: [1: 3], verbose: 0)
        for (a, b) in zip(oneHot.trainableParameters, bySample.trainableParameters) { expectClose(a.value, b.value, absolute: 1e-6) }
    }

    @Test func badWeightsAreRefused() throws {
        let x = try Tensor([[1.0, 0.0], [0.0, 1.0]]), y = try Tensor([0.0, 1.0])
        #expect(throws: ModelError.self) { try model().fit(x, y, sampleWeights: try Tensor([1.0]), verbose: 0) }
        #expect(throws: ModelError.self) { try model().fit(x, y, sampleWeights: try Tensor([1.0, -1.0]), verbose: 0) }
        #expect(throws: ModelError.self) { try model().fit(x, y, classWeights: [0: .nan], verbose: 0) }
    }
}
