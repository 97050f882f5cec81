import Foundation
import SynapseNN

/// Pictures of what `TrainingDiagnostics` recorded.
extension TrainingDiagnosticsRecord {
    /// Each layer's gradient norm against the epoch (counted from 1), on a log₁₀ scale, so
    /// vanishing or exploding gradients show as lines orders of magnitude apart.
    /// Epochs whose norm is 0 or not finite are left out of a layer's line.
    ///
    /// - Throws: `ReportError.invalidArgument` when no layer has a finite positive norm.
    public func gradientNormPlot(width: Double = 640, height: Double = 400) throws -> SVGDocument {
        let names = epochs.last?.layers.filter { $0.gradientNorm != nil }.map(\.layer) ?? []
        let series = names.compactMap { name -> PlotSeries? in
            let points = epochs.compactMap { epoch -> (Float, Float)? in
                guard let norm = epoch.layers.first(where: { $0.layer == name })?.gradientNorm, norm > 0, norm.isFinite else { return nil }
                return (Float(epoch.epoch + 1), log10(norm))
            }
            return points.isEmpty ? nil : PlotSeries(name, x: points.map(\.0), y: points.map(\.1))
        }
        return try LineChart(title: "Gradient norm per layer", xLabel: "epoch", yLabel: "log₁₀ gradient norm",
                             series: series, width: width, height: height).document()
    }
}
