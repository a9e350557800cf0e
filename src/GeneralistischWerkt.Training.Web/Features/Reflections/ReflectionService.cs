using System.Text.Json;
using GeneralistischWerkt.Training.Core.Reflection;
using GeneralistischWerkt.Training.Web.Data;
using GeneralistischWerkt.Training.Web.Features.Access;
using GeneralistischWerkt.Training.Web.Features.Editing;
using GeneralistischWerkt.Training.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace GeneralistischWerkt.Training.Web.Features.Reflections;

public sealed record ReflectionView(Reflection Reflection, IReadOnlyDictionary<string, string> Sections, bool IsAuthor,
    string AuthorName, string? SharedWithName);

public sealed record ReadEntry(string ReaderName, DateTimeOffset ReadAt);

public sealed record CommentView(long Id, string AuthorName, bool ByMe, string Text, DateTimeOffset CreatedAt, int? StepIndex);

public sealed record ReflectionListItem(long Id, string Title, string TemplateName, ReflectionStatus Status, DateTimeOffset UpdatedAt,
    bool Shared, ReviewState ReviewState, string AuthorName, DateTimeOffset? SharedAt);

/// <summary>
/// Reflections and comments. Every read goes through <see cref="AccessRules.ReadableReflections"/>; every change
/// checks that the caller is the author (or, for review actions, the werkbegeleider it is shared with).
/// </summary>
public class ReflectionService(IDbContextFactory<ApplicationDbContext> dbFactory, AccessRules access, TimeProvider clock,
    ReflectionAccessNotifier notifier, UserNotifications notifications)
{
    /// <summary>
    /// Why a comment or review on a reflection was refused. One text whether it was withdrawn, deleted or never shared,
    /// so an id reveals nothing; the typed text stays on the page.
    /// </summary>
    public const string NoLongerShared = "Deze reflectie is verwijderd of niet (meer) met je gedeeld";
    public const int MaxSectionLength = TextLimits.ReflectionSection;
    public const int MaxCommentLength = TextLimits.Comment;
    private static readonly string[] ContextKinds = ["vrij", "les", "poging"];

    public static readonly IReadOnlyList<(string Key, string Name)> Dimensions =
    [
        ("taakondersteuning", "Taakondersteuning"),
        ("procesondersteuning", "Procesondersteuning / monitoring"),
        ("persoonlijke-ondersteuning", "Persoonlijke ondersteuning"),
        ("methodiektrouw", "Ondersteuning methodiektrouw"),
    ];

    public async Task<long> CreateDraftAsync(string authorId, string templateId, string contextKind = "vrij", string? contextId = null,
        string title = "", IReadOnlyDictionary<string, string>? sections = null)
    {
        var template = ReflectionTemplates.Find(templateId);
        // The context can come from the address (?les=…): an unknown kind or an oversized id makes a free reflection.
        if (!ContextKinds.Contains(contextKind) || contextId is { Length: > 100 }) (contextKind, contextId) = ("vrij", null);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync();
        var reflection = new Reflection
        {
            AuthorId = authorId, TemplateId = template.Id, Title = Clip(title, 300), ContextKind = contextKind, ContextId = contextId,
            SectionsJson = JsonSerializer.Serialize(Clean(sections ?? new Dictionary<string, string>())),
            Status = ReflectionStatus.Draft, CreatedAt = now, UpdatedAt = now,
        };
        db.Reflections.Add(reflection);
        await db.SaveChangesAsync();
        return reflection.Id;
    }

    /// <summary>Key of the title among a reflection's fields (the other keys are the template's section keys).</summary>
    public const string TitleField = "_titel";

    /// <summary>
    /// Saves the author's text (draft or finished), only when it is based on the stored <paramref name="expectedVersion"/>:
    /// otherwise nothing is written and the stored text comes back as a conflict, so an older window never wipes newer text.
    /// </summary>
    public async Task<SaveResult> SaveAsync(string authorId, long id, int expectedVersion, IReadOnlyDictionary<string, string> fields)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var reflection = await db.Reflections.SingleOrDefaultAsync(r => r.Id == id && r.AuthorId == authorId);
        if (reflection is null) return SaveResult.Refused(Gone);
        return await db.WriteVersionAsync(reflection, expectedVersion, r =>
        {
            r.Title = TextLimits.Clip(fields.GetValueOrDefault(TitleField), TextLimits.ReflectionTitle);
            r.SectionsJson = JsonSerializer.Serialize(Clean(fields.Where(kv => kv.Key != TitleField)
                .ToDictionary(kv => kv.Key, kv => kv.Value)));
            r.UpdatedAt = clock.GetUtcNow();
        }, Fields, Gone);
    }

    private const string Gone = "deze reflectie bestaat niet meer (misschien verwijderd in een ander venster). Kopieer je tekst als je hem wil houden.";

    /// <summary>The title and the sections of a reflection as one set of fields (see <see cref="TitleField"/>).</summary>
    public static IReadOnlyDictionary<string, string> Fields(Reflection reflection) =>
        new Dictionary<string, string>(Sections(reflection)) { [TitleField] = reflection.Title };

    public async Task<string?> FinishAsync(string authorId, long id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var reflection = await db.Reflections.SingleOrDefaultAsync(r => r.Id == id && r.AuthorId == authorId);
        if (reflection is null) return "Deze reflectie bestaat niet.";
        if (string.IsNullOrWhiteSpace(reflection.Title)) return "Geef je reflectie een titel voor je ze afrondt.";
        reflection.Status = ReflectionStatus.Final;
        reflection.UpdatedAt = clock.GetUtcNow();
        await db.SaveBesideTextAsync();
        return null;
    }

    /// <summary>The author shares a finished reflection with their current werkbegeleider. Returns a Dutch error or null.</summary>
    public async Task<string?> ShareAsync(string authorId, long id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var reflection = await db.Reflections.SingleOrDefaultAsync(r => r.Id == id && r.AuthorId == authorId);
        if (reflection is null) return "Deze reflectie bestaat niet.";
        if (reflection.Status != ReflectionStatus.Final) return "Rond je reflectie eerst af: een concept deel je niet.";
        var supervisorId = await db.SupervisorAssignments
            .Where(a => a.CoachId == authorId && a.EndedAt == null).Select(a => a.SupervisorId).SingleOrDefaultAsync();
        if (supervisorId is null) return "Je hebt nog geen werkbegeleider om mee te delen.";
        reflection.SharedWithId = supervisorId;
        reflection.SharedAt = clock.GetUtcNow();
        reflection.ReviewState = ReviewState.Unread;
        await db.SaveBesideTextAsync();
        await notifications.ReflectionSharedAsync(id);
        return null;
    }

    public async Task<bool> WithdrawAsync(string authorId, long id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var reflection = await db.Reflections.SingleOrDefaultAsync(r => r.Id == id && r.AuthorId == authorId);
        if (reflection is null) return false;
        reflection.SharedWithId = null;
        reflection.SharedAt = null;
        await db.SaveBesideTextAsync();
        await notifier.AccessChangedAsync([id]);
        return true;
    }

    /// <summary>Deletes the reflection for everyone, with its comments and read log.</summary>
    public async Task<bool> DeleteAsync(string authorId, long id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var reflection = await db.Reflections.SingleOrDefaultAsync(r => r.Id == id && r.AuthorId == authorId);
        if (reflection is null) return false;
        db.Comments.RemoveRange(db.Comments.Where(c => c.ReflectionId == id));
        db.ReflectionReads.RemoveRange(db.ReflectionReads.Where(r => r.ReflectionId == id));
        db.Reflections.Remove(reflection);
        await db.SaveBesideTextAsync();
        await notifier.AccessChangedAsync([id]);
        return true;
    }

    /// <summary>Opens a reflection for the viewer, or null when they may not read it. Reads by others are logged.</summary>
    public async Task<ReflectionView?> OpenAsync(string viewerId, long id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var reflection = await AccessRules.ReadableReflections(db, viewerId).AsNoTracking().SingleOrDefaultAsync(r => r.Id == id);
        if (reflection is null) return null;
        var isAuthor = reflection.AuthorId == viewerId;
        if (!isAuthor)
        {
            db.ReflectionReads.Add(new ReflectionRead { ReflectionId = id, ReaderId = viewerId, ReadAt = clock.GetUtcNow() });
            var tracked = await db.Reflections.SingleAsync(r => r.Id == id);
            if (tracked.ReviewState == ReviewState.Unread) tracked.ReviewState = ReviewState.Read;
            await db.SaveBesideTextAsync();
            reflection.ReviewState = tracked.ReviewState;
        }
        var names = await NamesAsync(db, [reflection.AuthorId, reflection.SharedWithId]);
        return new ReflectionView(reflection, Sections(reflection), isAuthor, names.GetValueOrDefault(reflection.AuthorId, ""),
            reflection.SharedWithId is null ? null : names.GetValueOrDefault(reflection.SharedWithId));
    }

    public async Task<IReadOnlyList<ReflectionListItem>> MineAsync(string authorId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var list = await db.Reflections.AsNoTracking().Where(r => r.AuthorId == authorId).OrderByDescending(r => r.UpdatedAt).ToListAsync();
        return list.Select(r => Item(r, "")).ToList();
    }

    /// <summary>The werkbegeleider's inbox: what their current coaches shared with them, newest first.</summary>
    public async Task<IReadOnlyList<ReflectionListItem>> InboxAsync(string supervisorId, string? coachId = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var query = AccessRules.ReadableReflections(db, supervisorId).AsNoTracking().Where(r => r.AuthorId != supervisorId);
        if (coachId is not null) query = query.Where(r => r.AuthorId == coachId);
        var list = await query.ToListAsync();
        var names = await NamesAsync(db, list.Select(r => (string?)r.AuthorId));
        return list.OrderByDescending(r => r.SharedAt).Select(r => Item(r, names.GetValueOrDefault(r.AuthorId, ""))).ToList();
    }

    /// <summary>Who read the author's reflection and when; only for the author.</summary>
    public async Task<IReadOnlyList<ReadEntry>> ReadsAsync(string authorId, long id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (!await db.Reflections.AnyAsync(r => r.Id == id && r.AuthorId == authorId)) return [];
        var reads = await db.ReflectionReads.AsNoTracking().Where(r => r.ReflectionId == id).OrderByDescending(r => r.Id).ToListAsync();
        var names = await NamesAsync(db, reads.Select(r => (string?)r.ReaderId));
        return reads.Select(r => new ReadEntry(names.GetValueOrDefault(r.ReaderId, "?"), r.ReadAt)).ToList();
    }

    public async Task<IReadOnlyList<CommentView>> CommentsAsync(string viewerId, long reflectionId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (!await AccessRules.ReadableReflections(db, viewerId).AnyAsync(r => r.Id == reflectionId)) return [];
        var comments = await db.Comments.AsNoTracking().Where(c => c.ReflectionId == reflectionId).OrderBy(c => c.Id).ToListAsync();
        return await ViewsAsync(db, comments, viewerId);
    }

    public async Task<string?> AddCommentAsync(string viewerId, long reflectionId, string text)
    {
        text = (text ?? "").Trim();
        if (text.Length == 0) return "Schrijf eerst een reactie.";
        if (text.Length > MaxCommentLength) return $"Een reactie mag hoogstens {MaxCommentLength} tekens lang zijn.";
        await using var db = await dbFactory.CreateDbContextAsync();
        if (!await AccessRules.ReadableReflections(db, viewerId).AnyAsync(r => r.Id == reflectionId))
            return $"{NoLongerShared}: je reactie is niet geplaatst.";
        db.Comments.Add(new Comment { ReflectionId = reflectionId, AuthorId = viewerId, Text = text, CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync();
        await notifications.ReflectionCommentedAsync(viewerId, reflectionId);
        return null;
    }

    /// <summary>
    /// Review actions belong to the werkbegeleider the reflection is shared with (and who still supervises the author).
    /// Returns a Dutch reason when refused, or null.
    /// </summary>
    public async Task<string?> ReviewAsync(string supervisorId, long id, IReadOnlyCollection<string>? dimensions, ReviewState? state)
    {
        if (state is { } given && !Enum.IsDefined(given)) return "Kies gelezen of besproken.";
        await using var db = await dbFactory.CreateDbContextAsync();
        var reflection = await AccessRules.ReadableReflections(db, supervisorId)
            .SingleOrDefaultAsync(r => r.Id == id && r.SharedWithId == supervisorId && r.AuthorId != supervisorId);
        if (reflection is null) return $"{NoLongerShared}: de bespreking is niet bewaard.";
        if (dimensions is not null)
            reflection.Dimensions = string.Join(",", Dimensions.Select(d => d.Key).Where(dimensions.Contains));
        if (state is not null) reflection.ReviewState = state.Value;
        await db.SaveBesideTextAsync();
        return null;
    }

    // ---- comments on a choice in a scenario attempt (attempt owner and their current werkbegeleider) ----

    public async Task<IReadOnlyList<CommentView>> AttemptCommentsAsync(string viewerId, long attemptId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var owner = await db.ScenarioAttempts.Where(a => a.Id == attemptId).Select(a => a.UserId).SingleOrDefaultAsync();
        if (owner is null || !await access.CanSeeAttemptsOfAsync(viewerId, owner)) return [];
        var comments = await db.Comments.AsNoTracking().Where(c => c.AttemptId == attemptId).OrderBy(c => c.Id).ToListAsync();
        return await ViewsAsync(db, comments, viewerId);
    }

    public async Task<string?> AddAttemptCommentAsync(string viewerId, long attemptId, int stepIndex, string text)
    {
        text = (text ?? "").Trim();
        if (text.Length == 0) return "Schrijf eerst een reactie.";
        if (text.Length > MaxCommentLength) return $"Een reactie mag hoogstens {MaxCommentLength} tekens lang zijn.";
        await using var db = await dbFactory.CreateDbContextAsync();
        var attempt = await db.ScenarioAttempts.AsNoTracking().Include(a => a.Steps).SingleOrDefaultAsync(a => a.Id == attemptId);
        if (attempt is null || !await access.CanSeeAttemptsOfAsync(viewerId, attempt.UserId)) return "Je hebt geen toegang tot deze poging.";
        if (attempt.Steps.All(s => s.Index != stepIndex)) return "Deze keuze bestaat niet in de poging.";
        db.Comments.Add(new Comment { AttemptId = attemptId, StepIndex = stepIndex, AuthorId = viewerId, Text = text, CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync();
        await notifications.AttemptCommentedAsync(viewerId, attemptId);
        return null;
    }

    public static IReadOnlyDictionary<string, string> Sections(Reflection reflection)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(reflection.SectionsJson) ?? [];
        }
        catch (JsonException)
        {
            return new Dictionary<string, string>();
        }
    }

    private static ReflectionListItem Item(Reflection r, string authorName) =>
        new(r.Id, string.IsNullOrWhiteSpace(r.Title) ? "(zonder titel)" : r.Title, ReflectionTemplates.Find(r.TemplateId).Name,
            r.Status, r.UpdatedAt, r.SharedWithId is not null, r.ReviewState, authorName, r.SharedAt);

    private static async Task<IReadOnlyList<CommentView>> ViewsAsync(ApplicationDbContext db, List<Comment> comments, string viewerId)
    {
        var names = await NamesAsync(db, comments.Select(c => (string?)c.AuthorId));
        return comments.Select(c => new CommentView(c.Id, names.GetValueOrDefault(c.AuthorId, "?"), c.AuthorId == viewerId, c.Text, c.CreatedAt, c.StepIndex)).ToList();
    }

    private static async Task<Dictionary<string, string>> NamesAsync(ApplicationDbContext db, IEnumerable<string?> ids)
    {
        var set = ids.OfType<string>().Distinct().ToList();
        return await db.Users.Where(u => set.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
    }

    private static Dictionary<string, string> Clean(IReadOnlyDictionary<string, string> sections) =>
        sections.Take(20).ToDictionary(kv => Clip(kv.Key, 40), kv => TextLimits.Clip(kv.Value, MaxSectionLength));

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
}
