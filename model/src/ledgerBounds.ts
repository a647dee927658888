/**
 * Bounds on what one subject can accumulate on the ledger. Every endorser reads and rewrites a lot's
 * state on each of its events, and the read store keeps a lot's journey in one document, so lists
 * that grow with the events about one subject are capped here and refused clearly past the cap.
 */

/**
 * Custody events one lot may carry (each adds a digest to the lot's state and a record to its
 * journey: 1,000 records stay well under 1 MB). Retail selling by the portion uses unit sales, which
 * are bucketed, not the lot's own log.
 */
export const MAX_CUSTODY_EVENTS_PER_LOT = 1000;

/** Derivations (split, merge, transform) a full lot may still take part in, so its goods can move on in new lots. */
export const DERIVATIONS_PAST_CUSTODY_LIMIT = 20;

/** Consumer complaints one subject may receive per UTC day across all addresses: a flood past it is refused. */
export const MAX_COMPLAINTS_PER_SUBJECT_PER_DAY = 20;

/** Attach periods of one logger on one lot (one ledger key holds them all). */
export const MAX_ATTACHMENT_PERIODS = 100;

/**
 * The longest stretch one reading anchor may cover. Its min, max and episodes speak for the whole
 * window, and chaincode judges every attached lot by them: a window of days would let a writer sum up
 * days of readings in two numbers. The gateway anchors one-hour windows.
 */
export const MAX_ANCHOR_WINDOW_MS = 24 * 3_600_000;

/**
 * How long before its window an episode still open at the window's start may have begun. Its extremes
 * include earlier readings, which that anchor does not state, so chaincode bounds how far back it
 * reaches; the gateway follows an open episode back exactly as far.
 */
export const MAX_EPISODE_CARRY_MS = 24 * 3_600_000;

/**
 * Commissionings whose serial spans one drug claim key (a million serials of one identification code)
 * may hold: every commissioning and every code lookup reads that key, so it may not grow with the
 * number of printing runs. Past it, commission larger lists.
 */
export const MAX_COMMISSIONINGS_PER_CLAIM_BLOCK = 1000;

/** Child entries (codes or serial ranges) one drug pack may name: the pack record lists them. */
export const MAX_CHILD_ENTRIES_PER_PACK = 1000;

/**
 * Parents one pack upload (a packaging line's run, one transaction) may pack; their child entries
 * together stay within {@link MAX_CHILD_ENTRIES_PER_PACK}, so an upload costs what one full pack does.
 */
export const MAX_PACKS_PER_UPLOAD = 200;

/**
 * Consumer adverse-reaction reports one drug batch may receive per UTC day through the gateway's
 * intake: anonymous reports cost the filer nothing, so a flood past it is refused.
 */
export const MAX_CONSUMER_REPORTS_PER_BATCH_PER_DAY = 50;

/** Lifecycle events (acceptance, registration, contract changes, suspensions…) one elevator's record keeps. */
export const MAX_ELEVATOR_LIFECYCLE_EVENTS = 100;

/** Recent faults, entrapments and visit verdicts one elevator's record keeps for its clues and risk grade; older ones drop off. */
export const MAX_ELEVATOR_RECENT_ENTRIES = 50;

/** Inspection defects one elevator's record keeps; confirmed ones are dropped first past the cap. */
export const MAX_ELEVATOR_DEFECTS = 100;
