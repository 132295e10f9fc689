using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Collections.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReferenceTableVersions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    table_name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    effective_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    record_count = table.Column<int>(type: "INTEGER", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    loaded_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ReferenceTableVersions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "Runs",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    business_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    input_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    input_directory = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    return_code = table.Column<int>(type: "INTEGER", nullable: false),
                    message = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    submitted_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    finished_utc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_Runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ReferenceRecords",
                columns: table => new
                {
                    version_id = table.Column<long>(type: "INTEGER", nullable: false),
                    record_no = table.Column<int>(type: "INTEGER", nullable: false),
                    data = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ReferenceRecords", x => new { x.version_id, x.record_no });
                    table.ForeignKey(
                        name: "fk_ReferenceRecords_version_id",
                        column: x => x.version_id,
                        principalTable: "ReferenceTableVersions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ControlTotals",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "INTEGER", nullable: false),
                    program = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    seq_no = table.Column<int>(type: "INTEGER", nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    count = table.Column<long>(type: "INTEGER", nullable: false),
                    amount_cents = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ControlTotals", x => new { x.run_id, x.program, x.seq_no });
                    table.ForeignKey(
                        name: "fk_ControlTotals_run_id",
                        column: x => x.run_id,
                        principalTable: "Runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "entries",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "INTEGER", nullable: false),
                    record_no = table.Column<long>(type: "INTEGER", nullable: false),
                    entry_no = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    entry_type = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    importer_no = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    port_code = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    entry_date = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    export_date = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    transport_mode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    payment_type = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    statement_date = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    currency_code = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    manual_flag = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    line_count = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    preceding_entry_no = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    end_record_no = table.Column<long>(type: "INTEGER", nullable: false),
                    raw = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_entries", x => new { x.run_id, x.record_no });
                    table.ForeignKey(
                        name: "fk_entries_run_id",
                        column: x => x.run_id,
                        principalTable: "Runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "entry_fees",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "INTEGER", nullable: false),
                    entry_seq = table.Column<long>(type: "INTEGER", nullable: false),
                    fee_no = table.Column<int>(type: "INTEGER", nullable: false),
                    fee_class = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    amount_cents = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_entry_fees", x => new { x.run_id, x.entry_seq, x.fee_no });
                    table.ForeignKey(
                        name: "fk_entry_fees_run_id",
                        column: x => x.run_id,
                        principalTable: "Runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "entry_lines",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "INTEGER", nullable: false),
                    record_no = table.Column<long>(type: "INTEGER", nullable: false),
                    header_record_no = table.Column<long>(type: "INTEGER", nullable: true),
                    entry_no = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    line_no = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    hts_no = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    origin_country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    spi_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    foreign_value_cents = table.Column<long>(type: "INTEGER", nullable: true),
                    net_quantity = table.Column<long>(type: "INTEGER", nullable: true),
                    quantity_unit = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    net_kg = table.Column<long>(type: "INTEGER", nullable: true),
                    ch99_count = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    ch99_no1 = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ch99_no2 = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ch99_no3 = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    adcvd_case_no = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    raw = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_entry_lines", x => new { x.run_id, x.record_no });
                    table.ForeignKey(
                        name: "fk_entry_lines_run_id",
                        column: x => x.run_id,
                        principalTable: "Runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EntryResults",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "INTEGER", nullable: false),
                    record_no = table.Column<long>(type: "INTEGER", nullable: false),
                    entry_no = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    reason_code = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    entry_type = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    importer_no = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    port_code = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    entry_date = table.Column<int>(type: "INTEGER", nullable: false),
                    export_date = table.Column<int>(type: "INTEGER", nullable: false),
                    transport_mode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    payment_type = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    statement_date = table.Column<int>(type: "INTEGER", nullable: false),
                    manual_flag = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    currency_code = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    line_count = table.Column<int>(type: "INTEGER", nullable: false),
                    exchange_rate_e6 = table.Column<long>(type: "INTEGER", nullable: false),
                    rate_source = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    mpf_rate_e6 = table.Column<long>(type: "INTEGER", nullable: false),
                    cotton_rate_e6 = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_EntryResults", x => new { x.run_id, x.record_no });
                    table.ForeignKey(
                        name: "fk_EntryResults_run_id",
                        column: x => x.run_id,
                        principalTable: "Runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EntryTotals",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "INTEGER", nullable: false),
                    seq = table.Column<long>(type: "INTEGER", nullable: false),
                    entry_no = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    written = table.Column<bool>(type: "INTEGER", nullable: false),
                    lines_accepted = table.Column<int>(type: "INTEGER", nullable: false),
                    lines_rejected = table.Column<int>(type: "INTEGER", nullable: false),
                    entered_value_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    mpf_liable_value_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    duty_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    section301_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    section232_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    ieepa_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    section122_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    other_chapter99_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    antidumping_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    countervailing_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    mpf_raw_e5 = table.Column<long>(type: "INTEGER", nullable: false),
                    mpf_limit = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    mpf_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    informal_fee_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    manual_surcharge_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    hmf_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    hmf_waived = table.Column<bool>(type: "INTEGER", nullable: false),
                    cotton_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    fee_total_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    total_assessed_cents = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_EntryTotals", x => new { x.run_id, x.seq });
                    table.ForeignKey(
                        name: "fk_EntryTotals_run_id",
                        column: x => x.run_id,
                        principalTable: "Runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IngestSummaries",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "INTEGER", nullable: false),
                    control_card = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    run_date = table.Column<int>(type: "INTEGER", nullable: false),
                    records_read = table.Column<long>(type: "INTEGER", nullable: false),
                    headers_read = table.Column<long>(type: "INTEGER", nullable: false),
                    lines_read = table.Column<long>(type: "INTEGER", nullable: false),
                    records_before_trailer = table.Column<long>(type: "INTEGER", nullable: false),
                    value_hash_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    trailer_record_count = table.Column<long>(type: "INTEGER", nullable: false),
                    trailer_entry_count = table.Column<long>(type: "INTEGER", nullable: false),
                    trailer_hash_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    trailer_record_no = table.Column<long>(type: "INTEGER", nullable: false),
                    payment_records = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_IngestSummaries", x => x.run_id);
                    table.ForeignKey(
                        name: "fk_IngestSummaries_run_id",
                        column: x => x.run_id,
                        principalTable: "Runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LineResults",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "INTEGER", nullable: false),
                    record_no = table.Column<long>(type: "INTEGER", nullable: false),
                    header_record_no = table.Column<long>(type: "INTEGER", nullable: false),
                    entry_no = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    line_no = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    reason_code = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    rate_type = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    ad_valorem_rate_e6 = table.Column<long>(type: "INTEGER", nullable: false),
                    specific_rate_e6 = table.Column<long>(type: "INTEGER", nullable: false),
                    spi_free = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    usd_value_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    duty_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    ch99_class1 = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    ch99_rate_e6_1 = table.Column<long>(type: "INTEGER", nullable: false),
                    ch99_applied1 = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    ch99_cents1 = table.Column<long>(type: "INTEGER", nullable: false),
                    ch99_class2 = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    ch99_rate_e6_2 = table.Column<long>(type: "INTEGER", nullable: false),
                    ch99_applied2 = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    ch99_cents2 = table.Column<long>(type: "INTEGER", nullable: false),
                    ch99_class3 = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    ch99_rate_e6_3 = table.Column<long>(type: "INTEGER", nullable: false),
                    ch99_applied3 = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    ch99_cents3 = table.Column<long>(type: "INTEGER", nullable: false),
                    adcvd_type = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    adcvd_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    raw_mpf_e5 = table.Column<long>(type: "INTEGER", nullable: false),
                    cotton_fee_cents = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_LineResults", x => new { x.run_id, x.record_no });
                    table.ForeignKey(
                        name: "fk_LineResults_run_id",
                        column: x => x.run_id,
                        principalTable: "Runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "mpf_allocations",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "INTEGER", nullable: false),
                    entry_seq = table.Column<long>(type: "INTEGER", nullable: false),
                    allocation_no = table.Column<int>(type: "INTEGER", nullable: false),
                    entry_no = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    line_no = table.Column<int>(type: "INTEGER", nullable: false),
                    usd_value_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    raw_mpf_e5 = table.Column<long>(type: "INTEGER", nullable: false),
                    allocated_cents = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mpf_allocations", x => new { x.run_id, x.entry_seq, x.allocation_no });
                    table.ForeignKey(
                        name: "fk_mpf_allocations_run_id",
                        column: x => x.run_id,
                        principalTable: "Runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PostedDays",
                columns: table => new
                {
                    business_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    run_id = table.Column<long>(type: "INTEGER", nullable: false),
                    posted_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_PostedDays", x => x.business_date);
                    table.ForeignKey(
                        name: "fk_PostedDays_run_id",
                        column: x => x.run_id,
                        principalTable: "Runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RejectedRecords",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "INTEGER", nullable: false),
                    program = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    record_no = table.Column<long>(type: "INTEGER", nullable: false),
                    seq = table.Column<int>(type: "INTEGER", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    entry_no = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    line_no = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    severity = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    reason_code = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    raw = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_RejectedRecords", x => new { x.run_id, x.program, x.record_no, x.seq });
                    table.ForeignKey(
                        name: "fk_RejectedRecords_run_id",
                        column: x => x.run_id,
                        principalTable: "Runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RunReferenceTables",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "INTEGER", nullable: false),
                    table_name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    version_id = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_RunReferenceTables", x => new { x.run_id, x.table_name });
                    table.ForeignKey(
                        name: "fk_RunReferenceTables_run_id",
                        column: x => x.run_id,
                        principalTable: "Runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_RunReferenceTables_version_id",
                        column: x => x.version_id,
                        principalTable: "ReferenceTableVersions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StepMessages",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "INTEGER", nullable: false),
                    step_name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    seq = table.Column<int>(type: "INTEGER", nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_StepMessages", x => new { x.run_id, x.step_name, x.seq });
                    table.ForeignKey(
                        name: "fk_StepMessages_run_id",
                        column: x => x.run_id,
                        principalTable: "Runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Steps",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "INTEGER", nullable: false),
                    step_name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    return_code = table.Column<int>(type: "INTEGER", nullable: true),
                    chunk_count = table.Column<int>(type: "INTEGER", nullable: false),
                    message = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    started_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    finished_utc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_Steps", x => new { x.run_id, x.step_name });
                    table.ForeignKey(
                        name: "fk_Steps_run_id",
                        column: x => x.run_id,
                        principalTable: "Runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Checkpoints",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "INTEGER", nullable: false),
                    step_name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    chunk_no = table.Column<int>(type: "INTEGER", nullable: false),
                    rows_written = table.Column<long>(type: "INTEGER", nullable: false),
                    worker = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    committed_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_Checkpoints", x => new { x.run_id, x.step_name, x.chunk_no });
                    table.ForeignKey(
                        name: "fk_Checkpoints_run_id_step_name",
                        columns: x => new { x.run_id, x.step_name },
                        principalTable: "Steps",
                        principalColumns: new[] { "run_id", "step_name" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Chunks",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "INTEGER", nullable: false),
                    step_name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    chunk_no = table.Column<int>(type: "INTEGER", nullable: false),
                    first_record_no = table.Column<long>(type: "INTEGER", nullable: false),
                    last_record_no = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    claimed_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    lease_until_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    rows = table.Column<long>(type: "INTEGER", nullable: false),
                    started_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    finished_utc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_Chunks", x => new { x.run_id, x.step_name, x.chunk_no });
                    table.ForeignKey(
                        name: "fk_Chunks_run_id_step_name",
                        columns: x => new { x.run_id, x.step_name },
                        principalTable: "Steps",
                        principalColumns: new[] { "run_id", "step_name" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_entries_run_id_entry_no",
                table: "entries",
                columns: new[] { "run_id", "entry_no" });

            migrationBuilder.CreateIndex(
                name: "ix_entry_lines_run_id_header_record_no",
                table: "entry_lines",
                columns: new[] { "run_id", "header_record_no" });

            migrationBuilder.CreateIndex(
                name: "ix_PostedDays_run_id",
                table: "PostedDays",
                column: "run_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ReferenceTableVersions_table_name_effective_from",
                table: "ReferenceTableVersions",
                columns: new[] { "table_name", "effective_from" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_RunReferenceTables_version_id",
                table: "RunReferenceTables",
                column: "version_id");

            migrationBuilder.CreateIndex(
                name: "ix_Runs_business_date_input_hash",
                table: "Runs",
                columns: new[] { "business_date", "input_hash" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Checkpoints");

            migrationBuilder.DropTable(
                name: "Chunks");

            migrationBuilder.DropTable(
                name: "ControlTotals");

            migrationBuilder.DropTable(
                name: "entries");

            migrationBuilder.DropTable(
                name: "entry_fees");

            migrationBuilder.DropTable(
                name: "entry_lines");

            migrationBuilder.DropTable(
                name: "EntryResults");

            migrationBuilder.DropTable(
                name: "EntryTotals");

            migrationBuilder.DropTable(
                name: "IngestSummaries");

            migrationBuilder.DropTable(
                name: "LineResults");

            migrationBuilder.DropTable(
                name: "mpf_allocations");

            migrationBuilder.DropTable(
                name: "PostedDays");

            migrationBuilder.DropTable(
                name: "ReferenceRecords");

            migrationBuilder.DropTable(
                name: "RejectedRecords");

            migrationBuilder.DropTable(
                name: "RunReferenceTables");

            migrationBuilder.DropTable(
                name: "StepMessages");

            migrationBuilder.DropTable(
                name: "Steps");

            migrationBuilder.DropTable(
                name: "ReferenceTableVersions");

            migrationBuilder.DropTable(
                name: "Runs");
        }
    }
}
