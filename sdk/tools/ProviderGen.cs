#:property Nullable=enable
#:property TreatWarningsAsErrors=true
// Generates the C# sources of sdk/Pulumi.Oci and sdk/Pulumi.Random from the official API listings
// (shared/reference/official-api/*.txt, produced by shared/tools/api-listing.cs from the official assemblies).
//
// Every public name, type, parameter, default, wire name, required/json flag and type token is taken from the
// listing, so the generated assemblies list (api-listing.cs) only lines that appear in the official listing.
// What a listing cannot show is written down here: which properties the provider schemas mark secret, and the
// shape of generated Pulumi provider classes (ctor/Get/MakeResourceOptions/lazy collections/[OutputConstructor]).
//
// Usage (from the repository root):
//   dotnet run sdk/tools/ProviderGen.cs -- --listing PATH/Pulumi.Oci-4.20.0-partial.txt --root Pulumi.Oci --out sdk/Pulumi.Oci/Generated
//   dotnet run sdk/tools/ProviderGen.cs -- --listing PATH/Pulumi.Random-4.21.1.txt      --root Pulumi.Random --out sdk/Pulumi.Random/Generated
// Options:
//   --no-terraform-config     skip Provider.TerraformConfig() (needs Deployment.Instance.Call<T> in the core)
//   --no-invoke-output-options skip the Invoke(args, InvokeOutputOptions) overloads
//   --types A,B               generate only these resources/invokes (full names) and the types they reference
//   --nullable-listing FILE   the matching *.nullable.txt listing: resource outputs, output-type fields and their
//                             [OutputConstructor] parameters take its nullable annotations (required for every such
//                             member, so a listing that lacks one fails the run instead of guessing)
using System.Text;
using System.Text.RegularExpressions;

string? listingPath = null, nullableListingPath = null, root = null, outDir = null;
var terraformConfig = true;
var invokeOutputOptions = true;
HashSet<string>? only = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--listing": listingPath = args[++i]; break;
        case "--nullable-listing": nullableListingPath = args[++i]; break;
        case "--root": root = args[++i]; break;
        case "--out": outDir = args[++i]; break;
        case "--no-terraform-config": terraformConfig = false; break;
        case "--no-invoke-output-options": invokeOutputOptions = false; break;
        case "--types": only = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(); break;
        default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
    }
}
if (listingPath is null || root is null || outDir is null)
{
    Console.Error.WriteLine("usage: ProviderGen.cs --listing FILE --root Pulumi.Oci --out DIR [--nullable-listing FILE] [--no-terraform-config] [--no-invoke-output-options] [--types A,B]");
    return 2;
}

// ---------------------------------------------------------------------------------------------------------------
// Secrets. The listing does not say which properties are secret; these come from the provider schemas
// ("secret": true / Terraform Sensitive) as reflected in the official generated SDKs:
//  - the resource lists them in AdditionalSecretOutputs (wire names, only those that are outputs of the resource);
//  - its Args and State classes store those inputs wrapped in a secret Output, whatever the caller passed.
var secrets = new Dictionary<string, string[]>(StringComparer.Ordinal)
{
    ["Pulumi.Random.RandomPassword"] = ["bcryptHash", "result"],
    ["Pulumi.Random.RandomBytes"] = ["base64", "hex"],
    ["Pulumi.Oci.Database.AutonomousDatabase"] = ["adminPassword"],
    ["Pulumi.Oci.Database.AutonomousDatabaseWallet"] = ["password"],
    ["Pulumi.Oci.Provider"] = ["privateKey", "privateKeyPassword", "tokenExchangeClientSecret"],
};

// ---------------------------------------------------------------------------------------------------------------
// Parse the listing.
var types = new Dictionary<string, TypeModel>(StringComparer.Ordinal);
TypeModel T(string name) => types.TryGetValue(name, out var t) ? t : types[name] = new TypeModel(name);
var rxType = new Regex(@"^type (class|sealed class|static class|abstract class|struct|enum|interface|delegate) (\S+)(?: : (.+))?$");
var rxProp = new Regex(@"^member (\S+) property (static )?(\S+) (\w+) \{ (get; )?(set; )?\}$");
var rxField = new Regex(@"^member (\S+) field (static )?(readonly )?(\S+) (\w+)$");
var rxCtor = new Regex(@"^member (\S+) ctor (public|protected) \.ctor\((.*)\)$");
var rxMethod = new Regex(@"^member (\S+) method (public|protected) (static )?(?:override |virtual |abstract )?(\S+) (\w+)\((.*)\)$");
var rxInput = new Regex(@"^input (\S+) (\S+)( required)?( json)?$");
var rxOutput = new Regex(@"^output (\S+) (\S+) : (\S+)$");
var rxCtorParam = new Regex(@"^output-ctor-param (\S+) (\S+) : (\S+)$");
var rxToken = new Regex(@"^resource-type (\S+) (\S+)$");
foreach (var line in File.ReadLines(listingPath))
{
    Match m;
    if ((m = rxType.Match(line)).Success)
    {
        var t = T(m.Groups[2].Value);
        t.Kind = m.Groups[1].Value;
        t.Base = m.Groups[3].Success ? m.Groups[3].Value : null;
    }
    else if ((m = rxProp.Match(line)).Success)
        T(m.Groups[1].Value).Props.Add(new PropLine(m.Groups[4].Value, m.Groups[3].Value, m.Groups[2].Success, m.Groups[6].Success));
    else if ((m = rxField.Match(line)).Success)
        T(m.Groups[1].Value).Fields.Add(new FieldLine(m.Groups[5].Value, m.Groups[4].Value, m.Groups[2].Success, m.Groups[3].Success));
    else if ((m = rxCtor.Match(line)).Success)
        T(m.Groups[1].Value).Ctors.Add(ParseParams(m.Groups[3].Value));
    else if ((m = rxMethod.Match(line)).Success)
        T(m.Groups[1].Value).Methods.Add(new MethodLine(m.Groups[5].Value, m.Groups[4].Value, m.Groups[3].Success, ParseParams(m.Groups[6].Value)));
    else if ((m = rxInput.Match(line)).Success)
        T(m.Groups[1].Value).Inputs.Add(new WireInput(m.Groups[2].Value, m.Groups[3].Success, m.Groups[4].Success));
    else if ((m = rxOutput.Match(line)).Success)
        T(m.Groups[1].Value).Outputs.Add(new WireOutput(m.Groups[2].Value, m.Groups[3].Value));
    else if ((m = rxCtorParam.Match(line)).Success)
        T(m.Groups[1].Value).CtorParams.Add(new WireOutput(m.Groups[2].Value, m.Groups[3].Value));
    else if ((m = rxToken.Match(line)).Success)
        T(m.Groups[1].Value).Token = m.Groups[2].Value;
    else if (line.Length > 0)
        throw new InvalidDataException($"unrecognised listing line: {line}");
}

// Nullable annotations (api-listing.cs --nullable): "nullable <type> property|field <name> : <annotated type>".
// Only the members whose nullability the main listing cannot show are looked up here: resource outputs and
// output-type fields (Args properties follow from the generated shape and already match).
var annotated = new Dictionary<string, string>(StringComparer.Ordinal);
if (nullableListingPath is not null)
{
    var rxNullable = new Regex(@"^nullable (\S+) (property|field) (\w+) : (\S+)$");
    foreach (var line in File.ReadLines(nullableListingPath))
        if (rxNullable.Match(line) is { Success: true } m)
            annotated[$"{m.Groups[1].Value} {m.Groups[2].Value} {m.Groups[3].Value}"] = m.Groups[4].Value;
}

var errors = new List<string>();
var selected = types.Values.Where(t => t.Kind is not null && (t.FullName == root || t.FullName.StartsWith(root + ".", StringComparison.Ordinal)))
    .ToDictionary(t => t.FullName, StringComparer.Ordinal);
if (only is not null)
{
    // Keep the named resources/invokes, their Args/State/InvokeArgs/Result companions and everything they reference.
    var keep = new HashSet<string>(StringComparer.Ordinal);
    var queue = new Queue<string>();
    void Enqueue(string n) { if (selected.ContainsKey(n) && keep.Add(n)) queue.Enqueue(n); }
    foreach (var n in only)
    {
        if (!selected.ContainsKey(n)) { errors.Add($"--types: {n} is not in the listing"); continue; }
        foreach (var suffix in new[] { "", "Args", "State", "InvokeArgs", "Result", "TerraformConfigResult" }) Enqueue(n + suffix);
    }
    while (queue.Count > 0)
    {
        var t = selected[queue.Dequeue()];
        var referenced = t.Props.Select(p => p.Type).Concat(t.Fields.Select(f => f.Type)).Concat(t.CtorParams.Select(p => p.Type))
            .Concat(t.Methods.SelectMany(m => m.Params.Select(p => p.Type).Append(m.Return))).Concat(t.Ctors.SelectMany(c => c.Select(p => p.Type)));
        foreach (var r in referenced)
            foreach (Match tm in Regex.Matches(r, @"[A-Za-z_][\w.]*")) Enqueue(tm.Value);
    }
    selected = selected.Where(kv => keep.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
}

var pkgAttr = root.Split('.').Last() + "ResourceType"; // OciResourceType / RandomResourceType (internal, see Utilities.cs)

// ---------------------------------------------------------------------------------------------------------------
// Group the types into files: a resource with its Args/State, an invoke with its Args/InvokeArgs/Result,
// every other (Inputs/Outputs) type on its own.
var files = new SortedDictionary<string, List<TypeModel>>(StringComparer.Ordinal);
var placed = new HashSet<string>(StringComparer.Ordinal);
void Place(string file, TypeModel t) { if (placed.Add(t.FullName)) { if (!files.TryGetValue(file, out var l)) files[file] = l = []; l.Add(t); } }
string RelPath(TypeModel t)
{
    var ns = t.Namespace == root ? "" : t.Namespace[(root.Length + 1)..];
    return Path.Combine(ns.Split('.', StringSplitOptions.RemoveEmptyEntries).Append(t.Name + ".cs").ToArray());
}
foreach (var t in selected.Values.OrderBy(t => t.FullName, StringComparer.Ordinal))
{
    if (IsResource(t) || t.Kind == "static class")
    {
        var file = RelPath(t);
        Place(file, t);
        foreach (var suffix in new[] { "Args", "State", "InvokeArgs", "Result", "TerraformConfigResult" })
            if (selected.TryGetValue(t.FullName + suffix, out var c)) Place(file, c);
    }
}
foreach (var t in selected.Values.OrderBy(t => t.FullName, StringComparer.Ordinal))
    Place(RelPath(t), t);

// ---------------------------------------------------------------------------------------------------------------
// Emit.
// The header every generated file opens with (the generated types' files and OutputShapes alike).
void AppendHeader(StringBuilder sb)
{
    sb.AppendLine("// <auto-generated>");
    sb.AppendLine($"// Generated by sdk/tools/ProviderGen.cs from the official API listing {Path.GetFileName(listingPath)}. Do not edit by hand.");
    sb.AppendLine("// </auto-generated>");
    sb.AppendLine("#nullable enable");
    sb.AppendLine();
}

if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
var written = 0;
foreach (var (file, list) in files)
{
    var sb = new StringBuilder();
    AppendHeader(sb);
    sb.AppendLine($"namespace {list[0].Namespace}");
    sb.AppendLine("{");
    var first = true;
    foreach (var t in list)
    {
        if (!first) sb.AppendLine();
        first = false;
        if (IsResource(t)) EmitResource(sb, t);
        else if (t.Kind == "static class") EmitInvoke(sb, t);
        else if (t.Base is "Pulumi.ResourceArgs" or "Pulumi.InvokeArgs") EmitArgs(sb, t);
        else if (t.Kind == "sealed class" && t.Base is null) EmitOutputType(sb, t);
        else errors.Add($"{t.FullName}: don't know how to generate a '{t.Kind}' with base '{t.Base}'");
    }
    sb.AppendLine("}");
    var path = Path.Combine(outDir, file);
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    File.WriteAllText(path, sb.ToString().Replace("\r\n", "\n"));
    written++;
}

// ---------------------------------------------------------------------------------------------------------------
// OutputShapes.cs: every output value type the resources and output types use, registered with the core's OutputShapes
// when the assembly loads. Native AOT has no JIT, so the generic code for these (completion sources, typed list and map
// builders, value-type defaults, [OutputType] constructors kept from trimming) must be instantiated where source names
// the type; the JIT runtime takes the same path.
{
    var shapes = new SortedSet<string>(StringComparer.Ordinal);
    void Shape(string type)
    {
        type = type.Replace("?", "");   // reference nullability is no part of the runtime type
        var lt = type.IndexOf('<');
        if (lt >= 0)
        {
            var name = type[..lt];
            var args = SplitTop(type[(lt + 1)..^1]);
            if (name == "System.Collections.Immutable.ImmutableArray") shapes.Add($"Array<{Cs(args[0])}>");
            else if (name == "System.Collections.Immutable.ImmutableDictionary") shapes.Add($"Map<{Cs(args[1])}>");
            else if (name != "System.Nullable") errors.Add($"OutputShapes: don't know the output shape {type}");
            foreach (var a in args) Shape(a);
        }
        else if (selected.TryGetValue(type, out var o) && o.Kind == "sealed class" && o.Base is null) shapes.Add($"OutputType<{Cs(type)}>");
    }
    foreach (var t in selected.Values)
    {
        if (IsResource(t))
            foreach (var p in t.Props.Where(p => !p.IsStatic && Match(t, p.Name, t.Outputs.Select(o => o.Wire)) is not null))
            {
                var value = GenericArg(p.Type);
                shapes.Add($"Output<{Cs(value.Replace("?", ""))}>");
                Shape(value);
            }
        else if (t.Kind == "sealed class" && t.Base is null)
        {
            shapes.Add($"OutputType<{Cs(t.FullName)}>");
            foreach (var p in t.CtorParams) Shape(p.Type);
        }
    }
    var sb = new StringBuilder();
    AppendHeader(sb);
    sb.AppendLine($"namespace {root}");
    sb.AppendLine("{");
    sb.AppendLine("    /// <summary>");
    sb.AppendLine("    /// The output value types of this package's resources and output types, registered when the assembly loads so that");
    sb.AppendLine("    /// their generic code exists in a Native AOT build (sdk/Pulumi/Serialization/OutputShapes.cs).");
    sb.AppendLine("    /// </summary>");
    sb.AppendLine("    internal static class OutputShapes");
    sb.AppendLine("    {");
    sb.AppendLine("        // CA2255: a module initializer in a library is what is wanted here: it must run before any resource of the");
    sb.AppendLine("        // package is constructed, whoever constructs it. A JIT runtime instantiates what it needs when it needs it,");
    sb.AppendLine("        // and registering hundreds of types up front would only add start-up work there: Native AOT only.");
    sb.AppendLine("#pragma warning disable CA2255");
    sb.AppendLine("        [global::System.Runtime.CompilerServices.ModuleInitializer]");
    sb.AppendLine("#pragma warning restore CA2255");
    sb.AppendLine("        internal static void RegisterUnderNativeAot()");
    sb.AppendLine("        {");
    sb.AppendLine("            if (!global::System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported)");
    sb.AppendLine("            {");
    sb.AppendLine("                Register();");
    sb.AppendLine("            }");
    sb.AppendLine("        }");
    sb.AppendLine();
    sb.AppendLine("        internal static void Register()");
    sb.AppendLine("        {");
    foreach (var shape in shapes) sb.AppendLine($"            global::Pulumi.Serialization.OutputShapes.{shape}();");
    sb.AppendLine("        }");
    sb.AppendLine("    }");
    sb.AppendLine("}");
    File.WriteAllText(Path.Combine(outDir, "OutputShapes.cs"), sb.ToString());
    written++;
}

foreach (var e in errors) Console.Error.WriteLine("error: " + e);
Console.WriteLine($"{root}: {selected.Count} types in {written} files under {outDir}" +
    $" ({selected.Values.Count(IsResource)} resources, {selected.Values.Count(t => t.Kind == "static class")} invokes)");
return errors.Count == 0 ? 0 : 1;

// ---------------------------------------------------------------------------------------------------------------
// The member's type with the official nullable annotations, when a nullable listing was given. The annotated type
// must be the listed type plus '?' markers; anything else means the two listings disagree.
string Annotated(TypeModel t, string kind, string name, string type)
{
    if (nullableListingPath is null) return type;
    if (!annotated.TryGetValue($"{t.FullName} {kind} {name}", out var withNullability))
    {
        errors.Add($"{t.FullName}.{name}: no nullable line in {Path.GetFileName(nullableListingPath)}");
        return type;
    }
    if (withNullability.Replace("?", "") != type.Replace(", ", ","))
    {
        errors.Add($"{t.FullName}.{name}: nullable listing says {withNullability}, listing says {type}");
        return type;
    }
    return withNullability;
}

bool IsResource(TypeModel t) => t.Base is "Pulumi.CustomResource" or "Pulumi.ProviderResource";

// A required input whose property the official SDK declares nullable (Input<T>?) is a schema secret: the official
// generator stores secrets in a nullable backing field behind a secret-wrapping setter, whether required or not.
// (Optional secrets look like any optional input in the listings: those are in the secrets table.)
bool IsRequiredSecret(TypeModel t, PropLine p, WireInput input)
    => input.Required && nullableListingPath is not null
       && annotated.TryGetValue($"{t.FullName} property {p.Name}", out var type) && type.EndsWith('?');

string[] SecretWires(TypeModel t)
{
    // A resource, or its Args/State companion.
    foreach (var suffix in new[] { "", "Args", "State" })
        if (t.FullName.EndsWith(suffix, StringComparison.Ordinal) && secrets.TryGetValue(t.FullName[..^suffix.Length], out var s)
            && (suffix == "" ? IsResource(t) : selected.TryGetValue(t.FullName[..^suffix.Length], out var owner) && IsResource(owner)))
            return s;
    return [];
}

void EmitResource(StringBuilder sb, TypeModel t)
{
    if (t.Token is null) { errors.Add($"{t.FullName}: resource without a resource-type line"); return; }
    var isProvider = t.Base == "Pulumi.ProviderResource";
    sb.AppendLine($"    [global::{root}.{pkgAttr}(\"{t.Token}\")]");
    sb.AppendLine($"    public partial class {t.Name} : global::{t.Base}");
    sb.AppendLine("    {");
    foreach (var p in t.Props.Where(p => !p.IsStatic).OrderBy(p => p.Name, StringComparer.Ordinal))
    {
        var wire = Match(t, p.Name, t.Outputs.Select(o => o.Wire));
        if (wire is null) continue;
        var o = t.Outputs.First(o => o.Wire == wire);
        if (o.Type != p.Type) errors.Add($"{t.FullName}.{p.Name}: output type {o.Type} differs from property type {p.Type}");
        if (p.HasSet) errors.Add($"{t.FullName}.{p.Name}: resource outputs have private setters");
        sb.AppendLine($"        [global::Pulumi.Output(\"{wire}\")]");
        sb.AppendLine($"        public {Cs(Annotated(t, "property", p.Name, p.Type))} {p.Name} {{ get; private set; }} = null!;");
        sb.AppendLine();
    }
    foreach (var w in t.Outputs.Where(o => Match(t, o.Wire, t.Props.Select(p => p.Name)) is null))
        errors.Add($"{t.FullName}: output {w.Wire} has no property");

    var secretOutputs = SecretWires(t).Where(w => t.Outputs.Any(o => o.Wire == w)).ToArray();
    if (t.Ctors.Count != 1) errors.Add($"{t.FullName}: expected exactly one public ctor, found {t.Ctors.Count}");
    foreach (var ctor in t.Ctors)
    {
        if (ctor.Count != 3 || ctor[0].Type != "System.String" || ctor[2].Type != "Pulumi.CustomResourceOptions")
        { errors.Add($"{t.FullName}: unexpected ctor shape"); continue; }
        var argsType = ctor[1].Type;
        var argsName = Short(argsType, t.Namespace);
        var typeArg = isProvider ? $"\"{t.Token["pulumi:providers:".Length..]}\"" : $"\"{t.Token}\"";
        sb.AppendLine($"        public {t.Name}(string {Id(ctor[0].Name)}, {Cs(argsType)}{(ctor[1].HasDefault ? "? " + Id(ctor[1].Name) + " = null" : " " + Id(ctor[1].Name))}, global::Pulumi.CustomResourceOptions? {Id(ctor[2].Name)}{(ctor[2].HasDefault ? " = null" : "")})");
        sb.AppendLine($"            : base({typeArg}, {Id(ctor[0].Name)}, {Id(ctor[1].Name)} ?? new {argsName}(), MakeResourceOptions({Id(ctor[2].Name)}, \"\"))");
        sb.AppendLine("        {");
        sb.AppendLine("        }");
        sb.AppendLine();
    }
    var get = t.Methods.FirstOrDefault(m => m.Name == "Get" && m.IsStatic);
    if (get is not null)
    {
        var p = get.Params;
        if (p.Count != 4 || p[1].Type != "Pulumi.Input<System.String>" || p[3].Type != "Pulumi.CustomResourceOptions" || get.Return != t.FullName)
            errors.Add($"{t.FullName}: unexpected Get shape");
        else
        {
            var stateName = Short(p[2].Type, t.Namespace);
            sb.AppendLine($"        private {t.Name}(string name, global::Pulumi.Input<string> id, {stateName}? state = null, global::Pulumi.CustomResourceOptions? options = null)");
            sb.AppendLine($"            : base(\"{t.Token}\", name, state, MakeResourceOptions(options, id))");
            sb.AppendLine("        {");
            sb.AppendLine("        }");
            sb.AppendLine();
        }
    }
    sb.AppendLine("        private static global::Pulumi.CustomResourceOptions MakeResourceOptions(global::Pulumi.CustomResourceOptions? options, global::Pulumi.Input<string>? id)");
    sb.AppendLine("        {");
    sb.AppendLine("            var defaultOptions = new global::Pulumi.CustomResourceOptions");
    sb.AppendLine("            {");
    sb.AppendLine("                Version = Utilities.Version,");
    if (secretOutputs.Length > 0)
    {
        sb.AppendLine("                AdditionalSecretOutputs =");
        sb.AppendLine("                {");
        foreach (var w in secretOutputs) sb.AppendLine($"                    \"{w}\",");
        sb.AppendLine("                },");
    }
    sb.AppendLine("            };");
    sb.AppendLine("            var merged = global::Pulumi.CustomResourceOptions.Merge(defaultOptions, options);");
    sb.AppendLine("            // As in every Pulumi SDK, an explicit id (Get) overrides the one in the options.");
    sb.AppendLine("            merged.Id = id ?? merged.Id;");
    sb.AppendLine("            return merged;");
    sb.AppendLine("        }");
    if (get is not null && get.Params.Count == 4)
    {
        var p = get.Params;
        sb.AppendLine();
        sb.AppendLine($"        public static {t.Name} Get(string {Id(p[0].Name)}, global::Pulumi.Input<string> {Id(p[1].Name)}, {Cs(p[2].Type)}? {Id(p[2].Name)}{(p[2].HasDefault ? " = null" : "")}, global::Pulumi.CustomResourceOptions? {Id(p[3].Name)}{(p[3].HasDefault ? " = null" : "")})");
        sb.AppendLine($"            => new {t.Name}({Id(p[0].Name)}, {Id(p[1].Name)}, {Id(p[2].Name)}, {Id(p[3].Name)});");
    }
    foreach (var m in t.Methods.Where(m => m != get))
    {
        if (isProvider && m.Name == "TerraformConfig" && m.Params.Count == 0 && !m.IsStatic)
        {
            if (!terraformConfig) continue;
            var result = Short(GenericArg(m.Return), t.Namespace);
            sb.AppendLine();
            sb.AppendLine("        /// <summary>Returns the provider's configuration as a Terraform config object (terraform-cased keys).</summary>");
            sb.AppendLine($"        public {Cs(m.Return)} TerraformConfig()");
            sb.AppendLine($"            => global::Pulumi.Deployment.Instance.Call<{result}>(\"{t.Token}/terraformConfig\", global::Pulumi.CallArgs.Empty, this);");
        }
        else errors.Add($"{t.FullName}: don't know how to generate method {m.Name}");
    }
    sb.AppendLine("    }");
}

void EmitArgs(StringBuilder sb, TypeModel t)
{
    sb.AppendLine($"    public sealed class {t.Name} : global::{t.Base}");
    sb.AppendLine("    {");
    var secretInputs = SecretWires(t);
    foreach (var p in t.Props.Where(p => !p.IsStatic).OrderBy(p => p.Name, StringComparer.Ordinal))
    {
        var wire = Match(t, p.Name, t.Inputs.Select(i => i.Wire));
        if (wire is null) { errors.Add($"{t.FullName}.{p.Name}: no input line"); continue; }
        if (!p.HasSet) errors.Add($"{t.FullName}.{p.Name}: input properties have setters");
        var input = t.Inputs.First(i => i.Wire == wire);
        var attr = $"[global::Pulumi.Input(\"{wire}\"{(input.Required ? ", required: true" : "")}{(input.Json ? ", json: true" : "")})]";
        var type = Cs(p.Type);
        var field = "_" + char.ToLowerInvariant(p.Name[0]) + p.Name[1..];
        if (IsCollection(p.Type))
        {
            sb.AppendLine($"        {attr}");
            sb.AppendLine($"        private {type}? {field};");
            sb.AppendLine($"        public {type} {p.Name}");
            sb.AppendLine("        {");
            sb.AppendLine($"            get => {field} ??= new {type}();");
            sb.AppendLine($"            set => {field} = value;");
            sb.AppendLine("        }");
        }
        else if (secretInputs.Contains(wire) || IsRequiredSecret(t, p, input))
        {
            if (!p.Type.StartsWith("Pulumi.Input<", StringComparison.Ordinal))
            { errors.Add($"{t.FullName}.{p.Name}: secret inputs are expected to be Input<T>"); continue; }
            var inner = Cs(GenericArg(p.Type));
            sb.AppendLine($"        {attr}");
            sb.AppendLine($"        private {type}? {field};");
            sb.AppendLine($"        public {type}? {p.Name}");
            sb.AppendLine("        {");
            sb.AppendLine($"            get => {field};");
            sb.AppendLine("            set");
            sb.AppendLine("            {");
            sb.AppendLine("                // Secret in the provider schema: whatever the caller passes is stored as a secret.");
            sb.AppendLine($"                if (value is null) {field} = null;");
            sb.AppendLine($"                else {field} = global::Pulumi.Output.CreateSecret<{inner}>((global::Pulumi.Output<{inner}>)value);");
            sb.AppendLine("            }");
            sb.AppendLine("        }");
        }
        else
        {
            var valueType = IsValueType(p.Type);
            sb.AppendLine($"        {attr}");
            if (input.Required)
                sb.AppendLine($"        public {type} {p.Name} {{ get; set; }}{(valueType ? "" : " = null!;")}");
            else
                sb.AppendLine($"        public {type}{(p.Type.StartsWith("System.Nullable<", StringComparison.Ordinal) ? "" : "?")} {p.Name} {{ get; set; }}");
        }
        sb.AppendLine();
    }
    foreach (var w in t.Inputs.Where(i => Match(t, i.Wire, t.Props.Where(p => !p.IsStatic).Select(p => p.Name)) is null))
        errors.Add($"{t.FullName}: input {w.Wire} has no property");
    if (t.Ctors.Any(c => c.Count == 0))
    {
        sb.AppendLine($"        public {t.Name}()");
        sb.AppendLine("        {");
        sb.AppendLine("        }");
    }
    else errors.Add($"{t.FullName}: no public parameterless ctor in the listing");
    if (t.Props.Any(p => p.IsStatic && p.Name == "Empty" && p.Type == t.FullName))
    {
        sb.AppendLine();
        sb.AppendLine($"        public static new {t.Name} Empty => new {t.Name}();");
    }
    sb.AppendLine("    }");
}

void EmitOutputType(StringBuilder sb, TypeModel t)
{
    sb.AppendLine("    [global::Pulumi.OutputType]");
    sb.AppendLine($"    public sealed class {t.Name}");
    sb.AppendLine("    {");
    var fields = t.Fields.Where(f => !f.IsStatic).OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
    foreach (var f in fields)
    {
        if (!f.IsReadonly) errors.Add($"{t.FullName}.{f.Name}: output fields are readonly");
        sb.AppendLine($"        public readonly {Cs(Annotated(t, "field", f.Name, f.Type))} {f.Name};");
    }
    if (t.CtorParams.Count > 0 || fields.Count > 0)
    {
        var ps = t.CtorParams.OrderBy(p => p.Wire, StringComparer.Ordinal).ToList();
        sb.AppendLine();
        sb.AppendLine("        [global::Pulumi.OutputConstructor]");
        sb.AppendLine($"        private {t.Name}(");
        for (var i = 0; i < ps.Count; i++)
        {
            // A parameter carries its field's annotation (the constructor is private, so no listing shows it).
            var field = Match(t, ps[i].Wire, fields.Select(f => f.Name)) is { } fieldName ? fields.First(f => f.Name == fieldName) : null;
            var type = field is not null && field.Type == ps[i].Type ? Annotated(t, "field", field.Name, field.Type) : ps[i].Type;
            sb.AppendLine($"            {Cs(type)} {Id(ps[i].Wire)}{(i < ps.Count - 1 ? "," : ")")}");
        }
        if (ps.Count == 0) sb.AppendLine("            )");
        sb.AppendLine("        {");
        foreach (var f in fields)
        {
            var wire = Match(t, f.Name, ps.Select(p => p.Wire));
            if (wire is null) { errors.Add($"{t.FullName}.{f.Name}: no [OutputConstructor] parameter"); continue; }
            if (ps.First(p => p.Wire == wire).Type != f.Type) errors.Add($"{t.FullName}.{f.Name}: parameter and field types differ");
            sb.AppendLine($"            {f.Name} = {Id(wire)};");
        }
        foreach (var p in ps.Where(p => Match(t, p.Wire, fields.Select(f => f.Name)) is null))
            errors.Add($"{t.FullName}: [OutputConstructor] parameter {p.Wire} has no field");
        sb.AppendLine("        }");
    }
    sb.AppendLine("    }");
}

void EmitInvoke(StringBuilder sb, TypeModel t)
{
    // oci:Core/getServices:getServices — module from the namespace, function name camel-cased.
    var module = t.Namespace == root ? "index" : t.Namespace[(root.Length + 1)..].Replace('.', '/');
    var fn = char.ToLowerInvariant(t.Name[0]) + t.Name[1..];
    var token = $"{root.Split('.').Last().ToLowerInvariant()}:{module}/{fn}:{fn}";
    sb.AppendLine($"    public static class {t.Name}");
    sb.AppendLine("    {");
    var first = true;
    foreach (var m in t.Methods.OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => string.Join(",", m.Params.Select(p => p.Type)), StringComparer.Ordinal))
    {
        if (!m.IsStatic || m.Params.Count != 2) { errors.Add($"{t.FullName}: unexpected method {m.Name}"); continue; }
        var (a, o) = (m.Params[0], m.Params[1]);
        var result = Short(GenericArg(m.Return), t.Namespace);
        string call;
        if (m.Name == "InvokeAsync" && m.Return.StartsWith("System.Threading.Tasks.Task<", StringComparison.Ordinal) && o.Type == "Pulumi.InvokeOptions")
            call = "InvokeAsync";
        else if (m.Name == "Invoke" && m.Return.StartsWith("Pulumi.Output<", StringComparison.Ordinal) && o.Type == "Pulumi.InvokeOptions")
            call = "Invoke";
        else if (m.Name == "Invoke" && m.Return.StartsWith("Pulumi.Output<", StringComparison.Ordinal) && o.Type == "Pulumi.InvokeOutputOptions")
        {
            if (!invokeOutputOptions) continue;
            call = "Invoke";
        }
        else { errors.Add($"{t.FullName}: unexpected method {m.Name}({string.Join(", ", m.Params.Select(p => p.Type))})"); continue; }
        if (!first) sb.AppendLine();
        first = false;
        var argsName = Short(a.Type, t.Namespace);
        sb.AppendLine($"        public static {Cs(m.Return)} {m.Name}({argsName}{(a.HasDefault ? "? " + Id(a.Name) + " = null" : " " + Id(a.Name))}, {Cs(o.Type)}{(o.HasDefault ? "? " + Id(o.Name) + " = null" : " " + Id(o.Name))})");
        sb.AppendLine($"            => global::Pulumi.Deployment.Instance.{call}<{result}>(\"{token}\", {Id(a.Name)} ?? new {argsName}(), {Id(o.Name)}.WithDefaults());");
    }
    sb.AppendLine("    }");
}

// Property/field name ↔ wire name: the official generator Pascal-cases the wire name, so they agree ignoring case
// (and the odd non-alphanumeric character). Unique matches only.
string? Match(TypeModel t, string name, IEnumerable<string> candidates)
{
    var hits = candidates.Where(c => Norm(c) == Norm(name)).Distinct().ToList();
    if (hits.Count > 1) errors.Add($"{t.FullName}: {name} matches several of {string.Join(", ", hits)}");
    return hits.Count == 1 ? hits[0] : null;
}

static string Norm(string s) => new(s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

static bool IsCollection(string type) =>
    type.StartsWith("Pulumi.InputList<", StringComparison.Ordinal) || type.StartsWith("Pulumi.InputMap<", StringComparison.Ordinal)
    || type.StartsWith("System.Collections.Generic.List<", StringComparison.Ordinal) || type.StartsWith("System.Collections.Generic.Dictionary<", StringComparison.Ordinal);

static bool IsValueType(string type) =>
    type is "System.Int32" or "System.Int64" or "System.Double" or "System.Boolean" || type.StartsWith("System.Nullable<", StringComparison.Ordinal)
    || type.StartsWith("System.Collections.Immutable.ImmutableArray<", StringComparison.Ordinal);

static string GenericArg(string type)
{
    var lt = type.IndexOf('<');
    return type[(lt + 1)..^1];
}

// Listing type → C# source (fully qualified through global::, keywords for primitives, T? for Nullable<T>).
static string Cs(string type)
{
    // A nullable-annotated reference type (from the nullable listing): T? in C#.
    if (type.EndsWith('?')) return Cs(type[..^1]) + "?";
    var lt = type.IndexOf('<');
    if (lt < 0)
        return type switch
        {
            "System.String" => "string",
            "System.Int32" => "int",
            "System.Int64" => "long",
            "System.Double" => "double",
            "System.Boolean" => "bool",
            "System.Object" => "object",
            _ => "global::" + type,
        };
    var name = type[..lt];
    var args = SplitTop(type[(lt + 1)..^1]).Select(Cs).ToList();
    if (name == "System.Nullable") return args[0] + "?";
    return $"global::{name}<{string.Join(", ", args)}>";
}

// The type's name as seen from inside namespace ns (same namespace → bare name), else Cs().
static string Short(string type, string ns) =>
    !type.Contains('<') && type.StartsWith(ns + ".", StringComparison.Ordinal) && !type[(ns.Length + 1)..].Contains('.') ? type[(ns.Length + 1)..] : Cs(type);

static List<string> SplitTop(string s)
{
    var parts = new List<string>();
    int depth = 0, start = 0;
    for (var i = 0; i < s.Length; i++)
    {
        if (s[i] == '<') depth++;
        else if (s[i] == '>') depth--;
        else if (s[i] == ',' && depth == 0) { parts.Add(s[start..i]); start = i + 1; }
    }
    parts.Add(s[start..]);
    return parts;
}

static List<Param> ParseParams(string s)
{
    var list = new List<Param>();
    if (s.Length == 0) return list;
    foreach (var raw in s.Split(", "))
    {
        var p = raw;
        if (p.StartsWith("params ", StringComparison.Ordinal) || p.StartsWith("out ", StringComparison.Ordinal) || p.StartsWith("ref ", StringComparison.Ordinal))
            throw new InvalidDataException($"unsupported parameter modifier: {raw}");
        var hasDefault = p.EndsWith(" = default", StringComparison.Ordinal);
        if (hasDefault) p = p[..^" = default".Length];
        var sp = p.LastIndexOf(' ');
        list.Add(new Param(p[..sp], p[(sp + 1)..], hasDefault));
    }
    return list;
}

static string Id(string name) => Kw.Keywords.Contains(name) ? "@" + name : name;

sealed class TypeModel(string fullName)
{
    public string FullName { get; } = fullName;
    public string Namespace => FullName[..FullName.LastIndexOf('.')];
    public string Name => FullName[(FullName.LastIndexOf('.') + 1)..];
    public string? Kind { get; set; }
    public string? Base { get; set; }
    public string? Token { get; set; }
    public List<PropLine> Props { get; } = [];
    public List<FieldLine> Fields { get; } = [];
    public List<List<Param>> Ctors { get; } = [];
    public List<MethodLine> Methods { get; } = [];
    public List<WireInput> Inputs { get; } = [];
    public List<WireOutput> Outputs { get; } = [];
    public List<WireOutput> CtorParams { get; } = [];
}

record PropLine(string Name, string Type, bool IsStatic, bool HasSet);
record FieldLine(string Name, string Type, bool IsStatic, bool IsReadonly);
record MethodLine(string Name, string Return, bool IsStatic, List<Param> Params);
record Param(string Type, string Name, bool HasDefault);
record WireInput(string Wire, bool Required, bool Json);
record WireOutput(string Wire, string Type);

static class Kw
{
    public static readonly HashSet<string> Keywords =
    [
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    ];
}
