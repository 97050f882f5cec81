import Foundation
import Synapse

/// The HTML report `synapse train --report` and `synapse evaluate --report` write.
enum RunReport {
    /// Writes the report of `model` measured on `x` and `y` (named `data` in the report) to
    /// `path`, and says where on standard error.
    ///
    /// Classifiers get the full report (classification report, confusion matrix, and, when the
    /// rows are square images of 28, 20 or 8 pixels a side, the most confident mistakes drawn);
    /// regression models get the summary, the curves and the figures.
    static func write(to path: String, title: String, model: any Model, history: History?, x: Tensor, y: Tensor, data: String) throws {
        let kind = OutputKind(model: model)
        let outputs = try model.predict(try model.shapedAsSamples(x), batchSize: 256)
        let url = URL(fileURLWithPath: (path as NSString).expandingTildeInPath)
        switch kind {
        case .value:
            var report = HTMLReport(title: title)
            report.add(.preformatted(title: "Model", text: model.summary()))
            if let history, !history.epochs.isEmpty { report.add(.graphic(title: "Training curves", svg: try history.plot().root.markup())) }
            if let diagnostics = history?.diagnostics { try report.addDiagnostics(diagnostics) }
            let squared = zip(outputs.scalars, y.scalars).map { Double($0 - $1) * Double($0 - $1) }
            let mse = squared.reduce(0, +) / Double(max(squared.count, 1))
            report.add(.figures(title: "On \(data)", [("samples", Double(squared.count)), ("mean_squared_error", mse), ("root_mean_squared_error", mse.squareRoot())]))
            try report.write(to: url)
        default:
            let side = [28, 20, 8].first { $0 * $0 == x.shape[1] }
            let report = try HTMLReport.classifier(
                title: title, model: model, history: history, labels: y, probabilities: try kind.probabilities(outputs),
                images: try side.map { try images(fromRows: x, height: $0, width: $0) })
            try report.write(to: url)
        }
        FileHandle.standardError.write(Data("report written to \(url.path)\n".utf8))
    }
}
