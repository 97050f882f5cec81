import SynapseTensor

/// What `Conv1D`, `Conv2D` and `Conv2DTranspose` share: checking their arguments, sizing
/// their outputs, and creating their kernel and bias. A 1-D layer is the 2-D case with a
/// height of 1.
struct ConvolutionArguments {
    /// The layer's kind and name for messages: `Conv2D 'conv2d'`.
    let owner: String
    /// The layer's name, for input errors.
    let layer: String
    /// Output channels (or, for a transposed convolution, its output channels too).
    let filters: Int
    /// The window's height and width.
    let kernelSize: Size2D
    /// The steps between windows.
    let strides: Size2D
    /// The gaps between taps.
    let dilation: Size2D
    /// The border treatment.
    let padding: Padding

    /// Throws `ModelError.invalidArgument` naming the layer when a count or size is below 1,
    /// or strides and dilation both exceed 1 (Keras refuses that combination too).
    func check() throws {
        let sizes: [(String, Size2D)] = [("kernelSize", kernelSize), ("strides", strides), ("dilationRate", dilation)]
        guard filters >= 1 else {
            throw ModelError.invalidArgument(owner: owner, argument: "filters", expected: "at least 1", received: "\(filters)")
        }
        for (argument, size) in sizes where size.height < 1 || size.width < 1 {
            throw ModelError.invalidArgument(owner: owner, argument: argument, expected: "at least 1 along each axis", received: "\(size)")
        }
        if (strides.height > 1 || strides.width > 1) && (dilation.height > 1 || dilation.width > 1) {
            throw ModelError.invalidArgument(owner: owner, argument: "strides", expected: "1 when dilationRate is above 1",
                                             received: "strides \(strides) with dilationRate \(dilation)")
        }
    }

    /// The window along each axis of a `height` × `width` input, as the convolution walks it.
    ///
    /// - Throws: `ModelError.invalidInput` naming the layer when the window does not fit.
    func axes(height: Int, width: Int) throws -> (height: WindowAxis, width: WindowAxis) {
        do {
            return (try WindowAxis(inputSize: height, windowSize: kernelSize.height, stride: strides.height, dilation: dilation.height,
                                   padding: padding, operation: owner),
                    try WindowAxis(inputSize: width, windowSize: kernelSize.width, stride: strides.width, dilation: dilation.width,
                                   padding: padding, operation: owner))
        } catch let error as TensorError {
            throw ModelError.invalidInput(
                layer: layer, expected: "an input at least as large as the kernel's span with padding .\(padding.rawValue)",
                received: "\(height == 1 && kernelSize.height == 1 ? "\(width) steps" : "\(height)x\(width)") (\(error))")
        }
    }

    /// The channels of a per-sample input of shape `inputShape`, which must have `rank` axes.
    ///
    /// - Throws: `ModelError.invalidInput` naming the layer otherwise.
    func channels(of inputShape: Shape, rank: Int, layout: String) throws -> Int {
        guard inputShape.rank == rank, let channels = inputShape.last, channels >= 1, inputShape.dimensions.allSatisfy({ $0 >= 1 }) else {
            throw ModelError.invalidInput(layer: layer, expected: "samples of shape \(layout) (channels last)", received: "samples of shape \(inputShape)")
        }
        return channels
    }

    /// A kernel of `kernelShape` and, with `useBias`, a `[biasCount]` bias, drawn from the initializers.
    func makeParameters(
        kernelShape: Shape, biasCount: Int, useBias: Bool, kernelInitializer: Initializer, biasInitializer: Initializer,
        using generator: inout RandomGenerator
    ) throws -> (kernel: Parameter, bias: Parameter?) {
        let kernel = Parameter(try kernelInitializer.makeTensor(shape: kernelShape, using: &generator), name: "kernel")
        let bias = useBias ? Parameter(try biasInitializer.makeTensor(shape: [biasCount], using: &generator), name: "bias") : nil
        return (kernel, bias)
    }
}

extension ActivationFunction {
    /// The part of this function a convolution or affine map applies inside its own primitive:
    /// ReLU is fused, everything else is applied afterwards.
    var fusedAffineActivation: AffineActivation { self == .relu ? .relu : .identity }

    /// This function applied to the output of a primitive that fused `fusedAffineActivation`.
    func applied(afterFused output: Tensor) throws -> Tensor { self == .relu ? output : try self(output) }
}
