// CLI entry (placeholder until the CLI lands).
process.exitCode = 0;
