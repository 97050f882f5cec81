/// A 2-D sliding window over a channels-last batch `[batch, height, width, channels]`, and the
/// two data movements that turn convolutions into matrix products:
///
/// - `gatherPatches` (im2col) copies, for every output position, the window's taps into one
///   row of a `[outputPositions, patchSize]` matrix, taps ordered `(row, column, channel)` as
///   a Keras kernel `[kh, kw, in, out]` is, so that `patches · kernel` is the convolution;
/// - `scatterPatches` (col2im) adds such rows back onto the input positions they came from:
///   the gradient with respect to the input, and the forward pass of a transposed convolution.
///
/// One-dimensional windows are the case `height.windowSize == 1` over a height of 1.
/// Both movements split the batch across cores; each sample is handled by one thread.
struct WindowGeometry: Hashable, Sendable {
    /// Samples in the batch.
    let batch: Int
    /// Channels per input position.
    let channels: Int
    /// The window along the height axis.
    let height: WindowAxis
    /// The window along the width axis.
    let width: WindowAxis

    /// The input's shape `[batch, height, width, channels]`.
    var inputShape: Shape { [batch, height.inputSize, width.inputSize, channels] }
    /// The shape of an output with `channels` channels: `[batch, outHeight, outWidth, channels]`.
    func outputShape(channels: Int) -> Shape { [batch, height.outputSize, width.outputSize, channels] }
    /// Output positions per sample.
    var positionsPerSample: Int { height.outputSize * width.outputSize }
    /// Output positions in the batch: the rows of the patch matrix.
    var outputPositions: Int { batch * positionsPerSample }
    /// Taps per window times channels: the columns of the patch matrix.
    var patchSize: Int { height.windowSize * width.windowSize * channels }
    /// Input elements per sample.
    var inputSampleSize: Int { height.inputSize * width.inputSize * channels }

    /// Writes the rows of the `[outputPositions, patchSize]` patch matrix of `input` that
    /// belong to `samples` (zeros for taps in the padding), on the calling thread. `patches`
    /// points at the whole matrix's first row.
    func gatherPatches(samples: Range<Int>, from input: UnsafePointer<Float>, into patches: UnsafeMutablePointer<Float>) {
        for sample in samples {
            forEachRun(ofSample: sample, patches: patches) { row, source, count in
                if source >= 0 {
                    let line = input + source
                    for k in 0..<count { row[k] = line[k] }
                } else {
                    for k in 0..<count { row[k] = 0 }
                }
            }
        }
    }

    /// Writes the part of `output` (of `inputShape`) that belongs to `samples`: at every input
    /// position, the sum of the rows of the patch matrix `patches` whose taps came from it
    /// (taps in the padding are dropped). On the calling thread.
    func scatterPatches(samples: Range<Int>, _ patches: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>) {
        let patches = UnsafeMutablePointer(mutating: patches)
        (output + samples.lowerBound * inputSampleSize).update(repeating: 0, count: samples.count * inputSampleSize)
        for sample in samples {
            forEachRun(ofSample: sample, patches: patches) { row, target, count in
                guard target >= 0 else { return }
                let destination = output + target
                for k in 0..<count { destination[k] += row[k] }
            }
        }
    }

    /// Splits the batch into one contiguous range of samples per core (fewer for small
    /// batches) and calls `body` on each range in parallel, with the range's index. The split
    /// depends only on the batch size and the core count, so results are repeatable.
    func forEachSampleRange(_ body: (_ chunk: Int, _ samples: Range<Int>) -> Void) {
        let chunks = sampleRangeCount
        Parallel.forEachChunk(count: chunks, minimumChunk: 1) { chunkRange in
            for chunk in chunkRange { body(chunk, Parallel.range(ofChunk: chunk, of: chunks, count: batch)) }
        }
    }

    /// `samples` cut into consecutive parts of `samplesPerCachedPart` samples (the last may be
    /// shorter): a core's working set when it gathers patches and multiplies them, or multiplies
    /// and scatters their gradients, part by part. Lazy, so the training step allocates nothing.
    func cacheSizedParts(of samples: Range<Int>) -> LazyMapSequence<StrideTo<Int>, Range<Int>> {
        let step = samplesPerCachedPart
        return stride(from: samples.lowerBound, to: samples.upperBound, by: step).lazy.map { $0..<Swift.min($0 + step, samples.upperBound) }
    }

    /// The samples whose patch rows take about `cacheBytes` (at least one).
    var samplesPerCachedPart: Int {
        Swift.max(1, WindowGeometry.cacheBytes / MemoryLayout<Float>.stride / Swift.max(1, positionsPerSample * patchSize))
    }

    /// The working set `cacheSizedParts` aims at: about one core's L2 cache (1 MB on the
    /// machines measured; larger and smaller parts both ran slower there).
    static let cacheBytes = 1 << 20

    /// The number of sample ranges `forEachSampleRange` uses.
    var sampleRangeCount: Int { Swift.max(1, Swift.min(Parallel.coreCount, batch / minimumSamplesPerThread)) }

    /// Fewer samples than this per thread are not worth waking a second core.
    private var minimumSamplesPerThread: Int {
        Swift.max(1, (1 << 14) / Swift.max(1, positionsPerSample * patchSize))
    }

    /// Calls `body(row, inputOffset, count)` for each run of `count` consecutive elements of
    /// sample `sample`'s patch rows that come from `count` consecutive input elements starting
    /// at `inputOffset`, or from the padding (`inputOffset` −1). Undilated windows give one
    /// run per kernel row (`windowSize · channels` elements, NHWC keeps them adjacent);
    /// others one run per tap.
    @inline(__always)
    private func forEachRun(
        ofSample sample: Int, patches: UnsafeMutablePointer<Float>, _ body: (UnsafeMutablePointer<Float>, Int, Int) -> Void
    ) {
        let rowWidth = width.inputSize * channels, tapsPerRow = width.windowSize * channels
        var row = patches + sample * positionsPerSample * patchSize
        let sampleBase = sample * inputSampleSize
        for outY in 0..<height.outputSize {
            for outX in 0..<width.outputSize {
                let firstX = width.inputPosition(output: outX, tap: 0)
                let rowInside = firstX >= 0 && firstX + width.span <= width.inputSize
                for tapY in 0..<height.windowSize {
                    let y = height.inputPosition(output: outY, tap: tapY)
                    guard y >= 0 && y < height.inputSize else {
                        body(row, -1, tapsPerRow)
                        row += tapsPerRow
                        continue
                    }
                    let lineBase = sampleBase + y * rowWidth
                    if rowInside && width.dilation == 1 {
                        body(row, lineBase + firstX * channels, tapsPerRow)
                        row += tapsPerRow
                        continue
                    }
                    for tapX in 0..<width.windowSize {
                        let x = firstX + tapX * width.dilation
                        body(row, x >= 0 && x < width.inputSize ? lineBase + x * channels : -1, channels)
                        row += channels
                    }
                }
            }
        }
    }
}
