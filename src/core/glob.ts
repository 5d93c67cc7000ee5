/**
 * Minimal glob matching for `applies-to`, `exclude` and ignore files: `*`, `**`, `?`,
 * `[...]`, `{a,b}`. A pattern without `/` matches a name at any depth (gitignore style);
 * a trailing `/` matches a folder and everything under it.
 */

const cache = new Map<string, RegExp>();

export function globToRegExp(glob: string): RegExp {
  const cached = cache.get(glob);
  if (cached) return cached;
  let pattern = glob.trim().replace(/\\/g, '/');
  let directoryOnly = false;
  if (pattern.endsWith('/')) {
    directoryOnly = true;
    pattern = pattern.slice(0, -1);
  }
  const anchored = pattern.startsWith('/') || pattern.slice(0, -1).includes('/');
  pattern = pattern.replace(/^\.?\//, '');
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        const slashAfter = pattern[i + 2] === '/';
        source += slashAfter ? '(?:.*/)?' : '.*';
        i += slashAfter ? 2 : 1;
      } else {
        source += '[^/]*';
      }
    } else if (c === '?') {
      source += '[^/]';
    } else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) source += '\\[';
      else {
        source += '[' + pattern.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']';
        i = close;
      }
    } else if (c === '{') {
      const close = pattern.indexOf('}', i + 1);
      if (close < 0) source += '\\{';
      else {
        source += '(?:' + pattern.slice(i + 1, close).split(',').map(escapeRegExp).join('|') + ')';
        i = close;
      }
    } else {
      source += escapeRegExp(c);
    }
  }
  const prefix = anchored ? '^' : '^(?:.*/)?';
  const suffix = directoryOnly ? '/.*$' : '(?:/.*)?$';
  const regex = new RegExp(prefix + source + suffix);
  cache.set(glob, regex);
  return regex;
}

/** True when the workspace-relative path matches the glob (or lies under a matching folder). */
export function matchesGlob(path: string, glob: string): boolean {
  return globToRegExp(glob).test(path);
}

export function matchesAnyGlob(path: string, globs: readonly string[]): boolean {
  return globs.some((g) => matchesGlob(path, g));
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
