// Files uploaded to a board (images, videos): written once by someone connected to the board, read
// by anyone holding one of its links. Never by a viewer, never twice under one id, never past the
// board's quota, and never faster than an address's upload rate.
import express, { Router, type RequestHandler, type Response } from 'express';
import { allowedAssetType, assetUploadProofHeader, ErrorCode } from '@atelier/protocol';
import type { BoardService } from '../boards/board-service';
import { userIdFromClientKey } from '../secrets';
import type { SessionService } from '../session/session-service';
import type { BoardStore, StoredAsset } from '../store/board-store';
import type { AddressRate } from './address-rate';
import { requestAddress } from './client-address';
import { HttpError } from './http-error';

export interface AssetRouteDeps {
  boards: BoardService;
  store: BoardStore;
  /** Who is connected to a board, on any process. */
  members: Pick<SessionService, 'connectedRole'>;
  /** Uploads per address (MAX_ASSET_UPLOADS_PER_IP_PER_MINUTE). */
  uploads: AddressRate;
}

const MAX_ASSET_BYTES = 10 * 1024 * 1024;
const ASSET_ID = /^[A-Za-z0-9_:.-]{1,128}$/;
const CLIENT_KEY = /^[A-Za-z0-9_-]{16,64}$/;

function sendAsset(response: Response, asset: StoredAsset): void {
  response.setHeader('Content-Type', asset.contentType);
  response.setHeader('Cache-Control', 'private, max-age=31536000, immutable');
  // SVG can carry scripts: never let it run as a document on our origin.
  response.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
  response.send(asset.bytes);
}

export function assetRoutes({ boards, store, members, uploads }: AssetRouteDeps): Router {
  const router = Router();

  // Everything that can be refused is refused before the body is read.
  const mayUpload: RequestHandler<{ id: string; assetId: string }> = async (request, response, next) => {
    const verdict = await uploads.take(requestAddress(request));
    if (!verdict.ok) {
      response.setHeader('Retry-After', String(verdict.retryAfterSeconds));
      throw new HttpError(429, ErrorCode.rateLimited, 'too many uploads from this address; try again later');
    }
    const board = await boards.require(request.params.id);
    const clientKey = request.get(assetUploadProofHeader);
    if (!clientKey || !CLIENT_KEY.test(clientKey)) {
      throw new HttpError(
        401,
        ErrorCode.unauthorized,
        `uploads need the ${assetUploadProofHeader} header of someone connected to this board`,
      );
    }
    const role = await members.connectedRole(board.meta.id, userIdFromClientKey(clientKey));
    if (role !== 'participant' && role !== 'facilitator') {
      throw new HttpError(
        403,
        ErrorCode.forbidden,
        role === 'viewer'
          ? 'a read-only link cannot add files'
          : 'only someone connected to this board may add files to it',
      );
    }
    if (!ASSET_ID.test(request.params.assetId))
      throw new HttpError(400, ErrorCode.invalidPayload, 'assetId: not a valid id');
    if (!allowedAssetType.test(request.get('content-type') ?? '')) {
      throw new HttpError(
        415,
        ErrorCode.invalidPayload,
        'only images (png, jpeg, gif, webp, svg) and mp4/webm videos',
      );
    }
    next();
  };

  router.put(
    '/boards/:id/assets/:assetId',
    mayUpload,
    express.raw({ type: () => true, limit: MAX_ASSET_BYTES }),
    async (request, response) => {
      const { id, assetId } = request.params;
      if (!Buffer.isBuffer(request.body) || request.body.length === 0) {
        throw new HttpError(400, ErrorCode.invalidPayload, 'the asset is empty');
      }
      const asset = { contentType: request.get('content-type') ?? '', bytes: request.body };
      const written = await store.putAsset(id, assetId, asset, boards.maxBoardAssetBytes);
      if (written === 'exists') {
        throw new HttpError(409, ErrorCode.conflict, 'a file with this id exists; a new file needs a new id');
      }
      if (written === 'quota_exceeded') {
        const megabytes = Math.round(boards.maxBoardAssetBytes / (1024 * 1024));
        throw new HttpError(
          413,
          ErrorCode.limitExceeded,
          `this board's files have reached their maximum size (${megabytes} MB)`,
        );
      }
      response.status(201).json({ url: `/api/boards/${id}/assets/${encodeURIComponent(assetId)}` });
    },
  );

  router.get('/boards/:id/assets/:assetId', async (request, response) => {
    const board = await boards.require(request.params.id);
    const asset = await store.getAsset(board.meta.id, request.params.assetId);
    if (!asset) throw new HttpError(404, ErrorCode.notFound, 'no such asset');
    sendAsset(response, asset);
  });

  // A read-only link's images, named through the link (see rooms/viewer-view.ts).
  router.get('/view/:viewerKey/assets/:assetId', async (request, response) => {
    const board = await boards.requireByViewerKey(request.params.viewerKey);
    const asset = await store.getAsset(board.meta.id, request.params.assetId);
    if (!asset) throw new HttpError(404, ErrorCode.notFound, 'no such asset');
    sendAsset(response, asset);
  });

  return router;
}
