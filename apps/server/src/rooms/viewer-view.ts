// A read-only link must not lead to its board's id (the id is the participant link), yet the
// document names uploaded images by it (`/api/boards/<id>/assets/…`). What a viewer's connection is
// sent names them through the viewer's own link instead (`/api/view/<key>/assets/…`).

export function boardAssetPrefix(boardId: string): string {
  return `/api/boards/${boardId}/assets/`;
}

export function viewerAssetPrefix(viewerKey: string): string {
  return `/api/view/${viewerKey}/assets/`;
}

/** Rewrites a sync message (JSON text, where `/` is never escaped) for a viewer of the board. */
export function viewerMessageRewriter(boardId: string, viewerKey: string): (message: string) => string {
  const from = boardAssetPrefix(boardId);
  const to = viewerAssetPrefix(viewerKey);
  return (message) => (message.includes(from) ? message.replaceAll(from, to) : message);
}
