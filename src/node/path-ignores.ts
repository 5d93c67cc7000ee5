/**
 * Whether a path that a file event names is one the scan leaves out: always-skipped
 * names, the configured (and the editor's) `exclude` globs, and the ignore files of its
 * folders, as the Node walk applies them (walk-files.ts) and rg does. Each folder's
 * ignore files are read on first need and kept: made for one build, dropped with it.
 */
import { IGNORE_FILES, IgnoreRules } from './ignore-rules';
import { addIgnoreFile } from './walk-files';

export class PathIgnores {
  private readonly rules: IgnoreRules;
  private readonly loaded = new Map<string, Promise<void>>();

  constructor(
    private readonly root: string,
    exclude: readonly string[],
  ) {
    this.rules = new IgnoreRules(exclude);
  }

  /** True when the scan would not list the file at `path` (workspace-relative, `/`-separated). */
  async ignores(path: string): Promise<boolean> {
    // Root first, as the walk goes down: a folder's ignore files count for what is in it,
    // and an ignored folder hides everything below it.
    await this.load('');
    let end = path.indexOf('/');
    while (end >= 0) {
      const folder = path.slice(0, end);
      if (this.rules.ignores(folder, true)) return true;
      await this.load(folder);
      end = path.indexOf('/', end + 1);
    }
    return this.rules.ignores(path, false);
  }

  private load(folder: string): Promise<void> {
    let loading = this.loaded.get(folder);
    if (!loading) {
      loading = (async () => {
        // In IGNORE_FILES' order: a later file overrides an earlier one in the same folder.
        for (const name of IGNORE_FILES) await addIgnoreFile(this.root, folder, name, this.rules);
      })();
      this.loaded.set(folder, loading);
    }
    return loading;
  }
}
