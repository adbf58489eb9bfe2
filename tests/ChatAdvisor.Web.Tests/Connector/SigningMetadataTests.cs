using System.Text.Json;
using System.Text.Json.Nodes;
using ChatAdvisor.Web.Channels.BotFramework.Connector;
using Microsoft.IdentityModel.Tokens;

namespace ChatAdvisor.Web.Tests.Connector;

/// <summary>Reading the non-standard <c>endorsements</c> JWK member (see the Bot Framework authentication documentation).</summary>
public sealed class SigningMetadataTests : IDisposable
{
    private readonly TestSigningKey _endorsed = new("endorsed", "msteams", "webchat");
    private readonly TestSigningKey _bare = new("bare", endorsements: null);

    public void Dispose()
    {
        _endorsed.Dispose();
        _bare.Dispose();
    }

    [Fact]
    public void EndorsementsAreReadPerKeyId()
    {
        var endorsements = SigningMetadata.ReadEndorsements(KeySetJson());

        Assert.Equal(["msteams", "webchat"], endorsements["endorsed"].Order());
        Assert.False(endorsements.ContainsKey("bare"));
    }

    /// <summary>
    /// Documents the alternative we did not choose: IdentityModel 8.16 keeps the member in AdditionalData as a
    /// JsonElement. If this starts failing after an upgrade, nothing breaks (we parse the key set ourselves).
    /// </summary>
    [Fact]
    public void JsonWebKeyAdditionalDataHoldsEndorsementsAsAJsonElement()
    {
        var keys = new JsonWebKeySet(KeySetJson()).Keys.ToDictionary(k => k.Kid);

        var endorsements = Assert.IsType<JsonElement>(keys["endorsed"].AdditionalData["endorsements"]);
        Assert.Equal(["msteams", "webchat"], endorsements.EnumerateArray().Select(e => e.GetString()));
        Assert.False(keys["bare"].AdditionalData.ContainsKey("endorsements"));
    }

    private string KeySetJson() => new JsonObject { ["keys"] = new JsonArray(_endorsed.ToJwk(), _bare.ToJwk()) }.ToJsonString();
}
