using System.Net;
using QRCoder;

namespace ChatAdvisor.Web.Portal;

/// <summary>
/// The enrolment page's QR code of the <c>otpauth://</c> URI, as inline SVG: it needs no image request, so the
/// portal's Content-Security-Policy (<c>img-src</c>) has nothing to allow, and it scales crisply with CSS.
/// </summary>
public static class AuthenticatorQrCode
{
    public const string Label = "QR code of your authenticator key: scan it with your authenticator app";

    /// <summary>An <c>&lt;svg role="img"&gt;</c> element with <see cref="Label"/> as its accessible name.</summary>
    public static string Svg(string otpauthUri)
    {
        ArgumentException.ThrowIfNullOrEmpty(otpauthUri);
        using var generator = new QRCodeGenerator();
        // Level M survives a smudged or glare-struck screen while keeping the code small enough to scan from a laptop.
        using var data = generator.CreateQrCode(otpauthUri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException("The QR code generator returned no SVG element.");
        }
        return string.Concat("<svg id=\"authenticator-qr\" class=\"qr\" role=\"img\" aria-label=\"", WebUtility.HtmlEncode(Label), "\"",
            svg.AsSpan(start + "<svg".Length));
    }
}
