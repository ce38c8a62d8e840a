/** A keystore in memory whose saves are recorded in `events` (as 'save'), for the order-of-writes tests. */
import { TESTNET } from '../../src/core/network.js';
import { openKeystore } from '../../src/flows/keystore/openKeystore.js';
import { FAST, HOME, PASSWORD } from './flowWorld.js';
import { memoryFileSystem } from './memoryFileSystem.js';
import { seededRandom } from './seededRandom.js';

/** The keystore of `mainAddress` (testnet) and a view of it that pushes 'save' onto `events` before each save. */
export async function openRecordingKeystore(mainAddress: string, events: string[]) {
  const keystore = await openKeystore({
    files: memoryFileSystem(),
    home: HOME,
    mainAddress,
    networkIdentifier: TESTNET.identifier,
    password: () => Promise.resolve(PASSWORD),
    random: seededRandom(5),
    scrypt: FAST,
  });
  const save = keystore.save.bind(keystore);
  const recorded = {
    ...keystore,
    get file() {
      return keystore.file;
    },
    save: async (file: typeof keystore.file) => {
      events.push('save');
      await save(file);
    },
  };
  return { keystore, recorded };
}
