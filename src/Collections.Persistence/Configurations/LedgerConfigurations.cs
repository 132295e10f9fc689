using Collections.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collections.Persistence.Configurations;

internal sealed class BatchRunConfiguration : IEntityTypeConfiguration<BatchRun>
{
    public void Configure(EntityTypeBuilder<BatchRun> b)
    {
        b.ToTable("batch_runs");
        b.HasKey(x => x.Id);
        b.Property(x => x.InputHash).HasMaxLength(64).IsRequired();
        b.Property(x => x.Status).HasMaxLength(16).IsRequired();
        b.Property(x => x.InputDirectory).HasMaxLength(1024).IsRequired();
        b.Property(x => x.Message).HasMaxLength(4000);
        b.HasIndex(x => new { x.BusinessDate, x.InputHash }).IsUnique();
    }
}

internal sealed class PostedDayConfiguration : IEntityTypeConfiguration<PostedDay>
{
    public void Configure(EntityTypeBuilder<PostedDay> b)
    {
        b.ToTable("posted_days");
        b.HasKey(x => x.BusinessDate);
        b.HasOne<BatchRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.RunId).IsUnique();
    }
}

internal sealed class BatchStepConfiguration : IEntityTypeConfiguration<BatchStep>
{
    public void Configure(EntityTypeBuilder<BatchStep> b)
    {
        b.ToTable("batch_steps");
        b.HasKey(x => new { x.RunId, x.StepName });
        b.Property(x => x.StepName).HasMaxLength(32);
        b.Property(x => x.Status).HasMaxLength(16).IsRequired();
        b.Property(x => x.Message).HasMaxLength(4000);
        b.HasOne<BatchRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BatchChunkConfiguration : IEntityTypeConfiguration<BatchChunk>
{
    public void Configure(EntityTypeBuilder<BatchChunk> b)
    {
        b.ToTable("batch_chunks");
        b.HasKey(x => new { x.RunId, x.StepName, x.ChunkNo });
        b.Property(x => x.StepName).HasMaxLength(32);
        b.Property(x => x.Status).HasMaxLength(16).IsRequired();
        b.Property(x => x.ClaimedBy).HasMaxLength(200);
        b.HasOne<BatchStep>().WithMany().HasForeignKey(x => new { x.RunId, x.StepName }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BatchCheckpointConfiguration : IEntityTypeConfiguration<BatchCheckpoint>
{
    public void Configure(EntityTypeBuilder<BatchCheckpoint> b)
    {
        b.ToTable("batch_checkpoints");
        b.HasKey(x => new { x.RunId, x.StepName, x.ChunkNo });
        b.Property(x => x.StepName).HasMaxLength(32);
        b.Property(x => x.Worker).HasMaxLength(200).IsRequired();
        b.HasOne<BatchStep>().WithMany().HasForeignKey(x => new { x.RunId, x.StepName }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RunReferenceTableConfiguration : IEntityTypeConfiguration<RunReferenceTable>
{
    public void Configure(EntityTypeBuilder<RunReferenceTable> b)
    {
        b.ToTable("run_reference_tables");
        b.HasKey(x => new { x.RunId, x.TableName });
        b.Property(x => x.TableName).HasMaxLength(32);
        b.HasOne<BatchRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ReferenceTableVersion>().WithMany().HasForeignKey(x => x.VersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReferenceTableVersionConfiguration : IEntityTypeConfiguration<ReferenceTableVersion>
{
    public void Configure(EntityTypeBuilder<ReferenceTableVersion> b)
    {
        b.ToTable("reference_table_versions");
        b.HasKey(x => x.Id);
        b.Property(x => x.TableName).HasMaxLength(32).IsRequired();
        b.Property(x => x.Sha256).HasMaxLength(64).IsRequired();
        b.Property(x => x.Source).HasMaxLength(1024).IsRequired();
        b.HasIndex(x => new { x.TableName, x.EffectiveFrom }).IsUnique();
    }
}

internal sealed class ReferenceRecordConfiguration : IEntityTypeConfiguration<ReferenceRecord>
{
    public void Configure(EntityTypeBuilder<ReferenceRecord> b)
    {
        b.ToTable("reference_records");
        b.HasKey(x => new { x.VersionId, x.RecordNo });
        b.Property(x => x.Data).IsRequired();
        b.HasOne<ReferenceTableVersion>().WithMany().HasForeignKey(x => x.VersionId).OnDelete(DeleteBehavior.Cascade);
    }
}
