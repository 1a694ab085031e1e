import { installModels } from './model-install.ts';

/** `npm ci`'s postinstall step: one line saying what was installed, or why the fallback. */
const outcome = await installModels();
console.log(outcome.message);
