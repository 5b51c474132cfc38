import GANCore
import GeneratorStep
import ImageTraining
import OpenDirections
import Testing

/// Chapter 7 (Chapters/07-OpenDirections.md): the conditional model's plumbing,
/// the inference net, the latent search, the inpainting stand-in and the
/// linear probe, each on a problem whose answer is known.
@Suite struct OpenDirectionsTests {
    static var tinyArchitecture: MNISTArchitecture {
        var a = MNISTArchitecture()
        a.noiseDimension = 4
        a.generatorHidden = 8
        a.discriminatorUnits = 5
        a.discriminatorPieces = 2
        a.pixels = 9
        return a
    }

    @Test func conditionalPrior_putsOneHotClassesAfterTheNoise() {
        let prior = ConditionalPrior(noise: NoisePrior(width: 3, uniformOn: -1, 1), classes: 4)
        let batch = Matrix<Float>(rows: 3, columns: 7)
        prior.fill(batch, classes: [2, 0, 3], using: RandomSource(seed: 1))
        for (row, c) in [2, 0, 3].enumerated() {
            #expect((3..<7).map { batch[row, $0] } == (0..<4).map { $0 == c ? 1 : 0 })
            #expect((0..<3).allSatisfy { abs(batch[row, $0]) <= 1 && batch[row, $0] != 0 })
        }
    }

    @Test func generator_carriesTheConditionToItsOutput_andDReadsIt() {
        let model = ConditionalModel(architecture: Self.tinyArchitecture, classes: 3)
        let random = RandomSource(seed: 2)
        let generator = model.generator(Float.self, pixelMeans: nil, using: random)
        let discriminator = model.discriminator(Float.self, using: random)
        discriminator.isTraining = false
        #expect(generator.inputWidth == 4 + 3 && generator.outputWidth == 9 + 3 && discriminator.inputWidth == 9 + 3)
        let input = Matrix<Float>(rows: 3, columns: 7)
        model.prior.fill(input, classes: [0, 1, 2], using: random)
        let output = generator.forward(input)
        let v = model.conditionValue
        for row in 0..<3 { #expect((9..<12).map { output[row, $0] } == (0..<3).map { $0 == row ? v : 0 }) }
        // The same image judged as another class: D's answer moves, so D reads c.
        let x = output.copy(), other = output.copy()
        for row in 0..<3 { for j in 9..<12 { other[row, j] = j - 9 == (row + 1) % 3 ? v : 0 } }
        let judged = discriminator.forward(x).elements, relabelled = discriminator.forward(other).elements
        #expect(judged != relabelled)
    }

    /// D's input dropout sits inside a ConditionedLayer: switching D to evaluation must reach it.
    @Test func discriminatorDropout_inEvaluationMode_isTheIdentity() {
        let model = ConditionalModel(architecture: Self.tinyArchitecture, classes: 3)
        let discriminator = model.discriminator(Float.self, using: RandomSource(seed: 11))
        let x = Matrix<Float>(rows: 4, columns: 12)
        RandomSource(seed: 12).fillUniform(x, 0, 1)
        discriminator.isTraining = false
        let first = discriminator.forward(x).elements, second = discriminator.forward(x).elements
        #expect(first == second)
        discriminator.isTraining = true
        #expect(discriminator.forward(x).elements != discriminator.forward(x).elements, "in training the masks change")
    }

    @Test func labelledRows_appendTheOneHotLabel_andSamplesDropIt() {
        let model = ConditionalModel(architecture: Self.tinyArchitecture, classes: 3)
        let images = Matrix<Float>(rows: 2, columns: 9, elements: (0..<18).map { Float($0) / 18 })
        let rows = model.labelledRows(images: images, labels: [2, 1])
        let v = model.conditionValue
        #expect(rows.columns == 12 && rows.row(0)[9...] == [0, 0, v] && rows.row(1)[9...] == [0, v, 0])
        #expect(ConditionalModel.pixels(of: rows, width: 9).elements == images.elements)
    }

    @Test func obedience_readsTheConfusionTable() {
        let obedience = ConditionalObedience(confusion: [[8, 2], [5, 5]], realAccuracy: [0.9, 0.7])
        #expect(obedience.obedience(0) == 0.8 && obedience.obedience(1) == 0.5)
        #expect(abs(obedience.meanObedience - 0.65) < 1e-12 && abs(obedience.meanRealAccuracy - 0.8) < 1e-12)
        #expect(obedience.histogram.counts == [13, 7])
    }

    @Test func adam_firstStepIsTheLearningRate_andItMinimisesAQuadratic() {
        let theta = Matrix<Float>(rows: 1, columns: 2, elements: [3, -2])
        let adam = Adam(count: 2, learningRate: 0.1)
        let gradient = Matrix<Float>(rows: 1, columns: 2, elements: [6, -0.01])
        adam.step(theta, gradient: gradient)
        // m̂/√v̂ = g/|g| on the first step: every coordinate moves by η whatever its gradient's size.
        #expect(abs(theta[0, 0] - 2.9) < 1e-6 && abs(theta[0, 1] + 1.9) < 1e-6)
        for _ in 0..<2000 {
            for j in 0..<2 { gradient[0, j] = 2 * theta[0, j] }
            adam.step(theta, gradient: gradient)
        }
        #expect(abs(theta[0, 0]) < 0.05 && abs(theta[0, 1]) < 0.05)
    }

    /// A target G made itself is found again; with no steps it is not (the negative control).
    @Test func latentSearch_findsAnImageTheGeneratorMade() {
        let random = RandomSource(seed: 3)
        let generator = MultilayerPerceptron<Float>([Affine<Float>(3, 16), ReLU<Float>(16), Affine<Float>(16, 10), Sigmoid<Float>(10)])
        for layer in generator.affineLayers { layer.initialise(weightRange: 1, using: random) }
        let prior = NoisePrior(width: 3, uniformOn: -1, 1)
        let z = Matrix<Float>(rows: 4, columns: 3)
        prior.fill(z, using: random)
        let targets = generator.forward(z).copy()
        var search = LatentSearch()
        search.steps = 400
        let found = search.search(generator: generator, prior: prior, targets: targets, seed: 4)
        #expect(found.seenError.allSatisfy { $0 < 1e-4 }, "\(found.seenError)")
        search.steps = 0
        let unsearched = search.search(generator: generator, prior: prior, targets: targets, seed: 4)
        let before: Double = unsearched.seenError.reduce(0, +), after: Double = found.seenError.reduce(0, +)
        #expect(before > 10 * after + 1e-3)
        #expect(found.noise.elements.allSatisfy { (-1...1).contains($0) }, "z stays in p_z's box")
    }

    @Test func latentSearch_fitsOnlyTheSeenPixels() {
        let random = RandomSource(seed: 5)
        let generator = MultilayerPerceptron<Float>([Affine<Float>(2, 6)])
        for layer in generator.affineLayers { layer.initialise(weightRange: 1, using: random) }
        let prior = NoisePrior(width: 2, uniformOn: -1, 1)
        // Hidden pixels hold nonsense: the fit to the seen ones must not notice.
        let z = Matrix<Float>(rows: 1, columns: 2, elements: [0.3, -0.4])
        let targets = generator.forward(z).copy()
        for j in 3..<6 { targets[0, j] = 50 }
        var search = LatentSearch()
        search.steps = 600
        let found = search.search(generator: generator, prior: prior, targets: targets, mask: (0..<6).map { $0 < 3 }, seed: 6)
        #expect(found.seenError[0] < 1e-5)
    }

    /// E learns to invert a generator that is invertible (an affine map onto more pixels than z has).
    @Test func inferenceNetwork_invertsAnInvertibleGenerator() {
        let random = RandomSource(seed: 7)
        let generator = MultilayerPerceptron<Float>([Affine<Float>(2, 6)])
        generator.affineLayers[0].initialise(weightRange: 1, using: random)
        let prior = NoisePrior(width: 2, uniformOn: -1, 1)
        let e = InferenceNetwork(pixels: 6, hidden: 16, prior: prior, using: random)
        e.learningRate = 3e-3
        let losses = e.fit(to: generator, steps: 1500, using: random)
        #expect(losses.last! < 0.01 * losses.first!, "\(losses)")
        let z = Matrix<Float>(rows: 5, columns: 2)
        prior.fill(z, using: random)
        let inferred = e.infer(generator.forward(z).copy())
        #expect(zip(inferred.elements, z.elements).allSatisfy { abs($0 - $1) < 0.1 })
    }

    @Test func inpainting_masksRows_composes_andFindsTheNearestOnTheSeenPixels() {
        let fill = Inpainting(side: 3, seenRows: 1)
        #expect(fill.mask == [true, true, true, false, false, false, false, false, false])
        let truth = Matrix<Float>(rows: 1, columns: 9, elements: [1, 1, 1, 0, 0, 0, 0, 0, 0])
        let guess = Matrix<Float>(rows: 1, columns: 9, elements: [0, 0, 0, 1, 1, 1, 0, 0, 0])
        #expect(fill.hiddenError(guess, truth: truth) == [0.5] && fill.seenError(guess, truth: truth) == [1])
        #expect(fill.compose(seen: truth, fill: guess).elements == [1, 1, 1, 1, 1, 1, 0, 0, 0])
        let training = Matrix<Float>(rows: 2, columns: 9, elements: [0, 0, 0, 9, 9, 9, 9, 9, 9] + [1, 1, 1, 5, 5, 5, 5, 5, 5])
        #expect(fill.nearestOnSeenPixels(truth, training: training).row(0)[3] == 5, "chosen by the seen row alone")
    }

    @Test func choleskySolve_solvesASymmetricSystem_andRejectsAnIndefiniteOne() throws {
        let s = Matrix<Double>(rows: 2, columns: 2, elements: [4, 1, 1, 3])
        let b = Matrix<Double>(rows: 2, columns: 2, elements: [1, 2, 2, 1])
        let x = try CholeskySolve.solve(s, b)
        let product = s * x
        #expect(zip(product.elements, b.elements).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(throws: GSLError.self) { try CholeskySolve.solve(Matrix(rows: 2, columns: 2, elements: [1, 2, 2, 1]), b) }
    }

    /// The dual solution is the primal minimum: X_cᵀ(X_c W − Y_c) + λW = 0. A perturbed W is not (the negative control).
    @Test func linearProbe_solvesTheRidgeNormalEquations() throws {
        let random = RandomSource(seed: 8)
        let (n, f, classes, lambda) = (12, 20, 3, 0.7)
        let features = Matrix<Double>(rows: n, columns: f)
        random.fillGaussian(features)
        let labels = (0..<n).map { $0 % classes }
        // Standardise by the labelled rows themselves, so the probe's x̃ is known here.
        let probe = try LinearProbe(features: features, labels: labels, classes: classes, penalty: lambda, standardisation: .init(features))
        func stationarity(_ w: Matrix<Double>) -> Double {
            let x = Matrix<Double>(rows: n, columns: f)
            for i in 0..<n { for j in 0..<f { x[i, j] = (features[i, j] - probe.standardisation.means[j]) / probe.standardisation.scales[j] } }
            let xMean = (0..<f).map { j in (0..<n).reduce(0) { $0 + x[$1, j] } / Double(n) }
            var worst = 0.0
            for j in 0..<f {
                for k in 0..<classes {
                    var g = lambda * w[j, k]
                    for i in 0..<n {
                        let xc = x[i, j] - xMean[j]
                        var prediction = 0.0
                        for l in 0..<f { prediction += (x[i, l] - xMean[l]) * w[l, k] }
                        g += xc * (prediction - ((labels[i] == k ? 1 : 0) - 1 / Double(classes)))
                    }
                    worst = max(worst, abs(g))
                }
            }
            return worst
        }
        #expect(stationarity(probe.weights) < 1e-9)
        let perturbed = probe.weights.copy()
        perturbed[0, 0] += 1e-3
        #expect(stationarity(perturbed) > 1e-4)
    }

    @Test func linearProbe_separatesSeparableClasses() throws {
        let random = RandomSource(seed: 9)
        let n = 60
        let labels = (0..<n).map { $0 % 3 }
        let features = Matrix<Double>(rows: n, columns: 5)
        random.fillGaussian(features, standardDeviation: 0.1)
        for i in 0..<n { features[i, labels[i]] += 3 }
        let probe = try LinearProbe(features: features, labels: labels, classes: 3, penalty: 1, standardisation: .init(features))
        #expect(probe.accuracy(features, labels: labels) == 1)
        // Shuffled labels: nothing to learn, and the probe cannot learn it.
        let shuffled = RandomSource(seed: 10).permutation(n).map { labels[$0] }
        let fresh = Matrix<Double>(rows: n, columns: 5)
        random.fillGaussian(fresh)
        let chance = try LinearProbe(features: fresh, labels: shuffled, classes: 3, penalty: 10, standardisation: .init(fresh))
        let test = Matrix<Double>(rows: n, columns: 5)
        random.fillGaussian(test)
        #expect(chance.accuracy(test, labels: shuffled) < 0.6)
    }

    @Test func semiSupervised_choosesTenOfEachClass() {
        let labels = (0..<300).map { ($0 * 7) % 10 }
        let chosen = SemiSupervisedFeatures().labelledRows(of: labels, classes: 10, seed: 1)
        #expect(chosen.count == 100 && Set(chosen).count == 100)
        #expect((0..<10).allSatisfy { c in chosen.count { labels[$0] == c } == 10 })
        #expect(chosen != SemiSupervisedFeatures().labelledRows(of: labels, classes: 10, seed: 2))
    }
}
