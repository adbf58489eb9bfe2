using System.Text;
using ChatAdvisor.Conversations;
using ChatAdvisor.Cvs;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore;

namespace ChatAdvisor.Data;

/// <summary>The application's database. The schema itself comes from the versioned scripts in <c>Data/Schema</c>.</summary>
public sealed class ChatAdvisorDb(DbContextOptions<ChatAdvisorDb> options) : DbContext(options)
{
    public DbSet<Conversation> Conversations => Set<Conversation>();

    public DbSet<TranscriptActivity> TranscriptActivities => Set<TranscriptActivity>();

    public DbSet<CvSubmission> CvSubmissions => Set<CvSubmission>();

    public DbSet<DataRequest> DataRequests => Set<DataRequest>();

    public DbSet<UploadLink> UploadLinks => Set<UploadLink>();

    public DbSet<AnswerFeedback> AnswerFeedback => Set<AnswerFeedback>();

    public DbSet<ConversationTag> ConversationTags => Set<ConversationTag>();

    public DbSet<ConversationNote> ConversationNotes => Set<ConversationNote>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Conversation>(e =>
        {
            e.ToTable("conversations");
            e.HasKey(c => c.Id);
            e.Property(c => c.StateVersion).IsConcurrencyToken();
        });
        modelBuilder.Entity<TranscriptActivity>().ToTable("transcript_activities").HasKey(a => new { a.ConversationId, a.Sequence });
        modelBuilder.Entity<CvSubmission>().ToTable("cv_submissions").HasKey(c => c.Id);
        modelBuilder.Entity<AnswerFeedback>().ToTable("answer_feedback").HasKey(f => f.Id);
        modelBuilder.Entity<UploadLink>().ToTable("upload_links").HasKey(l => l.TokenHash);
        modelBuilder.Entity<DataRequest>().ToTable("data_requests").HasKey(d => d.Id);
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            SnakeCaseColumns(entity);
        }
    }

    /// <summary>Columns are the snake_case of the property names, as the schema scripts spell them.</summary>
    private static void SnakeCaseColumns(IMutableEntityType entity)
    {
        foreach (var property in entity.GetProperties())
        {
            var name = new StringBuilder();
            foreach (var c in property.Name)
            {
                if (char.IsUpper(c) && name.Length > 0)
                {
                    name.Append('_');
                }
                name.Append(char.ToLowerInvariant(c));
            }
            property.SetColumnName(name.ToString());
        }
    }
}
