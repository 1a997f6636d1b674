using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace ZoneApi.Data;

/// <summary>
/// Several statements in one round trip (an NpgsqlBatch) on EF's own connection and inside its current transaction,
/// for the reads a write needs under its locks: PostgreSQL runs them one after the other, as separate statements.
/// </summary>
public static class SqlBatches
{
    public static NpgsqlBatch CreateBatch(this DatabaseFacade database) =>
        new((NpgsqlConnection)database.GetDbConnection(), (NpgsqlTransaction?)database.CurrentTransaction?.GetDbTransaction());

    /// <summary>Adds one statement with positional parameters ($1, $2, ...).</summary>
    public static void Add(this NpgsqlBatch batch, string sql, params object[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        batch.BatchCommands.Add(command);
    }
}
