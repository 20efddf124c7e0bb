export * from './browser-globals';
export * from './note-record';
export * from './processes';
export * from './session-client';
export * from './sync-clients';
export * from './http-browser';
export * from './labs';
