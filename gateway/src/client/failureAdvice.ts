import { GatewayRefusal, GatewayUnreachable } from './offlineClient';

/**
 * What to tell the person running the offline client after a failure, beyond the failure itself. A
 * refusal by the gateway or the ledger says what is wrong on its own: advice about starting a network
 * would send them the wrong way. Only a gateway that did not answer gets a hint where to look.
 *
 * @example
 * adviceAfter(new GatewayRefusal('/offline/endorsements', 403, 'identity … has no confirmed key yet'), url) // undefined
 */
export function adviceAfter(error: unknown, gatewayUrl: string): string | undefined {
  if (error instanceof GatewayRefusal) return undefined;
  if (error instanceof GatewayUnreachable) {
    return `Check TRACELEDGER_GATEWAY_URL (now ${gatewayUrl}) and that the gateway runs there; on this machine, \`npm start\` starts the network and its gateway.`;
  }
  return undefined;
}
