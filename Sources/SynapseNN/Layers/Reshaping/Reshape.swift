import SynapseTensor

/// Gives each sample a new shape with the same number of elements, as Keras's `Reshape`:
/// `[batch, …] → [batch] + targetShape`, in row-major order. One dimension may be −1, inferred
/// from the others.
///
/// ```swift
/// let reshape = Reshape([7, 7, 128])   // [n, 6272] → [n, 7, 7, 128]
/// ```
public final class Reshape: Layer {
    /// The per-sample shape of the output; one entry may be −1.
    public let targetShape: [Int]
    public var name: String
    public var isTrainable = true
    public private(set) var builtInputShape: Shape?
    public var parameters: [Parameter] { [] }

    /// A reshaping layer; the shape is checked against the input when it is built.
    public init(_ targetShape: [Int], name: String = "reshape") {
        self.targetShape = targetShape
        self.name = name
    }

    public func build(inputShape: Shape, using generator: inout RandomGenerator) throws {
        _ = try outputShape(forInputShape: inputShape)
        builtInputShape = inputShape
    }

    public func outputShape(forInputShape inputShape: Shape) throws -> Shape {
        let owner = "Reshape '\(name)'", count = inputShape.elementCount
        let inferred = targetShape.filter { $0 == -1 }.count
        guard inferred <= 1, targetShape.allSatisfy({ $0 >= 1 || $0 == -1 }) else {
            throw ModelError.invalidArgument(owner: owner, argument: "targetShape", expected: "positive sizes and at most one −1",
                                             received: "\(targetShape)")
        }
        let known = targetShape.filter { $0 != -1 }.reduce(1, *)
        guard inferred == 1 ? count % known == 0 : known == count else {
            throw ModelError.invalidInput(layer: name, expected: "samples of \(inferred == 1 ? "a multiple of \(known)" : "\(known)") elements for target shape \(targetShape)",
                                          received: "samples of shape \(inputShape) (\(count) elements)")
        }
        return Shape(targetShape.map { $0 == -1 ? count / known : $0 })
    }

    public func forward(_ input: Tensor, training: Bool) throws -> Tensor {
        let sampleShape = try outputShape(forInputShape: Shape(Array(input.shape.dimensions.dropFirst())))
        return try input.reshaped(to: Shape([input.shape[0]] + sampleShape.dimensions))
    }
}
