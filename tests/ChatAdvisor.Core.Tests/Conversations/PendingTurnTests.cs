using ChatAdvisor.Conversations;
using ChatAdvisor.Core.Tests.Infrastructure;
using ChatAdvisor.Core.Tests.Review;

namespace ChatAdvisor.Core.Tests.Conversations;

/// <summary>What a turn on another instance waits for: an earlier, recent inbound turn of its conversation still pending.</summary>
public abstract class PendingTurnTests(bool postgres) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);
    private ReviewDatabase _db = null!;
    private TranscriptStore _transcript = null!;

    public async Task InitializeAsync()
    {
        if (postgres && TestPostgres.SkipReason is not null)
        {
            return;
        }
        _db = await ReviewDatabase.CreateAsync(postgres);
        _transcript = new TranscriptStore(_db.Factory, TimeProvider.System);
        await new ConversationStore(_db.Factory, TimeProvider.System).EnsureAsync("c1", "webchat", "u1", CancellationToken.None);
        await InboundAsync("first", Now);
        await InboundAsync("second", Now.AddSeconds(1));
    }

    public async Task DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }

    [ProviderFact]
    public async Task ALaterTurnWaitsForAnEarlierRecentOneUntilItIsDone()
    {
        Assert.True(await _transcript.HasEarlierPendingTurnAsync("c1", "second", Now.AddSeconds(-20), CancellationToken.None));
        Assert.False(await _transcript.HasEarlierPendingTurnAsync("c1", "first", Now.AddSeconds(-20), CancellationToken.None));

        await _transcript.CompleteTurnAsync("c1", "first", TurnStatus.Done, CancellationToken.None);

        Assert.False(await _transcript.HasEarlierPendingTurnAsync("c1", "second", Now.AddSeconds(-20), CancellationToken.None));
    }

    [ProviderFact]
    public async Task SavingTheStateWithItsTurnMarksTheTurnDoneEvenWhenTheStateLostARace()
    {
        var conversations = new ConversationStore(_db.Factory, TimeProvider.System);
        var (state, version) = await conversations.LoadStateAsync("c1", CancellationToken.None);
        Assert.True(await conversations.SaveStateAsync("c1", state with { LastTurnId = "first" }, version, "first", CancellationToken.None));
        Assert.False(await _transcript.HasEarlierPendingTurnAsync("c1", "second", Now.AddSeconds(-20), CancellationToken.None));

        // The version moved on: the state is not saved, and the turn is still finished.
        await InboundAsync("third", Now.AddSeconds(2));
        Assert.False(await conversations.SaveStateAsync("c1", state with { LastTurnId = "second" }, version, "second", CancellationToken.None));
        Assert.False(await _transcript.HasEarlierPendingTurnAsync("c1", "third", Now.AddSeconds(-20), CancellationToken.None));
        Assert.Equal("first", (await conversations.LoadStateAsync("c1", CancellationToken.None)).State.LastTurnId);
    }

    [ProviderFact]
    public async Task AnEarlierTurnPendingForLongerIsNotWaitedFor()
    {
        Assert.False(await _transcript.HasEarlierPendingTurnAsync("c1", "second", Now.AddSeconds(1), CancellationToken.None));
    }

    private Task<TranscriptActivity?> InboundAsync(string id, DateTimeOffset at) => _transcript.AppendAsync("c1", sequence => new TranscriptActivity
    {
        ConversationId = "c1",
        Sequence = sequence,
        ActivityId = id,
        Type = "message",
        FromRole = "user",
        Text = id,
        Timestamp = at,
        Json = "{}",
        TurnStatus = TurnStatus.Pending,
    }, CancellationToken.None);
}

public sealed class PendingTurnOnSqliteTests() : PendingTurnTests(postgres: false);

public sealed class PendingTurnOnPostgresTests() : PendingTurnTests(postgres: true), IPostgresTests;
