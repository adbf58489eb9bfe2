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
}
