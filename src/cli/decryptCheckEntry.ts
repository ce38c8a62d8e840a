/**
 * `harvest decrypt-check` in the command table (src/cli/commandTable.ts), in a file of its own: the direct
 * decrypt-check entry (src/cli/directDecryptCheck.ts) runs this same entry without loading the table.
 */
import { decryptCheckDefinition } from '../commands/definitions/decryptCheck.js';
import { command } from './commandEntry.js';

/** decrypt-check: its definition and the one import() of its implementation. */
export const decryptCheckEntry = command(decryptCheckDefinition, () => import('../commands/decryptCheck.js'));
