using GeneralistischWerkt.Training.Core.Content;
using GeneralistischWerkt.Training.Web.Data;
using GeneralistischWerkt.Training.Web.Features.Modules;
using GeneralistischWerkt.Training.Web.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace GeneralistischWerkt.Training.Web.Tests;

/// <summary>The attest of a module exists only once every lesson is completed, carries the coach's name and the day the last lesson was finished.</summary>
public class ModuleCertificateTests : IAsyncLifetime
{
    private TestDatabase db = default!;
    private ProgressService Progress => db.Services.GetRequiredService<ProgressService>();

    public async Task InitializeAsync() => db = await TestDatabase.CreateAsync(services => services.AddScoped<ProgressService>());
    public async Task DisposeAsync() => await db.DisposeAsync();

    [Fact]
    public async Task No_attest_before_the_last_lesson_then_one_with_name_and_the_date_of_the_last_lesson()
    {
        var ann = await db.CreateAsync("Ann Coach", Roles.Coach);
        var library = db.Services.GetRequiredService<ContentStore>().Library;
        var module = library.Modules.First(m => library.LessonsOf(m.Id).Count >= 2);
        var lessons = library.LessonsOf(module.Id);

        Assert.Null(await Progress.CertificateAsync(ann, module.Id));
        var day = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
        await db.WithDbAsync(async context =>
        {
            for (var i = 0; i < lessons.Count - 1; i++)
                context.LessonCompletions.Add(new LessonCompletion { UserId = ann, LessonId = lessons[i].Id, CompletedAt = day.AddDays(i) });
            await context.SaveChangesAsync();
            return 0;
        });
        Assert.Null(await Progress.CertificateAsync(ann, module.Id));

        var last = new DateTimeOffset(2026, 4, 30, 22, 30, 0, TimeSpan.Zero);
        await db.WithDbAsync(async context =>
        {
            context.LessonCompletions.Add(new LessonCompletion { UserId = ann, LessonId = lessons[^1].Id, CompletedAt = last });
            await context.SaveChangesAsync();
            return 0;
        });
        var certificate = await Progress.CertificateAsync(ann, module.Id);
        Assert.NotNull(certificate);
        Assert.Equal("Ann Coach", certificate.CoachName);
        Assert.Equal(last, certificate.CompletedAt);
        Assert.Equal(lessons.Select(l => l.Id), certificate.Lessons.Select(l => l.Id));
        // 22:30 UTC on 30 April is already 1 May in Brussels: the attest shows the coach's own day.
        Assert.Equal("1 mei 2026", Core.Formatting.DutchFormat.Date(certificate.CompletedAt));
    }

    [Fact]
    public async Task Another_coach_has_no_attest_from_Anns_lessons_and_an_unknown_module_has_none()
    {
        var ann = await db.CreateAsync("Ann Coach", Roles.Coach);
        var bram = await db.CreateAsync("Bram Coach", Roles.Coach);
        var library = db.Services.GetRequiredService<ContentStore>().Library;
        var module = library.Modules.First(m => library.LessonsOf(m.Id).Count >= 1);
        await db.WithDbAsync(async context =>
        {
            foreach (var lesson in library.LessonsOf(module.Id))
                context.LessonCompletions.Add(new LessonCompletion { UserId = ann, LessonId = lesson.Id, CompletedAt = DateTimeOffset.UtcNow });
            await context.SaveChangesAsync();
            return 0;
        });
        Assert.NotNull(await Progress.CertificateAsync(ann, module.Id));
        Assert.Null(await Progress.CertificateAsync(bram, module.Id));
        Assert.Null(await Progress.CertificateAsync(ann, "bestaat-niet"));
    }
}
