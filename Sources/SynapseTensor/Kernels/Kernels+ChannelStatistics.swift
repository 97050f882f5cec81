/// The passes of batch normalisation over a batch seen as `[rows, channels]` (channels last).
///
/// The sums run in `Double` in row order with cores splitting the channels, not the rows, so
/// every channel is summed in the same order whatever the thread count and the results do not
/// depend on it. The elementwise passes split the rows.
extension Kernels {
    /// Each channel's mean and population variance over the rows of `x`: the first pass sums
    /// the values, the second the squared deviations from the mean.
    static func channelMeanAndVariance(
        _ x: UnsafeBufferPointer<Float>, rows: Int, channels: Int
    ) -> (mean: [Double], variance: [Double]) {
        var mean = [Double](repeating: 0, count: channels), variance = [Double](repeating: 0, count: channels)
        mean.withUnsafeMutableBufferPointer { mean in
            variance.withUnsafeMutableBufferPointer { variance in
                let pointers = UncheckedSendable((x.baseAddress!, mean.baseAddress!, variance.baseAddress!))
                forEachChannelRange(rows: rows, channels: channels) { first, width in
                    let (x, mean, variance) = pointers.value
                    let (sum, squares) = (mean + first, variance + first)
                    for row in 0..<rows {
                        let values = x + row * channels + first
                        for channel in 0..<width { sum[channel] += Double(values[channel]) }
                    }
                    for channel in 0..<width { sum[channel] /= Double(rows) }
                    for row in 0..<rows {
                        let values = x + row * channels + first
                        for channel in 0..<width {
                            let deviation = Double(values[channel]) - sum[channel]
                            squares[channel] += deviation * deviation
                        }
                    }
                    for channel in 0..<width { squares[channel] /= Double(rows) }
                }
            }
        }
        return (mean, variance)
    }

    /// `out[r, c] = x[r, c] · scale[c] + shift[c]`.
    static func channelAffine(
        _ x: UnsafeBufferPointer<Float>, scale: [Float], shift: [Float], rows: Int, channels: Int, into out: UnsafeMutableBufferPointer<Float>
    ) {
        scale.withUnsafeBufferPointer { scale in
            shift.withUnsafeBufferPointer { shift in
                let pointers = UncheckedSendable((x.baseAddress!, scale.baseAddress!, shift.baseAddress!, out.baseAddress!))
                forEachRowRange(rows: rows, channels: channels) { rowRange in
                    let (x, scale, shift, out) = pointers.value
                    for row in rowRange {
                        let (source, target) = (x + row * channels, out + row * channels)
                        for channel in 0..<channels { target[channel] = source[channel] * scale[channel] + shift[channel] }
                    }
                }
            }
        }
    }

    /// For the gradient `g` of a batch normalisation's output and its input `x`: each channel's
    /// `Σ g` and `Σ g · x̂`, with `x̂ = (x − centre) · inverseDeviation`.
    static func channelGradientSums(
        _ g: UnsafeBufferPointer<Float>, _ x: UnsafeBufferPointer<Float>, centre: [Float], inverseDeviation: [Float],
        rows: Int, channels: Int
    ) -> (sumG: [Double], sumGX: [Double]) {
        var sumG = [Double](repeating: 0, count: channels), sumGX = [Double](repeating: 0, count: channels)
        sumG.withUnsafeMutableBufferPointer { sumG in
            sumGX.withUnsafeMutableBufferPointer { sumGX in
                centre.withUnsafeBufferPointer { centre in
                    inverseDeviation.withUnsafeBufferPointer { inverseDeviation in
                        let pointers = UncheckedSendable(
                            (g.baseAddress!, x.baseAddress!, centre.baseAddress!, inverseDeviation.baseAddress!, sumG.baseAddress!, sumGX.baseAddress!))
                        forEachChannelRange(rows: rows, channels: channels) { first, width in
                            let (g, x, centre, inverseDeviation, sumG, sumGX) = pointers.value
                            let (mu, deviationScale, total, weighted) = (centre + first, inverseDeviation + first, sumG + first, sumGX + first)
                            for row in 0..<rows {
                                let (gradient, values) = (g + row * channels + first, x + row * channels + first)
                                for channel in 0..<width {
                                    let normalized = (values[channel] - mu[channel]) * deviationScale[channel]
                                    total[channel] += Double(gradient[channel])
                                    weighted[channel] += Double(gradient[channel] * normalized)
                                }
                            }
                        }
                    }
                }
            }
        }
        return (sumG, sumGX)
    }

    /// The input gradient of batch normalisation:
    /// `out = scale · (g − meanG − x̂ · meanGX)` with `x̂ = (x − centre) · inverseDeviation`, per channel.
    static func normalizedInputGradient(
        _ g: UnsafeBufferPointer<Float>, _ x: UnsafeBufferPointer<Float>, centre: [Float], inverseDeviation: [Float], scale: [Float],
        meanG: [Float], meanGX: [Float], rows: Int, channels: Int, into out: UnsafeMutableBufferPointer<Float>
    ) {
        // One buffer of the five per-channel coefficients, so the loop reads plain pointers.
        let coefficients = centre + inverseDeviation + scale + meanG + meanGX
        coefficients.withUnsafeBufferPointer { coefficients in
            let pointers = UncheckedSendable((g.baseAddress!, x.baseAddress!, coefficients.baseAddress!, out.baseAddress!))
            forEachRowRange(rows: rows, channels: channels) { rowRange in
                let (g, x, coefficients, out) = pointers.value
                let (mu, deviationScale, a, meanG, meanGX) = (
                    coefficients, coefficients + channels, coefficients + 2 * channels, coefficients + 3 * channels, coefficients + 4 * channels)
                for row in rowRange {
                    let (gradient, values, target) = (g + row * channels, x + row * channels, out + row * channels)
                    for channel in 0..<channels {
                        let normalized = (values[channel] - mu[channel]) * deviationScale[channel]
                        target[channel] = a[channel] * (gradient[channel] - meanG[channel] - normalized * meanGX[channel])
                    }
                }
            }
        }
    }

    /// Calls `body(first, width)` on contiguous ranges of the channels, on several cores when
    /// `rows × channels` is large enough to pay for them (`parallelThreshold` elements a core).
    private static func forEachChannelRange(rows: Int, channels: Int, _ body: (_ first: Int, _ width: Int) -> Void) {
        let chunks = Swift.max(1, Swift.min(Parallel.coreCount, channels, rows * channels / parallelThreshold))
        Parallel.forEachChunk(count: chunks, minimumChunk: 1) { chunkRange in
            for chunk in chunkRange {
                let range = Parallel.range(ofChunk: chunk, of: chunks, count: channels)
                body(range.lowerBound, range.count)
            }
        }
    }

    /// Calls `body` on contiguous ranges of the rows, on several cores above `parallelThreshold` elements.
    private static func forEachRowRange(rows: Int, channels: Int, _ body: (Range<Int>) -> Void) {
        Parallel.forEachChunk(count: rows, minimumChunk: Swift.max(1, parallelThreshold / Swift.max(channels, 1)), body)
    }
}
