using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Corpus;

/// <summary>
/// Reads the corpus files in tests/ZoneApi.Tests/Corpus/: one value per line, tab-separated
/// <c>TYPE content [owner]</c>; in differences.tsv the line starts with the API's answer
/// (<c>accept</c> or <c>refuse</c>). Lines starting with '#' are comments saying where values come from.
/// </summary>
public static class CorpusFile
{
    public static IReadOnlyList<CorpusEntry> Read(string fileName, string? expectation)
    {
        var path = RepositoryFiles.PathOf(Path.Combine("tests", "ZoneApi.Tests", "Corpus", fileName));
        var entries = new List<CorpusEntry>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0 || lines[i].StartsWith('#'))
            {
                continue;
            }

            var fields = lines[i].Split('\t');
            var expected = expectation ?? fields[0];
            var rest = expectation is null ? fields[1..] : fields;
            if (expected is not (CorpusEntry.Accept or CorpusEntry.Refuse) || rest.Length is < 2 or > 3)
            {
                throw new InvalidDataException($"{fileName}:{i + 1}: expected [accept|refuse<TAB>]TYPE<TAB>content[<TAB>owner]");
            }

            entries.Add(new CorpusEntry($"{fileName}:{i + 1}", expected, rest.Length == 3 ? rest[2] : null, rest[0], rest[1]));
        }

        return entries;
    }
}
