namespace Enclave.Cli.Common;

/// <summary>
/// Where a command's report goes: stdout, or a file written only once the whole report exists (a temporary file
/// moved into place), so a failed run never leaves a partial report that looks complete.
/// </summary>
public static class OutputTarget
{
    public static void Write(string? path, TextWriter stdout, Action<TextWriter> render)
    {
        if (path is null or "-")
        {
            render(stdout);
            stdout.Flush();
            return;
        }
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory)) throw CliException.Usage($"--output {path}: directory {directory} does not exist");
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        var moved = false;
        try
        {
            using (var file = new StreamWriter(temp, append: false, new System.Text.UTF8Encoding(false)))
                render(file);
            File.Move(temp, full, overwrite: true);
            moved = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.Input($"--output {path}: cannot write ({e.Message})");
        }
        finally
        {
            // Whatever stopped the report (a write error, or a failure while rendering), no partial file stays behind.
            if (!moved) TryDelete(temp);
        }
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
