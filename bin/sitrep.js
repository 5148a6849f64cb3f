#!/usr/bin/env node
// The CLI is compiled to dist/ by `npm run build` (run automatically by `npm install`).
import '../dist/src/cli/main.js';
