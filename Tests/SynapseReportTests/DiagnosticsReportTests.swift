import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Synapse
import Testing

@Suite struct DiagnosticsReportTests {
    /// Two epochs of a two-layer network; the first layer's norm is NaN in epoch 2.
    private func record(warned: Bool) throws -> TrainingDiagnosticsRecord {
        let outputs = ActivationStatistics(of: try Tensor(shape: [2, 2], scalars: [0, 1, 0, 2]), activation: .relu)
        var record = TrainingDiagnosticsRecord()
        record.epochs = [
            EpochDiagnostics(epoch: 0, layers: [LayerDiagnostics(layer: "dense", gradientNorm: 0.01, weightNorm: 3, updateRatio: 1e-3, activations: outputs),
                                                LayerDiagnostics(layer: "dense_1", gradientNorm: 1, weightNorm: 2, updateRatio: 2e-3, activations: outputs)]),
            EpochDiagnostics(epoch: 1, layers: [LayerDiagnostics(layer: "dense", gradientNorm: .nan, weightNorm: 3, updateRatio: nil, activations: outputs),
                                                LayerDiagnostics(layer: "dense_1", gradientNorm: 10, weightNorm: 2, updateRatio: 2e-3, activations: outputs)]),
        ]
        if warned { record.warnings = [DiagnosticWarning(.deadReLU, epoch: 1, layer: "dense", problem: "50 % <dead>.", remedy: "He & co.")] }
        return record
    }

    @Test func theGradientPlotDrawsOneLinePerLayerOnALogScaleSkippingNonFiniteEpochs() throws {
        let plot = try record(warned: false).gradientNormPlot()
        let lines = elements(in: plot, class: "series")
        #expect(lines.count == 2)
        #expect(elements(in: plot, class: "legend-entry").count == 2 && plot.text.contains(">dense_1<") && plot.text.contains("log₁₀ gradient norm"))
        let points = lines.map { ($0.attributes["points"] ?? "").split(separator: " ").count }
        #expect(points == [1, 2])
    }

    @Test func theReportShowsWarningsOrSaysThereAreNone() throws {
        var report = HTMLReport(title: "diagnostics", date: Date(timeIntervalSince1970: 0))
        try report.addDiagnostics(try record(warned: true))
        let html = report.html
        #expect(XMLParser(data: Data(html.utf8)).parse())
        #expect(html.contains("50 % &lt;dead&gt;.") && html.contains("He &amp; co.") && html.contains("Layers after epoch 2"))
        var quiet = HTMLReport(title: "diagnostics", date: Date(timeIntervalSince1970: 0))
        try quiet.addDiagnostics(try record(warned: false))
        #expect(quiet.html.contains("No warnings") && quiet.html.contains("Gradient norm per layer"))
        let summary = try record(warned: true).summary()
        #expect(summary.contains("first ÷ last") && summary.contains("Warnings:\n  • epoch 2, layer 'dense': 50 % <dead>. Try: He & co."))
    }
}
