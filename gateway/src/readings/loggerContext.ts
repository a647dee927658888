import type { ColdChainLot, LoggerAttachment, ReadingAnchor, TemperatureLogger } from '../../../model/src';
import type { ClientIdentity, Ledger } from '../fabric';
import type { ExcursionRule } from './windowSummary';

/**
 * What anchoring needs to know about a logger, read from the ledger (the source of truth chaincode
 * checks against): its owner and key, and the lots it was attached to.
 */
export class LoggerLedger {
  constructor(
    private readonly ledger: Ledger,
    private readonly reader: ClientIdentity,
  ) {}

  /** The registered logger; a NOT_FOUND refusal becomes a 404. */
  logger(loggerId: string): Promise<TemperatureLogger> {
    return this.ledger.evaluate<TemperatureLogger>(this.reader, 'coldchain:getLogger', loggerId);
  }

  /**
   * The storage ranges of the lots the logger was attached to at any time in [fromMs, toMs]. Chaincode
   * clips each reported episode to the attachment periods itself.
   */
  async excursionRules(loggerId: string, fromMs: number, toMs: number): Promise<ExcursionRule[]> {
    const attachments = await this.ledger.evaluate<LoggerAttachment[]>(this.reader, 'coldchain:getLoggerAttachments', loggerId);
    const overlapping = attachments.filter((attachment) =>
      attachment.periods.some((period) => Date.parse(period.from) <= toMs && (period.to === undefined || Date.parse(period.to) >= fromMs)),
    );
    const lots = await Promise.all(overlapping.map((attachment) => this.ledger.evaluate<ColdChainLot>(this.reader, 'coldchain:getLot', attachment.lotId)));
    return lots.map((lot) => ({ range: lot.storageRange, toleranceMs: lot.excursionToleranceMinutes * 60_000 }));
  }

  /** The anchor of one window as the ledger holds it. */
  anchor(loggerId: string, windowStart: string): Promise<ReadingAnchor> {
    return this.ledger.evaluate<ReadingAnchor>(this.reader, 'coldchain:getAnchor', loggerId, windowStart);
  }
}
