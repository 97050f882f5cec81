import SynapseNN
import SynapseTensor

/// An ONNX graph under construction: nodes, weight initializers and fresh value names, encoded
/// with the field numbers of `onnx.proto` (ONNX 1.13: IR version 8, opset 17).
struct ONNXGraph {
    /// The IR version written in the model.
    static let irVersion: Int64 = 8
    /// The default-domain operator set the nodes use.
    static let opsetVersion: Int64 = 17

    /// An attribute of a node: a float, an integer, a list of integers, a string or a list of strings.
    enum Attribute {
        case float(String, Float)
        case int(String, Int64)
        case ints(String, [Int])
        case string(String, String)
        case strings(String, [String])
    }

    /// Put before weight names while a wrapper's inner layer is exported, so that its weights
    /// cannot clash with a top-level layer of the same name (`time_distributed/dense/kernel`).
    var weightPrefix = ""
    private var nodes = ProtobufWriter()
    private var initializers = ProtobufWriter()
    private var nodeCount = 0

    /// Adds a node computing `op` on `inputs`; returns the name of its output.
    mutating func add(_ op: String, _ inputs: [String], _ attributes: [Attribute] = [], output: String? = nil) -> String {
        add(op, inputs, attributes, outputCount: 1, name: output)[0]
    }

    /// Adds a node computing `op` on `inputs` with `outputCount` outputs (the first named
    /// `name` when given); returns their names.
    mutating func add(_ op: String, _ inputs: [String], _ attributes: [Attribute] = [], outputCount: Int, name: String? = nil) -> [String] {
        let outputs = (0..<outputCount).map { index in index == 0 ? name ?? "\(op.lowercased())_\(nodeCount)" : "\(op.lowercased())_\(nodeCount)_\(index)" }
        let name = "\(op)_\(nodeCount)"
        nodeCount += 1
        nodes.message(1) { node in
            for input in inputs { node.string(1, input) }
            for output in outputs { node.string(2, output) }
            node.string(3, name)
            node.string(4, op)
            for attribute in attributes {
                node.message(5) { encoded in
                    switch attribute {
                    case let .float(key, value):
                        encoded.string(1, key)
                        encoded.float(2, value)
                        encoded.varint(20, 1)   // AttributeType.FLOAT
                    case let .int(key, value):
                        encoded.string(1, key)
                        encoded.varint(3, value)
                        encoded.varint(20, 2)   // AttributeType.INT
                    case let .ints(key, values):
                        encoded.string(1, key)
                        for value in values { encoded.varint(8, Int64(value)) }
                        encoded.varint(20, 7)   // AttributeType.INTS
        case let .string(key, value):
                        encoded.string(1, key)
                        encoded.string(4, value)
                        encoded.varint(20, 3)   // AttributeType.STRING
                    case let .strings(key, values):
                        encoded.string(1, key)
                        for value in values { encoded.string(9, value) }
                        encoded.varint(20, 8)   // AttributeType.STRINGS
                    }
                }
            }
        }
        return outputs
    }

    /// The initializer name of `layer`'s `parameter`: `layer/parameter`, after `weightPrefix`.
    func weightName(_ layer: any Layer, _ parameter: Parameter) -> String {
        weightPrefix + layer.weightName(of: parameter)
    }

    /// Adds `tensor` as a float32 initializer named `name` (dims, then little-endian raw data).
    mutating func addInitializer(_ name: String, _ tensor: Tensor) {
        initializers.message(5) { encoded in
            for dimension in tensor.shape.dimensions { encoded.varint(1, Int64(dimension)) }
            encoded.varint(2, 1)   // TensorProto.FLOAT
            encoded.string(8, name)
            var raw: [UInt8] = []
            raw.reserveCapacity(tensor.shape.elementCount * 4)
            for value in tensor.scalars { withUnsafeBytes(of: value.bitPattern.littleEndian) { raw.append(contentsOf: $0) } }
            encoded.bytes(9, raw)
        }
    }

    /// Adds `values` as an int64 vector initializer (shapes, pads, axes); returns its name.
    mutating func addIntegers(_ values: [Int]) -> String {
        let name = "integers_\(nodeCount)"
        nodeCount += 1
        initializers.message(5) { encoded in
            encoded.varint(1, Int64(values.count))
            encoded.varint(2, 7)   // TensorProto.INT64
            encoded.string(8, name)
            var raw: [UInt8] = []
            for value in values { withUnsafeBytes(of: Int64(value).littleEndian) { raw.append(contentsOf: $0) } }
            encoded.bytes(9, raw)
        }
        return name
    }

    /// Adds `tensor` as a float32 initializer with a fresh name; returns the name.
    mutating func addTensor(_ tensor: Tensor) -> String {
        let name = "tensor_\(nodeCount)"
        nodeCount += 1
        addInitializer(name, tensor)
        return name
    }

    /// Adds a scalar constant; returns its name.
    mutating func addConstant(_ value: Float) -> String {
        let name = "constant_\(nodeCount)_\(value)"
        nodeCount += 1
        addInitializer(name, Tensor(scalar: value))
        return name
    }

    /// The encoded `ModelProto`: the graph with float inputs `[N, shape…]` and outputs
    /// `[N, shape…]`, each given by name and per-sample shape.
    func modelBytes(name: String, inputs: [(name: String, shape: Shape)], outputs: [(name: String, shape: Shape)], producerVersion: String) -> [UInt8] {
        var graph = ProtobufWriter()
        graph.append(nodes)   // repeated field 1, already encoded
        graph.string(2, name)
        graph.append(initializers)   // repeated field 5
        for input in inputs { graph.message(11) { Self.valueInfo(&$0, name: input.name, shape: input.shape) } }
        for output in outputs { graph.message(12) { Self.valueInfo(&$0, name: output.name, shape: output.shape) } }
        var result = ProtobufWriter()
        result.varint(1, Self.irVersion)
        result.string(2, "Synapse")
        result.string(3, producerVersion)
        result.bytes(7, graph.bytes)
        result.message(8) { opset in
            opset.string(1, "")
            opset.varint(2, Self.opsetVersion)
        }
        return result.bytes
    }

    /// A `ValueInfoProto` of a float tensor `[N, shape…]`, N being the symbolic batch size.
    private static func valueInfo(_ info: inout ProtobufWriter, name: String, shape: Shape) {
        info.string(1, name)
        info.message(2) { type in
            type.message(1) { tensor in
                tensor.varint(1, 1)   // FLOAT
                tensor.message(2) { dims in
                    dims.message(1) { $0.string(2, "N") }
                    for dimension in shape.dimensions { dims.message(1) { $0.varint(1, Int64(dimension)) } }
                }
            }
        }
    }
}
