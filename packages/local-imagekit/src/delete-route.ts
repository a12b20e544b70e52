// DELETE /v1/files/:fileId, ImageKit's delete API: 204 with an empty body once
// the file is gone from disk (so its URL answers 404), ImageKit's
// `{message, help}` otherwise.
import { rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FileIds } from './file-ids.ts';
import { sendImageKitError } from './imagekit-errors.ts';
import { refuseKey } from './private-key.ts';

/** What the delete route needs: the key to check and the fileIds to look up. */
interface DeleteContext {
  privateKey: string;
  fileIds: FileIds;
}

/** ImageKit's answer, word for word, for a fileId it does not know (seen in imagekit-nodejs issue 99). */
const NO_SUCH_FILE = 'The requested file does not exist.';

/** Deletes the stored file that `fileId` names, answering as ImageKit does. */
export async function handleDelete(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: DeleteContext,
  fileId: string,
): Promise<void> {
  // The SDK sends no body; anything a client sends anyway is read and dropped.
  req.resume();
  const refused = refuseKey(req, ctx.privateKey);
  if (refused) return sendImageKitError(res, refused.status, refused.message);
  // Forgotten before the await, so two deletes racing for one file get 204 and 404.
  const path = ctx.fileIds.forget(fileId);
  if (path === undefined) return sendImageKitError(res, 404, NO_SUCH_FILE);
  await rm(path, { force: true });
  res.writeHead(204);
  res.end();
}
