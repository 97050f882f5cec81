import SynapseTensor

/// Flattens each sample to a vector, as Keras's `Flatten`: `[batch, d1, d2, …] → [batch, d1·d2·…]`,
/// in row-major (channels-last) order. No copy: the output shares the input's elements.
public final class Flatten: Layer {
    public var name: String
    public var isTrainable = true
    public private(set) var builtInputShape: Shape?
    public var parameters: [Parameter] { [] }

    /// A flattening layer.
    public init(name: String = "flatten") { self.name = name }

    public func build(inputShape: Shape, using generator: inout RandomGenerator) throws {
        builtInputShape = inputShape
    }

    public func outputShape(forInputShape inputShape: Shape) throws -> Shape { [inputShape.elementCount] }

    public func forward(_ input: Tensor, training: Bool) throws -> Tensor {
        try input.reshaped(to: [input.shape[0], input.shape.dimensions.dropFirst().reduce(1, *)])
    }
}
