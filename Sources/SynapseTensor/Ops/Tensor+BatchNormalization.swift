/// Batch normalisation in one fused operation: statistics, normalisation, scale and offset
/// forward in three passes, and the whole gradient back in two.
extension Tensor {
    /// Each channel (the last axis) of this batch normalised by its own mean and population
    /// variance over every other axis, then scaled and offset:
    /// `y = (x − μ) / √(σ² + ε) · scale + offset`.
    ///
    /// The pullback is the closed form `dx = scale / √(σ² + ε) · (g − mean(g) − x̂ · mean(g · x̂))`
    /// with `x̂ = (x − μ) / √(σ² + ε)`, `dscale = Σ g · x̂`, `doffset = Σ g`; sums run in `Double`.
    ///
    /// - Parameters:
    ///   - scale: `[channels]` (γ), or `nil` for 1.
    ///   - offset: `[channels]` (β), or `nil` for 0.
    ///   - epsilon: added to the variance, > 0.
    /// - Returns: the output, and the batch's mean and variance per channel (not differentiated),
    ///   e.g. for moving averages.
    /// - Throws: `TensorError` for a scalar or an empty batch, or a scale or offset of another shape.
    public func batchNormalized(scale: Tensor?, offset: Tensor?, epsilon: Float) throws -> (output: Tensor, mean: Tensor, variance: Tensor) {
        let operation = "batchNormalized(scale:offset:epsilon:)"
        guard rank >= 1, elementCount > 0 else {
            throw TensorError.invalidArgument(operation: operation, argument: "input", expected: "a non-empty batch with channels last", received: "shape \(shape)")
        }
        let channels = shape[rank - 1], rows = elementCount / channels
        for (name, tensor) in [("scale", scale), ("offset", offset)] {
            if let tensor, tensor.shape != [channels] {
                throw TensorError.invalidArgument(operation: operation, argument: name, expected: "shape [\(channels)]", received: "shape \(tensor.shape)")
            }
        }
        let x = contiguous().detached()
        let gamma = scale?.detached().scalars ?? [Float](repeating: 1, count: channels)
        let beta = offset?.detached().scalars ?? [Float](repeating: 0, count: channels)
        let (mean, variance) = x.withUnsafeBufferPointer { Kernels.channelMeanAndVariance($0, rows: rows, channels: channels) }
        let inverseDeviation = variance.map { Float(1 / ($0 + Double(epsilon)).squareRoot()) }
        let centre = mean.map(Float.init)
        // y = x · a + b with a = γ / σ and b = β − μ · a.
        let a = (0..<channels).map { gamma[$0] * inverseDeviation[$0] }, b = (0..<channels).map { beta[$0] - centre[$0] * a[$0] }
        let output = Tensor(shape: shape) { out in
            x.withUnsafeBufferPointer { Kernels.channelAffine($0, scale: a, shift: b, rows: rows, channels: channels, into: out) }
        }
        let statistics = (mean: Tensor(shape: [channels]) { for c in 0..<channels { $0[c] = centre[c] } },
                          variance: Tensor(shape: [channels]) { for c in 0..<channels { $0[c] = Float(variance[c]) } })
        let inputs = [self] + (scale.map { [$0] } ?? []) + (offset.map { [$0] } ?? [])
        guard Tensor.isRecording(inputs) else { return (output, statistics.mean, statistics.variance) }
        let (hasScale, hasOffset) = (scale != nil, offset != nil)
        let recorded = Tensor.recorded(output, "batchNormalized", inputs: inputs) { g in
            let g = g.contiguous()
            let (sumG, sumGX) = g.withUnsafeBufferPointer { gradient in
                x.withUnsafeBufferPointer { values in
                    Kernels.channelGradientSums(gradient, values, centre: centre, inverseDeviation: inverseDeviation, rows: rows, channels: channels)
                }
            }
            let meanG = sumG.map { Float($0 / Double(rows)) }, meanGX = sumGX.map { Float($0 / Double(rows)) }
            let dx = Tensor(shape: x.shape) { out in
                g.withUnsafeBufferPointer { gradient in
                    x.withUnsafeBufferPointer { values in
                        Kernels.normalizedInputGradient(
                            gradient, values, centre: centre, inverseDeviation: inverseDeviation, scale: a, meanG: meanG, meanGX: meanGX,
                            rows: rows, channels: channels, into: out)
                    }
                }
            }
            let dScale = Tensor(shape: [channels]) { for c in 0..<channels { $0[c] = Float(sumGX[c]) } }
            let dOffset = Tensor(shape: [channels]) { for c in 0..<channels { $0[c] = Float(sumG[c]) } }
            return [dx] + (hasScale ? [dScale] : []) + (hasOffset ? [dOffset] : [])
        }
        return (recorded, statistics.mean, statistics.variance)
    }
}
