import { describe, expect, it } from 'vitest';
import { viewerMessageRewriter } from './viewer-view';

describe('what a viewer is sent', () => {
  const boardId = 'AAAAAAAAAAAAAAAAAAAAAA';
  const viewerKey = 'v'.repeat(32);
  const rewrite = viewerMessageRewriter(boardId, viewerKey);

  it('names the board’s images through the viewer’s link, never by the board id', () => {
    const message = JSON.stringify({
      type: 'data',
      data: [{ src: `/api/boards/${boardId}/assets/a.png` }, { src: `/api/boards/${boardId}/assets/b.png` }],
    });
    const rewritten = rewrite(message);
    expect(rewritten).not.toContain(boardId);
    expect(JSON.parse(rewritten)).toEqual({
      type: 'data',
      data: [{ src: `/api/view/${viewerKey}/assets/a.png` }, { src: `/api/view/${viewerKey}/assets/b.png` }],
    });
  });

  it('leaves everything else as it is', () => {
    const message = '{"type":"pong"}';
    expect(rewrite(message)).toBe(message);
    const other = `{"src":"/api/boards/BBBBBBBBBBBBBBBBBBBBBB/assets/x.png"}`;
    expect(rewrite(other)).toBe(other);
  });
});
