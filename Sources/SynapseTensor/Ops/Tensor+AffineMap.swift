import CSynapseKernels

/// The affine map of a dense layer, `x · kernel + bias`, as one primitive.
///
/// A benchmark showed it pays (it is the inner step of every multilayer perceptron): BLAS writes
/// the product and one pass adds the bias and applies ReLU, a single row goes through a
/// vector–matrix kernel on the calling thread, and the tape gets one entry instead of three.
/// Its gradient checks are in `AffineMapTests`.
/// A function applied to an affine map's output inside the same primitive (see
/// `Tensor.matmul(_:addingBias:activation:)`); others are applied as separate operations.
public enum AffineActivation: Hashable, Sendable {
    /// No function.
    case identity
    /// `max(x, 0)`, applied in place on the output; the gradient passes where the output is positive.
    case relu
}

extension Tensor {
    /// `activation(self · kernel + bias)` over the last axis: `[…, k] · [k, n] + [n] → […, n]`.
    ///
    /// ```swift
    /// let logits = try x.matmul(kernel, addingBias: bias)    // [32, 400] · [400, 25] + [25]
    /// ```
    /// - Throws: `TensorError.incompatibleShapes` when `kernel` is not a matrix whose first
    ///   dimension is this tensor's last, or `bias` is not a vector of the kernel's width.
    public func matmul(_ kernel: Tensor, addingBias bias: Tensor?, activation: AffineActivation = .identity) throws -> Tensor {
        guard rank >= 1, kernel.rank == 2, shape[rank - 1] == kernel.shape[0] else {
            throw TensorError.incompatibleShapes(
                operation: "matmul(_:addingBias:)", lhs: shape, rhs: kernel.shape,
                rule: "the kernel must be a matrix [k, n] whose k equals the input's last dimension")
        }
        let features = kernel.shape[0], units = kernel.shape[1]
        if let bias, bias.shape != [units] {
            throw TensorError.incompatibleShapes(
                operation: "matmul(_:addingBias:)", lhs: kernel.shape, rhs: bias.shape,
                rule: "the bias must be a vector [\(units)] matching the kernel's last dimension")
        }
        var resultShape = shape
        resultShape[rank - 1] = units
        let rows = features == 0 ? elementCount : elementCount / features
        let (input, weights) = (contiguous(), kernel.contiguous())
        let result = Tensor(shape: resultShape) { output in
            guard let out = output.baseAddress, rows > 0, units > 0 else { return }
            let x = input.storage.base + input.offset, w = weights.storage.base + weights.offset
            if rows == 1 {
                // One row: the bias first, then the vector–matrix product added onto it.
                if let bias { bias.withUnsafeBufferPointer { out.update(from: $0.baseAddress!, count: units) } }
                else { out.initialize(repeating: 0, count: units) }
                if features > 0 { synapse_vector_matrix(x, w, out, features, units) }
                if activation == .relu { Tensor.rectify(out, count: units) }
                return
            }
            // Several rows: BLAS writes the product, then the core that wrote each block of rows
            // adds the bias and applies the activation while the block is in its cache.
            guard features > 0 else {
                out.initialize(repeating: 0, count: rows * units)
                Tensor.addBiasAndActivate(out, rows: rows, units: units, bias: bias, activation: activation)
                return
            }
            let finish: (Range<Int>) -> Void
            switch (bias, activation) {
            case (nil, .identity):
                finish = { _ in }
            case (nil, .relu):
                finish = { block in Tensor.rectify(out + block.lowerBound * units, count: block.count * units) }
            case let (bias?, activation):
                finish = { block in
                    bias.withUnsafeBufferPointer {
                        Tensor.addBiasAndActivate(out + block.lowerBound * units, rows: block.count, units: units,
                                                  bias: $0.baseAddress!, activation: activation)
                    }
                }
            }
            BLAS.sgemm(transposeA: false, transposeB: false, m: rows, n: units, k: features,
                       alpha: 1, a: x, lda: features, b: w, ldb: units, beta: 0, c: out, ldc: units, finishRows: finish)
        }
        guard Tensor.isRecording(self, kernel) || (bias.map { Tensor.isRecording($0) } ?? false) else { return result }
        let (x, w) = (input.detached(), weights.detached())
        let needs = (input: requiresGradient, kernel: kernel.requiresGradient, bias: bias?.requiresGradient ?? false)
        let inputShape = shape
        return Tensor.recorded(result, "matmul(_:addingBias:)", inputs: [self, kernel] + (bias.map { [$0] } ?? [])) { g in
            // With x, G and W as [rows, features], [rows, units] and [features, units]:
            // dx = G · Wᵀ, dW = xᵀ · G, db = Σ_rows G, straight from the buffers (two BLAS calls
            // and one loop: no views, reshapes or generic reductions in a training step).
            let gz = activation == .relu ? Tensor.elementwise(g, result, PassWherePositive()) : g.contiguous()
            return gz.withUnsafeBufferPointer { gradient in
                let dz = gradient.baseAddress!, xValues = x.storage.base + x.offset, wValues = w.storage.base + w.offset
                // A product written by BLAS, or zeros when an axis is empty (no BLAS call).
                let empty = rows == 0 || features == 0 || units == 0
                func product(_ shape: Shape, _ write: (UnsafeMutablePointer<Float>) -> Void) -> Tensor {
                    empty ? Tensor(repeating: 0, shape: shape) : Tensor(shape: shape) { write($0.baseAddress!) }
                }
                let dx = !needs.input ? nil : product(inputShape) {
                    BLAS.sgemm(transposeA: false, transposeB: true, m: rows, n: features, k: units, alpha: 1,
                               a: dz, lda: units, b: wValues, ldb: units, beta: 0, c: $0, ldc: features)
                }
                let dw = !needs.kernel ? nil : product([features, units]) {
                    BLAS.sgemm(transposeA: true, transposeB: false, m: features, n: units, k: rows, alpha: 1,
                               a: xValues, lda: features, b: dz, ldb: units, beta: 0, c: $0, ldc: units)
                }
                let db = !needs.bias ? nil : Tensor(repeating: 0, shape: [units]).updating { sums in
                    for row in 0..<rows {
                        let line = dz + row * units
                        for unit in 0..<units { sums[unit] += line[unit] }
                    }
                }
                return [dx, dw] + (bias == nil ? [] : [db])
            }
        }
    }

    /// `max(x, 0)` in place on `count` elements.
    static func rectify(_ values: UnsafeMutablePointer<Float>, count: Int) {
        let relu = Rectifier()
        for i in 0..<count { values[i] = relu(values[i]) }
    }

    /// Adds `bias` to each of `rows` rows of `units` elements and applies `activation`, in place.
    static func addBiasAndActivate(
        _ values: UnsafeMutablePointer<Float>, rows: Int, units: Int, bias: Tensor?, activation: AffineActivation
    ) {
        guard let bias else {
            if activation == .relu { rectify(values, count: rows * units) }
            return
        }
        bias.withUnsafeBufferPointer { b in
            let pointers = UncheckedSendable((values, b.baseAddress!))
            // Large outputs (inference batches) are split across cores by rows.
            Parallel.forEachChunk(count: rows, minimumChunk: Swift.max(1, (1 << 16) / Swift.max(units, 1))) { rowRange in
                let (values, b) = pointers.value
                addBiasAndActivate(values + rowRange.lowerBound * units, rows: rowRange.count, units: units, bias: b, activation: activation)
            }
        }
    }

    /// Adds `bias` (`units` elements) to each of `rows` rows of `units` elements and applies
    /// `activation`, in place, on the calling thread.
    static func addBiasAndActivate(
        _ values: UnsafeMutablePointer<Float>, rows: Int, units: Int, bias b: UnsafePointer<Float>, activation: AffineActivation
    ) {
        let relu = Rectifier()
        for row in 0..<rows {
            let line = values + row * units
            if activation == .relu {
                for j in 0..<units { line[j] = relu(line[j] + b[j]) }
            } else {
                for j in 0..<units { line[j] += b[j] }
            }
        }
    }
}
