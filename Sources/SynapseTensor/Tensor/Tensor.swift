/// An n-dimensional array of `Float` values with value semantics.
///
/// A `Tensor` is a struct: assigning it copies nothing until one of the copies is mutated
/// (copy-on-write over a shared `TensorStorage`). Elements are in row-major order. A
/// tensor that is being differentiated also carries the tape entry that produced it, so
/// gradients can flow back through the operations applied to it (see `gradient(of:wrt:)`).
///
/// ```swift
/// let x = try Tensor([[200.0, 17.0]])          // shape [1, 2]
/// let y = try x.matmul(Tensor.ones([2, 3]))     // shape [1, 3]
/// print(y)                                       // Tensor([[217., 217., 217.]], shape: [1, 3])
/// ```
///
/// Tensors are `Sendable`: a storage shared between copies is never written (a write copies
/// it first), so tensors can be read from several threads at once.
public struct Tensor: @unchecked Sendable {
    /// The elements. Shared between copies until one is mutated.
    var storage: TensorStorage
    /// The dimensions, outermost first.
    public private(set) var shape: Shape
    /// Element strides into `storage` for a view (a permutation or a slice, see `permuted(_:)`),
    /// which kernels materialise before reading; `nil` for the row-major layout, so that the
    /// common case allocates no array.
    var viewStrides: [Int]?
    /// Where the first element sits in `storage` (non-zero for slices).
    var offset: Int
    /// Whether the elements sit in row-major order with no gaps from `offset` on.
    var isContiguous: Bool
    /// The tape entry that produced this tensor, when it is being differentiated.
    var node: GradientNode?

    /// A contiguous tensor over `storage`, which must hold exactly `shape.elementCount` elements.
    init(storage: TensorStorage, shape: Shape) {
        precondition(storage.count == shape.elementCount,
                     "Tensor: storage of \(storage.count) elements for shape \(shape)")
        self.storage = storage
        self.shape = shape
        self.viewStrides = nil
        self.offset = 0
        self.isContiguous = true
        self.node = nil
    }

    /// A view of `storage`: element `[i, j, …]` sits at `offset + i·strides[0] + j·strides[1] + …`.
    init(storage: TensorStorage, shape: Shape, strides: [Int], offset: Int) {
        self.storage = storage
        self.shape = shape
        self.offset = offset
        self.isContiguous = Tensor.stridesAreContiguous(strides, shape: shape)
        self.viewStrides = isContiguous ? nil : strides
        self.node = nil
    }

    /// A contiguous tensor of `shape` whose elements are written by `initializer`.
    ///
    /// The closure receives a buffer of `shape.elementCount` uninitialised elements and must
    /// write every one. This is how kernels create their results without a second pass.
    init(shape: Shape, initializingWith initializer: (UnsafeMutableBufferPointer<Float>) throws -> Void) rethrows {
        let storage = TensorStorage.uninitialized(count: shape.elementCount)
        try initializer(storage.mutableBuffer)
        self.init(storage: storage, shape: shape)
    }

    /// The element strides into `storage`, row-major ones unless this is a strided view.
    var strides: [Int] { viewStrides ?? shape.contiguousStrides }

    static func stridesAreContiguous(_ strides: [Int], shape: Shape) -> Bool {
        var expected = 1
        for axis in stride(from: shape.rank - 1, through: 0, by: -1) where shape[axis] != 1 {
            if strides[axis] != expected { return false }
            expected *= shape[axis]
        }
        return true
    }
}

// MARK: - Properties

extension Tensor {
    /// The number of axes (0 for a scalar).
    public var rank: Int { shape.rank }

    /// The number of elements.
    public var elementCount: Int { shape.elementCount }

    /// The elements in row-major order.
    public var scalars: [Float] { withUnsafeBufferPointer { Array($0) } }

    /// The flat index of the first NaN or infinite element, or `nil` when every one is finite.
    public var firstNonFiniteIndex: Int? { withUnsafeBufferPointer { $0.firstIndex { !$0.isFinite } } }

    /// The single element of a one-element tensor (any rank), e.g. a loss.
    ///
    /// - Throws: `TensorError.invalidArgument` when the tensor has more or fewer than one element.
    public var scalar: Float {
        get throws {
            guard elementCount == 1 else {
                throw TensorError.invalidArgument(
                    operation: "scalar", argument: "tensor", expected: "exactly one element",
                    received: "shape \(shape) with \(elementCount) elements")
            }
            return storage.base[offset]
        }
    }

    /// Calls `body` with the elements in row-major order, materialising a view first.
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
        if isContiguous { return try body(UnsafeBufferPointer(start: storage.base + offset, count: elementCount)) }
        let materialized = contiguous()
        return try withExtendedLifetime(materialized) { try body(materialized.storage.buffer) }
    }

    /// Calls `body` with writable elements in row-major order, copying the storage first if it
    /// is shared with another tensor or is a permuted view (copy-on-write).
    ///
    /// Writing through the buffer does not record anything for differentiation.
    public mutating func withUnsafeMutableBufferPointer<R>(
        _ body: (inout UnsafeMutableBufferPointer<Float>) throws -> R
    ) rethrows -> R {
        makeUniqueAndContiguous()
        var buffer = storage.mutableBuffer
        return try body(&buffer)
    }

    /// Ensures this tensor owns a contiguous storage of exactly its elements that no other
    /// tensor shares.
    mutating func makeUniqueAndContiguous() {
        if !isContiguous || offset != 0 || storage.count != elementCount {
            self = Kernels.materialize(self).withNode(node)
        } else if !isKnownUniquelyReferenced(&storage) {
            storage = TensorStorage.copy(of: storage.buffer)
        }
    }

    /// This tensor with its elements in row-major order without gaps (itself if they already are).
    func contiguous() -> Tensor {
        isContiguous ? self : Kernels.materialize(self).withNode(node)
    }

    /// The same values with `node` attached (or removed, for `nil`).
    func withNode(_ node: GradientNode?) -> Tensor {
        var copy = self
        copy.node = node
        return copy
    }
}

// MARK: - Equality

extension Tensor: Equatable {
    /// Two tensors are equal when their shapes and all their elements are equal
    /// (NaN is unequal to everything, as for `Float`).
    public static func == (lhs: Tensor, rhs: Tensor) -> Bool {
        guard lhs.shape == rhs.shape else { return false }
        return lhs.withUnsafeBufferPointer { a in
            rhs.withUnsafeBufferPointer { b in a.elementsEqual(b) }
        }
    }
}
