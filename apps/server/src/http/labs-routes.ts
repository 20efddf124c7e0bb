// The labs' map that lives on (issue 15): last year's map in (a labs file or the community's registry,
// written as pins through the board's room), this year's identity cards out to the registry, and the
// registry as GeoJSON at a stable address a uMap layer reads as remote data.
import { randomBytes } from 'node:crypto';
import {
  changesSinceImport,
  findAcademie,
  type AcademieCode,
  type IdentityCardFields,
} from '@atelier/board-schema';
import { identityCardsOf, LabsFileError, readLabsFile, renderLabsGeoJson } from '@atelier/export';
import {
  ErrorCode,
  labsImportQuerySchema,
  labsPublishBodySchema,
  MAX_LABS_FILE_BYTES,
  type LabsImportResult,
  type LabsPublishResult,
  type PublishedLab,
} from '@atelier/protocol';
import { planLabImport } from '@atelier/templates';
import type { TLRecord } from '@tldraw/tlschema';
import express, { Router, type Request } from 'express';
import type { BoardService } from '../boards/board-service';
import type { Config } from '../config';
import type { AddressRate } from '../limits/shared-limits';
import type { RoomRegistry } from '../rooms/room-registry';
import { RoomWriteError, type RoomWriter } from '../rooms/room-writer';
import type { BoardStore, RegistryLab } from '../store/board-store';
import { requestAddress } from './client-address';
import type { FacilitatorGate } from './facilitator-gate';
import { HttpError, parseOr400, rateLimitedError } from './http-error';

export interface LabsRouteDeps {
  boards: BoardService;
  rooms: RoomRegistry;
  store: BoardStore;
  config: Config;
  facilitators: FacilitatorGate;
  /** Writes the imported pins through the board's room. */
  writer: RoomWriter;
  /** Imports per address (shared with the board imports). */
  imports: AddressRate;
  now?: () => number;
}

type PlacedLab = IdentityCardFields & { academie: AcademieCode; labId: string };

function isPlaced(fields: IdentityCardFields & { labId: string }): fields is PlacedLab {
  return fields.academie !== null && fields.labName.trim() !== '';
}

function registryOff(): HttpError {
  return new HttpError(404, ErrorCode.notFound, 'this server keeps no labs registry (LABS_REGISTRY=on)');
}

export function labsRoutes({
  boards,
  rooms,
  store,
  config,
  facilitators,
  writer,
  imports,
  now = Date.now,
}: LabsRouteDeps): Router {
  const router = Router();
  const fileBody = express.raw({ limit: MAX_LABS_FILE_BYTES, type: () => true });
  const json = express.json({ limit: '1kb' });

  async function takeImport(request: Request): Promise<void> {
    const decision = await imports.take(requestAddress(request));
    if (!decision.ok)
      throw rateLimitedError(
        decision.retryAfterSeconds,
        'too many imports from this address; try again later',
      );
  }

  router.post('/boards/:id/labs/import', fileBody, async (request, response) => {
    const board = await boards.require(request.params.id);
    await facilitators.require(request, board);
    await takeImport(request);
    const query = parseOr400(labsImportQuerySchema, request.query);
    let labs: PlacedLab[];
    let reading: Pick<LabsImportResult, 'format' | 'skipped'>;
    if (query.source === 'registry') {
      if (!config.labsRegistry) throw registryOff();
      labs = (await store.listRegistryLabs())
        .map((lab) => ({ ...lab.fields, labId: lab.id }))
        .filter(isPlaced);
      reading = { format: 'registry', skipped: [] };
    } else {
      const text = Buffer.isBuffer(request.body) ? request.body.toString('utf8') : '';
      if (!text.trim()) throw new HttpError(400, ErrorCode.invalidPayload, 'send the labs file as the body');
      try {
        const file = readLabsFile(text);
        labs = file.labs;
        reading = { format: file.format, skipped: file.skipped };
      } catch (error) {
        if (error instanceof LabsFileError)
          throw new HttpError(400, ErrorCode.unsupportedFile, error.message);
        throw error;
      }
    }
    const locale = query.locale ?? 'fr';
    let result: LabsImportResult;
    try {
      result = await writer.write(board.meta.id, (records) => {
        const plan = planLabImport(records, labs, {
          locale,
          createId: () => randomBytes(9).toString('base64url'),
        });
        return {
          put: plan.put as TLRecord[],
          result: { ...reading, created: plan.created, updated: plan.updated, unchanged: plan.unchanged },
        };
      });
    } catch (error) {
      if (error instanceof RoomWriteError) throw new HttpError(409, ErrorCode.conflict, error.message);
      if (error instanceof Error && /no map of académies/.test(error.message))
        throw new HttpError(
          409,
          ErrorCode.conflict,
          'this board has no map of académies (identity-map template)',
        );
      throw error;
    }
    response.json(result satisfies LabsImportResult);
  });

  router.post('/boards/:id/labs/publish', json, async (request, response) => {
    const board = await boards.require(request.params.id);
    await facilitators.require(request, board);
    if (!config.labsRegistry) throw registryOff();
    const { dryRun } = parseOr400(labsPublishBodySchema, request.body ?? {});
    const snapshot = await rooms.snapshot(board.meta.id);
    if (!snapshot) throw new HttpError(404, ErrorCode.boardNotFound, 'no board with this id');
    const cards = identityCardsOf(snapshot.documents.map((d) => d.state as TLRecord)).filter(isPlaced);
    const registry = new Map((await store.listRegistryLabs()).map((lab) => [lab.id, lab]));
    const updatedAt = new Date(now()).toISOString();
    const added: PublishedLab[] = [];
    const changed: PublishedLab[] = [];
    const writes: RegistryLab[] = [];
    let unchanged = 0;
    for (const fields of cards) {
      const known = registry.get(fields.labId);
      const entry = {
        id: fields.labId,
        labName: fields.labName.trim(),
        academie: findAcademie(fields.academie)?.name ?? fields.academie,
      };
      if (!known) {
        added.push(entry);
      } else {
        const differs = changesSinceImport(fields, known.fields);
        if (differs.length === 0) {
          unchanged += 1;
          continue;
        }
        changed.push({ ...entry, fields: differs });
      }
      writes.push({ id: fields.labId, fields, updatedAt, boardId: board.meta.id });
    }
    if (!dryRun) await store.putRegistryLabs(writes);
    response.json({ published: !dryRun, added, changed, unchanged } satisfies LabsPublishResult);
  });

  // A stable address for uMap's "remote data": open to any origin, for reading, on this route only.
  router.get('/labs.geojson', async (request, response) => {
    if (!config.labsRegistry) throw registryOff();
    const locale = request.query.locale === 'en' ? 'en' : 'fr';
    const labs = (await store.listRegistryLabs()).map((lab) => ({ ...lab.fields, labId: lab.id }));
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    response.setHeader('Cache-Control', 'public, max-age=60');
    response.setHeader('Content-Type', 'application/geo+json; charset=utf-8');
    response.send(renderLabsGeoJson(labs, locale));
  });

  return router;
}
