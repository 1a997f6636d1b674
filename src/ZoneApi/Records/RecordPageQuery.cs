using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using ZoneApi.Data;

namespace ZoneApi.Records;

/// <summary>
/// One page of a zone's records in the list order (CONTRACT A1: name, type, content; records_zone_order_idx orders by
/// name, type, content_key, id, migrations/0005). A deep OFFSET read through that index costs a heap visit per skipped
/// row (offset 99,950 of a 100,000-record zone: about 100 ms). Here the skipped rows are counted in an index-only scan,
/// which reads nothing but the index, to find the page's first key; the page itself is then a range scan from that key
/// (a "deferred join": only the page's rows are read from the table).
/// </summary>
public static class RecordPageQuery
{
    private const string Order = "name, type, content_key, id";

    /// <summary>What a client sees of a record, and nothing else: the table's other columns are not sent over.</summary>
    private const string Columns = "id, name, type, content, ttl, priority, disabled, comment";

    /// <summary>The page at <paramref name="offset"/> of the zone's records, narrowed to a name and/or a type when given.</summary>
    public static async Task<List<RecordDto>> ReadAsync(
        ZoneDbContext db, Guid zoneId, string? name, string? type, int offset, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);

        var parameters = new List<NpgsqlParameter>
        {
            new("zone_id", NpgsqlDbType.Uuid) { Value = zoneId },
            new("page_offset", NpgsqlDbType.Integer) { Value = offset },
            new("page_limit", NpgsqlDbType.Integer) { Value = limit },
        };
        var filter = "zone_id = @zone_id";
        if (name is not null)
        {
            filter += " AND name = @name";
            parameters.Add(new NpgsqlParameter("name", NpgsqlDbType.Text) { Value = name });
        }

        if (type is not null)
        {
            filter += " AND type = @type";
            parameters.Add(new NpgsqlParameter("type", NpgsqlDbType.Text) { Value = type });
        }

        // Past the first page, a row comparison on the index's columns is an index condition (a range start), and
        // a sub-select that finds no row (an offset past the end) makes it NULL: an empty page.
        var sql = offset == 0
            ? $"SELECT {Columns} FROM records WHERE {filter} ORDER BY {Order} LIMIT @page_limit"
            : $"""
               SELECT {Columns} FROM records
               WHERE {filter}
                 AND ({Order}) >= (SELECT {Order} FROM records WHERE {filter} ORDER BY {Order} OFFSET @page_offset LIMIT 1)
               ORDER BY {Order}
               LIMIT @page_limit
               """;

        // Read straight into what the response carries: a page of 1,000 materialised as tracked-or-not entities, with
        // every column of the table, cost more than the query itself.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection());
            foreach (var parameter in parameters)
            {
                command.Parameters.Add(parameter);
            }

            await using var reader = await command.ExecuteReaderAsync(ct);
            var page = new List<RecordDto>(limit);
            while (await reader.ReadAsync(ct))
            {
                page.Add(new RecordDto(
                    reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4),
                    reader.IsDBNull(5) ? null : reader.GetInt32(5), reader.GetBoolean(6), reader.IsDBNull(7) ? null : reader.GetString(7)));
            }

            return page;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
