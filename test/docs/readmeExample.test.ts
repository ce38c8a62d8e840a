/**
 * The README's library example runs as written: the code block after `<!-- library-example -->` is saved as an ES
 * module in a temporary folder whose node_modules links `symbol-harvest` to this (built) package and
 * `@symbol-harvest/devnet` to the workspace, as an installed copy would have them, and run with Node.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

/** The code of the fenced block that follows the marker. */
function exampleCode(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const match = /<!-- library-example -->\s*```js\n([\s\S]*?)\n```/.exec(readme);
  if (match === null) throw new Error('README.md has no <!-- library-example --> js block');
  return match[1]!;
}

describe('the README library example', () => {
  it('imports the package by its name and runs as written against a devnet', async () => {
    const code = exampleCode();
    expect(code).toContain("from 'symbol-harvest'");
    const dir = mkdtempSync(join(tmpdir(), 'harvest-readme-'));
    try {
      mkdirSync(join(dir, 'node_modules', '@symbol-harvest'), { recursive: true });
      symlinkSync(ROOT, join(dir, 'node_modules', 'symbol-harvest'), 'dir');
      symlinkSync(
        join(ROOT, 'packages', 'devnet'),
        join(dir, 'node_modules', '@symbol-harvest', 'devnet'),
        'dir',
      );
      writeFileSync(join(dir, 'example.mjs'), code);

      const { stdout } = await run(process.execPath, ['example.mjs'], {
        cwd: dir,
        env: { ...process.env, TMPDIR: dir }, // the example's harvest home is made under it, and removed with it
        timeout: 60_000,
      });

      const [summary, status] = stdout.trimEnd().split('\n');
      expect(JSON.parse(summary!)).toEqual({ ACTIVE: 1 });
      const [state, links] = [
        status!.slice(0, status!.indexOf(' ')),
        status!.slice(status!.indexOf(' ') + 1),
      ];
      expect(state).toBe('ACTIVE');
      expect(JSON.parse(links)).toEqual({
        remote: expect.stringMatching(/^[0-9A-F]{64}$/),
        vrf: expect.stringMatching(/^[0-9A-F]{64}$/),
        node: expect.stringMatching(/^[0-9A-F]{64}$/),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
