import {
  accountInfoSchema,
  boardFacilitatorsSchema,
  boardRetentionSchema,
  myBoardListSchema,
  type AccountInfo,
  type BoardFacilitatorList,
  type BoardRetention,
  type MyBoardList,
  apiErrorSchema,
  boardMetaSchema,
  clientConfigSchema,
  createdBoardSchema,
  ownedTemplateListSchema,
  templateListSchema,
  viewerBoardSchema,
  viewerLinkSchema,
  type BoardMeta,
  type ClientConfig,
  type CreateBoardBody,
  type CreatedBoard,
  type OwnedTemplateList,
  type ImportBoardQuery,
  type TemplateList,
  type ViewerBoard,
  type ViewerLink,
} from '@atelier/protocol';
import { z } from 'zod';

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function request<T extends z.ZodType>(
  schema: T,
  path: string,
  init?: RequestInit,
): Promise<z.infer<T>> {
  const response = await fetch(path, {
    ...init,
    headers: {
      Accept: 'application/json',
      ...(typeof init?.body === 'string' ? { 'Content-Type': 'application/json' } : {}),
      ...init?.headers,
    },
  });
  const body: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const error = apiErrorSchema.safeParse(body);
    throw error.success
      ? new ApiRequestError(response.status, error.data.error.code, error.data.error.message)
      : new ApiRequestError(response.status, 'internal_error', response.statusText);
  }
  return schema.parse(body);
}

/** The facilitator key as Bearer; without one, the sign-in cookie speaks for a signed-in facilitator. */
function asFacilitator(facilitatorKey: string | undefined): Record<string, string> {
  return facilitatorKey ? { Authorization: `Bearer ${facilitatorKey}` } : {};
}

export const api = {
  config: (): Promise<ClientConfig> => request(clientConfigSchema, '/api/config'),
  templates: (): Promise<TemplateList> => request(templateListSchema, '/api/templates'),
  board: (id: string): Promise<BoardMeta> =>
    request(boardMetaSchema, `/api/boards/${encodeURIComponent(id)}`),
  /** What a read-only link shows of its board (never its id). */
  viewerBoard: (viewerKey: string): Promise<ViewerBoard> =>
    request(viewerBoardSchema, `/api/view/${encodeURIComponent(viewerKey)}`),
  /** A new read-only link for the board; the previous one stops working. */
  newViewerLink: (boardId: string, facilitatorKey: string | undefined): Promise<ViewerLink> =>
    request(viewerLinkSchema, `/api/boards/${encodeURIComponent(boardId)}/viewer-link`, {
      method: 'POST',
      headers: asFacilitator(facilitatorKey),
    }),
  /** Whether sign-in is on, and who is signed in on this browser (the session cookie). */
  me: (): Promise<AccountInfo> => request(accountInfoSchema, '/api/me'),
  /** "Mes ateliers": the boards the signed-in person created or co-facilitates. */
  myBoards: (): Promise<MyBoardList> => request(myBoardListSchema, '/api/me/boards'),
  retention: (boardId: string): Promise<BoardRetention> =>
    request(boardRetentionSchema, `/api/boards/${encodeURIComponent(boardId)}/retention`),
  facilitators: (boardId: string, facilitatorKey: string | undefined): Promise<BoardFacilitatorList> =>
    request(boardFacilitatorsSchema, `/api/boards/${encodeURIComponent(boardId)}/facilitators`, {
      headers: asFacilitator(facilitatorKey),
    }),
  setCoFacilitators: (
    boardId: string,
    coFacilitators: string[],
    facilitatorKey: string | undefined,
  ): Promise<BoardFacilitatorList> =>
    request(boardFacilitatorsSchema, `/api/boards/${encodeURIComponent(boardId)}/facilitators`, {
      method: 'PUT',
      headers: asFacilitator(facilitatorKey),
      body: JSON.stringify({ coFacilitators }),
    }),
  /** Deletes the board and everything of it, for good. */
  deleteBoard: (boardId: string, facilitatorKey: string | undefined): Promise<unknown> =>
    request(z.unknown(), `/api/boards/${encodeURIComponent(boardId)}`, {
      method: 'DELETE',
      headers: asFacilitator(facilitatorKey),
    }),
  createBoard: (body: CreateBoardBody): Promise<CreatedBoard> =>
    request(createdBoardSchema, '/api/boards', { method: 'POST', body: JSON.stringify(body) }),
  /** Templates saved from the boards whose facilitator keys are given: private to them. */
  ownedTemplates: (facilitatorKeys: string[]): Promise<OwnedTemplateList> =>
    facilitatorKeys.length === 0
      ? Promise.resolve({ templates: [] })
      : request(ownedTemplateListSchema, '/api/templates/owned', {
          method: 'POST',
          body: JSON.stringify({ facilitatorKeys }),
        }),
  deleteTemplate: (id: string, facilitatorKey: string): Promise<unknown> =>
    request(z.unknown(), `/api/templates/${encodeURIComponent(id)}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${facilitatorKey}` },
    }),
  /** A `.tldr` file sent as it is (the server reads any Content-Type as JSON). */
  importBoard: (file: Blob, query: ImportBoardQuery): Promise<CreatedBoard> => {
    const params = new URLSearchParams();
    if (query.locale) params.set('locale', query.locale);
    if (query.title?.trim()) params.set('title', query.title.trim().slice(0, 120));
    return request(createdBoardSchema, `/api/boards/import?${params.toString()}`, {
      method: 'POST',
      body: file,
    });
  },
};
