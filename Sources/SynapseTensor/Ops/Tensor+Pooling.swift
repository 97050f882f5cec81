import CSynapseKernels

/// Max and average pooling over channels-last batches.
///
/// Both walk the windows of a `WindowGeometry` with channels innermost. Max pooling keeps, for
/// every output element, the input element it came from (the argmax), so its pullback routes
/// each gradient to exactly that element; average pooling spreads the gradient evenly over the
/// taps it averaged. Taps in `.same` padding are ignored (not counted as zeros), as in Keras.
extension Tensor {
    /// The largest element of every `window` of this `[batch, height, width, channels]` batch,
    /// per channel: `[batch, outHeight, outWidth, channels]`. `strides` defaults to `window`.
    ///
    /// - Throws: `TensorError` when the input is not rank 4 or the window does not fit.
    public func maxPooled2D(window: Size2D, strides: Size2D? = nil, padding: Padding = .valid) throws -> Tensor {
        let geometry = try WindowGeometry(input: shape, window: window, strides: strides ?? window, dilation: 1,
                                          padding: padding, operation: "maxPooled2D(window:)")
        let input = contiguous()
        var sources = [Int32](repeating: 0, count: geometry.outputPositions * geometry.channels)
        guard geometry.inputShape.elementCount < Int(Int32.max) else {
            throw TensorError.invalidArgument(operation: "maxPooled2D(window:)", argument: "input", expected: "fewer than 2³¹ elements",
                                              received: "\(geometry.inputShape.elementCount)")
        }
        let result = Tensor(shape: geometry.outputShape(channels: geometry.channels)) { output in
            guard let out = output.baseAddress else { return }
            input.withUnsafeBufferPointer { source in
                sources.withUnsafeMutableBufferPointer { indices in
                    geometry.forEachWindow(source: source.baseAddress!, output: out, indices: indices.baseAddress!)
                }
            }
        }
        guard Tensor.isRecording(self) else { return result }
        let inputShape = shape
        return Tensor.recorded(result, "maxPooled2D(window:)", inputs: [self]) { [sources] g in
            let gradient = g.contiguous()
            return [Tensor(shape: inputShape) { buffer in
                guard let dx = buffer.baseAddress else { return }
                gradient.withUnsafeBufferPointer { g in
                    sources.withUnsafeBufferPointer { sources in
                        // Every sample's maxima lie in its own input, so cores can take whole samples.
                        let pointers = UncheckedSendable((dx, g.baseAddress!, sources.baseAddress!))
                        let outputsPerSample = geometry.positionsPerSample * geometry.channels
                        geometry.forEachSampleRange { _, samples in
                            let (dx, g, sources) = pointers.value
                            (dx + samples.lowerBound * geometry.inputSampleSize).initialize(repeating: 0, count: samples.count * geometry.inputSampleSize)
                            for k in (samples.lowerBound * outputsPerSample)..<(samples.upperBound * outputsPerSample) { dx[Int(sources[k])] += g[k] }
                        }
                    }
                }
            }]
        }
    }

    /// The mean of every `window` of this `[batch, height, width, channels]` batch, per channel,
    /// over the taps inside the input: `[batch, outHeight, outWidth, channels]`. `strides`
    /// defaults to `window`.
    ///
    /// - Throws: `TensorError` when the input is not rank 4 or the window does not fit.
    public func averagePooled2D(window: Size2D, strides: Size2D? = nil, padding: Padding = .valid) throws -> Tensor {
        let geometry = try WindowGeometry(input: shape, window: window, strides: strides ?? window, dilation: 1,
                                          padding: padding, operation: "averagePooled2D(window:)")
        let input = contiguous()
        let result = Tensor(shape: geometry.outputShape(channels: geometry.channels)) { output in
            guard let out = output.baseAddress else { return }
            input.withUnsafeBufferPointer { source in
                geometry.forEachWindow(source: source.baseAddress!, output: out, indices: nil)
            }
        }
        guard Tensor.isRecording(self) else { return result }
        return Tensor.recorded(result, "averagePooled2D(window:)", inputs: [self]) { g in
            let gradient = g.contiguous()
            return [Tensor(shape: geometry.inputShape) { buffer in
                guard let dx = buffer.baseAddress else { return }
                gradient.withUnsafeBufferPointer { geometry.spreadAverages($0.baseAddress!, into: dx) }
            }]
        }
    }

    /// `maxPooled2D` along the steps of a `[batch, steps, channels]` batch.
    ///
    /// - Throws: `TensorError` when the input is not rank 3 or the window does not fit.
    public func maxPooled1D(window: Int, stride: Int? = nil, padding: Padding = .valid) throws -> Tensor {
        try pooled1D("maxPooled1D(window:)") { try $0.maxPooled2D(window: Size2D(1, window), strides: Size2D(1, stride ?? window), padding: padding) }
    }

    /// `averagePooled2D` along the steps of a `[batch, steps, channels]` batch.
    ///
    /// - Throws: `TensorError` when the input is not rank 3 or the window does not fit.
    public func averagePooled1D(window: Int, stride: Int? = nil, padding: Padding = .valid) throws -> Tensor {
        try pooled1D("averagePooled1D(window:)") { try $0.averagePooled2D(window: Size2D(1, window), strides: Size2D(1, stride ?? window), padding: padding) }
    }

    /// A 2-D pooling applied to this rank-3 batch seen with a height of 1.
    private func pooled1D(_ operation: String, _ pool2D: (Tensor) throws -> Tensor) throws -> Tensor {
        guard rank == 3 else {
            throw TensorError.invalidArgument(operation: operation, argument: "input", expected: "a rank-3 batch [batch, steps, channels]",
                                              received: "shape \(shape)")
        }
        let output = try pool2D(reshapedRecording(to: [shape[0], 1, shape[1], shape[2]]))
        return output.reshapedRecording(to: [output.shape[0], output.shape[2], output.shape[3]])
    }
}

extension WindowGeometry {
    /// Writes into `output` the maximum of every window of `source`, per channel, with the input
    /// offset of each maximum in `indices`; or, when `indices` is `nil`, the mean over the
    /// window's taps inside the input.
    func forEachWindow(source: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>, indices: UnsafeMutablePointer<Int32>?) {
        let pointers = UncheckedSendable((source, output, indices))
        Parallel.forEachChunk(count: batch, minimumChunk: Swift.max(1, (1 << 14) / Swift.max(1, inputSampleSize))) { samples in
            let (source, output, indices) = pointers.value
            for sample in samples {
                for outY in 0..<height.outputSize {
                    for outX in 0..<width.outputSize {
                        let position = (sample * height.outputSize + outY) * width.outputSize + outX
                        let out = output + position * channels
                        let rows = height.tapsInside(output: outY), columns = width.tapsInside(output: outX)
                        let taps = rows.count * columns.count
                        var isFirst = true
                        for tapY in rows {
                            let y = height.inputPosition(output: outY, tap: tapY)
                            for tapX in columns {
                                let x = width.inputPosition(output: outX, tap: tapX)
                                let offset = ((sample * height.inputSize + y) * width.inputSize + x) * channels
                                let line = source + offset
                                if isFirst {
                                    out.update(from: line, count: channels)
                                    if let indices {
                                        let index = indices + position * channels
                                        for c in 0..<channels { index[c] = Int32(offset + c) }
                                    }
                                    isFirst = false
                                } else if let indices {
                                    synapse_max_pool_tap(line, out, indices + position * channels, Int32(offset), channels)
                                } else {
                                    for c in 0..<channels { out[c] += line[c] }
                                }
                            }
                        }
                        if indices == nil {
                            let scale = 1 / Float(Swift.max(taps, 1))
                            for c in 0..<channels { out[c] *= scale }
                        }
                    }
                }
            }
        }
    }

    /// Writes into `input` (of `inputShape`) the average pooling's gradient: each output
    /// gradient in `gradient` shared evenly by the taps its window averaged.
    func spreadAverages(_ gradient: UnsafePointer<Float>, into input: UnsafeMutablePointer<Float>) {
        let pointers = UncheckedSendable((gradient, input))
        Parallel.forEachChunk(count: batch, minimumChunk: Swift.max(1, (1 << 14) / Swift.max(1, inputSampleSize))) { samples in
            let (gradient, input) = pointers.value
            (input + samples.lowerBound * inputSampleSize).update(repeating: 0, count: samples.count * inputSampleSize)
            for sample in samples {
                for outY in 0..<height.outputSize {
                    for outX in 0..<width.outputSize {
                        let rows = height.tapsInside(output: outY), columns = width.tapsInside(output: outX)
                        let share = 1 / Float(Swift.max(rows.count * columns.count, 1))
                        let g = gradient + ((sample * height.outputSize + outY) * width.outputSize + outX) * channels
                        for tapY in rows {
                            let y = height.inputPosition(output: outY, tap: tapY)
                            for tapX in columns {
                                let x = width.inputPosition(output: outX, tap: tapX)
                                let line = input + ((sample * height.inputSize + y) * width.inputSize + x) * channels
                                for c in 0..<channels { line[c] += g[c] * share }
                            }
                        }
                    }
                }
            }
        }
    }
}
