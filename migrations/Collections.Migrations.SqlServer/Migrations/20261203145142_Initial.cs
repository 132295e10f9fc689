using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Collections.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "batch_runs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    business_date = table.Column<DateOnly>(type: "date", nullable: false),
                    input_hash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    input_directory = table.Column<string>(type: "nvarchar(1024)", maxLength: 1024, nullable: false),
                    chunk_lines = table.Column<int>(type: "int", nullable: false),
                    status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    return_code = table.Column<int>(type: "int", nullable: false),
                    message = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    submitted_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    finished_utc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_batch_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reference_table_versions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    table_name = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    record_count = table.Column<int>(type: "int", nullable: false),
                    source = table.Column<string>(type: "nvarchar(1024)", maxLength: 1024, nullable: false),
                    loaded_utc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reference_table_versions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "batch_steps",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    step_name = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    ordinal = table.Column<int>(type: "int", nullable: false),
                    status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    return_code = table.Column<int>(type: "int", nullable: true),
                    chunk_count = table.Column<int>(type: "int", nullable: false),
                    message = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    started_utc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    finished_utc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_batch_steps", x => new { x.run_id, x.step_name });
                    table.ForeignKey(
                        name: "fk_batch_steps_run_id",
                        column: x => x.run_id,
                        principalTable: "batch_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "control_totals",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    program = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    seq_no = table.Column<int>(type: "int", nullable: false),
                    description = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    count = table.Column<long>(type: "bigint", nullable: false),
                    amount_cents = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_control_totals", x => new { x.run_id, x.program, x.seq_no });
                    table.ForeignKey(
                        name: "fk_control_totals_run_id",
                        column: x => x.run_id,
                        principalTable: "batch_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "entries",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    record_no = table.Column<long>(type: "bigint", nullable: false),
                    entry_no = table.Column<string>(type: "nvarchar(11)", maxLength: 11, nullable: false),
                    entry_type = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    importer_no = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    port_code = table.Column<string>(type: "nvarchar(4)", maxLength: 4, nullable: false),
                    entry_date = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    export_date = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    transport_mode = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    payment_type = table.Column<string>(type: "nvarchar(1)", maxLength: 1, nullable: false),
                    statement_date = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    currency_code = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    manual_flag = table.Column<string>(type: "nvarchar(1)", maxLength: 1, nullable: false),
                    line_count = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    preceding_entry_no = table.Column<string>(type: "nvarchar(11)", maxLength: 11, nullable: false),
                    end_record_no = table.Column<long>(type: "bigint", nullable: false),
                    raw = table.Column<byte[]>(type: "varbinary(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_entries", x => new { x.run_id, x.record_no });
                    table.ForeignKey(
                        name: "fk_entries_run_id",
                        column: x => x.run_id,
                        principalTable: "batch_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "entry_fees",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    entry_seq = table.Column<long>(type: "bigint", nullable: false),
                    fee_no = table.Column<int>(type: "int", nullable: false),
                    fee_class = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    amount_cents = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_entry_fees", x => new { x.run_id, x.entry_seq, x.fee_no });
                    table.ForeignKey(
                        name: "fk_entry_fees_run_id",
                        column: x => x.run_id,
                        principalTable: "batch_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "entry_lines",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    record_no = table.Column<long>(type: "bigint", nullable: false),
                    header_record_no = table.Column<long>(type: "bigint", nullable: true),
                    entry_no = table.Column<string>(type: "nvarchar(11)", maxLength: 11, nullable: false),
                    line_no = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    hts_no = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    origin_country = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    spi_code = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    foreign_value_cents = table.Column<long>(type: "bigint", nullable: true),
                    net_quantity = table.Column<long>(type: "bigint", nullable: true),
                    quantity_unit = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    net_kg = table.Column<long>(type: "bigint", nullable: true),
                    ch99_count = table.Column<string>(type: "nvarchar(1)", maxLength: 1, nullable: false),
                    ch99_no1 = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    ch99_no2 = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    ch99_no3 = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    adcvd_case_no = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    raw = table.Column<byte[]>(type: "varbinary(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_entry_lines", x => new { x.run_id, x.record_no });
                    table.ForeignKey(
                        name: "fk_entry_lines_run_id",
                        column: x => x.run_id,
                        principalTable: "batch_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "entry_results",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    record_no = table.Column<long>(type: "bigint", nullable: false),
                    entry_no = table.Column<string>(type: "nvarchar(11)", maxLength: 11, nullable: false),
                    status = table.Column<string>(type: "nvarchar(1)", maxLength: 1, nullable: false),
                    reason_code = table.Column<string>(type: "nvarchar(4)", maxLength: 4, nullable: true),
                    entry_type = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    importer_no = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    port_code = table.Column<string>(type: "nvarchar(4)", maxLength: 4, nullable: false),
                    entry_date = table.Column<int>(type: "int", nullable: false),
                    export_date = table.Column<int>(type: "int", nullable: false),
                    transport_mode = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    payment_type = table.Column<string>(type: "nvarchar(1)", maxLength: 1, nullable: false),
                    statement_date = table.Column<int>(type: "int", nullable: false),
                    manual_flag = table.Column<string>(type: "nvarchar(1)", maxLength: 1, nullable: false),
                    currency_code = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    line_count = table.Column<int>(type: "int", nullable: false),
                    exchange_rate_e6 = table.Column<long>(type: "bigint", nullable: false),
                    rate_source = table.Column<string>(type: "nvarchar(1)", maxLength: 1, nullable: false),
                    mpf_rate_e6 = table.Column<long>(type: "bigint", nullable: false),
                    cotton_rate_e6 = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_entry_results", x => new { x.run_id, x.record_no });
                    table.ForeignKey(
                        name: "fk_entry_results_run_id",
                        column: x => x.run_id,
                        principalTable: "batch_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "entry_totals",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    seq = table.Column<long>(type: "bigint", nullable: false),
                    header_record_no = table.Column<long>(type: "bigint", nullable: false),
                    entry_no = table.Column<string>(type: "nvarchar(11)", maxLength: 11, nullable: false),
                    written = table.Column<bool>(type: "bit", nullable: false),
                    lines_accepted = table.Column<int>(type: "int", nullable: false),
                    lines_rejected = table.Column<int>(type: "int", nullable: false),
                    entered_value_cents = table.Column<long>(type: "bigint", nullable: false),
                    mpf_liable_value_cents = table.Column<long>(type: "bigint", nullable: false),
                    duty_cents = table.Column<long>(type: "bigint", nullable: false),
                    section301_cents = table.Column<long>(type: "bigint", nullable: false),
                    section232_cents = table.Column<long>(type: "bigint", nullable: false),
                    ieepa_cents = table.Column<long>(type: "bigint", nullable: false),
                    section122_cents = table.Column<long>(type: "bigint", nullable: false),
                    other_chapter99_cents = table.Column<long>(type: "bigint", nullable: false),
                    antidumping_cents = table.Column<long>(type: "bigint", nullable: false),
                    countervailing_cents = table.Column<long>(type: "bigint", nullable: false),
                    mpf_raw_e5 = table.Column<long>(type: "bigint", nullable: false),
                    mpf_limit = table.Column<string>(type: "nvarchar(1)", maxLength: 1, nullable: false),
                    mpf_cents = table.Column<long>(type: "bigint", nullable: false),
                    informal_fee_cents = table.Column<long>(type: "bigint", nullable: false),
                    manual_surcharge_cents = table.Column<long>(type: "bigint", nullable: false),
                    hmf_cents = table.Column<long>(type: "bigint", nullable: false),
                    hmf_waived = table.Column<bool>(type: "bit", nullable: false),
                    cotton_cents = table.Column<long>(type: "bigint", nullable: false),
                    fee_total_cents = table.Column<long>(type: "bigint", nullable: false),
                    total_assessed_cents = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_entry_totals", x => new { x.run_id, x.seq });
                    table.ForeignKey(
                        name: "fk_entry_totals_run_id",
                        column: x => x.run_id,
                        principalTable: "batch_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ingest_summaries",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    control_card = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    run_date = table.Column<int>(type: "int", nullable: false),
                    records_read = table.Column<long>(type: "bigint", nullable: false),
                    headers_read = table.Column<long>(type: "bigint", nullable: false),
                    lines_read = table.Column<long>(type: "bigint", nullable: false),
                    records_before_trailer = table.Column<long>(type: "bigint", nullable: false),
                    value_hash_cents = table.Column<long>(type: "bigint", nullable: false),
                    trailer_record_count = table.Column<long>(type: "bigint", nullable: false),
                    trailer_entry_count = table.Column<long>(type: "bigint", nullable: false),
                    trailer_hash_cents = table.Column<long>(type: "bigint", nullable: false),
                    trailer_record_no = table.Column<long>(type: "bigint", nullable: false),
                    payment_records = table.Column<long>(type: "bigint", nullable: false),
                    sysin = table.Column<byte[]>(type: "varbinary(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ingest_summaries", x => x.run_id);
                    table.ForeignKey(
                        name: "fk_ingest_summaries_run_id",
                        column: x => x.run_id,
                        principalTable: "batch_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "line_results",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    record_no = table.Column<long>(type: "bigint", nullable: false),
                    header_record_no = table.Column<long>(type: "bigint", nullable: false),
                    entry_no = table.Column<string>(type: "nvarchar(11)", maxLength: 11, nullable: false),
                    line_no = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    status = table.Column<string>(type: "nvarchar(1)", maxLength: 1, nullable: false),
                    reason_code = table.Column<string>(type: "nvarchar(4)", maxLength: 4, nullable: true),
                    hts_no = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    spi_code = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    rate_type = table.Column<string>(type: "nvarchar(1)", maxLength: 1, nullable: false),
                    ad_valorem_rate_e6 = table.Column<long>(type: "bigint", nullable: false),
                    specific_rate_e6 = table.Column<long>(type: "bigint", nullable: false),
                    spi_free = table.Column<string>(type: "nvarchar(1)", maxLength: 1, nullable: false),
                    usd_value_cents = table.Column<long>(type: "bigint", nullable: false),
                    duty_cents = table.Column<long>(type: "bigint", nullable: false),
                    ch99_class1 = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    ch99_rate_e6_1 = table.Column<long>(type: "bigint", nullable: false),
                    ch99_applied1 = table.Column<string>(type: "nvarchar(1)", maxLength: 1, nullable: false),
                    ch99_cents1 = table.Column<long>(type: "bigint", nullable: false),
                    ch99_class2 = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    ch99_rate_e6_2 = table.Column<long>(type: "bigint", nullable: false),
                    ch99_applied2 = table.Column<string>(type: "nvarchar(1)", maxLength: 1, nullable: false),
                    ch99_cents2 = table.Column<long>(type: "bigint", nullable: false),
                    ch99_class3 = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    ch99_rate_e6_3 = table.Column<long>(type: "bigint", nullable: false),
                    ch99_applied3 = table.Column<string>(type: "nvarchar(1)", maxLength: 1, nullable: false),
                    ch99_cents3 = table.Column<long>(type: "bigint", nullable: false),
                    adcvd_type = table.Column<string>(type: "nvarchar(1)", maxLength: 1, nullable: false),
                    adcvd_cents = table.Column<long>(type: "bigint", nullable: false),
                    raw_mpf_e5 = table.Column<long>(type: "bigint", nullable: false),
                    cotton_fee_cents = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_line_results", x => new { x.run_id, x.record_no });
                    table.ForeignKey(
                        name: "fk_line_results_run_id",
                        column: x => x.run_id,
                        principalTable: "batch_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "mpf_allocations",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    entry_seq = table.Column<long>(type: "bigint", nullable: false),
                    allocation_no = table.Column<int>(type: "int", nullable: false),
                    entry_no = table.Column<string>(type: "nvarchar(11)", maxLength: 11, nullable: false),
                    line_no = table.Column<int>(type: "int", nullable: false),
                    usd_value_cents = table.Column<long>(type: "bigint", nullable: false),
                    raw_mpf_e5 = table.Column<long>(type: "bigint", nullable: false),
                    allocated_cents = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mpf_allocations", x => new { x.run_id, x.entry_seq, x.allocation_no });
                    table.ForeignKey(
                        name: "fk_mpf_allocations_run_id",
                        column: x => x.run_id,
                        principalTable: "batch_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "posted_days",
                columns: table => new
                {
                    business_date = table.Column<DateOnly>(type: "date", nullable: false),
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    posted_utc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_posted_days", x => x.business_date);
                    table.ForeignKey(
                        name: "fk_posted_days_run_id",
                        column: x => x.run_id,
                        principalTable: "batch_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "rejected_records",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    program = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    record_no = table.Column<long>(type: "bigint", nullable: false),
                    seq = table.Column<int>(type: "int", nullable: false),
                    file_name = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    entry_no = table.Column<string>(type: "nvarchar(11)", maxLength: 11, nullable: false),
                    line_no = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    severity = table.Column<string>(type: "nvarchar(1)", maxLength: 1, nullable: false),
                    reason_code = table.Column<string>(type: "nvarchar(4)", maxLength: 4, nullable: false),
                    detail = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    raw = table.Column<byte[]>(type: "varbinary(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rejected_records", x => new { x.run_id, x.program, x.record_no, x.seq });
                    table.ForeignKey(
                        name: "fk_rejected_records_run_id",
                        column: x => x.run_id,
                        principalTable: "batch_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "step_messages",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    step_name = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    seq = table.Column<int>(type: "int", nullable: false),
                    text = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_step_messages", x => new { x.run_id, x.step_name, x.seq });
                    table.ForeignKey(
                        name: "fk_step_messages_run_id",
                        column: x => x.run_id,
                        principalTable: "batch_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reference_records",
                columns: table => new
                {
                    version_id = table.Column<long>(type: "bigint", nullable: false),
                    record_no = table.Column<int>(type: "int", nullable: false),
                    data = table.Column<byte[]>(type: "varbinary(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reference_records", x => new { x.version_id, x.record_no });
                    table.ForeignKey(
                        name: "fk_reference_records_version_id",
                        column: x => x.version_id,
                        principalTable: "reference_table_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "run_reference_tables",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    table_name = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    version_id = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_run_reference_tables", x => new { x.run_id, x.table_name });
                    table.ForeignKey(
                        name: "fk_run_reference_tables_run_id",
                        column: x => x.run_id,
                        principalTable: "batch_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_run_reference_tables_version_id",
                        column: x => x.version_id,
                        principalTable: "reference_table_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "batch_checkpoints",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    step_name = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    chunk_no = table.Column<int>(type: "int", nullable: false),
                    rows_written = table.Column<long>(type: "bigint", nullable: false),
                    worker = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    committed_utc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_batch_checkpoints", x => new { x.run_id, x.step_name, x.chunk_no });
                    table.ForeignKey(
                        name: "fk_batch_checkpoints_run_id_step_name",
                        columns: x => new { x.run_id, x.step_name },
                        principalTable: "batch_steps",
                        principalColumns: new[] { "run_id", "step_name" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "batch_chunks",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    step_name = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    chunk_no = table.Column<int>(type: "int", nullable: false),
                    first_record_no = table.Column<long>(type: "bigint", nullable: false),
                    last_record_no = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    claimed_by = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    lease_until_utc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    attempts = table.Column<int>(type: "int", nullable: false),
                    rows = table.Column<long>(type: "bigint", nullable: false),
                    started_utc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    finished_utc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_batch_chunks", x => new { x.run_id, x.step_name, x.chunk_no });
                    table.ForeignKey(
                        name: "fk_batch_chunks_run_id_step_name",
                        columns: x => new { x.run_id, x.step_name },
                        principalTable: "batch_steps",
                        principalColumns: new[] { "run_id", "step_name" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_batch_runs_business_date_input_hash",
                table: "batch_runs",
                columns: new[] { "business_date", "input_hash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_entries_run_id_entry_no",
                table: "entries",
                columns: new[] { "run_id", "entry_no" });

            migrationBuilder.CreateIndex(
                name: "ix_entry_lines_run_id_header_record_no",
                table: "entry_lines",
                columns: new[] { "run_id", "header_record_no" });

            migrationBuilder.CreateIndex(
                name: "ix_entry_totals_run_id_header_record_no",
                table: "entry_totals",
                columns: new[] { "run_id", "header_record_no" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_posted_days_run_id",
                table: "posted_days",
                column: "run_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_reference_table_versions_table_name_effective_from",
                table: "reference_table_versions",
                columns: new[] { "table_name", "effective_from" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_run_reference_tables_version_id",
                table: "run_reference_tables",
                column: "version_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "batch_checkpoints");

            migrationBuilder.DropTable(
                name: "batch_chunks");

            migrationBuilder.DropTable(
                name: "control_totals");

            migrationBuilder.DropTable(
                name: "entries");

            migrationBuilder.DropTable(
                name: "entry_fees");

            migrationBuilder.DropTable(
                name: "entry_lines");

            migrationBuilder.DropTable(
                name: "entry_results");

            migrationBuilder.DropTable(
                name: "entry_totals");

            migrationBuilder.DropTable(
                name: "ingest_summaries");

            migrationBuilder.DropTable(
                name: "line_results");

            migrationBuilder.DropTable(
                name: "mpf_allocations");

            migrationBuilder.DropTable(
                name: "posted_days");

            migrationBuilder.DropTable(
                name: "reference_records");

            migrationBuilder.DropTable(
                name: "rejected_records");

            migrationBuilder.DropTable(
                name: "run_reference_tables");

            migrationBuilder.DropTable(
                name: "step_messages");

            migrationBuilder.DropTable(
                name: "batch_steps");

            migrationBuilder.DropTable(
                name: "reference_table_versions");

            migrationBuilder.DropTable(
                name: "batch_runs");
        }
    }
}
