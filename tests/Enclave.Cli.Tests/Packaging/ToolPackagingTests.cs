using System.Text.Json;
using System.Xml.Linq;
using Enclave.Cli.Tests.Review;

namespace Enclave.Cli.Tests.Packaging;

/// <summary>
/// Issue 14.5: `dotnet pack infra/Enclave.Cli && dotnet tool restore && dotnet enclave plan prod` works only while the
/// project, the tool manifest and nuget.config agree on the package id, version, command and feed.
/// </summary>
public class ToolPackagingTests
{
    private static readonly XElement Project = XElement.Load(RepoFile.Path("infra/Enclave.Cli/Enclave.Cli.csproj"));

    private static string Property(string name) => Project.Descendants(name).Single().Value;

    [Fact]
    public void The_local_tool_manifest_installs_the_package_the_cli_project_packs_as_the_enclave_command()
    {
        Assert.Equal("true", Property("PackAsTool"));
        Assert.Equal("enclave", Property("ToolCommandName"));
        using var manifest = JsonDocument.Parse(File.ReadAllText(RepoFile.Path(".config/dotnet-tools.json")));
        var tool = manifest.RootElement.GetProperty("tools").GetProperty(Property("PackageId").ToLowerInvariant());
        Assert.Equal(Property("Version"), tool.GetProperty("version").GetString());
        Assert.Equal(["enclave"], tool.GetProperty("commands").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public void The_package_lands_in_a_feed_that_nuget_config_maps_to_that_package_only()
    {
        Assert.EndsWith("../../.config/tool-feed", Property("PackageOutputPath"));
        Assert.True(Directory.Exists(RepoFile.Path(".config/tool-feed")), "the feed folder must exist in a fresh clone (NuGet refuses a missing source)");
        var config = XElement.Load(RepoFile.Path("nuget.config"));
        var source = config.Descendants("packageSources").Elements("add").Single(a => (string?)a.Attribute("value") == ".config/tool-feed");
        var mapped = config.Descendants("packageSource").Single(p => (string?)p.Attribute("key") == (string?)source.Attribute("key"));
        Assert.Equal([Property("PackageId")], mapped.Elements("package").Select(p => (string?)p.Attribute("pattern")));
    }
}
