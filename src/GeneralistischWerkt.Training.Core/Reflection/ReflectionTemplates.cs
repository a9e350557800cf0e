namespace GeneralistischWerkt.Training.Core.Reflection;

public sealed record ReflectionSection(string Key, string Title, string Prompt);

public sealed record ReflectionTemplate(string Id, string Name, string Description, IReadOnlyList<ReflectionSection> Sections);

/// <summary>
/// The reflection templates: a free one and guided ones used in Flemish social-work education (Korthagen's cycle,
/// STARR) plus one around the basishoudingen of the method.
/// </summary>
public static class ReflectionTemplates
{
    public static readonly ReflectionTemplate Free = new("vrij", "Vrije reflectie",
        "Schrijf vrij op wat je bezighoudt.",
        [new("tekst", "Reflectie", "Wat wil je vasthouden van deze ervaring?")]);

    public static readonly ReflectionTemplate Korthagen = new("korthagen", "Reflectiecyclus van Korthagen",
        "Vijf stappen: van wat je deed naar wat je de volgende keer uitprobeert.",
        [
            new("handelen", "1. Handelen", "Wat gebeurde er? Wat deed je concreet?"),
            new("terugblikken", "2. Terugblikken", "Wat wilde je, dacht je en voelde je? En de ander?"),
            new("bewustwording", "3. Bewustwording van essentiële aspecten", "Wat is de kern? Wat betekent dit voor jou?"),
            new("alternatieven", "4. Alternatieven ontwikkelen", "Welke andere mogelijkheden zie je? Wat kies je?"),
            new("uitproberen", "5. Uitproberen", "Wat probeer je de volgende keer, en wanneer?"),
        ]);

    public static readonly ReflectionTemplate Starr = new("starr", "STARR",
        "Situatie, taak, actie, resultaat en reflectie.",
        [
            new("situatie", "Situatie", "In welke situatie zat je?"),
            new("taak", "Taak", "Wat was jouw taak of doel?"),
            new("actie", "Actie", "Wat deed je?"),
            new("resultaat", "Resultaat", "Wat was het resultaat?"),
            new("reflectie", "Reflectie", "Wat leer je hieruit? Wat doe je een volgende keer anders?"),
        ]);

    public static readonly ReflectionTemplate CoreAttitude = new("basishouding", "Per basishouding",
        "Kijk naar je handelen door de bril van één basishouding.",
        [
            new("basishouding", "Welke basishouding zette ik in?", "Welke basishouding stond centraal, en hoe merkte je dat?"),
            new("lukte", "Wat lukte?", "Waar ben je tevreden over?"),
            new("versterken", "Wat wil ik versterken?", "Wat wil je verder ontwikkelen, en hoe?"),
        ]);

    public static readonly IReadOnlyList<ReflectionTemplate> All = [Free, Korthagen, Starr, CoreAttitude];

    public static ReflectionTemplate Find(string? id) => All.FirstOrDefault(t => t.Id == id) ?? Free;
}
