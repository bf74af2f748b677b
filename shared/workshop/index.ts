// Workshop mode (issue #7): sides, two-party agreement, facilitation, dot-voting, comment threads.
export * from './sides';
export * from './fingerprint';
export * from './model';
export * from './schema';
export * from './agreements';
export * from './session';
export * from './votes';
export * from './comments';
export * from './commentStamps';
