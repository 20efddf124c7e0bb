// A refused command, said in the person's language: the server's messages are English and for
// developers, so the UI translates by error code and by what was attempted.
import type { SessionCommandType, SocketError } from '@atelier/protocol';
import type { Messages } from '../shared/i18n';

export function commandErrorMessage(type: SessionCommandType, error: SocketError, t: Messages): string {
  switch (error.code) {
    case 'forbidden':
      return type === 'groups.choose' ? t.facErrGroupsBalanced : t.facErrForbidden;
    case 'undo_expired':
      return t.facErrUndoExpired;
    case 'conflict':
      if (type === 'undo') return t.facErrUndoChanged;
      if (type.startsWith('timer.')) return t.facErrConflictTimer;
      if (type === 'step.next') return t.facErrLastStep;
      if (type === 'step.previous') return t.facErrFirstStep;
      if (type === 'vote.open') return t.facErrVoteOpen;
      if (type === 'vote.cast' || type === 'vote.retract') return t.facErrNoVote;
      if (type.startsWith('groups.')) return t.facErrNoGroups;
      return t.facErrConflict;
    case 'limit_exceeded':
      return type === 'vote.cast' ? t.facErrDotsUsed : t.facErrLimit;
    case 'bad_request':
      if (type === 'vote.retract') return t.facErrNoDotHere;
      if (type === 'camera.summon') return t.facErrNoFrame;
      return t.facErrNotFound;
    case 'invalid_payload':
      return t.facErrInvalid;
    case 'rate_limited':
      return t.facErrRateLimited;
    case 'store_unavailable':
      return t.facErrStore;
    case 'internal_error':
      return t.facErrTimeout;
    default:
      return t.errorGeneric;
  }
}
