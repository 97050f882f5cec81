/// How a sliding window (a convolution kernel or a pooling window) walks along one spatial
/// axis: the sizes, the step, the gaps inside the window, and the padding before the input.
///
/// Output sizes follow Keras: `.valid` gives `⌊(input − span) / stride⌋ + 1`, `.same` gives
/// `⌈input / stride⌉` with `max((output − 1) · stride + span − input, 0)` zeros split around
/// the input, the smaller half before.
public struct WindowAxis: Hashable, Sendable {
    /// The input's length along the axis.
    public let inputSize: Int
    /// The number of taps in the window.
    public let windowSize: Int
    /// How far the window moves between output positions.
    public let stride: Int
    /// The distance between neighbouring taps (1: adjacent).
    public let dilation: Int
    /// The zeros (or ignored positions, for pooling) before the input's first element.
    public let paddingBefore: Int
    /// The output's length along the axis.
    public let outputSize: Int

    /// The positions one window covers: `(windowSize − 1) · dilation + 1`.
    public var span: Int { (windowSize - 1) * dilation + 1 }

    /// The axis of a window of `windowSize` taps sliding over `inputSize` positions.
    ///
    /// - Throws: `TensorError.invalidArgument` naming `operation` when a size, stride or
    ///   dilation is below 1, or a `.valid` window is longer than the input (no output).
    public init(inputSize: Int, windowSize: Int, stride: Int, dilation: Int = 1, padding: Padding, operation: String) throws {
        for (argument, value) in [("window size", windowSize), ("stride", stride), ("dilation", dilation)] where value < 1 {
            throw TensorError.invalidArgument(operation: operation, argument: argument, expected: "at least 1", received: "\(value)")
        }
        guard inputSize >= 1 else {
            throw TensorError.invalidArgument(operation: operation, argument: "input size", expected: "at least 1", received: "\(inputSize)")
        }
        let span = (windowSize - 1) * dilation + 1
        self.inputSize = inputSize
        self.windowSize = windowSize
        self.stride = stride
        self.dilation = dilation
        switch padding {
        case .valid:
            guard inputSize >= span else {
                throw TensorError.invalidArgument(
                    operation: operation, argument: "input size",
                    expected: "at least the window's span \(span) with padding .valid (window \(windowSize), dilation \(dilation))",
                    received: "\(inputSize)")
            }
            outputSize = (inputSize - span) / stride + 1
            paddingBefore = 0
        case .same:
            outputSize = (inputSize + stride - 1) / stride
            paddingBefore = Swift.max((outputSize - 1) * stride + span - inputSize, 0) / 2
        }
    }

    /// The input position of tap `tap` of the window at output position `output` (may fall
    /// in the padding: below 0 or at `inputSize` and beyond).
    @inline(__always)
    func inputPosition(output: Int, tap: Int) -> Int { output * stride - paddingBefore + tap * dilation }

    /// The taps of the window at output position `output` that fall inside the input.
    @inline(__always)
    func tapsInside(output: Int) -> Range<Int> {
        let base = output * stride - paddingBefore
        let first = base >= 0 ? 0 : (-base + dilation - 1) / dilation
        let last = Swift.min(windowSize - 1, base >= inputSize ? -1 : (inputSize - 1 - base) / dilation)
        return first <= last ? first..<(last + 1) : 0..<0
    }

    /// Keras's `deconv_output_length` without output padding: the length a transposed
    /// convolution gives an input of `inputSize` (`inputSize · stride + max(span − stride, 0)`
    /// for `.valid`, `inputSize · stride` for `.same`). Arguments below 1 count as 1.
    public static func transposedOutputSize(inputSize: Int, windowSize: Int, stride: Int, dilation: Int = 1, padding: Padding) -> Int {
        let span = (Swift.max(windowSize, 1) - 1) * Swift.max(dilation, 1) + 1, stride = Swift.max(stride, 1)
        switch padding {
        case .valid: return inputSize * stride + Swift.max(span - stride, 0)
        case .same: return inputSize * stride
        }
    }
}
