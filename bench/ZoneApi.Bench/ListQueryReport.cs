using System.Globalization;
using System.Text;
using Npgsql;

namespace ZoneApi.Bench;

/// <summary>
/// What PostgreSQL does for a page of a large zone, printed once before the benchmarks: the SQL the app
/// sends, the plans of the documented list query, and the records table's access counters per request,
/// which show a sequential scan or a whole-zone read whatever SQL the app uses.
/// </summary>
/// <param name="connectionString">The app's database.</param>
/// <param name="client">A client of the running app.</param>
/// <param name="sqlCapture">The app's EF command log.</param>
/// <param name="appDataSource">The app's connection pool, emptied to make its sessions publish their counters; null if the app has none in DI.</param>
public sealed class ListQueryReport(string connectionString, HttpClient client, SqlCapture sqlCapture, NpgsqlDataSource? appDataSource)
{
    // The list query's shape: the zone's records in the documented order, one page of them, which
    // records_zone_order_idx (zone_id, name, type, content, id) can serve without sorting.
    private const string PageQuery = """
        SELECT zone_id, id, name, type, content, priority, ttl, disabled, comment, protected
        FROM records WHERE zone_id = $1 ORDER BY name, type, content_key, id OFFSET $2 LIMIT $3
        """;

    private const string CountQuery = "SELECT count(*) FROM records WHERE zone_id = $1";

    private const int Requests = 20;

    // Unpooled: closing a connection ends its session, which publishes its statistics at once.
    private readonly string _unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    /// <summary>
    /// After thousands of inserts autovacuum would soon VACUUM and ANALYZE the table; doing it now gives the
    /// planner real statistics and keeps autovacuum from starting in the middle of a measurement.
    /// </summary>
    public async Task SettleAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(_unpooled);
        await connection.OpenAsync(ct);
        await using var vacuum = new NpgsqlCommand("VACUUM (ANALYZE) records", connection);
        await vacuum.ExecuteNonQueryAsync(ct);
    }

    public async Task<string> RunAsync(SeededZone zone, int deepOffset, int limit, CancellationToken ct)
    {
        var report = new StringBuilder();
        var first = Page(zone, 0, limit);
        var deep = Page(zone, deepOffset, limit);

        sqlCapture.Start();
        (await client.GetAsync(deep, ct)).Dispose();
        var commands = sqlCapture.Stop();
        report.AppendLine(CultureInfo.InvariantCulture, $"SQL the app sent for GET {deep} ({commands.Count} command(s) in EF Core's log):");
        report.AppendLine(commands.Count > 0
            ? Indent(string.Join(Environment.NewLine, commands))
            : "    (none: this route does not go through EF Core; the access counters below still apply)");

        report.AppendLine(CultureInfo.InvariantCulture, $"Access to table records per request, averaged over {Requests} requests (pg_stat_user_tables):");
        report.AppendLine("    request                                 seq scans  rows by seq scan  index scans  rows by index scan");
        foreach (var (label, page) in new[] { ("first page", first), ($"page at offset {deepOffset}", deep) })
        {
            var perRequest = await MeasureAsync(page, ct);
            report.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"    {$"{label} (limit {limit}) of {zone.Total}",-38}  {Per(perRequest.SeqScans),9}  {Per(perRequest.SeqRows),16}  {Per(perRequest.IndexScans),11}  {Per(perRequest.IndexRows),18}"));
        }

        report.AppendLine("    (rows by seq scan near the table's size: each request reads the whole table; rows by index scan");
        report.AppendLine("     near offset + limit: what OFFSET paging costs; near the zone's size on the first page: a whole-zone read)");

        await using var connection = new NpgsqlConnection(_unpooled);
        await connection.OpenAsync(ct);
        await using (var rows = new NpgsqlCommand("SELECT count(*) FROM records", connection))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"Table records holds {await rows.ExecuteScalarAsync(ct)} rows, {zone.Total} of them in this zone.");
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"EXPLAIN ANALYZE of the list query, first page (OFFSET 0 LIMIT {limit}):");
        report.AppendLine(Indent(await ExplainAsync(connection, PageQuery, [zone.Id, 0, limit], ct)));
        report.AppendLine(CultureInfo.InvariantCulture, $"EXPLAIN ANALYZE of the list query, deep page (OFFSET {deepOffset} LIMIT {limit}):");
        report.AppendLine(Indent(await ExplainAsync(connection, PageQuery, [zone.Id, deepOffset, limit], ct)));
        report.AppendLine("EXPLAIN ANALYZE of a count of the zone's records (the pagination block's total):");
        report.AppendLine(Indent(await ExplainAsync(connection, CountQuery, [zone.Id], ct)));
        return report.ToString();
    }

    private static Uri Page(SeededZone zone, int offset, int limit) =>
        new($"/v1/zones/{zone.Id}/records?offset={offset}&limit={limit}", UriKind.Relative);

    private static string Per(long value) => ((double)value / Requests).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Indent(string text) => "    " + text.Trim().ReplaceLineEndings(Environment.NewLine + "    ");

    /// <summary>The change in the table's counters over <see cref="Requests"/> requests of the page.</summary>
    private async Task<TableCounters> MeasureAsync(Uri page, CancellationToken ct)
    {
        var before = await PublishedCountersAsync(ct);
        for (var i = 0; i < Requests; i++)
        {
            using var response = await client.GetAsync(page, ct);
            response.EnsureSuccessStatusCode();
        }

        return await PublishedCountersAsync(ct) - before;
    }

    /// <summary>
    /// A session publishes its counters when it ends, and otherwise only now and then while idle (up to 10 s
    /// later). Closing the app's idle connections ends its sessions; then read until the counters hold still.
    /// </summary>
    private async Task<TableCounters> PublishedCountersAsync(CancellationToken ct)
    {
        appDataSource?.Clear();
        var settle = appDataSource is null ? TimeSpan.FromSeconds(11) : TimeSpan.FromMilliseconds(300);
        var last = await CountersAsync(ct);
        while (true)
        {
            await Task.Delay(settle, ct);
            var now = await CountersAsync(ct);
            if (now == last)
            {
                return now;
            }

            last = now;
        }
    }

    private async Task<TableCounters> CountersAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(_unpooled);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            """
            SELECT coalesce(seq_scan, 0), coalesce(seq_tup_read, 0), coalesce(idx_scan, 0), coalesce(idx_tup_fetch, 0)
            FROM pg_stat_user_tables WHERE relname = 'records'
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new TableCounters(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    private static async Task<string> ExplainAsync(NpgsqlConnection connection, string sql, object[] parameters, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join(Environment.NewLine, lines);
    }

    private sealed record TableCounters(long SeqScans, long SeqRows, long IndexScans, long IndexRows)
    {
        public static TableCounters operator -(TableCounters a, TableCounters b) =>
            new(a.SeqScans - b.SeqScans, a.SeqRows - b.SeqRows, a.IndexScans - b.IndexScans, a.IndexRows - b.IndexRows);
    }
}
