import { HttpError } from '../../gateway/src/http/httpError';

/** The HTTP refusal an action must end in; fails the test when it succeeds or fails otherwise. */
export async function httpRefusalOf(action: Promise<unknown>): Promise<HttpError> {
  try {
    await action;
  } catch (error) {
    if (error instanceof HttpError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}
