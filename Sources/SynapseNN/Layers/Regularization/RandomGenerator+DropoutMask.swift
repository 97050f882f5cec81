import SynapseTensor

extension RandomGenerator {
    /// A dropout mask of `shape`: each element 0 with probability `rate`, else `1 / (1 − rate)`,
    /// so that multiplying by it keeps the expected value (inverted dropout, as Keras).
    mutating func dropoutMask(shape: Shape, rate: Float) throws -> Tensor {
        let keep = 1 / (1 - rate)
        let values = (0..<shape.elementCount).map { _ in Float.random(in: 0..<1, using: &self) < rate ? 0 : keep }
        return try Tensor(shape: shape, scalars: values)
    }
}
