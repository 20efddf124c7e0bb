import express, { Router, type Request, type Response } from 'express';
import {
  createBoardBodySchema,
  ErrorCode,
  ownedTemplatesRequestSchema,
  type BoardMeta,
  type OwnedTemplateList,
  type TemplateList,
} from '@atelier/protocol';
import { listTemplates } from '@atelier/templates';
import type { BoardService } from '../boards/board-service';
import type { Config } from '../config';
import type { RoomRegistry } from '../rooms/room-registry';
import type { SessionService } from '../session/session-service';
import { hashKey } from '../secrets';
import type { Account, BoardStore } from '../store/board-store';
import { requestAddress } from './client-address';
import type { AddressRate } from '../limits/shared-limits';
import { HttpError, parseOr400, rateLimitedError, storeFailure } from './http-error';
import type { FacilitatorGate } from './facilitator-gate';

export interface BoardRouteDeps {
  boards: BoardService;
  rooms: RoomRegistry;
  sessions: SessionService;
  store: BoardStore;
  config: Config;
  /** Shared with the other routes and the socket handshake, so wrong keys count once per address. */
  facilitators: FacilitatorGate;
  /** Boards created per address (`MAX_BOARDS_PER_IP_PER_HOUR`), shared by every process. */
  boardCreation: AddressRate;
}

/** The signed-in person creating a board, set by the creation gate (app.ts) when sign-in is on. */
export function creatorOf(response: Response): Account | undefined {
  return (response.locals as { creator?: Account }).creator;
}

export function baseUrlOf(request: Request, config: Config): string {
  return config.publicUrl ?? `${request.protocol}://${request.get('host') ?? 'localhost'}`;
}

export function boardRoutes({
  boards,
  sessions,
  store,
  config,
  facilitators,
  boardCreation,
}: BoardRouteDeps): Router {
  const router = Router();
  const json = express.json({ limit: '64kb' });

  // Saved templates belong to the facilitator of the board they came from: listed for everyone
  // only when the operator publishes them (ALLOW_PUBLIC_TEMPLATES).
  router.get('/templates', async (_request, response) => {
    const saved = config.publicTemplates ? await store.listTemplates() : [];
    const templates = [...listTemplates(), ...saved.map((entry) => entry.summary)];
    response.json({ templates } satisfies TemplateList);
  });

  router.post('/templates/owned', json, async (request, response) => {
    const { facilitatorKeys } = parseOr400(ownedTemplatesRequestSchema, request.body);
    const owners = new Map(facilitatorKeys.map((key, index) => [hashKey(key), index]));
    const templates: OwnedTemplateList['templates'] = [];
    for (const { summary, ownerKeyHash } of await store.listTemplates()) {
      const ownerKeyIndex = ownerKeyHash === null ? undefined : owners.get(ownerKeyHash);
      if (ownerKeyIndex !== undefined) templates.push({ ...summary, ownerKeyIndex });
    }
    response.json({ templates } satisfies OwnedTemplateList);
  });

  router.delete('/templates/:id', async (request, response) => {
    const template = await store.getTemplate(request.params.id);
    if (!template) throw new HttpError(404, ErrorCode.notFound, 'no saved template with this id');
    // Templates saved before they had owners can only go through the operator.
    await facilitators.requireKeyOf(request, template.ownerKeyHash ?? '');
    await store.deleteTemplate(template.summary.id);
    response.status(204).end();
  });

  router.post('/boards', json, async (request, response) => {
    const decision = await boardCreation.take(requestAddress(request));
    if (!decision.ok) {
      throw rateLimitedError(
        decision.retryAfterSeconds,
        'too many boards created from this address; try again later',
      );
    }
    const body = parseOr400(createBoardBodySchema, request.body);
    const created = await boards
      .create(body, baseUrlOf(request, config), creatorOf(response))
      .catch((error: unknown) => {
        throw storeFailure(error, 'the board could not be saved: the server cannot write to its storage');
      });
    response.status(201).json(created);
  });

  router.get('/boards/:id', async (request, response) => {
    const { meta } = await boards.require(request.params.id);
    response.json(meta satisfies BoardMeta);
  });

  router.get('/boards/:id/session', async (request, response) => {
    await boards.require(request.params.id);
    response.json(await sessions.publicState(request.params.id));
  });

  router.post('/boards/:id/session/commands', json, async (request, response) => {
    const board = await boards.require(request.params.id);
    await facilitators.require(request, board);
    const result = await sessions.execute(board.meta.id, request.body, {
      userId: 'rest:facilitator',
      role: 'facilitator',
    });
    if (!result.ok) {
      const status =
        result.error.code === ErrorCode.invalidPayload || result.error.code === ErrorCode.badRequest
          ? 400
          : 409;
      throw new HttpError(status, result.error.code, result.error.message);
    }
    response.json(await sessions.publicState(board.meta.id));
  });

  return router;
}
