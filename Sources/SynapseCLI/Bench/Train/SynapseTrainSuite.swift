import Synapse

/// Synapse's side of `synapse bench train`: the peers' workloads run with `Sequential`,
/// `fit`, `model(x)` and `predict`, as a user would write them.
///
/// Epochs are timed by an `EpochTimer` callback (as the Keras peers do), `fit` runs with
/// shuffling on and `verbose: 0`. Data and weights come from generators seeded with 1234
/// (`common.SEED`); W4's input from 1235 and W5's from 1236, as the peers draw theirs. W4 uses
/// the model W1 trained and W5 the one W2 trained, when those ran in the same round.
struct SynapseTrainSuite {
    /// The seed of every generator (the peers' `common.SEED`).
    static let seed: UInt64 = 1234

    /// What to run: each workload at most once, in `TrainWorkload.allCases` order.
    let workloads: [TrainWorkload]
    /// How large each workload is.
    let sizes: TrainSizes
    /// The `threads` field of every line.
    let threads: Int

    /// Runs every workload for round `rep`, announcing each to `progress` and handing each
    /// result to `report` as soon as it is measured.
    ///
    /// - Returns: the sum of every inference output read back, which keeps the work observable.
    /// - Throws: `ModelError` or `TensorError` if Synapse rejects a model or its data.
    func run(rep: Int, progress: (TrainWorkload) -> Void, report: (TrainResult) -> Void) throws -> Float {
        var trained: [TrainWorkload: Sequential] = [:]
        var checksum: Float = 0
        for workload in TrainWorkload.allCases where workloads.contains(workload) {
            progress(workload)
            switch workload {
            case .w1:
                trained[.w1] = try trainSeedDigitMLP(rep: rep, report: report)
            case .w2:
                trained[.w2] = try trainMNISTMLP(rep: rep, report: report)
            case .w3:
                try trainSeedCNN(rep: rep, report: report)
            case .w6:
                try trainCharacterLSTM(rep: rep, report: report)
            case .w4:
                let model = trained[.w1] ?? sizes.w1.makeModel(seed: SynapseTrainSuite.seed)
                checksum += try measureLatency(of: model, rep: rep, report: report)
            case .w5:
                let model = trained[.w2] ?? sizes.w2.makeModel(seed: SynapseTrainSuite.seed)
                checksum += try measureInference(of: model, rep: rep, report: report)
            case .seedDigits:
                try fitSeedDigitProgram(rep: rep, report: report)
            }
        }
        return checksum
    }

    /// W1: 10 epochs from cold; the figure is the median of epochs 2–10.
    private func trainSeedDigitMLP(rep: Int, report: (TrainResult) -> Void) throws -> Sequential {
        let run = sizes.w1
        let (x, y) = try run.makeData(count: run.samples, seed: SynapseTrainSuite.seed)
        let model = run.makeModel(seed: SynapseTrainSuite.seed)
        let fit = try timedFit(model, x, y, run: run)
        report(record(.w1, "train_throughput", rep: rep, fit: fit, model: model)
            .training(run: run, epochSeconds: fit.timer.epochSeconds, firstIsCold: true, fitWall: fit.wall,
                      trailing: ["cpu_per_wall": .rounded(fit.coresBusy, places: 2)]))
        return model
    }

    /// W2: one warm-up epoch on `warmUpSamples` rows, then 2 timed epochs on all rows; then the
    /// process's peak resident memory so far.
    private func trainMNISTMLP(rep: Int, report: (TrainResult) -> Void) throws -> Sequential {
        let run = sizes.w2
        let (x, y) = try run.makeData(count: run.samples, seed: SynapseTrainSuite.seed)
        let model = run.makeModel(seed: SynapseTrainSuite.seed)
        let warmUp = try warmUpFit(model, x, y, run: run)
        let fit = try timedFit(model, x, y, run: run)
        let peakMegabytes = ProcessUsage.peakResidentMegabytes
        report(record(.w2, "train_throughput", rep: rep, fit: fit, model: model)
            .appending(["warmup_s": .rounded(warmUp, places: 3)])
            .training(run: run, epochSeconds: fit.timer.epochSeconds, firstIsCold: false, fitWall: fit.wall,
                      trailing: ["peak_rss_mb": .rounded(peakMegabytes, places: 1), "cpu_per_wall": .rounded(fit.coresBusy, places: 2)]))
        report(TrainRecord(workload: .w2, metric: "peak_rss", rep: rep, threads: threads)
            .finished(unit: .megabytes, value: peakMegabytes, places: 1, [
                "source": "getrusage(RUSAGE_SELF).ru_maxrss right after W2's fit: the process's peak so far",
            ]))
        return model
    }

    /// W3: as W2 (a warm-up fit on `warmUpSamples` rows, then the timed epochs), with the
    /// GFLOP/s of the median epoch (training counted as 3× the forward FLOPs, as the peers
    /// count it) and the peak memory after the fit.
    private func trainSeedCNN(rep: Int, report: (TrainResult) -> Void) throws {
        let run = sizes.w3
        let (model, warmUp, fit, gigaflops) = try warmedUpTraining(run)
        let peakMegabytes = ProcessUsage.peakResidentMegabytes
        report(record(.w3, "train_throughput", rep: rep, fit: fit, model: model)
            .appending(["warmup_s": .rounded(warmUp, places: 3), "layout": .string("NHWC")])
            .training(run: run, epochSeconds: fit.timer.epochSeconds, firstIsCold: false, fitWall: fit.wall,
                      trailing: ["gflops": .rounded(gigaflops, places: 1), "peak_rss_mb": .rounded(peakMegabytes, places: 1),
                                 "cpu_per_wall": .rounded(fit.coresBusy, places: 2)]))
        report(TrainRecord(workload: .w3, metric: "peak_rss", rep: rep, threads: threads)
            .finished(unit: .megabytes, value: peakMegabytes, places: 1, [
                "source": "getrusage(RUSAGE_SELF).ru_maxrss right after W3's fit: the process's peak so far",
            ]))
    }

    /// W6: one warm-up epoch on 4 batches, then 2 timed epochs; GFLOP/s as for W3.
    private func trainCharacterLSTM(rep: Int, report: (TrainResult) -> Void) throws {
        let run = sizes.w6
        let (model, warmUp, fit, gigaflops) = try warmedUpTraining(run)
        report(record(.w6, "train_throughput", rep: rep, fit: fit, model: model)
            .appending(["warmup_s": .rounded(warmUp, places: 3)])
            .training(run: run, epochSeconds: fit.timer.epochSeconds, firstIsCold: false, fitWall: fit.wall,
                      trailing: ["gflops": .rounded(gigaflops, places: 1), "cpu_per_wall": .rounded(fit.coresBusy, places: 2)]))
    }

    /// `run`'s model trained on its random data after a warm-up (W3, W6): the model, the
    /// warm-up's seconds, the timed fit, and the GFLOP/s of its median epoch (training counted
    /// as 3× the forward FLOPs, as the peers count it).
    private func warmedUpTraining(_ run: TrainSizes.Training) throws -> (Sequential, Double, TimedFit, Double) {
        let (x, y) = try run.makeData(count: run.samples, seed: SynapseTrainSuite.seed)
        let model = run.makeModel(seed: SynapseTrainSuite.seed)
        let warmUp = try warmUpFit(model, x, y, run: run)
        let fit = try timedFit(model, x, y, run: run)
        let epoch = Stopwatch.median(fit.timer.epochSeconds) ?? .nan
        return (model, warmUp, fit, 3 * Double(run.forwardFlopsPerSample * run.samples) / epoch / 1e9)
    }

    /// One untimed epoch on `run.warmUpSamples` rows (every batch shape the timed epochs
    /// use), as the peers warm up; returns its wall time in seconds.
    private func warmUpFit(_ model: Sequential, _ x: Tensor, _ y: Tensor, run: TrainSizes.Training) throws -> Double {
        let warmUpRows = 0..<min(run.warmUpSamples, run.samples)
        let clock = ContinuousClock(), start = clock.now
        try model.fit(try x.sliced([warmUpRows]), try y.sliced([warmUpRows]), epochs: 1, batchSize: run.batchSize,
                      shuffle: true, verbose: 0, seed: SynapseTrainSuite.seed)
        return Stopwatch.seconds(clock.now - start)
    }

    /// seed-digits: the seed digit program's `fit` on 4500 + 500 rows with a 10 % validation
    /// split evaluated after every epoch; the figure is the wall time of the whole `fit`.
    private func fitSeedDigitProgram(rep: Int, report: (TrainResult) -> Void) throws {
        let run = sizes.seedDigits, held = sizes.seedDigitsValidationSamples
        let (x, y) = try run.makeData(count: run.samples + held, seed: SynapseTrainSuite.seed)
        let model = run.makeModel(seed: SynapseTrainSuite.seed)
        let fit = try timedFit(model, x, y, run: run, validationSplit: .shuffled(Float(held) / Float(run.samples + held)))
        let epochs = fit.timer.epochSeconds
        report(record(.seedDigits, "fit_wall", rep: rep, fit: fit, model: model)
            .finished(unit: .seconds, value: fit.wall, places: 4, [
                "epoch_s_median": .rounded(Stopwatch.median(epochs) ?? .nan, places: 4),
                "epoch_s_min": .rounded(epochs.min() ?? .nan, places: 4), "epoch_s_max": .rounded(epochs.max() ?? .nan, places: 4),
                "n": .int(run.samples), "validation_n": .int(held), "batch": .int(run.batchSize), "epochs": .int(epochs.count),
                "steps_per_epoch": .int(run.stepsPerEpoch), "first_epoch_s": .rounded(epochs.first ?? .nan, places: 4),
                "cpu_per_wall": .rounded(fit.coresBusy, places: 2),
                "call": .string("model.fit(x, y, epochs: \(run.epochs), batchSize: \(run.batchSize), validationSplit: 0.1, verbose: 0)"),
            ]))
    }

    /// A finished `fit`: its epoch timer, when the call started and returned, and the
    /// processor time it used.
    private struct TimedFit {
        /// The callback that timed each epoch.
        let timer: EpochTimer
        /// When `fit` was called.
        let start: ContinuousClock.Instant
        /// When `fit` returned.
        let end: ContinuousClock.Instant
        /// The processor seconds of all threads during the call.
        let processorSeconds: Double

        /// Processor time over wall time: the number of cores kept busy on average (the
        /// `cpu_per_wall` field), which shows when another program took a core.
        var coresBusy: Double { processorSeconds / wall }

        /// The wall time of the whole call, in seconds.
        var wall: Double { Stopwatch.seconds(end - start) }
        /// Seconds from the call to the first callback (argument checks, splitting, building).
        var setupSeconds: Double { timer.trainingBegan.map { Stopwatch.seconds($0 - start) } ?? .nan }
        /// Seconds from the last callback to the return.
        var teardownSeconds: Double { timer.trainingEnded.map { Stopwatch.seconds(end - $0) } ?? .nan }
    }

    /// A `fit` of `run.epochs` epochs with an `EpochTimer`, timed from call to return.
    private func timedFit(
        _ model: Sequential, _ x: Tensor, _ y: Tensor, run: TrainSizes.Training, validationSplit: ValidationSplit = .none
    ) throws -> TimedFit {
        let timer = EpochTimer()
        let clock = ContinuousClock(), processorStart = ProcessUsage.processorSeconds, start = clock.now
        try model.fit(x, y, epochs: run.epochs, batchSize: run.batchSize, shuffle: true, validationSplit: validationSplit,
                      callbacks: [timer], verbose: 0, seed: SynapseTrainSuite.seed)
        let end = clock.now
        return TimedFit(timer: timer, start: start, end: end, processorSeconds: ProcessUsage.processorSeconds - processorStart)
    }

    /// The start of a training line, with the Keras peers' `fit_setup_s` and `fit_teardown_s`
    /// and the parameter count.
    private func record(_ workload: TrainWorkload, _ metric: String, rep: Int, fit: TimedFit, model: Sequential) -> TrainRecord {
        TrainRecord(workload: workload, metric: metric, rep: rep, threads: threads).appending([
            "fit_setup_s": .rounded(fit.setupSeconds, places: 4), "fit_teardown_s": .rounded(fit.teardownSeconds, places: 4),
            "params": .int(model.parameterCount),
        ])
    }
}
