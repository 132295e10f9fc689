using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Collections.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ReceivablesLedgerReport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cycle_inputs",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    payments_present = table.Column<bool>(type: "boolean", nullable: false),
                    payments_bytes = table.Column<long>(type: "bigint", nullable: false),
                    prior_run_id = table.Column<long>(type: "bigint", nullable: true),
                    prior_business_date = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cycle_inputs", x => x.run_id);
                    table.ForeignKey(
                        name: "fk_cycle_inputs_run_id",
                        column: x => x.run_id,
                        principalTable: "batch_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "journal_lines",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    posting_seq_no = table.Column<long>(type: "bigint", nullable: false),
                    leg = table.Column<int>(type: "integer", nullable: false),
                    account = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    tran_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    debit_cents = table.Column<long>(type: "bigint", nullable: false),
                    credit_cents = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_journal_lines", x => new { x.run_id, x.posting_seq_no, x.leg });
                    table.ForeignKey(
                        name: "fk_journal_lines_run_id",
                        column: x => x.run_id,
                        principalTable: "batch_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ledger_postings",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    seq_no = table.Column<long>(type: "bigint", nullable: false),
                    post_date = table.Column<int>(type: "integer", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    ref_type = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    reference = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    item_type = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    tran_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    revenue_class = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    debit_credit = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    amount_cents = table.Column<long>(type: "bigint", nullable: false),
                    pay_method = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    source_id = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    effective_date = table.Column<int>(type: "integer", nullable: false),
                    raw = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_postings", x => new { x.run_id, x.seq_no });
                    table.ForeignKey(
                        name: "fk_ledger_postings_run_id",
                        column: x => x.run_id,
                        principalTable: "batch_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "open_items",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    seq_no = table.Column<long>(type: "bigint", nullable: false),
                    business_date = table.Column<DateOnly>(type: "date", nullable: false),
                    ref_type = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    reference = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    item_type = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    status = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    statement_type = table.Column<int>(type: "integer", nullable: false),
                    filer_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    importer_no = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    period = table.Column<int>(type: "integer", nullable: false),
                    open_date = table.Column<int>(type: "integer", nullable: false),
                    statement_date = table.Column<int>(type: "integer", nullable: false),
                    due_date = table.Column<int>(type: "integer", nullable: false),
                    bill_date = table.Column<int>(type: "integer", nullable: false),
                    last_payment_date = table.Column<int>(type: "integer", nullable: false),
                    last_activity_date = table.Column<int>(type: "integer", nullable: false),
                    entry_count = table.Column<int>(type: "integer", nullable: false),
                    assessed_cents = table.Column<long>(type: "bigint", nullable: false),
                    interest_cents = table.Column<long>(type: "bigint", nullable: false),
                    paid_cents = table.Column<long>(type: "bigint", nullable: false),
                    refund_cents = table.Column<long>(type: "bigint", nullable: false),
                    balance_cents = table.Column<long>(type: "bigint", nullable: false),
                    raw = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_open_items", x => new { x.run_id, x.seq_no });
                    table.ForeignKey(
                        name: "fk_open_items_run_id",
                        column: x => x.run_id,
                        principalTable: "batch_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "payments",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    record_no = table.Column<long>(type: "bigint", nullable: false),
                    payment_id = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    method = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    ref_type = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    reference = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    amount_cents = table.Column<long>(type: "bigint", nullable: false),
                    date_received = table.Column<int>(type: "integer", nullable: false),
                    is_short = table.Column<bool>(type: "boolean", nullable: false),
                    raw = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments", x => new { x.run_id, x.record_no });
                    table.ForeignKey(
                        name: "fk_payments_run_id",
                        column: x => x.run_id,
                        principalTable: "batch_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "report_lines",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    line_no = table.Column<int>(type: "integer", nullable: false),
                    raw = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_lines", x => new { x.run_id, x.line_no });
                    table.ForeignKey(
                        name: "fk_report_lines_run_id",
                        column: x => x.run_id,
                        principalTable: "batch_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "report_totals",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    section = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    line_no = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    description = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    count = table.Column<long>(type: "bigint", nullable: false),
                    count2 = table.Column<long>(type: "bigint", nullable: false),
                    value_cents = table.Column<long>(type: "bigint", nullable: false),
                    duties_cents = table.Column<long>(type: "bigint", nullable: false),
                    fees_cents = table.Column<long>(type: "bigint", nullable: false),
                    amount_cents = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_totals", x => new { x.run_id, x.section, x.line_no });
                    table.ForeignKey(
                        name: "fk_report_totals_run_id",
                        column: x => x.run_id,
                        principalTable: "batch_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "statement_entries",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    seq_no = table.Column<long>(type: "bigint", nullable: false),
                    ref_type = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    reference = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    entry_no = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    statement_type = table.Column<int>(type: "integer", nullable: false),
                    entry_date = table.Column<int>(type: "integer", nullable: false),
                    scheduled_statement_date = table.Column<int>(type: "integer", nullable: false),
                    statement_date = table.Column<int>(type: "integer", nullable: false),
                    due_date = table.Column<int>(type: "integer", nullable: false),
                    date_adjusted = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    entry_total_cents = table.Column<long>(type: "bigint", nullable: false),
                    raw = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_statement_entries", x => new { x.run_id, x.seq_no });
                    table.ForeignKey(
                        name: "fk_statement_entries_run_id",
                        column: x => x.run_id,
                        principalTable: "batch_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "statements",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    seq_no = table.Column<long>(type: "bigint", nullable: false),
                    ref_type = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    reference = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    statement_type = table.Column<int>(type: "integer", nullable: false),
                    filer_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    importer_no = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    period = table.Column<int>(type: "integer", nullable: false),
                    statement_date = table.Column<int>(type: "integer", nullable: false),
                    due_date = table.Column<int>(type: "integer", nullable: false),
                    run_date = table.Column<int>(type: "integer", nullable: false),
                    entry_count = table.Column<int>(type: "integer", nullable: false),
                    duty_cents = table.Column<long>(type: "bigint", nullable: false),
                    section301_cents = table.Column<long>(type: "bigint", nullable: false),
                    section232_cents = table.Column<long>(type: "bigint", nullable: false),
                    ieepa_cents = table.Column<long>(type: "bigint", nullable: false),
                    section122_cents = table.Column<long>(type: "bigint", nullable: false),
                    other_chapter99_cents = table.Column<long>(type: "bigint", nullable: false),
                    antidumping_cents = table.Column<long>(type: "bigint", nullable: false),
                    countervailing_cents = table.Column<long>(type: "bigint", nullable: false),
                    mpf_cents = table.Column<long>(type: "bigint", nullable: false),
                    informal_fee_cents = table.Column<long>(type: "bigint", nullable: false),
                    manual_surcharge_cents = table.Column<long>(type: "bigint", nullable: false),
                    hmf_cents = table.Column<long>(type: "bigint", nullable: false),
                    cotton_cents = table.Column<long>(type: "bigint", nullable: false),
                    total_cents = table.Column<long>(type: "bigint", nullable: false),
                    raw = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_statements", x => new { x.run_id, x.seq_no });
                    table.ForeignKey(
                        name: "fk_statements_run_id",
                        column: x => x.run_id,
                        principalTable: "batch_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "suspense_items",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    seq_no = table.Column<long>(type: "bigint", nullable: false),
                    run_date = table.Column<int>(type: "integer", nullable: false),
                    payment_id = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    method = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    ref_type = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    reference = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    amount_cents = table.Column<long>(type: "bigint", nullable: false),
                    date_received = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    reason_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    message = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    raw = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_suspense_items", x => new { x.run_id, x.seq_no });
                    table.ForeignKey(
                        name: "fk_suspense_items_run_id",
                        column: x => x.run_id,
                        principalTable: "batch_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_ledger_postings_run_id_tran_code",
                table: "ledger_postings",
                columns: new[] { "run_id", "tran_code" });

            migrationBuilder.CreateIndex(
                name: "ix_open_items_business_date_ref_type_reference",
                table: "open_items",
                columns: new[] { "business_date", "ref_type", "reference" });

            migrationBuilder.CreateIndex(
                name: "ix_statement_entries_run_id_ref_type_reference",
                table: "statement_entries",
                columns: new[] { "run_id", "ref_type", "reference" });

            migrationBuilder.CreateIndex(
                name: "ix_statements_run_id_ref_type_reference",
                table: "statements",
                columns: new[] { "run_id", "ref_type", "reference" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cycle_inputs");

            migrationBuilder.DropTable(
                name: "journal_lines");

            migrationBuilder.DropTable(
                name: "ledger_postings");

            migrationBuilder.DropTable(
                name: "open_items");

            migrationBuilder.DropTable(
                name: "payments");

            migrationBuilder.DropTable(
                name: "report_lines");

            migrationBuilder.DropTable(
                name: "report_totals");

            migrationBuilder.DropTable(
                name: "statement_entries");

            migrationBuilder.DropTable(
                name: "statements");

            migrationBuilder.DropTable(
                name: "suspense_items");
        }
    }
}
