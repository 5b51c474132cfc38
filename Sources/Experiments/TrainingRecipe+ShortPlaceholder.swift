extension TrainingRecipe {
    public static let short: TrainingRecipe = { var r = TrainingRecipe.small; r.name = "short"; return r }()
    public static let shortTrainingRows = 3000
    public static let shortIterations = 1000
}
