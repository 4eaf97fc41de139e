using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Enclave.Configuration;
using Enclave.Cli.Common;
using Enclave.Escaping;
using Enclave.Offline.Planning;
using Enclave.Offline.Stacks;
using Enclave.Policy.Review.Render;

namespace Enclave.Cli.Commands;

/// <summary>
/// `enclave config show STACK [--format text|json]`: the stack's configuration as the program reads it — validated
/// (an invalid stack fails here with the program's own message, exit 2) and typed (lists, numbers, enums, defaults
/// applied). Secret values (`secure:` in the stack file) are never decrypted offline: they read `[secret]`, and their
/// keys are listed.
/// </summary>
public static class ConfigCommand
{
    private static JsonSerializerOptions JsonOptions => CliJson.Options;

    public static Command Create(CliServices services)
    {
        var stack = new Argument<string>("STACK") { Description = "Stack whose configuration to show" };
        var format = CommonOptions.Format(ReportFormat.Text, ReportFormat.Json);
        var repo = new Option<string?>("--repo") { Description = "Repository root (default: the directory holding Pulumi.yaml, from here up)" };
        var show = new Command("show", "The validated, typed configuration of a stack (secrets masked)") { stack, format, repo };
        show.SetAction((parseResult, _) => CliErrors.RunAsync(parseResult.InvocationConfiguration.Error, () =>
        {
            var root = Repository.FindRoot(parseResult.GetValue(repo));
            var name = parseResult.GetValue(stack)!;
            Repository.RequireStack(services.Stacks, root, name);
            var config = StackConfigFile.Load(root, name);
            var settings = StackContext.LoadSettings(root, name);
            var tree = JsonSerializer.SerializeToNode(settings, (JsonTypeInfo<EnclaveSettings>)JsonOptions.GetTypeInfo(typeof(EnclaveSettings)))!.AsObject();
            var json = parseResult.GetValue(format) == "json";
            OutputTarget.Write(null, parseResult.InvocationConfiguration.Output, w =>
            {
                if (json)
                    w.WriteLine(new JsonObject
                    {
                        ["schemaVersion"] = 1,
                        ["stack"] = name,
                        ["settings"] = tree,
                        ["secretKeys"] = new JsonArray([.. config.SecretKeys.Select(k => (JsonNode)k!)]),
                    }.ToJsonString(JsonOptions));
                else Text(name, config, tree, w);
            });
            return Task.FromResult(ExitCodes.Ok);
        }));
        var command = new Command("config", "Stack configuration") { show };
        return command;
    }

    private static void Text(string stack, StackConfig config, JsonObject tree, TextWriter w)
    {
        var t = new TextLayout(TextLayout.DefaultWidth, color: false);
        t.Line($"Configuration of stack {SafeText.Escape(stack)} ({SafeText.Escape(config.StackFile)}), validated:");
        Flatten(t, "", tree);
        t.Line();
        t.Wrap("", "  ", config.SecretKeys.Count == 0
            ? "Secrets: none."
            : $"Secrets (never decrypted offline; shown as {StackConfig.SecretPlaceholder}): {string.Join(", ", config.SecretKeys.Select(k => SafeText.Escape(k)))}.");
        w.Write(t.ToString());
    }

    private static void Flatten(TextLayout t, string path, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (k, v) in o) Flatten(t, path.Length == 0 ? k : $"{path}.{k}", v);
                break;
            case JsonArray a:
                var items = a.Select(i => i?.ToJsonString(JsonOptions) ?? "null").ToList();
                t.Wrap($"  {SafeText.Escape(path)}: ", new string(' ', 6), items.Count == 0 ? "[]" : $"[{SafeText.Escape(string.Join(", ", items))}]");
                break;
            default:
                t.Wrap($"  {SafeText.Escape(path)}: ", new string(' ', 6), SafeText.Escape(node?.ToJsonString(JsonOptions) ?? "null"));
                break;
        }
    }
}
