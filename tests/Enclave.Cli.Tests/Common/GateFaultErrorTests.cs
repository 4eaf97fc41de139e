using Enclave.Cli.Common;
using Enclave.Policy.Engine;

namespace Enclave.Cli.Tests.Common;

/// <summary>A defect of the gate's own evaluator is exit 70 and says so; it does not blame the rule that was running.</summary>
public class GateFaultErrorTests
{
    [Fact]
    public void A_gate_fault_is_an_internal_error_of_the_gate_not_of_the_running_rule()
    {
        var (code, message) = CliErrors.Describe(new GateFaultException("ENC-NET-001", new InvalidOperationException("index lost")));
        Assert.Equal(ExitCodes.InternalError, code);
        Assert.Equal("internal error: the gate's evaluator failed while recording a finding of rule ENC-NET-001 (a defect of the gate, " +
            "not of the rule): InvalidOperationException: index lost (please report this)", message);
        var (ruleCode, ruleMessage) = CliErrors.Describe(new RuleEvaluationException("ENC-NET-001", new InvalidOperationException("index lost")));
        Assert.Equal(ExitCodes.InternalError, ruleCode);
        Assert.StartsWith("internal error: rule ENC-NET-001 failed", ruleMessage, StringComparison.Ordinal);
    }
}
