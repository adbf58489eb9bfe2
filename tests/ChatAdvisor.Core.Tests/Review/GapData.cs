using ChatAdvisor.Core.Tests.Infrastructure;
using ChatAdvisor.Conversations;

namespace ChatAdvisor.Core.Tests.Review;

/// <summary>
/// Questions in March 2026 (one in January): three wordings of "what does an MLOps engineer earn", two of
/// "do you sponsor visas", a well answered one, CV dialog input, a redacted question and an old pension question.
/// </summary>
public abstract class GapData(bool postgres) : IAsyncLifetime
{
    public ReviewDatabase Db { get; private set; } = null!;

    public static DateTimeOffset March(int day) => new(2026, 3, day, 12, 0, 0, TimeSpan.Zero);

    public async Task InitializeAsync()
    {
        if (postgres && TestPostgres.SkipReason is not null)
        {
            return; // Every test of the PostgreSQL class is skipped.
        }
        Db = await ReviewDatabase.CreateAsync(postgres);
        var seed = new Seed();
        seed.Conversation("g1", "directline", March(10))
            .User("How much does an MLOps engineer earn?")
            .Answer("I don't know what MLOps engineers earn.", "declined", 0.1);
        seed.Conversation("g2", "msteams", March(11))
            .User("how much does an mlops engineer earn")
            .Answer("Sorry, I can't answer that.", "declined", 0.15);
        seed.Conversation("g3", "directline", March(12))
            .User("What does an MLOps engineer earn?")
            .Answer("It depends on the company.", "extractive", 0.4, "mlops-engineer#salary")
            .Answer("Salaries vary by country.", "generative", 0.3, "mlops-engineer#salary");
        seed.Conversation("g4", "directline", March(13))
            .User("What is the salary of an MLOps engineer?")
            .Answer("MLOps engineers earn well.", "generative", 0.9, "mlops-engineer#salary").Rated(false, "No numbers for Germany");
        seed.Conversation("g5", "directline", March(14))
            .User("Do you sponsor visas for relocation?")
            .Answer("I can't tell you about visas.", "declined", 0.2).Rated(false, "Need visa info");
        seed.Conversation("g6", "directline", March(15))
            .User("What skills does an MLOps engineer need?")
            .Answer("Kubernetes, CI/CD and monitoring.", "extractive", 0.95, "mlops-engineer#skills").Rated(true);
        seed.Conversation("g7", "directline", March(16))
            .User("Ada Lovelace")
            .Bot("Thanks, Ada. What is your email address?")
            .User("ada@example.com")
            .Bot("Which roles are you interested in?")
            .User("Do you sponsor visas?")
            .Answer("I don't know about visa sponsorship.", "declined", 0.1);
        seed.Conversation("g8", "directline", March(17))
            .User(TranscriptStore.RemovedNote)
            .Answer("I can't answer that.", "declined", 0.1);
        seed.Conversation("g9", "directline", new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero))
            .User("Is there a pension plan?")
            .Answer("I don't know.", "declined", 0.1);
        // April: the same words asked in a German and in an English conversation.
        seed.Conversation("g10", "directline", new DateTimeOffset(2026, 4, 2, 9, 0, 0, TimeSpan.Zero)).InLanguage("de")
            .User("MLOps Engineer Gehalt Zürich?")
            .Answer("Das wird in den Berufsbildern nicht behandelt.", "declined", 0.1);
        seed.Conversation("g11", "directline", new DateTimeOffset(2026, 4, 3, 9, 0, 0, TimeSpan.Zero)).InLanguage("en")
            .User("MLOps Engineer Gehalt Zürich?")
            .Answer("The guides don't cover that.", "declined", 0.1);
        await Db.SeedAsync(seed);
    }

    public async Task DisposeAsync()
    {
        if (Db is not null)
        {
            await Db.DisposeAsync();
        }
    }

    public sealed class Sqlite() : GapData(postgres: false);

    public sealed class Postgres() : GapData(postgres: true);
}
