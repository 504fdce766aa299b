import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import serveStatic from 'serve-static';
import { setCommonHeaders, setFileHeaders } from './headers.ts';
import { resolveRequest } from './resolve-request.ts';
import { methodNotAllowed, NO_INDEX, NOT_FOUND, redirect, sendText } from './responses.ts';

/** What serve-static hands back when it does not send the file (http-errors' shape, the part read here). */
interface SendFailure {
  status?: number;
  headers?: Record<string, string>;
}

/**
 * serve-static does the HTTP of sending a file: Content-Type and -Length,
 * ETag and Last-Modified, conditional requests (304, 412), HEAD, and byte
 * ranges (206, 416). It reads the file's metadata afresh on every request,
 * so a rebuilt file is served at once, with nothing cached in between.
 */
const SEND_OPTIONS: serveStatic.ServeStaticOptions<ServerResponse> = {
  // Every failure comes back to the handler's `next`, to be answered like the rest.
  fallthrough: false,
  // resolveRequest has already turned folders into their index.html or a redirect.
  index: false,
  redirect: false,
  // resolveRequest refuses dot names before this runs; this is a second lock on the same door.
  dotfiles: 'ignore',
  // Its default is `public, max-age=0`; setCommonHeaders sets `no-cache` on every answer instead.
  cacheControl: false,
  etag: true,
  lastModified: true,
  acceptRanges: true,
  setHeaders: setFileHeaders,
};

/**
 * The request listener for a built site in `folder`: GET and HEAD of the
 * files inside it, `/` and every `folder/` as their index.html, and 404 for
 * anything outside it or hidden, however the path is spelt.
 */
export function createSiteHandler(folder: string): RequestListener {
  return (req, res) => {
    handle(folder, req, res).catch(() => sendText(req, res, 500, 'Internal server error.'));
  };
}

async function handle(folder: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return methodNotAllowed(req, res);
  const found = await resolveRequest(folder, req.url);
  if (found.kind === 'not-found') return sendText(req, res, 404, found.why === 'no-index' ? NO_INDEX : NOT_FOUND);
  if (found.kind === 'folder') return redirect(req, res, found.location);
  setCommonHeaders(res);
  // serve-static takes the file from the request's path: give it the checked file's own,
  // from the folder's real path, so that it cannot land anywhere else.
  req.url = found.urlPath;
  // Made per request, for the root found per request (output/ may be a link that a deploy moves);
  // making one is an object and a path.resolve.
  serveStatic<ServerResponse>(found.root, SEND_OPTIONS)(req, res, (failure?: SendFailure) => answerFailure(req, res, failure));
}

function answerFailure(req: IncomingMessage, res: ServerResponse, failure: SendFailure | undefined): void {
  const status = failure?.status ?? 404;
  if (status === 416) {
    // Content-Range: bytes */size tells the client how much there is to ask for.
    const range = failure?.headers?.['Content-Range'];
    sendText(req, res, 416, 'Range not satisfiable.', range === undefined ? {} : { 'Content-Range': range });
  } else if (status === 412) {
    sendText(req, res, 412, 'Precondition failed.');
  } else if (status < 500) {
    // Removed between the check and the send: as if it had never been there.
    sendText(req, res, 404, NOT_FOUND);
  } else {
    sendText(req, res, 500, 'Internal server error.');
  }
}
