namespace ChatAdvisor.Cvs;

/// <summary>
/// The verdict on an uploaded CV file. <see cref="Type"/> is decided from the content, never from the name.
/// When <see cref="IsAccepted"/> is false, <see cref="Problem"/> is a short sentence for the candidate saying what is
/// wrong and what to send instead (see <see cref="CvProblems"/>); it never repeats the file's name or content.
/// <see cref="Finding"/> says which active-content rule refused the file, if one did.
/// </summary>
public sealed record CvInspection(bool IsAccepted, CvFileType Type, string? Problem)
{
    public ActiveContent Finding { get; init; }

    internal static CvInspection Accept(CvFileType type) => new(true, type, null);

    internal static CvInspection Reject(string problem, CvFileType type = CvFileType.Unknown) => new(false, type, problem);

    /// <summary>A refusal for active content, with the sentence that goes with the finding.</summary>
    internal static CvInspection Refuse(ActiveContent finding, CvFileType type) =>
        new(false, type, CvProblems.ForActiveContent(finding, type)) { Finding = finding };
}
