// Runs git in `cwd` as `author` (name and `<author>@example.com`) at `date`, so tests can
// build repositories with commits by several people on known days.
import { execFileSync } from 'node:child_process';

export function gitAs(cwd: string, args: string[], author = 'alice', date = '2026-10-02'): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: author,
      GIT_AUTHOR_EMAIL: `${author}@example.com`,
      GIT_COMMITTER_NAME: author,
      GIT_COMMITTER_EMAIL: `${author}@example.com`,
      GIT_AUTHOR_DATE: `${date}T10:00:00Z`,
      GIT_COMMITTER_DATE: `${date}T10:00:00Z`,
      GIT_CONFIG_NOSYSTEM: '1',
    },
  });
}
