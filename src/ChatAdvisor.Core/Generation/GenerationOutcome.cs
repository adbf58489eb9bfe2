namespace ChatAdvisor.Generation;

/// <summary>Why a generation attempt produced, or did not produce, an answer; logged, never shown.</summary>
internal enum GenerationOutcome
{
    Answered,
    Disabled,
    NoPassages,
    NoAnswer,
    EmptyReply,
    NoCitation,
    CitationOutOfRange,
    UnsupportedFigure,
    TimedOut,
    Failed,
}
