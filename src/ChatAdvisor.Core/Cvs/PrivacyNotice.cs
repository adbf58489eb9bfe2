namespace ChatAdvisor.Cvs;

/// <summary>The privacy notice shown before any CV is collected: a versioned text owned by the agency.</summary>
/// <param name="Version">Recorded with every consent.</param>
/// <param name="Summary">The short in-chat notice (Markdown).</param>
/// <param name="Url">Where the full notice is published.</param>
/// <param name="Language">The language of this version of the notice, recorded with the consent too.</param>
public sealed record PrivacyNotice(string Version, string Summary, string Url, string Language = "en");
