// Read-only links as capabilities: `/v/<key>` shows a board to whoever holds the key, without its
// id (the participant link); its facilitator can replace the link, which revokes the old one.
import { Router } from 'express';
import type { ViewerBoard, ViewerLink } from '@atelier/protocol';
import type { BoardService } from '../boards/board-service';
import type { Config } from '../config';
import { baseUrlOf } from './board-routes';
import type { FacilitatorGate } from './facilitator-gate';

export interface ViewerRouteDeps {
  boards: BoardService;
  config: Config;
  facilitators: FacilitatorGate;
}

export function viewerRoutes({ boards, config, facilitators }: ViewerRouteDeps): Router {
  const router = Router();

  router.get('/view/:viewerKey', async (request, response) => {
    const { meta } = await boards.requireByViewerKey(request.params.viewerKey);
    const { id: _id, ...board } = meta;
    response.json(board satisfies ViewerBoard);
  });

  router.post('/boards/:id/viewer-link', async (request, response) => {
    const board = await boards.require(request.params.id);
    await facilitators.require(request, board);
    const viewerUrl = await boards.newViewerLink(board.meta.id, baseUrlOf(request, config));
    response.status(201).json({ viewerUrl } satisfies ViewerLink);
  });

  return router;
}
