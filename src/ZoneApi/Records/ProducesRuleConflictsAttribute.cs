using ZoneApi.Http;

namespace ZoneApi.Records;

/// <summary>
/// The 409 codes of a record write that the stored-state rules check (CONTRACT A4), in one list for every route
/// that writes a value; <paramref name="more"/> adds the codes of a route's own refusals.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProducesRuleConflictsAttribute(params string[] more) : ProducesErrorAttribute(StatusCodes.Status409Conflict,
    [ErrorCodes.CnameConflict, ErrorCodes.AliasConflict, ErrorCodes.TargetIsCname, ErrorCodes.CnameLoop,
        ErrorCodes.CnameChainTooLong, ErrorCodes.ProtectedRecord, ErrorCodes.NsTargetNeedsAddress, ErrorCodes.NullMxConflict,
        ErrorCodes.SvcbAliasModeConflict, ErrorCodes.OccludedRecord, .. more]);
