using Collections.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collections.Persistence.Configurations;

internal sealed class CycleInputConfiguration : IEntityTypeConfiguration<CycleInput>
{
    public void Configure(EntityTypeBuilder<CycleInput> b)
    {
        b.ToTable("cycle_inputs");
        b.HasKey(x => x.RunId);
        b.HasOne<BatchRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PaymentRowConfiguration : IEntityTypeConfiguration<PaymentRow>
{
    public void Configure(EntityTypeBuilder<PaymentRow> b)
    {
        b.ToTable("payments");
        b.HasKey(x => new { x.RunId, x.RecordNo });
        b.Property(x => x.PaymentId).HasMaxLength(12);
        b.Property(x => x.Method).HasMaxLength(1);
        b.Property(x => x.RefType).HasMaxLength(1);
        b.Property(x => x.Reference).HasMaxLength(16);
        b.Property(x => x.Raw).IsRequired();
        b.HasOne<BatchRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StatementRowConfiguration : IEntityTypeConfiguration<StatementRow>
{
    public void Configure(EntityTypeBuilder<StatementRow> b)
    {
        b.ToTable("statements");
        b.HasKey(x => new { x.RunId, x.SeqNo });
        b.Property(x => x.RefType).HasMaxLength(1);
        b.Property(x => x.Reference).HasMaxLength(16);
        b.Property(x => x.FilerCode).HasMaxLength(3);
        b.Property(x => x.ImporterNo).HasMaxLength(12);
        b.Property(x => x.Raw).IsRequired();
        b.HasIndex(x => new { x.RunId, x.RefType, x.Reference });
        b.HasOne<BatchRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StatementEntryRowConfiguration : IEntityTypeConfiguration<StatementEntryRow>
{
    public void Configure(EntityTypeBuilder<StatementEntryRow> b)
    {
        b.ToTable("statement_entries");
        b.HasKey(x => new { x.RunId, x.SeqNo });
        b.Property(x => x.RefType).HasMaxLength(1);
        b.Property(x => x.Reference).HasMaxLength(16);
        b.Property(x => x.EntryNo).HasMaxLength(11);
        b.Property(x => x.DateAdjusted).HasMaxLength(1);
        b.Property(x => x.Raw).IsRequired();
        b.HasIndex(x => new { x.RunId, x.RefType, x.Reference });
        b.HasOne<BatchRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OpenItemRowConfiguration : IEntityTypeConfiguration<OpenItemRow>
{
    public void Configure(EntityTypeBuilder<OpenItemRow> b)
    {
        b.ToTable("open_items");
        b.HasKey(x => new { x.RunId, x.SeqNo });
        b.Property(x => x.RefType).HasMaxLength(1);
        b.Property(x => x.Reference).HasMaxLength(16);
        b.Property(x => x.ItemType).HasMaxLength(1);
        b.Property(x => x.Status).HasMaxLength(1);
        b.Property(x => x.FilerCode).HasMaxLength(3);
        b.Property(x => x.ImporterNo).HasMaxLength(12);
        b.Property(x => x.Raw).IsRequired();
        b.HasIndex(x => new { x.BusinessDate, x.RefType, x.Reference });
        // covering the reconciliation's aggregate of a run's master (count and balance by status and due date)
        b.HasIndex(x => new { x.RunId, x.Status, x.DueDate, x.BalanceCents });
        b.HasOne<BatchRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LedgerPostingRowConfiguration : IEntityTypeConfiguration<LedgerPostingRow>
{
    public void Configure(EntityTypeBuilder<LedgerPostingRow> b)
    {
        b.ToTable("ledger_postings");
        b.HasKey(x => new { x.RunId, x.SeqNo });
        b.Property(x => x.RefType).HasMaxLength(1);
        b.Property(x => x.Reference).HasMaxLength(16);
        b.Property(x => x.ItemType).HasMaxLength(1);
        b.Property(x => x.TranCode).HasMaxLength(2);
        b.Property(x => x.RevenueClass).HasMaxLength(3);
        b.Property(x => x.DebitCredit).HasMaxLength(1);
        b.Property(x => x.PayMethod).HasMaxLength(1);
        b.Property(x => x.SourceId).HasMaxLength(12);
        b.Property(x => x.Raw).IsRequired();
        // a run's postings by transaction code (drill-down), covering the reconciliation's aggregate (count and amount by
        // transaction code and payment method)
        b.HasIndex(x => new { x.RunId, x.TranCode, x.PayMethod, x.AmountCents });
        b.HasOne<BatchRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class JournalLineConfiguration : IEntityTypeConfiguration<JournalLine>
{
    public void Configure(EntityTypeBuilder<JournalLine> b)
    {
        b.ToTable("journal_lines");
        b.HasKey(x => new { x.RunId, x.PostingSeqNo, x.Leg });
        b.Property(x => x.Account).HasMaxLength(24);
        b.Property(x => x.TranCode).HasMaxLength(2);
        b.HasOne<BatchRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SuspenseItemRowConfiguration : IEntityTypeConfiguration<SuspenseItemRow>
{
    public void Configure(EntityTypeBuilder<SuspenseItemRow> b)
    {
        b.ToTable("suspense_items");
        b.HasKey(x => new { x.RunId, x.SeqNo });
        b.Property(x => x.PaymentId).HasMaxLength(12);
        b.Property(x => x.Method).HasMaxLength(1);
        b.Property(x => x.RefType).HasMaxLength(1);
        b.Property(x => x.Reference).HasMaxLength(16);
        b.Property(x => x.DateReceived).HasMaxLength(8);
        b.Property(x => x.ReasonCode).HasMaxLength(4);
        b.Property(x => x.Message).HasMaxLength(40);
        b.Property(x => x.Raw).IsRequired();
        b.HasOne<BatchRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReportLineConfiguration : IEntityTypeConfiguration<ReportLine>
{
    public void Configure(EntityTypeBuilder<ReportLine> b)
    {
        b.ToTable("report_lines");
        b.HasKey(x => new { x.RunId, x.LineNo });
        b.Property(x => x.Raw).IsRequired();
        b.HasOne<BatchRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReportTotalConfiguration : IEntityTypeConfiguration<ReportTotal>
{
    public void Configure(EntityTypeBuilder<ReportTotal> b)
    {
        b.ToTable("report_totals");
        b.HasKey(x => new { x.RunId, x.Section, x.LineNo });
        b.Property(x => x.Section).HasMaxLength(24);
        b.Property(x => x.Code).HasMaxLength(8);
        b.Property(x => x.Description).HasMaxLength(60);
        b.HasOne<BatchRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
