import Foundation
import SynapseNN
import SynapseTensor

extension HTMLReport {
    /// The report of a trained classifier: model summary, training curves, final figures, the
    /// training diagnostics when the history has them, the classification report, the
    /// confusion matrix, and (given the inputs as images) the most
    /// confident mistakes.
    ///
    /// ```swift
    /// let report = try HTMLReport.classifier(title: "Digits", model: model, history: history,
    ///                                        labels: yTest, probabilities: model.predict(xTest).softmax(),
    ///                                        images: images(fromRows: xTest, height: 20, width: 20))
    /// try report.write(to: URL(fileURLWithPath: "digits-report.html"))
    /// ```
    ///
    /// - Parameters:
    ///   - labels: class ids `[n]` (or `[n, 1]` 0/1 labels for a binary classifier).
    ///   - probabilities: `[n, classes]` class probabilities, or `[n]`/`[n, 1]` for a binary one.
    ///   - images: the inputs as `[n, height, width]` values in [0, 1], to draw mistakes with.
    ///   - mistakes: how many of the most confident mistakes to show.
    /// - Throws: the errors of the metrics and plots (labels that do not fit the
    ///   probabilities, a history with non-finite values).
    public static func classifier(
        title: String, model: (any Model)?, history: History?, labels: Tensor, probabilities: Tensor,
        images: Tensor? = nil, classNames: [String] = [], mistakes: Int = 12, extraFigures: [(name: String, value: Double)] = []
    ) throws -> HTMLReport {
        var report = HTMLReport(title: title)
        if let model { report.add(.preformatted(title: "Model", text: model.summary())) }
        if let history, !history.epochs.isEmpty {
            report.add(.graphic(title: "Training curves", svg: try history.plot().root.markup()))
            let last = history.keys.filter { $0 != .learningRate }.compactMap { key in history[key].last.map { (name: key.description, value: Double($0)) } }
            report.add(.figures(title: "After the last epoch (\(history.epochs.count))", last))
            if let diagnostics = history.diagnostics { try report.addDiagnostics(diagnostics) }
        }
        let confusion = ConfusionMatrix()
        try confusion.update(labels: labels, predictions: probabilities)
        report.add(.figures(title: "Test", [("samples", Double(confusion.total)), ("accuracy", confusion.accuracy)] + extraFigures))
        let names = classNames.isEmpty ? (0..<confusion.counts.count).map(String.init) : classNames
        report.add(.preformatted(title: "Classification report", text: ClassificationReport(confusion, classNames: names).description))
        report.add(.graphic(title: "Confusion matrix (row: true class, column: predicted)",
                            svg: try Heatmap(counts: confusion.counts, classNames: names).document().root.markup()))
        if let images {
            let wrong = try misclassifiedExamples(labels: labels, probabilities: probabilities).prefix(mistakes)
            if !wrong.isEmpty {
                let pictures = try images.gathering(atIndices: wrong.map(\.index), alongAxis: 0)
                let captions = wrong.map { "#\($0.index): \(names[$0.trueClass]) → \(names[$0.predictedClass]) (\(Int(($0.confidence * 100).rounded())) %)" }
                report.add(.graphic(title: "The most confident mistakes",
                                    svg: try ImageGrid(images: pictures, captions: captions, columns: 6).document().root.markup()))
            }
        }
        return report
    }
}
