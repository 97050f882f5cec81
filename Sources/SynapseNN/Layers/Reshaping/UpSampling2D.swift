import SynapseTensor

/// Repeats every row and column of channels-last images, as Keras's `UpSampling2D` with its
/// default nearest-neighbour interpolation: `[batch, h, w, c] → [batch, h·sh, w·sw, c]`.
///
/// ```swift
/// let up = UpSampling2D(size: 2)   // [n, 7, 7, 64] → [n, 14, 14, 64]
/// ```
public final class UpSampling2D: Layer {
    /// How many times each row (height) and column (width) is repeated.
    public let size: Size2D
    public var name: String
    public var isTrainable = true
    public private(set) var builtInputShape: Shape?
    public var parameters: [Parameter] { [] }

    /// An upsampling layer; the factors are checked when it is built.
    public init(size: Size2D = 2, name: String = "up_sampling2d") {
        self.size = size
        self.name = name
    }

    public func build(inputShape: Shape, using generator: inout RandomGenerator) throws {
        _ = try outputShape(forInputShape: inputShape)
        builtInputShape = inputShape
    }

    public func outputShape(forInputShape inputShape: Shape) throws -> Shape {
        guard size.height >= 1, size.width >= 1 else {
            throw ModelError.invalidArgument(owner: "UpSampling2D '\(name)'", argument: "size", expected: "at least 1 along each axis", received: "\(size)")
        }
        try ImageLayerInput.check(inputShape, layer: name)
        return [inputShape[0] * size.height, inputShape[1] * size.width, inputShape[2]]
    }

    public func forward(_ input: Tensor, training: Bool) throws -> Tensor {
        let (batch, height, width, channels) = (input.shape[0], input.shape[1], input.shape[2], input.shape[3])
        // Each element repeated by broadcasting along two new axes; the gradient sums them back.
        return try input.reshaped(to: [batch, height, 1, width, 1, channels])
            .broadcasted(to: [batch, height, size.height, width, size.width, channels])
            .reshaped(to: [batch, height * size.height, width * size.width, channels])
    }
}
