import Synapse
import SynapseTestSupport
import Testing

@Suite struct BatchNormalizationOpTests {
    /// The same normalisation from primitive operations.
    private func composite(_ x: Tensor, _ scale: Tensor, _ offset: Tensor, epsilon: Float) throws -> Tensor {
        let axes = Array(0..<(x.rank - 1))
        return try (x - x.mean(alongAxes: axes)) / sqrt(x.variance(alongAxes: axes) + epsilon) * scale + offset
    }

    @Test(arguments: [[6, 3], [2, 4, 5, 3]] as [[Int]])
    func theFusedOperationMatchesTheCompositeInValueAndGradient(dimensions: [Int]) throws {
        var generator = RandomGenerator(seed: 21)
        let x = try Tensor.randomNormal(Shape(dimensions), mean: 2, standardDeviation: 3, using: &generator)
        let scale = try Tensor.randomNormal([3], using: &generator), offset = try Tensor.randomNormal([3], using: &generator)
        let (fused, mean, variance) = try x.batchNormalized(scale: scale, offset: offset, epsilon: 1e-3)
        expectClose(fused, try composite(x, scale, offset, epsilon: 1e-3), absolute: 1e-5)
        let axes = Array(0..<(x.rank - 1))
        expectClose(mean, try x.mean(alongAxes: axes), absolute: 1e-5)
        expectClose(variance, try x.variance(alongAxes: axes), absolute: 1e-4)
        let (_, fusedGradients) = try valueWithGradient(at: [x, scale, offset]) { v in
            try (v[0].batchNormalized(scale: v[1], offset: v[2], epsilon: 1e-3).output * Tensor.linspace(from: 0, through: 1, count: x.elementCount).reshaped(to: x.shape)).sum()
        }
        let (_, compositeGradients) = try valueWithGradient(at: [x, scale, offset]) { v in
            try (composite(v[0], v[1], v[2], epsilon: 1e-3) * Tensor.linspace(from: 0, through: 1, count: x.elementCount).reshaped(to: x.shape)).sum()
        }
        for (a, b) in zip(fusedGradients, compositeGradients) { expectClose(a, b, absolute: 1e-4) }
        try expectGradientsMatchFiniteDifferences(at: [x, scale, offset]) { v in try v[0].batchNormalized(scale: v[1], offset: v[2], epsilon: 1e-3).output }
        try expectGradientsMatchFiniteDifferences(at: [x]) { v in try v[0].batchNormalized(scale: nil, offset: nil, epsilon: 1e-3).output }
    }

    /// A batch large enough that the passes split across cores (channels for the sums, rows for
    /// the rest): the same values and gradients as the composite.
    @Test func aBatchSplitAcrossCoresMatchesTheComposite() throws {
        var generator = RandomGenerator(seed: 22)
        let x = try Tensor.randomNormal([128, 14, 14, 24], mean: -1, standardDeviation: 2, using: &generator)
        let scale = try Tensor.randomNormal([24], using: &generator), offset = try Tensor.randomNormal([24], using: &generator)
        let weights = try Tensor.randomNormal(x.shape, using: &generator)
        #expect(x.elementCount >= 2 * (1 << 18))
        let (fusedLoss, fusedGradients) = try valueWithGradient(at: [x, scale, offset]) { v in
            try (v[0].batchNormalized(scale: v[1], offset: v[2], epsilon: 1e-3).output * weights).sum()
        }
        let (compositeLoss, compositeGradients) = try valueWithGradient(at: [x, scale, offset]) { v in
            try (composite(v[0], v[1], v[2], epsilon: 1e-3) * weights).sum()
        }
        expectClose(fusedLoss, compositeLoss, absolute: 0.5)
        for (a, b) in zip(fusedGradients, compositeGradients) { expectClose(a, b, absolute: 2e-3) }
        let (fused, mean, variance) = try x.batchNormalized(scale: scale, offset: offset, epsilon: 1e-3)
        expectClose(fused, try composite(x, scale, offset, epsilon: 1e-3), absolute: 1e-4)
        expectClose(mean, try x.mean(alongAxes: [0, 1, 2]), absolute: 1e-5)
        expectClose(variance, try x.variance(alongAxes: [0, 1, 2]), absolute: 1e-4)
    }

    @Test func badArgumentsAreRefused() throws {
        let x = try Tensor.ones([4, 3])
        #expect(throws: TensorError.self) { try x.batchNormalized(scale: try Tensor.ones([2]), offset: nil, epsilon: 1e-3) }
        #expect(throws: TensorError.self) { try Tensor.zeros([0, 3]).batchNormalized(scale: nil, offset: nil, epsilon: 1e-3) }
        // A constant channel normalises to 0, not NaN.
        #expect(try x.batchNormalized(scale: nil, offset: nil, epsilon: 1e-3).output == Tensor.zeros([4, 3]))
    }
}
