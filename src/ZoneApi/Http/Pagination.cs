using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace ZoneApi.Http;

/// <summary>The five pagination fields every list returns; has_more is offset + count &lt; total.</summary>
public sealed record Pagination(int Total, int Offset, int Limit, int Count, bool HasMore)
{
    public static Pagination Of(int total, int offset, int limit, int count) =>
        new(total, offset, limit, count, offset + count < total);
}

/// <summary>?offset=&amp;limit= on list routes.</summary>
public sealed class PageQuery
{
    public const int MaxLimit = 1000;

    /// <summary>Items to skip, 0 or more (default 0).</summary>
    [FromQuery(Name = "offset")]
    public int? Offset { get; init; }

    /// <summary>Page size, 1 or more; values above 1000 are served as 1000.</summary>
    [FromQuery(Name = "limit")]
    public int? Limit { get; init; }

    /// <summary>The effective limit: the default when absent, at most <see cref="MaxLimit"/> (a larger one is clamped, not refused).</summary>
    public int EffectiveLimit(int defaultLimit) => Math.Min(Limit ?? defaultLimit, MaxLimit);
}

public sealed class PageQueryValidator : AbstractValidator<PageQuery>
{
    public PageQueryValidator()
    {
        RuleFor(q => q.Offset).GreaterThanOrEqualTo(0).WithMessage("must be 0 or more");
        RuleFor(q => q.Limit).GreaterThanOrEqualTo(1).WithMessage("must be 1 or more");
    }
}
