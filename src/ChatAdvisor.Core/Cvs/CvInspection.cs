namespace ChatAdvisor.Cvs;

/// <summary>
/// The verdict on an uploaded CV file. <see cref="Type"/> is decided from the content, never from the name.
/// When <see cref="IsAccepted"/> is false, <see cref="Problem"/> is a short sentence for the candidate saying what is
/// wrong and what to send instead (see <see cref="CvProblems"/>); it never repeats the file's name or content.
/// </summary>
public sealed record CvInspection(bool IsAccepted, CvFileType Type, string? Problem)
{
    internal static CvInspection Accept(CvFileType type) => new(true, type, null);

    internal static CvInspection Reject(string problem, CvFileType type = CvFileType.Unknown) => new(false, type, problem);
}
