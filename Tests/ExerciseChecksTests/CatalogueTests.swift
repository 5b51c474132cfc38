import ExerciseChecks
import StudyCLI
import Testing

/// What the catalogue promises: enough exercises in every chapter, of both
/// kinds, each extension with its source, each check with mistakes to prove it on.
@Suite struct CatalogueTests {
    static var exercises: [AnyExercise] { Catalogue.all }

    @Test func catalogue_hasAtLeast24ExercisesAndThreeInEveryChapter() {
        #expect(Self.exercises.count >= 24)
        for chapter in 1...7 {
            let own = Self.exercises.filter { $0.info.chapter == chapter }
            #expect(own.count >= 3, "chapter \(chapter) has \(own.count) exercises")
            #expect(own.contains { $0.info.kind == .derive }, "chapter \(chapter) has no exercise to derive")
            #expect(own.contains { $0.info.kind == .beyond }, "chapter \(chapter) has no exercise beyond the chapter")
        }
    }

    @Test func everyExerciseBeyondTheChapter_citesItsSourceWithAnArXivNumber() {
        for exercise in Self.exercises where exercise.info.kind == .beyond {
            #expect(exercise.info.citation?.contains("arXiv:") == true, "\(exercise.info.number) cites no arXiv paper")
            #expect(exercise.info.solution.path.hasPrefix("Sources/ExerciseChecks/Solutions/"), "\(exercise.info.number)'s solution is not shipped with the exercises")
        }
    }

    @Test func numbersAndFiles_areDistinct() {
        #expect(Set(Self.exercises.map(\.info.number)).count == Self.exercises.count)
        #expect(Set(Self.exercises.map(\.info.file)).count == Self.exercises.count)
        #expect(Set(Self.exercises.map(\.info.solution.function)).count == Self.exercises.count, "two stubs would declare one function")
    }

    @Test func everyCheck_hasAtLeastTwoPlantedMistakes() {
        for exercise in Self.exercises {
            #expect(exercise.planted.count >= 2, "\(exercise.info.number) has \(exercise.planted.count) planted mistakes")
            #expect(Set(exercise.planted.map(\.name)).count == exercise.planted.count, "\(exercise.info.number) repeats a mistake's name")
        }
    }

    /// The command line binds the reader's function of every exercise, in the catalogue's order.
    @Test func everyExercise_isBoundToTheReadersFunction() {
        #expect(ExerciseAnswers.numbers == Self.exercises.map(\.info.number))
    }

    @Test func selection_acceptsAnExerciseAChapterOrAll() {
        #expect(Catalogue.select("2.2")?.map(\.info.number) == ["2.2"])
        #expect(Catalogue.select("5")?.allSatisfy { $0.info.chapter == 5 } == true)
        #expect(Catalogue.select(nil)?.count == Self.exercises.count)
        #expect(Catalogue.select("9.9") == nil)
        #expect(Catalogue.select("8") == nil)
        #expect(Catalogue.select("two") == nil)
    }
}
