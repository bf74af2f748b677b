// The board model: import from here.
export * from './vocabulary';
export * from './types';
export * from './boardDoc';
export * from './linkRules';
export * from './operations';
export * from './validateBoard';
export * from './readModels';
export * from './interchange/schema';
export * from './interchange/parseBoardJson';
export * from './interchange/boardJson';
export * from './yText';
export * from './diffBoards';
export * from './workshop/index';
export * from './theme';
export * from './sdg';
