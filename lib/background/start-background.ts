// Background stage: owns the corpus and search, answers typed messages. (placeholder wiring)
export function startBackground(): void {}
