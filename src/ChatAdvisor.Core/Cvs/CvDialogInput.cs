namespace ChatAdvisor.Cvs;

/// <summary>One thing the visitor did during the dialog: typed or clicked text, or sent a file that was accepted or refused.</summary>
public sealed record CvDialogInput(DateTimeOffset Now, string? Text = null, CvFileRef? File = null, string? RejectedFileProblem = null, string? ActivityId = null);

/// <summary>What a dialog says back, its next state (null when it has ended) and what the host must do for it.</summary>
public sealed record CvDialogResult<TState>(TState? State, IReadOnlyList<CvDialogMessage> Messages, IReadOnlyList<CvDialogEffect> Effects)
    where TState : class;

/// <summary>A message with optional quick replies; <see cref="WantsFile"/> marks the request for the CV file.</summary>
public sealed record CvDialogMessage(string Text, IReadOnlyList<string> Choices, bool WantsFile = false);

public abstract record CvDialogEffect;

/// <summary>Answer this question from the guides before the dialog's own messages.</summary>
public sealed record AnswerQuestionEffect(string Question) : CvDialogEffect;

/// <summary>Delete a stored file that will not be submitted.</summary>
public sealed record DiscardFileEffect(string StorageKey) : CvDialogEffect;

/// <summary>Store the application; the host then confirms with its reference.</summary>
public sealed record SubmitEffect(CvDialogState Application) : CvDialogEffect;
