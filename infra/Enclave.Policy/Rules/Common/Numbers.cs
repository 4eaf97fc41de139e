using System.Globalization;
using Enclave.Policy.Graph;

namespace Enclave.Policy.Rules.Common;

/// <summary>Whole numbers as the loaders hand them over: JSON numbers, or numeric strings (some previews quote them).</summary>
public static class Numbers
{
    /// <summary>The value as a number, or null when it is none (text, a fraction's text, unknown, secret).</summary>
    public static double? Of(PropertyValue value) => value.AsNumber() ??
        (value.AsString() is { } s && double.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null);
}
