using GeneralistischWerkt.Training.Core.Practice;

namespace GeneralistischWerkt.Training.Core.Tests.Practice;

/// <summary>
/// Agreement figures against the worked example that textbooks and the Wikipedia article "Fleiss' kappa" use
/// (after Fleiss, 1971): 10 subjects, 14 raters each, 5 categories. Published: P_i per subject, p_j per category,
/// P̄ = 0.378, P̄e = 0.213, κ = 0.210 (all to three decimals).
/// </summary>
public class ObserverAgreementTests
{
    private static readonly int[][] Table =
    [
        [0, 0, 0, 0, 14],
        [0, 2, 6, 4, 2],
        [0, 0, 3, 5, 6],
        [0, 3, 9, 2, 0],
        [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0],
        [3, 2, 6, 3, 0],
        [2, 5, 3, 2, 2],
        [6, 5, 2, 1, 0],
        [0, 2, 2, 3, 7],
    ];

    private static readonly double[] PublishedSubjectAgreement = [1.000, 0.253, 0.308, 0.440, 0.330, 0.462, 0.242, 0.176, 0.286, 0.286];
    private static readonly double[] PublishedCategoryShares = [0.143, 0.200, 0.279, 0.150, 0.229];

    private static AgreementSummary Worked() => ObserverAgreement.Summarise(Table.Select(r => (IReadOnlyList<int>)r).ToList());

    [Fact]
    public void The_per_subject_agreement_matches_the_published_table()
    {
        var summary = Worked();
        Assert.Equal(PublishedSubjectAgreement, summary.Subjects.Select(s => Math.Round(s.Agreement, 3)));
        Assert.Equal(PublishedCategoryShares, summary.CategoryProportions.Select(p => Math.Round(p, 3)));
    }

    [Fact]
    public void Mean_agreement_chance_agreement_and_kappa_match_the_published_figures()
    {
        var summary = Worked();
        Assert.Equal(0.378, Math.Round(summary.MeanAgreement, 3));
        Assert.Equal(0.213, Math.Round(summary.ChanceAgreement, 3));
        Assert.Equal(0.210, Math.Round(summary.Kappa!.Value, 3));
    }

    [Fact]
    public void For_two_observers_the_item_agreement_is_all_or_nothing_and_overall_is_the_share_of_items_they_agree_on()
    {
        // Two observers, ten items, agreeing on seven (both ticked 4, both left 3 open): 70 %.
        var ticks = new List<IReadOnlyList<bool>>();
        ticks.AddRange(Enumerable.Repeat<IReadOnlyList<bool>>([true, true], 4));
        ticks.AddRange(Enumerable.Repeat<IReadOnlyList<bool>>([false, false], 3));
        ticks.AddRange(Enumerable.Repeat<IReadOnlyList<bool>>([true, false], 3));
        var summary = ObserverAgreement.ForChecklist(ticks);
        Assert.Equal([1, 1, 1, 1, 1, 1, 1, 0, 0, 0], summary.Subjects.Select(s => s.Agreement));
        Assert.Equal(0.7, summary.MeanAgreement, 12);
    }

    [Fact]
    public void With_three_observers_an_item_two_of_three_saw_has_one_agreeing_pair_in_three()
    {
        var summary = ObserverAgreement.ForChecklist([[true, true, false], [true, true, true], [false, false, false]]);
        Assert.Equal(1 / 3.0, summary.Subjects[0].Agreement, 12);
        Assert.Equal((1 / 3.0 + 1 + 1) / 3, summary.MeanAgreement, 12);
        // 5 of 9 ticks "gezien": P̄e = (5/9)² + (4/9)²; kappa follows from the definition.
        var chance = Math.Pow(5 / 9.0, 2) + Math.Pow(4 / 9.0, 2);
        Assert.Equal((summary.MeanAgreement - chance) / (1 - chance), summary.Kappa!.Value, 12);
    }

    [Fact]
    public void Kappa_is_undefined_when_every_observer_ticked_everything()
    {
        var summary = ObserverAgreement.ForChecklist([[true, true, true], [true, true, true]]);
        Assert.Equal(1, summary.MeanAgreement);
        Assert.Null(summary.Kappa);
    }

    [Fact]
    public void Agreement_with_the_reference_is_the_share_of_observers_who_ticked_as_the_reference_did()
    {
        Assert.Equal(2 / 3.0, ObserverAgreement.AgreementWithReference([true, true, false], reference: true), 12);
        Assert.Equal(1 / 3.0, ObserverAgreement.AgreementWithReference([true, true, false], reference: false), 12);
    }
}
