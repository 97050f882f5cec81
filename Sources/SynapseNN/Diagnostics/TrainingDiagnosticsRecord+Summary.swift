import Foundation

extension TrainingDiagnosticsRecord {
    /// The record as text: the last epoch's figures per layer, the gradient norms of every
    /// layer across epochs (at most `epochColumns` of them, evenly spaced, always the first
    /// and last), and the warnings, or a line saying there are none.
    ///
    /// ```
    /// Diagnostics after epoch 10
    /// layer     gradient norm  weight norm  update/step  output mean  output std  dead  saturated
    /// dense           0.62         7.91       4.0e-03         0.43        0.69    0 %
    /// …
    /// Gradient norm by epoch
    /// layer         1       4       7      10   first ÷ last
    /// …
    /// No warnings.
    /// ```
    public func summary(epochColumns: Int = 6) -> String {
        guard let last = epochs.last else { return "No diagnostics recorded." }
        var lines = ["Diagnostics after epoch \(last.epoch + 1)"]
        let header = ["layer", "gradient norm", "weight norm", "update/step", "output mean", "output std", "dead", "saturated"]
        let rows = last.layers.map { layer in
            [layer.layer, Self.figure(layer.gradientNorm), Self.figure(layer.weightNorm), Self.figure(layer.updateRatio),
             Self.figure(layer.activations.mean), Self.figure(layer.activations.standardDeviation),
             Self.percent(layer.activations.deadUnitFraction), Self.percent(layer.activations.saturatedFraction)]
        }
        lines += Self.aligned([header] + rows)

        let shown = Self.evenlySpaced(epochs.count, atMost: Swift.max(epochColumns, 2)).map { epochs[$0] }
        let names = last.layers.filter { $0.gradientNorm != nil }.map(\.layer)
        if !names.isEmpty {
            lines += ["", "Gradient norm by epoch"]
            var table = [["layer"] + shown.map { "\($0.epoch + 1)" }]
            for name in names {
                table.append([name] + shown.map { epoch in Self.figure(epoch.layers.first { $0.layer == name }?.gradientNorm) })
            }
            table.append(["first ÷ last"] + shown.map { Self.figure($0.gradientDepthRatio) })
            lines += Self.aligned(table)
        }
        lines.append("")
        lines += warnings.isEmpty ? ["No warnings."] : ["Warnings:"] + warnings.map { "  • \($0)" }
        return lines.joined(separator: "\n")
    }

    /// Up to `limit` indices of `0..<count`, evenly spaced, including the first and the last.
    static func evenlySpaced(_ count: Int, atMost limit: Int) -> [Int] {
        guard count > limit else { return Array(0..<count) }
        return (0..<limit).map { Int((Double($0) * Double(count - 1) / Double(limit - 1)).rounded()) }
    }

    /// Rows as lines, the first column left-aligned and the others right-aligned.
    static func aligned(_ rows: [[String]]) -> [String] {
        let widths = (0..<(rows.first?.count ?? 0)).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + padding : padding + cell
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
    }

    /// A figure with 3 significant digits, or `–` when absent.
    public static func figure(_ value: Float?) -> String { value.map { String(format: "%.3g", Double($0)) } ?? "–" }

    /// A fraction as a whole percentage, or an empty cell when absent.
    public static func percent(_ value: Float?) -> String { value.map { "\(Int(($0 * 100).rounded())) %" } ?? "" }
}
