using Collections.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collections.Persistence.Configurations;

internal sealed class IngestSummaryConfiguration : IEntityTypeConfiguration<IngestSummary>
{
    public void Configure(EntityTypeBuilder<IngestSummary> b)
    {
        b.ToTable("ingest_summaries");
        b.HasKey(x => x.RunId);
        b.Property(x => x.ControlCard).HasMaxLength(80).IsRequired();
        b.Property(x => x.Sysin).IsRequired();
        b.HasOne<BatchRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EntryRowConfiguration : IEntityTypeConfiguration<EntryRow>
{
    public void Configure(EntityTypeBuilder<EntryRow> b)
    {
        b.ToTable("entries");
        b.HasKey(x => new { x.RunId, x.RecordNo });
        b.HasIndex(x => x.EntryNo); // the web's /entries/{entry number} and the importer's pages
        b.Property(x => x.EntryNo).HasMaxLength(11);
        b.Property(x => x.EntryType).HasMaxLength(2);
        b.Property(x => x.ImporterNo).HasMaxLength(12);
        b.Property(x => x.PortCode).HasMaxLength(4);
        b.Property(x => x.EntryDate).HasMaxLength(8);
        b.Property(x => x.ExportDate).HasMaxLength(8);
        b.Property(x => x.TransportMode).HasMaxLength(2);
        b.Property(x => x.PaymentType).HasMaxLength(1);
        b.Property(x => x.StatementDate).HasMaxLength(8);
        b.Property(x => x.CurrencyCode).HasMaxLength(3);
        b.Property(x => x.ManualFlag).HasMaxLength(1);
        b.Property(x => x.LineCount).HasMaxLength(3);
        b.Property(x => x.PrecedingEntryNo).HasMaxLength(11);
        b.Property(x => x.Raw).IsRequired();
        b.HasIndex(x => new { x.RunId, x.EntryNo });
        b.HasOne<BatchRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EntryLineRowConfiguration : IEntityTypeConfiguration<EntryLineRow>
{
    public void Configure(EntityTypeBuilder<EntryLineRow> b)
    {
        b.ToTable("entry_lines");
        b.HasKey(x => new { x.RunId, x.RecordNo });
        b.Property(x => x.EntryNo).HasMaxLength(11);
        b.Property(x => x.LineNo).HasMaxLength(3);
        b.Property(x => x.HtsNo).HasMaxLength(10);
        b.Property(x => x.OriginCountry).HasMaxLength(2);
        b.Property(x => x.SpiCode).HasMaxLength(2);
        b.Property(x => x.QuantityUnit).HasMaxLength(3);
        b.Property(x => x.Ch99Count).HasMaxLength(1);
        b.Property(x => x.Ch99No1).HasMaxLength(10);
        b.Property(x => x.Ch99No2).HasMaxLength(10);
        b.Property(x => x.Ch99No3).HasMaxLength(10);
        b.Property(x => x.AdcvdCaseNo).HasMaxLength(10);
        b.Property(x => x.Raw).IsRequired();
        b.HasIndex(x => new { x.RunId, x.HeaderRecordNo });
        b.HasOne<BatchRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RejectedRecordConfiguration : IEntityTypeConfiguration<RejectedRecord>
{
    public void Configure(EntityTypeBuilder<RejectedRecord> b)
    {
        b.ToTable("rejected_records");
        b.HasKey(x => new { x.RunId, x.Program, x.RecordNo, x.Seq });
        b.Property(x => x.Program).HasMaxLength(8);
        b.Property(x => x.FileName).HasMaxLength(16).IsRequired();
        b.Property(x => x.EntryNo).HasMaxLength(11);
        b.Property(x => x.LineNo).HasMaxLength(3);
        b.Property(x => x.Severity).HasMaxLength(1);
        b.Property(x => x.ReasonCode).HasMaxLength(4);
        b.Property(x => x.Detail).HasMaxLength(1000);
        b.HasOne<BatchRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ControlTotalConfiguration : IEntityTypeConfiguration<ControlTotal>
{
    public void Configure(EntityTypeBuilder<ControlTotal> b)
    {
        b.ToTable("control_totals");
        b.HasKey(x => new { x.RunId, x.Program, x.SeqNo });
        b.Property(x => x.Program).HasMaxLength(8);
        b.Property(x => x.Description).HasMaxLength(30).IsRequired();
        b.HasOne<BatchRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StepMessageConfiguration : IEntityTypeConfiguration<StepMessage>
{
    public void Configure(EntityTypeBuilder<StepMessage> b)
    {
        b.ToTable("step_messages");
        b.HasKey(x => new { x.RunId, x.StepName, x.Seq });
        b.Property(x => x.StepName).HasMaxLength(32);
        b.Property(x => x.Text).HasMaxLength(400).IsRequired();
        b.HasOne<BatchRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EntryResultConfiguration : IEntityTypeConfiguration<EntryResult>
{
    public void Configure(EntityTypeBuilder<EntryResult> b)
    {
        b.ToTable("entry_results");
        b.HasKey(x => new { x.RunId, x.RecordNo });
        b.Property(x => x.EntryNo).HasMaxLength(11);
        b.Property(x => x.Status).HasMaxLength(1);
        b.Property(x => x.ReasonCode).HasMaxLength(4);
        b.Property(x => x.EntryType).HasMaxLength(2);
        b.Property(x => x.ImporterNo).HasMaxLength(12);
        b.Property(x => x.PortCode).HasMaxLength(4);
        b.Property(x => x.TransportMode).HasMaxLength(2);
        b.Property(x => x.PaymentType).HasMaxLength(1);
        b.Property(x => x.ManualFlag).HasMaxLength(1);
        b.Property(x => x.CurrencyCode).HasMaxLength(3);
        b.Property(x => x.RateSource).HasMaxLength(1);
        b.HasOne<BatchRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LineResultConfiguration : IEntityTypeConfiguration<LineResult>
{
    public void Configure(EntityTypeBuilder<LineResult> b)
    {
        b.ToTable("line_results");
        b.HasKey(x => new { x.RunId, x.RecordNo });
        b.Property(x => x.EntryNo).HasMaxLength(11);
        b.Property(x => x.LineNo).HasMaxLength(3);
        b.Property(x => x.Status).HasMaxLength(1);
        b.Property(x => x.ReasonCode).HasMaxLength(4);
        b.Property(x => x.HtsNo).HasMaxLength(10);
        b.Property(x => x.SpiCode).HasMaxLength(2);
        b.Property(x => x.RateType).HasMaxLength(1);
        b.Property(x => x.SpiFree).HasMaxLength(1);
        b.Property(x => x.Ch99Class1).HasMaxLength(3);
        b.Property(x => x.Ch99Class2).HasMaxLength(3);
        b.Property(x => x.Ch99Class3).HasMaxLength(3);
        b.Property(x => x.Ch99Applied1).HasMaxLength(1);
        b.Property(x => x.Ch99Applied2).HasMaxLength(1);
        b.Property(x => x.Ch99Applied3).HasMaxLength(1);
        b.Property(x => x.AdcvdType).HasMaxLength(1);
        b.HasOne<BatchRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EntryTotalConfiguration : IEntityTypeConfiguration<EntryTotal>
{
    public void Configure(EntityTypeBuilder<EntryTotal> b)
    {
        b.ToTable("entry_totals");
        b.HasKey(x => new { x.RunId, x.Seq });
        b.Property(x => x.EntryNo).HasMaxLength(11);
        b.Property(x => x.MpfLimit).HasMaxLength(1);
        b.HasIndex(x => new { x.RunId, x.HeaderRecordNo }).IsUnique();
        b.HasOne<BatchRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EntryFeeRowConfiguration : IEntityTypeConfiguration<EntryFeeRow>
{
    public void Configure(EntityTypeBuilder<EntryFeeRow> b)
    {
        b.ToTable("entry_fees");
        b.HasKey(x => new { x.RunId, x.EntrySeq, x.FeeNo });
        b.Property(x => x.FeeClass).HasMaxLength(3);
        b.HasOne<BatchRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MpfAllocationRowConfiguration : IEntityTypeConfiguration<MpfAllocationRow>
{
    public void Configure(EntityTypeBuilder<MpfAllocationRow> b)
    {
        b.ToTable("mpf_allocations");
        b.HasKey(x => new { x.RunId, x.EntrySeq, x.AllocationNo });
        b.Property(x => x.EntryNo).HasMaxLength(11);
        b.HasOne<BatchRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
