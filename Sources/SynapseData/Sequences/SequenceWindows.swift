import SynapseTensor

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

/// Windows over a series for forecasting: each input `length` consecutive values
/// (`[count, length, 1]`), its target the value `horizon` steps after the window's last
/// (`[count, 1]`); windows start every `stride` values.
///
/// ```swift
/// let (x, y) = try forecastingWindows(series, length: 48)   // y[i] = series[i + 48]
/// ```
///
/// - Throws: `DataError.invalidArgument` for a length, horizon or stride below 1, or a series
///   too short for one window (`length + horizon` values).
public func forecastingWindows(_ series: [Float], length: Int, horizon: Int = 1, stride: Int = 1) throws -> (inputs: Tensor, targets: Tensor) {
    let operation = "forecastingWindows(_:length:horizon:stride:)"
    for (value, argument) in [(length, "length"), (horizon, "horizon"), (stride, "stride")] where value < 1 {
        throw DataError.invalidArgument(operation: operation, argument: argument, expected: "at least 1", received: "\(value)")
    }
    guard series.count >= length + horizon else {
        throw DataError.invalidArgument(operation: operation, argument: "series", expected: "at least \(length + horizon) values",
                                        received: "\(series.count)")
    }
    let count = (series.count - length - horizon) / stride + 1
    var inputs = [Float](), targets = [Float]()
    inputs.reserveCapacity(count * length)
    for window in 0..<count {
        let start = window * stride
        inputs.append(contentsOf: series[start..<(start + length)])
        targets.append(series[start + length + horizon - 1])
    }
    return (try Tensor(shape: [count, length, 1], scalars: inputs), try Tensor(shape: [count, 1], scalars: targets))
}
