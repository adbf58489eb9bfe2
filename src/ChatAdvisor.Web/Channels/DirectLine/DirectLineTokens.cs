using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatAdvisor.Web.Channels.DirectLine;

/// <summary>
/// Issues and checks Direct Line tokens: short-lived HS256 JWTs bound to one conversation and one user. Web Chat
/// reads the <c>user</c> claim to fix the user id (see the Direct Line 3.0 API documentation). Each token carries the start of its
/// session, so refreshing cannot keep a conversation open past <see cref="DirectLineOptions.MaxSessionLifetime"/>,
/// and a refreshed token is retired: a token that leaked stops working at the holder's next refresh.
/// </summary>
public sealed class DirectLineTokens
{
    private const string Issuer = "ChatAdvisor.DirectLine";
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly SymmetricSecurityKey _key;
    private readonly DirectLineOptions _options;
    private readonly TimeProvider _time;
    // A refreshed token keeps working this long for requests the client sent before the new token reached it (the
    // npm Direct Line client polls every second and does not wait for a refresh); it can never be refreshed again.
    private static readonly TimeSpan RetirementGrace = TimeSpan.FromSeconds(20);

    // Retired token ids, with when they were retired, until their own expiry; after that the signature check refuses
    // them anyway. Held in memory, so with several instances a retired token stays usable on the others until it
    // expires (minutes).
    private readonly ConcurrentDictionary<string, Retirement> _retired = new(StringComparer.Ordinal);
    private int _retiredSincePrune;

    public DirectLineTokens(IOptions<DirectLineOptions> options, IHostEnvironment environment, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        _key = new SymmetricSecurityKey(LoadKey(_options, environment.ContentRootPath));
    }

    public int LifetimeSeconds => (int)_options.TokenLifetime.TotalSeconds;

    /// <summary>A token for the conversation; <paramref name="sessionStart"/> carries a refreshed session's start.</summary>
    public string Issue(string conversationId, string userId, DateTimeOffset? sessionStart = null)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var start = sessionStart?.UtcDateTime ?? now;
        var end = start + _options.MaxSessionLifetime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + _options.TokenLifetime < end ? now + _options.TokenLifetime : end,
            Claims = new Dictionary<string, object>
            {
                ["conv"] = conversationId,
                ["user"] = userId,
                ["jti"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(12)),
                ["sess"] = new DateTimeOffset(start).ToUnixTimeSeconds(),
            },
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>The conversation and user a valid token is bound to, or null for any invalid or expired token.</summary>
    public async Task<DirectLineCaller?> ValidateAsync(string token)
    {
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Issuer,
            IssuerSigningKey = _key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = TimeSpan.FromSeconds(30),
            LifetimeValidator = (notBefore, expires, _, _) =>
                expires is { } e && e > _time.GetUtcNow().UtcDateTime && (notBefore is null || notBefore <= _time.GetUtcNow().UtcDateTime.AddSeconds(30)),
        });
        if (!result.IsValid || !result.Claims.TryGetValue("conv", out var c) || c is not string conversation
            || !result.Claims.TryGetValue("user", out var u) || u is not string user
            || !result.Claims.TryGetValue("jti", out var j) || j is not string tokenId
            || !result.Claims.TryGetValue("sess", out var s) || !long.TryParse(s.ToString(), out var sessionSeconds))
        {
            return null;
        }
        var retired = _retired.TryGetValue(tokenId, out var retirement);
        if (retired && _time.GetUtcNow() >= retirement.At + RetirementGrace)
        {
            return null;
        }
        return new DirectLineCaller(conversation, user, IsSecret: false)
        {
            TokenId = tokenId,
            Retired = retired,
            SessionStart = DateTimeOffset.FromUnixTimeSeconds(sessionSeconds),
            Expires = new DateTimeOffset(result.SecurityToken.ValidTo, TimeSpan.Zero),
        };
    }

    /// <summary>True while the caller's session may still get a fresh token.</summary>
    public bool CanRefresh(DirectLineCaller caller) =>
        caller.SessionStart is { } start && _time.GetUtcNow() < start + _options.MaxSessionLifetime - TimeSpan.FromSeconds(30);

    /// <summary>Refuses the caller's token after a short grace, and any refresh of it at once (a refresh replaced it).</summary>
    public void Retire(DirectLineCaller caller)
    {
        if (caller.TokenId is null)
        {
            return;
        }
        var now = _time.GetUtcNow();
        _retired.TryAdd(caller.TokenId, new Retirement(now, caller.Expires ?? now + _options.TokenLifetime));
        if (Interlocked.Increment(ref _retiredSincePrune) % 256 == 0)
        {
            var cutoff = now - TimeSpan.FromMinutes(1);
            foreach (var (id, entry) in _retired)
            {
                if (entry.Expires < cutoff)
                {
                    _retired.TryRemove(id, out _);
                }
            }
        }
    }

    /// <summary>Constant-time comparison with the configured secret.</summary>
    public bool IsSecret(string candidate) =>
        _options.Secret is { Length: > 0 } secret
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), Encoding.UTF8.GetBytes(secret));

    private static byte[] LoadKey(DirectLineOptions options, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            var configured = Convert.FromBase64String(options.SigningKey);
            return configured.Length >= 32 ? configured : throw new InvalidOperationException("DirectLine:SigningKey must be at least 32 bytes of base64.");
        }
        var path = Path.GetFullPath(options.SigningKeyFile, contentRoot);
        if (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(32);
        File.WriteAllText(path, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return key;
    }

    private readonly record struct Retirement(DateTimeOffset At, DateTimeOffset Expires);
}

/// <summary>Who is calling: a token holder bound to one conversation, or the secret holder.</summary>
public sealed record DirectLineCaller(string? ConversationId, string? UserId, bool IsSecret)
{
    public string? TokenId { get; init; }

    public DateTimeOffset? SessionStart { get; init; }

    public DateTimeOffset? Expires { get; init; }

    /// <summary>True for a token a refresh has replaced, still inside its short grace.</summary>
    public bool Retired { get; init; }
}
