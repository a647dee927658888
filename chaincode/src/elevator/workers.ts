import { conflict, forbidden, type Elevator, type MaintenanceWorker, type WorkerRegistration } from '../../../model/src';
import { workerKey } from './elevatorKeys';
import type { ElevatorSession } from './elevatorSession';

/** A firm registers one of its workers with the operator certificate that lets them work on lifts. */
export async function registerWorker(session: ElevatorSession, registration: WorkerRegistration): Promise<MaintenanceWorker> {
  const key = workerKey(session.ctx, session.actorId, registration.enrollmentId);
  const existing = await session.read<MaintenanceWorker>(key);
  // A renewed certificate replaces the old one; the worker stays the firm's.
  if (existing && existing.certificateNumber === registration.certificateNumber && existing.certificateValidUntil === registration.certificateValidUntil && existing.name === registration.name) {
    throw conflict(`worker ${registration.enrollmentId} is already registered with certificate ${registration.certificateNumber}`);
  }
  const worker: MaintenanceWorker = { ...registration, firmId: session.actorId, registeredAt: session.now, txId: session.txId };
  session.stage(key, worker, 'workers');
  return worker;
}

/**
 * The record's workers as the firm registered them, each with an operator certificate valid on the
 * day of the visit; fewer than the region's policy asks for are refused.
 */
export async function requireQualifiedWorkers(session: ElevatorSession, elevator: Elevator, workers: readonly string[], visitOn: string): Promise<MaintenanceWorker[]> {
  const policy = await session.regionPolicy(elevator.region);
  if (workers.length < policy.workersOnSite) {
    throw forbidden(`workers: region ${elevator.region} requires ${policy.workersOnSite} workers on site; the record names ${workers.length}`);
  }
  const found: MaintenanceWorker[] = [];
  for (const enrollmentId of workers) {
    const worker = await session.read<MaintenanceWorker>(workerKey(session.ctx, elevator.maintenanceFirmId, enrollmentId));
    if (!worker) throw forbidden(`workers: ${enrollmentId} is not a registered worker of firm ${elevator.maintenanceFirmId}`);
    if (worker.certificateValidUntil < visitOn) {
      throw forbidden(`workers: the operator certificate ${worker.certificateNumber} of ${enrollmentId} expired on ${worker.certificateValidUntil}, before the visit on ${visitOn}`);
    }
    found.push(worker);
  }
  return found;
}
