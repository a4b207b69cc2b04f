/**
 * zod, configured before any schema exists: imported first by main.tsx. zod probes
 * `new Function` when an object schema is built (not when it parses) to decide whether to
 * compile validators; the CSP forbids eval, so the probe is reported as a violation on every
 * load unless jitless is set before the first schema is built (the contract's schemas are built
 * when src/core/api.ts is first imported).
 */
import { z } from 'zod';

z.config({ jitless: true });
