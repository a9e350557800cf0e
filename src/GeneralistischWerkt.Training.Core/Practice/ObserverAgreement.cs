namespace GeneralistischWerkt.Training.Core.Practice;

/// <summary>How much a group of raters agree on one subject: the per-subject agreement of Fleiss (1971).</summary>
public sealed record SubjectAgreement(int Raters, IReadOnlyList<int> CountsPerCategory, double Agreement);

/// <summary>Agreement over all subjects: the mean per-subject agreement, chance agreement and Fleiss' kappa.</summary>
public sealed record AgreementSummary(IReadOnlyList<SubjectAgreement> Subjects, double MeanAgreement, double ChanceAgreement,
    IReadOnlyList<double> CategoryProportions, double? Kappa);

/// <summary>
/// Observer agreement for a checklist (and any rating with a fixed number of raters per subject).
/// Per subject i with n raters, n_ij of whom chose category j: P_i = Σ_j n_ij(n_ij − 1) / (n(n − 1)), the share of
/// agreeing rater pairs (for a seen/not seen checklist: the percentage agreement on that item). Overall P̄ is the mean
/// of P_i; chance agreement P̄e = Σ_j p_j² with p_j the share of all ratings in category j; Fleiss' kappa
/// κ = (P̄ − P̄e) / (1 − P̄e). Kappa is undefined (null) when every rating falls in one category (P̄e = 1).
/// </summary>
public static class ObserverAgreement
{
    /// <summary>Fleiss' kappa needs at least three raters to be reported here; with two, percentages say it plainly.</summary>
    public const int MinimumRatersForKappa = 3;

    public static SubjectAgreement Subject(IReadOnlyList<int> countsPerCategory)
    {
        var raters = countsPerCategory.Sum();
        if (raters < 2) throw new ArgumentException("Overeenstemming vraagt minstens twee beoordelaars.", nameof(countsPerCategory));
        var pairs = countsPerCategory.Sum(n => (double)n * (n - 1));
        return new SubjectAgreement(raters, countsPerCategory, pairs / ((double)raters * (raters - 1)));
    }

    /// <param name="counts">Per subject, the number of raters per category; every subject has the same number of raters.</param>
    public static AgreementSummary Summarise(IReadOnlyList<IReadOnlyList<int>> counts)
    {
        if (counts.Count == 0) throw new ArgumentException("Geen onderwerpen.", nameof(counts));
        var subjects = counts.Select(Subject).ToList();
        var raters = subjects[0].Raters;
        if (subjects.Any(s => s.Raters != raters || s.CountsPerCategory.Count != counts[0].Count))
            throw new ArgumentException("Elk onderwerp heeft evenveel beoordelaars en categorieën.", nameof(counts));
        var total = (double)subjects.Count * raters;
        var proportions = Enumerable.Range(0, counts[0].Count).Select(j => counts.Sum(row => row[j]) / total).ToList();
        var mean = subjects.Average(s => s.Agreement);
        var chance = proportions.Sum(p => p * p);
        double? kappa = chance >= 1 - 1e-12 ? null : (mean - chance) / (1 - chance);
        return new AgreementSummary(subjects, mean, chance, proportions, kappa);
    }

    /// <summary>
    /// A checklist: per item, whether each observer ticked it (same observers, same order, for every item).
    /// Categories are "gezien" (ticked) and "niet gezien".
    /// </summary>
    public static AgreementSummary ForChecklist(IReadOnlyList<IReadOnlyList<bool>> ticksPerItem) =>
        Summarise(ticksPerItem.Select(ticks => (IReadOnlyList<int>)[ticks.Count(t => t), ticks.Count(t => !t)]).ToList());

    /// <summary>The share of observers who ticked an item the same way as the reference (for example the werkbegeleider).</summary>
    public static double AgreementWithReference(IReadOnlyList<bool> observers, bool reference) =>
        observers.Count == 0 ? 0 : observers.Count(t => t == reference) / (double)observers.Count;
}
