import type { NodeListing, NodesResult } from '../../contract/nodes.js';
import type { Style } from '../style.js';
import { formatImportance } from './importance.js';

const HEADERS = [
  'rank',
  'url',
  'name',
  'unlocked',
  'lowest importance',
  'latency',
  'ssl',
  'reasons',
] as const;

/** Human table of `harvest nodes`: usable nodes in rank order, then the excluded ones with their reasons. */
export function formatNodes(result: NodesResult, style: Style): string {
  if (result.nodes.length === 0) return 'no candidate nodes';
  const rows = result.nodes.map(cellsOf);
  const widths = HEADERS.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd();
  const usable = result.nodes.filter((node) => node.usable).length;
  return [
    style.bold(line(HEADERS)),
    ...rows.map((row, index) => {
      const text = line(row);
      return result.nodes[index]!.usable ? text : style.dim(text);
    }),
    '',
    `${usable} of ${result.nodes.length} candidates usable${usable > 0 ? `; best: ${result.nodes[0]!.url}` : ''}`,
  ].join('\n');
}

function cellsOf(node: NodeListing): string[] {
  return [
    node.rank === null ? '-' : String(node.rank),
    node.url,
    node.name,
    node.unlockedAccounts === null ? '?' : String(node.unlockedAccounts),
    node.lowestDelegateImportance === null ? '?' : formatImportance(node.lowestDelegateImportance),
    node.latencyMs === null ? '-' : `${node.latencyMs} ms`,
    node.url.startsWith('https:') ? 'yes' : 'no',
    node.reasons.join(', '),
  ];
}
