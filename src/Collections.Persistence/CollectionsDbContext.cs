using System.Text;
using Collections.Persistence.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Collections.Persistence;

/// <summary>
/// The platform's database: reference tables, the day's entries and lines as received, what each step computed, and
/// the batch-run ledger; the web's accounts (ASP.NET Core Identity), audit trail and data protection keys (the key ring
/// that signs the sign-in and antiforgery cookies, shared by every web process on the database). Configurations are one <see cref="IEntityTypeConfiguration{TEntity}"/> per entity
/// (Configurations/); table and column names are snake_case; every string goes through <see cref="DbText"/>.
/// </summary>
public sealed class CollectionsDbContext(DbContextOptions<CollectionsDbContext> options)
    : IdentityDbContext<WebUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<BatchRun> Runs => Set<BatchRun>();
    public DbSet<PostedDay> PostedDays => Set<PostedDay>();
    public DbSet<BatchStep> Steps => Set<BatchStep>();
    public DbSet<BatchChunk> Chunks => Set<BatchChunk>();
    public DbSet<BatchCheckpoint> Checkpoints => Set<BatchCheckpoint>();
    public DbSet<RunReferenceTable> RunReferenceTables => Set<RunReferenceTable>();
    public DbSet<ReferenceTableVersion> ReferenceTableVersions => Set<ReferenceTableVersion>();
    public DbSet<ReferenceRecord> ReferenceRecords => Set<ReferenceRecord>();
    public DbSet<IngestSummary> IngestSummaries => Set<IngestSummary>();
    public DbSet<EntryRow> Entries => Set<EntryRow>();
    public DbSet<EntryLineRow> EntryLines => Set<EntryLineRow>();
    public DbSet<RejectedRecord> RejectedRecords => Set<RejectedRecord>();
    public DbSet<ControlTotal> ControlTotals => Set<ControlTotal>();
    public DbSet<StepMessage> StepMessages => Set<StepMessage>();
    public DbSet<EntryResult> EntryResults => Set<EntryResult>();
    public DbSet<LineResult> LineResults => Set<LineResult>();
    public DbSet<EntryTotal> EntryTotals => Set<EntryTotal>();
    public DbSet<EntryFeeRow> EntryFees => Set<EntryFeeRow>();
    public DbSet<MpfAllocationRow> MpfAllocations => Set<MpfAllocationRow>();
    public DbSet<CycleInput> CycleInputs => Set<CycleInput>();
    public DbSet<PaymentRow> Payments => Set<PaymentRow>();
    public DbSet<StatementRow> Statements => Set<StatementRow>();
    public DbSet<StatementEntryRow> StatementEntries => Set<StatementEntryRow>();
    public DbSet<OpenItemRow> OpenItems => Set<OpenItemRow>();
    public DbSet<LedgerPostingRow> LedgerPostings => Set<LedgerPostingRow>();
    public DbSet<JournalLine> JournalLines => Set<JournalLine>();
    public DbSet<SuspenseItemRow> SuspenseItems => Set<SuspenseItemRow>();
    public DbSet<ReportLine> ReportLines => Set<ReportLine>();
    public DbSet<ReportTotal> ReportTotals => Set<ReportTotal>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<PaymentAction> PaymentActions => Set<PaymentAction>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<string>().HaveConversion<DbText.Converter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        // Identity's tables: schema version 1 (IdentitySchemaVersions.Version1), what a context built without the web's
        // IdentityOptions gets; the web pins StoreOptions.SchemaVersion to the same (AccountSetup), so the CLI, the
        // design-time factory and the web share one model and one migration history.
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CollectionsDbContext).Assembly);
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            if (entity.GetTableName() is { } table) entity.SetTableName(SnakeCase(table));
            foreach (var p in entity.GetProperties()) p.SetColumnName(SnakeCase(p.Name));
            foreach (var k in entity.GetKeys()) k.SetName("pk_" + entity.GetTableName());
            foreach (var fk in entity.GetForeignKeys())
                fk.SetConstraintName("fk_" + entity.GetTableName() + "_" + string.Join("_", fk.Properties.Select(p => p.GetColumnName())));
            foreach (var ix in entity.GetIndexes())
                ix.SetDatabaseName("ix_" + entity.GetTableName() + "_" + string.Join("_", ix.Properties.Select(p => p.GetColumnName())));
        }
    }

    /// <summary>PascalCase to snake_case ("EntryNo" → "entry_no", "Ch99RateE6_1" → "ch99_rate_e6_1").</summary>
    public static string SnakeCase(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && name[i - 1] != '_' && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                    sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
