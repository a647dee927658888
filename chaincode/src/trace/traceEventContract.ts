import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import {
  conflict,
  eventTimeMillis,
  invalid,
  MAX_CLOCK_SKEW_MS,
  notFound,
  parseJsonArgument,
  parseOrThrow,
  asSeenBy,
  TraceEventAudiences,
  TraceEventInputSchema,
  traceEventParties,
  type TraceEvent,
  TraceEvents,
} from '../../../model/src';
import { requireEnterpriseCaller } from '../registry/registeredCaller';
import { audienceOfReader, readerAudience, readerOf } from '../registry/readerAudience';
import { KeyTypes, ledgerKey } from '../common/keys';
import { txTime } from '../common/ledgerTime';
import { emitLedgerEvent, readRecord, recordExists, writeRecord } from '../common/state';

/**
 * Generic trace events written by registered enterprises. Each event is stored under its own id
 * (so a repeated id is refused) and as the latest event of its subject, whose key history is the
 * subject's trace.
 */
@Info({ title: 'TraceEvents', description: 'Generic trace events with per-subject history' })
export class TraceEventContract extends Contract {
  constructor() {
    super('trace');
  }

  @Transaction()
  @Returns('string')
  async recordEvent(ctx: Context, eventJson: string): Promise<string> {
    const { enterprise } = await requireEnterpriseCaller(ctx);
    const input = parseOrThrow(TraceEventInputSchema, parseJsonArgument(eventJson, 'event'));
    const now = txTime(ctx);
    if (eventTimeMillis(input.eventTime) > now.getTime() + MAX_CLOCK_SKEW_MS) {
      throw invalid(`eventTime ${input.eventTime} lies in the future of the transaction time ${now.toISOString()}`);
    }
    const eventKey = ledgerKey(ctx, KeyTypes.traceEvent, input.eventId);
    if (await recordExists(ctx, eventKey)) {
      throw conflict(`event ${input.eventId} is already recorded`);
    }
    const event: TraceEvent = { ...input, enterpriseId: enterprise.id, recordedAt: now.toISOString(), txId: ctx.stub.getTxID() };
    await writeRecord(ctx, eventKey, event);
    await writeRecord(ctx, ledgerKey(ctx, KeyTypes.traceSubject, input.subjectId), event);
    emitLedgerEvent(ctx, TraceEvents.traceEventRecorded, event);
    return JSON.stringify(event);
  }

  @Transaction(false)
  @Returns('string')
  async getEvent(ctx: Context, eventId: string): Promise<string> {
    const event = await readRecord<TraceEvent>(ctx, ledgerKey(ctx, KeyTypes.traceEvent, eventId));
    if (!event) {
      throw notFound(`event ${eventId} is not recorded`);
    }
    // Cut to the caller's audience (TraceEventAudiences): the recorder and regulators see it whole.
    return JSON.stringify(asSeenBy(TraceEventAudiences.event, await readerAudience(ctx, () => Promise.resolve(traceEventParties(event))), event));
  }

  /** Every event of a subject, oldest first, from the history of the subject's key. */
  @Transaction(false)
  @Returns('string')
  async getSubjectHistory(ctx: Context, subjectId: string): Promise<string> {
    const iterator = await ctx.stub.getHistoryForKey(ledgerKey(ctx, KeyTypes.traceSubject, subjectId));
    const events: TraceEvent[] = [];
    try {
      for (let entry = await iterator.next(); !entry.done; entry = await iterator.next()) {
        if (!entry.value.isDelete) {
          events.push(JSON.parse(Buffer.from(entry.value.value).toString('utf8')) as TraceEvent);
        }
      }
    } finally {
      await iterator.close();
    }
    const reader = await readerOf(ctx);
    // The history database returns newest first.
    return JSON.stringify(events.reverse().map((event) => asSeenBy(TraceEventAudiences.event, audienceOfReader(reader, traceEventParties(event)), event)));
  }
}
