/**
 * `npm run bench -- --tree DIR [--rounds N] [--only bundled,path,git,node] [--compare CHECKOUT]`: the cold
 * index of any given tree, measured as the CLI runs it (`alignment check DIR`, one fresh
 * process per run) against rg searching the same pattern over the same tree with the
 * same ignore rules. Each round runs every variant once, in a rotating order (paired,
 * alternating runs: a busy machine slows a round, not one variant); it prints per
 * variant the median wall time, min–max, peak RSS, and the median of the per-round
 * ratios to rg. It also checks that every scanner gives the same findings.
 * The CLI measured is built as it ships (minified, no source map) into dist/bench-cli.js.
 * `--editor` then opens the tree in VS Code (the host suite's bench run) and reports the
 * first findings against VS Code's own rg and the extension host's event-loop delay.
 * `--switch N` (with `--editor`; the tree must be a git repository): the editor run is
 * on a clone of the tree with a branch whose commit touches N code files, and measures
 * checkouts to it and back against rg over those N files. The clone is kept in the
 * temp folder and reused while the tree's HEAD stays the same.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { DEFAULT_DECISION_FOLDERS } from '../src/core/layout';
import { referencePrefilter } from '../src/core/references';
import { bundledRipgrep, ripgrepIgnoreArgs, ripgrepScanArgs } from '../src/node/ripgrep';

export const HOW_TO_BUILD_THE_TREE = `A real 100k-file tree: 13 copies of typescript-eslint (~7.5k files each) and a docs/adr:
  git clone --bare https://github.com/typescript-eslint/typescript-eslint /tmp/tse.git
  for n in $(seq 1 13); do mkdir -p /tmp/tree/copy-$n && git --git-dir=/tmp/tse.git archive HEAD | tar -x -C /tmp/tree/copy-$n; done
  mkdir -p /tmp/tree/docs/adr && printf -- '---\\nstatus: accepted\\n---\\n# Keep the monorepo layout\\n' > /tmp/tree/docs/adr/0001-monorepo-layout.md
  printf '// See ADR-0001.\\n' > /tmp/tree/copy-1/adr-links.ts
  (cd /tmp/tree && git init -q && git add -A && git commit -qm tree)   # for the git grep variant
then: npm run bench -- --tree /tmp/tree`;

interface Variant {
  name: string;
  /** The command and arguments of one run. */
  argv: string[];
  env?: NodeJS.ProcessEnv;
  /** A CLI run (its output is compared across scanners). */
  cli: boolean;
  /** Its standard output goes to a file, as the CLI's own scan writes its spool. */
  toFile?: boolean;
}

interface Sample {
  ms: number;
  /** User plus system CPU time: steadier than wall time on a shared machine. */
  cpuMs?: number;
  rssKb?: number;
  output: string;
}

export function benchTree(root: string, argv: string[]): void {
  const tree = path.resolve(argv[argv.indexOf('--tree') + 1] ?? '');
  if (!existsSync(tree)) {
    console.log(`no tree at ${tree}.\n\n${HOW_TO_BUILD_THE_TREE}`);
    process.exitCode = 2;
    return;
  }
  if (argv.includes('--editor-only')) {
    // Only the editor run (`--editor-only [--switch N]`): the CLI variants are not measured.
    const switchFiles = Number(option(argv, '--switch') ?? 0);
    const build = spawnSync(process.execPath, ['esbuild.config.mjs'], { cwd: root, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(build.stderr);
    benchEditor(root, switchFiles > 0 ? prepareSwitchTree(tree, switchFiles) : tree, switchFiles);
    return;
  }
  const rounds = Number(option(argv, '--rounds') ?? 5);
  const only = option(argv, '--only')?.split(',');
  // The CLI as it ships (`--production`: minified, no inline source map, which alone
  // adds 13 MB of resident memory), built beside the development one. `--compare DIR`
  // builds another checkout's CLI the same way and measures it in the same rounds.
  const cli = buildCli(root, root, path.join(root, 'dist', 'bench-cli.js'));
  const compareDir = option(argv, '--compare');
  const compareCli = compareDir ? buildCli(root, path.resolve(compareDir), path.join(root, 'dist', 'bench-cli-compare.js')) : undefined;

  const prefilter = referencePrefilter({ decisionPrefix: 'ADR', assumptionPrefix: 'ASM', decisionFolders: DEFAULT_DECISION_FOLDERS });
  const pattern = prefilter.regex;
  const rgArgs = ['-n', '-i', ...ripgrepIgnoreArgs([]), '-e', pattern, '.'];
  const pathRg = spawnSync('rg', ['--version']).status === 0 ? 'rg' : undefined;
  const bundled = bundledRipgrep(path.join(root, 'dist'));
  const isRepo = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: tree }).status === 0;
  const checkWith = (file: string, suffix: string) => (scanner: string): Variant => ({
    name: `alignment check, ${scanner}${suffix}`,
    argv: [process.execPath, file, 'check', '.', '--format', 'json', '--fail-on', 'none'],
    env: { ALIGNMENT_SCANNER: scanner },
    cli: true,
  });
  const checks = [checkWith(cli, ''), ...(compareCli ? [checkWith(compareCli, ' [compared]')] : [])];
  const check = (scanner: string): Variant[] => checks.map((c) => c(scanner));
  const variants: Variant[] = [];
  const baseline = pathRg ?? bundled;
  if (!baseline) throw new Error('no rg to compare with: neither on PATH nor bundled');
  variants.push({ name: `rg -n -i (${pathRg ? 'PATH' : 'bundled'}), same pattern and ignores`, argv: [baseline, ...rgArgs], cli: false });
  // The bundled rg's own time over the same search, for reference (the ratios are to the first rg).
  if (bundled && pathRg) variants.push({ name: 'rg -n -i (bundled), same pattern and ignores', argv: [bundled, ...rgArgs], cli: false });
  // The CLI's own rg command alone, into a file as the CLI spools it: the floor of a
  // bundled check (listing every file costs rg a write per file, see ripgrep.ts).
  const scanAlone = (rg: string, which: string): Variant => ({ name: scanAloneName(which), argv: [rg, ...ripgrepScanArgs(prefilter.ripgrepRegex, [])], cli: false, toFile: true });
  if (bundled) variants.push(scanAlone(bundled, 'bundled'));
  if (pathRg) variants.push(scanAlone(pathRg, 'PATH'));
  if (bundled) variants.push(...check('bundled'));
  if (pathRg) variants.push(...check('path'));
  if (isRepo) variants.push(...check('git'));
  else console.log(`git grep: ${tree} is not a git repository, not measured (git init && git add -A && git commit, see below)`);
  variants.push(...check('node'));
  if (compareDir) console.log(`[compared]: the CLI built from ${compareDir}`);
  const measured = variants.filter((v, i) => i === 0 || !v.cli || !only || only.some((o) => v.name.endsWith(`, ${o}`) || v.name.endsWith(`, ${o} [compared]`)));

  const files = (spawnSync(baseline, ['--files', ...ripgrepIgnoreArgs([]), '.'], { cwd: tree, maxBuffer: 1 << 28, encoding: 'utf8' }).stdout ?? '').split('\n').filter(Boolean).length;
  console.log(`tree ${tree}: ${files} files; ${rounds} rounds of ${measured.length} variants, rotating order`);
  runOnce(measured[0], tree); // warm the file cache
  const samples = new Map<Variant, Sample[]>(measured.map((v) => [v, []]));
  // The machine's load during the run: a shared machine slows every variant of a round.
  const loads = [loadavg()[0]];
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < measured.length; k++) {
      const variant = measured[(r + k) % measured.length];
      samples.get(variant)!.push(runOnce(variant, tree));
    }
    loads.push(loadavg()[0]);
  }

  const rg = samples.get(measured[0])!;
  console.log(`\nload average (1 min) during the run: ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)} on ${availableParallelism()} cores`);
  console.log(`${'variant'.padEnd(44)} ${'median'.padStart(8)} ${'min–max'.padStart(17)} ${'CPU'.padStart(8)} ${'peak RSS'.padStart(9)}  wall ratio to rg (median of rounds; min–max), CPU ratio`);
  for (const variant of measured) {
    const list = samples.get(variant)!;
    const ms = list.map((s) => s.ms);
    const ratios = list.map((s, i) => s.ms / rg[i].ms);
    const rss = list.map((s) => s.rssKb).filter((k): k is number => k !== undefined);
    const cpu = list.map((s) => s.cpuMs).filter((k): k is number => k !== undefined);
    const rgCpu = rg.map((s) => s.cpuMs).filter((k): k is number => k !== undefined);
    console.log(
      `${variant.name.padEnd(44)} ${fmt(median(ms)).padStart(8)} ${`${fmt(Math.min(...ms))}–${fmt(Math.max(...ms))}`.padStart(17)} ${(cpu.length ? fmt(median(cpu)) : '?').padStart(8)} ${(rss.length ? `${(Math.max(...rss) / 1024).toFixed(0)} MB` : '?').padStart(9)}  ${variant === measured[0] ? '1.00' : `${median(ratios).toFixed(2)} (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`}${cpu.length && rgCpu.length ? `, CPU ${(median(cpu) / median(rgCpu)).toFixed(2)}` : ''}`,
    );
  }
  /** Median and range of a's per-round ratio to b (the same rounds). */
  const ratio = (a: Variant, b: Variant) => {
    const ratios = samples.get(a)!.map((s, i) => s.ms / samples.get(b)![i].ms);
    return `${median(ratios).toFixed(2)} (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`;
  };
  // Each rg-backed check against the same rg binary's own search: the bundled rg is a
  // newer, faster rg than the one on PATH, so the table's ratios flatter the bundled check.
  const sameRg = (scanner: string) => (scanner === 'path' || !pathRg ? measured[0] : measured.find((v) => v.name.startsWith('rg -n -i (bundled)')));
  for (const variant of measured) {
    const scanner = /^alignment check, (bundled|path)$/.exec(variant.name)?.[1];
    const own = scanner ? sameRg(scanner) : undefined;
    if (!scanner || !own) continue;
    console.log(`${variant.name} ÷ ${own.name.replace(/, same pattern.*$/, '')}: ${ratio(variant, own)}, the same rg binary`);
  }
  // The floor of each rg-backed check: its own rg command alone, against rg's search and against the check.
  for (const [which, scanner] of [['bundled', 'bundled'], ['PATH', 'path']] as const) {
    const alone = measured.find((v) => v.name === scanAloneName(which));
    const search = measured.find((v) => v.name.startsWith(`rg -n -i (${which})`));
    const checked = measured.find((v) => v.name === `alignment check, ${scanner}`);
    if (alone && search) console.log(`${alone.name} ÷ rg -n -i (${which}): ${ratio(alone, search)}: what listing every file costs rg`);
    if (alone && checked) console.log(`${checked.name} ÷ ${alone.name}: ${ratio(checked, alone)}: what Node adds`);
  }
  const outputs = measured.filter((v) => v.cli).map((v) => [v.name, samples.get(v)![0].output] as const);
  const differing = outputs.filter(([, out]) => out !== outputs[0][1]).map(([name]) => name);
  console.log(
    differing.length === 0
      ? `\nfindings identical across ${outputs.length} scanners (${(JSON.parse(outputs[0]?.[1] ?? '{"findings":[]}').findings ?? []).length} findings)`
      : `\nFINDINGS DIFFER: ${differing.join(', ')} vs ${outputs[0][0]}`,
  );
  if (differing.length) process.exitCode = 1;
  console.log(`targets: CLI ≤ 1.25 × rg (rg on PATH and bundled), Node fallback ≤ 4 × rg, CLI peak RSS ≤ 150 MB`);
  if (argv.includes('--editor')) {
    const switchFiles = Number(option(argv, '--switch') ?? 0);
    benchEditor(root, switchFiles > 0 ? prepareSwitchTree(tree, switchFiles) : tree, switchFiles);
  }
  console.log(`\n${HOW_TO_BUILD_THE_TREE}`);
}

export const SWITCH_BRANCH = 'bench-switch';

/** The check's own rg command run alone (`which`: bundled or PATH), its output into a file as the check spools it. */
const scanAloneName = (which: string) => `the check's own rg scan (${which}), to a file`;

interface SwitchMedians {
  medianExtensionMs: number;
  medianThreadMs: number;
  /** The thread's time without VS Code's DiagnosticCollection.set. */
  medianOwnThreadMs: number;
  medianSetMs: number;
  medianPublishedMs: number;
  medianLoopP99Ms: number;
}

interface Typing {
  edits: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/**
 * A clone of `tree` (objects hard-linked, the tree itself untouched) on its base branch,
 * with a branch SWITCH_BRANCH one commit ahead that appends an unknown reference
 * (`ADR-9999`) to `count` code files spread over the tree. Reused while it matches.
 */
export function prepareSwitchTree(tree: string, count: number): string {
  const git = (cwd: string, ...args: string[]) => {
    const run = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.com' } });
    if (run.status !== 0) throw new Error(`git ${args.join(' ')} in ${cwd}: ${run.stderr}`);
    return run.stdout.trim();
  };
  const head = git(tree, 'rev-parse', 'HEAD');
  const clone = path.join(tmpdir(), `alignment-switch-${head.slice(0, 12)}-${count}`);
  if (existsSync(clone)) {
    git(clone, 'checkout', '-q', '-f', 'bench-base');
    git(clone, 'clean', '-q', '-fdx');
    if (git(clone, 'rev-parse', 'HEAD') === head && git(clone, 'diff', '--name-only', 'bench-base', SWITCH_BRANCH).split('\n').length === count) return clone;
    rmSync(clone, { recursive: true, force: true });
  }
  console.log(`\npreparing ${clone}: a clone of ${tree} with a branch touching ${count} files`);
  git(tmpdir(), 'clone', '-q', '--local', tree, clone);
  git(clone, 'checkout', '-q', '-b', 'bench-base');
  const code = git(clone, 'ls-files', '-z', '--', '*.ts').split('\0').filter(Boolean);
  if (code.length < count) throw new Error(`${tree} has ${code.length} .ts files, fewer than ${count}`);
  git(clone, 'checkout', '-q', '-b', SWITCH_BRANCH);
  const step = code.length / count;
  for (let i = 0; i < count; i++) {
    const file = path.join(clone, code[Math.floor(i * step)]);
    writeFileSync(file, readFileSync(file, 'utf8') + '\n// ADR-9999: a record this branch cites and nobody wrote.\n');
  }
  git(clone, 'commit', '-q', '-a', '-m', `bench: cite an unknown record in ${count} files`);
  git(clone, 'checkout', '-q', 'bench-base');
  return clone;
}

/** The host suite's bench run over the tree; prints its figures. */
function benchEditor(root: string, tree: string, switchFiles = 0): void {
  // The first index is compared with rg's warm runs: it must not be the one to read the tree from disk.
  const warmed = warmFileCache(tree);
  console.log(`\nfile cache warmed before the editor starts: ${warmed.files} files, ${(warmed.bytes / 1e6).toFixed(0)} MB read in ${fmt(warmed.ms)}`);
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'alignment-bench-editor-')), 'editor.json');
  const host = spawnSync(process.execPath, ['test/host/run.mjs'], { cwd: root, encoding: 'utf8', env: { ...process.env, HOST_BENCH_TREE: tree, HOST_BENCH_OUT: out, HOST_TIMEOUT_MS: '1200000', HOST_BENCH_SWITCH: String(switchFiles) } });
  if (!existsSync(out)) {
    console.log(`\neditor: not measured (host run failed)\n${host.stdout}\n${host.stderr}`);
    process.exitCode = 1;
    return;
  }
  const editor = JSON.parse(readFileSync(out, 'utf8')) as {
    files: number;
    findings: number;
    firstFindingsMs: number;
    firstBuild: { steps: Record<string, number> };
    firstRgMs?: number;
    rounds: Array<{ rgMs: number; editorMs: number; ratio: number; loopP99Ms: number; loopMaxMs: number }>;
    medianRatio: number;
    medianLoopP99Ms: number;
    typing?: { file: string; idle: Typing; duringReindex: Typing };
    switch?: {
      files: number;
      rounds: Array<{ to: string; reader: string; checkoutMs: number; publishedMs: number; extensionMs: number; threadMs: number; eventMs: number; setMs: number; unseen: number; batches: number; rgMs: number; loopP99Ms: number; loopMaxMs: number }>;
      medianRgMs: number;
      worker: SwitchMedians;
      hostThread: SwitchMedians;
    };
  };
  const steps = Object.entries(editor.firstBuild.steps).map(([step, ms]) => `${step} ${fmt(ms)}`).join(', ');
  console.log(`\neditor (code-server, ${editor.files} files, ${editor.findings} findings): activation to first findings ${fmt(editor.firstFindingsMs)} (build steps, from its start: ${steps})`);
  for (const r of editor.rounds) console.log(`  re-index ${fmt(r.editorMs)} vs VS Code's rg ${fmt(r.rgMs)}: ${r.ratio.toFixed(2)} × rg; event-loop delay p99 ${r.loopP99Ms.toFixed(0)} ms, max ${r.loopMaxMs.toFixed(0)} ms`);
  const rgMedian = median(editor.rounds.map((r) => r.rgMs));
  console.log(`  first findings ${fmt(editor.firstFindingsMs)} = ${(editor.firstFindingsMs / rgMedian).toFixed(2)} × VS Code's rg (median ${fmt(rgMedian)}); target ≤ 1.5`);
  console.log(`  re-index median ${editor.medianRatio.toFixed(2)} × rg (target ≤ 1.5), event-loop p99 median ${editor.medianLoopP99Ms.toFixed(0)} ms (target < 50 ms)`);
  if (editor.typing) {
    const t = (x: Typing) => `${x.edits} edits, p50 ${fmt(x.p50Ms)}, p99 ${fmt(x.p99Ms)}, max ${fmt(x.maxMs)}`;
    console.log(`  typing in ${editor.typing.file} (one character every 30 ms, edit applied by the window): idle ${t(editor.typing.idle)}; during a full re-index ${t(editor.typing.duringReindex)}`);
  }
  if (editor.switch) {
    console.log(`\nbranch switch touching ${editor.switch.files} files (git checkout, then the findings of those files published):`);
    for (const r of editor.switch.rounds) {
      console.log(`  to ${r.to.padEnd(12)} read in the ${r.reader.padEnd(11)} checkout ${fmt(r.checkoutMs)}; findings published ${fmt(r.publishedMs)} after it; host thread busy ${fmt(r.threadMs)} of ${fmt(r.extensionMs)} (taking events in ${fmt(r.eventMs)}, then ${r.batches} batches; VS Code's DiagnosticCollection.set ${fmt(r.setMs)}${r.unseen ? `; ${r.unseen} files came in without a file event` : ''}) vs rg over the files ${fmt(r.rgMs)}; event-loop p99 ${r.loopP99Ms.toFixed(0)} ms, max ${r.loopMaxMs.toFixed(0)} ms`);
    }
    const rg = editor.switch.medianRgMs;
    for (const [name, m] of [['worker', editor.switch.worker], ['host thread', editor.switch.hostThread]] as const) {
      console.log(`  median, read in the ${name}: host thread busy ${fmt(m.medianThreadMs)} (${(m.medianThreadMs / rg).toFixed(2)} × rg ${fmt(rg)}, target ≤ 1; without VS Code's DiagnosticCollection.set, median ${fmt(m.medianSetMs)}: ${fmt(m.medianOwnThreadMs)}, ${(m.medianOwnThreadMs / rg).toFixed(2)} ×), start to end ${fmt(m.medianExtensionMs)} (${(m.medianExtensionMs / rg).toFixed(2)} ×); published ${fmt(m.medianPublishedMs)} after the checkout; event-loop p99 ${m.medianLoopP99Ms.toFixed(0)} ms`);
    }
  }
}

function runOnce(variant: Variant, cwd: string): Sample {
  const dir = mkdtempSync(path.join(tmpdir(), 'alignment-bench-'));
  const rssFile = path.join(dir, 'rss');
  const time = existsSync('/usr/bin/time');
  const [command, ...args] = time ? ['/usr/bin/time', '-f', '%M %U %S', '-o', rssFile, ...variant.argv] : variant.argv;
  const start = performance.now();
  const out = variant.toFile ? openSync(path.join(dir, 'out'), 'w') : 'pipe';
  const result = spawnSync(command, args, { cwd, env: { ...process.env, ...variant.env }, maxBuffer: 1 << 28, encoding: 'utf8', stdio: ['ignore', out, 'pipe'] });
  const ms = performance.now() - start;
  if (typeof out === 'number') closeSync(out);
  if (result.status !== 0 && !(result.status === 1 && !variant.cli)) throw new Error(`${variant.name} failed (${result.status}): ${result.stderr}`);
  const [rssKb, user, system] = time ? readFileSync(rssFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number) : [];
  rmSync(dir, { recursive: true, force: true });
  return { ms, rssKb, cpuMs: user === undefined ? undefined : (user + system) * 1000, output: result.stdout ?? '' };
}

/** Bundles `dir`'s CLI as it ships into `outfile` with this checkout's esbuild. */
function buildCli(root: string, dir: string, outfile: string): string {
  const { version } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string };
  const esbuild = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'esbuild.cmd' : 'esbuild');
  const build = spawnSync(
    esbuild,
    // The options of esbuild.config.mjs --production, yaml's alias included.
    ['src/cli/main.ts', '--bundle', '--platform=node', '--target=node20', '--format=cjs', '--minify', '--legal-comments=none', '--alias:yaml=./node_modules/yaml/browser/index.js', `--define:PACKAGE_VERSION=${JSON.stringify(version)}`, `--outfile=${outfile}`, '--log-level=warning'],
    { cwd: dir, encoding: 'utf8', shell: process.platform === 'win32' },
  );
  if (build.status !== 0) throw new Error(build.stderr);
  return outfile;
}

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function fmt(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

/** Reads every file under `dir` (`.git` left out) once, so the next reads come from the page cache. */
function warmFileCache(dir: string): { files: number; bytes: number; ms: number } {
  const start = performance.now();
  const buffer = Buffer.allocUnsafe(1 << 20);
  let files = 0;
  let bytes = 0;
  const pending = [dir];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '.git') pending.push(full);
        continue;
      }
      if (!entry.isFile()) continue;
      const fd = openSync(full, 'r');
      try {
        for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) bytes += n;
      } finally {
        closeSync(fd);
      }
      files++;
    }
  }
  return { files, bytes, ms: performance.now() - start };
}
