// One mapping from what went wrong to HTTP, for routes and the WebSocket upgrade alike.
import { describe, expect, it } from 'vitest';
import { ApiError, errorBody, httpErrorOf } from './errors';
import {
  BoardGoneError, BoardLoadError, ConflictError, ForbiddenError, InternalError, InvalidError, NotFoundError, TooLargeError, TooManyBoardsError,
  UnauthenticatedError, UnavailableError,
} from '../errors';

describe('httpErrorOf', () => {
  it('gives each kind of domain error its status, keeping code, message and details', () => {
    const cases: [Error, number][] = [
      [new InvalidError('invalid_request', 'm'), 400],
      [new UnauthenticatedError('token_missing', 'm'), 401],
      [new ForbiddenError('token_invalid', 'm'), 403],
      [new NotFoundError('snapshot_not_found', 'm'), 404],
      [new ConflictError('too_many_snapshots', 'm'), 409],
      [new TooLargeError('too_large', 'm'), 413],
      [new InternalError('snapshot_unreadable', 'm'), 500],
      [new UnavailableError('export_busy', 'm'), 503],
    ];
    for (const [err, status] of cases) expect(httpErrorOf(err)?.status).toBe(status);
    expect(httpErrorOf(new InvalidError('invalid_board', 'two errors', [{ path: 'nodes.0', message: 'x' }]))).toEqual({
      status: 400, code: 'invalid_board', message: 'two errors', details: [{ path: 'nodes.0', message: 'x' }],
    });
  });

  it('says the same for the rooms’ errors whether a route or the upgrade met them', () => {
    expect(httpErrorOf(new BoardGoneError('b1'))).toMatchObject({ status: 404, code: 'not_found' });
    expect(httpErrorOf(new TooManyBoardsError(5))).toMatchObject({ status: 503, code: 'too_many_boards' });
    expect(httpErrorOf(new BoardLoadError('b1', new Error('disk gone')))).toMatchObject({ status: 503, code: 'storage_failed', message: expect.stringContaining('disk gone') });
  });

  it('maps storage faults, route-made HTTP errors and body-parser errors; a bug is left to the caller', () => {
    expect(httpErrorOf(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }))).toMatchObject({ status: 507, code: 'storage_full' });
    expect(httpErrorOf(new ApiError(415, 'unsupported_media_type', 'm'))).toMatchObject({ status: 415, code: 'unsupported_media_type' });
    expect(httpErrorOf(Object.assign(new Error('Unexpected token'), { type: 'entity.parse.failed', status: 400 }))).toMatchObject({ status: 400, code: 'malformed_json' });
    expect(httpErrorOf(new TypeError('x is undefined'))).toBeNull();
  });

  it('writes the one error body shape', () => {
    expect(errorBody({ code: 'c', message: 'm' })).toEqual({ error: { code: 'c', message: 'm' } });
    expect(errorBody({ code: 'c', message: 'm', details: [1] })).toEqual({ error: { code: 'c', message: 'm', details: [1] } });
  });
});
