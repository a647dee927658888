import type { Logger } from 'pino';
import { finalityRefusal, type Sample } from '../../../model/src';
import { ledgerRefusalOf } from '../fabric';
import type { SamplingModels } from '../projection/sampling';

/** How many days back the check looks for windows that closed: a gateway down longer leaves older samples to a manual finalization. */
export const FINALITY_SWEEP_DAYS = 30;

const DAY_MS = 24 * 3_600_000;

/**
 * Asks the ledger to make final every sample whose objection window has closed, that is neither
 * objected nor final in the projection. The gateway only decides when: the chaincode judges the
 * window at the transaction's time. Reads only `_id`s: the day lists, then each listed sample.
 */
export class FinalitySweeper {
  constructor(
    private readonly models: Pick<SamplingModels, 'sampleWindows' | 'samples'>,
    private readonly finalize: (sampleId: string) => Promise<void>,
    private readonly log: Logger,
  ) {}

  async sweep(now = Date.now()): Promise<number> {
    const days = Array.from({ length: FINALITY_SWEEP_DAYS + 1 }, (_, i) => new Date(now - i * DAY_MS).toISOString().slice(0, 10));
    let finalized = 0;
    for (const day of days) {
      const listed = await this.models.sampleWindows.findById(day).lean();
      for (const sampleId of listed?.sampleIds ?? []) {
        const doc = await this.models.samples.findById(sampleId).lean();
        const sample = doc?.record as unknown as Sample | undefined;
        if (!sample || finalityRefusal(sample, new Date(now).toISOString()) !== undefined) continue;
        try {
          await this.finalize(sampleId);
          finalized++;
        } catch (error) {
          if (ledgerRefusalOf(error)?.kind === 'CONFLICT') continue;
          this.log.warn({ err: error, sampleId }, 'finalizing a sample failed; retrying at the next sweep');
        }
      }
    }
    return finalized;
  }
}
