import Foundation
import SynapseTensor

/// How a layer fills a parameter when it is built, as in Keras. Random initializers draw from
/// the generator the layer is built with, so a seed fixes them.
///
/// Fans follow Keras: for a `[in, out]` kernel, `fanIn = in` and `fanOut = out`; for a
/// convolution kernel `[k…, in, out]`, both are multiplied by the product of the `k…`.
public enum Initializer: Hashable, Sendable {
    /// All zeros (Keras's default for biases).
    case zeros
    /// All ones.
    case ones
    /// Every element `value`.
    case constant(Float)
    /// Uniform in `[minimum, maximum)`.
    case randomUniform(minimum: Float = -0.05, maximum: Float = 0.05)
    /// Normal with the given mean and standard deviation.
    case randomNormal(mean: Float = 0, standardDeviation: Float = 0.05)
    /// Uniform in `±√(6 / (fanIn + fanOut))`: Keras's default for `Dense` kernels.
    case glorotUniform
    /// Truncated normal (±2σ) with variance `2 / (fanIn + fanOut)`.
    case glorotNormal
    /// Uniform in `±√(6 / fanIn)`, for ReLU layers.
    case heUniform
    /// Truncated normal with variance `2 / fanIn`, for ReLU layers.
    case heNormal
    /// Truncated normal with variance `1 / fanIn`, for SELU layers.
    case lecunNormal
    /// A random orthogonal matrix times `gain` (Keras's default for recurrent kernels): the
    /// kernel, seen as `[product of all but the last axis, last axis]`, has orthonormal rows or
    /// columns, whichever are fewer.
    case orthogonal(gain: Float = 1)

    /// A tensor of `shape` filled by this initializer.
    ///
    /// - Throws: `TensorError.invalidArgument` for an invalid shape or bounds;
    ///   `ModelError.invalidArgument` when the tensor passes the `WeightBudget` in force.
    public func makeTensor(shape: Shape, using generator: inout RandomGenerator) throws -> Tensor {
        // Checked first: the fans multiply dimensions, which must not overflow.
        let shape = try shape.validated(for: "Initializer")
        try WeightBudget.spend(shape)
        let (fanIn, fanOut) = Initializer.fans(of: shape)
        switch self {
        case .zeros: return try Tensor.zeros(shape)
        case .ones: return try Tensor.ones(shape)
        case .constant(let value): return try Tensor.full(shape, value: value)
        case let .randomUniform(minimum, maximum):
            return try Tensor.randomUniform(shape, in: minimum...maximum, using: &generator)
        case let .randomNormal(mean, standardDeviation):
            return try Tensor.randomNormal(shape, mean: mean, standardDeviation: standardDeviation, using: &generator)
        case .glorotUniform: return try Initializer.uniform(shape, variance: 2 / (fanIn + fanOut), using: &generator)
        case .glorotNormal: return try Initializer.truncatedNormal(shape, variance: 2 / (fanIn + fanOut), using: &generator)
        case .heUniform: return try Initializer.uniform(shape, variance: 2 / fanIn, using: &generator)
        case .heNormal: return try Initializer.truncatedNormal(shape, variance: 2 / fanIn, using: &generator)
        case .lecunNormal: return try Initializer.truncatedNormal(shape, variance: 1 / fanIn, using: &generator)
        case .orthogonal(let gain): return try Initializer.orthogonal(shape, gain: gain, using: &generator)
        }
    }

    /// Keras's `compute_fans`: the fan-in and fan-out of a kernel shape (at least 1 each).
    static func fans(of shape: Shape) -> (fanIn: Float, fanOut: Float) {
        switch shape.rank {
        case 0: return (1, 1)
        case 1: return (Float(Swift.max(shape[0], 1)), Float(Swift.max(shape[0], 1)))
        default:
            let receptiveField = shape.dimensions.dropLast(2).reduce(1, *)
            return (Float(Swift.max(shape[shape.rank - 2] * receptiveField, 1)),
                    Float(Swift.max(shape[shape.rank - 1] * receptiveField, 1)))
        }
    }

    /// Uniform with the given variance: bounds `±√(3 · variance)`.
    private static func uniform(_ shape: Shape, variance: Float, using generator: inout RandomGenerator) throws -> Tensor {
        let limit = (3 * variance).squareRoot()
        return try Tensor.randomUniform(shape, in: -limit...limit, using: &generator)
    }

    /// Keras's `Orthogonal`: a normal `[max(r, c), min(r, c)]` matrix made orthonormal by QR
    /// (modified Gram–Schmidt in `Double`, which gives R a positive diagonal, as Keras's sign
    /// correction does), transposed when `r < c`, times `gain`.
    private static func orthogonal(_ shape: Shape, gain: Float, using generator: inout RandomGenerator) throws -> Tensor {
        let shape = try shape.validated(for: "Initializer.orthogonal")
        guard shape.rank >= 2 else { return try Tensor.randomNormal(shape, standardDeviation: gain, using: &generator) }
        let columns = shape[shape.rank - 1], rows = shape.elementCount / Swift.max(columns, 1)
        let (tall, narrow) = (Swift.max(rows, columns), Swift.min(rows, columns))
        var q = try Tensor.randomNormal([narrow, tall], using: &generator).scalars.map(Double.init)   // one vector per row
        for vector in 0..<narrow {
            for earlier in 0..<vector {
                var dot = 0.0
                for i in 0..<tall { dot += q[vector * tall + i] * q[earlier * tall + i] }
                for i in 0..<tall { q[vector * tall + i] -= dot * q[earlier * tall + i] }
            }
            var norm = 0.0
            for i in 0..<tall { norm += q[vector * tall + i] * q[vector * tall + i] }
            norm = Swift.max(norm.squareRoot(), 1e-12)
            for i in 0..<tall { q[vector * tall + i] /= norm }
        }
        // q holds the orthonormal vectors as rows ([narrow, tall]): that is the kernel when rows
        // are fewer, its transpose otherwise.
        let values = (0..<(rows * columns)).map { index -> Float in
            let (row, column) = (index / columns, index % columns)
            return Float(rows < columns ? q[row * tall + column] : q[column * tall + row]) * gain
        }
        return try Tensor(shape: shape, scalars: values)
    }

    /// A normal truncated to ±2σ (values beyond are redrawn) whose variance after truncation
    /// is `variance` (σ is divided by 0.8796, the standard deviation of a standard normal
    /// truncated to ±2, as Keras does).
    private static func truncatedNormal(_ shape: Shape, variance: Float, using generator: inout RandomGenerator) throws -> Tensor {
        let shape = try shape.validated(for: "Initializer")
        let sigma = variance.squareRoot() / 0.879_625_66
        var values: [Float] = []
        values.reserveCapacity(shape.elementCount)
        while values.count < shape.elementCount {
            let draws = try Tensor.randomNormal([Swift.max(shape.elementCount - values.count, 16)], using: &generator).scalars
            for z in draws where Swift.abs(z) <= 2 && values.count < shape.elementCount { values.append(z * sigma) }
        }
        return try Tensor(shape: shape, scalars: values)
    }
}
