import { z } from 'zod';

/**
 * The only reader of `import.meta.env`: the app's settings, checked once when the bundle loads.
 * `VITE_OCR_PROJECT_ID` is the `{project_id}` path segment of the OCR route; the local engine
 * accepts any value, Huawei Cloud (behind the proxy) needs the real project id.
 */
const appConfigSchema = z.object({
  VITE_OCR_PROJECT_ID: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "-" or "_" only')
    .default('local'),
});

function loadAppConfig() {
  const parsed = appConfigSchema.safeParse(import.meta.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`Invalid app configuration:\n  ${problems.join('\n  ')}`);
  }
  return { ocrProjectId: parsed.data.VITE_OCR_PROJECT_ID };
}

export const appConfig = loadAppConfig();
