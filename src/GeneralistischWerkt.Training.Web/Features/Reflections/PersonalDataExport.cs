using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using GeneralistischWerkt.Training.Core.Reflection;
using GeneralistischWerkt.Training.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace GeneralistischWerkt.Training.Web.Features.Reflections;

/// <summary>
/// Everything a coach owns in the app as one zip: reflections as Markdown (with their comments and read log) and all
/// of it as JSON — comments, agreements, sessions, scenario attempts and learning progress. Only the user's own data.
/// </summary>
public class PersonalDataExport(IDbContextFactory<ApplicationDbContext> dbFactory)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public async Task<byte[]> BuildAsync(string userId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId);
        var reflections = await db.Reflections.AsNoTracking().Where(r => r.AuthorId == userId).OrderBy(r => r.Id).ToListAsync();
        var reflectionIds = reflections.Select(r => r.Id).ToList();
        var attempts = await db.ScenarioAttempts.AsNoTracking().Include(a => a.Steps).Where(a => a.UserId == userId).OrderBy(a => a.Id).ToListAsync();
        var attemptIds = attempts.Select(a => a.Id).ToList();
        var comments = await db.Comments.AsNoTracking()
            .Where(c => (c.ReflectionId != null && reflectionIds.Contains(c.ReflectionId.Value)) || (c.AttemptId != null && attemptIds.Contains(c.AttemptId.Value)))
            .OrderBy(c => c.Id).ToListAsync();
        var reads = await db.ReflectionReads.AsNoTracking().Where(r => reflectionIds.Contains(r.ReflectionId)).ToListAsync();
        var sessions = await db.SupervisionSessions.AsNoTracking().Where(s => s.CoachId == userId).OrderBy(s => s.Date).ToListAsync();
        var agreements = await db.Agreements.AsNoTracking().Where(a => a.CoachId == userId).OrderBy(a => a.Id).ToListAsync();
        var lessons = await db.LessonCompletions.AsNoTracking().Where(c => c.UserId == userId).ToListAsync();
        var answers = await db.CheckAnswers.AsNoTracking().Where(a => a.UserId == userId).OrderBy(a => a.Id).ToListAsync();
        // Intervisie: what this person wrote there (contributions, answers to them as case owner, the inbreng, an evaluation).
        var contributed = await db.PeerReviewContributions.AsNoTracking().Where(c => c.AuthorId == userId).OrderBy(c => c.Id)
            .Select(c => new { c.SessionId, c.PhaseIndex, c.Text, basishouding = c.CoreAttitudeId, c.CreatedAt }).ToListAsync();
        var owned = await db.PeerReviews.AsNoTracking().Where(r => r.CaseOwnerId == userId)
            .Select(r => new { r.LiveSessionId, r.MethodId, r.ScheduledFor, r.CaseDescription, r.CaseQuestion, r.CaseDeletedAt,
                antwoorden = db.PeerReviewContributions.Where(c => c.SessionId == r.LiveSessionId && c.Answer != "").Select(c => new { c.Id, c.Answer, c.Helpful }).ToList() })
            .ToListAsync();
        var evaluated = await db.PeerReviews.AsNoTracking().Where(r => r.Session!.FacilitatorId == userId && r.Evaluation != "")
            .Select(r => new { r.LiveSessionId, r.Evaluation }).ToListAsync();
        var peopleIds = comments.Select(c => c.AuthorId).Concat(reads.Select(r => r.ReaderId)).Concat(sessions.Select(s => s.SupervisorId)).Distinct().ToList();
        var names = await db.Users.Where(u => peopleIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        string Name(string id) => names.GetValueOrDefault(id, "?");

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "LEESMIJ.md", $"""
                # Gegevens van {user.DisplayName}

                Geëxporteerd uit GeneralistischWerkt.Training. Reflecties staan als Markdown in `reflecties/`;
                alles staat ook als JSON: reflecties.json, reacties.json, afspraken.json, sessies.json,
                pogingen.json, intervisie.json en voortgang.json.
                """);
            foreach (var reflection in reflections)
            {
                var template = ReflectionTemplates.Find(reflection.TemplateId);
                var sections = ReflectionService.Sections(reflection);
                var text = new StringBuilder();
                text.AppendLine($"# {reflection.Title}").AppendLine();
                text.AppendLine($"- Sjabloon: {template.Name}");
                text.AppendLine($"- Status: {(reflection.Status == ReflectionStatus.Draft ? "concept" : "afgerond")}");
                text.AppendLine($"- Gedeeld: {(reflection.SharedWithId is null ? "nee" : "ja")}");
                text.AppendLine($"- Laatst gewijzigd: {reflection.UpdatedAt:yyyy-MM-dd HH:mm} (UTC)").AppendLine();
                foreach (var section in template.Sections)
                    text.AppendLine($"## {section.Title}").AppendLine().AppendLine(sections.GetValueOrDefault(section.Key, "")).AppendLine();
                var own = comments.Where(c => c.ReflectionId == reflection.Id).ToList();
                if (own.Count > 0)
                {
                    text.AppendLine("## Reacties").AppendLine();
                    foreach (var comment in own) text.AppendLine($"- {Name(comment.AuthorId)} ({comment.CreatedAt:yyyy-MM-dd HH:mm}): {comment.Text}");
                }
                Add(zip, $"reflecties/{reflection.Id}.md", text.ToString());
            }
            AddJson(zip, "reflecties.json", reflections.Select(r => new
            {
                r.Id, r.Title, sjabloon = r.TemplateId, status = r.Status.ToString(), secties = ReflectionService.Sections(r),
                context = r.ContextKind, contextId = r.ContextId, r.CreatedAt, r.UpdatedAt, gedeeldOp = r.SharedAt, r.Dimensions,
                gelezen = reads.Where(x => x.ReflectionId == r.Id).Select(x => new { door = Name(x.ReaderId), op = x.ReadAt }),
            }));
            AddJson(zip, "reacties.json", comments.Select(c => new { c.Id, reflectie = c.ReflectionId, poging = c.AttemptId, stap = c.StepIndex, door = Name(c.AuthorId), c.Text, c.CreatedAt }));
            AddJson(zip, "sessies.json", sessions.Select(s => new
            {
                s.Id, datum = s.Date, vorm = s.Form.ToString(), werkbegeleider = Name(s.SupervisorId), agenda = JsonDocument.Parse(s.AgendaJson).RootElement,
                s.NotesTask, s.NotesProcess, s.NotesPersonal, s.NotesMethod,
            }));
            AddJson(zip, "afspraken.json", agreements.Select(a => new { a.Id, sessie = a.SessionId, wat = a.What, wie = a.Who, tegen = a.DueDate, stand = a.Status.ToString(), voortgang = a.ProgressNote, a.UpdatedAt }));
            AddJson(zip, "pogingen.json", attempts.Select(a => new
            {
                a.Id, scenario = a.ScenarioId, a.StartedAt, a.FinishedAt, uitkomst = a.Outcome, feedback = a.FeedbackMode.ToString(),
                scores = a.ScoresJson is null ? (JsonElement?)null : JsonDocument.Parse(a.ScoresJson).RootElement,
                stappen = a.Steps.OrderBy(s => s.Index).Select(s => new { s.Index, knoop = s.NodeId, keuze = s.ChoiceIndex + 1, s.ChoiceText, s.ChosenAt, reflectieantwoord = s.ReflectionAnswer }),
            }));
            AddJson(zip, "intervisie.json", new
            {
                bijdragen = contributed.Select(c => new { intervisie = c.SessionId, fase = c.PhaseIndex + 1, tekst = c.Text, c.basishouding, op = c.CreatedAt }),
                inbreng = owned.Select(r => new
                {
                    intervisie = r.LiveSessionId, methode = r.MethodId, datum = r.ScheduledFor, beschrijving = r.CaseDescription, vraag = r.CaseQuestion,
                    verwijderdOp = r.CaseDeletedAt, antwoorden = r.antwoorden.Select(a => new { bijdrage = a.Id, antwoord = a.Answer, helpt = a.Helpful }),
                }),
                evaluaties = evaluated.Select(e => new { intervisie = e.LiveSessionId, evaluatie = e.Evaluation }),
            });
            AddJson(zip, "voortgang.json", new
            {
                lessenAfgerond = lessons.Select(l => new { les = l.LessonId, op = l.CompletedAt }),
                antwoorden = answers.Select(a => new { les = a.LessonId, check = a.CheckId, juist = a.IsCorrect, op = a.AnsweredAt, antwoord = a.AnswerJson }),
            });
        }
        return buffer.ToArray();
    }

    private static void Add(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }

    private static void AddJson(ZipArchive zip, string name, object data) => Add(zip, name, JsonSerializer.Serialize(data, Json));
}
