import Synapse
import SynapseTestSupport
import Testing

@Suite struct RegularizationLayerTests {
    @Test func dropoutConformsAndIsTheIdentityOutsideTraining() throws {
        try expectLayerConforms({ Dropout(0) }, inputShape: [4], expectedOutputShape: [4], expectedParameterCount: 0)
        let layer = Dropout(0.5)
        let x = try Tensor.ones([4, 6])
        _ = try layer(x, seed: 1)
        #expect(try layer(x, training: false) == x)
    }

    @Test func dropoutDropsTheRateAndScalesTheRest() throws {
        let layer = Dropout(0.3)
        let x = try Tensor.ones([200, 50])
        let output = try layer(x, training: true, seed: 2).scalars
        let dropped = Double(output.filter { $0 == 0 }.count) / Double(output.count)
        #expect(Swift.abs(dropped - 0.3) < 0.02, "dropped \(dropped)")
        #expect(output.allSatisfy { $0 == 0 || Swift.abs($0 - 1 / 0.7) < 1e-6 })
        // The gradient is the mask: 0 where dropped, 1 / (1 − rate) elsewhere.
        let (value, gradient) = try valueWithGradient(at: x) { try layer($0, training: true).sum() }
        #expect(gradient.scalars.allSatisfy { $0 == 0 || Swift.abs($0 - 1 / 0.7) < 1e-6 })
        #expect(Swift.abs(try value.scalar - gradient.sum().scalar) < 1e-2)
    }

    @Test func dropoutIsSeeded() throws {
        let x = try Tensor.ones([8, 8])
        let (a, b, c) = (Dropout(0.5), Dropout(0.5), Dropout(0.5))
        #expect(try a(x, training: true, seed: 3) == b(x, training: true, seed: 3))
        #expect(try a(x, training: true, seed: 3) != c(x, training: true, seed: 4))
        let error = #expect(throws: ModelError.self) { try Dropout(1, name: "drop")(x) }
        #expect("\(error.map { "\($0)" } ?? "")".contains("drop"))
    }

    @Test func batchNormalizationConforms() throws {
        try expectLayerConforms({ BatchNormalization() }, inputShape: [4], expectedOutputShape: [4], expectedParameterCount: 16,
                                wrongInputShape: [3], batchSize: 5)
        try expectLayerConforms({ BatchNormalization(center: false) }, inputShape: [3, 3, 2], expectedOutputShape: [3, 3, 2],
                                expectedParameterCount: 6, batchSize: 2)
    }

    @Test func batchNormalizationNormalisesInTrainingAndUsesMovingStatisticsOtherwise() throws {
        var generator = RandomGenerator(seed: 9)
        let x = try Tensor.randomNormal([64, 3], mean: 5, standardDeviation: 2, using: &generator)
        let layer = BatchNormalization(momentum: 0.9, epsilon: 1e-3)
        let y = try layer(x, training: true)
        expectClose(try y.mean(alongAxes: [0]), try Tensor.zeros([3]), absolute: 1e-4)
        expectClose(try y.variance(alongAxes: [0]), try Tensor.ones([3]), absolute: 1e-2)
        let mean = try x.mean(alongAxes: [0]), variance = try x.variance(alongAxes: [0])
        expectClose(layer.movingMean!.value, mean * 0.1, absolute: 1e-4)
        expectClose(layer.movingVariance!.value, variance * 0.1 + 0.9, absolute: 1e-3)
        // Inference: the moving statistics, not the batch's.
        let expected = try (x - layer.movingMean!.value) / sqrt(layer.movingVariance!.value + 1e-3)
        expectClose(try layer(x, training: false), expected, absolute: 1e-4)
        // Frozen, as in Keras: the moving statistics even in training, and they stay put.
        layer.isTrainable = false
        let before = layer.movingMean!.value
        expectClose(try layer(x, training: true), expected, absolute: 1e-4)
        #expect(layer.movingMean!.value == before)
        #expect(layer.trainableParameters.isEmpty)
        #expect(BatchNormalization().parameters.isEmpty, "no parameters before it is built")
    }

    @Test func batchNormalizationMovingStatisticsAreNotTrainable() throws {
        let model = Sequential(seed: 1) { Input(shape: [3]); Dense(4); BatchNormalization(); Dense(1) }
        #expect(model.trainableParameters.count == 2 + 2 + 2)
        #expect(model.parameterCount == (3 * 4 + 4) + 4 * 4 + (4 + 1))
    }

    @Test func spatialDropoutDropsWholeChannels() throws {
        try expectLayerConforms({ SpatialDropout2D(0) }, inputShape: [3, 3, 2], expectedOutputShape: [3, 3, 2], expectedParameterCount: 0,
                                wrongInputShape: [3, 2])
        try expectLayerConforms({ SpatialDropout1D(0) }, inputShape: [5, 2], expectedOutputShape: [5, 2], expectedParameterCount: 0)
        let x = try Tensor.ones([40, 4, 3, 25])
        let output = try SpatialDropout2D(0.4)(x, training: true, seed: 5)
        let perChannel = try output.permuted([0, 3, 1, 2]).reshaped(to: [40 * 25, 12]).scalars
        var dropped = 0
        for channel in 0..<(40 * 25) {
            let values = perChannel[(channel * 12)..<((channel + 1) * 12)]
            #expect(Set(values).count == 1, "a channel is dropped or kept whole")
            if values.first == 0 { dropped += 1 } else { #expect(Swift.abs(values.first! - 1 / 0.6) < 1e-6) }
        }
        #expect(Swift.abs(Double(dropped) / 1000 - 0.4) < 0.05, "dropped \(dropped) of 1000 channels")
        let sequence = try Tensor.ones([2, 5, 3])
        #expect(try SpatialDropout1D(0.5)(sequence, training: false, seed: 1) == sequence)
        #expect(throws: ModelError.self) { try SpatialDropout2D(0.5)(try Tensor.ones([2, 5, 3])) }
    }

    @Test func gaussianDropoutMultipliesByNoiseOfMeanOne() throws {
        try expectLayerConforms({ GaussianDropout(0) }, inputShape: [4], expectedOutputShape: [4], expectedParameterCount: 0)
        let x = try Tensor.ones([100, 100])
        let layer = GaussianDropout(0.2)
        let output = try layer(x, training: true, seed: 6)
        #expect(Swift.abs(try output.mean().scalar - 1) < 0.01)
        #expect(Swift.abs(try output.variance().scalar - 0.25) < 0.01, "variance rate / (1 − rate)")
        #expect(try layer(x, training: false) == x)
        #expect(throws: ModelError.self) { try GaussianDropout(-0.1)(x) }
    }

    @Test func layerNormalizationNormalisesEachSample() throws {
        try expectLayerConforms({ LayerNormalization() }, inputShape: [4], expectedOutputShape: [4], expectedParameterCount: 8, wrongInputShape: [3])
        try expectLayerConforms({ LayerNormalization(scale: false) }, inputShape: [3, 4], expectedOutputShape: [3, 4], expectedParameterCount: 4)
        var generator = RandomGenerator(seed: 10)
        let x = try Tensor.randomNormal([6, 5], mean: 3, standardDeviation: 2, using: &generator)
        let layer = LayerNormalization(epsilon: 1e-5)
        let y = try layer(x, training: false)
        expectClose(try y.mean(alongAxes: [1]), try Tensor.zeros([6]), absolute: 1e-5)
        expectClose(try y.variance(alongAxes: [1]), try Tensor.ones([6]), absolute: 1e-3)
        #expect(try layer(x, training: true) == y, "the same in training and inference")
    }
}
