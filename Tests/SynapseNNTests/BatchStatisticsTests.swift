import Synapse
import Testing

/// `Model.recomputeBatchStatistics`: batch normalisation's moving statistics recomputed from data.
@Suite struct BatchStatisticsTests {
    /// Eight samples of two features, in two batches of four with different statistics.
    let x = try! Tensor([[1.0, 10], [3, 10], [5, 14], [7, 14], [0, -2], [0, 2], [4, -2], [4, 2]])

    @Test func theMovingStatisticsBecomeTheMeanOfTheBatchesStatistics() throws {
        let model = Sequential(seed: 1) { Input(shape: [2]); BatchNormalization(momentum: 0.9); Dense(1) }
        let normalization = try #require(model.layers[1] as? BatchNormalization)
        _ = try model(x * 5, training: true)                      // moving statistics far from x's
        try model.recomputeBatchStatistics(x, batchSize: 4)
        // Batch 1: means 4, 12; biased variances 5, 4. Batch 2: means 2, 0; variances 4, 4.
        #expect(try #require(normalization.movingMean).value.scalars == [3, 6])
        #expect(try #require(normalization.movingVariance).value.scalars == [4.5, 4])
        // One batch of everything gives the data's own statistics.
        try model.recomputeBatchStatistics(x)
        #expect(try #require(normalization.movingMean).value.scalars == [3, 6])
        #expect(try #require(normalization.movingVariance).value.scalars == [5.5, 40])
    }

    @Test func momentumReturnsAfterwardsAndNothingIsTrained() throws {
        let model = Sequential(seed: 2) { Input(shape: [2]); BatchNormalization(momentum: 0.5); Dense(1) }
        let normalization = try #require(model.layers[1] as? BatchNormalization)
        let trained = model.trainableParameters.map(\.value.scalars)
        try model.recomputeBatchStatistics(x, batchSize: 4)
        #expect(model.trainableParameters.map(\.value.scalars) == trained)
        _ = try model(x[0..<4], training: true)                   // 0.5 · [3, 6] + 0.5 · [4, 12]
        #expect(try #require(normalization.movingMean).value.scalars == [3.5, 9])
    }

    @Test func nestedLayersAreIncludedAndFrozenOnesKeepTheirs() throws {
        let inner = Sequential(name: "inner", seed: 3) { Input(shape: [2]); BatchNormalization() }
        let frozen = BatchNormalization(name: "frozen")
        let model = Sequential(seed: 4) { Input(shape: [2]); inner; frozen; Dense(1) }
        frozen.isTrainable = false
        try model.recomputeBatchStatistics(x)
        let nested = try #require(inner.layers[1] as? BatchNormalization)
        #expect(try #require(nested.movingMean).value.scalars == [3, 6])
        #expect(try #require(frozen.movingMean).value.scalars == [0, 0])
        #expect(try #require(frozen.movingVariance).value.scalars == [1, 1])
    }

    @Test func badArgumentsAreRefusedAndAFailedPassLeavesTheMomentum() throws {
        let model = Sequential(seed: 5) { Input(shape: [2]); BatchNormalization(momentum: 0.5) }
        let normalization = try #require(model.layers[1] as? BatchNormalization)
        #expect(throws: ModelError.self) { try model.recomputeBatchStatistics(x, batchSize: 0) }
        #expect(throws: ModelError.self) { try model.recomputeBatchStatistics(try Tensor.zeros([0, 2])) }
        #expect(throws: ModelError.self) { try Sequential { BatchNormalization() }.recomputeBatchStatistics(x) }
        #expect(throws: (any Error).self) { try model.recomputeBatchStatistics(try Tensor.zeros([4, 3])) }
        _ = try model(x[0..<4], training: true)                   // 0.5 · 0 + 0.5 · [4, 12]
        #expect(try #require(normalization.movingMean).value.scalars == [2, 6])
    }
}
