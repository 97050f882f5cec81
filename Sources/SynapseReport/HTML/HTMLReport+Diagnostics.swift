import Foundation
import SynapseNN

extension HTMLReport {
    /// Appends the training diagnostics: the warnings with their remedies (or a line saying
    /// there are none), the gradient norm of each layer across epochs, and the last epoch's
    /// figures per layer.
    ///
    /// - Throws: the plot's errors (no layer with a finite gradient norm is drawn as no chart).
    public mutating func addDiagnostics(_ record: TrainingDiagnosticsRecord) throws {
        guard let last = record.epochs.last else { return }
        if record.warnings.isEmpty {
            add(.paragraph(title: "Training diagnostics", text: "No warnings: gradients flow through every layer, no ReLU layer is dead, and the loss behaved."))
        } else {
            add(.table(title: "Training diagnostics: warnings", header: ["epoch", "layer", "problem", "try"],
                       rows: record.warnings.map { ["\($0.epoch + 1)", $0.layer ?? "", $0.problem, $0.remedy] }))
        }
        if last.layers.contains(where: { $0.gradientNorm.map { $0 > 0 && $0.isFinite } ?? false }) {
            add(.graphic(title: "Gradient norm per layer", svg: try record.gradientNormPlot().root.markup()))
        }
        let figure = TrainingDiagnosticsRecord.figure, percent = TrainingDiagnosticsRecord.percent
        add(.table(title: "Layers after epoch \(last.epoch + 1)",
                   header: ["layer", "gradient norm", "weight norm", "update/step", "output mean", "output std", "dead units", "saturated"],
                   rows: last.layers.map { layer in
                       [layer.layer, figure(layer.gradientNorm), figure(layer.weightNorm), figure(layer.updateRatio),
                        figure(layer.activations.mean), figure(layer.activations.standardDeviation),
                        percent(layer.activations.deadUnitFraction), percent(layer.activations.saturatedFraction)]
                   }))
    }
}
