/**
 * The shape of src/ (docs/ARCHITECTURE.md): no module imports itself back through any chain of imports, and the
 * folders form a DAG, cli → commands → flows → node → core, with ui and contract beside. Type-only and dynamic
 * imports count: ESLint's import-x/no-cycle (eslint.config.js) guards the run-time imports while editing, this test
 * guards all of them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findCycles, layerOf, readImportGraph } from './importGraph.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const graph = readImportGraph(SRC);

/** What each folder of src/ may import, besides itself. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  core: [],
  contract: ['core'],
  node: ['core'],
  flows: ['node', 'core', 'contract'],
  ui: ['core', 'contract'],
  commands: ['flows', 'ui', 'core', 'contract'],
  platform: ['core'],
  library: ['flows', 'node', 'platform', 'core', 'contract'],
  cli: ['commands', 'flows', 'ui', 'platform', 'core', 'contract'],
  'index.ts': ['cli', 'commands', 'flows', 'node', 'ui', 'library', 'platform', 'core', 'contract'],
};

/**
 * Imports that cross the layers today and are to go; the list may only shrink: a line whose import is gone fails
 * the test until it is removed here.
 */
const CROSSINGS_TO_REMOVE = new Set<string>([]);

const edges = [...graph].flatMap(([from, targets]) => targets.map((to) => ({ from, to })));

describe('the import graph of src/', () => {
  it('reads the real graph (control: main imports the program)', () => {
    expect(graph.get('cli/main.ts')).toContain('cli/program.ts');
    expect(graph.size).toBeGreaterThan(100);
  });

  it('has no cycle, counting type-only and dynamic imports', () => {
    expect(findCycles(graph)).toEqual([]);
  });

  it('finds a cycle when there is one (control)', () => {
    const looped = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(findCycles(looped)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });

  it('keeps every folder to the layers below it', () => {
    const crossings = edges
      .filter(({ from, to }) => layerOf(from) !== layerOf(to))
      .filter(({ from, to }) => !(ALLOWED[layerOf(from)] ?? []).includes(layerOf(to)))
      .map(({ from, to }) => `${from} → ${to}`)
      .filter((edge) => !CROSSINGS_TO_REMOVE.has(edge));
    expect(crossings).toEqual([]);
  });

  it('lists only crossings that still exist (the list only shrinks)', () => {
    const present = new Set(edges.map(({ from, to }) => `${from} → ${to}`));
    expect([...CROSSINGS_TO_REMOVE].filter((edge) => !present.has(edge))).toEqual([]);
  });

  it('keeps ui away from flows: ui renders the result types of src/contract', () => {
    expect(edges.filter(({ from, to }) => from.startsWith('ui/') && to.startsWith('flows/'))).toEqual([]);
  });

  it('keeps the command definitions light: they import nothing of flows, node, core or ui', () => {
    const heavy = edges
      .filter(({ from }) => from.startsWith('commands/definitions/'))
      .filter(({ to }) => !to.startsWith('commands/definitions/'))
      .map(({ from, to }) => `${from} → ${to}`);
    expect(heavy).toEqual([]);
  });

  it('loads commands lazily in one place only: src/commands imports its modules statically', () => {
    const lazy = [...graph.keys()]
      .filter((module) => module.startsWith('commands/'))
      .filter((module) => /\bimport\(\s*['"`]\./.test(readFileSync(join(SRC, module), 'utf8')));
    // the one exception, for start-up time (docs/performance.md): decrypt-check --message must not load the node
    // client and the chain checks that only --node / --tx use
    expect(lazy).toEqual(['commands/decryptCheck.ts']);
    expect(readFileSync(join(SRC, 'cli/commandTable.ts'), 'utf8')).toMatch(
      /import\('\.\.\/commands\/status\.js'\)/,
    );
  });
});
