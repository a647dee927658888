import type { TraceIdentifier } from '../../../model/src';
import { drugCodeHandler } from './drugCodeHandler';
import type { IdentifierHandler } from './identifierHandler';
import { elevatorHandler } from './elevatorHandler';
import { lotHandler } from './lotHandler';
import { unitHandler } from './unitHandler';

/**
 * The identifier kinds the resolver serves, each with its handler. The model recognises more
 * (logistic units, drug trace codes); until a domain adds their handler here, the resolver
 * says it recognised the code and does not serve its kind yet.
 */
export const IdentifierHandlers: readonly IdentifierHandler<TraceIdentifier, unknown>[] = [lotHandler, unitHandler, drugCodeHandler, elevatorHandler];

/** The handler of a kind, or undefined when the resolver does not serve it yet. */
export const handlerOf = (kind: TraceIdentifier['kind']): IdentifierHandler<TraceIdentifier, unknown> | undefined => IdentifierHandlers.find((handler) => handler.kind === kind);
