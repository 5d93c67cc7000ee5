/**
 * Lone carriage returns (old Mac line endings) end a line, as in the editor: each becomes
 * a line feed, which keeps every offset and column (CRLF stays as it is).
 */
export function withLineFeeds(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}
