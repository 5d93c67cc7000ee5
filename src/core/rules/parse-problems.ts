/**
 * `record.yaml` and `record.schema`: what the parsers found, at the exact position.
 * Example: `status: [accepted` in front matter → record.yaml at that line.
 */
import type { Rule } from './context';

export const parseProblems: Rule = ({ index }) =>
  index.problems.map((p) => ({ code: p.code, path: p.path, range: p.range, message: p.message }));
