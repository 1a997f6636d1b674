namespace ZoneApi.Limits;

/// <summary>
/// Marks a route that works on a whole zone at once (import, batch): its request gets ZoneApi:WholeZoneTimeoutSeconds
/// instead of ZoneApi:DatabaseTimeoutSeconds (<see cref="RequestDeadlineMiddleware"/>), and its transaction the same
/// statement bound (<see cref="WholeZoneBudget"/>). Lock waits keep the short bound: waiting behind another write
/// is where one request could hold up others.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class WholeZoneOperationAttribute : Attribute;
