/**
 * The prompting policy of docs/cli.md: every question has a flag that answers it, --yes answers confirmations, and
 * without a terminal (or under CI, or with --no-input) nothing is asked: the command fails naming the flag.
 */
import type { Ask } from '../commands/context/context.js';
import { CancelledError, InputError } from '../core/errors.js';
import type { Output } from '../ui/output.js';
import type { Prompter } from '../ui/prompter.js';

/** What the policy depends on. */
export interface AskPolicy {
  readonly yes: boolean;
  readonly interactive: boolean;
  readonly output: Output;
  readonly prompter: Prompter;
}

/** The questions of one invocation. */
export function createAsk({ yes, interactive, output, prompter }: AskPolicy): Ask {
  return {
    async confirm(summary) {
      if (yes) return;
      if (!interactive) {
        throw new InputError('CONFIRMATION_REQUIRED', 'confirmation required, and nobody can be asked', {
          hint: 'pass --yes to go ahead without asking',
        });
      }
      output.note(summary);
      if (!(await prompter.confirm('Go ahead?', false))) throw new CancelledError('declined by the user');
    },
    async input(message, flag, validate) {
      if (!interactive) throw inputRequired(message, flag);
      return prompter.input(message, validate);
    },
    async secret(message, flag) {
      if (!interactive) throw inputRequired(message, flag);
      return prompter.password(message);
    },
  };
}

function inputRequired(what: string, flag: string): InputError {
  return new InputError('INPUT_REQUIRED', `${what} is required and cannot be asked for here`, {
    hint: `pass ${flag}`,
  });
}
