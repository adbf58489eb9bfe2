using System.Collections.Concurrent;

namespace ChatAdvisor.Data;

/// <summary>
/// Folders and files that hold secrets (the database with its accounts and candidates' data, key files) are made
/// readable by the service account only: 0700 folders and 0600 files on Unix. Windows inherits the folder's ACL.
/// </summary>
public static class OwnerOnlyFiles
{
    public const UnixFileMode OwnerFolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public const UnixFileMode OwnerFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static readonly ConcurrentDictionary<string, bool> s_secured = new(StringComparer.Ordinal);

    /// <summary>Creates <paramref name="folder"/> (and missing parents) as 0700; an existing folder is left as the operator set it.</summary>
    public static void EnsureFolder(string folder)
    {
        if (OperatingSystem.IsWindows() || Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder);
            return;
        }
        var parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(folder));
        if (!string.IsNullOrEmpty(parent))
        {
            EnsureFolder(parent);
        }
        Directory.CreateDirectory(folder, OwnerFolderMode);
    }

    /// <summary>
    /// Creates an empty SQLite database file as 0600 before SQLite opens it (SQLite gives its -wal and -shm files the
    /// database file's mode), or tightens an existing one that an earlier version created 0644. Once per process.
    /// </summary>
    public static void EnsureDatabaseFile(string path)
    {
        if (s_secured.ContainsKey(path))
        {
            return;
        }
        EnsureFolder(Path.GetDirectoryName(path)!);
        if (!OperatingSystem.IsWindows())
        {
            if (File.Exists(path))
            {
                foreach (var file in (string[])[path, path + "-wal", path + "-shm"])
                {
                    if (File.Exists(file) && File.GetUnixFileMode(file) != OwnerFileMode)
                    {
                        File.SetUnixFileMode(file, OwnerFileMode);
                    }
                }
            }
            else
            {
                try
                {
                    using var created = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerFileMode });
                }
                catch (IOException) when (File.Exists(path))
                {
                    // Another instance or context created it first, with the same mode.
                }
            }
        }
        s_secured.TryAdd(path, true);
    }
}
