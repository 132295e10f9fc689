using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Collections.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class TrailerHashSign : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "trailer_hash_negative_zero",
                table: "ingest_summaries",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "trailer_hash_negative_zero",
                table: "ingest_summaries");
        }
    }
}
