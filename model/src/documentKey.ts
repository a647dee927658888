import { z } from 'zod';

/**
 * A key of a free-form map that the ledger stores and the read store projects as a document field.
 * MongoDB (and FerretDB) refuse field names that contain `.` or NUL or start with `$`, and an
 * empty name; a write the chaincode accepts must always be projectable, so the ledger refuses
 * such keys before they are committed. `$` is refused anywhere for simplicity of the rule.
 */
export const DocumentKeySchema = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  // eslint-disable-next-line no-control-regex
  .regex(/^[^.$\u0000-\u001f\u007f-\u009f]+$/, 'must not contain ".", "$" or control characters (e.g. "temperature_c")');

