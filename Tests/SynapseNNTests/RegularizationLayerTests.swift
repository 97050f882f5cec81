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
}
