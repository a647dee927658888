/**
 * The gateway's routes as path templates (`/coldchain/lots/{lotId}/journey`), for answering requests
 * no route took: a known path with another method gets 405 and the methods it has; a path that would
 * match if an id's slashes were encoded gets a 404 that says what to send.
 */
export interface RouteTemplate {
  /** Upper case, as requests name it. */
  method: string;
  path: string;
  /** Whether a value is one the route's validator takes for the parameter (a lot id must look like one). */
  accepts(parameter: string, value: string): boolean;
}

const PARAMETER = /^\{([A-Za-z]+)\}$/;

const segmentsOf = (path: string): string[] => path.split('/');

/** Whether request segments match template segments one for one. */
function matchesSegments(template: readonly string[], request: readonly string[]): boolean {
  return template.length === request.length && template.every((part, i) => (PARAMETER.test(part) ? request[i].length > 0 : part === request[i]));
}

/**
 * The methods of the routes whose template matches the path (each parameter one segment), HEAD
 * included wherever GET is, since Express answers HEAD with the GET route.
 *
 * @example
 * allowedMethods(templates, '/coldchain/lots') // ['POST']
 */
export function allowedMethods(templates: readonly RouteTemplate[], path: string): string[] {
  const request = segmentsOf(path);
  const methods = new Set(templates.filter((t) => matchesSegments(segmentsOf(t.path), request)).map((t) => t.method));
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}

const decoded = (segment: string): string => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

/** "lotId" as a reader says it: "lot id". */
const inWords = (parameter: string): string => parameter.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();

interface SlashedParameter {
  template: RouteTemplate;
  parameter: string;
  value: string;
  /** The request path with the value as one encoded segment. */
  encodedPath: string;
  /** The route's validator takes the value: surely this route was meant. */
  accepted: boolean;
  /** Fixed segments follow the value (`…/journey`): this route was likely meant, even if the value has another mistake. */
  anchored: boolean;
  literals: number;
}

/** The ways the path matches the template when one of its parameters takes several segments. */
function slashedMatches(template: RouteTemplate, request: readonly string[]): SlashedParameter[] {
  const parts = segmentsOf(template.path);
  if (request.length <= parts.length) return [];
  const extra = request.length - parts.length;
  return parts.flatMap((part, index) => {
    const parameter = PARAMETER.exec(part)?.[1];
    if (!parameter) return [];
    const before = request.slice(0, index);
    const after = request.slice(index + 1 + extra);
    if (!matchesSegments(parts.slice(0, index), before) || !matchesSegments(parts.slice(index + 1), after)) return [];
    const value = request.slice(index, index + 1 + extra).map(decoded).join('/');
    const accepted = template.accepts(parameter, value);
    const anchored = parts.slice(index + 1).some((p) => !PARAMETER.test(p));
    if (!accepted && !anchored) return [];
    const encodedPath = [...before, encodeURIComponent(value), ...after].join('/');
    return [{ template, parameter, value, encodedPath, accepted, anchored, literals: parts.filter((p) => !PARAMETER.test(p)).length }];
  });
}

/**
 * The advice for a request no route took whose path would match a route if an id in it had its
 * slashes encoded, or undefined. A route whose validator takes the value wins, then one of the
 * request's own method, then the one with the most fixed segments (`…/{lotId}/journey` over
 * `…/{lotId}`). A value the validator refuses still gets the advice where fixed segments follow it
 * (a lot id with a wrong check digit: once encoded, the 400 says what is wrong with it).
 *
 * @example
 * slashAdvice(templates, 'GET', '/coldchain/lots/01/09521234543213/10/LOT1/journey')
 * // 'no route GET /coldchain/lots/01/09521234543213/10/LOT1/journey: the lot id is one path segment, so encode the lot id:
 * //  01%2F09521234543213%2F10%2FLOT1 (send GET /coldchain/lots/01%2F09521234543213%2F10%2FLOT1/journey)'
 */
export function slashAdvice(templates: readonly RouteTemplate[], method: string, path: string, query = ''): string | undefined {
  const request = segmentsOf(path);
  const [best] = templates
    .flatMap((template) => slashedMatches(template, request))
    .sort((a, b) => Number(b.accepted) - Number(a.accepted) || Number(b.template.method === method) - Number(a.template.method === method) || b.literals - a.literals);
  if (!best) return undefined;
  const words = inWords(best.parameter);
  const sent = `${method} ${path}`;
  return `no route ${sent}: the ${words} is one path segment, so encode the ${words}: ${encodeURIComponent(best.value)} (send ${best.template.method} ${best.encodedPath}${query})`;
}
