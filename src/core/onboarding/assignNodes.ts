/**
 * Which node each account of `harvest onboard` is delegated to (docs/commands/onboard.md), deterministically:
 *
 *   1. a row that names its own node keeps it;
 *   2. an account whose keystore remembers one of the listed nodes keeps it (a re-run must not move an account
 *      that is already harvesting, or waiting, on a node);
 *   3. the others go round-robin over the listed nodes in order, skipping a node whose free slots are known and
 *      used up. When every node with known slots is full and none has unknown slots, round-robin goes on over all
 *      nodes regardless (`overflow`): a node may still take the account by evicting a weaker delegate.
 */
import { InputError } from '../errors.js';

/** One listed node (--node), with its free delegate slots when they can be known. */
export interface NodeCapacity {
  readonly url: string;
  /** Free slots (maxUnlockedAccounts − unlocked), undefined when unknown. */
  readonly freeSlots?: number | undefined;
}

/** What the assignment needs of one account. */
export interface AssignableRow {
  /** Line in the accounts file, for messages. */
  readonly line: number;
  /** The row's own node, if any. */
  readonly node?: string | undefined;
  /** The node the account's keystore remembers, if any. */
  readonly rememberedNode?: string | undefined;
}

/** Where one account goes, and why. */
export interface NodeAssignment {
  readonly nodeUrl: string;
  readonly reason: 'row' | 'remembered' | 'spread';
  /** Spread to a node whose known slots were all used (no node had room). */
  readonly overflow: boolean;
}

/**
 * Assigns a node to every row, in row order.
 * @throws {InputError} INPUT_REQUIRED when a row names no node and no node is listed
 */
export function assignNodes(
  rows: readonly AssignableRow[],
  nodes: readonly NodeCapacity[],
): NodeAssignment[] {
  const listed = new Set(nodes.map((node) => node.url));
  const free = new Map(nodes.map((node) => [node.url, node.freeSlots]));
  const take = (url: string) => {
    const slots = free.get(url);
    if (slots !== undefined) free.set(url, slots - 1);
  };

  const fixed: (NodeAssignment | undefined)[] = rows.map((row) => {
    if (row.node !== undefined) {
      if (row.rememberedNode !== row.node) take(row.node); // a new delegate there: it takes a slot
      return { nodeUrl: row.node, reason: 'row', overflow: false };
    }
    if (row.rememberedNode !== undefined && listed.has(row.rememberedNode)) {
      // Already counted among the node's unlocked accounts (or about to be): takes no new slot.
      return { nodeUrl: row.rememberedNode, reason: 'remembered', overflow: false };
    }
    return undefined;
  });

  let cursor = 0;
  return fixed.map((assignment, index) => {
    if (assignment !== undefined) return assignment;
    if (nodes.length === 0) {
      throw new InputError(
        'INPUT_REQUIRED',
        `accounts file line ${rows[index]!.line} names no node, and no --node was given`,
        {
          hint: 'pass --node <url> (repeatable), or add a node column',
        },
      );
    }
    for (let step = 0; step < nodes.length; step += 1) {
      const node = nodes[(cursor + step) % nodes.length]!;
      const slots = free.get(node.url);
      if (slots === undefined || slots > 0) {
        take(node.url);
        cursor = (cursor + step + 1) % nodes.length;
        return { nodeUrl: node.url, reason: 'spread', overflow: false };
      }
    }
    const node = nodes[cursor]!;
    cursor = (cursor + 1) % nodes.length;
    return { nodeUrl: node.url, reason: 'spread', overflow: true };
  });
}
