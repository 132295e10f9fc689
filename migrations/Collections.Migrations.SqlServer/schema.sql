IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203145142_Initial'
)
BEGIN
    CREATE TABLE [batch_runs] (
        [id] bigint NOT NULL IDENTITY,
        [business_date] date NOT NULL,
        [input_hash] nvarchar(64) NOT NULL,
        [input_directory] nvarchar(1024) NOT NULL,
        [chunk_lines] int NOT NULL,
        [status] nvarchar(16) NOT NULL,
        [return_code] int NOT NULL,
        [message] nvarchar(4000) NULL,
        [submitted_utc] datetime2 NOT NULL,
        [finished_utc] datetime2 NULL,
        CONSTRAINT [pk_batch_runs] PRIMARY KEY ([id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203145142_Initial'
)
BEGIN
    CREATE TABLE [reference_table_versions] (
        [id] bigint NOT NULL IDENTITY,
        [table_name] nvarchar(32) NOT NULL,
        [effective_from] date NOT NULL,
        [sha256] nvarchar(64) NOT NULL,
        [record_count] int NOT NULL,
        [source] nvarchar(1024) NOT NULL,
        [loaded_utc] datetime2 NOT NULL,
        CONSTRAINT [pk_reference_table_versions] PRIMARY KEY ([id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203145142_Initial'
)
BEGIN
    CREATE TABLE [batch_steps] (
        [run_id] bigint NOT NULL,
        [step_name] nvarchar(32) NOT NULL,
        [ordinal] int NOT NULL,
        [status] nvarchar(16) NOT NULL,
        [return_code] int NULL,
        [chunk_count] int NOT NULL,
        [message] nvarchar(4000) NULL,
        [started_utc] datetime2 NULL,
        [finished_utc] datetime2 NULL,
        CONSTRAINT [pk_batch_steps] PRIMARY KEY ([run_id], [step_name]),
        CONSTRAINT [fk_batch_steps_run_id] FOREIGN KEY ([run_id]) REFERENCES [batch_runs] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203145142_Initial'
)
BEGIN
    CREATE TABLE [control_totals] (
        [run_id] bigint NOT NULL,
        [program] nvarchar(8) NOT NULL,
        [seq_no] int NOT NULL,
        [description] nvarchar(30) NOT NULL,
        [count] bigint NOT NULL,
        [amount_cents] bigint NOT NULL,
        CONSTRAINT [pk_control_totals] PRIMARY KEY ([run_id], [program], [seq_no]),
        CONSTRAINT [fk_control_totals_run_id] FOREIGN KEY ([run_id]) REFERENCES [batch_runs] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203145142_Initial'
)
BEGIN
    CREATE TABLE [entries] (
        [run_id] bigint NOT NULL,
        [record_no] bigint NOT NULL,
        [entry_no] nvarchar(11) NOT NULL,
        [entry_type] nvarchar(2) NOT NULL,
        [importer_no] nvarchar(12) NOT NULL,
        [port_code] nvarchar(4) NOT NULL,
        [entry_date] nvarchar(8) NOT NULL,
        [export_date] nvarchar(8) NOT NULL,
        [transport_mode] nvarchar(2) NOT NULL,
        [payment_type] nvarchar(1) NOT NULL,
        [statement_date] nvarchar(8) NOT NULL,
        [currency_code] nvarchar(3) NOT NULL,
        [manual_flag] nvarchar(1) NOT NULL,
        [line_count] nvarchar(3) NOT NULL,
        [preceding_entry_no] nvarchar(11) NOT NULL,
        [end_record_no] bigint NOT NULL,
        [raw] varbinary(max) NOT NULL,
        CONSTRAINT [pk_entries] PRIMARY KEY ([run_id], [record_no]),
        CONSTRAINT [fk_entries_run_id] FOREIGN KEY ([run_id]) REFERENCES [batch_runs] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203145142_Initial'
)
BEGIN
    CREATE TABLE [entry_fees] (
        [run_id] bigint NOT NULL,
        [entry_seq] bigint NOT NULL,
        [fee_no] int NOT NULL,
        [fee_class] nvarchar(3) NOT NULL,
        [amount_cents] bigint NOT NULL,
        CONSTRAINT [pk_entry_fees] PRIMARY KEY ([run_id], [entry_seq], [fee_no]),
        CONSTRAINT [fk_entry_fees_run_id] FOREIGN KEY ([run_id]) REFERENCES [batch_runs] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203145142_Initial'
)
BEGIN
    CREATE TABLE [entry_lines] (
        [run_id] bigint NOT NULL,
        [record_no] bigint NOT NULL,
        [header_record_no] bigint NULL,
        [entry_no] nvarchar(11) NOT NULL,
        [line_no] nvarchar(3) NOT NULL,
        [hts_no] nvarchar(10) NOT NULL,
        [origin_country] nvarchar(2) NOT NULL,
        [spi_code] nvarchar(2) NOT NULL,
        [foreign_value_cents] bigint NULL,
        [net_quantity] bigint NULL,
        [quantity_unit] nvarchar(3) NOT NULL,
        [net_kg] bigint NULL,
        [ch99_count] nvarchar(1) NOT NULL,
        [ch99_no1] nvarchar(10) NOT NULL,
        [ch99_no2] nvarchar(10) NOT NULL,
        [ch99_no3] nvarchar(10) NOT NULL,
        [adcvd_case_no] nvarchar(10) NOT NULL,
        [raw] varbinary(max) NOT NULL,
        CONSTRAINT [pk_entry_lines] PRIMARY KEY ([run_id], [record_no]),
        CONSTRAINT [fk_entry_lines_run_id] FOREIGN KEY ([run_id]) REFERENCES [batch_runs] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203145142_Initial'
)
BEGIN
    CREATE TABLE [entry_results] (
        [run_id] bigint NOT NULL,
        [record_no] bigint NOT NULL,
        [entry_no] nvarchar(11) NOT NULL,
        [status] nvarchar(1) NOT NULL,
        [reason_code] nvarchar(4) NULL,
        [entry_type] nvarchar(2) NOT NULL,
        [importer_no] nvarchar(12) NOT NULL,
        [port_code] nvarchar(4) NOT NULL,
        [entry_date] int NOT NULL,
        [export_date] int NOT NULL,
        [transport_mode] nvarchar(2) NOT NULL,
        [payment_type] nvarchar(1) NOT NULL,
        [statement_date] int NOT NULL,
        [manual_flag] nvarchar(1) NOT NULL,
        [currency_code] nvarchar(3) NOT NULL,
        [line_count] int NOT NULL,
        [exchange_rate_e6] bigint NOT NULL,
        [rate_source] nvarchar(1) NOT NULL,
        [mpf_rate_e6] bigint NOT NULL,
        [cotton_rate_e6] bigint NOT NULL,
        CONSTRAINT [pk_entry_results] PRIMARY KEY ([run_id], [record_no]),
        CONSTRAINT [fk_entry_results_run_id] FOREIGN KEY ([run_id]) REFERENCES [batch_runs] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203145142_Initial'
)
BEGIN
    CREATE TABLE [entry_totals] (
        [run_id] bigint NOT NULL,
        [seq] bigint NOT NULL,
        [header_record_no] bigint NOT NULL,
        [entry_no] nvarchar(11) NOT NULL,
        [written] bit NOT NULL,
        [lines_accepted] int NOT NULL,
        [lines_rejected] int NOT NULL,
        [entered_value_cents] bigint NOT NULL,
        [mpf_liable_value_cents] bigint NOT NULL,
        [duty_cents] bigint NOT NULL,
        [section301_cents] bigint NOT NULL,
        [section232_cents] bigint NOT NULL,
        [ieepa_cents] bigint NOT NULL,
        [section122_cents] bigint NOT NULL,
        [other_chapter99_cents] bigint NOT NULL,
        [antidumping_cents] bigint NOT NULL,
        [countervailing_cents] bigint NOT NULL,
        [mpf_raw_e5] bigint NOT NULL,
        [mpf_limit] nvarchar(1) NOT NULL,
        [mpf_cents] bigint NOT NULL,
        [informal_fee_cents] bigint NOT NULL,
        [manual_surcharge_cents] bigint NOT NULL,
        [hmf_cents] bigint NOT NULL,
        [hmf_waived] bit NOT NULL,
        [cotton_cents] bigint NOT NULL,
        [fee_total_cents] bigint NOT NULL,
        [total_assessed_cents] bigint NOT NULL,
        CONSTRAINT [pk_entry_totals] PRIMARY KEY ([run_id], [seq]),
        CONSTRAINT [fk_entry_totals_run_id] FOREIGN KEY ([run_id]) REFERENCES [batch_runs] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203145142_Initial'
)
BEGIN
    CREATE TABLE [ingest_summaries] (
        [run_id] bigint NOT NULL,
        [control_card] nvarchar(80) NOT NULL,
        [run_date] int NOT NULL,
        [records_read] bigint NOT NULL,
        [headers_read] bigint NOT NULL,
        [lines_read] bigint NOT NULL,
        [records_before_trailer] bigint NOT NULL,
        [value_hash_cents] bigint NOT NULL,
        [trailer_record_count] bigint NOT NULL,
        [trailer_entry_count] bigint NOT NULL,
        [trailer_hash_cents] bigint NOT NULL,
        [trailer_record_no] bigint NOT NULL,
        [payment_records] bigint NOT NULL,
        [sysin] varbinary(max) NOT NULL,
        CONSTRAINT [pk_ingest_summaries] PRIMARY KEY ([run_id]),
        CONSTRAINT [fk_ingest_summaries_run_id] FOREIGN KEY ([run_id]) REFERENCES [batch_runs] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203145142_Initial'
)
BEGIN
    CREATE TABLE [line_results] (
        [run_id] bigint NOT NULL,
        [record_no] bigint NOT NULL,
        [header_record_no] bigint NOT NULL,
        [entry_no] nvarchar(11) NOT NULL,
        [line_no] nvarchar(3) NOT NULL,
        [status] nvarchar(1) NOT NULL,
        [reason_code] nvarchar(4) NULL,
        [hts_no] nvarchar(10) NOT NULL,
        [spi_code] nvarchar(2) NOT NULL,
        [rate_type] nvarchar(1) NOT NULL,
        [ad_valorem_rate_e6] bigint NOT NULL,
        [specific_rate_e6] bigint NOT NULL,
        [spi_free] nvarchar(1) NOT NULL,
        [usd_value_cents] bigint NOT NULL,
        [duty_cents] bigint NOT NULL,
        [ch99_class1] nvarchar(3) NOT NULL,
        [ch99_rate_e6_1] bigint NOT NULL,
        [ch99_applied1] nvarchar(1) NOT NULL,
        [ch99_cents1] bigint NOT NULL,
        [ch99_class2] nvarchar(3) NOT NULL,
        [ch99_rate_e6_2] bigint NOT NULL,
        [ch99_applied2] nvarchar(1) NOT NULL,
        [ch99_cents2] bigint NOT NULL,
        [ch99_class3] nvarchar(3) NOT NULL,
        [ch99_rate_e6_3] bigint NOT NULL,
        [ch99_applied3] nvarchar(1) NOT NULL,
        [ch99_cents3] bigint NOT NULL,
        [adcvd_type] nvarchar(1) NOT NULL,
        [adcvd_cents] bigint NOT NULL,
        [raw_mpf_e5] bigint NOT NULL,
        [cotton_fee_cents] bigint NOT NULL,
        CONSTRAINT [pk_line_results] PRIMARY KEY ([run_id], [record_no]),
        CONSTRAINT [fk_line_results_run_id] FOREIGN KEY ([run_id]) REFERENCES [batch_runs] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203145142_Initial'
)
BEGIN
    CREATE TABLE [mpf_allocations] (
        [run_id] bigint NOT NULL,
        [entry_seq] bigint NOT NULL,
        [allocation_no] int NOT NULL,
        [entry_no] nvarchar(11) NOT NULL,
        [line_no] int NOT NULL,
        [usd_value_cents] bigint NOT NULL,
        [raw_mpf_e5] bigint NOT NULL,
        [allocated_cents] bigint NOT NULL,
        CONSTRAINT [pk_mpf_allocations] PRIMARY KEY ([run_id], [entry_seq], [allocation_no]),
        CONSTRAINT [fk_mpf_allocations_run_id] FOREIGN KEY ([run_id]) REFERENCES [batch_runs] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203145142_Initial'
)
BEGIN
    CREATE TABLE [posted_days] (
        [business_date] date NOT NULL,
        [run_id] bigint NOT NULL,
        [posted_utc] datetime2 NOT NULL,
        CONSTRAINT [pk_posted_days] PRIMARY KEY ([business_date]),
        CONSTRAINT [fk_posted_days_run_id] FOREIGN KEY ([run_id]) REFERENCES [batch_runs] ([id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203145142_Initial'
)
BEGIN
    CREATE TABLE [rejected_records] (
        [run_id] bigint NOT NULL,
        [program] nvarchar(8) NOT NULL,
        [record_no] bigint NOT NULL,
        [seq] int NOT NULL,
        [file_name] nvarchar(16) NOT NULL,
        [entry_no] nvarchar(11) NOT NULL,
        [line_no] nvarchar(3) NOT NULL,
        [severity] nvarchar(1) NOT NULL,
        [reason_code] nvarchar(4) NOT NULL,
        [detail] nvarchar(1000) NULL,
        [raw] varbinary(max) NULL,
        CONSTRAINT [pk_rejected_records] PRIMARY KEY ([run_id], [program], [record_no], [seq]),
        CONSTRAINT [fk_rejected_records_run_id] FOREIGN KEY ([run_id]) REFERENCES [batch_runs] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203145142_Initial'
)
BEGIN
    CREATE TABLE [step_messages] (
        [run_id] bigint NOT NULL,
        [step_name] nvarchar(32) NOT NULL,
        [seq] int NOT NULL,
        [text] nvarchar(400) NOT NULL,
        CONSTRAINT [pk_step_messages] PRIMARY KEY ([run_id], [step_name], [seq]),
        CONSTRAINT [fk_step_messages_run_id] FOREIGN KEY ([run_id]) REFERENCES [batch_runs] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203145142_Initial'
)
BEGIN
    CREATE TABLE [reference_records] (
        [version_id] bigint NOT NULL,
        [record_no] int NOT NULL,
        [data] varbinary(max) NOT NULL,
        CONSTRAINT [pk_reference_records] PRIMARY KEY ([version_id], [record_no]),
        CONSTRAINT [fk_reference_records_version_id] FOREIGN KEY ([version_id]) REFERENCES [reference_table_versions] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203145142_Initial'
)
BEGIN
    CREATE TABLE [run_reference_tables] (
        [run_id] bigint NOT NULL,
        [table_name] nvarchar(32) NOT NULL,
        [version_id] bigint NOT NULL,
        CONSTRAINT [pk_run_reference_tables] PRIMARY KEY ([run_id], [table_name]),
        CONSTRAINT [fk_run_reference_tables_run_id] FOREIGN KEY ([run_id]) REFERENCES [batch_runs] ([id]) ON DELETE CASCADE,
        CONSTRAINT [fk_run_reference_tables_version_id] FOREIGN KEY ([version_id]) REFERENCES [reference_table_versions] ([id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203145142_Initial'
)
BEGIN
    CREATE TABLE [batch_checkpoints] (
        [run_id] bigint NOT NULL,
        [step_name] nvarchar(32) NOT NULL,
        [chunk_no] int NOT NULL,
        [rows_written] bigint NOT NULL,
        [worker] nvarchar(200) NOT NULL,
        [committed_utc] datetime2 NOT NULL,
        CONSTRAINT [pk_batch_checkpoints] PRIMARY KEY ([run_id], [step_name], [chunk_no]),
        CONSTRAINT [fk_batch_checkpoints_run_id_step_name] FOREIGN KEY ([run_id], [step_name]) REFERENCES [batch_steps] ([run_id], [step_name]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203145142_Initial'
)
BEGIN
    CREATE TABLE [batch_chunks] (
        [run_id] bigint NOT NULL,
        [step_name] nvarchar(32) NOT NULL,
        [chunk_no] int NOT NULL,
        [first_record_no] bigint NOT NULL,
        [last_record_no] bigint NOT NULL,
        [status] nvarchar(16) NOT NULL,
        [claimed_by] nvarchar(200) NULL,
        [lease_until_utc] datetime2 NULL,
        [attempts] int NOT NULL,
        [rows] bigint NOT NULL,
        [started_utc] datetime2 NULL,
        [finished_utc] datetime2 NULL,
        CONSTRAINT [pk_batch_chunks] PRIMARY KEY ([run_id], [step_name], [chunk_no]),
        CONSTRAINT [fk_batch_chunks_run_id_step_name] FOREIGN KEY ([run_id], [step_name]) REFERENCES [batch_steps] ([run_id], [step_name]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203145142_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [ix_batch_runs_business_date_input_hash] ON [batch_runs] ([business_date], [input_hash]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203145142_Initial'
)
BEGIN
    CREATE INDEX [ix_entries_run_id_entry_no] ON [entries] ([run_id], [entry_no]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203145142_Initial'
)
BEGIN
    CREATE INDEX [ix_entry_lines_run_id_header_record_no] ON [entry_lines] ([run_id], [header_record_no]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203145142_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [ix_entry_totals_run_id_header_record_no] ON [entry_totals] ([run_id], [header_record_no]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203145142_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [ix_posted_days_run_id] ON [posted_days] ([run_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203145142_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [ix_reference_table_versions_table_name_effective_from] ON [reference_table_versions] ([table_name], [effective_from]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203145142_Initial'
)
BEGIN
    CREATE INDEX [ix_run_reference_tables_version_id] ON [run_reference_tables] ([version_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203145142_Initial'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261203145142_Initial', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203162036_ReceivablesLedgerReport'
)
BEGIN
    CREATE TABLE [cycle_inputs] (
        [run_id] bigint NOT NULL,
        [payments_present] bit NOT NULL,
        [payments_bytes] bigint NOT NULL,
        [prior_run_id] bigint NULL,
        [prior_business_date] date NULL,
        CONSTRAINT [pk_cycle_inputs] PRIMARY KEY ([run_id]),
        CONSTRAINT [fk_cycle_inputs_run_id] FOREIGN KEY ([run_id]) REFERENCES [batch_runs] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203162036_ReceivablesLedgerReport'
)
BEGIN
    CREATE TABLE [journal_lines] (
        [run_id] bigint NOT NULL,
        [posting_seq_no] bigint NOT NULL,
        [leg] int NOT NULL,
        [account] nvarchar(24) NOT NULL,
        [tran_code] nvarchar(2) NOT NULL,
        [debit_cents] bigint NOT NULL,
        [credit_cents] bigint NOT NULL,
        CONSTRAINT [pk_journal_lines] PRIMARY KEY ([run_id], [posting_seq_no], [leg]),
        CONSTRAINT [fk_journal_lines_run_id] FOREIGN KEY ([run_id]) REFERENCES [batch_runs] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203162036_ReceivablesLedgerReport'
)
BEGIN
    CREATE TABLE [ledger_postings] (
        [run_id] bigint NOT NULL,
        [seq_no] bigint NOT NULL,
        [post_date] int NOT NULL,
        [sequence] int NOT NULL,
        [ref_type] nvarchar(1) NOT NULL,
        [reference] nvarchar(16) NOT NULL,
        [item_type] nvarchar(1) NOT NULL,
        [tran_code] nvarchar(2) NOT NULL,
        [revenue_class] nvarchar(3) NOT NULL,
        [debit_credit] nvarchar(1) NOT NULL,
        [amount_cents] bigint NOT NULL,
        [pay_method] nvarchar(1) NOT NULL,
        [source_id] nvarchar(12) NOT NULL,
        [effective_date] int NOT NULL,
        [raw] varbinary(max) NOT NULL,
        CONSTRAINT [pk_ledger_postings] PRIMARY KEY ([run_id], [seq_no]),
        CONSTRAINT [fk_ledger_postings_run_id] FOREIGN KEY ([run_id]) REFERENCES [batch_runs] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203162036_ReceivablesLedgerReport'
)
BEGIN
    CREATE TABLE [open_items] (
        [run_id] bigint NOT NULL,
        [seq_no] bigint NOT NULL,
        [business_date] date NOT NULL,
        [ref_type] nvarchar(1) NOT NULL,
        [reference] nvarchar(16) NOT NULL,
        [item_type] nvarchar(1) NOT NULL,
        [status] nvarchar(1) NOT NULL,
        [statement_type] int NOT NULL,
        [filer_code] nvarchar(3) NOT NULL,
        [importer_no] nvarchar(12) NOT NULL,
        [period] int NOT NULL,
        [open_date] int NOT NULL,
        [statement_date] int NOT NULL,
        [due_date] int NOT NULL,
        [bill_date] int NOT NULL,
        [last_payment_date] int NOT NULL,
        [last_activity_date] int NOT NULL,
        [entry_count] int NOT NULL,
        [assessed_cents] bigint NOT NULL,
        [interest_cents] bigint NOT NULL,
        [paid_cents] bigint NOT NULL,
        [refund_cents] bigint NOT NULL,
        [balance_cents] bigint NOT NULL,
        [raw] varbinary(max) NOT NULL,
        CONSTRAINT [pk_open_items] PRIMARY KEY ([run_id], [seq_no]),
        CONSTRAINT [fk_open_items_run_id] FOREIGN KEY ([run_id]) REFERENCES [batch_runs] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203162036_ReceivablesLedgerReport'
)
BEGIN
    CREATE TABLE [payments] (
        [run_id] bigint NOT NULL,
        [record_no] bigint NOT NULL,
        [payment_id] nvarchar(12) NOT NULL,
        [method] nvarchar(1) NOT NULL,
        [ref_type] nvarchar(1) NOT NULL,
        [reference] nvarchar(16) NOT NULL,
        [amount_cents] bigint NOT NULL,
        [date_received] int NOT NULL,
        [is_short] bit NOT NULL,
        [raw] varbinary(max) NOT NULL,
        CONSTRAINT [pk_payments] PRIMARY KEY ([run_id], [record_no]),
        CONSTRAINT [fk_payments_run_id] FOREIGN KEY ([run_id]) REFERENCES [batch_runs] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203162036_ReceivablesLedgerReport'
)
BEGIN
    CREATE TABLE [report_lines] (
        [run_id] bigint NOT NULL,
        [line_no] int NOT NULL,
        [raw] varbinary(max) NOT NULL,
        CONSTRAINT [pk_report_lines] PRIMARY KEY ([run_id], [line_no]),
        CONSTRAINT [fk_report_lines_run_id] FOREIGN KEY ([run_id]) REFERENCES [batch_runs] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203162036_ReceivablesLedgerReport'
)
BEGIN
    CREATE TABLE [report_totals] (
        [run_id] bigint NOT NULL,
        [section] nvarchar(24) NOT NULL,
        [line_no] int NOT NULL,
        [code] nvarchar(8) NOT NULL,
        [description] nvarchar(60) NOT NULL,
        [count] bigint NOT NULL,
        [count2] bigint NOT NULL,
        [value_cents] bigint NOT NULL,
        [duties_cents] bigint NOT NULL,
        [fees_cents] bigint NOT NULL,
        [amount_cents] bigint NOT NULL,
        CONSTRAINT [pk_report_totals] PRIMARY KEY ([run_id], [section], [line_no]),
        CONSTRAINT [fk_report_totals_run_id] FOREIGN KEY ([run_id]) REFERENCES [batch_runs] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203162036_ReceivablesLedgerReport'
)
BEGIN
    CREATE TABLE [statement_entries] (
        [run_id] bigint NOT NULL,
        [seq_no] bigint NOT NULL,
        [ref_type] nvarchar(1) NOT NULL,
        [reference] nvarchar(16) NOT NULL,
        [entry_no] nvarchar(11) NOT NULL,
        [statement_type] int NOT NULL,
        [entry_date] int NOT NULL,
        [scheduled_statement_date] int NOT NULL,
        [statement_date] int NOT NULL,
        [due_date] int NOT NULL,
        [date_adjusted] nvarchar(1) NOT NULL,
        [entry_total_cents] bigint NOT NULL,
        [raw] varbinary(max) NOT NULL,
        CONSTRAINT [pk_statement_entries] PRIMARY KEY ([run_id], [seq_no]),
        CONSTRAINT [fk_statement_entries_run_id] FOREIGN KEY ([run_id]) REFERENCES [batch_runs] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203162036_ReceivablesLedgerReport'
)
BEGIN
    CREATE TABLE [statements] (
        [run_id] bigint NOT NULL,
        [seq_no] bigint NOT NULL,
        [ref_type] nvarchar(1) NOT NULL,
        [reference] nvarchar(16) NOT NULL,
        [statement_type] int NOT NULL,
        [filer_code] nvarchar(3) NOT NULL,
        [importer_no] nvarchar(12) NOT NULL,
        [period] int NOT NULL,
        [statement_date] int NOT NULL,
        [due_date] int NOT NULL,
        [run_date] int NOT NULL,
        [entry_count] int NOT NULL,
        [duty_cents] bigint NOT NULL,
        [section301_cents] bigint NOT NULL,
        [section232_cents] bigint NOT NULL,
        [ieepa_cents] bigint NOT NULL,
        [section122_cents] bigint NOT NULL,
        [other_chapter99_cents] bigint NOT NULL,
        [antidumping_cents] bigint NOT NULL,
        [countervailing_cents] bigint NOT NULL,
        [mpf_cents] bigint NOT NULL,
        [informal_fee_cents] bigint NOT NULL,
        [manual_surcharge_cents] bigint NOT NULL,
        [hmf_cents] bigint NOT NULL,
        [cotton_cents] bigint NOT NULL,
        [total_cents] bigint NOT NULL,
        [raw] varbinary(max) NOT NULL,
        CONSTRAINT [pk_statements] PRIMARY KEY ([run_id], [seq_no]),
        CONSTRAINT [fk_statements_run_id] FOREIGN KEY ([run_id]) REFERENCES [batch_runs] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203162036_ReceivablesLedgerReport'
)
BEGIN
    CREATE TABLE [suspense_items] (
        [run_id] bigint NOT NULL,
        [seq_no] bigint NOT NULL,
        [run_date] int NOT NULL,
        [payment_id] nvarchar(12) NOT NULL,
        [method] nvarchar(1) NOT NULL,
        [ref_type] nvarchar(1) NOT NULL,
        [reference] nvarchar(16) NOT NULL,
        [amount_cents] bigint NOT NULL,
        [date_received] nvarchar(8) NOT NULL,
        [reason_code] nvarchar(4) NOT NULL,
        [message] nvarchar(40) NOT NULL,
        [raw] varbinary(max) NOT NULL,
        CONSTRAINT [pk_suspense_items] PRIMARY KEY ([run_id], [seq_no]),
        CONSTRAINT [fk_suspense_items_run_id] FOREIGN KEY ([run_id]) REFERENCES [batch_runs] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203162036_ReceivablesLedgerReport'
)
BEGIN
    CREATE INDEX [ix_ledger_postings_run_id_tran_code] ON [ledger_postings] ([run_id], [tran_code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203162036_ReceivablesLedgerReport'
)
BEGIN
    CREATE INDEX [ix_open_items_business_date_ref_type_reference] ON [open_items] ([business_date], [ref_type], [reference]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203162036_ReceivablesLedgerReport'
)
BEGIN
    CREATE INDEX [ix_statement_entries_run_id_ref_type_reference] ON [statement_entries] ([run_id], [ref_type], [reference]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203162036_ReceivablesLedgerReport'
)
BEGIN
    CREATE INDEX [ix_statements_run_id_ref_type_reference] ON [statements] ([run_id], [ref_type], [reference]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203162036_ReceivablesLedgerReport'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261203162036_ReceivablesLedgerReport', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203171828_WebAccounts'
)
BEGIN
    CREATE TABLE [asp_net_roles] (
        [id] nvarchar(450) NOT NULL,
        [name] nvarchar(256) NULL,
        [normalized_name] nvarchar(256) NULL,
        [concurrency_stamp] nvarchar(max) NULL,
        CONSTRAINT [pk_asp_net_roles] PRIMARY KEY ([id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203171828_WebAccounts'
)
BEGIN
    CREATE TABLE [asp_net_users] (
        [id] nvarchar(450) NOT NULL,
        [importer_number] nvarchar(32) NULL,
        [user_name] nvarchar(256) NULL,
        [normalized_user_name] nvarchar(256) NULL,
        [email] nvarchar(256) NULL,
        [normalized_email] nvarchar(256) NULL,
        [email_confirmed] bit NOT NULL,
        [password_hash] nvarchar(max) NULL,
        [security_stamp] nvarchar(max) NULL,
        [concurrency_stamp] nvarchar(max) NULL,
        [phone_number] nvarchar(max) NULL,
        [phone_number_confirmed] bit NOT NULL,
        [two_factor_enabled] bit NOT NULL,
        [lockout_end] datetimeoffset NULL,
        [lockout_enabled] bit NOT NULL,
        [access_failed_count] int NOT NULL,
        CONSTRAINT [pk_asp_net_users] PRIMARY KEY ([id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203171828_WebAccounts'
)
BEGIN
    CREATE TABLE [audit_events] (
        [id] bigint NOT NULL IDENTITY,
        [at_utc] datetime2 NOT NULL,
        [user_name] nvarchar(256) NOT NULL,
        [action] nvarchar(64) NOT NULL,
        [subject] nvarchar(256) NOT NULL,
        [reason] nvarchar(2000) NOT NULL,
        [detail] nvarchar(4000) NULL,
        [amount_cents] bigint NULL,
        CONSTRAINT [pk_audit_events] PRIMARY KEY ([id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203171828_WebAccounts'
)
BEGIN
    CREATE TABLE [payment_actions] (
        [id] bigint NOT NULL IDENTITY,
        [source_run_id] bigint NOT NULL,
        [source_seq_no] bigint NOT NULL,
        [action] nvarchar(16) NOT NULL,
        [payment_id] nvarchar(12) NOT NULL,
        [reference] nvarchar(16) NOT NULL,
        [amount_cents] bigint NOT NULL,
        [record] varbinary(50) NULL,
        [audit_event_id] bigint NOT NULL,
        [created_utc] datetime2 NOT NULL,
        [consumed_run_id] bigint NULL,
        CONSTRAINT [pk_payment_actions] PRIMARY KEY ([id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203171828_WebAccounts'
)
BEGIN
    CREATE TABLE [asp_net_role_claims] (
        [id] int NOT NULL IDENTITY,
        [role_id] nvarchar(450) NOT NULL,
        [claim_type] nvarchar(max) NULL,
        [claim_value] nvarchar(max) NULL,
        CONSTRAINT [pk_asp_net_role_claims] PRIMARY KEY ([id]),
        CONSTRAINT [fk_asp_net_role_claims_role_id] FOREIGN KEY ([role_id]) REFERENCES [asp_net_roles] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203171828_WebAccounts'
)
BEGIN
    CREATE TABLE [asp_net_user_claims] (
        [id] int NOT NULL IDENTITY,
        [user_id] nvarchar(450) NOT NULL,
        [claim_type] nvarchar(max) NULL,
        [claim_value] nvarchar(max) NULL,
        CONSTRAINT [pk_asp_net_user_claims] PRIMARY KEY ([id]),
        CONSTRAINT [fk_asp_net_user_claims_user_id] FOREIGN KEY ([user_id]) REFERENCES [asp_net_users] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203171828_WebAccounts'
)
BEGIN
    CREATE TABLE [asp_net_user_logins] (
        [login_provider] nvarchar(450) NOT NULL,
        [provider_key] nvarchar(450) NOT NULL,
        [provider_display_name] nvarchar(max) NULL,
        [user_id] nvarchar(450) NOT NULL,
        CONSTRAINT [pk_asp_net_user_logins] PRIMARY KEY ([login_provider], [provider_key]),
        CONSTRAINT [fk_asp_net_user_logins_user_id] FOREIGN KEY ([user_id]) REFERENCES [asp_net_users] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203171828_WebAccounts'
)
BEGIN
    CREATE TABLE [asp_net_user_roles] (
        [user_id] nvarchar(450) NOT NULL,
        [role_id] nvarchar(450) NOT NULL,
        CONSTRAINT [pk_asp_net_user_roles] PRIMARY KEY ([user_id], [role_id]),
        CONSTRAINT [fk_asp_net_user_roles_role_id] FOREIGN KEY ([role_id]) REFERENCES [asp_net_roles] ([id]) ON DELETE CASCADE,
        CONSTRAINT [fk_asp_net_user_roles_user_id] FOREIGN KEY ([user_id]) REFERENCES [asp_net_users] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203171828_WebAccounts'
)
BEGIN
    CREATE TABLE [asp_net_user_tokens] (
        [user_id] nvarchar(450) NOT NULL,
        [login_provider] nvarchar(450) NOT NULL,
        [name] nvarchar(450) NOT NULL,
        [value] nvarchar(max) NULL,
        CONSTRAINT [pk_asp_net_user_tokens] PRIMARY KEY ([user_id], [login_provider], [name]),
        CONSTRAINT [fk_asp_net_user_tokens_user_id] FOREIGN KEY ([user_id]) REFERENCES [asp_net_users] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203171828_WebAccounts'
)
BEGIN
    CREATE INDEX [ix_statements_importer_no] ON [statements] ([importer_no]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203171828_WebAccounts'
)
BEGIN
    CREATE INDEX [ix_statements_reference] ON [statements] ([reference]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203171828_WebAccounts'
)
BEGIN
    CREATE INDEX [ix_statement_entries_entry_no] ON [statement_entries] ([entry_no]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203171828_WebAccounts'
)
BEGIN
    CREATE INDEX [ix_payments_reference] ON [payments] ([reference]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203171828_WebAccounts'
)
BEGIN
    CREATE INDEX [ix_open_items_reference] ON [open_items] ([reference]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203171828_WebAccounts'
)
BEGIN
    CREATE INDEX [ix_open_items_run_id_importer_no] ON [open_items] ([run_id], [importer_no]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203171828_WebAccounts'
)
BEGIN
    CREATE INDEX [ix_ledger_postings_reference] ON [ledger_postings] ([reference]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203171828_WebAccounts'
)
BEGIN
    CREATE INDEX [ix_entries_entry_no] ON [entries] ([entry_no]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203171828_WebAccounts'
)
BEGIN
    CREATE INDEX [ix_asp_net_role_claims_role_id] ON [asp_net_role_claims] ([role_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203171828_WebAccounts'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [ix_asp_net_roles_normalized_name] ON [asp_net_roles] ([normalized_name]) WHERE [normalized_name] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203171828_WebAccounts'
)
BEGIN
    CREATE INDEX [ix_asp_net_user_claims_user_id] ON [asp_net_user_claims] ([user_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203171828_WebAccounts'
)
BEGIN
    CREATE INDEX [ix_asp_net_user_logins_user_id] ON [asp_net_user_logins] ([user_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203171828_WebAccounts'
)
BEGIN
    CREATE INDEX [ix_asp_net_user_roles_role_id] ON [asp_net_user_roles] ([role_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203171828_WebAccounts'
)
BEGIN
    CREATE INDEX [ix_asp_net_users_normalized_email] ON [asp_net_users] ([normalized_email]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203171828_WebAccounts'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [ix_asp_net_users_normalized_user_name] ON [asp_net_users] ([normalized_user_name]) WHERE [normalized_user_name] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203171828_WebAccounts'
)
BEGIN
    CREATE INDEX [ix_audit_events_at_utc] ON [audit_events] ([at_utc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203171828_WebAccounts'
)
BEGIN
    CREATE INDEX [ix_payment_actions_consumed_run_id] ON [payment_actions] ([consumed_run_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203171828_WebAccounts'
)
BEGIN
    CREATE UNIQUE INDEX [ix_payment_actions_source_run_id_source_seq_no] ON [payment_actions] ([source_run_id], [source_seq_no]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203171828_WebAccounts'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261203171828_WebAccounts', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203191200_ReconciliationIndexes'
)
BEGIN
    DROP INDEX [ix_ledger_postings_run_id_tran_code] ON [ledger_postings];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203191200_ReconciliationIndexes'
)
BEGIN
    CREATE INDEX [ix_open_items_run_id_status_due_date_balance_cents] ON [open_items] ([run_id], [status], [due_date], [balance_cents]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203191200_ReconciliationIndexes'
)
BEGIN
    CREATE INDEX [ix_ledger_postings_run_id_tran_code_pay_method_amount_cents] ON [ledger_postings] ([run_id], [tran_code], [pay_method], [amount_cents]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203191200_ReconciliationIndexes'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261203191200_ReconciliationIndexes', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203191739_DataProtectionKeys'
)
BEGIN
    CREATE TABLE [data_protection_keys] (
        [id] int NOT NULL IDENTITY,
        [friendly_name] nvarchar(max) NULL,
        [xml] nvarchar(max) NULL,
        CONSTRAINT [pk_data_protection_keys] PRIMARY KEY ([id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203191739_DataProtectionKeys'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261203191739_DataProtectionKeys', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203194540_TrailerHashSign'
)
BEGIN
    ALTER TABLE [ingest_summaries] ADD [trailer_hash_negative_zero] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203194540_TrailerHashSign'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261203194540_TrailerHashSign', N'10.0.15');
END;

COMMIT;
GO

