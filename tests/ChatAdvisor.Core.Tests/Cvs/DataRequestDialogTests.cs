using ChatAdvisor.Cvs;

namespace ChatAdvisor.Core.Tests.Cvs;

public sealed class DataRequestDialogTests
{
    [Fact]
    public void ExportAsksForReferenceThenSecretAndNeverKeepsTheSecret()
    {
        var start = DataRequestDialog.Start(DataRequestKind.Export);
        var reference = DataRequestDialog.Next(start.State!, "cv 7k3m 9qxd", "m1");
        var secret = DataRequestDialog.Next(reference.State!, "ABCDE-FGHJK", "m2");

        Assert.Equal("CV-7K3M-9QXD", reference.State!.Reference);
        Assert.Null(secret.State);
        var effect = Assert.IsType<DataRequestEffect>(Assert.Single(secret.Effects));
        Assert.Equal((DataRequestKind.Export, "CV-7K3M-9QXD", "ABCDE-FGHJK", "m2"), (effect.Kind, effect.Reference, effect.Secret, effect.SecretActivityId));
    }

    [Fact]
    public void EraseIsConfirmedBeforeTheSecretIsAsked()
    {
        var start = DataRequestDialog.Start(DataRequestKind.Erase);
        var reference = DataRequestDialog.Next(start.State!, "CV-7K3M-9QXD", null);
        Assert.Equal(DataRequestStep.Confirm, reference.State!.Step);

        var unsure = DataRequestDialog.Next(reference.State, "hmm", null);
        Assert.Equal(DataRequestStep.Confirm, unsure.State!.Step);

        var confirmed = DataRequestDialog.Next(reference.State, "Yes, delete everything", null);
        var done = DataRequestDialog.Next(confirmed.State!, "abcde fghjk", "m3");
        Assert.Equal(DataRequestKind.Erase, Assert.IsType<DataRequestEffect>(Assert.Single(done.Effects)).Kind);
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("CV-123")]
    public void NonsenseReferencesAreRefusedWithTheExpectedShape(string input)
    {
        var result = DataRequestDialog.Next(DataRequestDialog.Start(DataRequestKind.Export).State!, input, null);

        Assert.Equal(DataRequestStep.Reference, result.State!.Step);
        Assert.Contains("CV-XXXX-XXXX", result.Messages[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void CancelStopsWithoutEffects()
    {
        var result = DataRequestDialog.Next(DataRequestDialog.Start(DataRequestKind.Erase).State!, "cancel", null);

        Assert.Null(result.State);
        Assert.Empty(result.Effects);
    }
}
