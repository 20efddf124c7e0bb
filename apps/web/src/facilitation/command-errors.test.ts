import type { ErrorCode, SessionCommandType } from '@atelier/protocol';
import { participantCommandTypes } from '@atelier/protocol';
import { describe, expect, it } from 'vitest';
import type { Messages } from '../shared/i18n';
import { commandErrorMessage } from './command-errors';

const error = (code: ErrorCode) => ({ code, message: 'English developer text' });

// Each message is its own key, so the tests read which catalogue entry was chosen.
const t = new Proxy({}, { get: (_target, key) => String(key) }) as Messages;

describe('commandErrorMessage', () => {
  it('says why a dot was refused', () => {
    expect(commandErrorMessage('vote.cast', error('limit_exceeded'), t)).toBe('facErrDotsUsed');
    expect(commandErrorMessage('vote.cast', error('conflict'), t)).toBe('facErrNoVote');
    expect(commandErrorMessage('vote.retract', error('bad_request'), t)).toBe('facErrNoDotHere');
    expect(commandErrorMessage('groups.choose', error('forbidden'), t)).toBe('facErrGroupsBalanced');
  });

  it('tells the facilitator what went wrong with the sequence', () => {
    expect(commandErrorMessage('step.next', error('conflict'), t)).toBe('facErrLastStep');
    expect(commandErrorMessage('timer.start', error('conflict'), t)).toBe('facErrConflictTimer');
    expect(commandErrorMessage('camera.summon', error('bad_request'), t)).toBe('facErrNoFrame');
    expect(commandErrorMessage('timer.extend', error('internal_error'), t)).toBe('facErrTimeout');
  });

  it('S-UNDO-3: says whether an undo came too late or after the session changed', () => {
    expect(commandErrorMessage('undo', error('undo_expired'), t)).toBe('facErrUndoExpired');
    expect(commandErrorMessage('undo', error('conflict'), t)).toBe('facErrUndoChanged');
  });

  it('always answers with a catalogue message, never the server’s English text', () => {
    const codes: ErrorCode[] = [
      'bad_request',
      'invalid_payload',
      'rate_limited',
      'forbidden',
      'limit_exceeded',
      'conflict',
      'store_unavailable',
      'internal_error',
      'board_not_found',
      'undo_expired',
    ];
    const types: SessionCommandType[] = [
      'timer.pause',
      'step.goto',
      'groups.split',
      'undo',
      ...participantCommandTypes,
    ];
    for (const code of codes)
      for (const type of types) {
        const message = commandErrorMessage(type, error(code), t);
        expect(message === 'errorGeneric' || message.startsWith('facErr')).toBe(true);
      }
  });
});
