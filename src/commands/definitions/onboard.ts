/**
 * `harvest onboard` as help shows it (docs/commands/onboard.md): summary, description, arguments and flags.
 * No heavy import here: the code that runs it is src/commands/onboard.ts, loaded only when it runs.
 */
import { defineCommand } from './commandDefinition.js';

/** Flags of `harvest onboard`, with every --node given (see onboardDefinition.configure). */
export interface OnboardOptions {
  readonly accounts?: string;
  readonly concurrency?: string;
  readonly maxUnlockedAccounts?: string;
  readonly passwordFile?: string;
  readonly fee?: string;
  /** commander's --no-wait sets this to false. */
  readonly wait?: boolean;
  readonly confirmationTimeout?: string;
  readonly activationTimeout?: string;
  /** Every --node of the command line, in order (the global --node keeps only the last). */
  readonly nodeUrls: readonly string[];
  /** --node auto: where the candidates come from (docs/commands/nodes.md). */
  readonly nodewatch?: string;
  readonly probeTimeout?: string;
  /** --offline: no node; one signed file per account in --out-dir (docs/commands/onboard.md, "Offline"). */
  readonly offline?: boolean;
  /** --prepare: as --offline, from public_key rows, writing unsigned plans for `harvest sign`. */
  readonly prepare?: boolean;
  readonly nodePublicKey?: string;
  readonly outDir?: string;
  readonly aggregateVersion?: string;
}

/** `harvest onboard`. */
export const onboardDefinition = defineCommand<OnboardOptions>({
  name: 'onboard',
  summary: 'delegate many accounts from a file, over several nodes, resumable',
  description:
    'Delegates every account of --accounts (CSV with a header row: key_file or key_env, optional node; or JSON ' +
    'lines with the same fields) with the delegate flow, a few at a time, spread round-robin over the --node ' +
    'list. One confirmation for the whole batch (--yes skips), one keystore password for all. Running again ' +
    'resumes: each account keystore journal makes done accounts announce nothing. Exit 4 if any account ' +
    'FAILED, else 5 if any is still pending. Offline (--offline, with --network and --node-public-key) it asks ' +
    'no node: each account is signed with fresh keys stored in its keystore, one signed file per account in ' +
    '--out-dir, to announce with `harvest announce`; --prepare does the same from public keys only (public_key ' +
    'column) and writes unsigned plans for `harvest sign`.',
  /**
   * `--node` is the global option, and commander lets the program consume it wherever it appears (even after the
   * subcommand), keeping the last value; so every occurrence is collected from the program's `option:node` events,
   * which makes `--node` repeatable here without changing it for the other commands.
   */
  // --node is one of its own flags (repeatable), so help lists it once, there
  unusedGlobals: ['--node'],
  configure: (command, program) => {
    const nodeUrls: string[] = [];
    program.on('option:node', (value: string) => nodeUrls.push(value));
    command.hook('preAction', () => {
      command.setOptionValue('nodeUrls', nodeUrls);
    });
    command
      .option('--accounts <file>', 'the accounts file (key_file paths are relative to its folder)')
      .option(
        '--offline',
        'no node at all: needs --network, --node-public-key and --out-dir; assumes no links; announces nothing',
      )
      .option(
        '--prepare',
        'cold signing, no node: public_key rows only; one unsigned plan per account in --out-dir, for harvest sign',
      )
      .option(
        '--node-public-key <hex>',
        "with --offline or --prepare: the node's transport public key (/node/info nodePublicKey)",
      )
      .option(
        '--out-dir <folder>',
        "with --offline: where each account's signed file <ADDRESS>.json goes (--prepare: <ADDRESS>.plan.json), 0600",
      )
      .option('--aggregate-version <2|3>', 'with --offline or --prepare: aggregate version (default 3)')
      .option('--node <url>', 'a node to spread accounts over; repeat for several (env HARVEST_NODE)')
      .option('--concurrency <n>', 'accounts delegated at the same time (default 4; offline 16)')
      .option(
        '--max-unlocked-accounts <n>',
        "the nodes' delegate slots (maxUnlockedAccounts), if known: nodes with no free slot are skipped",
      )
      .option('--password-file <file>', 'keystore password file (env HARVEST_PASSWORD; prompted otherwise)')
      .option(
        '--fee <multiplier>',
        'slow|average|fast or a multiplier N (fee = size × N µXYM); default max(median, node minimum), offline 100',
      )
      .option('--no-wait', 'return once announced, without waiting for confirmation and activation')
      .option('--confirmation-timeout <seconds>', 'how long to wait for each confirmation (default 300)')
      .option('--activation-timeout <seconds>', 'how long to wait for each activation (default 600)')
      .option(
        '--nodewatch <url>',
        'with --node auto: the node directory to choose from (env HARVEST_NODEWATCH; default the public one)',
      )
      .option(
        '--probe-timeout <seconds>',
        'with --node auto: time allowed for each probe request (default 3)',
      );
  },
});
