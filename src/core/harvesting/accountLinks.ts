/**
 * The keys linked to a main account on chain (`/accounts/{id}` supplementalPublicKeys; docs/protocol.md): one type
 * for the planner, the state summary, the keystore and the node client.
 */

/** Linked keys; undefined when that kind of key is not linked. */
export interface AccountLinks {
  /** AccountKeyLink: the remote key (for a main account) or the main key (for a remote account). */
  readonly remote: Uint8Array | undefined;
  readonly vrf: Uint8Array | undefined;
  /** NodeKeyLink: the transport key of the node the account delegates to. */
  readonly node: Uint8Array | undefined;
}

/** An account with nothing linked. */
export const NO_LINKS: AccountLinks = { remote: undefined, vrf: undefined, node: undefined };

/** True when any key is linked. */
export function anyLinked(links: AccountLinks): boolean {
  return links.remote !== undefined || links.vrf !== undefined || links.node !== undefined;
}
