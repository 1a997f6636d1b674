using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ZoneApi.Data;

public static class PostgresErrors
{
    /// <summary>True when a save failed on the named unique constraint (SQLSTATE 23505).</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception, string constraint) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } e
        && e.ConstraintName == constraint;
}
