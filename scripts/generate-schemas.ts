// Writes schemas/*.json from the zod schemas (placeholder until generation lands).
