import CSynapseKernels
import Foundation

/// Softmax cross-entropy against integer class labels, fused into one tape entry.
///
/// Composed from primitives it takes `logSoftmax`, a gather and a negation: three tape entries
/// whose pullbacks make five passes over the logits, including a scatter into a zero tensor.
/// Fused, the forward pass is one pass per row that keeps the softmax, and the pullback is one
/// scaling plus a fix-up per row.
extension Tensor {
    /// The cross-entropy of `softmax(self)` along the last axis against one class index per
    /// row: `loss[i] = logΣⱼ exp(x[i, j]) − x[i, labels[i]]`.
    ///
    /// Each row is shifted by its maximum `m` first and the loss formed as
    /// `log Σⱼ exp(x[i, j] − m) − (x[i, label] − m)`, so value and gradient stay finite for
    /// logits as large as ±1e4. The pullback is `g[i] · (softmax(x[i]) − oneHot(labels[i]))`.
    ///
    /// ```swift
    /// let logits = try Tensor([[2.0, 1.0, 0.1], [0.5, 2.5, 0.0]])
    /// let losses = try logits.sparseSoftmaxCrossEntropy(labels: [0, 1])   // shape [2]
    /// ```
    ///
    /// - Parameter labels: one class index in `0..<classes` per row (the rows of all axes but
    ///   the last, in row-major order), where `classes` is the size of the last axis.
    /// - Returns: the per-row losses, shaped like this tensor without its last axis.
    /// - Throws: `TensorError.invalidArgument` for a rank-0 tensor or an empty last axis, a
    ///   label count other than the number of rows, or a label outside `0..<classes`.
    public func sparseSoftmaxCrossEntropy(labels: [Int]) throws -> Tensor {
        let classes = try checkedClassCount(labels: labels), rows = labels.count
        // One pass per row: m its maximum, x − m, e^(x − m) (one vectorised call for all rows),
        // Σ e^(x − m), the loss log Σ e^(x − m) − (x[label] − m) (never m + log Σ, which rounds
        // at large |m|), and softmax = e^(x − m) / Σ kept for the pullback.
        let logits = contiguous()
        var kept: Tensor?
        let result = Tensor(shape: shape.removing([rank - 1])) { losses in
            kept = logits.withUnsafeBufferPointer { x in
                Tensor(shape: shape) { p in
                    guard let probabilities = p.baseAddress else { return }
                    for row in 0..<rows {
                        let line = x.baseAddress! + row * classes, out = probabilities + row * classes
                        var maximum = line[0]
                        for j in 1..<classes where line[j] > maximum || line[j].isNaN { maximum = line[j] }
                        for j in 0..<classes { out[j] = line[j] - maximum }
                        losses[row] = out[labels[row]]
                    }
                    synapse_exp_in_place(probabilities, rows * classes)
                    for row in 0..<rows {
                        let out = probabilities + row * classes
                        var total: Float = 0
                        for j in 0..<classes { total += out[j] }
                        losses[row] = Foundation.log(total) - losses[row]
                        let scale = 1 / total
                        for j in 0..<classes { out[j] *= scale }
                    }
                }
            }
        }
        guard Tensor.isRecording(self), let softmax = kept else { return result }
        return Tensor.recorded(result, "sparseSoftmaxCrossEntropy", inputs: [self]) { g in
            // dx = g · (softmax − oneHot(label)), row by row.
            let upstream = g.contiguous()
            return [softmax.withUnsafeBufferPointer { p in
                upstream.withUnsafeBufferPointer { g in
                    Tensor(shape: softmax.shape) { gradient in
                        for row in 0..<rows {
                            let scale = g[row], from = p.baseAddress! + row * classes, to = gradient.baseAddress! + row * classes
                            for j in 0..<classes { to[j] = scale * from[j] }
                            to[labels[row]] -= scale
                        }
                    }
                }
            }]
        }
    }

    /// The size of the last axis, after checking that it is non-empty and that `labels` holds
    /// one valid class index per row.
    private func checkedClassCount(labels: [Int]) throws -> Int {
        guard rank >= 1, let classes = shape.last, classes > 0 else {
            throw TensorError.invalidArgument(
                operation: "sparseSoftmaxCrossEntropy", argument: "logits",
                expected: "of rank ≥ 1 with a non-empty last axis (classes)", received: "shape \(shape)")
        }
        let rows = elementCount / classes
        guard labels.count == rows else {
            throw TensorError.invalidArgument(
                operation: "sparseSoftmaxCrossEntropy", argument: "labels",
                expected: "\(rows) class indices, one per row of logits of shape \(shape)", received: "\(labels.count)")
        }
        if let (row, label) = labels.enumerated().first(where: { $0.element < 0 || $0.element >= classes }) {
            throw TensorError.invalidArgument(
                operation: "sparseSoftmaxCrossEntropy", argument: "labels",
                expected: "class indices in 0..<\(classes)", received: "\(label) for row \(row)")
        }
        return classes
    }
}
