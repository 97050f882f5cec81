/// The dimensions of a tensor, outermost first (row-major order).
///
/// ```swift
/// let shape: Shape = [2, 3]     // 2 rows, 3 columns
/// shape.count                   // 6 elements
/// ```
public struct Shape: Hashable, Codable, Sendable, ExpressibleByArrayLiteral, RandomAccessCollection {
    /// The size of each axis.
    public var dimensions: [Int]

    /// A shape with the given axis sizes. Sizes are not validated here; tensor constructors do it.
    public init(_ dimensions: [Int]) { self.dimensions = dimensions }

    /// A shape from an array literal, e.g. `[2, 3]`.
    public init(arrayLiteral elements: Int...) { self.dimensions = elements }

    /// The number of axes.
    public var rank: Int { dimensions.count }

    /// The number of elements: the product of the dimensions (1 for a scalar).
    public var elementCount: Int { dimensions.reduce(1, *) }

    /// Element strides of a contiguous row-major layout: the last axis has stride 1.
    public var contiguousStrides: [Int] {
        var strides = [Int](repeating: 1, count: rank)
        var running = 1
        for axis in stride(from: rank - 1, through: 0, by: -1) {
            strides[axis] = running
            running *= dimensions[axis]
        }
        return strides
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { dimensions.count }
    /// The size of axis `axis`.
    public subscript(axis: Int) -> Int {
        get { dimensions[axis] }
        set { dimensions[axis] = newValue }
    }

    /// Checks that every dimension is non-negative and that the element count, and the size
    /// in bytes of that many `Float`s, fit in `Int`.
    ///
    /// - Throws: `TensorError.invalidArgument` naming `operation` otherwise.
    public func validated(for operation: String) throws -> Shape {
        var total = 1
        for dimension in dimensions {
            guard dimension >= 0 else {
                throw TensorError.invalidArgument(
                    operation: operation, argument: "shape", expected: "non-negative dimensions", received: "\(self)")
            }
            let (product, overflow) = total.multipliedReportingOverflow(by: dimension)
            guard !overflow, product <= Int.max / MemoryLayout<Float>.stride else {
                throw TensorError.invalidArgument(
                    operation: operation, argument: "shape",
                    expected: "an element count that fits in Int (in bytes)", received: "\(self), which overflows")
            }
            total = product
        }
        return self
    }
}

extension Shape: CustomStringConvertible {
    /// The dimensions in brackets, e.g. `[2, 3]`.
    public var description: String { "[" + dimensions.map(String.init).joined(separator: ", ") + "]" }
}
