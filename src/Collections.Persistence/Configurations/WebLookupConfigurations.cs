using Collections.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collections.Persistence.Configurations;

// Indexes for the web's lookups by number (a statement, an entry's statements, payments and postings of a reference)
// and by importer (the importer's pages), beside the receivable tables' own configurations.

internal sealed class StatementLookupConfiguration : IEntityTypeConfiguration<StatementRow>
{
    public void Configure(EntityTypeBuilder<StatementRow> b)
    {
        b.HasIndex(x => x.Reference);
        b.HasIndex(x => x.ImporterNo);
    }
}

internal sealed class StatementEntryLookupConfiguration : IEntityTypeConfiguration<StatementEntryRow>
{
    public void Configure(EntityTypeBuilder<StatementEntryRow> b) => b.HasIndex(x => x.EntryNo);
}

internal sealed class PaymentLookupConfiguration : IEntityTypeConfiguration<PaymentRow>
{
    public void Configure(EntityTypeBuilder<PaymentRow> b) => b.HasIndex(x => x.Reference);
}

internal sealed class LedgerPostingLookupConfiguration : IEntityTypeConfiguration<LedgerPostingRow>
{
    public void Configure(EntityTypeBuilder<LedgerPostingRow> b) => b.HasIndex(x => x.Reference);
}

internal sealed class OpenItemLookupConfiguration : IEntityTypeConfiguration<OpenItemRow>
{
    public void Configure(EntityTypeBuilder<OpenItemRow> b)
    {
        b.HasIndex(x => x.Reference);
        b.HasIndex(x => new { x.RunId, x.ImporterNo });
    }
}
