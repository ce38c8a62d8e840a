/**
 * symbol-sdk's transaction factory for a network identifier. Building needs only the identifier (it is written
 * into every header); the generation hash seed and epoch matter for signing and deadlines, which we do ourselves.
 */
import { Hash256 } from 'symbol-sdk';
import { Network, SymbolFacade } from 'symbol-sdk/symbol';

const facades = new Map<number, SymbolFacade>();

/** A SymbolFacade whose factory stamps `networkIdentifier` into what it builds (cached per identifier). */
export function createTransactionFactory(networkIdentifier: number): SymbolFacade {
  let facade = facades.get(networkIdentifier);
  if (facade === undefined) {
    // Name, epoch and seed are placeholders: the factory reads only `identifier`.
    const network = new Network(
      `network-${networkIdentifier}`,
      networkIdentifier,
      new Date(0),
      new Hash256(new Uint8Array(32)),
    );
    facade = new SymbolFacade(network);
    facades.set(networkIdentifier, facade);
  }
  return facade;
}
