/// The seed programs `synapse demo` runs, by the name typed on the command line.
enum DemoName: String, CaseIterable {
    /// The coffee-roasting lab (`coffeeRoasting`).
    case coffee
    /// Zeros against ones from MNIST (`binaryDigits`).
    case binaryDigits = "binary-digits"
    /// The ten-digit recogniser on MNIST (`digitRecognition`).
    case digits
    /// Three independent labels per sample (`multiLabel`).
    case multilabel
    /// A nonlinear function and a non-negative target (`regression`).
    case regression
    /// Iris species from four measurements (`irisClassifier`).
    case iris
    /// The seed CNN on all of MNIST (`convolutionalDigits`).
    case cnn
    /// A pulse in noisy series, Conv1D against a dense network (`pulseDetection`).
    case conv1d
    /// Seed 004's classifier with batch normalisation and dropout (`deepClassifier`).
    case deep
    /// Overfitting, then dropout, L2 and early stopping (`overfitting`).
    case overfitting
    /// Seven activations on the same network (`activationComparison`).
    case activations
    /// A frozen CNN base reused for new digits, fine-tuned, against training from scratch (`transferLearning`).
    case transfer
    /// A GAN trained with a custom loop, judged by the seed CNN (`generativeAdversarial`).
    case gan
    /// A small ResNet on MNIST, drawn with the functional API (`residualDigits`).
    case resnet
    /// A deep sigmoid stack against ReLU + He (+ batch norm), with gradient diagnostics (`vanishingGradients`).
    case vanishing
    /// A 2-layer LSTM character model on Tiny Shakespeare that then writes text (`characterLanguageModel`).
    case charlm
    /// Conv1D + LSTM forecasting a noisy mixture of sines, against repeating the last value (`seriesForecasting`).
    case forecast

    /// The demo called `name`.
    ///
    /// - Throws: `DemoError` naming `name` and listing the valid names.
    static func named(_ name: String) throws -> DemoName {
        guard let demo = DemoName(rawValue: name.lowercased()) else {
            throw DemoError("unknown demo '\(name)'; the demos are \(allCases.map(\.rawValue).joined(separator: ", ")) (see synapse demo --help)")
        }
        return demo
    }

    /// The dataset's subfolder of the data folder, or `nil` for a demo that generates its data.
    var datasetFolder: String? {
        switch self {
        case .binaryDigits, .digits, .cnn, .resnet, .transfer, .gan: return "mnist"
        case .iris: return "iris"
        case .activations: return "sklearn-digits"
        case .charlm: return "tinyshakespeare"
        case .coffee, .multilabel, .regression, .conv1d, .deep, .overfitting, .vanishing, .forecast: return nil
        }
    }

    /// What the demo does and what it needs, in lines short enough for an 80-column `--help`.
    var explanation: [String] {
        switch self {
        case .coffee:
            return ["good or bad roast? 2 → 3 → 1 sigmoid on 200 generated roasts,", "then the forward pass by hand. Needs no data."]
        case .binaryDigits:
            return ["is an MNIST digit a 0 or a 1? 400 → 25 → 15 → 1 sigmoid.", "Needs mnist/."]
        case .digits:
            return ["all ten MNIST digits, 400 → 25 → 15 → 10: model summary,",
                    "progress, test and per-class accuracy, confusion matrix, and",
                    "the most confident mistakes drawn in the terminal (about 1 s",
                    "in a release build). Needs mnist/."]
        case .multilabel:
            return ["car, bus and pedestrian at once: three sigmoid outputs on", "generated data. Needs no data."]
        case .regression:
            return ["a linear output learns sin(2x₀) + x₁²/2; a relu output keeps", "x₀² + x₁² non-negative. Needs no data."]
        case .iris:
            return ["iris species from four measurements, 4 → 10 → 3 softmax,", "stratified 80/20 split. Needs iris/."]
        case .cnn:
            return ["the seed CNN (Conv2D 32, pool, Conv2D 64, pool, Conv2D 64,", "Dense 64, Dense 10) on all 60,000 MNIST images, 6 epochs:",
                    "test accuracy and training time. Needs mnist/."]
        case .conv1d:
            return ["find a pulse hidden in noisy series: Conv1D against a dense", "network of about the same size. Needs no data."]
        case .deep:
            return ["seed 004: 3 classes of generated data, Dense 64/32/16 with", "batch normalisation and dropout, Adam, 50 epochs. Needs no data."]
        case .overfitting:
            return ["a wide network on 200 rows overfits; dropout, L2 and early", "stopping compared in a table. Needs no data."]
        case .activations:
            return ["sigmoid, tanh, relu, leaky relu, elu, swish and gelu on the same", "network: time, epochs to 95 %, accuracy. Needs sklearn-digits/."]
        case .transfer:
            return ["a CNN learns digits 0–4; its frozen base gets a new head for", "5–9 from 500 examples, then is fine-tuned; against training",
                    "from scratch on the same 500. Needs mnist/."]
        case .gan:
            return ["a DCGAN with InfoGAN's categorical code on MNIST, alternating", "updates in a custom loop; a grid of generated digits per epoch",
                    "in gan-samples/; judged by the seed CNN. Needs mnist/."]
        case .resnet:
            return ["a small ResNet (two residual blocks joined by Add) drawn with", "the functional API, 3 epochs on MNIST. Needs mnist/."]
        case .vanishing:
            return ["ten sigmoid layers against relu + He (+ batch norm): each layer's", "gradient norm, the diagnostics' warnings, accuracy. Needs no data."]
        case .charlm:
            return ["a 2-layer LSTM learns Tiny Shakespeare character by character", "for --minutes (15): validation nats/char and perplexity per",
                    "epoch, then writes text at temperature 0.8. Needs tinyshakespeare/."]
        case .forecast:
            return ["Conv1D + LSTM forecast a noisy mixture of sines one step ahead;", "RMSE against repeating the last value. Needs no data."]
        }
    }
}
