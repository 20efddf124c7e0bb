import { z } from 'zod';

// zod compiles validators with `new Function` unless told not to; our Content Security Policy (no
// 'unsafe-eval') refuses that, and the browser reports each refusal. Validate without it.
z.config({ jitless: true });
