using System.ComponentModel.DataAnnotations;

namespace ChatAdvisor.Cvs;

/// <summary>Settings for receiving candidates' CV files. Section <c>Cvs</c>.</summary>
public sealed class CvOptions : IValidatableObject
{
    public const string SectionName = "Cvs";

    /// <summary>Largest CV file accepted, in bytes; 1 KB to 50 MB. Default 10 MB.</summary>
    [Range(typeof(long), "1024", "52428800")]
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Folder of stored CV files; relative paths start at the content root. Default <c>data/cvs</c>.</summary>
    [Required]
    public string StoragePath { get; set; } = "data/cvs";

    /// <summary>Malware scanning with clamd.</summary>
    [Required]
    public ClamAvOptions ClamAv { get; set; } = new();

    /// <summary>Azure Blob Storage instead of <see cref="StoragePath"/>, when configured.</summary>
    [Required]
    public CvBlobOptions Blob { get; set; } = new();

    /// <summary>Validates <see cref="ClamAv"/> and <see cref="Blob"/> too: data annotations alone do not look inside nested objects.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Nested(nameof(ClamAv), ClamAv).Concat(Nested(nameof(Blob), Blob));

    private static IEnumerable<ValidationResult> Nested(string name, object options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(result => new ValidationResult(
            result.ErrorMessage,
            result.MemberNames.Select(member => $"{name}.{member}").ToArray()));
    }
}
