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

/// Windows over a sequence of ids for next-token prediction: each input window of `length`
/// ids, its target the same window one step later (`[count, length]` each), windows starting
/// every `stride` ids. With `stride == length` the windows tile the sequence, as char-rnn
/// trains.
///
/// ```swift
/// let (x, y) = try nextTokenWindows(ids, length: 100, stride: 100)   // y[i, t] = ids[100 i + t + 1]
/// ```
///
/// - Throws: `DataError.invalidArgument` for a length or stride below 1, or a sequence too
///   short for one window (`length + 1` ids).
public func nextTokenWindows(_ ids: [Int], length: Int, stride: Int) throws -> (inputs: Tensor, targets: Tensor) {
    let operation = "nextTokenWindows(_:length:stride:)"
    for (value, argument) in [(length, "length"), (stride, "stride")] where value < 1 {
        throw DataError.invalidArgument(operation: operation, argument: argument, expected: "at least 1", received: "\(value)")
    }
    guard ids.count > length else {
        throw DataError.invalidArgument(operation: operation, argument: "ids", expected: "at least \(length + 1) ids for one window of \(length)",
                                        received: "\(ids.count)")
    }
    let count = (ids.count - length - 1) / stride + 1
    var inputs = [Float](repeating: 0, count: count * length), targets = inputs
    for window in 0..<count {
        let start = window * stride
        for t in 0..<length {
            inputs[window * length + t] = Float(ids[start + t])
            targets[window * length + t] = Float(ids[start + t + 1])
        }
    }
    return (try Tensor(shape: [count, length], scalars: inputs), try Tensor(shape: [count, length], scalars: targets))
}
