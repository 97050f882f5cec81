import CSynapseKernels

extension Kernels {
    /// The first step of an affine map's pullback (a dense layer's or a convolution's) over the
    /// output gradient `g` and the output `output`, both seen as `[rows, units]`: the gradient
    /// before a fused ReLU (`g` where the output is positive, else 0) and, when `wantsBias`,
    /// its column sums, the bias gradient — in one pass over the output, split across cores by
    /// rows (each core sums its rows, and the partial sums are added in a fixed order).
    static func affinePullback(
        _ g: Tensor, output: Tensor, rows: Int, units: Int, relu: Bool, wantsBias: Bool
    ) -> (preActivation: Tensor, bias: Tensor?) {
        guard relu || wantsBias else { return (g, nil) }
        let g = g.contiguous()
        let chunks = Swift.max(1, Swift.min(Parallel.coreCount, rows * units / parallelThreshold))
        var partials = [Float](repeating: 0, count: chunks * units)
        let preActivation: Tensor = g.withUnsafeBufferPointer { gradient in
            output.withUnsafeBufferPointer { output in
                let write = { (gz: UnsafeMutablePointer<Float>?) in
                    partials.withUnsafeMutableBufferPointer { partials in
                        let pointers = UncheckedSendable((gradient.baseAddress!, output.baseAddress!, gz, partials.baseAddress!))
                        Parallel.forEachChunk(count: chunks, minimumChunk: 1) { chunkRange in
                            let (g, out, gz, partials) = pointers.value
                            for chunk in chunkRange {
                                let range = Parallel.range(ofChunk: chunk, of: chunks, count: rows)
                                let start = range.lowerBound * units
                                synapse_bias_relu_backward(g + start, out + start, gz.map { $0 + start }, partials + chunk * units,
                                                           range.count, units, relu ? 1 : 0)
                            }
                        }
                    }
                }
                guard rows > 0 && units > 0 else { return g }
                if relu { return Tensor(shape: g.shape) { write($0.baseAddress!) } }
                write(nil)
                return g
            }
        }
        guard wantsBias else { return (preActivation, nil) }
        let bias = Kernels.summedPartials(partials, chunks: chunks, stride: units, shape: [units])
        return (preActivation, bias)
    }
}
