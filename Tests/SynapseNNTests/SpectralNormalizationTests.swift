import Foundation
import Synapse
import SynapseTestSupport
import Testing

@Suite struct SpectralNormalizationTests {
    /// The largest singular value of `kernel` seen as `[−1, last axis]`, by power iteration in `Double`.
    private func spectralNorm(_ kernel: Tensor) -> Double {
        let columns = kernel.shape[kernel.rank - 1], rows = kernel.elementCount / columns
        let w = kernel.scalars.map(Double.init)
        var u = [Double](repeating: 1, count: columns), norm = 0.0
        for _ in 0..<500 {
            let v = (0..<rows).map { r in (0..<columns).reduce(0.0) { $0 + w[r * columns + $1] * u[$1] } }
            let next = (0..<columns).map { c in (0..<rows).reduce(0.0) { $0 + w[$1 * columns + c] * v[$1] } }
            norm = next.reduce(0) { $0 + $1 * $1 }.squareRoot()
            u = next.map { $0 / norm }
        }
        return norm.squareRoot()  // ‖WᵀW u‖ = σ² at convergence
    }

    /// With enough power iterations for the singular vectors to converge in every call, σ is
    /// differentiable with the vectors held constant, so finite differences agree.
    @Test func wrappedLayersPassTheSharedLayerChecks() throws {
        try expectLayerConforms({ SpectralNormalization(Dense(3, activation: .tanh), powerIterations: 60) }, inputShape: [4],
                                expectedOutputShape: [3], expectedParameterCount: 4 * 3 + 3 + 3, wrongInputShape: [5])
        try expectLayerConforms({ SpectralNormalization(Conv2D(2, kernelSize: 2, strides: 2), powerIterations: 60) }, inputShape: [4, 4, 2],
                                expectedOutputShape: [2, 2, 2], expectedParameterCount: 2 * 2 * 2 * 2 + 2 + 2, wrongInputShape: [4, 4, 3])
    }

    /// One power-iteration step a call, carried over: the kernel's largest singular value settles at 1.
    @Test func trainingCallsBringTheKernelsLargestSingularValueToOne() throws {
        var generator = RandomGenerator(seed: 3)
        let input = try Tensor.randomNormal([2, 8, 8, 3], using: &generator)
        let layer = SpectralNormalization(Conv2D(16, kernelSize: 3, kernelInitializer: .randomNormal(mean: 0, standardDeviation: 1)))
        _ = try layer(input, seed: 4)
        let kernel = try #require(layer.layer.parameters.first { $0.name == "kernel" })
        #expect(spectralNorm(kernel.value) > 3)
        for _ in 0..<40 { _ = try layer(input, training: true) }
        #expect(abs(spectralNorm(kernel.value) - 1) < 1e-3)
    }

    /// Inference writes nothing; a frozen wrapper leaves its kernel alone in training too.
    @Test func inferenceAndFrozenWrappersLeaveTheWeightsBitIdentical() throws {
        var generator = RandomGenerator(seed: 5)
        let input = try Tensor.randomNormal([4, 6], using: &generator)
        let layer = SpectralNormalization(Dense(5))
        _ = try layer(input, seed: 1)
        let before = layer.weights
        _ = try layer(input)
        #expect(layer.weights == before)
        layer.isTrainable = false
        #expect(!layer.layer.isTrainable)
        _ = try layer(input, training: true)
        #expect(layer.weights == before)
        layer.isTrainable = true
        _ = try layer(input, training: true)
        #expect(layer.weights != before)
    }

    /// In a model trained by `fit`: the normalised kernel is what the optimizer steps from, the
    /// model learns, and a saved description rebuilds the wrapper.
    @Test func aDiscriminatorWithSpectralNormalizationTrainsAndRoundTrips() throws {
        var generator = RandomGenerator(seed: 9)
        // Spread out: a network whose layers are 1-Lipschitz needs room for logits far from 0.
        let x = try Tensor.randomNormal([256, 2], standardDeviation: 4, using: &generator)
        let y = try ((x * x).sum(alongAxes: [1], keepingDimensions: true) .< 22)  // inside a circle: about half
        let model = Sequential(name: "critic", seed: 2) {
            Input(shape: [2])
            SpectralNormalization(Dense(32, activation: .leakyRelu()))
            SpectralNormalization(Dense(32, activation: .leakyRelu()))
            SpectralNormalization(Dense(1))
        }
        model.compile(optimizer: Adam(learningRate: 0.002), loss: .binaryCrossentropy(fromLogits: true), metrics: [.accuracy])
        let history = try model.fit(x, y, epochs: 100, batchSize: 32, verbose: 0, seed: 1)
        #expect(try #require(history[.accuracy].last) > 0.9)
        // The last step moved the kernels off the unit sphere; training calls put them back.
        for _ in 0..<5 { _ = try model(x, training: true) }
        for layer in model.layers.compactMap({ $0 as? SpectralNormalization }) {
            let kernel = try #require(layer.layer.parameters.first { $0.name == "kernel" })
            #expect(abs(spectralNorm(kernel.value) - 1) < 0.01)
        }
        let rebuilt = try Sequential(try ModelDescription.decoded(from: try model.describedModel().encoded(), source: "test"))
        #expect(rebuilt.layers.map { "\(type(of: $0))" } == model.layers.map { "\(type(of: $0))" })
        try rebuilt.setWeights(model.weights)
        #expect(try rebuilt.predict(x) == model.predict(x))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("synapse-spectral-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try model.save(to: folder)
        #expect(try Sequential.load(from: folder).predict(x) == model.predict(x))
    }

    @Test func badArgumentsAreNamed() throws {
        let input = try Tensor.ones([2, 3])
        let noKernel = #expect(throws: ModelError.self) { try SpectralNormalization(BatchNormalization(), name: "sn")(input) }
        #expect("\(noKernel!)".contains("'sn'") && "\(noKernel!)".contains("kernel"))
        let noIterations = #expect(throws: ModelError.self) { try SpectralNormalization(Dense(2), powerIterations: 0)(input) }
        #expect("\(noIterations!)".contains("powerIterations"))
    }
}
