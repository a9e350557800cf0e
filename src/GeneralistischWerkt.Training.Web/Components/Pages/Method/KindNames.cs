using GeneralistischWerkt.Training.Core.Content;

namespace GeneralistischWerkt.Training.Web.Components.Pages.Method;

/// <summary>Dutch names of the content kinds, as users read them.</summary>
public static class KindNames
{
    public static string Of(ContentKind kind) => kind switch
    {
        ContentKind.CoreAttitude => "basishouding",
        ContentKind.Technique => "gesprekstechniek",
        ContentKind.QuestionType => "vraagtype",
        ContentKind.LifeDomain => "levensdomein",
        ContentKind.Phase => "fase",
        ContentKind.Instrument => "instrument",
        ContentKind.Theme => "thema",
        ContentKind.Source => "bronnen",
        ContentKind.Module => "module",
        ContentKind.Lesson => "les",
        ContentKind.PeerReviewMethod => "intervisiemethode",
        _ => "onderdeel",
    };

    public static string PluralOf(ContentKind kind) => kind switch
    {
        ContentKind.CoreAttitude => "Basishoudingen",
        ContentKind.Technique => "Gesprekstechnieken",
        ContentKind.QuestionType => "Vraagtypes",
        ContentKind.LifeDomain => "Levensdomeinen",
        ContentKind.Phase => "Fasen van het begeleidingstraject",
        ContentKind.Instrument => "Instrumenten",
        ContentKind.Theme => "Thema's",
        ContentKind.Source => "Bronnen",
        ContentKind.Module => "Modules",
        ContentKind.Lesson => "Lessen",
        ContentKind.PeerReviewMethod => "Intervisiemethoden",
        _ => "Onderdelen",
    };
}
