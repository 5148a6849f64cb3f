// The annotation layer's public entry point.
export { annotate } from './annotate.js';
