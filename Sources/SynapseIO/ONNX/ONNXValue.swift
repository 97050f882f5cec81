import SynapseTensor

/// A value flowing through an ONNX graph under construction: its name, Synapse's per-sample
/// shape of it (channels last), and whether the graph currently holds it channels first.
///
/// Synapse computes channels last (NHWC) and ONNX's convolutions and pooling channels first
/// (NCHW), so the export transposes to channels first before such a layer and back before a
/// layer that depends on the order of the elements (Flatten, Dense, Reshape), and at the end.
struct ONNXValue {
    /// The value's name in the graph.
    var name: String
    /// Synapse's shape of one sample (channels last).
    var sampleShape: Shape
    /// Whether the graph holds the value with its channels right after the batch axis.
    var isChannelsFirst = false

    /// The permutation from channels last to channels first for a tensor of `rank` axes
    /// (batch included): `[0, rank−1, 1, …, rank−2]`.
    static func channelsFirstOrder(rank: Int) -> [Int] { [0, rank - 1] + Array(1..<(rank - 1)) }

    /// The permutation back: `[0, 2, …, rank−1, 1]`.
    static func channelsLastOrder(rank: Int) -> [Int] { [0] + Array(2..<rank) + [1] }
}

extension ONNXGraph {
    /// `value` held channels first (transposed if it was not).
    mutating func channelsFirst(_ value: ONNXValue) -> ONNXValue {
        guard !value.isChannelsFirst, value.sampleShape.rank >= 2 else { return value }
        let rank = value.sampleShape.rank + 1
        return ONNXValue(name: add("Transpose", [value.name], [.ints("perm", ONNXValue.channelsFirstOrder(rank: rank))]),
                         sampleShape: value.sampleShape, isChannelsFirst: true)
    }

    /// `value` held channels last, in Synapse's order (transposed if it was not).
    mutating func channelsLast(_ value: ONNXValue) -> ONNXValue {
        guard value.isChannelsFirst, value.sampleShape.rank >= 2 else { return ONNXValue(name: value.name, sampleShape: value.sampleShape) }
        let rank = value.sampleShape.rank + 1
        return ONNXValue(name: add("Transpose", [value.name], [.ints("perm", ONNXValue.channelsLastOrder(rank: rank))]),
                         sampleShape: value.sampleShape)
    }
}
