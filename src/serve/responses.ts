import type { IncomingMessage, ServerResponse } from 'node:http';
import { setCommonHeaders } from './headers.ts';

/**
 * Answers with a short plain-text body. Any header set for a file that then
 * could not be sent (its type, ETag, length) is dropped first, so an error
 * never describes a file it does not carry.
 */
export function sendText(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  text: string,
  headers: Readonly<Record<string, string>> = {},
): void {
  if (res.headersSent) {
    // Too late for a status: the client sees a cut-short body instead of a whole wrong one.
    res.destroy();
    return;
  }
  for (const name of res.getHeaderNames()) res.removeHeader(name);
  setCommonHeaders(res);
  const body = Buffer.from(`${text}\n`, 'utf8');
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Content-Length', body.length);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  if (req.method === 'HEAD') res.end();
  else res.end(body);
}

export const NOT_FOUND = 'Not found.';

/** For a folder with no index.html: most likely nothing was built yet. */
export const NO_INDEX = 'Not found: there is no index.html here yet. Run `roneo build` first, then reload.';

export function methodNotAllowed(req: IncomingMessage, res: ServerResponse): void {
  sendText(req, res, 405, 'Method not allowed: this server answers GET and HEAD only.', { Allow: 'GET, HEAD' });
}

/** A folder asked for without its final slash: the slash makes the index's relative links work. */
export function redirect(req: IncomingMessage, res: ServerResponse, location: string): void {
  sendText(req, res, 301, `Moved to ${location}`, { Location: location });
}
