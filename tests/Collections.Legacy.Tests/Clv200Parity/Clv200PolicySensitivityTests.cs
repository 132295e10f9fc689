using Collections.Cobol.Numerics;
using Collections.Domain.EntryFees;
using Collections.Testing;

namespace Collections.Legacy.Tests.Clv200Parity;

/// <summary>
/// The crafted days are sharp enough to catch a change of any single rounding/truncation policy: with one policy
/// altered, our ENTCALC (or CTLTOTS) no longer matches the legacy's.
/// </summary>
public class Clv200PolicySensitivityTests
{
    public static TheoryData<string> Alterations => new()
    {
        nameof(EntryFeePolicies.EntryMpfRounding),
        nameof(EntryFeePolicies.MpfShareRounding),
        nameof(EntryFeePolicies.MpfRemainder),
        nameof(EntryFeePolicies.ZeroLiableValueShare),
        nameof(EntryFeePolicies.HmfRounding),
        nameof(EntryFeePolicies.HmfWaiverLimitCents),
        nameof(EntryFeePolicies.HmfWaiverConsidersMpf),
    };

    private static EntryFeePolicies Altered(string member) => member switch
    {
        nameof(EntryFeePolicies.EntryMpfRounding) => EntryFeePolicies.Legacy with { EntryMpfRounding = CobolRoundingMode.Truncation },
        nameof(EntryFeePolicies.MpfShareRounding) => EntryFeePolicies.Legacy with { MpfShareRounding = CobolRoundingMode.NearestAwayFromZero },
        nameof(EntryFeePolicies.MpfRemainder) => EntryFeePolicies.Legacy with { MpfRemainder = MpfRemainderPlacement.FirstLiableLine },
        nameof(EntryFeePolicies.ZeroLiableValueShare) => EntryFeePolicies.Legacy with { ZeroLiableValueShare = ZeroDivisorShare.Zero },
        nameof(EntryFeePolicies.HmfRounding) => EntryFeePolicies.Legacy with { HmfRounding = CobolRoundingMode.Truncation },
        nameof(EntryFeePolicies.HmfWaiverLimitCents) => EntryFeePolicies.Legacy with { HmfWaiverLimitCents = 299 },
        nameof(EntryFeePolicies.HmfWaiverConsidersMpf) => EntryFeePolicies.Legacy with { HmfWaiverConsidersMpf = true },
        _ => throw new ArgumentOutOfRangeException(nameof(member)),
    };

    [Theory]
    [MemberData(nameof(Alterations))]
    public void Run_OnePolicyAltered_DiffersFromLegacy(string member)
    {
        var day = LinecalcBuilder.Build(Clv200CraftedDayTests.MpfLimitDay()
            .Concat(Clv200CraftedDayTests.ProrationDay()).Concat(Clv200CraftedDayTests.HmfDay()));
        using var temp = new TempDir();
        var (legacyDir, oursDir) = Clv200Harness.TwoRunDirs(temp, "RUNDATE=20260302\n", day);
        var legacy = Clv200Harness.RunLegacy(legacyDir, Clv200Harness.LegacyRef);

        var ours = Clv200Harness.RunOurs(oursDir, Clv200Harness.LegacyRef, Altered(member));

        var same = ours.Entcalc is not null && ours.Entcalc.AsSpan().SequenceEqual(legacy.Entcalc) && ours.Ctltots == legacy.Ctltots;
        same.Should().BeFalse($"altering {member} must change the output");
    }
}
