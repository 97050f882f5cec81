import Synapse
import SynapseTestSupport
import Testing

/// `GaussianNoise`: its statistics, any input rank, and its identity gradient.
extension AugmentationTests {
    @Test func gaussianNoiseHasMeanZeroAndTheGivenStandardDeviation() throws {
        let ones = try Tensor.ones([200, 50])
        let noisy = try GaussianNoise(stddev: 0.3)(ones, training: true, seed: 17)
        let noise = noisy.scalars.map { Double($0) - 1 }
        let mean = noise.reduce(0, +) / Double(noise.count)
        let deviation = (noise.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(noise.count)).squareRoot()
        // 10 000 draws: the mean's standard error is 0.003, the deviation's about 0.002.
        #expect(Swift.abs(mean) < 0.012, "mean \(mean)")
        #expect(Swift.abs(deviation - 0.3) < 0.009, "standard deviation \(deviation)")
        #expect(Set(noisy.scalars).count > 9_900, "every element gets its own draw")
    }

    @Test func gaussianNoiseTakesInputsOfAnyRank() throws {
        for shape: Shape in [[6], [4, 3], [2, 3, 4], [2, 3, 4, 5]] {
            let x = try Tensor.ones(shape)
            let layer = GaussianNoise(stddev: 0.2)
            let noisy = try layer(x, training: true)
            #expect(noisy.shape == x.shape, "shape \(shape)")
            #expect(noisy != x, "shape \(shape)")
            #expect(try layer(x, training: false) == x, "shape \(shape)")
        }
    }

    @Test func gaussianNoiseOfZeroDeviationIsTheIdentity() throws {
        let x = try Self.randomImages(2, 3, 3, 1)
        #expect(try GaussianNoise(stddev: 0)(x, training: true) == x)
    }

    @Test func gaussianNoiseIsDeterministicGivenTheGenerator() throws {
        let x = try Tensor.zeros([3, 4])
        let layer = GaussianNoise(stddev: 1)
        var first = RandomGenerator(seed: 5), second = RandomGenerator(seed: 5)
        let a = try layer.perturbed(x, using: &first), b = try layer.perturbed(x, using: &second)
        #expect(a == b)
        #expect(try layer.perturbed(x, using: &first) != a)
    }

    @Test func gaussianNoisePassesTheGradientThroughUnchanged() throws {
        let x = try Self.randomImages(2, 3, 3, 2)
        let weights = try Self.randomImages(2, 3, 3, 2, seed: 6)
        let layer = GaussianNoise(stddev: 0.7)
        let (_, gradient) = try valueWithGradient(at: x) { input in try (layer(input, training: true) * weights).sum() }
        #expect(gradient == weights)
    }
}
