using GeneralistischWerkt.Training.Core.PeerReview;

namespace GeneralistischWerkt.Training.Core.Tests.PeerReview;

public class IdentifyingTextTests
{
    private static IReadOnlyList<(IdentifyingKind, string)> Found(string text) =>
        IdentifyingText.Find(text).Select(m => (m.Kind, m.Text)).ToList();

    [Theory]
    [InlineData("Ik begeleid Ahmed Benali sinds maart.", "Ahmed Benali")]
    [InlineData("Mijn cliënte Els Van den Broeck wil stoppen.", "Els Van den Broeck")]
    [InlineData("Gesprek met Marie-Claire Dubois op de stage.", "Marie-Claire Dubois")]
    [InlineData("Jan de Smet belde me gisteren op.", "Jan de Smet")]
    public void A_full_name_is_flagged(string text, string name) =>
        Assert.Equal([(IdentifyingKind.FullName, name)], Found(text));

    [Theory]
    [InlineData("Hij belde van op 0470 12 34 56 naar de dienst.", "0470 12 34 56")]
    [InlineData("Haar nummer is +32 470 12 34 56.", "+32 470 12 34 56")]
    [InlineData("Bel het vaste nummer 03/123.45.67 na vijf uur.", "03/123.45.67")]
    [InlineData("Tel. 0032 9 234 56 78", "0032 9 234 56 78")]
    [InlineData("GSM: 0498123456", "0498123456")]
    public void A_belgian_phone_number_is_flagged(string text, string number) =>
        Assert.Equal([(IdentifyingKind.PhoneNumber, number)], Found(text));

    [Theory]
    [InlineData("Ze mailt vanaf jan.peeters@example.be elke week.", "jan.peeters@example.be")]
    [InlineData("adres: x_y+1@mail.co.uk", "x_y+1@mail.co.uk")]
    public void An_email_address_is_flagged(string text, string address) =>
        Assert.Equal([(IdentifyingKind.Email, address)], Found(text));

    [Theory]
    [InlineData("Rijksregisternummer 85.07.30-033.28 staat op het formulier.", "85.07.30-033.28")]
    [InlineData("RRN 85073003328.", "85073003328")]
    [InlineData("Nummer 85.07.30-033.99 (met een tikfout).", "85.07.30-033.99")]
    public void A_national_register_number_is_flagged_not_as_a_phone_number(string text, string number) =>
        Assert.Equal([(IdentifyingKind.NationalNumber, number)], Found(text));

    [Theory]
    [InlineData("Mijn cliënt (ik noem haar Ilse) wil na de stage voltijds werken.")]
    [InlineData("De Lijn rijdt niet tot aan de stageplaats.")]
    [InlineData("Het OCMW en de VDAB zitten samen op 03/12/2024 om 14.30 uur.")]
    [InlineData("Team Antwerpen-Noord bespreekt dit. In Gent loopt een proef.")]
    [InlineData("Hij verdient 1 850,75 euro per maand en heeft dossier 12345678901.")]
    [InlineData("Op Maandag Vergaderen we. Vanaf 1 januari 2025.")]
    [InlineData("Ze scoorde 7 op 10 en gaf 4/5 voor werk.")]
    [InlineData("")]
    public void Ordinary_case_text_gets_no_warning(string text) => Assert.Empty(Found(text));

    [Fact]
    public void Several_findings_come_in_the_order_of_the_text_with_a_dutch_message()
    {
        var matches = IdentifyingText.Find("Sarah Janssens (sarah@voorbeeld.be, 0470 12 34 56)");

        Assert.Equal([IdentifyingKind.FullName, IdentifyingKind.Email, IdentifyingKind.PhoneNumber], matches.Select(m => m.Kind));
        Assert.Contains("schuilnaam", matches[0].Message);
        Assert.Contains("telefoonnummer", matches[2].Message);
    }
}
