import type { ClueAlertSource } from '../../../model/src';

/**
 * What a domain contributes to the regulator's work, declared once per domain (see
 * docs/architecture.md, "how to add a domain"): the alerts it raises, how far a recall reaches, and
 * the checks that must run on a schedule. The regulator workbench reads these instead of knowing the
 * domains.
 */
export interface DomainHooks {
  /** The domain's name in the API and in clue sources (`coldchain`, later `drug`, `elevator`). */
  readonly domain: string;
  /** Kinds of alert the domain's chaincode raises on its own; each is a source of risk clues. */
  readonly alertKinds: readonly string[];
  /** The alerts a projected event of the domain raised (or rewrote), each to become a risk clue. */
  alertsOf(eventName: string, record: unknown): AlertReference[];
  /** The items a recall of `itemId` covers and what lies downstream of them; undefined when the item is unknown. */
  recallScope(itemId: string): Promise<RecallScope | undefined>;
  /** Checks one scheduler runs for this domain (see scheduler.ts). */
  readonly scheduledChecks: readonly ScheduledCheck[];
}

/** An alert as the clue intake names it to the ledger (`clues:raiseFromAlert`). */
export interface AlertReference {
  domain: ClueAlertSource['domain'];
  /** The lot, drug code, lift device code or sample id the alert is kept under. */
  itemId: string;
  alertId: string;
}

/** Where a recall of one item reaches. */
export interface RecallScope {
  /** The recalled item (a lot; for drugs a batch, for packed goods an aggregation parent). */
  itemId: string;
  /** Items made or packed from it, nearest first, each once. */
  downstream: string[];
  /** Every enterprise that held the item or anything downstream: who must be told. */
  holders: string[];
  /** True when the walk stopped at its bound; the scope may then be larger. */
  truncated: boolean;
}

/**
 * Work that follows the clock rather than a request (temperature coverage today; overdue
 * maintenance and clue and recall deadlines later). A check must be safe to run again: a crash or
 * an overlapping gateway may run it twice.
 */
export interface ScheduledCheck {
  readonly name: string;
  readonly everySeconds: number;
  /** Runs the check once; answers how many items it acted on (for the log). */
  run(now: number): Promise<number>;
}
