import GANCore

/// Namespace placeholder until the chapter lands.
public enum DiscriminatorStepModule {}
