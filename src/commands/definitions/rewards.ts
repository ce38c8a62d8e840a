/**
 * `harvest rewards` as help shows it (docs/commands/rewards.md): summary, description, arguments and flags.
 * No heavy import here: the code that runs it is src/commands/rewards.ts, loaded only when it runs.
 */
import { defineCommand } from './commandDefinition.js';

/** Flags of `harvest rewards`. */
export interface RewardsOptions {
  readonly address?: string;
  readonly publicKey?: string;
  readonly keyFile?: string;
  readonly from?: string;
  readonly to?: string;
  readonly csv?: string;
  readonly beneficiary?: string;
  readonly kickbackPercent?: string;
  readonly kickbackPlan?: string;
}

/** `harvest rewards`. */
export const rewardsDefinition = defineCommand<RewardsOptions>({
  name: 'rewards',
  summary: 'what an account earned by harvesting: total, per day, per node, both shares',
  description:
    "Adds up the account's harvest fee receipts (type 8515) read from --node over --from..--to (heights, dates " +
    'or ISO times): every receipt counts, the harvester and the beneficiary share of one block included. ' +
    'Never asks for a password; --csv writes one line per share for taxes.',
  unusedGlobals: ['--yes', '--home', '--no-input'],
  configure: (command) =>
    command
      .option('--address <base32>', 'the main account address')
      .option('--public-key <hex>', 'the main account public key')
      .option(
        '--key-file <path>',
        'a harvest keystore file (its public facts, no password) or the main private key file (only its public key is used)',
      )
      .option(
        '--from <height|date>',
        'first block: a height, a UTC date (YYYY-MM-DD) or an ISO time (default 1)',
      )
      .option(
        '--to <height|date>',
        'last block: a height, a UTC date (the whole day) or an ISO time (default: the chain height)',
      )
      .option(
        '--csv <file>',
        'also write one CSV line per share (with --beneficiary, per delegate) to this file',
      )
      .option(
        '--beneficiary <base32>',
        "node operators: what this beneficiary earned from each delegate's blocks (instead of an account)",
      )
      .option(
        '--kickback-percent <percent>',
        'with --beneficiary: the share of it owed back to each delegate',
      )
      .option(
        '--kickback-plan <file>',
        'with --kickback-percent: write the transfers as an unsigned plan for `harvest sign --allow-any` (never announced)',
      ),
});
