import SynapseTensor

/// Removes rows and columns at the edges of channels-last images, as Keras's `Cropping2D`:
/// `[batch, h, w, c] → [batch, h − top − bottom, w − left − right, c]`.
///
/// ```swift
/// let crop = Cropping2D(cropping: Margins2D(vertical: 2, horizontal: 2))   // [n, 32, 32, 3] → [n, 28, 28, 3]
/// ```
public final class Cropping2D: Layer {
    /// The rows and columns removed at each edge.
    public let cropping: Margins2D
    public var name: String
    public var isTrainable = true
    public private(set) var builtInputShape: Shape?
    public var parameters: [Parameter] { [] }

    /// A cropping layer; the amounts are checked when it is built.
    public init(cropping: Margins2D = 0, name: String = "cropping2d") {
        self.cropping = cropping
        self.name = name
    }

    public func build(inputShape: Shape, using generator: inout RandomGenerator) throws {
        _ = try outputShape(forInputShape: inputShape)
        builtInputShape = inputShape
    }

    public func outputShape(forInputShape inputShape: Shape) throws -> Shape {
        try ImageLayerInput.check(inputShape, layer: name)
        guard [cropping.top, cropping.bottom, cropping.left, cropping.right].allSatisfy({ $0 >= 0 }),
              cropping.rows < inputShape[0], cropping.columns < inputShape[1] else {
            throw ModelError.invalidArgument(
                owner: "Cropping2D '\(name)'", argument: "cropping",
                expected: "non-negative amounts leaving at least one row and column of samples \(inputShape)", received: "\(cropping)")
        }
        return [inputShape[0] - cropping.rows, inputShape[1] - cropping.columns, inputShape[2]]
    }

    public func forward(_ input: Tensor, training: Bool) throws -> Tensor {
        try input.sliced([0..<input.shape[0], cropping.top..<(input.shape[1] - cropping.bottom),
                          cropping.left..<(input.shape[2] - cropping.right)])
    }
}
