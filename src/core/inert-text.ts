/**
 * Workspace text made inert for display: titles, owners, statements and file names may
 * hold terminal escapes (ESC, OSC, BEL), carriage returns, line breaks or bidirectional
 * overrides (RLO). Shown as written they recolour a terminal, rewrite a line or forge
 * one. Each such character becomes a visible `\uXXXX` escape; everything else is kept.
 */

// C0 controls and DEL, C1 controls, the bidi embedding/override/isolate marks, and the
// Unicode line and paragraph separators.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `Title\x1b[2J` → `Title\u001b[2J`: one line, nothing a terminal or renderer acts on. */
export function inert(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The same, keeping tabs and line breaks (for multi-line text shown by an editor). */
export function inertKeepingLines(text: string): string {
  return text.replace(UNSAFE, (c) => (c === '\n' || c === '\t' ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
