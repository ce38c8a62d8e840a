/**
 * Keeps docs/ from drifting away from the program: every command has a page whose "Flags" table lists exactly the
 * command's long options, and docs/errors.md names every error code. Coupled only to createProgram and commander's
 * public API (program.commands, command.options), so that the CLI's inner layout may change freely.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Command } from 'commander';
import { createProgram } from '../../src/cli/program.js';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

/**
 * The program as the CLI builds it. Registering commands touches no part of the outside world, so the smallest
 * stand-in will do. The stand-in is both an invocation (`{ runtime }`) and a runtime (`cwd`, `env`, `io`), and a
 * no-op runner is passed last, so that this test survives the CLI rework that moves createProgram from
 * `(invocation, early)` to `(runtime, early, run)`; nothing here runs a command.
 */
function buildProgram(): Command {
  const runtime = { cwd: process.cwd(), env: {}, io: {} };
  const standIn = { ...runtime, runtime, exitCode: 0 };
  const create = createProgram as unknown as (...parameters: unknown[]) => Command;
  return create(standIn, { json: false, verbose: false }, () => Promise.resolve());
}

/** The backticked `--flag` names in the table rows of the section headed "Flags" (up to the next heading). */
function flagsInTable(markdown: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => /^#{2,}\s+Flags\s*$/.test(line));
  if (start === -1) return [];
  const flags = new Set<string>();
  let inCode = false;
  for (const line of lines.slice(start + 1)) {
    if (line.trimStart().startsWith('```')) inCode = !inCode;
    if (inCode) continue;
    if (/^#{1,}\s/.test(line)) break;
    if (!line.trimStart().startsWith('|')) continue;
    const firstCell = line.split('|')[1] ?? '';
    for (const match of firstCell.matchAll(/`(--[a-z0-9][a-z0-9-]*)`/g)) flags.add(match[1]!);
  }
  return [...flags].sort();
}

const commands = buildProgram().commands.map((command) => ({
  name: command.name(),
  flags: command.options
    .map((option) => option.long)
    .filter((long): long is string => long !== undefined)
    .sort(),
}));

describe('docs/commands/<name>.md, one page per command', () => {
  it('finds the commands of the program', () => {
    expect(commands.length).toBeGreaterThan(5);
  });

  const rows = commands.map(({ name, flags }) => [name, flags] as const);

  it.each(rows)('has a page for `harvest %s`', (name) => {
    expect(existsSync(new URL(`docs/commands/${name}.md`, root)), `docs/commands/${name}.md`).toBe(true);
  });

  it.each(rows)('lists exactly the flags of `harvest %s` in its Flags table', (name, flags) => {
    const page = read(`docs/commands/${name}.md`);
    expect(page, `docs/commands/${name}.md has a "## Flags" section`).toMatch(/^#{2,}\s+Flags\s*$/m);
    expect(flagsInTable(page)).toEqual(flags);
  });

  it('has no page for a command that does not exist', () => {
    const pages = readdirSync(new URL('docs/commands/', root))
      .filter((file) => file.endsWith('.md'))
      .map((file) => file.replace(/\.md$/, ''));
    expect(pages.sort()).toEqual(commands.map((command) => command.name).sort());
  });
});

describe('docs/errors.md', () => {
  const codes = [
    ...new Set([...read('src/core/errors.ts').matchAll(/'([A-Z][A-Z0-9_]+)'/g)].map((match) => match[1]!)),
  ];

  it('finds the codes of src/core/errors.ts', () => {
    expect(codes).toContain('INVALID_INPUT');
    expect(codes).toContain('CANCELLED');
    expect(codes.length).toBeGreaterThan(20);
  });

  it('names every error code, and INTERNAL', () => {
    const page = read('docs/errors.md');
    const missing = [...codes, 'INTERNAL'].filter((code) => !page.includes(`\`${code}\``));
    expect(missing).toEqual([]);
  });
});
