/**
 * Questions to the user. The interface keeps commands free of inquirer; the adapter renders on stderr (so that
 * stdout stays clean for --json and pipes) and is loaded only when a question is actually asked.
 */
import { CancelledError } from '../core/errors.js';

/** What a command can ask. Every question has a flag that answers it without a prompt. */
export interface Prompter {
  confirm(message: string, defaultValue: boolean): Promise<boolean>;
  input(message: string, validate?: (value: string) => string | true): Promise<string>;
  /** A hidden (masked) answer, for private keys and passwords. */
  password(message: string): Promise<string>;
}

/** Inquirer prompts rendered on stderr; Ctrl+C becomes CancelledError (exit 130). */
export function createInquirerPrompter(): Prompter {
  // made at the first question: reading process.stdin and process.stderr opens those streams, which most runs
  // never use (opening stdin alone is a measurable part of `decrypt-check --message`)
  const context = () => ({ output: process.stderr, input: process.stdin, clearPromptOnDone: false });
  const cancellable = async <T>(ask: () => Promise<T>): Promise<T> => {
    try {
      return await ask();
    } catch (error) {
      if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) {
        throw new CancelledError('cancelled by the user', { cause: error });
      }
      throw error;
    }
  };
  return {
    confirm: (message, defaultValue) =>
      cancellable(async () => (await loadInquirer()).confirm({ message, default: defaultValue }, context())),
    input: (message, validate) =>
      cancellable(async () =>
        (await loadInquirer()).input(validate ? { message, validate } : { message }, context()),
      ),
    password: (message) =>
      cancellable(async () => (await loadInquirer()).password({ message, mask: '*' }, context())),
  };
}

/** Inquirer, loaded at the first question: most runs ask nothing, and `harvest --help` must stay light. */
function loadInquirer() {
  return import('@inquirer/prompts');
}
