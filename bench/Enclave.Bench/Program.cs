using Enclave.Bench;
using System.Diagnostics;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Enclave.Bench.Synthetic;
using Enclave.Policy.Engine;
using Enclave.Policy.Rules;

// `profile N` prints each rule's time on one synthetic graph of N resources (a quick look at where time goes,
// one run, not a measurement); anything else goes to BenchmarkDotNet, e.g. --filter '*RuleCatalogue*'.
if (args is ["profile", var size])
{
    // CPU time per rule (the machine is shared: wall time mostly measures the neighbours). The first rule to
    // touch a shared view (IAM model, reachability report) pays for building it.
    static double CpuMs() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
    var graph = SyntheticEnclave.Graph(int.Parse(size, System.Globalization.CultureInfo.InvariantCulture));
    PolicyEvaluator.Evaluate(SyntheticEnclave.Graph(300), SyntheticEnclave.Policy); // JIT warm-up on a small graph
    Console.WriteLine($"{graph.Resources.Length} resources");
    var total = CpuMs();
    foreach (var rule in RuleCatalogue.All)
    {
        GC.Collect();
        var start = CpuMs();
        var findings = PolicyEvaluator.Evaluate(graph, SyntheticEnclave.Policy, rules: [rule]).Findings;
        var evaluated = CpuMs();
        // PROFILE_TWICE=1: time a second evaluation, once the rule's code paths and the shared views are warm.
        if (Environment.GetEnvironmentVariable("PROFILE_TWICE") is "1")
        {
            GC.Collect();
            start = CpuMs();
            findings = PolicyEvaluator.Evaluate(graph, SyntheticEnclave.Policy, rules: [rule]).Findings;
            evaluated = CpuMs();
        }
        // The rule alone again (shared views now built): what the rule costs without the report around it.
        GC.Collect();
        var alone = CpuMs();
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        _ = rule.Evaluate(new RuleContext(graph, SyntheticEnclave.Policy)).Count();
        bytes = GC.GetAllocatedBytesForCurrentThread() - bytes;
        Console.WriteLine($"{rule.Info.Id,-14} {evaluated - start,10:F0} ms cpu  {findings.Length,7} findings  " +
                          $"{findings.Count(f => f.Status == FindingStatus.Fail),6} fail  (rule alone, warm views: {CpuMs() - alone:F0} ms, {bytes / 1e6:F1} MB)");
    }
    Console.WriteLine($"total {CpuMs() - total:F0} ms cpu");
    // The report alone: ordering and counting every finding of every rule.
    var all = PolicyEvaluator.Evaluate(graph, SyntheticEnclave.Policy);
    for (var i = 0; i < 3; i++)
    {
        GC.Collect();
        var t = CpuMs();
        var again = new PolicyReport(graph, all.Rules, all.Findings.Reverse(), all.EvaluatedOn, all.Waivers);
        Console.WriteLine($"report of {again.Findings.Length} findings: {CpuMs() - t:F0} ms cpu");
    }
    return;
}
// Quick looks at where time and memory go (QuickLooks.cs).
switch (args)
{
    case ["loop", var lookSize, var lookRuns]: QuickLooks.Loop(QuickLooks.Int(lookSize), QuickLooks.Int(lookRuns)); return;
    case ["runs", var lookSize, var lookRuns]: RunByRunLook.Run(QuickLooks.Int(lookSize), QuickLooks.Int(lookRuns)); return;
    case ["alloc", var lookSize]: QuickLooks.Alloc(QuickLooks.Int(lookSize)); return;
    case ["retained", var lookSize]: QuickLooks.Retained(QuickLooks.Int(lookSize)); return;
    case ["index", var lookSize, var lookRuns]: QuickLooks.Index(QuickLooks.Int(lookSize), QuickLooks.Int(lookRuns)); return;
    case ["rules", var lookSize, var lookRuns]: QuickLooks.Rules(QuickLooks.Int(lookSize), QuickLooks.Int(lookRuns)); return;
    case ["pack", var lookSize, var lookRuns]: PolicyPackLook.Run(QuickLooks.Int(lookSize), QuickLooks.Int(lookRuns)); return;
    // Pulumi files of N synthetic resources for whole-process figures (bench/RESULTS.md, "Scale"):
    // `write export|preview|events N STACK FILE`.
    case ["alloc-file", var allocFile]: FileLook.Alloc(allocFile); return;
    case ["profile-file", var profileFile]: FileLook.Profile(profileFile); return;
    case ["scan", var scanFile]: PhaseLook.Scan(scanFile); return;
    case ["access-phases", var accessFile]: PhaseLook.Access(accessFile, 1); return;
    case ["access-phases", var accessFile, var accessRuns]: PhaseLook.Access(accessFile, QuickLooks.Int(accessRuns)); return;
    case ["diff-phases", var diffBase, var diffHead]: PhaseLook.Diff(diffBase, diffHead, 1); return;
    case ["diff-phases", var diffBase, var diffHead, var diffRuns]: PhaseLook.Diff(diffBase, diffHead, QuickLooks.Int(diffRuns)); return;
    case ["load", var loadFile, var loadRuns]: LoadLook.Run(loadFile, QuickLooks.Int(loadRuns)); return;
    case ["phases", var phaseFile]: PhaseLook.Run(phaseFile, 1); return;
    case ["phases", var phaseFile, var phaseRuns]: PhaseLook.Run(phaseFile, QuickLooks.Int(phaseRuns)); return;
    case ["write", var kind, var fileSize, var fileStack, var path]: PulumiFileCommand.Write(kind, QuickLooks.Int(fileSize), fileStack, path); return;
}
if (args is ["dump", var dumpSize])
{
    // Every finding of every rule, one line each in report order: compare two builds' output byte for byte.
    var g = SyntheticEnclave.Graph(int.Parse(dumpSize, System.Globalization.CultureInfo.InvariantCulture));
    var report = PolicyEvaluator.Evaluate(g, SyntheticEnclave.Policy, today: new DateOnly(2026, 1, 15));
    using var o = new StreamWriter(Console.OpenStandardOutput());
    foreach (var f in report.Findings)
        o.WriteLine($"{f.RuleId}\t{f.Urn}\t{f.Status}\t{f.Finding.Message}\t{string.Join(" | ", f.Finding.Evidence)}");
    o.WriteLine($"{report.Totals}");
    foreach (var (sev, c) in report.CountsBySeverity) o.WriteLine($"{sev} {c}");
    return;
}
if (args is ["profile-reach", var n])
{
    // CPU time, not wall time: the machine is shared and wall time mostly measures the neighbours.
    static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
    var nodes = SyntheticEnclave.Resources(int.Parse(n, System.Globalization.CultureInfo.InvariantCulture));
    for (var i = 0; i < 5; i++)
    {
        var g = new Enclave.Policy.Graph.ResourceGraph("bench", "p", Enclave.Policy.Graph.GraphOrigin.Plan, nodes);
        GC.Collect();
        var t0 = Cpu();
        var m = new Enclave.Policy.Network.NetworkModel(g);
        var t1 = Cpu();
        var ts = Enclave.Policy.Network.DataTargets.Find(m);
        var t2 = Cpu();
        var ex = ts.Sum(t => Enclave.Policy.Network.ReachabilityAnalyzer.Exposures(m, t).Count);
        var t3 = Cpu();
        var r = Enclave.Policy.Network.ReachabilityAnalyzer.Analyze(g, SyntheticEnclave.Policy);
        var t4 = Cpu();
        Console.WriteLine($"cpu ms: model {t1 - t0:F0} targets {t2 - t1:F0} exposures {t3 - t2:F0} ({ex}); whole analysis {t4 - t3:F0} ({r.Paths.Length} paths)");
    }
    return;
}
if (args is ["paths", var count])
{
    // A look at what the reachability analysis reports on a synthetic graph: a few paths per origin.
    var g = SyntheticEnclave.Graph(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture));
    var report = Enclave.Policy.Network.ReachabilityAnalyzer.Analyze(g, SyntheticEnclave.Policy);
    foreach (var group in report.Paths.GroupBy(p => p.Origin.Kind))
    {
        Console.WriteLine($"{group.Key}: {group.Count()} paths");
        foreach (var path in group.Take(3)) Console.WriteLine($"  [{path.Truth}] {path}");
    }
    return;
}
if (args is ["profile-diff", var diffSize])
{
    var bench = new Enclave.Bench.DiffBenchmarks { Resources = int.Parse(diffSize, System.Globalization.CultureInfo.InvariantCulture) };
    bench.Setup();
    for (var i = 0; i < 3; i++) bench.Profile(Console.Out);
    return;
}

// ENCLAVE_BENCH_TIMEOUT_MINUTES=N: run in-process with that per-operation timeout (BenchmarkDotNet's in-process
// default is 5 minutes), one iteration, no warm-up: for the slowest sizes only.
var config = Environment.GetEnvironmentVariable("ENCLAVE_BENCH_TIMEOUT_MINUTES") is { Length: > 0 } minutes
    ? ManualConfig.Create(DefaultConfig.Instance).AddJob(Job.Dry
        .WithWarmupCount(0).WithIterationCount(1)
        .WithToolchain(new InProcessEmitToolchain(
            TimeSpan.FromMinutes(double.Parse(minutes, System.Globalization.CultureInfo.InvariantCulture)), logOutput: true)))
    : null;
// Not typeof(Program): under -p:UseOfficialPulumiSdk=true the official SDK brings ASP.NET Core in, whose source
// generator makes the CLI's top-level Program public, and the name would clash with ours (CS0436).
BenchmarkSwitcher.FromAssembly(typeof(PlanBenchmarks).Assembly).Run(args, config);
