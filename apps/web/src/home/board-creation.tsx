// Making a board from the home page, whether from one template, a day's programme or a .tldr file:
// the request's state, and the links shown once it is made.
import { useState } from 'react';
import type { CreateBoardBody, CreatedBoard } from '@atelier/protocol';
import { api, ApiRequestError } from '../shared/api';
import { CopyField } from '../shared/copy-field';
import { rememberViewerLink } from '../shared/identity';

export function useBoardCreation(fallbackError: string) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedBoard | null>(null);

  /** A board made: its read-only link kept here (the server keeps only its hash), its links shown. */
  const show = (board: CreatedBoard) => {
    rememberViewerLink(board.id, board.viewerUrl);
    setCreated(board);
  };

  const create = async (body: CreateBoardBody) => {
    setBusy(true);
    setError(null);
    try {
      show(await api.createBoard(body));
    } catch (caught) {
      setError(caught instanceof ApiRequestError ? caught.message : fallbackError);
    } finally {
      setBusy(false);
    }
  };

  // setError: the form's other requests (deleting a saved template) report there too.
  return { busy, error, setError, created, create, show };
}

export interface CreatedBoardLabels {
  participant: string;
  viewer: string;
  facilitator: string;
  open: string;
}

/** The new board's three links to copy, and the way in as its facilitator. */
export function CreatedBoardLinks({
  board,
  status,
  labels,
}: {
  board: CreatedBoard;
  status: string;
  labels: CreatedBoardLabels;
}) {
  return (
    <div className="created">
      <p role="status">{status}</p>
      <CopyField label={labels.participant} value={board.participantUrl} />
      <CopyField label={labels.viewer} value={board.viewerUrl} />
      <CopyField label={labels.facilitator} value={board.facilitatorUrl} />
      <a className="button primary" href={board.facilitatorUrl}>
        {labels.open}
      </a>
    </div>
  );
}
