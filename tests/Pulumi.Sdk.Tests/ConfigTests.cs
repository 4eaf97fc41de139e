using System.Text.Json;
using Pulumi.Sdk.Tests.Infrastructure;
using Pulumi.Testing;
using Pulumi.Utilities;

namespace Pulumi.Sdk.Tests;

/// <summary>Config reads from PULUMI_CONFIG per deployment, typed getters and the official error texts.</summary>
public sealed class ConfigTests
{
    private const string ConfigJson = """
        {
          "project:name": "enclave",
          "project:enabled": "true",
          "project:notBool": "yes",
          "project:count": "3",
          "project:notInt": "three",
          "project:ratio": "0.75",
          "project:notDouble": "1,5x",
          "project:settings": "{\"Region\":\"us-ashburn-1\",\"Zones\":[\"AD-1\",\"AD-2\"]}",
          "project:notJson": "{not json",
          "project:dbPassword": "p4ss",
          "project:config:legacy": "old-style",
          "oci:region": "us-ashburn-1"
        }
        """;

    public sealed class Settings
    {
        public string? Region { get; set; }
        public List<string>? Zones { get; set; }
    }

    /// <summary>Runs <paramref name="read"/> as a program with the test configuration and returns its result.</summary>
    private static async Task<T> ReadAsync<T>(Func<T> read, string json = ConfigJson)
    {
        using var _ = EnvironmentScope.Config(json, "[\"project:dbPassword\"]");
        T result = default!;
        await Deployment.TestAsync(new RecordingMocks().Object, new TestOptions(), () => { result = read(); });
        return result;
    }

    private static async Task<RunException> FailAsync(Action read)
    {
        using var _ = EnvironmentScope.Config(ConfigJson);
        return await Assert.ThrowsAsync<RunException>(() => Deployment.TestAsync(new RecordingMocks().Object, new TestOptions(), read));
    }

    [Fact]
    public async Task Secret_objects_set_to_json_null_follow_the_official_overloads()
    {
        const string json = """{"project:nothing": "null"}""";
        // With serializer options the official SDK checks the deserialized value: JSON null is no value at all.
        Assert.Null(await ReadAsync(() => new Config().GetSecretObject<Settings>("nothing", new JsonSerializerOptions()), json));
        // Without options it checks the raw value: present, so a (secret) output of null.
        var withoutOptions = await ReadAsync(() => new Config().GetSecretObject<Settings>("nothing"), json);
        Assert.NotNull(withoutOptions);
        Assert.True(await Output.IsSecretAsync(withoutOptions));
    }

    [Fact]
    public async Task Typed_getters_read_the_project_namespace()
    {
        Assert.Equal("enclave", await ReadAsync(() => new Config().Get("name")));
        Assert.Equal("enclave", await ReadAsync(() => new Config().Require("name")));
        Assert.True(await ReadAsync(() => new Config().GetBoolean("enabled")));
        Assert.True(await ReadAsync(() => new Config().RequireBoolean("enabled")));
        Assert.Equal(3, await ReadAsync(() => new Config().GetInt32("count")));
        Assert.Equal(3, await ReadAsync(() => new Config().RequireInt32("count")));
        Assert.Equal(0.75, await ReadAsync(() => new Config().GetDouble("ratio")));
        Assert.Equal(0.75, await ReadAsync(() => new Config().RequireDouble("ratio")));
    }

    [Fact]
    public async Task Missing_optional_values_are_null()
    {
        Assert.Null(await ReadAsync(() => new Config().Get("absent")));
        Assert.Null(await ReadAsync(() => new Config().GetBoolean("absent")));
        Assert.Null(await ReadAsync(() => new Config().GetInt32("absent")));
        Assert.Null(await ReadAsync(() => new Config().GetDouble("absent")));
        Assert.Null(await ReadAsync(() => new Config().GetObject<Settings>("absent")));
        Assert.Null(await ReadAsync(() => new Config().GetSecret("absent")));
    }

    [Fact]
    public async Task Objects_are_deserialized_from_json()
    {
        var settings = await ReadAsync(() => new Config().RequireObject<Settings>("settings"));
        Assert.Equal("us-ashburn-1", settings.Region);
        Assert.Equal(new[] { "AD-1", "AD-2" }, settings.Zones);

        var element = await ReadAsync(() => new Config().GetObject<JsonElement>("settings"));
        Assert.Equal("AD-2", element.GetProperty("Zones")[1].GetString());
    }

    [Fact]
    public async Task Secret_getters_return_secret_outputs()
    {
        var secret = await ReadAsync(() => new Config().RequireSecret("dbPassword"));
        Assert.True(await Output.IsSecretAsync(secret));
        Assert.Equal("p4ss", await OutputUtilities.GetValueAsync(secret));

        var secretInt = await ReadAsync(() => new Config().GetSecretInt32("count"));
        Assert.True(await Output.IsSecretAsync(secretInt!));
        Assert.Equal(3, await OutputUtilities.GetValueAsync(secretInt!));

        var secretObject = await ReadAsync(() => new Config().RequireSecretObject<Settings>("settings"));
        Assert.True(await Output.IsSecretAsync(secretObject));
        Assert.Equal("us-ashburn-1", (await OutputUtilities.GetValueAsync(secretObject)).Region);

        Assert.True(await Output.IsSecretAsync(await ReadAsync(() => new Config().RequireSecretBoolean("enabled"))));
        Assert.True(await Output.IsSecretAsync(await ReadAsync(() => new Config().RequireSecretDouble("ratio"))));
    }

    [Fact]
    public async Task Other_namespaces_and_legacy_keys_are_supported()
    {
        Assert.Equal("us-ashburn-1", await ReadAsync(() => new Config("oci").Get("region")));
        Assert.Equal("old-style", await ReadAsync(() => new Config().Get("legacy")));
        // A trailing ":config" in the namespace is ignored.
        Assert.Equal("us-ashburn-1", await ReadAsync(() => new Config("oci:config").Get("region")));
    }

    [Fact]
    public async Task Config_is_read_when_each_deployment_starts()
    {
        Assert.Equal("first", await ReadAsync(() => new Config().Get("name"), """{"project:name":"first"}"""));
        Assert.Equal("second", await ReadAsync(() => new Config().Get("name"), """{"project:name":"second"}"""));
        Assert.Null(await ReadAsync(() => new Config().Get("name"), "{}"));
    }

    [Fact]
    public async Task Config_uses_the_project_name_from_the_test_options()
    {
        using var _ = EnvironmentScope.Config("""{"enclave:name":"from-enclave"}""");
        string? value = null;
        await Deployment.TestAsync(new RecordingMocks().Object, new TestOptions { ProjectName = "enclave" }, () => { value = new Config().Get("name"); });
        Assert.Equal("from-enclave", value);
    }

    [Fact]
    public async Task Missing_required_values_report_the_official_message()
    {
        var error = await FailAsync(() => new Config().Require("missing"));
        Assert.Equal("Missing Required configuration variable 'project:missing'\n\tplease set a value using the command `pulumi config set project:missing <value>`", error.Message);

        Assert.Contains("'project:missingInt'", (await FailAsync(() => new Config().RequireInt32("missingInt"))).Message);
        Assert.StartsWith("Missing Required configuration variable 'project:missingBool'", (await FailAsync(() => new Config().RequireBoolean("missingBool"))).Message);
        Assert.StartsWith("Missing Required configuration variable 'project:missingDouble'", (await FailAsync(() => new Config().RequireDouble("missingDouble"))).Message);
        Assert.StartsWith("Missing Required configuration variable 'project:missingObject'", (await FailAsync(() => new Config().RequireObject<Settings>("missingObject"))).Message);
        Assert.StartsWith("Missing Required configuration variable 'project:missingSecret'", (await FailAsync(() => new Config().RequireSecret("missingSecret"))).Message);
    }

    [Fact]
    public async Task Values_of_the_wrong_type_report_the_official_message()
    {
        Assert.Equal("Configuration 'project:notBool' value 'yes' is not a valid Boolean",
            (await FailAsync(() => new Config().GetBoolean("notBool"))).Message);
        Assert.Equal("Configuration 'project:notInt' value 'three' is not a valid Int32",
            (await FailAsync(() => new Config().RequireInt32("notInt"))).Message);
        Assert.Equal("Configuration 'project:notDouble' value '1,5x' is not a valid Double",
            (await FailAsync(() => new Config().GetDouble("notDouble"))).Message);
        Assert.Equal($"Configuration 'project:notJson' value '{{not json' is not a valid {typeof(Settings).FullName}",
            (await FailAsync(() => new Config().GetObject<Settings>("notJson"))).Message);
    }
}
