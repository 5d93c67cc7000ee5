// Prints a host suite's results file (written by test/host/suite/index.ts) the
// same way for every host, ending with the line `N passed, N failed`.

// With `runLabel` (one of several runs), the per-run line names the run and the
// caller prints the closing sum.
export function printHostResults(results, { hostLabel = results.appName, totalMs, runLabel } = {}) {
  const print = (line) => process.stdout.write(`${line}\n`);
  print(`VS Code ${results.vscodeVersion} (${hostLabel})${runLabel ? `, ${runLabel}` : ''}${results.grep ? `, grep: ${results.grep}` : ''}`);
  for (const test of results.passes) print(`  ✓ ${test.fullTitle}${test.durationMs !== undefined ? ` (${test.durationMs} ms)` : ''}`);
  for (const test of results.skipped) print(`  - ${test.fullTitle} (pending)`);
  for (const test of results.failures) {
    print(`  ✗ ${test.fullTitle}`);
    print(`      ${(test.stack || test.error || '').split('\n').join('\n      ')}`);
  }
  if (results.activationMs !== undefined) print(`activate(): ${results.activationMs.toFixed(1)} ms (target 20 ms)`);
  const total = totalMs === undefined ? '' : `, ${(totalMs / 1000).toFixed(1)} s in all`;
  print(`host suite${runLabel ? ` (${runLabel})` : ''}: ${(results.durationMs / 1000).toFixed(1)} s in the host${total}`);
  if (runLabel) print(`${runLabel}: ${results.passed} passed, ${results.failed} failed`);
  else print(`${results.passed} passed, ${results.failed} failed`);
  return results.failed === 0 ? 0 : 1;
}
