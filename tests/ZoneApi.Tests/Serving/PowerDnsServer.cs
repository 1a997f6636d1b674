using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;
using ZoneApi.Tests.Infrastructure;

namespace ZoneApi.Tests.Serving;

/// <summary>
/// A real PowerDNS Authoritative server (pdns_server with the gpgsql backend) on a loopback port, serving one ZoneApi
/// database with the shipped deploy/pdns/pdns.conf, logged in as the least-privilege role zoneapi_pdns. Started by
/// <see cref="StartAsync"/>, stopped (its process killed by id, its folder removed) by <see cref="DisposeAsync"/> or
/// when the test process exits. Questions go through dig.
/// </summary>
public sealed class PowerDnsServer : IAsyncDisposable
{
    /// <summary>The role migration 0009 creates; tests give it this password.</summary>
    public const string Role = "zoneapi_pdns";

    public const string RolePassword = "zoneapi_pdns_test_password";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly SemaphoreSlim RoleLock = new(1, 1);

    private readonly Process _process;
    private readonly string _directory;
    private readonly StringBuilder _log;

    private PowerDnsServer(Process process, string directory, StringBuilder log, int port)
    {
        _process = process;
        _directory = directory;
        _log = log;
        Port = port;
    }

    public const string Address = "127.0.0.1";

    /// <summary>The port, UDP and TCP.</summary>
    public int Port { get; }

    /// <summary>What pdns_server has printed so far, for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>
    /// Starts PowerDNS on the database of <paramref name="connectionString"/> (a user that may alter roles, such as the
    /// test suite's; the migrations must have run). The resolver PowerDNS uses to expand ALIAS records is this same
    /// server unless <paramref name="resolver"/> says otherwise ("ip:port"): nothing beyond loopback is reachable in tests,
    /// and ALIAS targets in its own zones are answered by it. With <paramref name="prepareRole"/> false the role's login
    /// is left alone: for a hot standby, which cannot write, after preparing it on the primary with <see cref="PrepareRoleAsync"/>.
    /// <paramref name="settings"/> are extra pdns.conf settings (name, value) given on the command line.
    /// </summary>
    public static async Task<PowerDnsServer> StartAsync(
        string connectionString, string? resolver = null, bool prepareRole = true, IReadOnlyDictionary<string, string>? settings = null)
    {
        if (prepareRole)
        {
            await PrepareRoleAsync(connectionString);
        }

        var database = new NpgsqlConnectionStringBuilder(connectionString);
        for (var attempt = 1; ; attempt++)
        {
            // Another process may take the free port between the check and pdns_server's bind: try another one.
            var port = FreeUdpAndTcpPort();
            var directory = Path.Combine(Path.GetTempPath(), "zoneapi-pdns-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(directory);
            File.Copy(RepositoryFiles.PathOf("deploy/pdns/pdns.conf"), Path.Combine(directory, "pdns.conf"));
            var arguments = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["config-dir"] = directory,
                ["socket-dir"] = directory,
                ["local-address"] = "127.0.0.1",
                ["local-port"] = port.ToString(CultureInfo.InvariantCulture),
                ["daemon"] = "no",
                ["guardian"] = "no",
                ["disable-syslog"] = "yes",
                ["loglevel"] = "4",
                ["gpgsql-host"] = database.Host ?? "127.0.0.1",
                ["gpgsql-port"] = database.Port.ToString(CultureInfo.InvariantCulture),
                ["gpgsql-dbname"] = database.Database ?? "",
                ["gpgsql-user"] = Role,
                ["gpgsql-password"] = RolePassword,
                ["resolver"] = resolver ?? $"127.0.0.1:{port}",
            };
            foreach (var (name, value) in settings ?? new Dictionary<string, string>())
            {
                arguments[name] = value;
            }

            var server = Start(arguments, directory, port);
            if (await server.WaitUntilAnsweringAsync())
            {
                return server;
            }

            var log = server.Log;
            await server.DisposeAsync();
            if (attempt == 3 || !log.Contains("Unable to bind", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"pdns_server did not start answering on port {port}:\n{log}");
            }
        }
    }

    /// <summary>
    /// Lets zoneapi_pdns log in with <see cref="RolePassword"/>, as an operator does once (deploy/pdns/README.md). Roles
    /// belong to the whole cluster, shared by every test class: done once per process, and skipped when it can log in.
    /// </summary>
    public static async Task PrepareRoleAsync(string connectionString)
    {
        await RoleLock.WaitAsync();
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var check = new NpgsqlCommand("SELECT rolcanlogin FROM pg_roles WHERE rolname = $1", connection);
            check.Parameters.AddWithValue(Role);
            var canLogin = await check.ExecuteScalarAsync() ?? throw new InvalidOperationException($"no role {Role}: has migration 0009 run?");
            if (!(bool)canLogin)
            {
                await using var alter = new NpgsqlCommand($"ALTER ROLE {Role} LOGIN PASSWORD '{RolePassword}'", connection);
                await alter.ExecuteNonQueryAsync();
            }
        }
        finally
        {
            RoleLock.Release();
        }
    }

    public Task<DnsReply> QueryAsync(string name, string type, DnsTransport transport) => Dig.QueryAsync(Address, Port, name, type, transport);

    public Task<IReadOnlyList<ResourceRecord>> TransferAsync(string zone) => Dig.TransferAsync(Address, Port, zone);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }

        _process.Dispose();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static PowerDnsServer Start(Dictionary<string, string> arguments, string directory, int port)
    {
        var start = new ProcessStartInfo("pdns_server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in arguments)
        {
            start.ArgumentList.Add($"--{name}={value}");
        }

        var log = new StringBuilder();
        var process = new Process { StartInfo = start };
        DataReceivedEventHandler append = (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (log)
                {
                    log.AppendLine(e.Data);
                }
            }
        };
        process.OutputDataReceived += append;
        process.ErrorDataReceived += append;
        if (!process.Start())
        {
            throw new InvalidOperationException("pdns_server did not start");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new PowerDnsServer(process, directory, log, port);
        // A test process that ends without disposing (a crash, a cancelled run) still stops its PowerDNS.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    }

    /// <summary>Until it answers a question (REFUSED for a name it does not serve is an answer), or it exits.</summary>
    private async Task<bool> WaitUntilAnsweringAsync()
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                var reply = await QueryAsync("zoneapi-pdns-ready.invalid", "SOA", DnsTransport.Tcp);
                if (reply.Status.Length > 0)
                {
                    return true;
                }
            }
            catch (InvalidOperationException)
            {
                // Not listening yet: dig reports no server reachable.
            }

            await Task.Delay(200);
        }

        return false;
    }

    private static int FreeUdpAndTcpPort()
    {
        for (var attempt = 0; ; attempt++)
        {
            using var tcp = new TcpListener(IPAddress.Loopback, 0);
            tcp.Start();
            var port = ((IPEndPoint)tcp.LocalEndpoint).Port;
            try
            {
                using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException) when (attempt < 20)
            {
                // That port is taken for UDP: try another.
            }
        }
    }
}
