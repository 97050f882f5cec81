import SynapseTensor

extension Model {
    /// A Keras-like table of the layers: name and type, output shape, parameter count; then
    /// total, trainable and non-trainable parameter counts with their size in memory.
    ///
    /// ```
    /// Model: "sequential"
    /// ┌──────────────────────┬──────────────┬──────────┐
    /// │ Layer (type)         │ Output Shape │  Param # │
    /// ├──────────────────────┼──────────────┼──────────┤
    /// │ dense (Dense)        │ (None, 25)   │   10,025 │
    /// …
    /// Total params: 10,575 (41.31 KB)
    /// ```
    /// Output shapes are shown once the model is built; before that, `?`. A graph model
    /// (`Functional`) adds a column naming the layers each one is called on.
    public func summary() -> String {
        let rows = summaryRows()
        let connected = rows.contains { $0.connectedTo != nil }
        let headers = ["Layer (type)", "Output Shape", "Param #"] + (connected ? ["Connected to"] : [])
        let cells = rows.map { row in
            [row.layer, row.outputShape.map { "(None" + $0.dimensions.map { ", \($0)" }.joined() + ")" } ?? "?", Self.grouped(row.parameterCount)]
                + (connected ? [row.connectedTo.flatMap { $0.isEmpty ? nil : $0.joined(separator: "; ") } ?? "-"] : [])
        }
        let widths = headers.indices.map { column in ([headers[column]] + cells.map { $0[column] }).map(\.count).max()! + 2 }
        func line(_ left: String, _ middle: String, _ right: String) -> String {
            left + widths.map { String(repeating: "─", count: $0) }.joined(separator: middle) + right
        }
        func row(_ cells: [String]) -> String {
            "│" + cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - 1 - cell.count)
                return column == 2 ? padding + cell + " " : " " + cell + padding
            }.joined(separator: "│") + "│"
        }
        let trainable = trainableParameters.reduce(0) { $0 + $1.value.elementCount }
        var lines = ["Model: \"\(name)\"", line("┌", "┬", "┐"), row(headers), line("├", "┼", "┤")]
        lines += cells.map(row)
        lines.append(line("└", "┴", "┘"))
        lines.append("Total params: \(Self.grouped(parameterCount)) (\(Self.bytes(parameterCount)))")
        lines.append("Trainable params: \(Self.grouped(trainable)) (\(Self.bytes(trainable)))")
        lines.append("Non-trainable params: \(Self.grouped(parameterCount - trainable)) (\(Self.bytes(parameterCount - trainable)))")
        return lines.joined(separator: "\n")
    }

    public func summaryRows() -> [LayerSummaryRow] {
        var shape = builtInputShape
        return layers.map { layer in
            shape = shape.flatMap { try? layer.outputShape(forInputShape: $0) }
            return LayerSummaryRow(layer: "\(layer.name) (\(type(of: layer)))", outputShape: shape, parameterCount: layer.parameterCount, connectedTo: nil)
        }
    }

    /// `10575` as `10,575`.
    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        return String(digits.enumerated().flatMap { index, digit in
            (index > 0 && (digits.count - index) % 3 == 0 ? [","] : []) + [digit]
        })
    }

    /// The memory of `count` Float32 values, in B, KB or MB as Keras prints them.
    static func bytes(_ count: Int) -> String {
        let bytes = Double(count * 4)
        if bytes < 1024 { return String(format: "%.2f B", bytes) }
        if bytes < 1024 * 1024 { return String(format: "%.2f KB", bytes / 1024) }
        return String(format: "%.2f MB", bytes / 1024 / 1024)
    }
}

/// One row of `summary()`: a layer, its output shape, its parameter count, and (in a graph)
/// the layers it is called on.
public struct LayerSummaryRow: Equatable, Sendable {
    /// `name (Type)`.
    public var layer: String
    /// The per-sample output shape, `nil` before the model is built.
    public var outputShape: Shape?
    /// The number of scalars in the layer's parameters.
    public var parameterCount: Int
    /// In a graph, one entry per call of the layer, naming the layers whose outputs that call
    /// takes (`"dense, dense_1"`); empty for a graph input; `nil` in a stack.
    public var connectedTo: [String]?

    /// A row of these figures.
    public init(layer: String, outputShape: Shape?, parameterCount: Int, connectedTo: [String]?) {
        self.layer = layer
        self.outputShape = outputShape
        self.parameterCount = parameterCount
        self.connectedTo = connectedTo
    }
}
