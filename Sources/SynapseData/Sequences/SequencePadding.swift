import SynapseTensor

/// Where `padded(_:length:padding:truncating:value:)` adds or removes elements: Keras's
/// `pad_sequences` `"pre"` and `"post"`.
public enum SequenceEnd: String, Codable, Sendable, CaseIterable {
    /// At the start.
    case leading
    /// At the end.
    case trailing
}

/// Sequences of ids as one `[count, length]` tensor (Keras's `pad_sequences`): shorter ones
/// are padded with `value`, longer ones truncated, at the end each argument names. Keras pads
/// and truncates at the start by default, and so does this.
///
/// - Parameter length: the common length; `nil` for the longest sequence's.
/// - Throws: `DataError.invalidArgument` for no sequences or a negative length.
public func padded(
    _ sequences: [[Int]], length: Int? = nil, padding: SequenceEnd = .leading, truncating: SequenceEnd = .leading, value: Int = 0
) throws -> Tensor {
    let operation = "padded(_:length:padding:truncating:value:)"
    guard !sequences.isEmpty else {
        throw DataError.invalidArgument(operation: operation, argument: "sequences", expected: "at least one sequence", received: "none")
    }
    let length = length ?? sequences.map(\.count).max()!
    guard length >= 1 else {
        throw DataError.invalidArgument(operation: operation, argument: "length", expected: "at least 1", received: "\(length)")
    }
    var values = [Float](repeating: Float(value), count: sequences.count * length)
    for (row, sequence) in sequences.enumerated() {
        let kept = sequence.count <= length ? sequence[...] : (truncating == .leading ? sequence.suffix(length) : sequence.prefix(length))
        let start = row * length + (padding == .leading ? length - kept.count : 0)
        for (offset, id) in kept.enumerated() { values[start + offset] = Float(id) }
    }
    return try Tensor(shape: [sequences.count, length], scalars: values)
}
