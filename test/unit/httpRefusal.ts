import { toHttpError } from '../../gateway/src/http/errorMapping';
import { HttpError } from '../../gateway/src/http/httpError';
import { Refusal } from '../../gateway/src/refusal';

/** The HTTP refusal an action must end in, as the gateway answers it; fails the test when it succeeds or fails otherwise. */
export async function httpRefusalOf(action: Promise<unknown>): Promise<HttpError> {
  try {
    await action;
  } catch (error) {
    if (error instanceof HttpError || error instanceof Refusal) return toHttpError(error);
    throw error;
  }
  throw new Error('expected a refusal');
}
