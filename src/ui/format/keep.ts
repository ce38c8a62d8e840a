/** `harvest keep`'s readable log: one line per event (docs/commands/keep.md). */
import { toHex } from '../../core/bytes.js';
import { describeXym } from '../../core/units/describeXym.js';
import type { KeepEvent } from '../../contract/keep.js';
import type { Style } from '../style.js';

/** "2026-12-06T22:00:00.000Z request-sent TA…: ACTIVATION_PENDING via http://… hash … fee 0.017600 XYM". */
export function formatKeepEvent(event: KeepEvent, style: Style): string {
  const parts = [
    style.dim(event.time),
    colourOf(event, style)(event.event + (event.dryRun === true ? ' (dry run)' : '')),
    `${event.mainAddress ?? '?'}:`,
    event.state ?? 'state unknown',
  ];
  if (event.nodeUrl !== null) parts.push(`node ${event.nodeUrl}`);
  if (event.hash !== undefined) parts.push(`hash ${toHex(event.hash)}`);
  if (event.fee !== undefined) parts.push(`fee ${describeXym(event.fee)}`);
  if (event.reasons.length > 0) parts.push(`(${event.reasons.join(', ')})`);
  if (event.error !== undefined) parts.push(`${event.error.code}: ${event.error.message}`);
  return parts.join(' ');
}

function colourOf(event: KeepEvent, style: Style): (text: string) => string {
  if (event.event === 'error') return style.red;
  if (event.event === 'checked') return style.green;
  return style.yellow;
}
