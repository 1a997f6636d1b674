using ZoneApi.Http;
using ZoneApi.Records;

namespace ZoneApi.Import;

/// <summary>What an import came to. Refusals are answers, not exceptions.</summary>
public abstract record ImportResult
{
    public const int MaxDetails = 1000;

    public sealed record Done(ImportData Data) : ImportResult;

    public sealed record Refused(RecordError Error) : ImportResult;

    /// <summary>
    /// The refusal for a file's problems (CONTRACT A8): the status and code of the first problem in file order, and one
    /// detail per problem, <c>{"field":"line 12","reason":"CODE: ..."}</c>.
    /// </summary>
    public static Refused Of(IReadOnlyList<ZoneFileProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);

        var ordered = problems.OrderBy(p => p.Line).ToList();
        var first = ordered[0];
        // Bounded like every answer: a file of 100,000 broken lines gets the first thousand, and their count.
        var details = ordered.Take(MaxDetails).Select(p => new ErrorDetail(Field(p.Line), $"{p.Code}: {p.Reason}")).ToList();
        var more = ordered.Count switch
        {
            1 => "",
            <= MaxDetails => $" ({ordered.Count} problems in all, each in details)",
            _ => $" ({ordered.Count} problems in all, the first {MaxDetails} in details)",
        };
        return new Refused(new RecordError(first.Code, $"Nothing was imported. {Field(first.Line)}: {first.Reason}{more}", details));
    }

    /// <summary>A problem of the whole file (line 0), such as its size, is the file's, not a line's.</summary>
    private static string Field(int line) => line > 0 ? $"line {line}" : "file";
}
