using Enclave.Policy.Engine;
using Enclave.PolicyPack.Mapping;
using Enclave.PolicyPack.Protocol;
using Grpc.Core;

namespace Enclave.PolicyPack.Tests.Protocol;

/// <summary>
/// What the engine shows the user when a call of the pack fails: the right status (a defect of the gate is Internal,
/// never a verdict), one escaped line, and nothing of an unexpected exception's message (it may hold a config value).
/// </summary>
public sealed class CallStatusTests
{
    private static Status Of(Exception e) => AnalyzerService.StatusFor(e) ?? throw new Xunit.Sdk.XunitException("no status");

    private static void OneSafeLine(string detail)
    {
        Assert.DoesNotContain('\n', detail);
        Assert.DoesNotContain('\u001b', detail);
        Assert.DoesNotContain('\u202e', detail);
    }

    [Fact]
    public void A_fault_of_the_gate_s_bookkeeping_is_an_internal_error_naming_the_evaluator_not_the_rule()
    {
        var status = Of(new GateFaultException("ENC-NET-001", new InvalidOperationException("budget\n\u001b[32mOK\u001b[0m")));

        Assert.Equal(StatusCode.Internal, status.StatusCode);
        Assert.Contains("the pack's evaluator failed", status.Detail, StringComparison.Ordinal);
        Assert.Contains("a defect of the gate, not of the rule", status.Detail, StringComparison.Ordinal);
        OneSafeLine(status.Detail);
    }

    [Fact]
    public void A_rule_that_throws_is_an_internal_error_naming_the_rule()
    {
        var status = Of(new RuleEvaluationException("ENC-IAM-001", new NullReferenceException("x\u202ey")));

        Assert.Equal(StatusCode.Internal, status.StatusCode);
        Assert.Contains("rule ENC-IAM-001 failed", status.Detail, StringComparison.Ordinal);
        Assert.Contains("a rule of the pack failed", status.Detail, StringComparison.Ordinal);
        OneSafeLine(status.Detail);
    }

    [Fact]
    public void A_malformed_request_is_invalid_argument_on_one_escaped_line()
    {
        var status = Of(new MalformedRequestException("resource urn \u001b[2J\nOK: no violations"));

        Assert.Equal(StatusCode.InvalidArgument, status.StatusCode);
        OneSafeLine(status.Detail);
    }

    [Fact]
    public void An_unexpected_exception_shows_its_type_only_never_its_message()
    {
        var status = Of(new FormatException("adminPassword=hunter2-plain"));

        Assert.Equal(StatusCode.Internal, status.StatusCode);
        Assert.Contains(nameof(FormatException), status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", status.Detail, StringComparison.Ordinal);
    }
}
