// Hand-written support code of the Pulumi.Oci subset (internal, as in the official package).
#nullable enable

namespace Pulumi.Oci
{
    /// <summary>Package version and invoke defaults shared by the generated resources and invokes.</summary>
    internal static class Utilities
    {
        /// <summary>The provider version (second line of the embedded <c>Pulumi.Oci.version.txt</c>): the engine installs and selects that plugin.</summary>
        public static string Version { get; } = ReadVersion();

        /// <summary>The caller's options (or new ones) with <see cref="global::Pulumi.InvokeOptions.Version"/> defaulted to the package version.</summary>
        public static global::Pulumi.InvokeOptions WithDefaults(this global::Pulumi.InvokeOptions? src)
        {
            var dst = src ?? new global::Pulumi.InvokeOptions();
            dst.Version = src?.Version ?? Version;
            return dst;
        }

        /// <summary>The caller's options (or new ones) with <see cref="global::Pulumi.InvokeOptions.Version"/> defaulted to the package version.</summary>
        public static global::Pulumi.InvokeOutputOptions WithDefaults(this global::Pulumi.InvokeOutputOptions? src)
        {
            var dst = src ?? new global::Pulumi.InvokeOutputOptions();
            dst.Version = src?.Version ?? Version;
            return dst;
        }

        private static string ReadVersion()
        {
            const string resource = "Pulumi.Oci.version.txt";
            using var stream = typeof(Utilities).Assembly.GetManifestResourceStream(resource)
                ?? throw new global::System.NotSupportedException($"Missing embedded resource {resource}");
            using var reader = new global::System.IO.StreamReader(stream);
            // One or two lines: an optional plugin name ("oci"), then the version.
            var lines = reader.ReadToEnd().Split('\n', global::System.StringSplitOptions.RemoveEmptyEntries | global::System.StringSplitOptions.TrimEntries);
            return lines.Length == 0 ? throw new global::System.NotSupportedException($"Empty embedded resource {resource}") : lines[^1];
        }
    }

    /// <summary>Marks a generated resource class with its type token and the package version.</summary>
    internal sealed class OciResourceTypeAttribute : global::Pulumi.ResourceTypeAttribute
    {
        public OciResourceTypeAttribute(string type) : base(type, Utilities.Version)
        {
        }
    }
}
