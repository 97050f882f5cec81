import SynapseTensor

/// Turns token ids into dense vectors: row `id` of a trainable `[inputDimension, outputDimension]`
/// table (Keras's `Embedding`). Ids come as whole numbers in a `Float` tensor of any shape; the
/// output adds an axis of `outputDimension`.
///
/// With `maskZero`, id 0 is padding: the output carries a mask that recurrent layers use to skip
/// those steps (see `MaskSupportingLayer`), and real ids start at 1.
///
/// ```swift
/// let embedding = Embedding(inputDimension: 65, outputDimension: 32)   // [batch, steps] → [batch, steps, 32]
/// ```
public final class Embedding: MaskSupportingLayer {
    /// The vocabulary size: ids run over `0..<inputDimension`.
    public let inputDimension: Int
    /// The length of each vector.
    public let outputDimension: Int
    /// How the table is filled when built (uniform in ±0.05, as Keras).
    public let embeddingsInitializer: Initializer
    /// Whether id 0 marks padding.
    public let maskZero: Bool
    public var name: String
    public var isTrainable = true
    public private(set) var builtInputShape: Shape?
    /// The `[inputDimension, outputDimension]` table, once built.
    public private(set) var embeddings: Parameter?

    /// An embedding of `inputDimension` ids into vectors of `outputDimension`; the arguments are
    /// checked when the layer is built.
    public init(
        inputDimension: Int, outputDimension: Int, embeddingsInitializer: Initializer = .randomUniform(minimum: -0.05, maximum: 0.05),
        maskZero: Bool = false, name: String = "embedding"
    ) {
        self.inputDimension = inputDimension
        self.outputDimension = outputDimension
        self.embeddingsInitializer = embeddingsInitializer
        self.maskZero = maskZero
        self.name = name
    }

    public var parameters: [Parameter] { embeddings.map { [$0] } ?? [] }

    public func build(inputShape: Shape, using generator: inout RandomGenerator) throws {
        _ = try outputShape(forInputShape: inputShape)
        embeddings = Parameter(try embeddingsInitializer.makeTensor(shape: [inputDimension, outputDimension], using: &generator), name: "embeddings")
        builtInputShape = inputShape
    }

    public func outputShape(forInputShape inputShape: Shape) throws -> Shape {
        for (value, argument) in [(inputDimension, "inputDimension"), (outputDimension, "outputDimension")] where value < 1 {
            throw ModelError.invalidArgument(owner: "Embedding '\(name)'", argument: argument, expected: "at least 1", received: "\(value)")
        }
        return Shape(inputShape.dimensions + [outputDimension])
    }

    public func forward(_ input: Tensor, training: Bool) throws -> Tensor {
        guard let embeddings else { throw ModelError.notReady(model: name, reason: "the layer is not built") }
        let values = input.scalars
        var ids = [Int](repeating: 0, count: values.count)
        for (position, value) in values.enumerated() {
            guard value >= 0, value < Float(inputDimension), value.rounded() == value else {
                throw ModelError.invalidInput(
                    layer: name, expected: "token ids: whole numbers in 0..<\(inputDimension)", received: "\(value) at position \(position) of the batch")
            }
            ids[position] = Int(value)
        }
        let vectors = try embeddings.value.gathering(atIndices: ids, alongAxis: 0)
        return try vectors.reshaped(to: Shape(input.shape.dimensions + [outputDimension]))
    }

    public func forward(_ input: Tensor, mask: Tensor?, training: Bool) throws -> Tensor {
        try forward(input, training: training)
    }

    /// With `maskZero`, 1 where the id is not 0 (the input's shape); otherwise none.
    public func outputMask(forInput input: Tensor, mask: Tensor?) throws -> Tensor? {
        guard maskZero else { return nil }
        return try Tensor(shape: input.shape, scalars: input.scalars.map { $0 != 0 ? 1 : 0 })
    }
}
