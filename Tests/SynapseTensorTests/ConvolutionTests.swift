import Synapse
import SynapseTestSupport
import Testing

/// One convolution setting: input height × width, kernel height × width, strides, padding, dilation.
struct ConvolutionCase: CustomTestStringConvertible, Sendable {
    let input: Size2D, kernel: Size2D, strides: Size2D, padding: Padding, dilation: Size2D
    var testDescription: String { "in \(input) k \(kernel) s \(strides) \(padding) d \(dilation)" }

    /// Odd sizes, every stride/padding/dilation combination Keras accepts (strides and dilation
    /// are not both above 1).
    static let all: [ConvolutionCase] = {
        var cases: [ConvolutionCase] = []
        for padding in Padding.allCases {
            for (strides, dilation) in [(Size2D(1, 1), Size2D(1, 1)), (Size2D(2, 2), Size2D(1, 1)), (Size2D(2, 3), Size2D(1, 1)),
                                        (Size2D(1, 1), Size2D(2, 2)), (Size2D(1, 1), Size2D(2, 1))] {
                for (input, kernel) in [(Size2D(5, 7), Size2D(3, 2)), (Size2D(6, 6), Size2D(3, 3)), (Size2D(4, 5), Size2D(1, 1))] {
                    cases.append(ConvolutionCase(input: input, kernel: kernel, strides: strides, padding: padding, dilation: dilation))
                }
            }
        }
        return cases
    }()
}

@Suite struct ConvolutionTests {
    @Test(arguments: ConvolutionCase.all)
    func convolutionMatchesTheReference(setting: ConvolutionCase) throws {
        var generator = RandomGenerator(seed: 11)
        let x = try Tensor.randomNormal([2, setting.input.height, setting.input.width, 3], using: &generator)
        let kernel = try Tensor.randomNormal([setting.kernel.height, setting.kernel.width, 3, 4], using: &generator)
        let bias = try Tensor.randomNormal([4], using: &generator)
        let fast = try x.convolved2D(with: kernel, bias: bias, strides: setting.strides, padding: setting.padding, dilation: setting.dilation)
        let reference = ReferenceConvolution.convolution2D(x, kernel, bias: bias, strides: setting.strides, padding: setting.padding,
                                                           dilation: setting.dilation)
        expectClose(fast, reference, absolute: 1e-4)
    }

    @Test(arguments: ConvolutionCase.all)
    func convolutionGradientsMatchFiniteDifferences(setting: ConvolutionCase) throws {
        var generator = RandomGenerator(seed: 12)
        let x = try Tensor.randomNormal([2, setting.input.height, setting.input.width, 2], using: &generator)
        let kernel = try Tensor.randomNormal([setting.kernel.height, setting.kernel.width, 2, 3], using: &generator)
        let bias = try Tensor.randomNormal([3], using: &generator)
        try expectGradientsMatchFiniteDifferences(at: [x, kernel, bias]) {
            try $0[0].convolved2D(with: $0[1], bias: $0[2], strides: setting.strides, padding: setting.padding, dilation: setting.dilation)
        }
    }

    /// Only the input's gradient, the kernel held fixed (a GAN's generator step through a
    /// discriminator it does not train): once wrote kernel partial sums into an empty buffer.
    @Test(arguments: [(1, 16), (1, 3), (5, 16)] as [(Int, Int)])
    func theInputGradientAloneMatchesFiniteDifferences(batch: Int, channels: Int) throws {
        var generator = RandomGenerator(seed: 13)
        let x = try Tensor.randomNormal([batch, 8, 8, channels], using: &generator)
        let kernel = try Tensor.randomNormal([4, 4, channels, 4], using: &generator)
        try expectGradientsMatchFiniteDifferences(at: [x]) { try $0[0].convolved2D(with: kernel, strides: 2, padding: .same) }
        // A batch large enough to split across cores.
        let large = try Tensor.randomNormal([64, 28, 28, 1], using: &generator)
        let (_, gradient) = try valueWithGradient(at: [large]) { try $0[0].convolved2D(with: try kernel[0..<4, 0..<4, 0..<1], strides: 2, padding: .same).sum() }
        #expect(gradient[0].shape == large.shape && gradient[0].firstNonFiniteIndex == nil)
    }

    @Test func fusedReluMatchesReluOfTheConvolution() throws {
        // The first seed whose pre-activations all keep away from the kink at 0, so that finite
        // differences see one side of it.
        var seed: UInt64 = 13, x: Tensor, kernel: Tensor, bias: Tensor, linear: Tensor
        repeat {
            var generator = RandomGenerator(seed: seed)
            x = try Tensor.randomNormal([2, 4, 4, 2], using: &generator)
            kernel = try Tensor.randomNormal([3, 3, 2, 3], using: &generator)
            bias = try Tensor.randomNormal([3], using: &generator)
            linear = try x.convolved2D(with: kernel, bias: bias, padding: .same)
            seed += 1
        } while try abs(linear).min().scalar < 0.02
        expectClose(try x.convolved2D(with: kernel, bias: bias, padding: .same, activation: .relu), relu(linear))
        try expectGradientsMatchFiniteDifferences(at: [x, kernel, bias], step: 1e-3) {
            try $0[0].convolved2D(with: $0[1], bias: $0[2], padding: .same, activation: .relu)
        }
    }

    @Test(arguments: [(1, Padding.valid, 1), (2, .same, 1), (1, .same, 2), (3, .valid, 1)] as [(Int, Padding, Int)])
    func convolution1DIsTheConvolutionOverAHeightOfOne(stride: Int, padding: Padding, dilation: Int) throws {
        var generator = RandomGenerator(seed: 14)
        let x = try Tensor.randomNormal([2, 9, 2], using: &generator)
        let kernel = try Tensor.randomNormal([3, 2, 4], using: &generator), bias = try Tensor.randomNormal([4], using: &generator)
        let output = try x.convolved1D(with: kernel, bias: bias, stride: stride, padding: padding, dilation: dilation)
        let reference = ReferenceConvolution.convolution2D(
            try x.reshaped(to: [2, 1, 9, 2]), try kernel.reshaped(to: [1, 3, 2, 4]), bias: bias,
            strides: Size2D(1, stride), padding: padding, dilation: Size2D(1, dilation))
        expectClose(output, try reference.reshaped(to: [2, reference.shape[2], 4]), absolute: 1e-4)
        try expectGradientsMatchFiniteDifferences(at: [x, kernel, bias]) {
            try $0[0].convolved1D(with: $0[1], bias: $0[2], stride: stride, padding: padding, dilation: dilation)
        }
    }

    /// A first layer (few taps per patch, input not differentiated: the register-blocked
    /// kernels, no input gradient) gets the kernel and bias gradients of finite differences and
    /// of the path that also differentiates the input.
    @Test(arguments: [(false, Padding.valid), (true, .same), (true, .valid)] as [(Bool, Padding)])
    func firstLayerGradientsMatchTheGeneralPath(relu: Bool, padding: Padding) throws {
        var generator = RandomGenerator(seed: 15)
        let x = try Tensor.randomNormal([3, 6, 5, 1], using: &generator)
        let kernel = try Tensor.randomNormal([3, 3, 1, 4], using: &generator), bias = try Tensor.randomNormal([4], using: &generator)
        let activation: AffineActivation = relu ? .relu : .identity
        // Relu: keep every pre-activation away from the kink, so finite differences see one side.
        let linear = try x.convolved2D(with: kernel, bias: bias, padding: padding)
        #expect(try !relu || abs(linear).min().scalar > 1e-3)
        try expectGradientsMatchFiniteDifferences(at: [kernel, bias], step: relu ? 1e-3 : 1e-2) {
            try x.convolved2D(with: $0[0], bias: $0[1], padding: padding, activation: activation)
        }
        let (_, fused) = try valueWithGradient(at: [kernel, bias]) { try (x.convolved2D(with: $0[0], bias: $0[1], padding: padding, activation: activation) * linear).sum() }
        let (_, general) = try valueWithGradient(at: [x, kernel, bias]) { try ($0[0].convolved2D(with: $0[1], bias: $0[2], padding: padding, activation: activation) * linear).sum() }
        expectClose(fused[0], general[1], absolute: 1e-4)
        expectClose(fused[1], general[2], absolute: 1e-4)
    }

    /// Output sizes Keras gives (`keras.layers.Conv2D(...).compute_output_shape`).
    @Test(arguments: [(28, 3, 1, Padding.valid, 1, 26), (28, 3, 1, .same, 1, 28), (28, 3, 2, .same, 1, 14), (28, 3, 2, .valid, 1, 13),
                      (7, 2, 3, .same, 1, 3), (7, 2, 3, .valid, 1, 2), (10, 3, 1, .valid, 2, 6), (10, 3, 1, .same, 2, 10)]
          as [(Int, Int, Int, Padding, Int, Int)])
    func outputSizesFollowKeras(input: Int, kernel: Int, stride: Int, padding: Padding, dilation: Int, expected: Int) throws {
        let output = try Tensor.zeros([1, input, input, 1]).convolved2D(
            with: Tensor.zeros([kernel, kernel, 1, 1]), strides: Size2D(square: stride), padding: padding, dilation: Size2D(square: dilation))
        #expect(output.shape == [1, expected, expected, 1])
    }

    @Test func badArgumentsThrowNamingTheOperation() throws {
        let x = try Tensor.zeros([1, 5, 5, 2])
        #expect(throws: TensorError.self) { try x.convolved2D(with: Tensor.zeros([3, 3, 2])) }
        #expect(throws: TensorError.self) { try x.convolved2D(with: Tensor.zeros([3, 3, 3, 4])) }
        #expect(throws: TensorError.self) { try x.convolved2D(with: Tensor.zeros([3, 3, 2, 4]), bias: Tensor.zeros([3])) }
        #expect(throws: TensorError.self) { try x.convolved2D(with: Tensor.zeros([6, 6, 2, 4])) }
        #expect(throws: TensorError.self) { try x.convolved2D(with: Tensor.zeros([3, 3, 2, 4]), strides: [0, 1]) }
        #expect(throws: TensorError.self) { try Tensor.zeros([5, 5, 2]).convolved2D(with: Tensor.zeros([3, 3, 2, 4])) }
        let error = #expect(throws: TensorError.self) { try x.convolved2D(with: Tensor.zeros([3, 3, 3, 4])) }
        #expect("\(error.map { "\($0)" } ?? "")".contains("convolved2D"))
    }

    @Test func emptyBatchesGiveEmptyOutputs() throws {
        let output = try Tensor.zeros([0, 5, 5, 2]).convolved2D(with: Tensor.ones([3, 3, 2, 4]), bias: Tensor.ones([4]))
        #expect(output.shape == [0, 3, 3, 4])
    }
}
