export * from './errors';
export * from './board';
export * from './step';
export * from './socket';
export * from './session';
export * from './templates';
export * from './board-files';
export * from './events';
