using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Collections.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ReconciliationIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_ledger_postings_run_id_tran_code",
                table: "ledger_postings");

            migrationBuilder.CreateIndex(
                name: "ix_open_items_run_id_status_due_date_balance_cents",
                table: "open_items",
                columns: new[] { "run_id", "status", "due_date", "balance_cents" });

            migrationBuilder.CreateIndex(
                name: "ix_ledger_postings_run_id_tran_code_pay_method_amount_cents",
                table: "ledger_postings",
                columns: new[] { "run_id", "tran_code", "pay_method", "amount_cents" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_open_items_run_id_status_due_date_balance_cents",
                table: "open_items");

            migrationBuilder.DropIndex(
                name: "ix_ledger_postings_run_id_tran_code_pay_method_amount_cents",
                table: "ledger_postings");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_postings_run_id_tran_code",
                table: "ledger_postings",
                columns: new[] { "run_id", "tran_code" });
        }
    }
}
