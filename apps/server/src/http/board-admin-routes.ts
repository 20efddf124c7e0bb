// What a board's facilitators manage beyond the session: deleting it with everything of it, who may
// facilitate it by signing in (co-facilitators by e-mail), and when it is due for deletion (P-RET).
import express, { Router } from 'express';
import {
  ErrorCode,
  setCoFacilitatorsBodySchema,
  type BoardFacilitatorList,
  type BoardRetention,
} from '@atelier/protocol';
import type { AccountBoards } from '../auth/account-boards';
import type { BoardDeletion } from '../boards/board-deletion';
import type { BoardService } from '../boards/board-service';
import type { FacilitatorGate } from './facilitator-gate';
import { HttpError, parseOr400, storeFailure } from './http-error';

export interface BoardAdminRouteDeps {
  boards: BoardService;
  facilitators: FacilitatorGate;
  deletion: BoardDeletion;
  accountBoards: AccountBoards;
  /** Co-facilitators are named only when sign-in is on. */
  signIn: boolean;
}

export function boardAdminRoutes(deps: BoardAdminRouteDeps): Router {
  const router = Router();
  const { boards, facilitators } = deps;

  router.delete('/boards/:id', async (request, response) => {
    const board = await boards.require(request.params.id);
    await facilitators.require(request, board);
    await deps.deletion.delete(board.meta.id, 'facilitator').catch((error: unknown) => {
      throw storeFailure(error, 'the board could not be deleted: the server cannot write to its storage');
    });
    response.status(204).end();
  });

  router.get('/boards/:id/retention', async (request, response) => {
    const board = await boards.require(request.params.id);
    response.json((await deps.accountBoards.retention(board.meta.id)) satisfies BoardRetention);
  });

  router.get('/boards/:id/facilitators', async (request, response) => {
    const board = await boards.require(request.params.id);
    await facilitators.require(request, board);
    const list = (await deps.accountBoards.facilitators(board.meta.id)) ?? {
      createdBy: null,
      coFacilitators: [],
    };
    response.json(list satisfies BoardFacilitatorList);
  });

  router.put('/boards/:id/facilitators', express.json({ limit: '16kb' }), async (request, response) => {
    if (!deps.signIn) throw new HttpError(404, ErrorCode.notFound, 'sign-in is off on this server');
    const board = await boards.require(request.params.id);
    await facilitators.require(request, board);
    const { coFacilitators } = parseOr400(setCoFacilitatorsBodySchema, request.body);
    const list = await deps.accountBoards.setCoFacilitators(board.meta.id, coFacilitators);
    response.json(list satisfies BoardFacilitatorList);
  });

  return router;
}
