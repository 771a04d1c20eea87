namespace ChatRag.Core.Evaluation;

/// <summary>Progress of an evaluation stage.</summary>
public readonly record struct EvaluationProgress(string Stage, int Done, int Total);
