using ChatAdvisor.Cvs;

namespace ChatAdvisor.Core.Tests.Cvs;

public sealed class SecretMaskTests
{
    [Fact]
    public void TheSecretCodeInTheConfirmationIsHiddenAndTheReferenceIsNot()
    {
        var masked = SecretMask.Apply("- **Reference:** CV-7K3M-9QXD\n- **Secret code:** ABCDE-FGHJK\n\nPlease note both down.");

        Assert.Contains("CV-7K3M-9QXD", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("ABCDE-FGHJK", masked, StringComparison.Ordinal);
        Assert.Contains("**Secret code:** " + SecretMask.Masked, masked, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("What does an MLOps engineer earn?")]
    [InlineData("ABCDE-FGHJK without the label stays as typed")]
    public void OtherTextIsUnchanged(string text) => Assert.Equal(text, SecretMask.Apply(text));

    [Fact]
    public void StorageMasksTheConfirmationInTextAndJson()
    {
        var text = "- **Secret code:** ABCDE-FGHJK\n\nPlease note both down.";
        var (stored, json) = SecretMask.ForStorage(text, """{"type":"message","text":"- **Secret code:** ABCDE-FGHJK\n\nPlease note both down."}""");

        Assert.Equal("- **Secret code:** " + SecretMask.Masked + "\n\nPlease note both down.", stored);
        Assert.DoesNotContain("ABCDE-FGHJK", json, StringComparison.Ordinal);
        Assert.Contains("Secret code:** " + SecretMask.Masked, json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ABCDE-FGHJK")]
    [InlineData("  abcde-fghjk ")]
    public void StorageMasksAMessageThatIsOnlyACode(string typed)
    {
        var (stored, json) = SecretMask.ForStorage(typed, $$"""{"type":"message","text":"{{typed}}"}""");

        Assert.Equal(SecretMask.Masked, stored);
        Assert.DoesNotContain(typed.Trim(), json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hello there")]
    [InlineData("My code is ABCDE-FGHJK, right?")]
    public void StorageKeepsOtherMessagesAsTheyWere(string typed)
    {
        var json = $$"""{"text":"{{typed}}"}""";

        Assert.Equal((typed, json), SecretMask.ForStorage(typed, json));
    }
}
