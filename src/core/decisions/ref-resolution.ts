/**
 * Turning what a record writes to name another record into an id: `ADR-5`, `ADR 0005`,
 * `5`, a file link `../adr/0005-x.md`, a site route `/adr/23` or `/decisions/0023-foo`,
 * a log4brains file `20200101-use-x.md` (→ its slug `use-x`).
 *
 * Rules: a number written after a prefix keeps its digits (`ADR 0005` → `ADR-0005`,
 * `ADR-5` → `ADR-5`); a number standing alone (`5`, `#5`, `/adr/23`, `13. Title`) is
 * padded to four digits (`ADR-0005`); a file name gives the id its record would get
 * from that name (digits as written, or the slug).
 */
import { formatId, paddedId, parseNumberedId } from '../ids';
import { decisionFileInfo } from './file-names';

const PREFIXED_ID = /^([A-Za-z]+)[-_ ]?(\d+)$/;
const DOCUMENT_EXTENSION = /\.(?:md|markdown|mdx|html?)$/i;

/** The id a written decision reference names, or undefined when it names nothing usable. */
export function resolveDecisionRef(written: string | number, prefix: string): string | undefined {
  if (typeof written === 'number') return Number.isInteger(written) && written >= 0 ? formatId(prefix, written) : undefined;
  const text = unwrap(String(written));
  if (!text) return undefined;

  const link = /^!?\[([^\]]*)\]\(\s*<?([^)>\s]*)>?(?:\s+"[^"]*")?\s*\)$/.exec(text);
  if (link) return resolveLink(link[1], link[2], prefix);

  if (/^#?\d+$/.test(text)) return paddedId(prefix, text.replace('#', ''));
  const numbered = PREFIXED_ID.exec(text);
  if (numbered) return formatId(numbered[1], numbered[2]);
  if (/[/\\]/.test(text) || DOCUMENT_EXTENSION.test(text)) return resolveLinkTarget(text, prefix);

  // Link text such as `13. Use Foo` or `ADR-0013: Use Foo`.
  const prefixes = [...new Set([prefix, 'ADR'])].map(escapeRegExp).join('|');
  const leadingPrefixed = new RegExp(`^(${prefixes})[-_ ]?(\\d+)(?![\\d])`, 'i').exec(text);
  if (leadingPrefixed) return formatId(leadingPrefixed[1], leadingPrefixed[2]);
  const leadingNumber = /^(\d+)(?:[.:)](?:\s|$)|\s+[-–—]\s)/.exec(text);
  if (leadingNumber) return paddedId(prefix, leadingNumber[1]);

  const info = decisionFileInfo(`${text}.md`);
  if (info) return info.digits !== undefined ? formatId(prefix, info.digits) : info.slug;
  return /\s/.test(text) ? undefined : text;
}

/**
 * The record a Markdown link names: its target when that is a record file or a numbered
 * route, else a numbered id in its text (`[ADR-0014 Use X](https://wiki/page)`), else
 * whatever the target or the text gives.
 */
export function resolveLink(text: string, target: string, prefix: string): string | undefined {
  const fromTarget = resolveLinkTarget(target, prefix);
  const targetPath = target.trim().replace(/[?#].*$/, '').replace(/>$/, '');
  if (fromTarget && (DOCUMENT_EXTENSION.test(targetPath) || parseNumberedId(fromTarget))) return fromTarget;
  const fromText = resolveDecisionRef(text, prefix);
  if (fromText && parseNumberedId(fromText)) return fromText;
  return fromTarget ?? fromText;
}

/** The id an assumption reference names: `ASM-3`, `3` (→ `ASM-0003`), or a slug id as written. */
export function resolveAssumptionRef(written: string | number, prefix: string): string | undefined {
  if (typeof written === 'number') return Number.isInteger(written) && written >= 0 ? formatId(prefix, written) : undefined;
  const text = unwrap(String(written));
  if (!text) return undefined;
  const link = /^\[([^\]]*)\]\(\s*<?([^)>\s]*)>?\s*\)$/.exec(text);
  if (link) return resolveAssumptionRef(link[1], prefix);
  if (/^#?\d+$/.test(text)) return paddedId(prefix, text.replace('#', ''));
  const numbered = PREFIXED_ID.exec(text);
  if (numbered) return formatId(numbered[1], numbered[2]);
  return text;
}

/** The id a link target names: a record file (by the file-name rules), a site route, or undefined. */
export function resolveLinkTarget(target: string, prefix: string): string | undefined {
  let path = target.trim().replace(/^<|>$/g, '');
  if (!path || path.startsWith('#')) return undefined;
  path = path.replace(/[?#].*$/, '');
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(path);
  if (scheme) path = path.slice(scheme[0].length);
  else if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return undefined; // mailto:, etc.
  try {
    path = decodeURIComponent(path);
  } catch {
    // keep it as written
  }
  const segments = path.split(/[/\\]/).filter((s) => s !== '' && s !== '.' && s !== '..');
  const last = segments[segments.length - 1];
  if (!last) return undefined;

  const hasExtension = DOCUMENT_EXTENSION.test(last);
  const stem = last.replace(DOCUMENT_EXTENSION, '');
  if (!stem) return undefined;
  if (!hasExtension && /\.[A-Za-z0-9]+$/.test(stem)) return undefined; // an image or other asset
  if (/^\d+$/.test(stem)) return paddedId(prefix, stem);
  const info = decisionFileInfo(`${stem}.md`);
  if (info) return info.digits !== undefined ? formatId(prefix, info.digits) : info.slug;
  const numbered = PREFIXED_ID.exec(stem);
  if (numbered) return formatId(numbered[1], numbered[2]);
  return stem;
}

function unwrap(text: string): string {
  return text
    .trim()
    .replace(/^(["'`])(.*)\1$/s, '$2')
    .trim();
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
