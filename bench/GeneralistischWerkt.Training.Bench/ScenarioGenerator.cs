using System.Text;

namespace GeneralistischWerkt.Training.Bench;

/// <summary>
/// Writes synthetic scenarios as real YAML in the format of scenarios/README.md, deterministic per seed.
/// The graph is layered (a DAG): layer widths 1, 2, 4, 6, then 10 per layer; every decision node has 2–3 choices to
/// distinct nodes in later layers (mostly the next one, sometimes two ahead, sometimes straight to an ending); every
/// node gets at least one incoming edge from the layer before it, and the last decision layer covers every ending.
/// Endings cycle through geslaagd, deels, niet-geslaagd. Two people (the client with two states, a colleague with one),
/// speakers rotate over client, colleague and narrator. Every choice scores (choices at one node score different
/// competencies, so no GWT352), moves a state, has feedback and a real content link. Two test paths per scenario:
/// "always choice 1" with its exact expected scores, and a random path without scores.
/// </summary>
public sealed class ScenarioGenerator(IReadOnlyList<string> competencyIds, IReadOnlyList<string> contentLinks, string phaseId)
{
    private const int DeclaredCompetencies = 5;

    private static readonly string[] Words =
    [
        "ik", "weet", "niet", "goed", "waarom", "hier", "moet", "zijn", "werk", "zoeken", "kinderen", "school", "geld",
        "huur", "brief", "afspraak", "morgen", "gisteren", "altijd", "nooit", "misschien", "graag", "samen", "verder",
        "dienst", "stage", "opleiding", "gesprek", "vertrouwen", "moeilijk", "makkelijk", "vraag", "antwoord", "plan",
        "tijd", "week", "maand", "papieren", "formulier", "telefoon", "mama", "buurvrouw", "dokter", "bus", "fiets",
        "eerst", "daarna", "omdat", "maar", "en", "dan", "ook", "nog", "wel", "echt", "soms", "vaak", "zelf", "hulp",
    ];

    private static readonly string[] Outcomes = ["geslaagd", "deels", "niet-geslaagd"];

    public int ScenarioCount { get; private set; }

    public long BytesWritten { get; private set; }

    /// <summary>Writes <paramref name="count"/> scenarios to <c>directory/scenarios</c> and a copy of competenties.yml to <c>directory/content</c>.</summary>
    public void WriteSet(string directory, string competenciesFile, int count, int nodesPerScenario, int seed)
    {
        var scenarios = Path.Combine(directory, "scenarios");
        Directory.CreateDirectory(scenarios);
        Directory.CreateDirectory(Path.Combine(directory, "content"));
        File.Copy(competenciesFile, Path.Combine(directory, "content", "competenties.yml"), overwrite: true);
        for (var i = 1; i <= count; i++)
        {
            var id = $"synth-{i:D4}";
            var text = Generate(id, nodesPerScenario, seed + i, i);
            var bytes = Encoding.UTF8.GetBytes(text);
            File.WriteAllBytes(Path.Combine(scenarios, id + ".yml"), bytes);
            BytesWritten += bytes.Length;
            ScenarioCount++;
        }
    }

    private sealed class Node(string id, int layer)
    {
        public string Id { get; } = id;
        public int Layer { get; } = layer;
        public List<Choice> Choices { get; } = [];
        public int ChoiceCount { get; set; }
        public int Outcome { get; init; } = -1;
        public bool IsEnding => Outcome >= 0;
    }

    private sealed record Choice(Node Target)
    {
        public Dictionary<string, int> Scores { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, int> States { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>One scenario file's text.</summary>
    public string Generate(string id, int nodeCount, int seed, int variant = 0)
    {
        if (nodeCount < 30) throw new ArgumentOutOfRangeException(nameof(nodeCount), "at least 30 nodes");
        var rng = new Random(seed);
        var endingCount = Math.Max(3, nodeCount / 22);
        var decisionCount = nodeCount - endingCount;

        // Layer widths.
        var widths = new List<int>();
        int[] ramp = [1, 2, 4, 6];
        var remaining = decisionCount;
        for (var i = 0; remaining > 0; i++)
        {
            var w = Math.Min(i < ramp.Length ? ramp[i] : 10, remaining);
            widths.Add(w);
            remaining -= w;
        }
        // The last decision layer must be able to cover every ending with its first two choices.
        while (widths.Count > 2 && 2 * widths[^1] < endingCount)
        {
            widths[^2] += widths[^1];
            widths.RemoveAt(widths.Count - 1);
        }

        var layers = new List<List<Node>>();
        for (var l = 0; l < widths.Count; l++)
        {
            var layer = new List<Node>();
            for (var j = 0; j < widths[l]; j++) layer.Add(new Node(l == 0 ? "begin" : $"k{l}-{j + 1}", l) { ChoiceCount = rng.Next(2, 4) });
            layers.Add(layer);
        }
        var endings = new List<Node>();
        for (var e = 0; e < endingCount; e++)
        {
            endings.Add(new Node($"einde-{Outcomes[e % 3]}-{e / 3 + 1}", widths.Count) { Outcome = e % 3 });
        }
        var last = layers.Count - 1;

        // Coverage: every node in layer l+1 gets a parent in layer l (each parent at most 2 such edges while widths at most double).
        for (var l = 0; l < last; l++)
        {
            var parents = layers[l];
            var children = layers[l + 1];
            for (var j = 0; j < children.Count; j++)
            {
                var parent = parents[j % parents.Count];
                parent.Choices.Add(new Choice(children[j]));
                parent.ChoiceCount = Math.Max(parent.ChoiceCount, parent.Choices.Count);
            }
        }
        // The last decision layer: choice c of node i goes to ending (c * width + i) mod endings, covering all endings.
        var lastLayer = layers[last];
        for (var i = 0; i < lastLayer.Count; i++)
        {
            var node = lastLayer[i];
            for (var c = 0; c < node.ChoiceCount; c++)
            {
                var target = endings[(c * lastLayer.Count + i) % endingCount];
                if (node.Choices.All(x => x.Target != target)) node.Choices.Add(new Choice(target));
            }
            while (node.Choices.Count < 2) node.Choices.Add(new Choice(endings.First(e => node.Choices.All(x => x.Target != e))));
        }
        // Fill the other decision nodes up to their choice count with distinct random later targets.
        for (var l = 0; l < last; l++)
        {
            foreach (var node in layers[l])
            {
                for (var attempt = 0; node.Choices.Count < node.ChoiceCount && attempt < 50; attempt++)
                {
                    var roll = rng.NextDouble();
                    Node target;
                    if (roll < 0.12 || l + 1 == last && roll < 0.3) target = endings[rng.Next(endingCount)];
                    else if (roll < 0.35 && l + 2 <= last) target = layers[l + 2][rng.Next(layers[l + 2].Count)];
                    else target = layers[l + 1][rng.Next(layers[l + 1].Count)];
                    if (node.Choices.All(x => x.Target != target)) node.Choices.Add(new Choice(target));
                }
            }
        }

        // Competencies (5 distinct real ids per scenario), people and states.
        var declared = new List<string>();
        for (var t = 0; declared.Count < DeclaredCompetencies && t < competencyIds.Count; t++)
        {
            var c = competencyIds[(variant * 7 + t * 3) % competencyIds.Count];
            if (!declared.Contains(c)) declared.Add(c);
        }
        string[] states = ["client.vertrouwen", "client.spanning", "collega.geduld"];

        // Scores and state changes; the choices at one node score different competencies.
        var nodeIndex = 0;
        foreach (var node in layers.SelectMany(l => l))
        {
            for (var c = 0; c < node.Choices.Count; c++)
            {
                var choice = node.Choices[c];
                var competency = declared[(nodeIndex + c) % declared.Count];
                choice.Scores[competency] = c switch { 0 => 2, 1 => rng.Next(2) == 0 ? 1 : -1, _ => -1 };
                if (rng.Next(4) == 0)
                {
                    var second = declared[(nodeIndex + c + 2) % declared.Count];
                    choice.Scores.TryAdd(second, 1);
                }
                choice.States[states[(nodeIndex + c) % states.Length]] = c == 0 ? 1 : -rng.Next(1, 3);
            }
            nodeIndex++;
        }

        var allNodes = layers.SelectMany(l => l).Concat(endings).ToList();
        var sb = new StringBuilder(nodeCount * 900);
        sb.Append("id: ").Append(id).Append('\n');
        sb.Append("titel: Synthetisch scenario ").Append(variant).Append('\n');
        sb.Append("beschrijving: ").Append(Sentence(rng, 14, '.')).Append('\n');
        sb.Append("thema: actief-luisteren\n");
        sb.Append("fase: ").Append(phaseId).Append('\n');
        sb.Append("duur: 20\n");
        sb.Append("competenties: [").Append(string.Join(", ", declared)).Append("]\n");
        sb.Append("""
            personen:
              - id: client
                naam: Sara
                rol: cliënt
                beschrijving: 34 jaar, mama van twee, zoekt werk als verkoopster.
                toestand:
                  - id: vertrouwen
                    naam: Vertrouwen
                    start: 4
                    min: 0
                    max: 10
                  - id: spanning
                    naam: Spanning
                    start: 6
                    min: 0
                    max: 10
              - id: collega
                naam: Tom
                rol: collega
                beschrijving: Maatschappelijk werker van het OCMW, werkt al twintig jaar.
                toestand:
                  - id: geduld
                    naam: Geduld
                    start: 5
                    min: 0
                    max: 10

            """);
        sb.Append("start: begin\n");
        sb.Append("knopen:\n");
        string[] speakers = ["client", "collega", "verteller"];
        for (var n = 0; n < allNodes.Count; n++)
        {
            var node = allNodes[n];
            sb.Append("  - id: ").Append(node.Id).Append('\n');
            sb.Append("    spreker: ").Append(speakers[n % speakers.Length]).Append('\n');
            if (n % 3 == 0) sb.Append("    regie: ").Append(Sentence(rng, 8, '.')).Append('\n');
            sb.Append("    tekst: ").Append(Sentence(rng, 12, n % 2 == 0 ? '.' : '?')).Append('\n');
            if (n % 4 == 1) sb.Append("    denkt: ").Append(Sentence(rng, 7, '.')).Append('\n');
            if (node.IsEnding)
            {
                sb.Append("    einde:\n");
                sb.Append("      uitkomst: ").Append(Outcomes[node.Outcome]).Append('\n');
                sb.Append("      nabespreking: ").Append(Sentence(rng, 18, '.')).Append('\n');
                continue;
            }
            sb.Append("    keuzes:\n");
            for (var c = 0; c < node.Choices.Count; c++)
            {
                var choice = node.Choices[c];
                sb.Append("      - tekst: \"").Append(Sentence(rng, 11, c == 0 ? '?' : '.')).Append("\"\n");
                sb.Append("        naar: ").Append(choice.Target.Id).Append('\n');
                sb.Append("        scores: { ").Append(string.Join(", ", choice.Scores.Select(s => $"{s.Key}: {s.Value}"))).Append(" }\n");
                sb.Append("        toestand: { ").Append(string.Join(", ", choice.States.Select(s => $"{s.Key}: {s.Value}"))).Append(" }\n");
                sb.Append("        feedback: ").Append(Sentence(rng, 14, '.')).Append('\n');
                sb.Append("        links: [ \"").Append(contentLinks[rng.Next(contentLinks.Count)]).Append('"');
                if (rng.Next(3) == 0) sb.Append(", \"").Append(contentLinks[rng.Next(contentLinks.Count)]).Append('"');
                sb.Append(" ]\n");
                if (rng.Next(5) == 0) sb.Append("        reflectievraag: ").Append(Sentence(rng, 7, '?')).Append('\n');
            }
        }

        // Test paths.
        sb.Append("testpaden:\n");
        var (firstChoices, firstEnd, firstScores) = Walk(layers[0][0], _ => 0);
        sb.Append("  - naam: altijd de eerste keuze\n");
        sb.Append("    keuzes: [").Append(string.Join(", ", firstChoices.Select(c => c + 1))).Append("]\n");
        sb.Append("    einde: ").Append(firstEnd.Id).Append('\n');
        sb.Append("    scores: { ").Append(string.Join(", ", firstScores.Select(s => $"{s.Key}: {s.Value}"))).Append(" }\n");
        var (randomChoices, randomEnd, _) = Walk(layers[0][0], node => rng.Next(node.Choices.Count));
        sb.Append("  - naam: een willekeurig pad\n");
        sb.Append("    keuzes: [").Append(string.Join(", ", randomChoices.Select(c => c + 1))).Append("]\n");
        sb.Append("    einde: ").Append(randomEnd.Id).Append('\n');
        return sb.ToString();
    }

    private static (List<int> Choices, Node End, Dictionary<string, int> Scores) Walk(Node start, Func<Node, int> pick)
    {
        var choices = new List<int>();
        var scores = new Dictionary<string, int>(StringComparer.Ordinal);
        var node = start;
        while (!node.IsEnding)
        {
            var index = pick(node);
            choices.Add(index);
            foreach (var (key, value) in node.Choices[index].Scores) scores[key] = scores.GetValueOrDefault(key) + value;
            node = node.Choices[index].Target;
        }
        return (choices, node, scores);
    }

    private static string Sentence(Random rng, int words, char end)
    {
        var sb = new StringBuilder(words * 7);
        for (var i = 0; i < words; i++)
        {
            var word = Words[rng.Next(Words.Length)];
            if (i == 0) sb.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
            else sb.Append(' ').Append(word);
        }
        return sb.Append(end).ToString();
    }
}
