namespace ChatAdvisor.Cvs;

/// <summary>The first active content found in the parts, and whether an XML part could not be read.</summary>
internal sealed class PackageFindings
{
    private ActiveContent _finding;
    private bool _unreadable;

    /// <summary>Records a part's finding; null means the part is not well-formed XML.</summary>
    public void Add(ActiveContent? finding)
    {
        _unreadable |= finding is null;
        _finding = _finding == ActiveContent.None ? finding ?? ActiveContent.None : _finding;
    }

    public CvInspection Verdict(CvFileType type) =>
        _unreadable ? CvInspection.Reject(CvProblems.Damaged, type)
        : _finding != ActiveContent.None ? CvInspection.Refuse(_finding, type)
        : CvInspection.Accept(type);
}
