namespace ZoneApi.Tests.Infrastructure;

public static class RepositoryFiles
{
    /// <summary>A file at the repository root, found by walking up from the test binaries to ZoneApi.sln.</summary>
    public static string PathOf(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ZoneApi.sln")))
            {
                return Path.Combine(directory.FullName, name);
            }
        }

        throw new FileNotFoundException("ZoneApi.sln not found above " + AppContext.BaseDirectory);
    }
}
