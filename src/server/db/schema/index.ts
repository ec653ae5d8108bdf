export * from './units.js';
export * from './org.js';
export * from './auth.js';
export * from './audit.js';
export * from './imports.js';
export * from './calendar.js';
export * from './supervision.js';
export * from './notifications.js';
