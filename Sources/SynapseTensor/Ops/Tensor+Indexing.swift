/// Taking parts of a tensor: slices by ranges per axis, one index along the first axis, and
/// gathering chosen indices along an axis.
extension Tensor {
    /// The slice given by one range per leading axis; axes without a range are kept whole.
    /// A free view: no elements are copied until an operation needs them in order.
    ///
    /// ```swift
    /// let firstRows = try x[0..<2]            // rows 0 and 1
    /// let middle = try images[0..., 4..<24, 4..<24]   // centre 20×20 crop
    /// ```
    /// - Throws: `TensorError.invalidArgument` when there are more ranges than axes or a range
    ///   reaches outside its axis.
    public subscript(_ ranges: any RangeExpression<Int>...) -> Tensor {
        get throws { try sliced(ranges) }
    }

    /// The sub-tensor at `index` along the first axis, with that axis removed (`x[0]` is
    /// the first row of a matrix).
    ///
    /// - Throws: `TensorError.invalidArgument` for a rank-0 tensor or an index outside the axis.
    public subscript(_ index: Int) -> Tensor {
        get throws {
            guard rank > 0, index >= 0 && index < shape[0] else {
                throw TensorError.invalidArgument(
                    operation: "subscript", argument: "index",
                    expected: rank == 0 ? "a tensor of rank ≥ 1" : "in 0..<\(shape[0])", received: "\(index) for shape \(shape)")
            }
            return try sliced([index..<(index + 1)]).squeezingShape(at: [0])
        }
    }

    /// The slice given by one range per leading axis; see the subscript.
    public func sliced(_ ranges: [any RangeExpression<Int>]) throws -> Tensor {
        guard ranges.count <= rank else {
            throw TensorError.invalidArgument(
                operation: "slice", argument: "ranges", expected: "at most \(rank) (one per axis of \(shape))",
                received: "\(ranges.count)")
        }
        var bounds = shape.dimensions.map { 0..<$0 }
        for (axis, expression) in ranges.enumerated() {
            // Relative to an unbounded collection, so a partial range `n...` never traps.
            let range = expression.relative(to: 0..<Int.max)
            let size = shape[axis]
            let upper = range.upperBound == Int.max ? size : range.upperBound
            guard range.lowerBound >= 0, range.lowerBound <= upper, upper <= size else {
                throw TensorError.invalidArgument(
                    operation: "slice", argument: "range for axis \(axis)", expected: "within 0..<\(size) (shape \(shape))",
                    received: "\(range.lowerBound)..<\(upper)")
            }
            bounds[axis] = range.lowerBound..<upper
        }
        return slicedUnchecked(bounds)
    }

    /// The elements at `indices` along `axis`, in that order (indices may repeat); the axis
    /// takes the length `indices.count`. Gradients of repeated indices add up.
    ///
    /// - Throws: `TensorError.invalidArgument` for an invalid axis or an index outside it.
    public func gathering(atIndices indices: [Int], alongAxis axis: Int) throws -> Tensor {
        let axis = try TensorError.normalizedAxis(axis, rank: rank, operation: "gathering")
        if let bad = indices.first(where: { $0 < 0 || $0 >= shape[axis] }) {
            throw TensorError.invalidArgument(
                operation: "gathering", argument: "index", expected: "in 0..<\(shape[axis]) along axis \(axis) of \(shape)",
                received: "\(bad)")
        }
        let outer = shape.dimensions[..<axis].reduce(1, *), length = shape[axis]
        let inner = shape.dimensions[(axis + 1)...].reduce(1, *)
        var resultShape = shape
        resultShape[axis] = indices.count
        let result = withUnsafeBufferPointer { source in
            Tensor(shape: resultShape) { output in
                for o in 0..<outer {
                    for (position, index) in indices.enumerated() {
                        (output.baseAddress! + (o * indices.count + position) * inner)
                            .update(from: source.baseAddress! + (o * length + index) * inner, count: inner)
                    }
                }
            }
        }
        guard Tensor.isRecording(self) else { return result }
        let inputShape = shape
        return Tensor.recorded(result, "gather", inputs: [self]) { g in
            [g.withUnsafeBufferPointer { gradient in
                Tensor(repeating: 0, shape: inputShape).updating { input in
                    for o in 0..<outer {
                        for (position, index) in indices.enumerated() {
                            let from = gradient.baseAddress! + (o * indices.count + position) * inner
                            let to = input.baseAddress! + (o * length + index) * inner
                            for i in 0..<inner { to[i] += from[i] }
                        }
                    }
                }
            }]
        }
    }

    /// The view of this tensor restricted to `bounds` (one valid range per axis), recording
    /// a pullback that places the gradient back into a zero tensor of this shape.
    func slicedUnchecked(_ bounds: [Range<Int>]) -> Tensor {
        let start = zip(bounds, strides).reduce(offset) { $0 + $1.0.lowerBound * $1.1 }
        let result = Tensor(storage: storage, shape: Shape(bounds.map(\.count)), strides: strides, offset: start)
        guard Tensor.isRecording(self) else { return result }
        let inputShape = shape
        return Tensor.recorded(result, "slice", inputs: [self]) { g in
            [Tensor(repeating: 0, shape: inputShape).updating { input in
                g.copy(into: input.baseAddress!, at: bounds.map(\.lowerBound), within: inputShape)
            }]
        }
    }

    /// This tensor after `body` has written into its (uniquely owned) elements.
    func updating(_ body: (UnsafeMutableBufferPointer<Float>) -> Void) -> Tensor {
        var copy = self
        copy.withUnsafeMutableBufferPointer { body($0) }
        return copy
    }

    /// Writes this tensor's elements into the block of a contiguous `destinationShape`
    /// array that starts at `origin`.
    func copy(into destination: UnsafeMutablePointer<Float>, at origin: [Int], within destinationShape: Shape) {
        let destinationStrides = destinationShape.contiguousStrides
        let start = zip(origin, destinationStrides).reduce(0) { $0 + $1.0 * $1.1 }
        Kernels.stridedCopy(shape: shape, from: storage.base + offset, strides: strides,
                            to: destination + start, strides: destinationStrides)
    }
}
