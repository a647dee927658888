import { createPublicKey } from 'node:crypto';
import {
  conflict,
  forbidden,
  invalid,
  MAX_ATTACHMENT_PERIODS,
  notFound,
  type LoggerAttachment,
  type LoggerRegistration,
  type TemperatureLogger,
} from '../../../model/src';
import { requireEventTimeNotAhead } from '../common/ledgerTime';
import { requireCustodian, requireInOwnCustody, requireNotBeforeProduction } from '../supplychain';
import type { ColdChainSession } from './coldChainSession';
import { attachmentKey, loggerKey, lotLoggerKey } from './coldChainKeys';
import { requireAttachConsent } from './loggerConsent';

/** Device keys the gateway can verify reading signatures with. */
const DEVICE_KEY_TYPES = ['ec', 'ed25519'];

/** Enrols a temperature logger owned by the caller's enterprise. */
export async function registerLogger(session: ColdChainSession, registration: LoggerRegistration): Promise<TemperatureLogger> {
  if (registration.publicKeyPem !== undefined) {
    let keyType: string | undefined;
    try {
      keyType = createPublicKey(registration.publicKeyPem).asymmetricKeyType;
    } catch {
      throw invalid(`publicKeyPem of logger ${registration.loggerId} is not a PEM public key`);
    }
    if (!keyType || !DEVICE_KEY_TYPES.includes(keyType)) {
      throw invalid(`publicKeyPem of logger ${registration.loggerId} is a ${keyType ?? 'unknown'} key; use EC or Ed25519`);
    }
  }
  const key = loggerKey(session.ctx, registration.loggerId);
  if (await session.read(key)) {
    throw conflict(`logger ${registration.loggerId} is already registered`);
  }
  const logger: TemperatureLogger = { ...registration, ownerId: session.actorId, registeredAt: session.now, txId: session.txId };
  session.stage(key, logger, 'loggers');
  return logger;
}

export async function readLogger(session: ColdChainSession, loggerId: string): Promise<TemperatureLogger> {
  const logger = await session.read<TemperatureLogger>(loggerKey(session.ctx, loggerId));
  if (!logger) {
    throw notFound(`logger ${loggerId} is not registered`);
  }
  return logger;
}

/** Only the logger's owner vouches for its readings and decides who else may use it. */
export function requireLoggerOwner(logger: TemperatureLogger, enterpriseId: string, action: string): void {
  if (logger.ownerId !== enterpriseId) {
    throw forbidden(`only the owner ${logger.ownerId} of logger ${logger.loggerId} may ${action}; caller is ${enterpriseId}`);
  }
}

/**
 * Attaches or detaches a logger. The lot's custodian decides which loggers speak for its lot (a
 * carrier's logger in the truck, its own in the store), so only the custodian may do either, and only
 * at a time of its own custody. Attaching also needs the owner's consent: the owner attaches its own
 * logger, anyone else needs the owner's grant. Detaching needs none: a custodian may always take a
 * logger off its lot.
 */
export async function changeAttachment(
  session: ColdChainSession,
  change: 'attach' | 'detach',
  request: { loggerId: string; lotId: string; eventTime: string },
): Promise<LoggerAttachment> {
  requireEventTimeNotAhead(session.ctx, request.eventTime);
  const logger = await readLogger(session, request.loggerId);
  const lot = await session.lot(request.lotId);
  requireCustodian(lot, session.actorId, `${change} loggers to`);
  if (change === 'attach') {
    await requireAttachConsent(session, logger, request.eventTime);
  }
  requireNotBeforeProduction(lot, request.eventTime, 'eventTime');
  requireInOwnCustody(lot, request.eventTime, `${change} loggers`);
  const key = attachmentKey(session.ctx, request.loggerId, request.lotId);
  const attachment = (await session.read<LoggerAttachment>(key)) ?? { loggerId: request.loggerId, lotId: request.lotId, periods: [], updatedTxId: session.txId };
  const open = attachment.periods.find((period) => period.to === undefined);
  if (change === 'attach') {
    if (open) {
      throw conflict(`logger ${request.loggerId} is already attached to lot ${lot.id} since ${open.from}`);
    }
    if (attachment.periods.length >= MAX_ATTACHMENT_PERIODS) {
      throw conflict(`logger ${request.loggerId} has been attached to lot ${lot.id} ${MAX_ATTACHMENT_PERIODS} times, the most one attachment record keeps; use another logger`);
    }
    attachment.periods.push({ from: request.eventTime });
  } else {
    if (!open) {
      throw conflict(`logger ${request.loggerId} is not attached to lot ${lot.id}`);
    }
    if (Date.parse(request.eventTime) < Date.parse(open.from)) {
      throw invalid(`detach time ${request.eventTime} is before the attach time ${open.from}`);
    }
    open.to = request.eventTime;
  }
  attachment.updatedTxId = session.txId;
  session.stage(key, attachment, 'attachments');
  session.stage(lotLoggerKey(session.ctx, request.lotId, request.loggerId), { loggerId: request.loggerId }, undefined);
  return attachment;
}
