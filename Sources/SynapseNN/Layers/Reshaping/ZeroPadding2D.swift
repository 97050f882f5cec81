import SynapseTensor

/// Adds rows and columns of zeros around channels-last images, as Keras's `ZeroPadding2D`:
/// `[batch, h, w, c] → [batch, top + h + bottom, left + w + right, c]`.
///
/// ```swift
/// let pad = ZeroPadding2D(padding: 1)   // [n, 28, 28, 1] → [n, 30, 30, 1]
/// ```
public final class ZeroPadding2D: Layer {
    /// The rows and columns added at each edge.
    public let padding: Margins2D
    public var name: String
    public var isTrainable = true
    public private(set) var builtInputShape: Shape?
    public var parameters: [Parameter] { [] }

    /// A padding layer; the amounts are checked when it is built.
    public init(padding: Margins2D = 1, name: String = "zero_padding2d") {
        self.padding = padding
        self.name = name
    }

    public func build(inputShape: Shape, using generator: inout RandomGenerator) throws {
        _ = try outputShape(forInputShape: inputShape)
        builtInputShape = inputShape
    }

    public func outputShape(forInputShape inputShape: Shape) throws -> Shape {
        guard [padding.top, padding.bottom, padding.left, padding.right].allSatisfy({ $0 >= 0 }) else {
            throw ModelError.invalidArgument(owner: "ZeroPadding2D '\(name)'", argument: "padding", expected: "non-negative amounts",
                                             received: "\(padding)")
        }
        try ImageLayerInput.check(inputShape, layer: name)
        return [inputShape[0] + padding.rows, inputShape[1] + padding.columns, inputShape[2]]
    }

    public func forward(_ input: Tensor, training: Bool) throws -> Tensor {
        try input.padded(with: [(0, 0), (padding.top, padding.bottom), (padding.left, padding.right), (0, 0)])
    }
}
