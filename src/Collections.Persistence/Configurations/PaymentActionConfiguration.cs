using Collections.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collections.Persistence.Configurations;

internal sealed class PaymentActionConfiguration : IEntityTypeConfiguration<PaymentAction>
{
    public void Configure(EntityTypeBuilder<PaymentAction> b)
    {
        b.ToTable("payment_actions");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.SourceRunId, x.SourceSeqNo }).IsUnique();
        b.HasIndex(x => x.ConsumedRunId);
        b.Property(x => x.Action).HasMaxLength(16).IsRequired();
        b.Property(x => x.PaymentId).HasMaxLength(12).IsRequired();
        b.Property(x => x.Reference).HasMaxLength(16).IsRequired();
        b.Property(x => x.Record).HasMaxLength(50);
    }
}
