/// How a convolution or pooling window meets the border of its input, as Keras's `padding`.
public enum Padding: String, Hashable, Sendable, Codable, CaseIterable {
    /// No padding: every window lies wholly inside the input, so the output shrinks to
    /// `⌊(input − span) / stride⌋ + 1` positions (`span = (window − 1) · dilation + 1`).
    case valid
    /// Zero padding so that the output has `⌈input / stride⌉` positions; odd totals put the
    /// extra row or column after (bottom/right), as TensorFlow and Keras do.
    case same
}
